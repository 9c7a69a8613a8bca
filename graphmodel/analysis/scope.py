"""The part of the graph view that a drawing or an export covers: a district, a street, or
the neighbourhood of one actor.

- *district* / *street*: the area node, the streets of a district, and every node that sits
  there (``network.street_index``: communities and grids by filing, units by location,
  party organizations by what they belong to, social organizations and committees by the
  first community or area they serve or cover), plus the nodes tied directly to the district
  itself (its 区委, a district-level committee).
- *around* an actor within ``hops``: the actors reached in at most ``hops`` steps along the
  working ties (``network.WORK_TIES``) once party organizations are folded into their owners
  (``folding.fold_party_orgs``), so a unit and the community it is paired with are one hop
  apart, as ``graphmodel reach`` counts them.

Either way the scope then takes in the *partners across its edge*: the other end of every
pairing, report (双报到), membership, service or committee tie that starts or ends inside it
(a unit of another district paired with one of the district's communities is part of the
district's network), marked ``in_scope=False``; and the party organizations that belong to a
node of the scope, so that folding still has them to fold.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from graphmodel.analysis.folding import fold_party_orgs
from graphmodel.analysis.network import ACTOR_LABELS, WORK_TIES, street_index
from graphmodel.errors import GraphmodelError
from graphmodel.graphview import resolve
from graphmodel.schema import Label, Rel

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ACROSS_TIES", "scope_graph", "scope_nodes"]

ACROSS_TIES = (
    Rel.PAIRED_WITH,
    Rel.REPORTS_TO,
    Rel.MEMBER_OF,
    Rel.CONVENED_BY,
    Rel.SERVES,
    Rel.COVERS,
)
"""The ties that bring their far end into a scope as a partner across its edge."""


def scope_nodes(
    g: nx.MultiDiGraph,
    district: str | None = None,
    street: str | None = None,
    around: str | None = None,
    hops: int = 2,
) -> set[str]:
    """The nodes at the core of the scope (before partners across its edge are added).

    At most one of ``district``, ``street`` and ``around`` (ids or unique names); with none,
    every node. Raises ``NotFound`` / ``AmbiguousName`` for a name, ``GraphmodelError`` for
    more than one scope or a negative ``hops``.
    """
    given = [x for x in (district, street, around) if x]
    if len(given) > 1:
        raise GraphmodelError("scope_several")
    if district:
        return _area(g, resolve(g, district, (Label.DISTRICT,)))
    if street:
        return _area(g, resolve(g, street, (Label.STREET,)))
    if around:
        if hops < 0:
            raise GraphmodelError("scope_hops", hops=hops)
        return _around(g, resolve(g, around, ACTOR_LABELS), hops)
    return set(g)


def scope_graph(
    g: nx.MultiDiGraph,
    district: str | None = None,
    street: str | None = None,
    around: str | None = None,
    hops: int = 2,
    fold: bool = False,
) -> nx.MultiDiGraph:
    """The subgraph of ``g`` a scope covers (``scope_nodes`` plus partners across its edge,
    see the module docstring), folded when ``fold`` (``fold_party_orgs``).

    Every node carries ``in_scope``: ``True`` for the core, ``False`` for a partner across
    the edge. The result is a new graph; ``g`` is left as it was.
    """
    core = scope_nodes(g, district, street, around, hops)
    keep = set(core)
    for n in core:
        for u, v, rel in [*g.out_edges(n, data="type"), *g.in_edges(n, data="type")]:
            if rel in ACROSS_TIES:
                keep.update((u, v))
    for u, v, rel in g.edges(data="type"):
        if rel == Rel.BELONGS_TO and v in keep and g.nodes[u].get("label") == Label.PARTY_ORG:
            keep.add(u)
    # A partner's party organization brings in its owner, so that the tie folds onto it.
    for u, v, rel in g.edges(data="type"):
        if rel == Rel.BELONGS_TO and u in keep and u not in core:
            keep.add(v)
    sub = g.subgraph(keep).copy()
    for n in sub:
        sub.nodes[n]["in_scope"] = n in core
    if fold:
        folded = fold_party_orgs(sub)
        for n in folded:
            orgs = folded.nodes[n].get("party_orgs", [])
            folded.nodes[n]["in_scope"] = n in core or any(o in core for o in orgs)
        return folded
    return sub


def _area(g: nx.MultiDiGraph, area: str) -> set[str]:
    streets = {area}
    if g.nodes[area].get("label") == Label.DISTRICT:
        streets |= {u for u, _, rel in g.in_edges(area, data="type") if rel == Rel.PART_OF}
    index = street_index(g)
    core = {n for n, s in index.items() if s in streets} | streets
    if g.nodes[area].get("label") == Label.DISTRICT:
        core |= {u for u, _, rel in g.in_edges(area, data="type") if rel != Rel.PART_OF}
    return core


def _around(g: nx.MultiDiGraph, start: str, hops: int) -> set[str]:
    folded = fold_party_orgs(g)
    owner_of = {o: n for n, orgs in folded.nodes(data="party_orgs") if orgs for o in orgs}
    origin = owner_of.get(start, start)
    seen = {origin: 0}
    queue = deque([origin])
    while queue:
        node = queue.popleft()
        if seen[node] == hops:
            continue
        ends = [*folded.out_edges(node, data="type"), *folded.in_edges(node, data="type")]
        for u, v, rel in ends:
            if rel not in WORK_TIES:
                continue
            other = v if u == node else u
            if other not in seen and folded.nodes[other].get("label") in ACTOR_LABELS:
                seen[other] = seen[node] + 1
                queue.append(other)
    reached = set(seen)
    return reached | {o for n in reached for o in folded.nodes[n].get("party_orgs", [])}
