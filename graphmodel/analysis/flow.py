"""Min-cost assignment: demands (one unit each) to suppliers with capacities, as a min-cost flow.

Used by ``match`` (needs to resources), on the approach of ``recommend``'s flow (a bypass that
costs more than any rearrangement meeting one more demand). A demand's
candidates are suppliers, each at a cost, or **groups** of suppliers at one cost for the whole
group (every resource of a street, of a committee's members...): a group is one node of the
network, so a demand that may draw on a thousand suppliers through a group costs one edge, not
a thousand, and no candidate has to be left out to keep the network small.

The flow network: source -> each supplier (capacity: its supply, cost 0) -> each group it is
in (cost 0) -> each demand the group is a candidate for (capacity 1, the candidate's cost) ->
sink (capacity 1); a supplier named directly goes to the demand without a group. For each
demand, a bypass source -> demand costs the demand's *unmet cost* plus a constant larger than
the cost of any rearrangement that meets one more demand. The solver (HiGHS, ``FlowNetwork``)
then meets as many demands as the capacities allow and, among those assignments, minimises the
candidates' costs plus the unmet costs of the demands left over. A group's flow is split back
onto its suppliers in id order, then onto the demands it serves in id order: every supplier of
a group is the same to every demand of it, so any split is as good.

The network is split into its connected parts (demands that share no supplier, directly or
through groups and other demands, do not interact) and each part is solved on its own: the
optimum of the whole is the union of the parts' optima, a part with one demand needs no
solver, and each part's bypass constant stays small. Nodes and edges go in in sorted order, so
the same input gives the same answer.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

__all__ = ["SINK", "SOURCE", "Assignment", "FlowNetwork", "Node", "min_cost_assign"]

Node = tuple[Any, ...]
"""A node of the flow network: ``("s", supplier)``, ``("g", group)``, ``("d", demand)``,
``SOURCE`` or ``SINK``."""

SOURCE: Node = ("source",)
SINK: Node = ("sink",)

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
    net = FlowNetwork()
    for s in suppliers:
        net.edge(SOURCE, ("s", s), min(supply[s], len(part)), 0)
    for g in used:
        for s in members[g]:
            net.edge(("s", s), ("g", g), len(part), 0)
    for d in part:
        net.edge(SOURCE, ("d", d), 1, big + unmet.get(d, 0))  # the bypass
        for x, cost in sorted(live[d].items(), key=lambda xc: repr(xc[0])):
            net.edge(("g", x) if x in members else ("s", x), ("d", d), 1, cost)
        net.edge(("d", d), SINK, 1, 0)
    flow = net.solve({SOURCE: -len(part), SINK: len(part)})
    chosen: dict[str, Assignment] = {}
    into: dict[Hashable, list[str]] = {}
    for s in suppliers:
        for (kind, x), amount in sorted(flow.get(("s", s), {}).items(), key=repr):
            if kind == "d":
                chosen[x] = (s, s)
            else:
                into.setdefault(x, []).extend([s] * amount)
    for g in used:
        served = sorted(d for (_, d) in flow.get(("g", g), {}))
        chosen.update(zip(served, ((s, g) for s in into.get(g, [])), strict=True))
    return chosen


class FlowNetwork:
    """A flow network as arrays, solved as a linear programme by HiGHS's dual simplex
    (``scipy.optimize.linprog``): the node-arc incidence matrix of a network is totally
    unimodular, so the basic optimal solution the simplex returns is integral, and HiGHS (C++)
    solves a city's network in seconds where ``networkx.network_simplex`` (pure Python) took
    minutes."""

    def __init__(self) -> None:
        self.index: dict[Node, int] = {}
        self.edges: list[tuple[Node, Node]] = []
        self.tails: list[int] = []
        self.heads: list[int] = []
        self.capacity: list[float] = []
        self.cost: list[int] = []

    def _node(self, v: Node) -> int:
        return self.index.setdefault(v, len(self.index))

    def edge(self, u: Node, v: Node, capacity: int | None, cost: int) -> None:
        """An edge from ``u`` to ``v`` (nodes are made on first use); ``capacity`` None is
        unbounded."""
        self.edges.append((u, v))
        self.tails.append(self._node(u))
        self.heads.append(self._node(v))
        self.capacity.append(float("inf") if capacity is None else capacity)
        self.cost.append(cost)

    def solve(self, demand: Mapping[Node, int]) -> dict[Node, dict[Node, int]]:
        """A minimum-cost flow meeting ``demand`` (inflow minus outflow of each node; 0 for
        nodes not listed): tail -> head -> amount, for the edges that carry some."""
        import numpy as np
        from scipy import sparse
        from scipy.optimize import linprog

        n, m = len(self.index), len(self.edges)
        arcs = np.arange(m)
        incidence = sparse.coo_array(
            (
                np.concatenate([-np.ones(m), np.ones(m)]),
                (np.concatenate([self.tails, self.heads]), np.concatenate([arcs, arcs])),
            ),
            shape=(n, m),
        ).tocsr()
        balance = np.zeros(n)
        for v, amount in demand.items():
            balance[self.index[v]] = amount
        result = linprog(
            np.asarray(self.cost, dtype=float),
            A_eq=incidence,
            b_eq=balance,
            bounds=np.column_stack([np.zeros(m), np.asarray(self.capacity)]),
            method="highs-ds",
        )
        if result.status != 0:  # the bypasses make every instance feasible and bounded
            raise RuntimeError(f"min-cost flow not solved: {result.message}")
        flow = np.rint(result.x)
        if np.abs(result.x - flow).max(initial=0) > 1e-6:  # a basic solution is integral
            raise RuntimeError("min-cost flow solution is not integral")
        found: dict[Node, dict[Node, int]] = {}
        for i in np.flatnonzero(flow):
            u, v = self.edges[i]
            found.setdefault(u, {})[v] = int(flow[i])
        return found
