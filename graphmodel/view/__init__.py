"""``graphmodel view``: one self-contained HTML page to explore a scope's network offline.

The page draws the scope (``analysis.scope.scope_graph``) with party organizations folded
into their owners (``analysis.folding.fold_party_orgs``), so a pairing is a line between the
unit and the community. Grids and the district node are left out (they are filing, not actors).
It offers search by name, filters by kind and by tie, gaps marked in red, and on a click the
node's details: its pairings with their dates and whether each is in force on the as-of
date, its other ties, its gaps (``judged_gaps``), its rank as a coordination hub and the
communities that would lose their only tie without it (``analysis.hubs``).

Drawing is WebGL (sigma.js 4 on graphology, chosen by measurement: docs/benchmarks.md). Both
libraries are vendored in ``assets/`` from npm (``scripts/vendor_js.py``, versions and licences
in ``assets/VENDORED.json``) and inlined into the page with the data and the page's own script,
so the page makes no request to any host and works from a file, a USB stick or an e-mail.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from typing import Any

import networkx as nx

from graphmodel.analysis.policy import Policy
from graphmodel.schema import Label, Rel
from graphmodel.vocabulary import gap_message, view_words

__all__ = ["HIDDEN_LABELS", "KINDS", "TIES", "build_view", "view_data"]

KINDS = (
    Label.COMMUNITY,
    Label.MEMBER_UNIT,
    Label.SOCIAL_ORG,
    Label.COMMITTEE,
    Label.STREET,
    Label.PARTY_ORG,
)
"""What the page draws, in legend order."""
HIDDEN_LABELS = (Label.GRID, Label.DISTRICT)
TIES = (
    Rel.PAIRED_WITH,
    Rel.REPORTS_TO,
    Rel.MEMBER_OF,
    Rel.CONVENED_BY,
    Rel.COVERS,
    Rel.SERVES,
    Rel.LEADS,
    Rel.BELONGS_TO,
    Rel.PART_OF,
    Rel.LOCATED_IN,
)
"""Tie types the page can show, in filter order."""


def view_data(
    g: nx.MultiDiGraph,
    policy: Policy,
    as_of: dt.date,
    district: str | None = None,
    street: str | None = None,
    around: str | None = None,
    hops: int = 2,
    lang: str = "zh",
) -> dict[str, Any]:
    """What the page shows, as plain data (the page's JSON), its words in ``lang``
    (``vocabulary.view_words``).

    Returns
    -------
    dict
        ``meta`` (scope, as-of date, counts), ``kinds``, ``ties``, ``nodes`` (one list per
        node: id, name, kind index, x, y, street name, in scope 0/1, hub rank or 0), ``edges``
        (source index, target index, tie index, since, until, pairing kind), ``orgs`` (node
        index -> names of its folded party organizations), ``gaps`` (node index -> gap
        messages) and ``roles`` (node index -> hub figures).
    """
    from graphmodel.analysis.completeness import judged_gaps
    from graphmodel.analysis.failure import single_points_of_failure
    from graphmodel.analysis.folding import fold_party_orgs
    from graphmodel.analysis.hubs import rank_hubs
    from graphmodel.analysis.scope import scope_graph
    from graphmodel.view.layout import layout

    raw = scope_graph(g, district, street, around, hops)
    folded = fold_party_orgs(raw)
    shown = folded.subgraph(
        n for n, d in folded.nodes(data=True) if d.get("label") not in HIDDEN_LABELS
    )
    pos = layout(shown)
    nodes = sorted(shown, key=lambda n: (KINDS.index(shown.nodes[n]["label"]), n))
    index = {n: i for i, n in enumerate(nodes)}
    owner = {o: n for n in nodes for o in shown.nodes[n].get("party_orgs", [])}

    def at(node: str) -> int | None:
        return index.get(owner.get(node, node))

    hubs = rank_hubs(raw, as_of, top=20)
    rank = {h.id: h.rank for h in hubs.hubs}
    roles: dict[int, dict[str, Any]] = {}
    for h in hubs.hubs:
        i = at(h.id)
        if i is not None:
            roles[i] = {
                "rank": h.rank,
                "degree": h.degree,
                "streets": len(h.brokered_streets),
                "cut_off": [],
            }
    for point in single_points_of_failure(raw, as_of):
        if point.kind != "articulation" or not point.cut_off:
            continue
        i = at(point.ids[0])
        if i is not None:
            role = roles.setdefault(i, {"rank": 0, "degree": 0, "streets": 0, "cut_off": []})
            role["cut_off"] = [c.name for c in point.cut_off]
    gaps: dict[int, list[str]] = {}
    for gap in judged_gaps(g, policy, as_of).gaps:
        i = at(gap.node_id)
        if i is not None:
            gaps.setdefault(i, []).append(gap_message(gap.rule, gap.name, gap.detail, lang))
    street_names = _street_names(g, nodes)
    node_rows = [
        [
            n,
            shown.nodes[n].get("name") or n,
            KINDS.index(shown.nodes[n]["label"]),
            round(pos[n][0], 3),
            round(pos[n][1], 3),
            street_names.get(n, ""),
            1 if shown.nodes[n].get("in_scope") else 0,
            rank.get(n, 0),
        ]
        for n in nodes
    ]
    edges = sorted(
        (
            index[u],
            index[v],
            TIES.index(d["type"]),
            d.get("since") or "",
            d.get("until") or "",
            d.get("kind") or "",
        )
        for u, v, d in shown.edges(data=True)
        if d.get("type") in TIES
    )
    scope = district or street or (f"{around} ±{hops}" if around else "")
    return {
        "meta": {
            "scope": scope,
            "as_of": as_of.isoformat(),
            "nodes": len(node_rows),
            "edges": len(edges),
            "gaps": sum(len(v) for v in gaps.values()),
        },
        "kinds": list(KINDS),
        "ties": list(TIES),
        "nodes": node_rows,
        "edges": [list(e) for e in edges],
        "orgs": {
            index[n]: shown.nodes[n]["party_org_names"]
            for n in nodes
            if shown.nodes[n].get("party_org_names")
        },
        "gaps": gaps,
        "roles": roles,
        "words": view_words(lang),
    }


def build_view(data: dict[str, Any], title: str = "") -> str:
    """The HTML page for ``view_data``'s ``data``: libraries, data and script inlined."""
    assets = resources.files("graphmodel.view") / "assets"
    template = (resources.files("graphmodel.view") / "page.html").read_text(encoding="utf-8")
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, "<" could close the element: names are data, never markup.
    payload = payload.replace("<", "\\u003c")
    scripts = "\n".join(
        (assets / name).read_text(encoding="utf-8").replace("</script", "<\\/script")
        for name in ("graphology.min.js", "sigma.min.js", "view.js")
    )
    words = data["words"]
    heading = title or words["title"].format(scope=data["meta"]["scope"] or words["all"])
    page = re.sub(r"\{\{w:(\w+)\}\}", lambda m: _escape(words[m[1]]), template)
    page = page.replace("{{TITLE}}", _escape(heading))
    return page.replace("{{DATA}}", payload).replace("{{SCRIPTS}}", scripts)


def _street_names(g: nx.MultiDiGraph, nodes: list[str]) -> dict[str, str]:
    from graphmodel.analysis.network import street_index

    streets = street_index(g)
    return {n: g.nodes[s].get("name", s) for n in nodes if (s := streets.get(n)) and s in g}


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
