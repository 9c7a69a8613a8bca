"""Pairing proposals: new pairings that cover the unpaired communities, as a min-cost flow.

The flow network: source -> each unit (capacity: its spare capacity) -> each candidate
community (capacity 1, integer cost) -> sink (capacity 1). ``networkx.max_flow_min_cost``
covers as many communities as the capacities allow and, among those coverings, picks the
cheapest. Nodes and edges go in in sorted order, so the same graph gives the same proposals.

Units. Every ``MemberUnit`` is a candidate while it has spare capacity: its ``capacity``
property (结对上限) or else ``Policy.unit_capacity``, minus its pairings in force.

Cost of a proposal = where the unit sits (``cost_same_street`` < ``cost_same_district`` <
``cost_elsewhere``) + ``cost_per_active_pairing`` for each pairing in force the unit has +
``cost_not_working_alone`` once if the unit is paired or in a committee. So a unit of the
community's own street is preferred, and among equals a unit working alone (各自作战).

Candidates (so that the network stays small at city scale, about 10^5 nodes). A community
is offered:

1. every unit with spare capacity in its own street;
2. up to ``candidates_district`` units of other streets of its district, from the district
   pool: the district's units ranked by (penalty, id), taken until their spare capacity covers
   the district's communities to cover (and at least ``candidates_district`` of them); each
   community gets a window of the pool that starts at an offset proportional to its position
   among the district's communities, so the pool's units are spread over the communities
   rather than all offered to every one;
3. up to ``candidates_elsewhere`` units outside its district, chosen the same way from the
   units of other districts (a community without a district: from every unit outside its
   street).

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
) -> Recommendation:
    """Propose pairings that cover the unpaired communities (rule ``unpaired_community``).

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    policy : capacities, costs and candidate limits (``load_policy``)
    as_of : the day on which pairings must be in force
    street, district : cover only the unpaired communities there; units anywhere may be
        proposed, and capacity that other streets' communities would need is not held back

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
    The flow network has one node per unit with spare capacity and per community to cover,
    and at most (units in the community's street + ``candidates_district`` +
    ``candidates_elsewhere``) edges per community.
    """
    ctx = GapContext(g, policy, as_of)
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
    home: dict[str, tuple[str, str]] = {}
    in_district: dict[str, list[str]] = {}
    for c in communities:
        street = ties.street(c) or ""
        district = (ties.district(street) or "") if street else ""
        home[c] = (street, district)
        in_district.setdefault(district, []).append(c)
    out: dict[str, list[tuple[str, str, int]]] = {}
    for district, members in sorted(in_district.items()):
        local = _pool(
            by_district.get(district, []) if district else [],
            len(members),
            policy.candidates_district,
        )
        outside = _pool(
            [o for o in ranked if not district or o.district != district],
            len(members),
            policy.candidates_elsewhere,
        )
        for i, c in enumerate(members):
            street = home[c][0]
            offered: list[tuple[str, str, int]] = [
                (o.id, SAME_STREET, policy.cost_same_street + o.penalty)
                for o in (by_street.get(street, []) if street else [])
            ]
            for o in _window(local, i, len(members), policy.candidates_district):
                if o.street != street:
                    offered.append((o.id, SAME_DISTRICT, policy.cost_same_district + o.penalty))
            for o in _window(outside, i, len(members), policy.candidates_elsewhere):
                if not street or o.street != street:
                    offered.append((o.id, ELSEWHERE, policy.cost_elsewhere + o.penalty))
            out[c] = offered
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
    """community -> unit chosen by the max-flow min-cost solution."""
    if not any(candidates.values()):
        return {}
    net = nx.DiGraph()
    source, sink = ("source",), ("sink",)
    for unit in sorted(offers):
        net.add_edge(source, ("u", unit), capacity=offers[unit].spare, weight=0)
    for c in communities:
        for unit, _, cost in candidates[c]:
            net.add_edge(("u", unit), ("c", c), capacity=1, weight=cost)
        net.add_edge(("c", c), sink, capacity=1, weight=0)
    flow = nx.max_flow_min_cost(net, source, sink)
    chosen = {}
    for unit in sorted(offers):
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
