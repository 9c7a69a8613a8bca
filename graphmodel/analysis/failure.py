"""Single points of failure of the co-governance network: the actors (articulation points) and
the ties (bridges) whose loss would cut communities off from every outside tie.

Like the hub ranking (``graphmodel.analysis.hubs``) it works on the *actor graph*
(``network.actor_graph``), where a party organization is merged into the actor it belongs to.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.network import actor_graph, street_of
from graphmodel.graphview import name_of
from graphmodel.schema import Label

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["CutOffCommunity", "PointOfFailure", "single_points_of_failure"]


@dataclass(frozen=True)
class CutOffCommunity:
    """A community that would lose every outside tie (see ``single_points_of_failure``)."""

    id: str
    name: str
    street: str
    street_name: str


@dataclass
class PointOfFailure:
    """An articulation point (one actor) or a bridge (one tie between two actors).

    ``ids``/``names``/``labels`` list the actor, or the bridge's two ends; ``ties`` the
    relationship types of a bridge (empty for an articulation point); ``cut_off`` the
    communities that would lose every outside tie without it.
    """

    kind: str
    ids: list[str]
    names: list[str]
    labels: list[str]
    ties: list[str]
    cut_off: list[CutOffCommunity]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


def single_points_of_failure(
    g: nx.MultiDiGraph, as_of: dt.date, net: nx.Graph | None = None
) -> list[PointOfFailure]:
    """Articulation points and bridges of the actor graph, with the communities each one
    holds to the rest of the network.

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    as_of : the day on which pairings must be active to count
    net : ``actor_graph(g, as_of)`` if the caller has already built it

    Returns
    -------
    list of PointOfFailure
        Every articulation point and every bridge, those that cut off the most communities
        first (articulation points before bridges on a tie, then by name).

    Notes
    -----
    A community *has an outside tie* when its connected part of the actor graph contains its
    own street (the street and its 街道党工委 are one actor) or any resident unit
    (``MemberUnit``). A point of failure *cuts off* a community when the community has an
    outside tie in the network and has none once the actor (articulation point) or the tie
    (bridge) is removed. A community that is itself removed is not listed.

    Each removal is explored breadth-first from the removed actor's neighbours (a bridge's two
    ends) and an exploration stops as soon as it meets a unit, or a part already known to hold
    one, so the cost per point of failure is the size of the unit-less parts around it: near
    O(n + m) in all on networks where units are spread out, O(n(n + m)) at worst.
    """
    import networkx as nx

    if net is None:
        net = actor_graph(g, as_of)
    communities = {n for n, d in net.nodes(data=True) if d.get("label") == Label.COMMUNITY}
    units = {n for n, d in net.nodes(data=True) if d.get("label") == Label.MEMBER_UNIT}
    adj = {a: list(net[a]) for a in net}
    home = {c: street_of(g, c) for c in communities}
    component: dict[str, int] = {}
    has_unit: list[bool] = []
    for i, part in enumerate(nx.connected_components(net)):
        component.update(dict.fromkeys(part, i))
        has_unit.append(not units.isdisjoint(part))
    connected = {
        c
        for c in communities
        if has_unit[component[c]] or component.get(home[c] or "") == component[c]
    }

    def cut_off(starts: list[str], node: str | None, edge: tuple[str, str] | None) -> list[str]:
        safe: set[str] = set()
        done: set[str] = set()
        lost: list[str] = []
        for start in starts:
            if start in safe or start in done:
                continue
            part, reached_unit = _explore(adj, units, start, node, edge, safe)
            if reached_unit:
                safe |= part
                continue
            done |= part
            lost += [c for c in part if c in connected and home[c] not in part]
        return sorted(lost)

    found = []
    articulation, bridges = _cut_points(net)
    for a in sorted(articulation):
        lost = cut_off(sorted(adj[a]), a, None)
        found.append(_point(g, net, home, "articulation", [a], [], lost))
    for u, v in bridges:
        lost = cut_off([u, v], None, (u, v))
        ties = sorted(net.edges[u, v]["types"])
        found.append(_point(g, net, home, "bridge", [u, v], ties, lost))
    found.sort(key=lambda p: (-len(p.cut_off), p.kind != "articulation", p.names, p.ids))
    return found


def _cut_points(net: nx.Graph) -> tuple[set[str], list[tuple[str, str]]]:
    """The articulation points and the bridges (each as a sorted pair, sorted) of ``net``.

    Both from one depth-first search: an articulation point is an actor in two or more
    biconnected components, a bridge a biconnected component of one tie: one search instead
    of ``nx.bridges``' separate chain decomposition (the times: ``docs/benchmarks.md``).
    """
    import networkx as nx

    components: Counter[str] = Counter()
    bridges = []
    for edges in nx.biconnected_component_edges(net):
        if len(edges) == 1:
            u, v = edges[0]
            bridges.append((u, v) if u < v else (v, u))
        components.update({a for edge in edges for a in edge})
    return {a for a, count in components.items() if count > 1}, sorted(bridges)


def _explore(
    adj: dict[str, list[str]],
    units: set[str],
    start: str,
    node: str | None,
    edge: tuple[str, str] | None,
    safe: set[str],
) -> tuple[set[str], bool]:
    """Breadth-first search from ``start`` without ``node`` / ``edge``; stops as soon as it
    meets a unit or a node of ``safe``. Returns the nodes seen and whether it stopped so."""
    seen = {start}
    if start in units or start in safe:
        return seen, True
    u, v = edge or (None, None)
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for there in adj[here]:
            if there == node or there in seen or (here, there) in ((u, v), (v, u)):
                continue
            seen.add(there)
            if there in units or there in safe:
                return seen, True
            queue.append(there)
    return seen, False


def _point(
    g: nx.MultiDiGraph,
    net: nx.Graph,
    home: dict[str, str | None],
    kind: str,
    ids: list[str],
    ties: list[str],
    lost: list[str],
) -> PointOfFailure:
    cut = [
        CutOffCommunity(c, name_of(g, c), home[c] or "", name_of(g, home[c] or "")) for c in lost
    ]
    return PointOfFailure(
        kind=kind,
        ids=ids,
        names=[net.nodes[a].get("name", "") for a in ids],
        labels=[net.nodes[a].get("label", "") for a in ids],
        ties=ties,
        cut_off=cut,
    )
