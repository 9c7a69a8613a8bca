"""Party organizations folded into their owners: the graph a person draws or reads.

In the graph view a pairing (结对共建) joins two party organizations: the unit's branch and the
community's party committee. A reader thinks of it as a tie between the unit and the community,
so drawings (``graphmodel view``, the report's network figure) and exports
(``graphmodel export --fold-party-orgs``) show the graph with each party organization folded
into its owner.

*Owner* is ``network.party_owners``: the one unit, community, social organization or street a
party organization ``BELONGS_TO``. Party organizations without exactly one such owner (a 区委,
a 联合党支部 of several units, a 网格党支部) stay nodes of their own.

Folding keeps every relationship, its type, key and properties (dates included) and moves each
end that is a folded party organization onto its owner:

- a ``PAIRED_WITH`` between two party organizations becomes a ``PAIRED_WITH`` between the unit
  and the community, oriented unit -> community whatever the ledger's orientation;
- ``REPORTS_TO`` (双报到) starts at the unit, ``MEMBER_OF`` a committee starts at the unit or
  community, ``CONVENED_BY`` ends at the community or street, ``LEADS`` joins the street and the
  community;
- a relationship whose two ends fold into the same owner (the ``BELONGS_TO`` itself) is dropped.

``actor_graph`` in ``network`` is the undirected, simple, dated counterpart that the hub
measures use; this module keeps direction, parallel ties and undated history for display.
"""

from __future__ import annotations

import networkx as nx

from graphmodel.analysis.network import party_owners
from graphmodel.graphview import pairing_sides
from graphmodel.schema import Rel

__all__ = ["fold_party_orgs"]


def fold_party_orgs(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph view with each party organization merged into its owner.

    Parameters
    ----------
    g : graph view (``Store.graph()``, or a subgraph of one)

    Returns
    -------
    networkx.MultiDiGraph
        Nodes: every node of ``g`` except the folded party organizations, with the attributes
        of ``g``; an owner also carries ``party_orgs``, the sorted ids of the party
        organizations folded into it, and ``party_org_names``, their names in the same order.
        Edges: every relationship of ``g`` with the same type, key and properties, each end
        moved to its owner (see the module docstring), plus ``start_org`` / ``end_org``: the
        original ends when they were folded (absent otherwise). Two relationships that land
        on the same ends with the same key (two branches of one unit pairing with one
        community under one agreement) stay apart: the second key gets ``@`` and its original
        start appended.

    Notes
    -----
    O(n + m) for n nodes and m relationships of ``g``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("u", label="MemberUnit", name="市测绘院")
    >>> g.add_node("u#po", label="PartyOrg", name="市测绘院党支部")
    >>> g.add_node("c", label="Community", name="站东社区")
    >>> g.add_node("c#po", label="PartyOrg", name="站东社区党委")
    >>> _ = g.add_edge("u#po", "u", key="BELONGS_TO|", type="BELONGS_TO")
    >>> _ = g.add_edge("c#po", "c", key="BELONGS_TO|", type="BELONGS_TO")
    >>> _ = g.add_edge("c#po", "u#po", key="PAIRED_WITH|p1", type="PAIRED_WITH", since="2021-03-01")
    >>> folded = fold_party_orgs(g)
    >>> sorted(folded.nodes)
    ['c', 'u']
    >>> [(u, v, d["since"]) for u, v, d in folded.edges(data=True)]
    [('u', 'c', '2021-03-01')]
    """
    owner = party_owners(g)
    folded = nx.MultiDiGraph()
    orgs: dict[str, list[str]] = {}
    for org, actor in sorted(owner.items()):
        orgs.setdefault(actor, []).append(org)
    for n, data in g.nodes(data=True):
        if n in owner:
            continue
        attrs = dict(data)
        if n in orgs:
            attrs["party_orgs"] = orgs[n]
            attrs["party_org_names"] = [g.nodes[o].get("name", "") for o in orgs[n]]
        folded.add_node(n, **attrs)
    for u, v, key, data in g.edges(keys=True, data=True):
        start, end = (owner.get(u, u), u), (owner.get(v, v), v)
        if start[0] == end[0]:
            continue
        if data.get("type") == Rel.PAIRED_WITH and pairing_sides(g, owner, u, v) == (v, u):
            start, end = end, start
        attrs = dict(data)
        if start[0] != start[1]:
            attrs["start_org"] = start[1]
        if end[0] != end[1]:
            attrs["end_org"] = end[1]
        a, b = start[0], end[0]
        if folded.has_edge(a, b, key):
            key = f"{key}@{u}"
        folded.add_edge(a, b, key=key, **attrs)
    return folded
