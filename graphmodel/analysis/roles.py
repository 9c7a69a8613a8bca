"""What a coordination hub does for communities, in figures a reader can check.

A hub's score (``hubs.rank_hubs``) says little to a party secretary; what it *does* does:
how many communities it ties together, across how many streets, and which communities would
lose their only tie if it left. ``hub_roles`` gives those figures for the ranked actors.

Definitions, on the actor graph (``network.actor_graph``, party organizations merged into their
owners):

- *places* are streets and communities; *actors* everything else (units, committees, social
  organizations, party organizations of their own). Hubs are ranked among actors only
  (``HUB_LABELS``): a street is where the network sits, not who holds it together.
- the communities an actor *connects*: those it is tied to directly, and those tied to an
  actor it is tied to (a committee's member unit's paired community; a unit's fellow
  committee members' communities are not: that would be three steps). Places are not
  passed through, so a street's communities do not all count for whoever the street leads.
- its *streets*: the streets those communities are filed under (``network.street_index``).
- *sole tie for*: the communities the actor cuts off when it leaves
  (``failure.single_points_of_failure``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from graphmodel.analysis.failure import PointOfFailure
from graphmodel.analysis.hubs import Hub
from graphmodel.analysis.network import street_index
from graphmodel.schema import Label

__all__ = ["HUB_LABELS", "HubRole", "hub_roles"]

HUB_LABELS = (Label.MEMBER_UNIT, Label.COMMITTEE, Label.SOCIAL_ORG, Label.PARTY_ORG)
"""The labels of the actors ranked as hubs: not streets or communities (places)."""

_PLACES = (Label.STREET, Label.COMMUNITY)


@dataclass(frozen=True)
class HubRole:
    """One hub in plain figures: ``partners``, the actors it is tied to directly (units,
    committees, social organizations, party organizations); ``communities`` it connects
    (ids), the ``streets`` they lie in (names, sorted), and the names of the communities it is
    the ``sole_tie_for``."""

    id: str
    partners: int
    communities: tuple[str, ...]
    streets: tuple[str, ...]
    sole_tie_for: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


def hub_roles(
    g: nx.MultiDiGraph,
    net: nx.Graph,
    hubs: Sequence[Hub],
    points: Sequence[PointOfFailure],
) -> dict[str, HubRole]:
    """The ``HubRole`` of each of ``hubs``, by actor id.

    Parameters
    ----------
    g : graph view (``Store.graph()``), for the streets
    net : the actor graph the hubs were ranked on
    hubs : ranked hubs (``rank_hubs``)
    points : ``single_points_of_failure`` on the same graph and date

    Notes
    -----
    O(sum of the degrees of a hub's neighbours) per hub.

    Examples
    --------
    >>> net = nx.Graph()
    >>> net.add_nodes_from([("k", {"label": "Committee"}), ("u", {"label": "MemberUnit"}),
    ...                     ("c", {"label": "Community"}), ("s", {"label": "Street"})])
    >>> net.add_edges_from([("k", "u"), ("u", "c"), ("s", "c")])
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("c", {"label": "Community"}), ("s", {"label": "Street", "name": "甲街道"})])
    >>> _ = g.add_edge("c", "s", type="PART_OF")
    >>> hub = Hub(1, "k", "委员会", "Committee", "", "", [], [], 1, {}, 0.0, 0, [], 1.0, True)
    >>> hub_roles(g, net, [hub], [])["k"]
    HubRole(id='k', partners=1, communities=('c',), streets=('甲街道',), sole_tie_for=())
    """
    where = street_index(g)
    lost = {p.ids[0]: p.cut_off for p in points if p.kind == "articulation"}
    roles = {}
    for hub in hubs:
        a = hub.id
        found: set[str] = set()
        partners = 0
        for b in net[a]:
            label = net.nodes[b].get("label")
            if label == Label.COMMUNITY:
                found.add(b)
            elif label not in _PLACES:
                partners += 1
                found.update(c for c in net[b] if net.nodes[c].get("label") == Label.COMMUNITY)
        streets = {where.get(c) for c in found} - {None}
        roles[a] = HubRole(
            id=a,
            partners=partners,
            communities=tuple(sorted(found)),
            streets=tuple(sorted(g.nodes[s].get("name", s) for s in streets if s)),
            sole_tie_for=tuple(c.name for c in lost.get(a, [])),
        )
    return roles
