"""The co-governance network: the undirected graph of working ties that every analysis uses.

The graph view (``store.base``) holds everything the ledgers say, including the administrative
hierarchy. The co-governance network keeps only the ties through which organizations work
together, because "who holds the network together" and "who works alone" are questions about
those ties, not about which street a community is filed under:

- ``PAIRED_WITH`` (结对共建), only while active on the as-of date;
- ``MEMBER_OF`` and ``CONVENED_BY`` (coordination committees), a membership from its ``since``;
- ``COVERS`` (a committee's area);
- ``SERVES`` (social organizations);
- ``REPORTS_TO`` (双报到), from its ``since``;
- ``LEADS`` (party leadership: the street working committee down to buildings);
- ``BELONGS_TO`` (a party organization and the unit, community or street it belongs to act as
  one actor: the tie joins them).

``PART_OF`` and ``LOCATED_IN`` are left out: being filed under a street is not a working tie.
Nodes are every node of those labels, so an actor without ties is an isolated node, not missing.

``actor_graph`` goes one step further and merges each party organization into the one unit,
community, social organization or street it belongs to, so that an organization and its party
branch are one node (one actor) rather than two joined by a ``BELONGS_TO`` edge.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from graphmodel.graphview import party_owners
from graphmodel.schema import Label, Rel

if TYPE_CHECKING:
    import networkx as nx


__all__ = [
    "ACTOR_LABELS",
    "WORK_TIES",
    "actor_graph",
    "cogovernance_graph",
    "is_active",
    "party_owners",
    "street_index",
    "street_of",
    "tie_status",
]

WORK_TIES = (
    Rel.PAIRED_WITH,
    Rel.MEMBER_OF,
    Rel.CONVENED_BY,
    Rel.COVERS,
    Rel.SERVES,
    Rel.REPORTS_TO,
    Rel.LEADS,
    Rel.BELONGS_TO,
)
ACTOR_LABELS = (
    Label.STREET,
    Label.COMMUNITY,
    Label.PARTY_ORG,
    Label.MEMBER_UNIT,
    Label.SOCIAL_ORG,
    Label.COMMITTEE,
)


def is_active(data: dict[str, Any], as_of: dt.date) -> bool:
    """Whether a dated tie is in force on ``as_of``: ``since <= as_of < until``.

    A missing ``since`` counts as "since always", a missing ``until`` as "open-ended". Dates are
    ISO strings, so they compare as text.
    """
    day = as_of.isoformat()
    since, until = data.get("since") or "", data.get("until") or ""
    return since <= day and (not until or day < until)


def tie_status(data: dict[str, Any], as_of: dt.date) -> str:
    """Where a dated tie stands on ``as_of``: ``in_force`` (``is_active``), ``not_started``
    (``as_of < since``) or ``ended`` (``until <= as_of``).

    >>> day = dt.date(2023, 6, 30)
    >>> [tie_status(d, day) for d in ({"since": "2023-01-01"}, {"since": "2023-07-01"},
    ...                               {"since": "2020-01-01", "until": "2023-06-30"})]
    ['in_force', 'not_started', 'ended']
    """
    if is_active(data, as_of):
        return "in_force"
    return "not_started" if (data.get("since") or "") > as_of.isoformat() else "ended"


def cogovernance_graph(
    g: nx.MultiDiGraph, as_of: dt.date, ties: tuple[str, ...] = WORK_TIES
) -> nx.Graph:
    """The undirected simple graph of ``ties`` among the actors of ``g`` on ``as_of``.

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    as_of : dated ties (pairings, memberships, reports) not active on this date are left out
        (``is_active``)
    ties : relationship types kept; the default is ``WORK_TIES``

    Returns
    -------
    networkx.Graph
        Nodes carry the attributes of ``g``; each edge carries ``types``, the set of
        relationship types that join its two ends (parallel ties collapse into one edge).

    Notes
    -----
    O(n + m) for n nodes and m relationships of ``g``.
    """
    import networkx as nx

    net = nx.Graph()
    net.add_nodes_from((n, d) for n, d in g.nodes(data=True) if d.get("label") in ACTOR_LABELS)
    for u, v, data in g.edges(data=True):
        rel = data.get("type")
        if rel not in ties or u not in net or v not in net:
            continue
        if not is_active(data, as_of):
            continue
        if net.has_edge(u, v):
            net.edges[u, v]["types"].add(rel)
        else:
            net.add_edge(u, v, types={rel})
    return net


_STREET_STEPS = (Rel.PART_OF, Rel.LOCATED_IN, Rel.BELONGS_TO, Rel.SERVES, Rel.COVERS)


def street_of(g: nx.MultiDiGraph, node: str) -> str | None:
    """The street a node sits in: through ``PART_OF`` (a community, a grid), ``LOCATED_IN``
    (a unit), ``BELONGS_TO`` (a party organization, via what it belongs to), ``SERVES`` (a
    social organization, via its first community) or ``COVERS`` (a committee, via its first
    area); ``None`` when the ledger does not say."""
    seen: set[str] = set()
    while node not in seen:
        seen.add(node)
        data = g.nodes[node]
        if data.get("label") == Label.STREET:
            return node
        step = None
        for _, v, e in sorted(g.out_edges(node, data=True), key=lambda t: t[1]):
            if e.get("type") in _STREET_STEPS:
                step = v
                break
        if step is None:
            return None
        node = step
    return None


def street_index(g: nx.MultiDiGraph) -> dict[str, str | None]:
    """``street_of`` for every node of ``g`` at once, in O(n + m) rather than a walk per node.

    Each node steps to the smallest id among the ends of its ``PART_OF``, ``LOCATED_IN``,
    ``BELONGS_TO``, ``SERVES`` and ``COVERS`` relationships (as ``street_of`` does), and every
    node on a walk gets the walk's answer: the street it ends at, or ``None`` when it ends
    nowhere or in a cycle.
    """
    step: dict[str, str] = {}
    for u, v, rel in g.edges(data="type"):
        if rel in _STREET_STEPS and (u not in step or v < step[u]):
            step[u] = v
    labels = dict(g.nodes(data="label"))
    found: dict[str, str | None] = {}
    for start in g:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in found and node not in on_path:
            if labels.get(node) == Label.STREET:
                found[node] = node
                break
            path.append(node)
            on_path.add(node)
            node = step.get(node)
        answer = found.get(node) if node is not None else None
        for n in path:
            found[n] = answer
    return found


def actor_graph(g: nx.MultiDiGraph, as_of: dt.date, ties: tuple[str, ...] = WORK_TIES) -> nx.Graph:
    """The co-governance network with every party organization merged into its owner.

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    as_of : dated ties not in force on this date are left out (``is_active``)
    ties : relationship types kept; the default is ``WORK_TIES``

    Returns
    -------
    networkx.Graph
        One node per actor: the owner's id for a unit, community, social organization or street
        together with its party organizations (``party_owners``), and the node's own id for
        every other actor. Nodes carry the attributes of ``g`` plus ``orgs``, the sorted ids of
        the party organizations merged into them. Each edge carries ``types``, the set of
        relationship types between the two actors; ties inside one actor (the ``BELONGS_TO``
        that merged them) disappear. Nodes and edges are inserted in sorted order, so that
        anything that depends on the order (sampling, tie-breaking) gives the same answer for
        the same graph from either store.

    Notes
    -----
    The same ties as ``cogovernance_graph``, read in one pass over ``g``:
    O(n log n + m log m) for n nodes and m relationships.
    """
    import networkx as nx

    owner = party_owners(g)
    actor_of = {n: owner.get(n, n) for n, label in g.nodes(data="label") if label in ACTOR_LABELS}
    orgs: dict[str, list[str]] = {}
    for org, actor in owner.items():
        orgs.setdefault(actor, []).append(org)
    types: dict[tuple[str, str], set[str]] = {}
    for u, v, data in g.edges(data=True):
        rel = data.get("type")
        if rel not in ties or u not in actor_of or v not in actor_of:
            continue
        a, b = actor_of[u], actor_of[v]
        if a == b or not is_active(data, as_of):
            continue
        types.setdefault((a, b) if a < b else (b, a), set()).add(rel)
    actors = nx.Graph()
    actors.add_nodes_from(
        (n, {**g.nodes[n], "orgs": sorted(orgs.get(n, []))}) for n in sorted(set(actor_of.values()))
    )
    actors.add_edges_from((a, b, {"types": found}) for (a, b), found in sorted(types.items()))
    return actors
