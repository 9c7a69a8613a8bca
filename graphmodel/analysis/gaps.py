"""Coverage gaps: where the co-governance network does not reach, one named rule each.

``find_gaps`` runs the rules in ``RULES`` on a graph view on one date and returns ``Gap``
records. Every rule is a function below whose docstring defines exactly what it counts; the
organizer-facing definitions are in ``docs/analyses.md``. Thresholds come from a ``Policy``
(``graphmodel.analysis.policy``), with the district's own overrides applied to each record.

Shared definitions:

- *in force*: a dated tie with ``since <= as_of < until`` (``network.is_active``; a missing
  ``since`` means since always, a missing ``until`` means open-ended).
- *a community's (unit's) party organizations*: the ``PartyOrg`` nodes it owns
  (``graphview.party_owners``: those that ``BELONGS_TO`` it and to no other street,
  community, unit or social organization; ``Ties.party_orgs``); a community or unit is paired
  when any of them has a ``PAIRED_WITH`` in force, in either direction.
- *where a record sits*: ``network.street_of`` (a community by ``PART_OF``, a unit by
  ``LOCATED_IN``, a committee by its first covered area), and the street's ``PART_OF`` district.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.lists import Lists
from graphmodel.analysis.network import ACTOR_LABELS, WORK_TIES, is_active, party_owners
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.ties import Pairing, Ties
from graphmodel.errors import GraphmodelError
from graphmodel.graphview import resolve
from graphmodel.schema import Label

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DETAIL_FIELDS",
    "GAP_FIELDS",
    "RULES",
    "STREET_COMMITTEE_LEVELS",
    "AreaFilter",
    "Gap",
    "GapContext",
    "dormant_pairing",
    "expired_pairing",
    "few_social_orgs",
    "find_gaps",
    "idle_resource",
    "isolated_cluster",
    "no_committee",
    "no_needs_recorded",
    "thin_committee",
    "unmet_need",
    "unpaired_community",
    "unreported",
    "working_alone",
]

STREET_COMMITTEE_LEVELS = ("街道党工委", "镇党委")
"""Levels of the party organization that leads a street (街道党工委) or a town (镇党委)."""

GAP_FIELDS = (
    "rule",
    "node_id",
    "name",
    "label",
    "street_id",
    "street_name",
    "district_id",
    "district_name",
    "ref",
    "detail",
)
"""The fields of ``Gap.to_dict`` (``--json``), in order."""

DETAIL_FIELDS = (
    "as_of",
    "level",
    "kind",
    "reason",
    "party_orgs",
    "pairings_ever",
    "social_orgs",
    "member_units",
    "other_members",
    "minimum",
    "street_covered",
    "partner_id",
    "partner_name",
    "unit_name",
    "since",
    "until",
    "review_years",
    "size",
    "named",
    "communities",
    "units",
    "members",
    "reports",
    "resources",
    "status",
    "category",
    "raised",
    "age_days",
    "deadline_days",
    "raiser_id",
    "period_days",
    "offerer_id",
    "offerer_name",
    "data_gap",
)
"""Every key a rule puts in ``Gap.detail``: the flat columns of ``--csv`` and ``--xlsx``."""


@dataclass(frozen=True)
class Gap:
    """One gap: which rule found it, on which node, where, and why.

    ``ref`` tells apart several gaps of one rule on one node: the unit-side party organization
    of an ``expired_pairing``, the smallest member id of an ``isolated_cluster``; empty
    otherwise. ``detail`` holds the rule's figures (counts, thresholds, dates), from which
    ``vocabulary.gap_message`` says what the gap means in Chinese or English.
    """

    rule: str
    node_id: str
    name: str
    label: str
    street_id: str
    street_name: str
    district_id: str
    district_name: str
    ref: str = ""
    detail: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def identity(self) -> tuple[str, str, str]:
        """(rule, node_id, ref): the same gap in two runs has the same identity."""
        return (self.rule, self.node_id, self.ref)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form), in ``GAP_FIELDS`` order."""
        return {name: getattr(self, name) for name in GAP_FIELDS}


