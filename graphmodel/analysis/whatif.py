"""What-if: gaps and hubs after units leave or pairings end, as a difference from today.

``whatif`` applies the changes to a copy of the graph view (the store is never touched), runs
``find_gaps`` and ``hubs.rank_hubs`` on both, and reports what changes: gaps that appear,
gaps that are resolved, communities that lose every pairing in force, committees that fall
below the member minimum, and how the top hubs move.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.gaps import RULES, Gap, GapContext
from graphmodel.analysis.hubs import HubReport, rank_hubs
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.ties import Pairing, Ties
from graphmodel.errors import GraphmodelError
from graphmodel.graphview import resolve
from graphmodel.schema import COMMUNITY_END, UNIT_END, Label, Rel

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["REMOVABLE", "Change", "WhatIfResult", "apply_changes", "whatif"]

REMOVABLE = (Label.MEMBER_UNIT, Label.SOCIAL_ORG, Label.PARTY_ORG, Label.COMMITTEE)
"""Labels ``--remove`` may name: units, social organizations, party organizations, committees."""


@dataclass(frozen=True)
class Change:
    """One change applied: a node removed, or a pairing ended.

    ``kind`` is ``removed`` (``ids`` the node and the party organizations that left with it) or
    ``ended`` (``ids`` the unit-side and community-side party organizations; ``since`` the
    pairing's start; it now ends on the as-of date).
    """

    kind: str
    ids: tuple[str, ...]
    names: tuple[str, ...]
    label: str = ""
    since: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {
            "kind": self.kind,
            "ids": list(self.ids),
            "names": list(self.names),
            "label": self.label,
            "since": self.since,
        }


@dataclass
class WhatIfResult:
    """The difference the changes make.

    - ``gaps_new``: gaps after the changes that were not there before (same rule, node, ref);
      the expiry of a pairing ended on purpose is not among them;
    - ``gaps_resolved``: gaps before that are gone, on records that are still there;
    - ``gaps_dropped``: gaps before that are gone with a removed record: the gap's node, or
      the record its ``ref`` names (the partner of an ``expired_pairing``, the smallest member
      of an ``isolated_cluster``);
    - ``communities_uncovered``: communities with a pairing in force before and none after,
      each with the partners it lost;
    - ``committees_thin``: committees that had at least the minimum of member units before and
      fewer after, with both counts;
    - ``hubs``: the actors in the top ``top`` hubs before or after (``hubs.rank_hubs``), with
      rank and ``hub_score`` on each side (``None`` after when the actor was removed), sorted
      by rank after, then rank before; ``hubs_method`` is how betweenness was computed after
      the changes (``exact`` or ``sampled``); both empty when ``top`` is 0.
    """

    as_of: str
    changes: list[Change]
    gaps_before: int
    gaps_after: int
    gaps_new: list[Gap] = field(default_factory=list)
    gaps_resolved: list[Gap] = field(default_factory=list)
    gaps_dropped: list[Gap] = field(default_factory=list)
    communities_uncovered: list[dict[str, Any]] = field(default_factory=list)
    committees_thin: list[dict[str, Any]] = field(default_factory=list)
    hubs: list[dict[str, Any]] = field(default_factory=list)
    hubs_method: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {
            "as_of": self.as_of,
            "changes": [c.to_dict() for c in self.changes],
            "gaps_before": self.gaps_before,
            "gaps_after": self.gaps_after,
            "gaps_new": [g.to_dict() for g in self.gaps_new],
            "gaps_resolved": [g.to_dict() for g in self.gaps_resolved],
            "gaps_dropped": [g.to_dict() for g in self.gaps_dropped],
            "communities_uncovered": self.communities_uncovered,
            "committees_thin": self.committees_thin,
            "hubs": self.hubs,
            "hubs_method": self.hubs_method,
        }


def whatif(
    g: nx.MultiDiGraph,
    policy: Policy,
    as_of: dt.date,
    remove: Iterable[str] = (),
    end_pairings: Iterable[tuple[str, str]] = (),
    street: str | None = None,
    district: str | None = None,
    top: int = 10,
) -> WhatIfResult:
    """The gaps and hubs after removing nodes and ending pairings, compared with today.

    Parameters
    ----------
    g : graph view (``Store.graph()``); it is not modified
    policy : thresholds (``load_policy``)
    as_of : the day on which the changes happen and ties must be in force
    remove : ids or unique names of units, social organizations, party organizations or
        committees (``REMOVABLE``); a unit or social organization leaves with the party
        organizations that belong to it
    end_pairings : pairs (A, B): A a unit, social organization or party organization, B a
        community or party organization; every pairing in force between a party organization
        of A and one of B ends on ``as_of`` (its ``until`` becomes ``as_of``)
    street, district : compare only the gaps located there (see ``find_gaps``); hubs are
        ranked over the whole network
    top : compare the ``top`` hubs of each side; 0 skips the hub ranking

    Returns
    -------
    WhatIfResult

    Raises
    ------
    GraphmodelError
        ``NotFound`` / ``AmbiguousName`` for a reference; a pair with no pairing in force.
    """
    after, changes = apply_changes(g, as_of, remove, end_pairings)
    before_ctx, after_ctx = GapContext(g, policy, as_of), GapContext(after, policy, as_of)
    before_gaps = before_ctx.run(RULES, street, district)
    after_gaps = after_ctx.run(RULES, street, district)
    ended = {(c.ids[0], c.ids[1]) for c in changes if c.kind == "ended"}
    before_ties, after_ties = before_ctx.ties, after_ctx.ties
    old = {gap.identity for gap in before_gaps}
    new = {gap.identity for gap in after_gaps}
    gaps_new = [
        gap
        for gap in after_gaps
        if gap.identity not in old and not _ended_on_purpose(gap, ended, after_ties)
    ]
    gone = [gap for gap in before_gaps if gap.identity not in new]
    hubs_after = rank_hubs(after, as_of, top=None) if top else None
    hubs = _hub_moves(rank_hubs(g, as_of, top=None), hubs_after, top) if hubs_after else []
    return WhatIfResult(
        as_of=as_of.isoformat(),
        changes=changes,
        gaps_before=len(before_gaps),
        gaps_after=len(after_gaps),
        gaps_new=gaps_new,
        gaps_resolved=[gap for gap in gone if not _lost(gap, after)],
        gaps_dropped=[gap for gap in gone if _lost(gap, after)],
        communities_uncovered=[
            _uncovered(gap, before_ties)
            for gap in gaps_new
            if gap.rule == "unpaired_community" and before_ties.active_pairings(gap.node_id)
        ],
        committees_thin=[
            {
                "id": gap.node_id,
                "name": gap.name,
                "street_name": gap.street_name,
                "member_units_before": len(before_ties.member_units(gap.node_id)),
                "member_units_after": gap.detail["member_units"],
                "minimum": gap.detail["minimum"],
            }
            for gap in gaps_new
            if gap.rule == "thin_committee"
        ],
        hubs=hubs,
        hubs_method=hubs_after.betweenness_method if hubs_after else "",
    )


def apply_changes(
    g: nx.MultiDiGraph,
    as_of: dt.date,
    remove: Iterable[str] = (),
    end_pairings: Iterable[tuple[str, str]] = (),
) -> tuple[nx.MultiDiGraph, list[Change]]:
    """A copy of ``g`` with the nodes removed and the pairings ended (see ``whatif``), and the
    list of changes made, in the order given."""
    h = g.copy()
    changes: list[Change] = []
    for ref in remove:
        node = resolve(g, ref, REMOVABLE)
        if node not in h:
            continue
        label = g.nodes[node]["label"]
        leaving = [node] if label in (Label.PARTY_ORG, Label.COMMITTEE) else [node, *_orgs(g, node)]
        h.remove_nodes_from(leaving)
        names = tuple(g.nodes[n].get("name", n) for n in leaving)
        changes.append(Change("removed", tuple(leaving), names, label))
    day = as_of.isoformat()
    for a, b in end_pairings:
        # A name that matches nothing is NotFound naming the kinds looked for: the first
        # name of a pair is a unit's side, the second a community's.
        unit, community = resolve(g, a, UNIT_END), resolve(g, b, COMMUNITY_END)
        ties = Ties.of(h, as_of)
        orgs = set(ties.party_orgs(community)) if community in h else set()
        found = [
            p
            for p in (ties.active_pairings(unit) if unit in h else [])
            if p.community_org in orgs or p.unit_org in orgs
        ]
        if not found:
            raise GraphmodelError("whatif_no_pairing", a=a, b=b, day=day)
        for p in found:
            h.edges[p.start, p.end, p.key]["until"] = day
            changes.append(_ended(g, p))
    return h, changes


def _lost(gap: Gap, after: nx.MultiDiGraph) -> bool:
    """Whether the record of ``gap``, or the record its ``ref`` names, was removed."""
    return gap.node_id not in after or bool(gap.ref and gap.ref not in after)


def _hub_moves(before: HubReport, after: HubReport, top: int) -> list[dict[str, Any]]:
    """The actors in the top ``top`` of either ranking, with rank and score on both sides."""
    old = {h.id: h for h in before.hubs}
    new = {h.id: h for h in after.hubs}
    shown = [h.id for h in before.hubs[:top]] + [h.id for h in after.hubs[:top]]
    rows = []
    for actor in dict.fromkeys(shown):
        hub = new.get(actor) or old[actor]
        rows.append(
            {
                "id": actor,
                "name": hub.name,
                "label": hub.label,
                "rank_before": old[actor].rank if actor in old else None,
                "rank_after": new[actor].rank if actor in new else None,
                "score_before": old[actor].hub_score if actor in old else None,
                "score_after": new[actor].hub_score if actor in new else None,
            }
        )
    big = len(old) + len(new) + 1
    return sorted(rows, key=lambda r: (r["rank_after"] or big, r["rank_before"] or big, r["id"]))


def _orgs(g: nx.MultiDiGraph, node: str) -> list[str]:
    return sorted(u for u, _, d in g.in_edges(node, data=True) if d.get("type") == Rel.BELONGS_TO)


def _ended(g: nx.MultiDiGraph, p: Pairing) -> Change:
    ids = (p.unit_org, p.community_org)
    return Change("ended", ids, tuple(g.nodes[n].get("name", n) for n in ids), "", p.since)


def _ended_on_purpose(gap: Gap, ended: set[tuple[str, str]], ties: Ties) -> bool:
    """Whether ``gap`` is the expiry of a pairing the what-if ended itself."""
    if gap.rule != "expired_pairing":
        return False
    return any(
        unit == gap.ref and (community == gap.node_id or ties.owner.get(community) == gap.node_id)
        for unit, community in ended
    )


def _uncovered(gap: Gap, before: Ties) -> dict[str, Any]:
    lost: Sequence[Pairing] = before.active_pairings(gap.node_id)
    return {
        "id": gap.node_id,
        "name": gap.name,
        "street_name": gap.street_name,
        "district_name": gap.district_name,
        "lost_partners": sorted(
            {before.name(before.owner.get(p.unit_org, p.unit_org)) for p in lost}
        ),
    }
