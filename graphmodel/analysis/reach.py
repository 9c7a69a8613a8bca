"""Reach: the communities an actor reaches within a number of hops of working ties."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, deque
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.network import actor_graph, is_active, party_owners, street_of
from graphmodel.errors import GraphmodelError
from graphmodel.graphview import resolve
from graphmodel.schema import Label, Rel

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DEFAULT_VIA",
    "REACH_LABELS",
    "REACH_TIES",
    "TIE_KINDS",
    "VIA",
    "ReachResult",
    "ReachedCommunity",
    "StreetReach",
    "reach",
]

REACH_TIES = (
    Rel.PAIRED_WITH,
    Rel.MEMBER_OF,
    Rel.CONVENED_BY,
    Rel.SERVES,
    Rel.REPORTS_TO,
    Rel.BELONGS_TO,
)
"""The relationship types a reach may travel: pairing, committee membership (a committee's
convener is its leading member), service and reporting. ``BELONGS_TO`` only matters for a
party organization that belongs to several actors (a joint branch): every other one is merged
into its owner (``network.actor_graph``) and costs no hop."""

TIE_KINDS = {
    Rel.PAIRED_WITH: "pairing",
    Rel.MEMBER_OF: "membership",
    Rel.CONVENED_BY: "membership",
    Rel.COVERS: "coverage",
    Rel.SERVES: "service",
    Rel.REPORTS_TO: "reporting",
    Rel.LEADS: "leading",
    Rel.BELONGS_TO: "party",
}
"""The path kind each relationship type is reported as."""

VIA = {
    "pairing": (Rel.PAIRED_WITH,),
    "membership": (Rel.MEMBER_OF, Rel.CONVENED_BY),
    "committee": (Rel.MEMBER_OF, Rel.CONVENED_BY, Rel.COVERS),
    "service": (Rel.SERVES,),
    "report": (Rel.REPORTS_TO,),
    "lead": (Rel.LEADS,),
}
"""What ``--via`` may name, and the relationship types each follows: ``committee`` is a
committee's membership and the streets and communities it covers; ``lead`` a party
organization's leading of a lower one (a street's working committee leads its communities'
party organizations). ``BELONGS_TO`` is always followed (see ``REACH_TIES``)."""

DEFAULT_VIA = ("pairing", "membership", "service", "report")
"""The ties a reach follows unless told otherwise: ``REACH_TIES``."""

REACH_LABELS = (
    Label.MEMBER_UNIT,
    Label.COMMITTEE,
    Label.PARTY_ORG,
    Label.STREET,
    Label.SOCIAL_ORG,
    Label.COMMUNITY,
)
"""What a reach may start from."""


@dataclass
class ReachedCommunity:
    """A community within reach.

    ``path`` names the actors after the start, the community last; ``kinds[i]`` is the kind of
    tie of hop ``i + 1`` (``"membership/pairing"`` when the two actors are tied both ways).
    ``population`` is ``None`` when the ledger does not give it.
    """

    id: str
    name: str
    hops: int
    population: int | None
    path: list[str]
    kinds: list[str]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class StreetReach:
    """The reached communities of one street (``id`` empty for communities in no street).

    ``population`` adds up the known populations; ``population_known`` says how many of the
    communities gave one.
    """

    id: str
    name: str
    communities: list[ReachedCommunity] = field(default_factory=list)
    population: int = 0
    population_known: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class ReachResult:
    """What ``reach`` found: the start, the totals, the path kinds used and the streets.

    ``kinds`` counts, per path kind, the reached communities whose path uses it. ``via``
    names the ties followed (keys of ``VIA``). ``nearest`` is the fewest hops to any
    community along those ties, beyond ``hops`` too (``None`` when none is connected), and
    ``unfollowed`` counts the start's ties in force of the types not followed: together they
    say why a reach found nothing.
    """

    id: str
    name: str
    label: str
    as_of: str
    hops: int
    communities: int
    population: int
    population_known: int
    kinds: dict[str, int]
    streets: list[StreetReach]
    via: list[str] = field(default_factory=list)
    nearest: int | None = None
    unfollowed: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


def reach(
    g: nx.MultiDiGraph,
    ref: str,
    as_of: dt.date,
    hops: int = 2,
    via: tuple[str, ...] = DEFAULT_VIA,
) -> ReachResult:
    """The communities that the actor ``ref`` reaches within ``hops`` hops.

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    ref : id, or unique name, of a unit, committee, party organization, street, social
        organization or community (``REACH_LABELS``)
    as_of : the day on which pairings must be active to count
    hops : the most ties a path may use (at least 1)
    via : the kinds of tie followed (keys of ``VIA``); ``DEFAULT_VIA`` follows ``REACH_TIES``

    Returns
    -------
    ReachResult
        Reached communities grouped by street (streets with the most reached communities
        first), each with its distance, population and the path found.

    Raises
    ------
    NotFound, AmbiguousName
        When ``ref`` names nothing, or several records.
    GraphmodelError
        When ``hops`` is below 1, or ``via`` names an unknown kind.

    Notes
    -----
    A hop is one tie between two actors of ``network.actor_graph`` restricted to
    ``REACH_TIES`` on ``as_of``. Because a party organization is merged into the unit,
    community, social organization or street it belongs to, the ``BELONGS_TO`` between them is
    not a hop: a unit whose branch pairs with a community's party committee reaches that
    community in one hop, and a party organization reaches what its owner reaches. The start
    is the actor that ``ref`` is, or is merged into; it is not counted as reached itself. Paths
    are shortest paths found breadth-first with neighbours in id order, so the reported path is
    the same for the same graph. O(n + m) on the actor graph.
    """
    if hops < 1:
        raise GraphmodelError("reach_hops", hops=hops)
    unknown = [v for v in via if v not in VIA]
    if unknown or not via:
        raise GraphmodelError("reach_via", via=list(VIA), given=unknown)
    node = resolve(g, ref, REACH_LABELS)
    start = party_owners(g).get(node, node)
    ties = tuple(sorted({t for v in via for t in VIA[v]} | {Rel.BELONGS_TO}))
    net = actor_graph(g, as_of, ties)
    parent = _bfs(net, start, hops)

    streets: dict[str, StreetReach] = {}
    kinds: Counter[str] = Counter()
    for c in sorted(parent):
        if c == start or net.nodes[c].get("label") != Label.COMMUNITY:
            continue
        path = [c]
        while (up := parent[path[-1]]) is not None:
            path.append(up)
        path.reverse()
        steps = [
            "/".join(sorted({TIE_KINDS[t] for t in net.edges[a, b]["types"]}))
            for a, b in itertools.pairwise(path)
        ]
        kinds.update({k for step in steps for k in step.split("/")})
        population = g.nodes[c].get("population")
        street = street_of(g, c) or ""
        group = streets.setdefault(
            street, StreetReach(street, g.nodes[street].get("name", street) if street else "")
        )
        group.communities.append(
            ReachedCommunity(
                id=c,
                name=g.nodes[c].get("name", ""),
                hops=len(path) - 1,
                population=population,
                path=[net.nodes[a].get("name", a) for a in path[1:]],
                kinds=steps,
            )
        )
        if population is not None:
            group.population += population
            group.population_known += 1
    for group in streets.values():
        group.communities.sort(key=lambda r: (r.hops, r.name, r.id))
    ordered = sorted(streets.values(), key=lambda s: (-len(s.communities), s.name, s.id))
    return ReachResult(
        id=start,
        name=g.nodes[start].get("name", ""),
        label=g.nodes[start].get("label", ""),
        as_of=as_of.isoformat(),
        hops=hops,
        communities=sum(len(s.communities) for s in ordered),
        population=sum(s.population for s in ordered),
        population_known=sum(s.population_known for s in ordered),
        kinds=dict(sorted(kinds.items())),
        streets=ordered,
        via=list(via),
        nearest=_nearest(net, start),
        unfollowed=_unfollowed(g, start, as_of, ties),
    )


def _nearest(net: nx.Graph, start: str) -> int | None:
    """The fewest hops from ``start`` to a community of ``net`` (``None``: none connected)."""
    import networkx as nx

    for there, distance in nx.single_source_shortest_path_length(net, start).items():
        if there != start and net.nodes[there].get("label") == Label.COMMUNITY:
            return distance
    return None


def _unfollowed(
    g: nx.MultiDiGraph, start: str, as_of: dt.date, followed: tuple[str, ...]
) -> dict[str, int]:
    """The ties in force of ``start`` and its party organizations whose types are not in
    ``followed``, counted by type (structural ties such as ``PART_OF`` are not ties to
    follow and are left out)."""
    owner = party_owners(g)
    mine = {start, *(org for org, actor in owner.items() if actor == start)}
    counts: Counter[str] = Counter()
    for n in mine:
        for _, _, data in itertools.chain(g.out_edges(n, data=True), g.in_edges(n, data=True)):
            rel = data.get("type")
            if rel in TIE_KINDS and rel not in followed and is_active(data, as_of):
                counts[rel] += 1
    return dict(sorted(counts.items()))


def _bfs(net: nx.Graph, start: str, hops: int) -> dict[str, str | None]:
    """Breadth-first parents of every actor within ``hops`` of ``start`` (``start`` -> None)."""
    parent: dict[str, str | None] = {start: None}
    frontier = deque([(start, 0)])
    while frontier:
        here, depth = frontier.popleft()
        if depth == hops:
            continue
        for there in sorted(net[here]):
            if there not in parent:
                parent[there] = here
                frontier.append((there, depth + 1))
    return parent