class GapContext:
    """What a rule works on: the graph's ``Ties`` on the as-of date and the policy."""

    def __init__(self, g: nx.MultiDiGraph, policy: Policy, as_of: dt.date) -> None:
        self.g = g
        self.as_of = as_of
        self.policy = policy
        self.ties = Ties.of(g, as_of)
        self._policies: dict[str | None, Policy] = {}
        self._by_label: dict[str, list[str]] = {}
        self._lists: Lists | None = None
        if policy.districts:
            policy.warn_unknown_districts(
                (d, self.ties.name(d)) for d in self.nodes(Label.DISTRICT)
            )

    @property
    def lists(self) -> Lists:
        """The needs, resources and projects (``analysis.lists``), indexed on first use."""
        if self._lists is None:
            self._lists = Lists.of(self.g, self.ties, self.policy.work_period_days)
        return self._lists

    def nodes(self, label: str) -> list[str]:
        """Ids of the nodes with ``label``, sorted."""
        if not self._by_label:
            for n, node_label in self.g.nodes(data="label"):
                self._by_label.setdefault(node_label, []).append(n)
            for ids in self._by_label.values():
                ids.sort()
        return self._by_label.get(label, [])

    def policy_for(self, node: str) -> Policy:
        """The policy with the overrides of the district ``node`` sits in."""
        district = self.ties.district(self.ties.street(node))
        if district not in self._policies:
            name = self.ties.name(district) if district else None
            self._policies[district] = self.policy.for_district(district, name)
        return self._policies[district]

    def run(
        self, rules: Iterable[str], street: str | None = None, district: str | None = None
    ) -> list[Gap]:
        """The gaps of ``rules`` located in ``street`` / ``district``, sorted as ``find_gaps``
        sorts them; the rule names must be keys of ``RULES``."""
        return _run(self, list(rules), street, district)

    def gap(
        self,
        rule: str,
        node: str,
        detail: dict[str, Any],
        ref: str = "",
        at: str | None = None,
    ) -> Gap:
        """A ``Gap`` of ``rule`` on ``node``, located by the street and district of ``at``
        (default: ``node`` itself)."""
        return Gap(
            rule=rule,
            node_id=node,
            name=self.ties.name(node),
            label=self.ties.label(node),
            **self.ties.area(at or node),
            ref=ref,
            detail=detail,
        )


def unpaired_community(ctx: GapContext) -> Iterator[Gap]:
    """Communities (社区 and 村) none of whose party organizations has a ``PAIRED_WITH`` in
    force on the as-of date.

    A community with no party organization at all is unpaired too (``party_orgs`` is 0 in the
    detail): nothing can pair with it until one is recorded. ``pairings_ever`` counts its
    pairings whatever their dates, to tell "never paired" from "lapsed".
    """
    ties = ctx.ties
    for c in ctx.nodes(Label.COMMUNITY):
        if ties.active_pairings(c):
            continue
        orgs = ties.party_orgs(c)
        ever = len(ties.all_pairings(c))
        yield ctx.gap(
            "unpaired_community",
            c,
            {"party_orgs": len(orgs), "pairings_ever": ever, "as_of": ctx.as_of.isoformat()},
        )


def few_social_orgs(ctx: GapContext) -> Iterator[Gap]:
    """Communities served (``SERVES``) by fewer distinct social organizations than the policy
    minimum: ``min_social_orgs_village`` for a community of kind 村,
    ``min_social_orgs_community`` for every other (社区, or kind not recorded), after the
    district's overrides. ``SERVES`` carries no dates, so every recorded one counts.
    """
    ties = ctx.ties
    for c in ctx.nodes(Label.COMMUNITY):
        policy = ctx.policy_for(c)
        kind = ctx.g.nodes[c].get("kind") or "社区"
        minimum = (
            policy.min_social_orgs_village if kind == "村" else policy.min_social_orgs_community
        )
        count = len(ties.serving.get(c, ()))
        if count < minimum:
            yield ctx.gap(
                "few_social_orgs",
                c,
                {"kind": kind, "social_orgs": count, "minimum": minimum},
            )


