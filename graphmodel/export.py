"""The graph written for Gephi, yEd and Cytoscape: GraphML, GEXF, or two CSV tables.

What is written is a graph view or a part of one (``analysis.scope.scope_graph``), folded or
not. Attributes are renamed so that the tools show names, not ids:

- a node's ``label`` (its kind in the schema, ``MemberUnit``...) is written as ``type``, and
  ``label`` carries its ``name`` (Gephi and yEd display ``label``; GEXF has a label field of
  its own);
- lists (``party_orgs`` of a folded owner) are joined with ``;``; missing values are left out;
- an edge's ``type`` (``PAIRED_WITH``...) is written as ``relationship`` (GEXF keeps ``type``
  for directed/undirected), with its properties; its key becomes its ``id`` in GraphML.

CSV is a directory with ``nodes.csv`` (``id``, ``type``, ``label`` and the properties) and
``edges.csv`` (``source``, ``target``, ``key``, ``relationship`` and the properties): the layout
Gephi's and Cytoscape's table importers take. Cells go through ``tabular.write_csv``, so no
name can run as a formula in a spreadsheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from graphmodel.errors import GraphmodelError

__all__ = ["FORMATS", "export_graph", "for_tools"]

FORMATS = ("graphml", "gexf", "csv")


def for_tools(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``g`` with the attributes renamed and flattened as the module docstring says."""
    out = nx.MultiDiGraph()
    for n, data in g.nodes(data=True):
        attrs = {k: _flat(v) for k, v in data.items() if v is not None and k != "label"}
        attrs["type"] = data.get("label", "")
        attrs["label"] = data.get("name") or n
        out.add_node(n, **attrs)
    for u, v, key, data in g.edges(keys=True, data=True):
        attrs = {k: _flat(x) for k, x in data.items() if x is not None and k != "type"}
        attrs["relationship"] = data.get("type", "")
        out.add_edge(u, v, key=key, **attrs)
    return out


def export_graph(g: nx.MultiDiGraph, path: str | Path, fmt: str) -> list[Path]:
    """Write ``g`` to ``path`` as ``fmt`` (one of ``FORMATS``); the files written.

    For ``csv``, ``path`` is a directory (created if missing) that receives ``nodes.csv`` and
    ``edges.csv``.
    """
    if fmt not in FORMATS:
        raise GraphmodelError("export_format", fmt=fmt, formats=list(FORMATS))
    path = Path(path)
    tools = for_tools(g)
    if fmt == "graphml":
        nx.write_graphml(tools, path)
        return [path]
    if fmt == "gexf":
        nx.write_gexf(tools, path)
        return [path]
    return _write_tables(tools, path)


def _write_tables(g: nx.MultiDiGraph, folder: Path) -> list[Path]:
    from graphmodel.tabular import write_csv

    folder.mkdir(parents=True, exist_ok=True)
    node_fields = _fields(d for _, d in g.nodes(data=True))
    node_fields = ["type", "label", *(f for f in node_fields if f not in ("type", "label"))]
    edge_fields = _fields(d for _, _, d in g.edges(data=True))
    edge_fields = ["relationship", *(f for f in edge_fields if f != "relationship")]
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    write_csv(
        nodes,
        ["id", *node_fields],
        ([n, *(d.get(f, "") for f in node_fields)] for n, d in g.nodes(data=True)),
    )
    write_csv(
        edges,
        ["source", "target", "key", *edge_fields],
        (
            [u, v, k, *(d.get(f, "") for f in edge_fields)]
            for u, v, k, d in g.edges(keys=True, data=True)
        ),
    )
    return [nodes, edges]


def _fields(rows: Any) -> list[str]:
    seen: dict[str, None] = {}
    for data in rows:
        for k in data:
            seen.setdefault(k, None)
    return sorted(seen)


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return ";".join(str(x) for x in value)
    return value
