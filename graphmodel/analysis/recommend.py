"""Pairing proposals: new pairings that cover the unpaired communities, as a min-cost flow.

What is optimised, exactly. Let C be the communities to cover (rule ``unpaired_community``,
in the requested area) and U the units with spare capacity. A pair (u, c) is *allowed* when u
sits in c's district (or, for a community filed in no district, in c's street), or when the
policy lets u serve outside its district: its id or name is in ``Policy.elsewhere_units`` or
its level in ``Policy.elsewhere_levels`` (e.g. ``["市"]`` for 市级下沉单位), and, when
``Policy.elsewhere_districts`` is not empty, both u's and c's districts are in it. The
proposals are a set of allowed pairs, each community at most once and each unit at most its
spare capacity, that

1. covers as many communities as any such set can (so no unit with spare capacity is left
   idle while a community it may serve stays uncovered, through any chain of exchanges);
2. among those, has the least total cost, where cost(u, c) = place cost (``cost_same_street``
   < ``cost_same_district`` < ``cost_elsewhere``, by where u sits relative to c) + u's penalty
   (``cost_per_active_pairing`` per pairing in force + ``cost_not_working_alone`` once if u is
   paired or on a committee). So a community's own street comes first, then its district, and
   among equals the unit working alone.

Every allowed pair is a candidate: no ranking or window drops any. The flow network stays
small because units that no community can tell apart are pooled: units in the same street with
the same penalty and the same permission to serve elsewhere have the same cost to, and the same
permission for, every community. Network: source -> each pool (capacity: its units' spare
capacity) -> a street offer, a district offer and (for pools allowed elsewhere) an elsewhere
offer (cost: the penalty) -> each community the offer may serve (capacity 1, cost: the place
cost) -> sink (capacity 1), plus a bypass source -> sink that costs more than any arrangement
that covers one more community. A community may also draw from its own street's pools through
the district offer at the district's cost; a minimum never does so when its own street's route
is free, and the proposal reports the cost of where the unit really sits. The flow is split back
onto units in id order. ``flow.FlowNetwork`` solves it (as ``match``'s); nodes and edges go in
sorted, so the same graph gives the same proposals.

Units. Every ``MemberUnit`` is a candidate while it has spare capacity: its ``capacity``
property (结对上限) or else ``Policy.unit_capacity``, minus its pairings in force.

Communities left without a proposal are reported as uncoverable: no allowed unit had spare
capacity (``no_candidate``), or the allowed units' capacity went to other communities
(``capacity_taken``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.flow import SINK, SOURCE, FlowNetwork
from graphmodel.analysis.gaps import GapContext
from graphmodel.analysis.policy import Policy
from graphmodel.errors import GraphmodelError
from graphmodel.schema import Label

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Proposal", "Recommendation", "Uncoverable", "UnitOffer", "recommend"]

SAME_STREET, SAME_DISTRICT, ELSEWHERE = "same_street", "same_district", "elsewhere"


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
    """A proposed pairing of a unit with a community, its cost and the facts behind it.

    ``place`` is ``same_street``, ``same_district`` or ``elsewhere``; ``cost`` is the place
    cost plus the unit's penalty (see the module docstring); ``unit_spare_after`` is how many
    more communities the unit could take once this round's proposals are adopted, and
    ``community_has_party_org`` whether the community has a party organization to pair with
    yet. ``vocabulary.proposal_reason`` says it as a sentence.
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
    unit_spare_after: int
    community_has_party_org: bool

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
    """The proposals, the communities left uncovered, the units with spare capacity, and
    ``candidate_edges``: how many (unit, community) pairs were allowed."""

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
    Every allowed pair is a candidate (``candidate_edges`` counts them), but the flow network
    has one node per pool of interchangeable units, per street, district and zone offer and per
    community to cover, and at most three edges per community (see the module docstring), so
    its size grows with the streets and communities, not with units times communities.
    """
    ctx = context if context is not None else GapContext(g, policy, as_of)
    gaps = ctx.run(["unpaired_community"], street, district)
    communities = sorted(gap.node_id for gap in gaps)
    offers = _offers(ctx)
    flow, candidates = _solve(ctx, communities, offers)
    taken = Counter(flow.values())
    proposals, uncoverable = [], []
    for c in communities:
        unit = flow.get(c)
        if unit is None:
            reason = "capacity_taken" if candidates[c] else "no_candidate"
            uncoverable.append(_uncoverable(ctx, c, reason, candidates[c]))
        else:
            place, cost = _place(ctx, c, offers[unit])
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
        candidate_edges=sum(candidates.values()),
    )


def _offers(ctx: GapContext) -> dict[str, UnitOffer]:
    """Every unit with spare capacity, by id."""
    ties, policy = ctx.ties, ctx.policy
    offers = {}
    for unit in ctx.nodes(Label.MEMBER_UNIT):
        capacity = ctx.g.nodes[unit].get("capacity")
        if capacity is None:
            capacity = policy.unit_capacity
        elif isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 0:
            raise GraphmodelError(
                "unit_capacity", name=ties.name(unit), id=unit, capacity=repr(capacity)
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


def _place(ctx: GapContext, c: str, offer: UnitOffer) -> tuple[str, int]:
    """Where ``offer`` sits relative to community ``c``, and the cost of pairing them."""
    policy, ties = ctx.policy, ctx.ties
    street = ties.street(c) or ""
    district = (ties.district(street) or "") if street else ""
    if street and offer.street == street:
        return SAME_STREET, policy.cost_same_street + offer.penalty
    if district and offer.district == district:
        return SAME_DISTRICT, policy.cost_same_district + offer.penalty
    return ELSEWHERE, policy.cost_elsewhere + offer.penalty


def _allowed_elsewhere(ctx: GapContext, offer: UnitOffer) -> bool:
    """Whether the policy lets ``offer`` serve communities outside its district."""
    policy = ctx.policy
    return (
        offer.id in policy.elsewhere_units
        or offer.name in policy.elsewhere_units
        or ctx.g.nodes[offer.id].get("level") in policy.elsewhere_levels
    )


def _zone(ctx: GapContext, district: str) -> str | None:
    """The zone in which units allowed elsewhere may serve: ``""`` (everywhere) when
    ``elsewhere_districts`` is empty, else ``"zone"`` for a listed district (id or name) and
    ``None`` for a district outside the list."""
    listed = ctx.policy.elsewhere_districts
    if not listed:
        return ""
    if district and (district in listed or ctx.ties.name(district) in listed):
        return "zone"
    return None


def _network(
    ctx: GapContext, communities: list[str], offers: dict[str, UnitOffer]
) -> tuple[FlowNetwork, dict[tuple[Any, ...], list[UnitOffer]], dict[str, int]]:
    """The pooled flow network (module docstring), the units of each pool, and how many units
    each community may be proposed."""
    policy, ties = ctx.policy, ctx.ties
    pools: dict[tuple[Any, ...], list[UnitOffer]] = {}
    for o in sorted(offers.values(), key=lambda o: o.id):
        zone = _zone(ctx, o.district) if _allowed_elsewhere(ctx, o) else None
        key = ("pool", o.street, o.district, o.penalty, zone is not None, zone or "")
        pools.setdefault(key, []).append(o)
    net = FlowNetwork()
    supply: Counter[tuple[Any, ...]] = Counter()
    units_at: Counter[tuple[Any, ...]] = Counter()
    roaming_in: Counter[str] = Counter()  # units allowed elsewhere, per own district
    for pool, members in sorted(pools.items()):
        _, street, district, penalty, roams, zone = pool
        net.edge(SOURCE, pool, sum(o.spare for o in members), 0)
        routes: list[tuple[str, str | None]] = []
        if street:
            routes.append(("street", street))
        if district:
            routes.append(("district", district))
        if roams:
            routes.append(("elsewhere", zone))
        for route in routes:
            net.edge(pool, route, None, penalty)
            supply[route] += sum(o.spare for o in members)
            units_at[route] += len(members)
        if roams and district:
            roaming_in[district] += len(members)
    candidates: dict[str, int] = {}
    for c in communities:
        street = ties.street(c) or ""
        district = (ties.district(street) or "") if street else ""
        zone = _zone(ctx, district)
        ways: list[tuple[tuple[str, str | None], int]] = [
            (("street", street), policy.cost_same_street),
            (("district", district), policy.cost_same_district),
            (("elsewhere", zone), policy.cost_elsewhere),
        ]
        for way, cost in ways:
            usable = way[1] is not None and (way[1] != "" or way[0] == "elsewhere")
            if usable and supply[way]:
                net.edge(way, ("c", c), 1, cost)
        # Allowed units, each once: the district's (its streets included) or, without a
        # district, the street's; plus those allowed elsewhere from other districts.
        count = units_at[("district", district)] if district else units_at[("street", street)]
        if zone is not None:
            count += units_at[("elsewhere", zone)] - (roaming_in[district] if district else 0)
        candidates[c] = count
        if count:
            net.edge(("c", c), SINK, 1, 0)
    return net, pools, candidates


def _solve(
    ctx: GapContext, communities: list[str], offers: dict[str, UnitOffer]
) -> tuple[dict[str, str], dict[str, int]]:
    """community -> unit chosen by the min-cost flow, and each community's candidate count.

    The bypass source -> sink costs more than the most expensive allowed pair times the number
    of communities, so covering one more community always pays: the flow covers as many as
    possible and, among those coverings, is the cheapest.
    """
    net, pools, candidates = _network(ctx, communities, offers)
    coverable = [c for c in communities if candidates[c]]
    if not coverable:
        return {}, candidates
    policy = ctx.policy
    top = policy.cost_elsewhere + max(o.penalty for o in offers.values())
    net.edge(SOURCE, SINK, len(coverable), top * len(coverable) + 1)
    flow = net.solve({SOURCE: -len(coverable), SINK: len(coverable)})
    # Split each pool's flow over its routes onto units (id order), then each route's units
    # onto the communities it serves (sorted).
    spare = {o.id: o.spare for o in offers.values()}
    slots: dict[tuple[Any, ...], list[str]] = {}
    for pool, members in sorted(pools.items()):
        for route, amount in sorted(flow.get(pool, {}).items()):
            for o in members:
                while amount and spare[o.id]:
                    slots.setdefault(route, []).append(o.id)
                    spare[o.id] -= 1
                    amount -= 1
    chosen: dict[str, str] = {}
    for route, units in sorted(slots.items()):
        served = sorted(c[1] for c, amount in flow[route].items() if amount)
        chosen.update(zip(served, units, strict=True))
    return chosen, candidates


def _proposal(
    ctx: GapContext, c: str, offer: UnitOffer, place: str, cost: int, left: int
) -> Proposal:
    ties = ctx.ties
    unit_area = ties.area(offer.id)
    return Proposal(
        community_id=c,
        community_name=ties.name(c),
        **ties.area(c),
        unit_id=offer.id,
        unit_name=offer.name,
        unit_street_name=unit_area["street_name"],
        unit_district_name=unit_area["district_name"],
        place=place,
        cost=cost,
        unit_capacity=offer.capacity,
        unit_active_pairings=offer.active_pairings,
        unit_working_alone=offer.working_alone,
        unit_spare_after=left,
        community_has_party_org=bool(ties.party_orgs(c)),
    )


def _uncoverable(ctx: GapContext, c: str, reason: str, candidates: int) -> Uncoverable:
    ties = ctx.ties
    return Uncoverable(
        community_id=c,
        community_name=ties.name(c),
        **ties.area(c),
        reason=reason,
        candidates=candidates,
    )