def no_committee(ctx: GapContext) -> Iterator[Gap]:
    """Streets, and communities, that no coordination committee ``COVERS`` directly.

    Each level has its own platform (a street's 党建工作协调委员会 or 大工委; a community's own
    committee or 联席会议), so a committee covering a street does not cover its communities.
    A community's detail says whether its street is covered (``street_covered``).
    """
    ties = ctx.ties
    for s in ctx.nodes(Label.STREET):
        if not ties.covering.get(s):
            yield ctx.gap(
                "no_committee",
                s,
                {"level": "街道"},
            )
    for c in ctx.nodes(Label.COMMUNITY):
        if not ties.covering.get(c):
            street = ties.street(c)
            street_covered = bool(street and ties.covering.get(street))
            yield ctx.gap(
                "no_committee",
                c,
                {"level": "社区", "street_covered": street_covered},
            )


def thin_committee(ctx: GapContext) -> Iterator[Gap]:
    """Committees with fewer member units than ``min_committee_member_units``.

    A member unit is a ``MemberUnit`` or ``SocialOrg`` whose ``MEMBER_OF`` the committee is in
    force, directly or through a party organization that belongs to it; each counts once
    (``Ties.member_units``). Members that are party organizations of communities, streets or
    districts, or of nothing, are the organizers' side and are counted in ``other_members``.
    """
    ties = ctx.ties
    for committee in ctx.nodes(Label.COMMITTEE):
        minimum = ctx.policy_for(committee).min_committee_member_units
        units = ties.member_units(committee)
        if len(units) < minimum:
            members = ties.members.get(committee, set())
            other = sum(1 for m in members if ties.owner.get(m, m) not in units)
            yield ctx.gap(
                "thin_committee",
                committee,
                {"member_units": len(units), "minimum": minimum, "other_members": other},
            )


def working_alone(ctx: GapContext) -> Iterator[Gap]:
    """Units (``MemberUnit``) working alone (各自作战), for one of two reasons (``reason``):

    - ``no_ties``: neither the unit nor any of its party organizations has a ``PAIRED_WITH``
      in force or a ``MEMBER_OF`` in force;
    - ``resources_unused``: it has such ties, but offers resources available on the as-of
      date and none of them was used in the period (``analysis.lists``): its resources serve
      nobody.

    Reporting (双报到) does not count: it ties members to where they live, not the unit to a
    partner.
    """
    ties = ctx.ties
    offered = ctx.lists.offered_by
    used: set[str] | None = None
    for unit in ctx.nodes(Label.MEMBER_UNIT):
        orgs = ties.party_orgs(unit)
        if ties.working_alone(unit):
            yield ctx.gap(
                "working_alone",
                unit,
                {"party_orgs": len(orgs), "reason": "no_ties"},
            )
            continue
        available = [
            r for r in offered.get(unit, []) if ctx.lists.available(ctx.lists.resources[r])
        ]
        if not available:
            continue
        if used is None:
            used = ctx.lists.used_resources()
        if not used.intersection(available):
            yield ctx.gap(
                "working_alone",
                unit,
                {
                    "party_orgs": len(orgs),
                    "reason": "resources_unused",
                    "resources": len(available),
                },
            )


