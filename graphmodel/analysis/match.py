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

Candidates: every allowed resource, none left out. So that the flow network stays small at
city scale, the resources a need reaches through a tier other than a pairing are offered as
*groups* (``flow.min_cost_assign``): a committee's members' resources of one category, a
street's, a district's, and those of scope 不限, each one node of the network that every need
of the committee, street or district draws on at the tier's cost, instead of one edge per
resource and need. A resource reachable by several tiers is proposed through the cheapest.
Needs left over are reported with a reason: ``no_candidate`` (no allowed resource at all) or
``capacity_taken`` (the allowed resources' capacity went to other needs), and how many
resources were allowed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.flow import min_cost_assign
from graphmodel.analysis.gaps import AreaFilter, GapContext
from graphmodel.analysis.lists import NeedItem, ResourceItem
from graphmodel.analysis.policy import Policy

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["TIERS", "Match", "MatchProposal", "UnmetNeed", "match"]

TIERS = ("paired", "committee", "street", "district", "elsewhere")
SCOPE_TIERS = {"结对社区": 1, "街道": 3, "区": 4, "不限": 5}
"""How many of ``TIERS`` (from the nearest) a resource of each scope may serve."""


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
    """The proposals, the needs left unmet, and the size of the problem: ``candidate_edges``
    counts the edges of the flow network between needs, resources and groups of resources
    (module docstring)."""

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
    Indexing is O(n + m); the flow network has one node per need, available resource and
    group, one edge per resource and group it is in, and per need one edge per paired
    resource and per group it draws on; it is solved part by part (``flow.min_cost_assign``).
    """
    ctx = context if context is not None else GapContext(g, policy, as_of)
    lists, ties = ctx.lists, ctx.ties
    within = AreaFilter(g, street, district)
    spare = _spare(ctx)
    needs = []
    for need in sorted(lists.needs.values(), key=lambda n: n.id):
        if not need.open or need.resources or not need.raiser:
            continue
        s = ties.street(need.raiser)
        d = ties.district(s)
        if not within.keeps(s, d):
            continue
        needs.append(need)
    near = _Nearness(ctx)
    candidates, groups = _candidates(ctx, needs, spare, near)
    cap = ctx.policy.work_period_days
    unmet_cost = {n.id: min(max(lists.age(n) or 0, 0), cap) for n in needs}
    chosen = min_cost_assign([n.id for n in needs], spare, candidates, unmet_cost, groups)
    taken = Counter(r for r, _ in chosen.values())
    proposals, unmet = [], []
    for need in needs:
        if need.id not in chosen:
            allowed = {
                r
                for x, _ in candidates[need.id]
                for r in (groups[x] if isinstance(x, tuple) else [str(x)])
            }
            reason = "capacity_taken" if allowed else "no_candidate"
            unmet.append(_unmet(ctx, need, reason, len(allowed)))
            continue
        r, via = chosen[need.id]
        cost = dict(candidates[need.id])[via]
        left = spare[r] - taken[r]
        proposals.append(_proposal(ctx, need, lists.resources[r], via, cost, left, near))
    key = lambda x: (x.district_id, x.street_id, x.need_id)  # noqa: E731
    return Match(
        as_of=as_of.isoformat(),
        needs=len(needs),
        resources_available=len(spare),
        proposals=sorted(proposals, key=key),
        unmet=sorted(unmet, key=key),
        total_cost=sum(p.cost for p in proposals),
        candidate_edges=sum(len(v) for v in candidates.values())
        + sum(
            len(groups[x]) for x in {x for v in candidates.values() for x, _ in v if x in groups}
        ),
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
        """provider -> its party organization in a pairing in force with ``raiser``: the
        other side of each pairing of the raiser's party organizations (the raiser itself
        when it is one)."""
        ties = self.ctx.ties
        mine = set(ties.party_orgs(raiser))
        found: dict[str, str] = {}
        for p in ties.active_pairings(raiser):
            org = p.unit_org if p.community_org in mine else p.community_org
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


Group = tuple[str, str, str]
"""A group of resources a need draws on at one cost: (tier, place, category), where the tier
is ``committee`` (place: the committee), ``street``, ``district`` or ``elsewhere`` (place
empty), and the category is the resources' own (empty: any need)."""


