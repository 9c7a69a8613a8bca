"""Coordination hubs and single points of failure of the co-governance network.

Both analyses work on the *actor graph* (``network.actor_graph``): the co-governance network
on the as-of date with every party organization merged into the one unit, community, social
organization or street it belongs to. A unit and its party branch are therefore one actor,
ranked once (the row names the unit and lists its party organizations), and the
``BELONGS_TO`` tie between them neither adds to a degree nor creates shortest paths through
the branch. A party organization that belongs to no such actor (a 区委, a 网格党支部) or to
several (a 联合党支部) is an actor of its own.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import Counter, deque
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx
import numpy as np
from scipy import sparse

from graphmodel.analysis.brandes import dependency_sums
from graphmodel.analysis.network import actor_graph, street_index, street_of

__all__ = [
    "EXACT_LIMIT",
    "SAMPLE",
    "CutOffCommunity",
    "Hub",
    "HubReport",
    "PointOfFailure",
    "actor_streets",
    "betweenness",
    "node_scores",
    "rank_hubs",
    "single_points_of_failure",
]

SAMPLE = 256
"""Source actors sampled for betweenness in each connected part above ``EXACT_LIMIT``. On the
generated ledgers (docs/benchmarks.md, median of 5 seeds) the estimated top 20 held 19 and 18
of the exact top 20 at 1,651 and 4,015 actors, 16 at district scale (11,360) and 15 in the city
(140,845 actors, 16 parts above the limit), where 256 sources shared among all the parts had
found 4; 1,024 sources per part reach 18 and 17 at about three times the time."""

EXACT_LIMIT = 2 * SAMPLE
"""Connected parts of at most this many actors get exact betweenness (a search from every
actor); larger ones are sampled, so an exact part costs at most twice a sampled one."""


@dataclass
class Hub:
    """One actor's hub figures (see ``rank_hubs`` for the definitions).

    ``orgs``/``org_names`` are the party organizations merged into the actor; ``street`` is its
    home street (for a committee, the first of the streets it covers), ``brokered_streets`` the
    names of the other streets its ties reach. ``betweenness`` is given to 6 significant
    digits, ``hub_score`` to 4 decimals.
    """

    rank: int
    id: str
    name: str
    label: str
    street: str
    street_name: str
    orgs: list[str]
    org_names: list[str]
    degree: int
    degree_by_kind: dict[str, int]
    betweenness: float
    brokerage: int
    brokered_streets: list[str]
    hub_score: float
    articulation: bool

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class HubReport:
    """The ranking, and how betweenness was computed.

    ``betweenness_method`` is ``exact``, or ``sampled`` when some connected part holds more
    actors than the exact limit and the sample; then ``sample`` is the number of source actors
    drawn from each such part, ``seed`` the random seed, so the figures can be reproduced, and
    ``sampled_actors`` the number of actors in those parts. ``actors`` and ``ties`` are the size
    of the actor graph.
    """

    as_of: str
    actors: int
    ties: int
    betweenness_method: str
    sample: int | None
    seed: int | None
    sampled_actors: int = 0
    hubs: list[Hub] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


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


def rank_hubs(
    g: nx.MultiDiGraph,
    as_of: dt.date,
    top: int | None = 20,
    exact_limit: int = EXACT_LIMIT,
    sample: int = SAMPLE,
    seed: int = 0,
    labels: tuple[str, ...] | None = None,
    net: nx.Graph | None = None,
) -> HubReport:
    """Rank the actors of the co-governance network as coordination hubs.

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    as_of : the day on which pairings must be active to count
    top : how many hubs to return (``None``: all)
    exact_limit : exact betweenness for actor graphs of at most this many actors
    sample : above ``exact_limit``, betweenness from this many sampled source actors
    seed : the random seed of the sample
    labels : rank only actors with these labels (``None``: all); the figures are always
        computed on the whole network
    net : ``actor_graph(g, as_of)`` if the caller has already built it

    Returns
    -------
    HubReport
        Hubs sorted by ``hub_score`` (highest first), then degree, then id.

    Notes
    -----
    Definitions, on the actor graph (module docstring):

    - ``degree``: the number of distinct actors it has a working tie with;
      ``degree_by_kind[TYPE]``: how many of them it is tied to by a ``TYPE`` relationship (an
      actor tied in two ways counts under both).
    - ``betweenness``: shortest-path betweenness centrality normalized by the number of pairs
      of other actors, (n - 1)(n - 2) / 2 for n actors, as networkx normalizes it (see
      ``betweenness``: exact in every connected part of at most ``exact_limit`` actors,
      estimated from ``sample`` sources in each larger part; the result then says
      ``sampled``).
    - ``brokerage``: the number of distinct streets, other than its own, that its tie partners
      sit in (``actor_streets``; a committee sits in every street it covers). An actor the
      ledger places in no street (a city-level unit) is taken to sit where most of its partners
      do (ties broken by street id), so a unit paired with one community is no broker.
    - ``hub_score``: the mean of degree, betweenness and brokerage, each divided by its
      maximum over all actors (a term is 0 when its maximum is 0), so it lies in [0, 1].
    - ``articulation``: whether removing the actor disconnects its part of the network.

    Exact betweenness is O(n_i m_i) for a part of n_i actors and m_i ties, so at most
    O(exact_limit m) for the small parts; the estimate is O(sample m_i) for a larger part.

    Examples
    --------
    >>> from graphmodel.records import GraphBatch, NodeRecord, EdgeRecord
    >>> from graphmodel.store import EmbeddedStore
    >>> import tempfile, pathlib, datetime
    >>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "g.db")
    >>> store.write(GraphBatch(
    ...     [NodeRecord("Committee", "k", {"name": "协调委员会"}),
    ...      NodeRecord("MemberUnit", "a", {"name": "甲"}),
    ...      NodeRecord("MemberUnit", "b", {"name": "乙"})],
    ...     [EdgeRecord("MEMBER_OF", "a", "k"), EdgeRecord("MEMBER_OF", "b", "k")]))
    >>> rank_hubs(store.graph(), datetime.date(2024, 1, 1)).hubs[0].name
    '协调委员会'
    """
    if net is None:
        net = actor_graph(g, as_of)
    n = net.number_of_nodes()
    between, sampled = betweenness(net, exact_limit, sample, seed)
    method, k, used_seed = ("sampled", sample, seed) if sampled else ("exact", None, None)
    streets = actor_streets(g, net)
    articulation = set(nx.articulation_points(net))

    degree = {a: net.degree(a) for a in net}
    brokered = {a: _brokered(net, streets, a) for a in net}
    top_degree = max(degree.values(), default=0)
    top_between = max(between.values(), default=0.0)
    top_brokerage = max((len(s) for s in brokered.values()), default=0)

    def score(a: str) -> float:
        parts = (
            degree[a] / top_degree if top_degree else 0.0,
            between[a] / top_between if top_between else 0.0,
            len(brokered[a]) / top_brokerage if top_brokerage else 0.0,
        )
        return sum(parts) / 3

    scores = {a: score(a) for a in net}
    chosen = [a for a in net if labels is None or net.nodes[a].get("label") in labels]
    chosen.sort(key=lambda a: (-scores[a], -degree[a], a))
    if top is not None:
        chosen = chosen[:top]
    hubs = []
    for rank, a in enumerate(chosen, 1):
        data = net.nodes[a]
        home = min(streets[a]) if streets[a] else ""
        by_kind: Counter[str] = Counter()
        for b in net[a]:
            by_kind.update(net.edges[a, b]["types"])
        hubs.append(
            Hub(
                rank=rank,
                id=a,
                name=data.get("name", ""),
                label=data.get("label", ""),
                street=home,
                street_name=_name(g, home),
                orgs=list(data["orgs"]),
                org_names=[_name(g, o) for o in data["orgs"]],
                degree=degree[a],
                degree_by_kind=dict(sorted(by_kind.items())),
                betweenness=float(f"{between[a]:.6g}"),
                brokerage=len(brokered[a]),
                brokered_streets=sorted(_name(g, s) for s in brokered[a]),
                hub_score=round(scores[a], 4),
                articulation=a in articulation,
            )
        )
    return HubReport(
        as_of=as_of.isoformat(),
        actors=n,
        ties=net.number_of_edges(),
        betweenness_method=method,
        sample=k,
        seed=used_seed,
        sampled_actors=sampled,
        hubs=hubs,
    )


def node_scores(g: nx.MultiDiGraph, as_of: dt.date, **options: Any) -> dict[str, dict[str, Any]]:
    """Hub figures per node id, for writing back onto the stored nodes.

    Every node of an actor (the unit, community, social organization or street and each
    party organization merged into it) gets the actor's ``hub_score``, ``betweenness``,
    ``degree`` and ``articulation``. ``options`` are passed to ``rank_hubs``
    (``exact_limit``, ``sample``, ``seed``).
    """
    report = rank_hubs(g, as_of, top=None, **options)
    scores: dict[str, dict[str, Any]] = {}
    for hub in report.hubs:
        values = {
            "hub_score": hub.hub_score,
            "betweenness": hub.betweenness,
            "degree": hub.degree,
            "articulation": hub.articulation,
        }
        for node in (hub.id, *hub.orgs):
            scores[node] = dict(values)
    return scores


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
    if net is None:
        net = actor_graph(g, as_of)
    communities = {n for n, d in net.nodes(data=True) if d.get("label") == "Community"}
    units = {n for n, d in net.nodes(data=True) if d.get("label") == "MemberUnit"}
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


def actor_streets(g: nx.MultiDiGraph, net: nx.Graph) -> dict[str, frozenset[str]]:
    """The streets each actor of ``net`` sits in.

    A committee sits in every street it ``COVERS`` directly or through a covered community,
    or, when it covers nothing, in the street of the party organization that convenes it.
    Any other actor sits in its ``network.street_of`` street. An actor the ledger places in no
    street gets the empty set. The streets are read from one ``network.street_index`` of ``g``
    rather than a walk per actor.
    """
    where = street_index(g)
    streets: dict[str, frozenset[str]] = {}
    for a, data in net.nodes(data=True):
        if data.get("label") == "Committee":
            covered = {v for _, v, d in g.out_edges(a, data=True) if d.get("type") == "COVERS"}
            conveners = {
                v for _, v, d in g.out_edges(a, data=True) if d.get("type") == "CONVENED_BY"
            }
            places = {where[p] for p in (covered or conveners)}
        else:
            places = {where[a]}
        streets[a] = frozenset(s for s in places if s is not None)
    return streets


def _brokered(net: nx.Graph, streets: dict[str, frozenset[str]], a: str) -> list[str]:
    """The streets, other than ``a``'s own, that ``a``'s partners sit in (see ``rank_hubs``)."""
    partners = Counter(s for b in net[a] for s in streets[b])
    own = streets[a]
    if not own and partners:
        own = frozenset([min(partners, key=lambda s: (-partners[s], s))])
    return sorted(set(partners) - own)


def betweenness(
    net: nx.Graph, exact_limit: int = EXACT_LIMIT, sample: int = SAMPLE, seed: int = 0
) -> tuple[dict[str, float], int]:
    """Normalized betweenness of every actor of ``net``, and how many actors the sampled parts
    hold (0 when every part was computed exactly).

    Betweenness is the shortest-path betweenness centrality normalized by the number of pairs
    of other actors, (n - 1)(n - 2) / 2 for n actors, as networkx normalizes it. Shortest
    paths stay inside a connected part, so each part is computed on its own: exactly (Brandes'
    dependencies from every actor) when it holds at most ``exact_limit`` actors or at most
    ``sample``; otherwise estimated from ``sample`` of its actors drawn uniformly, the parts in
    order of their smallest actor id, with one ``random.Random(seed)``: their linearly scaled
    dependencies (``brandes.dependency_sums``) times 2 x (actors in the part) / ``sample``,
    an unbiased estimate of the exact sum.
    """
    rng = random.Random(seed)
    raw = dict.fromkeys(net, 0.0)
    exact: list[str] = []
    sampled = 0
    for part in sorted(sorted(p) for p in nx.connected_components(net) if len(p) > 2):
        if len(part) <= exact_limit or len(part) <= sample:
            exact.extend(part)
            continue
        picked = rng.sample(range(len(part)), sample)
        sums = dependency_sums(_adjacency(net, part), picked, scaled=True)
        for a, value in zip(part, sums, strict=True):
            raw[a] = float(value) * 2 * len(part) / sample
        sampled += len(part)
    if exact:  # the small parts together: a search never leaves its own part
        sums = dependency_sums(_adjacency(net, exact), range(len(exact)))
        raw.update(zip(exact, map(float, sums), strict=True))
    n = len(raw)
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    return {a: raw[a] * scale for a in net}, sampled


def _adjacency(net: nx.Graph, actors: list[str]) -> sparse.csr_array:
    """The 0/1 adjacency matrix of ``actors`` (in that order), which hold whole connected parts
    of ``net``. Built from the adjacency lists: ``nx.to_scipy_sparse_array`` took ten times as
    long (3 s of the city's 9)."""
    index = {a: i for i, a in enumerate(actors)}
    neighbours = [[index[b] for b in net[a]] for a in actors]
    indptr = np.cumsum([0, *map(len, neighbours)])
    indices = np.fromiter(itertools.chain.from_iterable(neighbours), dtype=np.int64)
    n = len(actors)
    return sparse.csr_array((np.ones(len(indices)), indices, indptr), shape=(n, n))


def _cut_points(net: nx.Graph) -> tuple[set[str], list[tuple[str, str]]]:
    """The articulation points and the bridges (each as a sorted pair, sorted) of ``net``.

    Both from one depth-first search: an articulation point is an actor in two or more
    biconnected components, a bridge a biconnected component of one tie. ``nx.bridges``
    (chain decomposition) took 2.2 s of the city's 2.7 on its own; this takes 1.1 s for both.
    """
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
    cut = [CutOffCommunity(c, _name(g, c), home[c] or "", _name(g, home[c] or "")) for c in lost]
    return PointOfFailure(
        kind=kind,
        ids=ids,
        names=[net.nodes[a].get("name", "") for a in ids],
        labels=[net.nodes[a].get("label", "") for a in ids],
        ties=ties,
        cut_off=cut,
    )


def _name(g: nx.MultiDiGraph, node: str) -> str:
    return g.nodes[node].get("name", node) if node in g else ""