def expired_pairing(ctx: GapContext) -> Iterator[Gap]:
    """Pairings that need renewing, judged on the latest pairing of each pair of party
    organizations (so a renewal, a later ``PAIRED_WITH`` between the same two, clears it):

    - ``ended``: the latest pairing is no longer in force (``until <= as_of``) and ended less
      than ``pairing_review_years`` ago; one that ended earlier is history, not a gap;
    - ``review_due``: the latest pairing is in force and started ``pairing_review_years`` or
      more before the as-of date.

    A pairing without ``since`` cannot be due for review; the latest is the one with the
    greatest ``since`` (then ``until``, open-ended last). The gap is on the community the
    community-side organization belongs to (on that organization when it belongs to none);
    ``ref`` is the unit-side organization.
    """
    ties = ctx.ties
    day = ctx.as_of.isoformat()
    latest: dict[tuple[str, str], Pairing] = {}
    for p in ties.pairings:
        pair = (p.unit_org, p.community_org)
        if pair not in latest or _order(p) > _order(latest[pair]):
            latest[pair] = p
    for (unit_org, community_org), p in sorted(latest.items()):
        owner = ties.owner.get(community_org)
        node = owner if owner and ties.label(owner) == Label.COMMUNITY else community_org
        years = ctx.policy_for(node).pairing_review_years
        detail = {
            "partner_id": unit_org,
            "partner_name": ties.name(unit_org),
            "unit_name": ties.name(ties.owner.get(unit_org, unit_org)),
            "since": p.since,
            "until": p.until,
            "review_years": years,
        }
        if p.until and p.until <= day:
            if day >= _add_years(p.until, years):
                continue
            yield ctx.gap("expired_pairing", node, {"reason": "ended", **detail}, unit_org)
        elif p.since and p.since <= day and _add_years(p.since, years) <= day:
            yield ctx.gap("expired_pairing", node, {"reason": "review_due", **detail}, unit_org)


def isolated_cluster(ctx: GapContext) -> Iterator[Gap]:
    """Connected parts of a street's co-governance network that do not reach the street's
    party working committee.

    A street's network has the actors and ties of ``network.actor_graph`` on the as-of date
    (the working ties ``network.WORK_TIES``, dated ones only in force, each party organization
    merged into the unit, community, social organization or street it belongs to, by
    ``network.party_owners``), restricted to the actors that sit in the street
    (``network.street_of``) and the ties between two of them, so a path through another
    street does not count. The street's party working committee is every ``PartyOrg`` of
    level 街道党工委 (镇党委 for a town) that ``BELONGS_TO`` the street; it is merged into the
    street's own actor.

    A part is reported when it has at least ``min_cluster_size`` actors (a unit and its party
    branch are one actor) and contains none of those committees; ``ref`` is its smallest actor
    id. A street without a working committee in the ledger is reported once (``reason``
    ``no_working_committee``) instead of its parts, since there is nothing to reach.

    The parts are found with a union-find over the relationships of ``g`` rather than by
    building the actor graph: O(m α(n)) for n nodes and m relationships.
    """
    ties = ctx.ties
    owner = party_owners(ctx.g)
    parts = _street_parts(ctx, owner)
    for street in ctx.nodes(Label.STREET):
        leaders = {
            owner.get(org, org)
            for org in ties.orgs.get(street, [])
            if ctx.g.nodes[org].get("level") in STREET_COMMITTEE_LEVELS
        }
        if not leaders:
            yield ctx.gap(
                "isolated_cluster",
                street,
                {"reason": "no_working_committee"},
            )
            continue
        minimum = ctx.policy_for(street).min_cluster_size
        for part in sorted(parts.get(street, []), key=min):
            if len(part) >= minimum and not part & leaders:
                yield _cluster_gap(ctx, street, part)


def unreported(ctx: GapContext) -> Iterator[Gap]:
    """Communities to which no in-service members report (双报到): no ``REPORTS_TO`` into the
    community is in force, or every one in force records ``members`` = 0.

    A report in force without a ``members`` figure counts as a report (the number is unknown,
    not zero); ``members`` in the detail sums the known figures.
    """
    ties = ctx.ties
    for c in ctx.nodes(Label.COMMUNITY):
        reports = ties.reports.get(c, [])
        known = [int(r["members"]) for r in reports if r.get("members") is not None]
        if reports and (len(known) < len(reports) or sum(known) > 0):
            continue
        yield ctx.gap(
            "unreported",
            c,
            {"reports": len(reports), "members": sum(known)},
        )


