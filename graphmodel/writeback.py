"""Analysis results written back onto the stored nodes, so Browser and queries can use them.

``analysis_properties`` computes, on one date, the properties in ``ANALYSIS_PROPS`` for every
node they apply to; ``write_analysis`` stores them through ``set_node_props`` (both stores
have it) after clearing the ones a previous run left on nodes that no longer earn them, so a
re-run replaces the earlier results and changes nothing else.

What each property holds:

- ``hub_score``, ``betweenness``, ``degree``, ``articulation``: the actor's figures from
  ``graphmodel.analysis.hubs.node_scores`` (the actor graph: a unit and its party
  organizations are one actor and carry the same figures); ``hub_actor`` is the id of that
  actor, so a query can list each actor once.
- ``cut_off_communities``: on an articulation point (the actor and its merged party
  organizations), the names of the communities that would lose every outside tie without it
  (``failure.single_points_of_failure``); absent when it cuts off none.
- ``gaps``: the sorted names of the gap rules (``graphmodel.analysis.gaps``) that flag the
  node; absent when none does.
- ``coverage_communities``, ``coverage_paired``, ``coverage_share`` on streets and districts:
  the communities in the area, those with a pairing in force on the date (one of their
  party organizations has a ``PAIRED_WITH`` in force), and paired / communities (0.0 when the
  area has none), rounded to 4 places.
- ``coverage_pairings``, ``coverage_social_orgs`` on communities: their pairings in force and
  the social organizations that serve them.
- ``analysis_date``: the as-of date of the run (ISO), on every node that carries any of the
  above.

Neo4j Browser styles nodes by label only, so on Neo4j ``write_analysis`` can also run the
project's write step ``cypher/writeback/hub_tiers.cypher``: the top actors by ``hub_score``
get the label ``HubHigh`` (ranks 1-10) or ``HubMid`` (11-50), which ``style.grass`` draws
larger. Those labels are analysis output too: each run removes the previous ones first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from graphmodel import queries
from graphmodel.analysis.completeness import judged_gaps
from graphmodel.analysis.failure import single_points_of_failure
from graphmodel.analysis.hubs import node_scores
from graphmodel.analysis.network import party_owners
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.ties import Ties
from graphmodel.cypher import CYPHER_DIR
from graphmodel.schema import Label

if TYPE_CHECKING:
    import neo4j
    import networkx as nx

    from graphmodel.store.base import Store

__all__ = [
    "ANALYSIS_PROPS",
    "HUB_TIERS",
    "WritebackReport",
    "analysis_properties",
    "write_analysis",
    "write_hub_tiers",
]

ANALYSIS_PROPS = (
    "hub_score",
    "betweenness",
    "degree",
    "articulation",
    "hub_actor",
    "cut_off_communities",
    "gaps",
    "coverage_communities",
    "coverage_paired",
    "coverage_share",
    "coverage_pairings",
    "coverage_social_orgs",
    "analysis_date",
)
"""Every property the write-back owns; nothing else on a node is touched."""

HUB_TIERS = CYPHER_DIR / "writeback" / "hub_tiers.cypher"
"""The write step that sets the ``HubHigh`` / ``HubMid`` labels (Neo4j only)."""


@dataclass
class WritebackReport:
    """What a write-back did: the date, how many nodes got results, how many lost stale ones,
    and counts of what was written (articulation points, nodes flagged by gaps, and on Neo4j
    the actors labelled ``HubHigh`` / ``HubMid``)."""

    as_of: str
    nodes_written: int
    nodes_cleared: int
    articulation_points: int
    flagged_nodes: int
    hub_high: int = 0
    hub_mid: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


def analysis_properties(
    g: nx.MultiDiGraph, as_of: dt.date, policy: Policy
) -> dict[str, dict[str, Any]]:
    """The ``ANALYSIS_PROPS`` of every node that earns any on ``as_of`` (module docstring).

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    as_of : the date on which ties must be in force
    policy : thresholds for the gap rules

    Returns
    -------
    dict
        Node id to its properties; nodes that earn none are absent. Every entry carries
        ``analysis_date``.
    """
    props: dict[str, dict[str, Any]] = {}

    def put(node: str, values: Mapping[str, Any]) -> None:
        props.setdefault(node, {}).update(values)

    owners = party_owners(g)
    members: dict[str, list[str]] = {}
    for node, values in node_scores(g, as_of).items():
        actor = owners.get(node, node)
        members.setdefault(actor, []).append(node)
        put(node, {**values, "hub_actor": actor})
    for point in single_points_of_failure(g, as_of):
        if point.kind == "articulation" and point.cut_off:
            names = [c.name for c in point.cut_off]
            for node in members.get(point.ids[0], point.ids):
                put(node, {"cut_off_communities": names})
    flags: dict[str, set[str]] = {}
    for gap in judged_gaps(g, policy, as_of).gaps:
        flags.setdefault(gap.node_id, set()).add(gap.rule)
    for node, rules in flags.items():
        put(node, {"gaps": sorted(rules)})
    for node, values in _coverage(g, as_of).items():
        put(node, values)
    day = as_of.isoformat()
    for values in props.values():
        values["analysis_date"] = day
    return props


def write_analysis(
    store: Store,
    as_of: dt.date,
    policy: Policy,
    driver: neo4j.Driver | None = None,
    database: str | None = None,
) -> WritebackReport:
    """Compute ``analysis_properties`` on the store's graph and write them onto its nodes.

    A node that carries an analysis property from an earlier run that this run does not give
    it has that property removed (set to ``None``, which ``set_node_props`` removes), so a
    node flagged yesterday and not today loses its flag. Properties outside
    ``ANALYSIS_PROPS``, nodes and relationships are left as they are. With ``driver`` (the
    same Neo4j as ``store``), the hub tier labels are then set (``write_hub_tiers``).
    """
    g = store.graph()
    fresh = analysis_properties(g, as_of, policy)
    changes: dict[str, dict[str, Any]] = {node: dict(values) for node, values in fresh.items()}
    cleared = 0
    for node, data in g.nodes(data=True):
        stale = [
            p for p in ANALYSIS_PROPS if data.get(p) is not None and p not in fresh.get(node, {})
        ]
        if stale:
            cleared += 1
            changes.setdefault(node, {}).update(dict.fromkeys(stale))
    if changes:
        store.set_node_props(changes)
    report = WritebackReport(
        as_of=as_of.isoformat(),
        nodes_written=len(fresh),
        nodes_cleared=cleared,
        articulation_points=sum(1 for v in fresh.values() if v.get("cut_off_communities")),
        flagged_nodes=sum(1 for v in fresh.values() if v.get("gaps")),
    )
    if driver is not None:
        report.hub_high, report.hub_mid = write_hub_tiers(driver, database)
    return report


def write_hub_tiers(
    driver: neo4j.Driver, database: str | None = None, high: int = 10, mid: int = 50
) -> tuple[int, int]:
    """Label the top ``high`` actors by ``hub_score`` ``HubHigh`` and the next ones up to rank
    ``mid`` ``HubMid``, after removing those labels everywhere (``HUB_TIERS``); returns how
    many got each. Runs as one of the project's own write steps (``allow_write``)."""
    step = queries.parse_query(HUB_TIERS.read_text(encoding="utf-8"), HUB_TIERS)
    result = queries.run_query(
        driver, step, {"high": high, "mid": mid}, database=database, allow_write=True
    )
    if not result.rows:
        return 0, 0
    return result.rows[0]["high"], result.rows[0]["mid"]


def _coverage(g: nx.MultiDiGraph, as_of: dt.date) -> dict[str, dict[str, Any]]:
    ties = Ties.of(g, as_of)
    communities = sorted(n for n, d in g.nodes(data=True) if d.get("label") == Label.COMMUNITY)
    found: dict[str, dict[str, Any]] = {}
    areas: dict[str, list[bool]] = {}
    for c in communities:
        paired = bool(ties.active_pairings(c))
        found[c] = {
            "coverage_pairings": len(ties.active_pairings(c)),
            "coverage_social_orgs": len(ties.serving.get(c, ())),
        }
        street = ties.parent.get(c)
        if street is not None and ties.label(street) == Label.STREET:
            areas.setdefault(street, []).append(paired)
            district = ties.district(street)
            if district is not None:
                areas.setdefault(district, []).append(paired)
    for n, d in g.nodes(data=True):
        if d.get("label") in (Label.STREET, Label.DISTRICT):
            flags = areas.get(n, [])
            total, paired_count = len(flags), sum(flags)
            found[n] = {
                "coverage_communities": total,
                "coverage_paired": paired_count,
                "coverage_share": round(paired_count / total, 4) if total else 0.0,
            }
    return found
