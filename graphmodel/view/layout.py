"""Positions for drawing a (folded) scope: streets side by side, each community with what
serves it around it.

A force layout of a district (15,000 nodes) takes minutes in Python and leaves a hairball;
organizers read the network street by street. So the layout is built from the ledger's own
structure, in O(n + m):

- streets sit on a grid, in id order, each cell sized to its street's number of nodes;
- a street's communities sit on a circle around the street's centre, where the street itself
  and its committees are;
- every other node is *anchored*: a social organization at the first community it serves,
  a unit at the first community it is paired with (else at its street's centre), a party
  organization at the first community or street it leads or belongs to; anchored nodes
  spread on a sunflower spiral around their anchor, so they never sit on top of each other;
- nodes in no street (partners from elsewhere) sit on a ring around the whole picture.
"""

from __future__ import annotations

import math

import networkx as nx

from graphmodel.analysis.network import street_index
from graphmodel.schema import Label, Rel

__all__ = ["layout"]

_GOLDEN = math.pi * (3 - math.sqrt(5))
_ANCHOR_TIES = (
    Rel.SERVES,
    Rel.PAIRED_WITH,
    Rel.REPORTS_TO,
    Rel.LEADS,
    Rel.BELONGS_TO,
    Rel.MEMBER_OF,
)


def layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """(x, y) for every node of ``g`` (a folded scope, ``analysis.scope.scope_graph``).

    The same graph gives the same positions.
    """
    labels = dict(g.nodes(data="label"))
    streets_of = street_index(g)
    anchor: dict[str, str] = {}
    for rel in _ANCHOR_TIES:
        for u, v, t in sorted(g.edges(data="type")):
            if t != rel:
                continue
            for a, b in ((u, v), (v, u)):
                if (
                    a not in anchor
                    and labels.get(a) != Label.COMMUNITY
                    and labels.get(b)
                    in (
                        Label.COMMUNITY,
                        Label.STREET,
                    )
                ):
                    anchor[a] = b
    members: dict[str | None, list[str]] = {}
    for n in sorted(g):
        if labels.get(n) in (Label.STREET, Label.DISTRICT):
            continue
        members.setdefault(streets_of.get(n), []).append(n)
    streets = sorted(n for n in g if labels.get(n) == Label.STREET)
    pos: dict[str, tuple[float, float]] = {}
    around: dict[str, int] = {}  # nodes spread around each anchor so far, over every street
    cols = max(1, math.ceil(math.sqrt(len(streets))))
    cell = max((math.sqrt(len(members.get(s, []))) for s in streets), default=1.0) * 2.2 + 4
    for i, s in enumerate(streets):
        cx, cy = (i % cols) * cell, -(i // cols) * cell
        pos[s] = (cx, cy)
        _place_street(members.get(s, []), labels, anchor, around, (cx, cy), pos)
    rows = math.ceil(len(streets) / cols) if streets else 0
    centre = ((cols - 1) * cell / 2, -(rows - 1) * cell / 2) if streets else (0.0, 0.0)
    outside = members.get(None, [])
    _place_street(
        outside, labels, anchor, around, centre, pos, ring=max(cols, rows, 1) * cell * 0.75
    )
    for n in g:
        if n not in pos:  # a district, or a node anchored nowhere
            pos[n] = centre
    return pos


def _place_street(
    nodes: list[str],
    labels: dict[str, str],
    anchor: dict[str, str],
    around: dict[str, int],
    centre: tuple[float, float],
    pos: dict[str, tuple[float, float]],
    ring: float | None = None,
) -> None:
    communities = [n for n in nodes if labels.get(n) == Label.COMMUNITY]
    others = [n for n in nodes if labels.get(n) != Label.COMMUNITY]
    radius = ring if ring is not None else max(2.0, math.sqrt(len(nodes)) * 0.7)
    for i, c in enumerate(communities):
        angle = 2 * math.pi * i / max(1, len(communities))
        pos[c] = (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
    loose = []
    for n in others:
        a = anchor.get(n)
        if a in pos and a != n:
            k = around.get(a, 0) + 1
            around[a] = k
            r = 0.35 * math.sqrt(k)
            pos[n] = (pos[a][0] + r * math.cos(k * _GOLDEN), pos[a][1] + r * math.sin(k * _GOLDEN))
        else:
            loose.append(n)
    if ring is not None:  # partners from elsewhere: on the ring itself
        for i, n in enumerate(loose):
            angle = 2 * math.pi * i / max(1, len(loose))
            pos[n] = (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
        return
    for k, n in enumerate(loose, start=1):
        r = 0.3 * math.sqrt(k)
        pos[n] = (centre[0] + r * math.cos(k * _GOLDEN), centre[1] + r * math.sin(k * _GOLDEN))