def unmet_need(ctx: GapContext) -> Iterator[Gap]:
    """Open needs past their deadline (``analysis.lists``: 待认领 longer than
    ``need_claim_days`` after ``raised``, 办理中 longer than ``need_resolve_days``). A need
    without ``raised`` has no age and is not reported. The gap is on the need, located where
    its raiser sits.
    """
    lists = ctx.lists
    for need in sorted(lists.needs.values(), key=lambda n: n.id):
        if not need.open or not need.raised:
            continue
        age = lists.age(need) or 0
        policy = ctx.policy_for(need.raiser) if need.raiser else ctx.policy
        deadline = policy.need_claim_days if need.status == "待认领" else policy.need_resolve_days
        if age > deadline:
            yield ctx.gap(
                "unmet_need",
                need.id,
                {
                    "status": need.status,
                    "category": need.category,
                    "raised": need.raised,
                    "age_days": age,
                    "deadline_days": deadline,
                    "raiser_id": need.raiser,
                },
                at=need.raiser or None,
            )


def dormant_pairing(ctx: GapContext) -> Iterator[Gap]:
    """Pairings on paper only (挂名结对): a pairing in force on the as-of date, in force since
    before the period began (no ``since``, or ``since`` at least ``work_period_days`` ago),
    between a unit and a community that has needs recorded, with no work between the two
    sides in the period (``Lists.worked_between``: a project the unit runs in the community
    or for its needs, a need of the community it claimed or met with its resource).

    A community with no needs recorded is not judged (rule ``no_needs_recorded`` reports the
    data gap instead): an empty needs list says nothing about whether the pairing works. The
    gap is on the community (as ``expired_pairing``); ``ref`` is the unit-side organization.
    """
    ties, lists = ctx.ties, ctx.lists
    worked = lists.worked_between()
    day = ctx.as_of
    seen = set()
    for p in sorted(ties.pairings, key=lambda p: (p.community_org, p.unit_org, p.key)):
        if (p.unit_org, p.community_org) in seen or not is_active(
            {"since": p.since, "until": p.until}, day
        ):
            continue
        community = ties.owner.get(p.community_org, "")
        if not community or ties.label(community) != Label.COMMUNITY:
            continue
        period = ctx.policy_for(community).work_period_days
        start = (day - dt.timedelta(days=period)).isoformat()
        if p.since and p.since > start:
            continue
        if not lists.raised_in.get(community):
            continue
        unit = ties.owner.get(p.unit_org, p.unit_org)
        if (unit, community) in worked:
            continue
        seen.add((p.unit_org, p.community_org))
        yield ctx.gap(
            "dormant_pairing",
            community,
            {
                "partner_id": unit,
                "partner_name": ties.name(unit),
                "since": p.since,
                "period_days": period,
            },
            p.unit_org,
        )


def idle_resource(ctx: GapContext) -> Iterator[Gap]:
    """Resources on offer on the as-of date, offered since before the period began (no
    ``since``, or ``since`` at least ``work_period_days`` ago), that no project and no need
    used in the period (``analysis.lists``). The gap is on the resource, located where its
    provider sits.
    """
    lists = ctx.lists
    used = lists.used_resources()
    for r in sorted(lists.resources.values(), key=lambda r: r.id):
        if r.id in used or not lists.available(r):
            continue
        period = (ctx.policy_for(r.offerer) if r.offerer else ctx.policy).work_period_days
        start = (ctx.as_of - dt.timedelta(days=period)).isoformat()
        if r.since and r.since > start:
            continue
        yield ctx.gap(
            "idle_resource",
            r.id,
            {
                "kind": r.kind,
                "category": r.category,
                "offerer_id": r.offerer,
                "offerer_name": ctx.ties.name(r.offerer) if r.offerer else "",
                "period_days": period,
            },
            at=r.offerer or None,
        )


