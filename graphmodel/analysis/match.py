"""Matching open needs with available resources through the network (``graphmodel match``).

Which needs: the open ones (待认领 or 办理中, ``analysis.lists``) not yet met with a resource
(no ``MET_WITH``), raised by a community or another actor that sits somewhere.

Which resources, for a need: those available on the as-of date, with capacity left (its
``capacity``, else ``Policy.resource_capacity``, minus what needs and projects of the period
already take: ``Lists.load``), whose category is the need's or empty (any need), and whose provider is
near the need's raiser, nearest first (the *tier*, each with its cost from the policy):

1. ``paired``: the provider is paired (结对共建, in force) with the raising community;
2. ``committee``: the provider is a member (in force) of a committee the community belongs
   to: one that covers the community or its street, or has its party organization as member;
3. ``street``: the provider sits in the community's street;
4. ``district``: in its district;
5. ``elsewhere``: anywhere, for a resource of scope 不限 only.

A resource's ``scope`` bounds the tiers: 结对社区 only ``paired``; 街道 also ``committee`` and
``street``; 区 (the default) also ``district``; 不限 every tier. Network ties (pairing,
committee) are always within scope: they are what the resource is offered through.

Each proposal carries the path that justifies it: 需求 → 社区 → 结对单位党组织 → 单位 → 资源
(``paired``), 需求 → 社区 → 委员会 → 单位 → 资源 (``committee``), 需求 → 社区 → 街道/区 → 单位 →
资源 (``street``, ``district``).

Objective (``flow.min_cost_assign``): meet as many needs as capacities allow; among those
assignments, minimise the sum of the proposals' tier costs plus, for each need left unmet,
the days it has waited (capped at ``work_period_days``), so that older needs are met first.

Candidates, so that the flow network stays small at city scale: every ``paired`` and
``committee`` resource; of the ``street``, ``district`` and ``elsewhere`` pools (resources
ranked by id), a window of ``match_candidates`` per tier, spread over the needs of the area
(``flow.window``). Needs left over are reported with a reason: ``no_candidate`` (no allowed
resource at all) or ``capacity_taken`` (candidates' capacity went to other needs).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.flow import min_cost_assign, window
from graphmodel.analysis.gaps import GapContext
from graphmodel.analysis.lists import NeedItem, ResourceItem
from graphmodel.analysis.policy import Policy
from graphmodel.graphview import resolve
from graphmodel.schema import Label

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["TIERS", "Match", "MatchProposal", "UnmetNeed", "match"]

TIERS = ("paired", "committee", "street", "district", "elsewhere")
SCOPE_TIERS = {"结对社区": 1, "街道": 3, "区": 4, "不限": 5}
"""How many of ``TIERS`` (from the nearest) a resource of each scope may serve."""
WINDOW = 5
"""Resources of each of the street, district and elsewhere tiers offered to one need."""


@dataclass(frozen=True)
class MatchProposal:
    """A proposed need–resource match, its tier and cost, and the path that justifies it
    (node ids and names, need first, resource last)."""

    need_id: str
    need_name: str
    category: str
    status: str
    raised: str
    age_days: int | None
    raiser_id: str
    raiser_name: str
    street_id: str
    street_name: str
    district_id: str
    district_name: str
    resource_id: str
    resource_name: str
    resource_kind: str
    provider_id: str
    provider_name: str
    provider_label: str
    tier: str
    cost: int
    capacity_left: int
    path: tuple[str, ...]
    path_names: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        data = asdict(self)
        data["path"], data["path_names"] = list(self.path), list(self.path_names)
        return data


@dataclass(frozen=True)
class UnmetNeed:
    """An open need no proposal meets: ``no_candidate`` or ``capacity_taken``."""

    need_id: str
    need_name: str
    category: str
    raiser_id: str
    raiser_name: str
    street_id: str
    street_name: str
    district_id: str
    district_name: str
    age_days: int | None
    reason: str
    candidates: int

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class Match:
    """The proposals, the needs left unmet, and the size of the problem."""

    as_of: str
    needs: int
    resources_available: int
    proposals: list[MatchProposal] = field(default_factory=list)
    unmet: list[UnmetNeed] = field(default_factory=list)
    total_cost: int = 0
    candidate_edges: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {
            "as_of": self.as_of,
            "needs": self.needs,
            "resources_available": self.resources_available,
            "total_cost": self.total_cost,
            "candidate_edges": self.candidate_edges,
            "by_tier": dict(Counter(p.tier for p in self.proposals)),
            "proposals": [p.to_dict() for p in self.proposals],
            "unmet": [u.to_dict() for u in self.unmet],
        }


def match(
    g: nx.MultiDiGraph,
    policy: Policy,
    as_of: dt.date,
    street: str | None = None,
    district: str | None = None,
    context: GapContext | None = None,
) -> Match:
    """Propose resources for the open needs (module docstring).

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    policy : costs (``cost_match_*``), ``resource_capacity``, ``work_period_days``
    as_of : the day resources must be available on and ages are counted to
    street, district : only the needs raised there; resources anywhere may be proposed
    context : a ``GapContext`` of ``g``, ``policy`` and ``as_of`` to reuse

    Returns
    -------
    Match
        Proposals and unmet needs sorted by district, street and need id.

    Raises
    ------
    GraphmodelError
        ``NotFound`` / ``AmbiguousName`` for ``street`` or ``district``.

    Notes
    -----
    Indexing is O(n + m); the flow network has one node per need and candidate resource, and
    per need every paired and committee resource plus at most 3 x ``WINDOW`` others; it is
    solved part by part (``flow.min_cost_assign``).
    """
    ctx = context if context is not None else GapContext(g, policy, as_of)
    lists, ties = ctx.lists, ctx.ties
    only_street = resolve(g, street, (Label.STREET,)) if street else None
    only_district = resolve(g, district, (Label.DISTRICT,)) if district else None
    spare = _spare(ctx)
    needs = []
    for need in sorted(lists.needs.values(), key=lambda n: n.id):
        if not need.open or need.resources or not need.raiser:
            continue
        s = ties.street(need.raiser)
        d = ties.district(s)
        if (only_street and s != only_street) or (only_district and d != only_district):
            continue
        needs.append(need)
    near = _Nearness(ctx)
    candidates = _candidates(ctx, needs, spare, near)
    cap = ctx.policy.work_period_days
    unmet_cost = {n.id: min(max(lists.age(n) or 0, 0), cap) for n in needs}
    chosen = min_cost_assign(
        [n.id for n in needs],
        spare,
        {n: [(r, c) for r, _, c in offered] for n, offered in candidates.items()},
        unmet_cost,
    )
    taken = Counter(chosen.values())
    proposals, unmet = [], []
    for need in needs:
        r = chosen.get(need.id)
        if r is None:
            reason = "capacity_taken" if candidates[need.id] else "no_candidate"
            unmet.append(_unmet(ctx, need, reason, len(candidates[need.id])))
            continue
        tier, cost = next((t, c) for x, t, c in candidates[need.id] if x == r)
        left = spare[r] - taken[r]
        proposals.append(_proposal(ctx, need, lists.resources[r], tier, cost, left, near))
    key = lambda x: (x.district_id, x.street_id, x.need_id)  # noqa: E731
    return Match(
        as_of=as_of.isoformat(),
        needs=len(needs),
        resources_available=len(spare),
        proposals=sorted(proposals, key=key),
        unmet=sorted(unmet, key=key),
        total_cost=sum(p.cost for p in proposals),
        candidate_edges=sum(len(v) for v in candidates.values()),
    )


def _spare(ctx: GapContext) -> dict[str, int]:
    """Capacity left of every available resource with some left, by id."""
    lists = ctx.lists
    load = lists.load()
    spare = {}
    for r in lists.resources.values():
        if not r.offerer or not lists.available(r):
            continue
        capacity = ctx.policy.resource_capacity if r.capacity is None else r.capacity
        left = capacity - load.get(r.id, 0)
        if left > 0:
            spare[r.id] = left
    return spare


class _Nearness:
    """Who is near a raiser: its paired providers and its committees' fellow members."""

    def __init__(self, ctx: GapContext) -> None:
        self.ctx = ctx

    def paired(self, raiser: str) -> dict[str, str]:
        """provider -> its party organization in a pairing in force with ``raiser``."""
        ties = self.ctx.ties
        found: dict[str, str] = {}
        for p in ties.active_pairings(raiser):
            org = p.unit_org if ties.owner.get(p.community_org) == raiser else p.community_org
            found.setdefault(ties.owner.get(org, org), org)
        return found

    def committees(self, raiser: str) -> list[str]:
        """Committees ``raiser`` belongs to: covering it or its street, or with it (or its
        party organization) as a member; sorted."""
        ties = self.ctx.ties
        found = set(ties.covering.get(raiser, ())) | ties.committees(raiser)
        street = ties.street(raiser)
        if street:
            found |= ties.covering.get(street, set())
        return sorted(found)

    def fellows(self, raiser: str) -> dict[str, str]:
        """provider -> the first committee (by id) it shares with ``raiser``."""
        ties = self.ctx.ties
        found: dict[str, str] = {}
        for k in self.committees(raiser):
            for member in sorted(ties.members.get(k, ())):
                found.setdefault(ties.owner.get(member, member), k)
        return found


