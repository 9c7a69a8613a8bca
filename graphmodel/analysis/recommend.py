"""Pairing proposals: new pairings that cover the unpaired communities, as a min-cost flow.

The flow network: source -> each unit (capacity: its spare capacity) -> each candidate
community (capacity 1, integer cost) -> sink (capacity 1), plus a bypass source -> sink that
costs more than any rearrangement covering one more community. ``networkx.network_simplex``
then covers as many communities as the capacities allow and, among those coverings, picks
the cheapest. Nodes and edges go in in sorted order, so the same graph gives the same
proposals.

Units. Every ``MemberUnit`` is a candidate while it has spare capacity: its ``capacity``
property (结对上限) or else ``Policy.unit_capacity``, minus its pairings in force.

Cost of a proposal = where the unit sits (``cost_same_street`` < ``cost_same_district`` <
``cost_elsewhere``) + ``cost_per_active_pairing`` for each pairing in force the unit has +
``cost_not_working_alone`` once if the unit is paired or in a committee. So a unit of the
community's own street is preferred, and among equals a unit working alone (各自作战).

Candidates (so that the network stays small at city scale, 10^5 nodes and more). Units are
ranked by (penalty, id), the cheapest first. For each area a *pool* is the shortest prefix of
its ranked units whose spare capacity covers the communities to cover there, and at least as
long as the area's candidate limit. A community is offered a *window* of each pool: as many
consecutive units as the limit, starting at an offset proportional to the community's
position in the area (cyclically), so that a pool's units are spread over the communities
rather than all offered to every one; a pool no longer than the limit is offered whole.

1. own street: up to ``candidates_street`` units of the community's street;
2. same district: up to ``candidates_district`` units of the district's other streets (the
   pool covers the whole district's communities to cover);
3. elsewhere: up to ``candidates_elsewhere`` units of other districts (for a community
   without a district, every unit outside its street).

Communities left without a proposal are reported as uncoverable: no candidate had spare
capacity (``no_candidate``), or the candidates' capacity went to other communities
(``capacity_taken``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from graphmodel.analysis.gaps import GapContext
from graphmodel.analysis.policy import Policy
from graphmodel.errors import GraphmodelError

__all__ = ["Proposal", "Recommendation", "Uncoverable", "UnitOffer", "recommend"]

SAME_STREET, SAME_DISTRICT, ELSEWHERE = "same_street", "same_district", "elsewhere"
PLACE_WORDS = {SAME_STREET: "同街道", SAME_DISTRICT: "同区其他街道", ELSEWHERE: "区外"}


@dataclass(frozen=True)
class UnitOffer:
    """A unit as a candidate: where it sits, its capacity, and its penalty."""

    id: str
    name: str
    street: str
    district: str
    capacity: int
    active_pairings: int
    working_alone: bool
    penalty: int

    @property
    def spare(self) -> int:
        """Communities it can still take."""
        return max(0, self.capacity - self.active_pairings)


@dataclass(frozen=True)
class Proposal:
    """A proposed pairing of a unit with a community, its cost and the reason in Chinese.

    ``place`` is ``same_street``, ``same_district`` or ``elsewhere``; ``cost`` is the place
    cost plus the unit's penalty (see the module docstring).
    """

    community_id: str
    community_name: str
    street_id: str
    street_name: str
    district_id: str
    district_name: str
    unit_id: str
    unit_name: str
    unit_street_name: str
    unit_district_name: str
    place: str
    cost: int
    unit_capacity: int
    unit_active_pairings: int
    unit_working_alone: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass(frozen=True)
class Uncoverable:
    """A community no unit can cover within the limits; ``reason`` is ``no_candidate`` or
    ``capacity_taken``, ``candidates`` how many units it was offered."""

    community_id: str
    community_name: str
    street_id: str
    street_name: str
    district_id: str
    district_name: str
    reason: str
    candidates: int

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class Recommendation:
    """The proposals, the communities left uncovered, and the size of the flow network."""

    as_of: str
    communities: int
    proposals: list[Proposal] = field(default_factory=list)
    uncoverable: list[Uncoverable] = field(default_factory=list)
    total_cost: int = 0
    units_with_capacity: int = 0
    candidate_edges: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {
            "as_of": self.as_of,
            "communities": self.communities,
            "total_cost": self.total_cost,
            "units_with_capacity": self.units_with_capacity,
            "candidate_edges": self.candidate_edges,
            "proposals": [p.to_dict() for p in self.proposals],
            "uncoverable": [u.to_dict() for u in self.uncoverable],
        }


def recommend(
    g: nx.MultiDiGraph,
    policy: Policy,
    as_of: dt.date,
    street: str | None = None,
    district: str | None = None,
    context: GapContext | None = None,
) -> Recommendation:
    """Propose pairings that cover the unpaired communities (rule ``unpaired_community``).

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    policy : capacities, costs and candidate limits (``load_policy``)
    as_of : the day on which pairings must be in force
    street, district : cover only the unpaired communities there; units anywhere may be
        proposed, and capacity that other streets' communities would need is not held back
    context : the ``GapContext`` of ``g``, ``policy`` and ``as_of`` if the caller already has
        one (``build_report`` shares the one its gaps came from: indexing a city's ties takes
        seconds)

    Returns
    -------
    Recommendation
        Proposals sorted by district, street and community id; uncoverable communities
        likewise.

    Raises
    ------
    GraphmodelError
        A unit's ``capacity`` that is not a whole number >= 0; ``NotFound`` /
        ``AmbiguousName`` for ``street`` or ``district``.

    Notes
    -----
    The flow network has one node per candidate unit and per community to cover, and at most
    ``candidates_street + candidates_district + candidates_elsewhere`` (33 by default) edges
    per community; network simplex on it. On a generated city ledger (256,837 nodes, 894
    communities to cover) it has 29,502 candidate edges.
    """
    ctx = context if context is not None else GapContext(g, policy, as_of)
    gaps = ctx.run(["unpaired_community"], street, district)
    communities = sorted(gap.node_id for gap in gaps)
    offers = _offers(ctx)
    candidates = _candidates(ctx, communities, offers)
    flow = _solve(communities, offers, candidates)
    taken = Counter(flow.values())
    proposals, uncoverable = [], []
    for c in communities:
        unit = flow.get(c)
        if unit is None:
            reason = "capacity_taken" if candidates[c] else "no_candidate"
            uncoverable.append(_uncoverable(ctx, c, reason, len(candidates[c])))
        else:
            place, cost = next((p, k) for u, p, k in candidates[c] if u == unit)
            left = offers[unit].spare - taken[unit]
            proposals.append(_proposal(ctx, c, offers[unit], place, cost, left))
    key = lambda x: (x.district_id, x.street_id, x.community_id)  # noqa: E731
    return Recommendation(
        as_of=as_of.isoformat(),
        communities=len(communities),
        proposals=sorted(proposals, key=key),
        uncoverable=sorted(uncoverable, key=key),
        total_cost=sum(p.cost for p in proposals),
        units_with_capacity=len(offers),
        candidate_edges=sum(len(v) for v in candidates.values()),
    )


def _offers(ctx: GapContext) -> dict[str, UnitOffer]:
    """Every unit with spare capacity, by id."""
    ties, policy = ctx.ties, ctx.policy
    offers = {}
    for unit in ctx.nodes("MemberUnit"):
        capacity = ctx.g.nodes[unit].get("capacity")
        if capacity is None:
            capacity = policy.unit_capacity
        elif isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 0:
            raise GraphmodelError(
                f"unit '{ties.name(unit)}' ({unit}): capacity must be a whole number >= 0, "
                f"got {capacity!r}"
            )
        active = len(ties.active_pairings(unit))
        alone = ties.working_alone(unit)
        street = ties.street(unit)
        offer = UnitOffer(
            id=unit,
            name=ties.name(unit),
            street=street or "",
            district=ties.district(street) or "",
            capacity=capacity,
            active_pairings=active,
            working_alone=alone,
            penalty=policy.cost_per_active_pairing * active
            + (0 if alone else policy.cost_not_working_alone),
        )
        if offer.spare > 0:
            offers[unit] = offer
    return offers


def _candidates(
    ctx: GapContext, communities: list[str], offers: dict[str, UnitOffer]
) -> dict[str, list[tuple[str, str, int]]]:
    """(unit, place, cost) offered to each community (the module docstring's rule)."""
    policy, ties = ctx.policy, ctx.ties
    ranked = sorted(offers.values(), key=lambda o: (o.penalty, o.id))
    by_street: dict[str, list[UnitOffer]] = {}
    by_district: dict[str, list[UnitOffer]] = {}
    for o in ranked:
        if o.street:
            by_street.setdefault(o.street, []).append(o)
        if o.district:
            by_district.setdefault(o.district, []).append(o)
    areas: dict[str, dict[str, list[str]]] = {}
    for c in communities:
        street = ties.street(c) or ""
        district = (ties.district(street) or "") if street else ""
        areas.setdefault(district, {}).setdefault(street, []).append(c)
    out: dict[str, list[tuple[str, str, int]]] = {}
    for district, streets in sorted(areas.items()):
        n = sum(len(members) for members in streets.values())
        outside = [o for o in ranked if not district or o.district != district]
        outside = _pool(outside, n, policy.candidates_elsewhere)
        i = 0
        for street, members in sorted(streets.items()):
            local = by_street.get(street, []) if street else []
            local = _pool(local, len(members), policy.candidates_street)
            nearby = [o for o in by_district.get(district, []) if o.street != street]
            nearby = _pool(nearby, n, policy.candidates_district)
            for j, c in enumerate(members):
                offered = [
                    (o.id, SAME_STREET, policy.cost_same_street + o.penalty)
                    for o in _window(local, j, len(members), policy.candidates_street)
                ]
                offered += [
                    (o.id, SAME_DISTRICT, policy.cost_same_district + o.penalty)
                    for o in _window(nearby, i, n, policy.candidates_district)
                ]
                offered += [
                    (o.id, ELSEWHERE, policy.cost_elsewhere + o.penalty)
                    for o in _window(outside, i, n, policy.candidates_elsewhere)
                    if not street or o.street != street
                ]
                out[c] = offered
                i += 1
    return out


def _pool(ranked: list[UnitOffer], demand: int, at_least: int) -> list[UnitOffer]:
    """The shortest prefix of ``ranked`` whose spare capacity covers ``demand``, and at
    least ``at_least`` units long (when there are that many)."""
    total = 0
    for i, o in enumerate(ranked):
        total += o.spare
        if total >= demand and i + 1 >= at_least:
            return ranked[: i + 1]
    return ranked


def _window(pool: Sequence[UnitOffer], i: int, n: int, size: int) -> list[UnitOffer]:
    """``size`` consecutive units of ``pool`` (cyclically) for the ``i``-th of ``n``
    communities, starting at ``i * len(pool) // n`` so that the windows spread over the pool."""
    if len(pool) <= size:
        return list(pool)
    start = i * len(pool) // n
    return [pool[(start + j) % len(pool)] for j in range(size)]


def _solve(
    communities: list[str],
    offers: dict[str, UnitOffer],
    candidates: dict[str, list[tuple[str, str, int]]],
) -> dict[str, str]:
    """community -> unit chosen by the min-cost flow.

    Every community may also be left uncovered through a bypass edge source -> sink whose
    cost exceeds that of any rearrangement that covers one more community (the largest
    candidate cost times the number of communities, plus one), so the minimum-cost flow
    covers as many communities as possible and, among those coverings, is the cheapest.
    """
    coverable = [c for c in communities if candidates[c]]
    if not coverable:
        return {}
    units = sorted({unit for c in coverable for unit, _, _ in candidates[c]})
    top = max(cost for c in coverable for _, _, cost in candidates[c])
    net = nx.DiGraph()
    source, sink = ("source",), ("sink",)
    net.add_node(source, demand=-len(coverable))
    net.add_node(sink, demand=len(coverable))
    net.add_edge(source, sink, capacity=len(coverable), weight=top * len(coverable) + 1)
    for unit in units:
        net.add_edge(source, ("u", unit), capacity=offers[unit].spare, weight=0)
    for c in coverable:
        for unit, _, cost in candidates[c]:
            net.add_edge(("u", unit), ("c", c), capacity=1, weight=cost)
        net.add_edge(("c", c), sink, capacity=1, weight=0)
    _, flow = nx.network_simplex(net)
    chosen = {}
    for unit in units:
        for target, amount in sorted(flow[("u", unit)].items()):
            if amount:
                chosen[target[1]] = unit
    return chosen


def _proposal(
    ctx: GapContext, c: str, offer: UnitOffer, place: str, cost: int, left: int
) -> Proposal:
    ties = ctx.ties
    street = ties.street(c)
    district = ties.district(street)
    if offer.working_alone:
        state = "该单位各自作战（无结对、未加入协调委员会）"
    elif offer.active_pairings:
        state = f"该单位已有{offer.active_pairings}项结对"
    else:
        state = "该单位已加入协调委员会、尚无结对"
    reason = f"{PLACE_WORDS[place]}；{state}；采纳本轮建议后还可结对{left}个"
    if not ties.party_orgs(c):
        reason += "；社区需先建立党组织"
    return Proposal(
        community_id=c,
        community_name=ties.name(c),
        street_id=street or "",
        street_name=ties.name(street) if street else "",
        district_id=district or "",
        district_name=ties.name(district) if district else "",
        unit_id=offer.id,
        unit_name=offer.name,
        unit_street_name=ties.name(offer.street) if offer.street else "",
        unit_district_name=ties.name(offer.district) if offer.district else "",
        place=place,
        cost=cost,
        unit_capacity=offer.capacity,
        unit_active_pairings=offer.active_pairings,
        unit_working_alone=offer.working_alone,
        reason=reason,
    )


def _uncoverable(ctx: GapContext, c: str, reason: str, candidates: int) -> Uncoverable:
    ties = ctx.ties
    street = ties.street(c)
    district = ties.district(street)
    return Uncoverable(
        community_id=c,
        community_name=ties.name(c),
        street_id=street or "",
        street_name=ties.name(street) if street else "",
        district_id=district or "",
        district_name=ties.name(district) if district else "",
        reason=reason,
        candidates=candidates,
    )