def no_needs_recorded(ctx: GapContext) -> Iterator[Gap]:
    """Communities with no need recorded (raised by the community or its party
    organization), whatever the dates, in a district whose ledger records needs (some need
    raised there): a data gap, not a finding about the community. Its needs list (需求清单)
    is missing, so ``dormant_pairing`` cannot judge its pairings and ``match`` has nothing to
    propose for it. Districts that record no needs at all are not reported community by
    community: they keep no needs list in this ledger.
    """
    ties, lists = ctx.ties, ctx.lists
    keeping = {ties.district(ties.street(n.raiser)) for n in lists.needs.values() if n.raiser}
    for c in ctx.nodes(Label.COMMUNITY):
        if not lists.raised_in.get(c) and ties.district(ties.street(c)) in keeping:
            yield ctx.gap(
                "no_needs_recorded",
                c,
                {"data_gap": True},
            )


Rule = Callable[[GapContext], Iterable[Gap]]

RULES: dict[str, Rule] = {
    "unpaired_community": unpaired_community,
    "few_social_orgs": few_social_orgs,
    "no_committee": no_committee,
    "thin_committee": thin_committee,
    "working_alone": working_alone,
    "expired_pairing": expired_pairing,
    "isolated_cluster": isolated_cluster,
    "unreported": unreported,
    "unmet_need": unmet_need,
    "dormant_pairing": dormant_pairing,
    "idle_resource": idle_resource,
    "no_needs_recorded": no_needs_recorded,
}
"""The rules by name, in the order ``find_gaps`` reports them."""


def find_gaps(
    g: nx.MultiDiGraph,
    policy: Policy,
    as_of: dt.date,
    street: str | None = None,
    district: str | None = None,
    rules: Iterable[str] | None = None,
    context: GapContext | None = None,
) -> list[Gap]:
    """The gaps of the co-governance network on ``as_of``.

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    policy : thresholds (``load_policy``)
    as_of : the date on which ties must be in force
    street, district : keep only gaps located in this street / district (an id, or a name
        that only one street / district has)
    rules : names from ``RULES`` to run; all of them when ``None``
    context : a ``GapContext`` of ``g``, ``policy`` and ``as_of`` to reuse

    Returns
    -------
    list of Gap
        Sorted by rule (in ``RULES`` order), district id, street id, node id, ``ref``.

    Raises
    ------
    GraphmodelError
        An unknown rule name; ``NotFound`` / ``AmbiguousName`` for ``street`` or ``district``.

    Notes
    -----
    O((n + m) log n) for n nodes and m relationships.

    Examples
    --------
    >>> import datetime, pathlib, tempfile
    >>> from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
    >>> from graphmodel.store import EmbeddedStore
    >>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "g.db")
    >>> store.write(GraphBatch(
    ...     [NodeRecord("Street", "s", {"name": "建国门街道"}),
    ...      NodeRecord("Community", "c", {"name": "站东社区", "kind": "社区"})],
    ...     [EdgeRecord("PART_OF", "c", "s")]))
    >>> gaps = find_gaps(store.graph(), Policy(), datetime.date(2024, 6, 30),
    ...                  rules=["unpaired_community", "few_social_orgs"])
    >>> [(gap.rule, gap.node_id, gap.street_name) for gap in gaps]
    [('unpaired_community', 'c', '建国门街道'), ('few_social_orgs', 'c', '建国门街道')]
    >>> gaps[1].detail
    {'kind': '社区', 'social_orgs': 0, 'minimum': 10}
    """
    names = list(RULES) if rules is None else list(rules)
    unknown = [r for r in names if r not in RULES]
    if unknown:
        raise GraphmodelError("unknown_rule", rule=unknown[0], rules=list(RULES))
    ctx = context if context is not None else GapContext(g, policy, as_of)
    return ctx.run(names, street, district)