def _candidates(
    ctx: GapContext, needs: list[NeedItem], spare: dict[str, int], near: _Nearness
) -> dict[str, list[tuple[str, str, int]]]:
    """(resource, tier, cost) offered to each need (module docstring)."""
    lists, ties, policy = ctx.lists, ctx.ties, ctx.policy
    costs = dict(
        zip(
            TIERS,
            (
                policy.cost_match_paired,
                policy.cost_match_committee,
                policy.cost_match_street,
                policy.cost_match_district,
                policy.cost_match_elsewhere,
            ),
            strict=True,
        )
    )
    by_offerer: dict[str, list[ResourceItem]] = {}
    pools: dict[tuple[str, str, str], list[ResourceItem]] = {}
    located: dict[str, tuple[str, str]] = {}
    for rid in sorted(spare):
        r = lists.resources[rid]
        by_offerer.setdefault(r.offerer, []).append(r)
        s = ties.street(r.offerer) or ""
        d = ties.district(s) or "" if s else ""
        located[rid] = (s, d)
        reach = SCOPE_TIERS.get(r.scope or "区", 4)
        if s and reach >= 3:
            pools.setdefault(("street", s, r.category), []).append(r)
        if d and reach >= 4:
            pools.setdefault(("district", d, r.category), []).append(r)
        if reach >= 5:
            pools.setdefault(("elsewhere", "", r.category), []).append(r)
    position: dict[tuple[str, str, str], int] = Counter()
    share: Counter[tuple[str, str, str]] = Counter()
    where = {}
    for need in needs:
        s = ties.street(need.raiser) or ""
        d = ties.district(s) or "" if s else ""
        where[need.id] = (s, d)
        for key in _pool_keys(s, d, need.category):
            share[key] += 1
    out: dict[str, list[tuple[str, str, int]]] = {}
    for need in needs:
        s, d = where[need.id]
        found: list[tuple[ResourceItem, str]] = []
        for provider in near.paired(need.raiser):
            found += [(r, "paired") for r in by_offerer.get(provider, ())]
        for provider in near.fellows(need.raiser):
            found += [(r, "committee") for r in by_offerer.get(provider, ())]
        for key in _pool_keys(s, d, need.category):
            for r in window(pools.get(key, []), position[key], max(share[key], 1), WINDOW):
                rs, rd = located[r.id]
                tier = "street" if s and rs == s else "district" if d and rd == d else "elsewhere"
                found.append((r, tier))
            position[key] += 1
        offered: dict[str, tuple[str, int]] = {}
        for r, tier in found:
            if _allowed(r, tier, need.category) and (
                r.id not in offered or costs[tier] < offered[r.id][1]
            ):
                offered[r.id] = (tier, costs[tier])
        out[need.id] = sorted((r, t, c) for r, (t, c) in offered.items())
    return out


