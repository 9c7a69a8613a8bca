"""Min-cost assignment: demands (one unit each) to suppliers with capacities, as a min-cost flow.

Used by ``match`` (needs to resources), on the approach of ``recommend``'s flow (a bypass that
costs more than any rearrangement meeting one more demand; network simplex). The flow
network: source -> each supplier (capacity: its supply, cost 0) -> each demand it is a
candidate for (capacity 1, the candidate's cost) -> sink (capacity 1), plus, for each demand,
a bypass source -> demand whose cost is the demand's *unmet cost* plus a constant larger than
the cost of any rearrangement that meets one more demand. ``networkx.network_simplex`` then
meets as many demands as the capacities allow and, among those assignments, minimises the
candidates' costs plus the unmet costs of the demands left over.

The network is split into its connected parts (demands that share no supplier, directly or
through other demands, do not interact) and each part is solved on its own: the optimum of
the whole is the union of the parts' optima, and many small problems solve much faster than
one large one. Nodes and edges go in in sorted order, so the same input gives the same answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

import networkx as nx

__all__ = ["min_cost_assign", "window"]

T = TypeVar("T")


def window(pool: Sequence[T], i: int, n: int, size: int) -> list[T]:
    """``size`` consecutive items of ``pool`` (cyclically) for the ``i``-th of ``n`` demands,
    starting at ``i * len(pool) // n`` so that the windows spread over the pool; the whole
    pool when it is no longer than ``size``.

    >>> window("abcdef", 0, 3, 2), window("abcdef", 1, 3, 2), window("abcdef", 2, 3, 2)
    (['a', 'b'], ['c', 'd'], ['e', 'f'])
    """
    if len(pool) <= size:
        return list(pool)
    start = i * len(pool) // n
    return [pool[(start + j) % len(pool)] for j in range(size)]


def min_cost_assign(
    demands: Sequence[str],
    supply: Mapping[str, int],
    candidates: Mapping[str, Sequence[tuple[str, int]]],
    unmet_cost: Mapping[str, int] | None = None,
) -> dict[str, str]:
    """demand -> supplier, optimal as the module docstring says.

    Parameters
    ----------
    demands : ids of the demands
    supply : how many demands each supplier can take (suppliers not listed take none)
    candidates : (supplier, cost) pairs each demand may be assigned to; costs are integers >= 0
    unmet_cost : integer >= 0 added for each demand left unassigned (default 0 for all)

    Examples
    --------
    >>> min_cost_assign(["a", "b"], {"x": 1, "y": 1}, {"a": [("x", 1)], "b": [("x", 1), ("y", 5)]})
    {'a': 'x', 'b': 'y'}
    >>> min_cost_assign(["a", "b"], {"x": 1}, {"a": [("x", 1)], "b": [("x", 1)]}, {"a": 0, "b": 9})
    {'b': 'x'}
    """
    unmet = unmet_cost or {}
    live = {d: [(s, c) for s, c in candidates.get(d, ()) if supply.get(s, 0) > 0] for d in demands}
    chosen: dict[str, str] = {}
    for part in _parts(live):
        chosen.update(_solve(part, supply, live, unmet))
    return chosen


def _parts(live: Mapping[str, Sequence[tuple[str, int]]]) -> list[list[str]]:
    """The demands with candidates, grouped into the connected parts of the network."""
    root: dict[tuple[str, str], tuple[str, str]] = {}

    def find(a: tuple[str, str]) -> tuple[str, str]:
        root.setdefault(a, a)
        while root[a] != a:
            root[a] = root[root[a]]
            a = root[a]
        return a

    for d, offered in live.items():
        for s, _ in offered:
            a, b = find(("d", d)), find(("s", s))
            if a != b:
                root[max(a, b)] = min(a, b)
    groups: dict[tuple[str, str], list[str]] = {}
    for d, offered in live.items():
        if offered:
            groups.setdefault(find(("d", d)), []).append(d)
    return [sorted(g) for _, g in sorted(groups.items())]


def _solve(
    part: list[str],
    supply: Mapping[str, int],
    live: Mapping[str, Sequence[tuple[str, int]]],
    unmet: Mapping[str, int],
) -> dict[str, str]:
    if len(part) == 1:
        (d,) = part
        return {d: min(live[d], key=lambda sc: (sc[1], sc[0]))[0]}
    suppliers = sorted({s for d in part for s, _ in live[d]})
    top = max(c for d in part for _, c in live[d])
    big = (top + max((unmet.get(d, 0) for d in part), default=0)) * len(part) + 1
    net = nx.DiGraph()
    source, sink = ("source",), ("sink",)
    net.add_node(source, demand=-len(part))
    net.add_node(sink, demand=len(part))
    for s in suppliers:
        net.add_edge(source, ("s", s), capacity=min(supply[s], len(part)), weight=0)
    for d in part:
        net.add_edge(source, ("skip", d), capacity=1, weight=big + unmet.get(d, 0))
        net.add_edge(("skip", d), ("d", d), capacity=1, weight=0)
        for s, cost in sorted(live[d]):
            net.add_edge(("s", s), ("d", d), capacity=1, weight=cost)
        net.add_edge(("d", d), sink, capacity=1, weight=0)
    _, flow = nx.network_simplex(net)
    chosen = {}
    for s in suppliers:
        for target, amount in sorted(flow[("s", s)].items()):
            if amount:
                chosen[target[1]] = s
    return chosen