def _costs(policy: Policy) -> dict[str, int]:
    """The cost of each tier (``cost_match_*``)."""
    return dict(
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


def _candidates(
    ctx: GapContext, needs: list[NeedItem], spare: dict[str, int], near: _Nearness
) -> tuple[dict[str, list[tuple[Hashable, int]]], dict[Hashable, list[str]]]:
    """What each need may draw on, as (resource id or ``Group``, cost), and the resources of
    each group, in id order (module docstring)."""
    lists, ties = ctx.lists, ctx.ties
    costs = _costs(ctx.policy)
    by_offerer: dict[str, list[ResourceItem]] = {}
    groups: dict[Hashable, list[str]] = {}
    for rid in sorted(spare):
        r = lists.resources[rid]
        by_offerer.setdefault(r.offerer, []).append(r)
        s = ties.street(r.offerer) or ""
        d = ties.district(s) or "" if s else ""
        reach = SCOPE_TIERS.get(r.scope or "区", 4)
        if s and reach >= 3:
            groups.setdefault(("street", s, r.category), []).append(rid)
        if d and reach >= 4:
            groups.setdefault(("district", d, r.category), []).append(rid)
        if reach >= 5:
            groups.setdefault(("elsewhere", "", r.category), []).append(rid)
    committees: set[str] = set()

    def committee_groups(k: str) -> None:
        """The committee's groups: its members' resources (by owner), scope wider than
        结对社区, one group per category."""
        committees.add(k)
        offered: dict[str, set[str]] = {}
        for member in ties.members.get(k, ()):
            for r in by_offerer.get(ties.owner.get(member, member), ()):
                if _allowed(r, "committee", r.category):
                    offered.setdefault(r.category, set()).add(r.id)
        for category, ids in offered.items():
            groups[("committee", k, category)] = sorted(ids)

    out: dict[str, list[tuple[Hashable, int]]] = {}
    for need in needs:
        s = ties.street(need.raiser) or ""
        d = ties.district(s) or "" if s else ""
        found: list[tuple[Hashable, int]] = [
            (r.id, costs["paired"])
            for provider in near.paired(need.raiser)
            for r in by_offerer.get(provider, ())
            if _allowed(r, "paired", need.category)
        ]
        keys: list[Group] = []
        for k in near.committees(need.raiser):
            if k not in committees:
                committee_groups(k)
            keys += [("committee", k, cat) for cat in sorted({need.category, ""})]
        keys += _pool_keys(s, d, need.category)
        found += [(key, costs[key[0]]) for key in keys if key in groups]
        out[need.id] = found
    return out, groups


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


def _pool_keys(s: str, d: str, category: str) -> list[Group]:
    """The groups of the street, district and elsewhere tiers a need of ``category`` in
    street ``s`` and district ``d`` draws on: its category's and the any-category
    resources', per tier."""
    keys: list[Group] = []
    for cat in sorted({category, ""}):
        if s:
            keys.append(("street", s, cat))
        if d:
            keys.append(("district", d, cat))
        keys.append(("elsewhere", "", cat))
    return keys


def _proposal(
    ctx: GapContext,
    need: NeedItem,
    r: ResourceItem,
    group: Hashable,
    cost: int,
    left: int,
    near: _Nearness,
) -> MatchProposal:
    """The proposal of ``r`` for ``need``, drawn through ``group`` (a ``Group``, or the
    resource's own id for a paired resource)."""
    ties = ctx.ties
    area = ties.area(need.raiser)
    if isinstance(group, tuple):
        tier, place, _ = group
        via = {
            "committee": place,
            "street": area["street_id"],
            "district": area["district_id"],
        }.get(tier, "")
    else:
        tier, via = "paired", near.paired(need.raiser)[r.offerer]
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
        **area,
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
    return UnmetNeed(
        need_id=need.id,
        need_name=ctx.ties.name(need.id),
        category=need.category,
        raiser_id=need.raiser,
        raiser_name=ctx.ties.name(need.raiser),
        **ctx.ties.area(need.raiser),
        age_days=ctx.lists.age(need),
        reason=reason,
        candidates=candidates,
    )