def _allowed(r: ResourceItem, tier: str, category: str) -> bool:
    """Whether ``r`` may meet a need of ``category`` through ``tier``: its category is the
    need's or empty, and the tier is within its scope (a pairing always is; a committee is
    unless the scope is 结对社区)."""
    if r.category and r.category != category:
        return False
    scope = r.scope or "区"
    if tier == "paired":
        return True
    if tier == "committee":
        return scope != "结对社区"
    return TIERS.index(tier) < SCOPE_TIERS.get(scope, 4)


def _pool_keys(s: str, d: str, category: str) -> list[tuple[str, str, str]]:
    """The pools a need of ``category`` in street ``s`` and district ``d`` draws from: its
    category's and the any-category resources', per tier."""
    keys = []
    for cat in sorted({category, ""}):
        if s:
            keys.append(("street", s, cat))
        if d:
            keys.append(("district", d, cat))
        keys.append(("elsewhere", "", cat))
    return keys


def _place(ctx: GapContext, node: str) -> tuple[str, str, str, str]:
    ties = ctx.ties
    s = ties.street(node)
    d = ties.district(s)
    return (s or "", ties.name(s) if s else "", d or "", ties.name(d) if d else "")


def _proposal(
    ctx: GapContext,
    need: NeedItem,
    r: ResourceItem,
    tier: str,
    cost: int,
    left: int,
    near: _Nearness,
) -> MatchProposal:
    ties = ctx.ties
    s, s_name, d, d_name = _place(ctx, need.raiser)
    if tier == "paired":
        via = near.paired(need.raiser)[r.offerer]
    elif tier == "committee":
        via = near.fellows(need.raiser)[r.offerer]
    elif tier == "street":
        via = s
    elif tier == "district":
        via = d
    else:
        via = ""
    path = tuple(x for x in (need.id, need.raiser, via, r.offerer, r.id) if x)
    return MatchProposal(
        need_id=need.id,
        need_name=ties.name(need.id),
        category=need.category,
        status=need.status,
        raised=need.raised,
        age_days=ctx.lists.age(need),
        raiser_id=need.raiser,
        raiser_name=ties.name(need.raiser),
        street_id=s,
        street_name=s_name,
        district_id=d,
        district_name=d_name,
        resource_id=r.id,
        resource_name=ties.name(r.id),
        resource_kind=r.kind,
        provider_id=r.offerer,
        provider_name=ties.name(r.offerer),
        provider_label=ties.label(r.offerer),
        tier=tier,
        cost=cost,
        capacity_left=left,
        path=path,
        path_names=tuple(ties.name(x) for x in path),
    )


def _unmet(ctx: GapContext, need: NeedItem, reason: str, candidates: int) -> UnmetNeed:
    s, s_name, d, d_name = _place(ctx, need.raiser)
    return UnmetNeed(
        need_id=need.id,
        need_name=ctx.ties.name(need.id),
        category=need.category,
        raiser_id=need.raiser,
        raiser_name=ctx.ties.name(need.raiser),
        street_id=s,
        street_name=s_name,
        district_id=d,
        district_name=d_name,
        age_days=ctx.lists.age(need),
        reason=reason,
        candidates=candidates,
    )
