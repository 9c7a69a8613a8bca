"""The embedded store: a NetworkX graph in process, persisted to one local JSON file.

The file is plain JSON (gzip-compressed when its name ends in ``.gz``), never pickle, so a
file from an untrusted source cannot run code. Every write goes to a temporary file next to
the target and replaces it atomically, so a failed or interrupted write leaves the previous
file whole.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any

import networkx as nx

from graphmodel import graphview
from graphmodel.errors import StoreError
from graphmodel.records import GraphBatch, edge_id
from graphmodel.store.base import Partner, Progress, Stats, Store

__all__ = ["FORMAT", "EmbeddedStore"]

FORMAT = "graphmodel-embedded"
VERSION = 1


class EmbeddedStore(Store):
    """A store kept in the file at ``path`` (created on the first write)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._graph: nx.MultiDiGraph | None = None

    @property
    def _gz(self) -> bool:
        return self.path.suffix == ".gz"

    def write(self, batch: GraphBatch, progress: Progress | None = None) -> None:
        """Merge ``batch`` (see ``Store.write``) and save the file atomically."""
        g = self.graph().copy()
        for node in batch.nodes:
            if node.id in g:
                g.nodes[node.id].update(node.props)
                g.nodes[node.id]["label"] = node.label
            else:
                g.add_node(node.id, label=node.label, **node.props)
        if progress:
            progress(len(batch.nodes))
        for edge in batch.edges:
            for end in (edge.start, edge.end):
                if end not in g:
                    raise StoreError(f"{edge.type} {edge.start} -> {edge.end}: no node '{end}'")
            key = edge_id(edge)
            if g.has_edge(edge.start, edge.end, key):
                g.edges[edge.start, edge.end, key].update(edge.props)
            else:
                g.add_edge(edge.start, edge.end, key=key, type=edge.type, **edge.props)
        if progress:
            progress(len(batch.edges))
        self._save(g)
        self._graph = g

    def set_node_props(self, props: dict[str, dict[str, Any]]) -> None:
        """Merge ``props[id]`` into each listed node's properties and save atomically; a value
        of ``None`` removes the property (as ``SET n += {p: null}`` does in Neo4j)."""
        g = self.graph().copy()
        for node, values in props.items():
            if node not in g:
                raise StoreError(f"no node '{node}'")
            data = g.nodes[node]
            for name, value in values.items():
                if value is None:
                    data.pop(name, None)
                else:
                    data[name] = value
        self._save(g)
        self._graph = g

    def graph(self) -> nx.MultiDiGraph:
        """The graph view, read from the file once and then kept."""
        if self._graph is None:
            self._graph = self._load() if self.path.exists() else nx.MultiDiGraph()
        return self._graph

    def stats(self) -> Stats:
        """See ``Store.stats``."""
        return graphview.stats(self.graph())

    def partners(self, ref: str) -> list[Partner]:
        """See ``Store.partners``."""
        return graphview.partners(self.graph(), ref)

    def clear(self) -> None:
        """Remove every node and relationship (the file is kept, empty)."""
        g = nx.MultiDiGraph()
        self._save(g)
        self._graph = g

    def _load(self) -> nx.MultiDiGraph:
        try:
            with _open(self.path, "rt", gz=self._gz) as f:
                doc = json.load(f)
        except (OSError, ValueError, EOFError) as e:
            raise StoreError(f"cannot read the embedded store {self.path}: {e}") from e
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise StoreError(f"{self.path} is not a graphmodel embedded store file")
        if doc.get("version") != VERSION:
            raise StoreError(f"{self.path} has format version {doc.get('version')}, not {VERSION}")
        g = nx.MultiDiGraph()
        for node in doc["nodes"]:
            g.add_node(node.pop("id"), **node)
        for edge in doc["edges"]:
            start, end, key = edge.pop("start"), edge.pop("end"), edge.pop("key")
            g.add_edge(start, end, key=key, **edge)
        return g

    def _save(self, g: nx.MultiDiGraph) -> None:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "nodes": [{"id": n, **data} for n, data in g.nodes(data=True)],
            "edges": [
                {"start": u, "end": v, "key": k, **data}
                for u, v, k, data in g.edges(keys=True, data=True)
            ],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        os.close(fd)
        try:
            with _open(Path(tmp), "wt", gz=self._gz) as f:
                json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _open(path: Path, mode: str, gz: bool) -> IO[str]:
    if gz:
        return gzip.open(path, mode, encoding="utf-8", compresslevel=3)
    return open(path, mode, encoding="utf-8")