class AreaFilter:
    """The ``street`` / ``district`` filter of the located analyses (gaps and so pairing
    proposals, the needs report, resource matches): keeps what sits in the street and the
    district named (an id or a unique name; ``None``: no filter on that level).

    Raises ``NotFound`` / ``AmbiguousName`` for a name no street or district has, or several do.
    """

    def __init__(self, g: nx.MultiDiGraph, street: str | None, district: str | None) -> None:
        self.street = resolve(g, street, (Label.STREET,)) if street else None
        self.district = resolve(g, district, (Label.DISTRICT,)) if district else None

    def keeps(self, street: str | None, district: str | None) -> bool:
        """Whether something in ``street`` of ``district`` (ids, ``Ties.area``) passes."""
        return (self.street is None or street == self.street) and (
            self.district is None or district == self.district
        )


def _run(ctx: GapContext, names: list[str], street: str | None, district: str | None) -> list[Gap]:
    area = AreaFilter(ctx.g, street, district)
    order = {name: i for i, name in enumerate(RULES)}
    found = [
        gap
        for name in names
        for gap in RULES[name](ctx)
        if area.keeps(gap.street_id, gap.district_id)
    ]
    return sorted(
        found,
        key=lambda x: (order[x.rule], x.district_id, x.street_id, x.node_id, x.ref),
    )


def _order(p: Pairing) -> tuple[str, str, str]:
    return (p.since, p.until or "9999-12-31", p.key)


AFTER_ALL_DATES = "9999-99-99"
"""What ``_add_years`` returns past the year 9999, where Python's dates end: it sorts after every
ISO date, so a term that ends there has not ended on any day."""


def _add_years(day: str, years: int) -> str:
    """The ISO date ``years`` after ``day`` (29 February goes to 28 February), or
    ``AFTER_ALL_DATES`` when that falls after the year 9999.

    >>> _add_years("2024-02-29", 1), _add_years("9999-12-31", 3)
    ('2025-02-28', '9999-99-99')
    """
    try:
        d = dt.date.fromisoformat(day)
    except ValueError as e:
        raise GraphmodelError("pairing_date", day=day) from e
    if d.year + years > dt.MAXYEAR:
        return AFTER_ALL_DATES
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:
        return d.replace(year=d.year + years, day=28).isoformat()


def _street_parts(ctx: GapContext, owner: dict[str, str]) -> dict[str, list[set[str]]]:
    """The connected parts of each street's network (see ``isolated_cluster``), by street;
    ``owner`` is ``network.party_owners``."""
    g, ties = ctx.g, ctx.ties
    actors = {
        owner.get(n, n)
        for n, label in g.nodes(data="label")
        if label in ACTOR_LABELS and ties.street(owner.get(n, n)) is not None
    }
    root = {a: a for a in actors}

    def find(a: str) -> str:
        while root[a] != a:
            root[a] = root[root[a]]
            a = root[a]
        return a

    for u, v, data in g.edges(data=True):
        if data.get("type") not in WORK_TIES:
            continue
        a, b = owner.get(u, u), owner.get(v, v)
        if a == b or a not in root or b not in root or ties.street(a) != ties.street(b):
            continue
        if is_active(data, ctx.as_of):
            ra, rb = find(a), find(b)
            if ra != rb:
                root[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = {}
    for a in actors:
        groups.setdefault(find(a), set()).add(a)
    parts: dict[str, list[set[str]]] = {}
    for part in groups.values():
        street = ties.street(next(iter(part)))
        if street is not None:
            parts.setdefault(street, []).append(part)
    return parts


def _cluster_gap(ctx: GapContext, street: str, part: set[str]) -> Gap:
    ties = ctx.ties
    members = sorted(part)
    communities = sorted(ties.name(n) for n in members if ties.label(n) == Label.COMMUNITY)
    units = sorted(ties.name(n) for n in members if ties.label(n) == Label.MEMBER_UNIT)
    detail = {
        "size": len(members),
        "named": (communities + units)[:3] or [ties.name(n) for n in members[:3]],
        "communities": communities,
        "units": units,
        "members": members,
    }
    return ctx.gap("isolated_cluster", street, detail, members[0])
