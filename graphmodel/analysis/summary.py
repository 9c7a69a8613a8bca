"""The report's first page as data: the most important problems and the most useful actions.

``summarize`` picks them from what the analyses found (gaps that can be judged, points of
failure, pairing proposals) and returns codes, numbers and places; the report layer turns
each ``Finding`` into one sentence (``graphmodel.report.sentences``).

Problems, in this order of importance (the first ``n`` that occur are kept):

1. ``cut_off``: communities that hang on one actor (a single point of failure): losing one
   unit or committee costs them every outside tie, the worst outcome the network can have;
2. ``unpaired_community``: communities with no pairing in force, the basic tie of 结对共建;
3. ``isolated_cluster``: parts of a street that do not reach its working committee;
4. ``no_committee``: communities and streets no coordination committee covers;
5. ``expired_pairing``: pairings ended or due for review, about to become 1.;
6. ``few_social_orgs``, 7. ``unreported``: services and 双报到 below the policy;
8. ``working_alone``: units tied to nobody (各自作战); 9. ``thin_committee``.

Actions, sorted by the number of communities they help (most first; ties in this order):
``pair`` (the proposals of ``recommend``), ``second_tie`` (a second pairing for the
communities that hang on one actor), ``committee`` (a community committee where none
covers), ``cultivate`` (the social organizations missing to reach the policy minimum),
``renew`` (expired pairings), ``join`` (units working alone that can join thin committees of
their street: committee additions), ``find_unit`` (communities no unit can cover: capacity
to find).

Each finding names up to ``PLACES`` streets where it is largest (most first, then by name).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from graphmodel.analysis.failure import PointOfFailure
from graphmodel.analysis.gaps import Gap
from graphmodel.analysis.recommend import Recommendation
from graphmodel.schema import Label

__all__ = ["PLACES", "PROBLEMS", "Finding", "Place", "Summary", "summarize"]

PLACES = 3
"""Streets named per finding."""

PROBLEMS = (
    "cut_off",
    "unpaired_community",
    "isolated_cluster",
    "no_committee",
    "expired_pairing",
    "few_social_orgs",
    "unreported",
    "working_alone",
    "thin_committee",
)
"""Problem codes in order of importance (module docstring)."""

ACTIONS = ("pair", "second_tie", "committee", "cultivate", "renew", "join", "find_unit")
"""Action codes; equal numbers of communities helped keep this order."""


@dataclass(frozen=True)
class Place:
    """A street where a finding is large: ``count`` of it there, out of ``total`` communities
    (0 when the street's communities are not the measure)."""

    id: str
    name: str
    district_name: str
    count: int
    total: int = 0


@dataclass(frozen=True)
class Finding:
    """One problem or action: its ``code``, its number ``count``, out of ``total`` (the
    communities in scope; 0 when not a share of communities), a second number ``extra``
    (the code says what: communities cut off, organizations to cultivate, units available),
    the streets where it is largest, and ``examples`` (names from the ledger)."""

    code: str
    count: int
    total: int = 0
    extra: int = 0
    places: tuple[Place, ...] = ()
    examples: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class Summary:
    """The first page: ``problems`` and ``actions`` (most important first)."""

    problems: list[Finding] = field(default_factory=list)
    actions: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {
            "problems": [f.to_dict() for f in self.problems],
            "actions": [f.to_dict() for f in self.actions],
        }


def summarize(
    gaps: Sequence[Gap],
    points: Sequence[PointOfFailure],
    rec: Recommendation,
    street_communities: dict[str, int],
    n: int = 5,
) -> Summary:
    """The ``n`` most important problems and the ``n`` most useful actions.

    Parameters
    ----------
    gaps : the gaps in scope that can be judged (``Completeness.split``)
    points : the points of failure in scope that cut off communities
    rec : the pairing proposals for the scope
    street_communities : communities per street id in scope (their sum is the ``total``)
    n : how many of each

    Examples
    --------
    >>> from graphmodel.analysis.recommend import Recommendation
    >>> gap = Gap("unpaired_community", "c", "站东社区", "Community", "s", "建国门街道",
    ...           "d", "东城区", "")
    >>> found = summarize([gap], [], Recommendation("2024-06-30", 1), {"s": 3})
    >>> [(f.code, f.count, f.total, f.places[0].name) for f in found.problems]
    [('unpaired_community', 1, 3, '建国门街道')]
    """
    total = sum(street_communities.values())
    by_rule: dict[str, list[Gap]] = {}
    for gap in gaps:
        by_rule.setdefault(gap.rule, []).append(gap)
    problems: list[Finding] = []
    cutting = [p for p in points if p.cut_off and p.kind == "articulation"]
    if cutting:
        lost = {c.id: c for p in cutting for c in p.cut_off}
        places = _places(((c.street, c.street_name, "") for c in lost.values()), street_communities)
        worst = max(cutting, key=lambda p: len(p.cut_off))
        problems.append(
            Finding(
                "cut_off",
                len(lost),
                total,
                len(cutting),
                places,
                (worst.names[0], worst.cut_off[0].name),
            )
        )
    for rule in PROBLEMS[1:]:
        found = by_rule.get(rule, [])
        if not found:
            continue
        on_communities = all(g.label == Label.COMMUNITY for g in found)
        problems.append(
            Finding(
                rule,
                len(found),
                total if on_communities else 0,
                len({g.node_id for g in found}),
                _gap_places(found, street_communities),
                tuple(g.name for g in found[:2]),
            )
        )
    return Summary(problems[:n], _actions(by_rule, cutting, rec, street_communities, n))


def _actions(
    by_rule: dict[str, list[Gap]],
    cutting: list[PointOfFailure],
    rec: Recommendation,
    street_communities: dict[str, int],
    n: int,
) -> list[Finding]:
    total = sum(street_communities.values())
    actions: list[Finding] = []
    if rec.proposals:
        places = _places(
            ((p.street_id, p.street_name, p.district_name) for p in rec.proposals),
            street_communities,
        )
        first = rec.proposals[0]
        actions.append(
            Finding(
                "pair",
                len(rec.proposals),
                total,
                len({p.unit_id for p in rec.proposals}),
                places,
                (first.unit_name, first.community_name),
            )
        )
    if cutting:
        lost = {c.id: c for p in cutting for c in p.cut_off}
        places = _places(((c.street, c.street_name, "") for c in lost.values()), street_communities)
        actions.append(
            Finding(
                "second_tie", len(lost), total, 0, places, tuple(c.name for c in lost.values())[:2]
            )
        )
    uncovered = [g for g in by_rule.get("no_committee", []) if g.label == Label.COMMUNITY]
    if uncovered:
        actions.append(
            Finding(
                "committee",
                len(uncovered),
                total,
                0,
                _gap_places(uncovered, street_communities),
                tuple(g.name for g in uncovered[:2]),
            )
        )
    few = by_rule.get("few_social_orgs", [])
    if few:
        missing = sum(
            max(0, int(g.detail.get("minimum", 0)) - int(g.detail.get("social_orgs", 0)))
            for g in few
        )
        actions.append(
            Finding(
                "cultivate",
                len(few),
                total,
                missing,
                _gap_places(few, street_communities),
                tuple(g.name for g in few[:2]),
            )
        )
    expired = by_rule.get("expired_pairing", [])
    if expired:
        actions.append(
            Finding(
                "renew",
                len(expired),
                total,
                len({g.node_id for g in expired}),
                _gap_places(expired, street_communities),
                tuple(g.name for g in expired[:2]),
            )
        )
    thin = by_rule.get("thin_committee", [])
    alone: dict[str, list[str]] = {}
    for g in by_rule.get("working_alone", []):
        alone.setdefault(g.street_id, []).append(g.name)
    joinable = [g for g in thin if alone.get(g.street_id)]
    if joinable:
        shortfall = sum(
            max(0, int(g.detail.get("minimum", 0)) - int(g.detail.get("member_units", 0)))
            for g in joinable
        )
        units = sum(len(alone[s]) for s in {g.street_id for g in joinable})
        actions.append(
            Finding(
                "join",
                min(shortfall, units),
                0,
                len(joinable),
                _gap_places(joinable, street_communities),
                (joinable[0].name, alone[joinable[0].street_id][0]),
            )
        )
    if rec.uncoverable:
        places = _places(
            ((u.street_id, u.street_name, u.district_name) for u in rec.uncoverable),
            street_communities,
        )
        actions.append(
            Finding(
                "find_unit",
                len(rec.uncoverable),
                total,
                0,
                places,
                tuple(u.community_name for u in rec.uncoverable[:2]),
            )
        )
    order = {code: i for i, code in enumerate(ACTIONS)}
    helped = {a.code: a.count if a.total else 0 for a in actions}
    actions.sort(key=lambda a: (-helped[a.code], order[a.code]))
    return actions[:n]


def _gap_places(gaps: Iterable[Gap], street_communities: dict[str, int]) -> tuple[Place, ...]:
    """``_places`` of the records the gaps are on, each counted once: a community with three
    expired pairings is one of its street's communities, so that "N of M" compares like with
    like."""
    seen = {g.node_id: (g.street_id, g.street_name, g.district_name) for g in gaps}
    return _places(seen.values(), street_communities)


def _places(
    where: Iterable[tuple[str, str, str]], street_communities: dict[str, int]
) -> tuple[Place, ...]:
    """The ``PLACES`` streets with the most entries of ``where`` (street id, name, district)."""
    counts: Counter[str] = Counter()
    names: dict[str, tuple[str, str]] = {}
    for street, name, district in where:
        if not street:
            continue
        counts[street] += 1
        names[street] = (name, district or names.get(street, ("", ""))[1])
    ranked = sorted(counts, key=lambda s: (-counts[s], names[s][0], s))[:PLACES]
    return tuple(
        Place(s, names[s][0], names[s][1], counts[s], street_communities.get(s, 0)) for s in ranked
    )
