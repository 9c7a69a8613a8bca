"""Coordination hubs of the co-governance network: actors ranked by how much of the network
runs through them (betweenness: ``analysis.betweenness``; single points of failure:
``analysis.failure``).

The ranking works on the *actor graph* (``network.actor_graph``): the co-governance network
on the as-of date with every party organization merged into the one unit, community, social
organization or street it belongs to. A unit and its party branch are therefore one actor,
ranked once (the row names the unit and lists its party organizations), and the
``BELONGS_TO`` tie between them neither adds to a degree nor creates shortest paths through
the branch. A party organization that belongs to no such actor (a 区委, a 网格党支部) or to
several (a 联合党支部) is an actor of its own.

Ties are weighed by their existence (``weigh="existence"``, the default) or by the work
delivered across them (``weigh="delivered"``, ``delivered_graph``), so that pairings on paper
only (挂名结对) stop making a unit look like a hub.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.betweenness import EXACT_LIMIT, SAMPLE, betweenness
from graphmodel.analysis.network import actor_graph, street_index
from graphmodel.graphview import name_of
from graphmodel.schema import Label, Rel

if TYPE_CHECKING:
    import networkx as nx


__all__ = [
    "WEIGHTS",
    "Hub",
    "HubReport",
    "actor_streets",
    "delivered_graph",
    "node_scores",
    "rank_hubs",
]

WEIGHTS = ("existence", "delivered")
"""How ``rank_hubs`` weighs a tie: by its existence, or by the work delivered across it."""


@dataclass
class Hub:
    """One actor's hub figures (see ``rank_hubs`` for the definitions).

    ``orgs``/``org_names`` are the party organizations merged into the actor; ``street`` is its
    home street (for a committee, the first of the streets it covers), ``brokered_streets`` the
    names of the other streets its ties reach. ``betweenness`` is given to 6 significant
    digits, ``hub_score`` to 4 decimals. ``delivered`` is the work delivered across its ties
    in the period when ties are weighed by delivery, ``None`` otherwise.
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
    delivered: int | None = None

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
    of the actor graph (by delivery: of ``delivered_graph``). ``weigh`` is ``existence`` or
    ``delivered``; ``period_days`` the period delivery was counted over (``None`` by existence).
    """

    as_of: str
    actors: int
    ties: int
    betweenness_method: str
    sample: int | None
    seed: int | None
    sampled_actors: int = 0
    hubs: list[Hub] = field(default_factory=list)
    weigh: str = "existence"
    period_days: int | None = None

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
    weigh: str = "existence",
    period_days: int = 365,
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
    weigh : ``existence`` (every tie counts alike) or ``delivered`` (ties count by the work
        delivered across them in the ``period_days`` days up to ``as_of``; see Notes)
    period_days : the period of ``weigh="delivered"`` (``Policy.work_period_days``)

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

    With ``weigh="delivered"`` every figure is computed on ``delivered_graph``: the actor graph
    without the ties to a community across which no work was delivered in the period, each
    remaining tie to a community weighing the work delivered across it (ties with no community
    end, such as committee membership, weigh 1: no list records work across them). Degree and
    ``degree_by_kind`` count the ties kept, betweenness, brokerage and articulation use only
    them, ``delivered`` is the sum of the weights of the actor's ties to communities, and the
    degree term of ``hub_score`` becomes the actor's *strength*, the sum of the weights of all
    its ties. Dropping a tie rather than giving it a long distance keeps betweenness the
    unweighted count of shortest paths (so the exact and sampled computation stay as they are)
    and says plainly that a pairing on paper carries nothing; the strength lets the amount
    delivered, not only its presence, raise the score.

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
    import networkx as nx

    if weigh not in WEIGHTS:
        raise ValueError(f"weigh must be one of {WEIGHTS}, not {weigh!r}")
    if net is None:
        net = actor_graph(g, as_of)
    if weigh == "delivered":
        net = delivered_graph(g, net, as_of, period_days)
    n = net.number_of_nodes()
    between, sampled = betweenness(net, exact_limit, sample, seed)
    method, k, used_seed = ("sampled", sample, seed) if sampled else ("exact", None, None)
    streets = actor_streets(g, net)
    articulation = set(nx.articulation_points(net))

    degree = {a: net.degree(a) for a in net}
    delivered: dict[str, int | None] = dict.fromkeys(net)
    strength: dict[str, float] = dict(degree)
    if weigh == "delivered":
        delivered = {a: net.degree(a, weight="delivered") for a in net}
        strength = {a: net.degree(a, weight="weight") for a in net}
    brokered = {a: _brokered(net, streets, a) for a in net}
    top_strength = max(strength.values(), default=0)
    top_between = max(between.values(), default=0.0)
    top_brokerage = max((len(s) for s in brokered.values()), default=0)

    def score(a: str) -> float:
        parts = (
            strength[a] / top_strength if top_strength else 0.0,
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
                street_name=name_of(g, home),
                orgs=list(data["orgs"]),
                org_names=[name_of(g, o) for o in data["orgs"]],
                degree=degree[a],
                degree_by_kind=dict(sorted(by_kind.items())),
                betweenness=float(f"{between[a]:.6g}"),
                brokerage=len(brokered[a]),
                brokered_streets=sorted(name_of(g, s) for s in brokered[a]),
                hub_score=round(scores[a], 4),
                articulation=a in articulation,
                delivered=delivered[a],
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
        weigh=weigh,
        period_days=period_days if weigh == "delivered" else None,
    )


def delivered_graph(
    g: nx.MultiDiGraph, net: nx.Graph, as_of: dt.date, period_days: int
) -> nx.Graph:
    """``net`` (the actor graph of ``g`` on ``as_of``) weighed by delivered work.

    The work delivered across a tie between an actor and a community is the number of
    projects of the period the actor runs in the community or for its needs plus the needs of
    the community resolved in the period that the actor claimed or met with its resource
    (``Lists.delivered_between``, either way round when both ends are communities), the
    period being the ``period_days`` days up to ``as_of``. A tie to a community with nothing
    delivered is dropped; the others keep ``delivered`` (that number) and ``weight`` (the
    same). A tie with no community end keeps ``delivered`` 0 and ``weight`` 1. Every actor
    stays, tied or not. O(n + m).
    """
    from graphmodel.analysis.lists import Lists
    from graphmodel.analysis.ties import Ties

    done = Lists.of(g, Ties.of(g, as_of), period_days).delivered_between()
    kept = net.copy()
    for a, b in net.edges:
        ends = (net.nodes[a].get("label"), net.nodes[b].get("label"))
        if Label.COMMUNITY not in ends:
            kept.edges[a, b].update(delivered=0, weight=1)
            continue
        work = done.get((a, b), 0) + done.get((b, a), 0)
        if work:
            kept.edges[a, b].update(delivered=work, weight=work)
        else:
            kept.remove_edge(a, b)
    return kept


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
        if data.get("label") == Label.COMMITTEE:
            covered = {v for _, v, d in g.out_edges(a, data=True) if d.get("type") == Rel.COVERS}
            conveners = {
                v for _, v, d in g.out_edges(a, data=True) if d.get("type") == Rel.CONVENED_BY
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
