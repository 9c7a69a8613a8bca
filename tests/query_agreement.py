"""What the library says each named query answers: for every query of the library with a
counterpart in the analyses, a function ``(rows, g, params) -> (got, expected)`` that reads the
query's rows (run on Neo4j) and computes the same answer with the library on the graph view of
the embedded store holding the same ledger, both in one comparable shape.

``tests/test_queries.py`` checks them on the seed and ``tests/test_query_owner.py`` on a graph
where the owner of a party organization is disputed (``graphview.party_owners``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import fields
from typing import Any

import networkx as nx

from graphmodel import graphview
from graphmodel.analysis.folding import fold_party_orgs
from graphmodel.analysis.gaps import find_gaps
from graphmodel.analysis.match import TIERS, match
from graphmodel.analysis.needs import needs_report
from graphmodel.analysis.network import is_active
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.reach import reach
from graphmodel.analysis.ties import Ties
from graphmodel.schema import Label, Rel

Rows = list[dict[str, Any]]
Params = dict[str, Any]


def _day(params: Params) -> dt.date:
    return dt.date.fromisoformat(params["as_of"])


def partners(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """``graphview.partners`` (``graphmodel pairings``), each marked active on ``as_of``."""
    names = [f.name for f in fields(graphview.Partner)]
    got = [{**{k: r[k] for k in names}, "active": r["active"]} for r in rows]
    expected = [
        {**p.to_dict(), "active": is_active(p.to_dict(), _day(params))}
        for p in graphview.partners(g, params["ref"])
    ]
    return got, expected


def partners_graph(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """The partners' rows as paths: (asked node, organization, partner, partner's owner, or the
    partner itself when it has none)."""
    got = Counter()
    for r in rows:
        ids = [n["id"] for n in r["path"]["nodes"]]
        i = [rel["type"] for rel in r["path"]["relationships"]].index(Rel.PAIRED_WITH)
        got[ids[0], ids[i], ids[i + 1], ids[-1]] += 1
    node = graphview.resolve(g, params["ref"])
    expected = Counter(
        (node, p.org_id, p.partner_id, p.owner_id or p.partner_id)
        for p in graphview.partners(g, params["ref"])
    )
    return got, expected


def community_profile(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """``Ties``: owned party organizations, pairings in force, serving, reports, covering."""
    ties = Ties.of(g, _day(params))
    got = {
        r["community_id"]: (
            r["party_orgs"],
            r["pairings"],
            r["social_orgs"],
            r["reports"],
            r["reported_members"],
            sorted(r["committees"]),
        )
        for r in rows
    }
    expected = {}
    for c, data in g.nodes(data=True):
        if data.get("label") != Label.COMMUNITY or not {c, data.get("name")} & set(params["names"]):
            continue
        reports = ties.reports.get(c, [])
        expected[c] = (
            len(ties.party_orgs(c)),
            len(ties.active_pairings(c)),
            len(ties.serving.get(c, ())),
            len(reports),
            sum(int(x.get("members") or 0) for x in reports),
            sorted(ties.name(k) for k in ties.covering.get(c, ())),
        )
    return got, expected


def _gaps(g: nx.MultiDiGraph, rule: str, params: Params, policy: Policy | None = None) -> list:
    return find_gaps(g, policy or Policy(), _day(params), rules=[rule])


def unpaired_communities(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """The gap rule ``unpaired_community`` with its ``party_orgs`` and ``pairings_ever``."""
    got = {r["community_id"]: (r["party_orgs"], r["pairings_ever"]) for r in rows}
    expected = {
        gap.node_id: (gap.detail["party_orgs"], gap.detail["pairings_ever"])
        for gap in _gaps(g, "unpaired_community", params)
    }
    return got, expected


def working_alone(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """The gap rule ``working_alone``, reason ``no_ties`` (the query's only reason)."""
    got = sorted(r["unit_id"] for r in rows)
    expected = sorted(
        gap.node_id
        for gap in _gaps(g, "working_alone", params)
        if gap.detail["reason"] == "no_ties"
    )
    return got, expected


def dormant_pairings(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """The gap rule ``dormant_pairing``: (unit-side organization, unit, community) names."""
    got = sorted((r["unit_org"], r["unit"], r["community"]) for r in rows)
    policy = Policy(work_period_days=params["period_days"])
    expected = sorted(
        (gap.ref, gap.detail["partner_name"], gap.name)
        for gap in _gaps(g, "dormant_pairing", params, policy)
    )
    return got, expected


def open_needs(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """``needs_report``'s open needs, in its order, with raiser, claimer and street."""
    got = [
        (r["need_id"], r["status"], r["days_waited"], r["raiser"], r["claimer"], r["street"])
        for r in rows
    ]
    report = needs_report(g, Policy(), _day(params))
    expected = [
        (n.id, n.status, n.age_days, n.raiser_name, n.claimer_name, n.street_name)
        for n in report.open_needs
    ]
    return got, expected


def reach_within_hops(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """``reach`` with its default ties: each community within ``hops`` and its distance."""
    found = reach(g, params["ref"], _day(params), hops=params["hops"])
    expected = {c.id: c.hops for s in found.streets for c in s.communities}
    return {r["community_id"]: r["hops"] for r in rows}, expected


def unit_community_pairings(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """``fold_party_orgs``: its ``PAIRED_WITH`` ties ending in a community of the street."""
    folded = fold_party_orgs(g)
    street = graphview.resolve(g, params["street"], (Label.STREET,))
    day = _day(params)
    expected = sorted(
        (folded.nodes[u]["name"], folded.nodes[c]["name"], d.get("since", ""), is_active(d, day))
        for u, c, d in folded.edges(data=True)
        if d["type"] == Rel.PAIRED_WITH
        and any(
            e["type"] == Rel.PART_OF and s == street for _, s, e in folded.out_edges(c, data=True)
        )
    )
    got = sorted((r["unit_name"], r["community_name"], r["since"], r["active"]) for r in rows)
    return got, expected


def expiring_pairings(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """``Ties.pairings`` in force on ``as_of`` ending before ``before``, with the two sides
    told apart as ``Pairing`` does and each side's owner."""
    day = _day(params)
    ties = Ties.of(g, day)

    def owner(org: str) -> str:
        return ties.name(ties.owner[org]) if org in ties.owner else ""

    expected = sorted(
        (
            owner(p.unit_org),
            ties.name(p.unit_org),
            owner(p.community_org),
            ties.name(p.community_org),
            p.until,
            (dt.date.fromisoformat(p.until) - day).days,
        )
        for p in ties.pairings
        if p.until
        and p.until < params["before"]
        and is_active({"since": p.since, "until": p.until}, day)
    )
    got = sorted(
        (
            r["unit_side"],
            r["unit_org"],
            r["community_side"],
            r["community_org"],
            r["until"],
            r["days_left"],
        )
        for r in rows
    )
    return got, expected


def party_chain(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """The chain's depth-0 organizations are the ones the community owns, and every
    organization's ``belongs_to`` is its owner's name (``graphview.party_owners``)."""
    owners = graphview.party_owners(g)
    community = graphview.resolve(g, params["ref"], (Label.COMMUNITY,))
    got = (
        sorted(r["id"] for r in rows if r["depth"] == 0),
        {r["id"]: r["belongs_to"] for r in rows},
    )
    expected = (
        sorted(org for org, owner in owners.items() if owner == community),
        {r["id"]: graphview.name_of(g, owners.get(r["id"], "")) for r in rows},
    )
    return got, expected


def need_resource_paths(rows: Rows, g: nx.MultiDiGraph, params: Params) -> tuple[Any, Any]:
    """``match``'s tiers ``paired`` and ``committee`` for needs raised by a community: per
    need, the best tier of its paths and, of the resources at that tier, the one ``match``
    proposes (the smallest when it proposes none of them): with capacity to spare, ``match``
    proposes a resource of the nearest tier."""
    found: dict[str, dict[str, int]] = {}
    for r in rows:
        nodes = r["path"]["nodes"]
        tier = 1 if any(v["label"] == Label.COMMITTEE for v in nodes) else 0
        best = found.setdefault(nodes[0]["id"], {})
        best[nodes[-1]["id"]] = min(best.get(nodes[-1]["id"], tier), tier)
    proposed = match(g, Policy(), _day(params)).proposals
    expected = {
        p.need_id: (p.tier, p.resource_id)
        for p in proposed
        if p.tier in TIERS[:2] and g.nodes[p.raiser_id].get("label") == Label.COMMUNITY
    }
    got = {}
    for need, tiers in found.items():
        tier = min(tiers.values())
        nearest = sorted(res for res, t in tiers.items() if t == tier)
        chosen = expected.get(need, ("", ""))[1]
        got[need] = (TIERS[tier], chosen if chosen in nearest else nearest[0])
    return got, expected


AGREEMENT: dict[str, Callable[[Rows, nx.MultiDiGraph, Params], tuple[Any, Any]]] = {
    f.__name__: f
    for f in (
        partners,
        partners_graph,
        community_profile,
        unpaired_communities,
        working_alone,
        dormant_pairings,
        open_needs,
        reach_within_hops,
        unit_community_pairings,
        expiring_pairings,
        party_chain,
        need_resource_paths,
    )
}
"""The agreement of each query with a library counterpart, by query name."""
