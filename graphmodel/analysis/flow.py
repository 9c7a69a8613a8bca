"""Min-cost assignment: demands (one unit each) to suppliers with capacities, as a min-cost flow.

Used by ``match`` (needs to resources), on the approach of ``recommend``'s flow (a bypass that
costs more than any rearrangement meeting one more demand; network simplex). A demand's
candidates are suppliers, each at a cost, or **groups** of suppliers at one cost for the whole
group (every resource of a street, of a committee's members...): a group is one node of the
network, so a demand that may draw on a thousand suppliers through a group costs one edge, not
a thousand, and no candidate has to be left out to keep the network small.

The flow network: source -> each supplier (capacity: its supply, cost 0) -> each group it is
in (cost 0) -> each demand the group is a candidate for (capacity 1, the candidate's cost) ->
sink (capacity 1); a supplier named directly goes to the demand without a group. For each
demand, a bypass source -> demand costs the demand's *unmet cost* plus a constant larger than
the cost of any rearrangement that meets one more demand. ``networkx.network_simplex`` then
meets as many demands as the capacities allow and, among those assignments, minimises the
candidates' costs plus the unmet costs of the demands left over. A group's flow is split back
onto its suppliers in id order, then onto the demands it serves in id order: every supplier of
a group is the same to every demand of it, so any split is as good.

The network is split into its connected parts (demands that share no supplier, directly or
through groups and other demands, do not interact) and each part is solved on its own: the
optimum of the whole is the union of the parts' optima, and many small problems solve much
faster than one large one. Nodes and edges go in in sorted order, so the same input gives the
same answer.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import networkx as nx

__all__ = ["Assignment", "min_cost_assign"]

Assignment = tuple[str, Hashable]
"""What a demand is assigned: (supplier, the candidate that carried it: the supplier itself or
the group)."""


def min_cost_assign(
    demands: Sequence[str],
    supply: Mapping[str, int],
    candidates: Mapping[str, Sequence[tuple[Hashable, int]]],
    unmet_cost: Mapping[str, int] | None = None,
    groups: Mapping[Hashable, Sequence[str]] | None = None,
) -> dict[str, Assignment]:
    """demand -> (supplier, via), optimal as the module docstring says.

    Parameters
    ----------
    demands : ids of the demands
    supply : how many demands each supplier can take (suppliers not listed take none)
    candidates : (supplier or group, cost) pairs each demand may be assigned to; costs are
        integers >= 0; a key of ``groups`` names the group, anything else a supplier
    unmet_cost : integer >= 0 added for each demand left unassigned (default 0 for all)
    groups : the suppliers of each group

    Examples
    --------
    >>> min_cost_assign(["a", "b"], {"x": 1, "y": 1}, {"a": [("x", 1)], "b": [("x", 1), ("y", 5)]})
    {'a': ('x', 'x'), 'b': ('y', 'y')}
    >>> min_cost_assign(["a", "b"], {"x": 1}, {"a": [("x", 1)], "b": [("x", 1)]}, {"a": 0, "b": 9})
    {'b': ('x', 'x')}
    >>> min_cost_assign(["a", "b"], {"x": 1, "y": 1}, {"a": [("G", 2)], "b": [("x", 1)]},
    ...                 groups={"G": ["x", "y"]})
    {'a': ('y', 'G'), 'b': ('x', 'x')}
    """
    unmet = unmet_cost or {}
    members = {
        g: sorted({s for s in ss if supply.get(s, 0) > 0}) for g, ss in (groups or {}).items()
    }
    live: dict[str, dict[Hashable, int]] = {}
    for d in demands:
        offered: dict[Hashable, int] = {}
        for x, cost in candidates.get(d, ()):
            if (members.get(x) if x in members else supply.get(str(x), 0) > 0) and (
                x not in offered or cost < offered[x]
            ):
                offered[x] = cost
        live[d] = offered
    chosen: dict[str, Assignment] = {}
    for part in _parts(live, members):
        chosen.update(_solve(part, supply, live, members, unmet))
    return dict(sorted(chosen.items()))


def _parts(
    live: Mapping[str, Mapping[Hashable, int]], members: Mapping[Hashable, Sequence[str]]
) -> list[list[str]]:
    """The demands with candidates, grouped into the connected parts of the network."""
    root: dict[tuple[str, Hashable], tuple[str, Hashable]] = {}

    def find(a: tuple[str, Hashable]) -> tuple[str, Hashable]:
        root.setdefault(a, a)
        while root[a] != a:
            root[a] = root[root[a]]
            a = root[a]
        return a

    def join(a: tuple[str, Hashable], b: tuple[str, Hashable]) -> None:
        a, b = find(a), find(b)
        if a != b:
            root[b] = a

    referenced = {x for offered in live.values() for x in offered if x in members}
    for g in referenced:
        for s in members[g]:
            join(("g", g), ("s", s))
    for d, offered in live.items():
        for x in offered:
            join(("d", d), ("g", x) if x in members else ("s", x))
    parts: dict[tuple[str, Hashable], list[str]] = {}
    for d, offered in live.items():
        if offered:
            parts.setdefault(find(("d", d)), []).append(d)
    return sorted((sorted(p) for p in parts.values()), key=lambda p: p[0])


def _solve(
    part: list[str],
    supply: Mapping[str, int],
    live: Mapping[str, Mapping[Hashable, int]],
    members: Mapping[Hashable, Sequence[str]],
    unmet: Mapping[str, int],
) -> dict[str, Assignment]:
    if len(part) == 1:
        (d,) = part
        x, _ = min(live[d].items(), key=lambda xc: (xc[1], repr(xc[0])))
        return {d: (members[x][0] if x in members else str(x), x)}
    used = sorted({x for d in part for x in live[d] if x in members}, key=repr)
    suppliers = sorted(
        {str(x) for d in part for x in live[d] if x not in members}
        | {s for g in used for s in members[g]}
    )
    top = max(c for d in part for c in live[d].values())
    big = (top + max((unmet.get(d, 0) for d in part), default=0)) * len(part) + 1
    net = nx.DiGraph()
    source, sink = ("source",), ("sink",)
    net.add_node(source, demand=-len(part))
    net.add_node(sink, demand=len(part))
    for s in suppliers:
        net.add_edge(source, ("s", s), capacity=min(supply[s], len(part)), weight=0)
    for g in used:
        for s in members[g]:
            net.add_edge(("s", s), ("g", g), weight=0)
    for d in part:
        net.add_edge(source, ("skip", d), capacity=1, weight=big + unmet.get(d, 0))
        net.add_edge(("skip", d), ("d", d), capacity=1, weight=0)
        for x, cost in sorted(live[d].items(), key=lambda xc: repr(xc[0])):
            start = ("g", x) if x in members else ("s", x)
            net.add_edge(start, ("d", d), capacity=1, weight=cost)
        net.add_edge(("d", d), sink, capacity=1, weight=0)
    _, flow = nx.network_simplex(net)
    chosen: dict[str, Assignment] = {}
    for s in suppliers:
        for target, amount in flow[("s", s)].items():
            if amount and target[0] == "d":
                chosen[target[1]] = (s, s)
    for g in used:
        units = [s for s in members[g] for _ in range(flow[("s", s)].get(("g", g), 0))]
        served = sorted(target[1] for target, amount in flow[("g", g)].items() if amount)
        chosen.update((d, (s, g)) for d, s in zip(served, units, strict=True))
    return chosen
