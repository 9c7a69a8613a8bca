"""Reloading a ledger syncs it: the store comes to say what the ledger now says.

Definitions:

- A **ledger** is what one load names: its paths, absolute, joined by `` + `` when there are
  several (``ledger_name``). Its **hash** is the SHA-256 of the files read (``ledger_hash``).
- A ledger **names** a record when its valid rows produce it: the nodes of its rows (and the
  party organizations created for its pairings and reports), its relationships, and the
  nodes its relationships end at (a ledger that pairs a unit keeps that unit). Each store
  keeps, per record, the ledgers that name it (its **sources**).
- A load validates the ledger against the store *as the other ledgers have it* (the records
  only this ledger names are left out, ``others_view``), so a reload reads exactly as a first
  load on top of the other ledgers would, and then ``plan`` compares:

  - **added**: a record of the batch the store does not have;
  - **changed**: a record whose label or properties differ. A node takes the properties of its
    row; properties outside the schema of its label, and of the label it had (analysis
    write-back, ``graphmodel.writeback``), are kept. A node whose label changed (a unit
    re-entered as a social organization under the same id) is relabelled in place
    (``relabel_nodes``): one node, its relationships kept. A relationship takes exactly its row's properties.
    A record whose only difference is ``source`` (the row it was read from moved up or down)
    is rewritten but not counted;
  - **removed**: a record the ledger named and names no more, that no other ledger names.
    When a record is still named by another ledger, only this ledger's name comes off it.
    Relationships end with their nodes (the stores cascade), and are counted.

  A load with rejected rows adds, changes and moves, but removes only what a valid row
  replaced: a node row's earlier reference (a community's old street, a street's old
  district). Everything else the ledger no longer names is kept, since the rejected rows may
  be the ones that name it; the load says so, and the next clean load removes it.

Records written without a ledger (``Store.write``) have no sources and are never removed by a
load.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphmodel import schema
from graphmodel.ledger.tables import TABLES
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "EdgeKey",
    "SyncPlan",
    "TableChanges",
    "edge_key",
    "ledger_files",
    "ledger_hash",
    "ledger_name",
    "others_view",
    "plan",
]

EdgeKey = tuple[str, str, str, str]
"""A relationship's identity in both stores: (type, start, key, end)."""

_REF_SIDES = {
    (t.label, c.rel, c.reverse) for t in TABLES if t.label for c in t.columns if c.ref and c.rel
}
"""(row label, relationship type, reverse) of every reference column of a node table: which
end of such a relationship is the row that states it."""


def ledger_name(paths: Iterable[str | os.PathLike[str]]) -> str:
    """The name a ledger's records are kept under: its absolute paths, sorted."""
    return " + ".join(sorted({str(Path(p).resolve()) for p in paths}))


def ledger_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files a load of ``paths`` reads: a folder's ``.csv`` files, or the file itself
    (as ``ledger.read_ledger`` chooses them)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(f for f in p.iterdir() if f.suffix.lower() == ".csv")
        elif p.is_file():
            files.append(p)
    return sorted(set(files))


def ledger_hash(files: Iterable[Path]) -> str:
    """SHA-256 over the names and bytes of the files read (sorted), hex."""
    digest = hashlib.sha256()
    for f in sorted(set(files)):
        digest.update(f.name.encode("utf-8") + b"\0")
        digest.update(f.read_bytes())
    return digest.hexdigest()


def edge_key(edge: EdgeRecord) -> EdgeKey:
    """The identity of ``edge``."""
    return (edge.type, edge.start, edge.key, edge.end)


@dataclass
class TableChanges:
    """Records added, changed and removed in one label or relationship type."""

    added: int = 0
    changed: int = 0
    removed: int = 0

    def to_dict(self) -> dict[str, int]:
        """Plain dict (the ``--json`` form)."""
        return {"added": self.added, "changed": self.changed, "removed": self.removed}


@dataclass
class SyncPlan:
    """What one load writes, in one transaction.

    ``upsert_*``: records added or changed, with their full new properties;
    ``relabel_nodes``: (id, stored label, new label) of the changed nodes whose label changed,
    relabelled before anything else is written. ``remove_*``:
    records to delete (a node's relationships go with it). ``name_*``: records to add the
    ledger to the sources of; ``unname_*``: records that stay, to take the ledger off.
    ``kept``: records the ledger no longer names, kept because rows were rejected.
    ``nodes``, ``relationships``, ``rows`` and ``problems`` describe the ledger (its valid
    records, (read, rejected) per table, errors and warnings) for the load history.
    """

    ledger: str
    hash: str
    upsert_nodes: list[NodeRecord] = field(default_factory=list)
    upsert_edges: list[EdgeRecord] = field(default_factory=list)
    relabel_nodes: list[tuple[str, str, str]] = field(default_factory=list)
    remove_nodes: list[tuple[str, str]] = field(default_factory=list)
    remove_edges: list[tuple[EdgeKey, str, str]] = field(default_factory=list)
    name_nodes: list[tuple[str, str]] = field(default_factory=list)
    name_edges: list[tuple[EdgeKey, str, str]] = field(default_factory=list)
    unname_nodes: list[tuple[str, str]] = field(default_factory=list)
    unname_edges: list[tuple[EdgeKey, str, str]] = field(default_factory=list)
    tables: dict[str, TableChanges] = field(default_factory=dict)
    kept: int = 0
    nodes: int = 0
    relationships: int = 0
    rows: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: int = 0

    def count(self, what: str) -> int:
        """Total ``added``, ``changed`` or ``removed`` over the tables."""
        return sum(getattr(t, what) for t in self.tables.values())

    @property
    def changes(self) -> bool:
        """True when the load changes what the store holds (records, or their sources)."""
        return any(
            (
                self.upsert_nodes,
                self.upsert_edges,
                self.remove_nodes,
                self.remove_edges,
                self.name_nodes,
                self.name_edges,
                self.unname_nodes,
                self.unname_edges,
            )
        )

    def table(self, name: str) -> TableChanges:
        """The changes of label or type ``name`` (created on first use)."""
        return self.tables.setdefault(name, TableChanges())

    def to_dict(self) -> dict[str, Any]:
        """Plain dict: totals and the tables with a change (the ``--json`` form)."""
        return {
            "added": self.count("added"),
            "changed": self.count("changed"),
            "removed": self.count("removed"),
            "kept": self.kept,
            "tables": {k: v.to_dict() for k, v in sorted(self.tables.items())},
        }


@dataclass
class Sources:
    """The records a ledger names in a store: id (or ``EdgeKey``) -> how many ledgers name it
    (this one included)."""

    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[EdgeKey, int] = field(default_factory=dict)


@dataclass
class _Gone:
    """The stored data of the records only this ledger names, taken out of the view."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: dict[EdgeKey, dict[str, Any]] = field(default_factory=dict)


def others_view(graph: nx.MultiDiGraph, sources: Sources) -> _Gone:
    """Take out of ``graph`` (in place) the records only this ledger names, returning their
    stored data (``plan`` compares against it)."""
    gone = _Gone()
    for key, count in sources.edges.items():
        rel, start, k, end = key
        edge = f"{rel}|{k}"
        if count == 1 and graph.has_edge(start, end, edge):
            gone.edges[key] = graph.edges[start, end, edge]
            graph.remove_edge(start, end, edge)
    for node, count in sources.nodes.items():
        if count == 1 and node in graph:
            for start, end, edge, data in graph.in_edges(node, keys=True, data=True):
                gone.edges[(data["type"], start, edge.partition("|")[2], end)] = data
            for start, end, edge, data in graph.out_edges(node, keys=True, data=True):
                gone.edges[(data["type"], start, edge.partition("|")[2], end)] = data
            gone.nodes[node] = graph.nodes[node]
            graph.remove_node(node)
    return gone


def plan(
    batch: GraphBatch,
    graph: nx.MultiDiGraph,
    gone: _Gone,
    sources: Sources,
    ledger: str,
    digest: str,
    rejected: bool,
) -> SyncPlan:
    """What loading ``batch`` (validated against ``graph``, the ``others_view``) changes.

    ``gone`` holds the records ``others_view`` took out; ``sources`` what the ledger named
    before; ``rejected`` whether rows were rejected (then only replaced references are
    removed, see the module docstring).
    """
    result = SyncPlan(ledger, digest)

    def stored_node(node: str) -> dict[str, Any] | None:
        data = gone.nodes.get(node)
        if data is None and node in graph:
            data = graph.nodes[node]
        return data

    def stored_edge(key: EdgeKey) -> dict[str, Any] | None:
        data = gone.edges.get(key)
        rel, start, k, end = key
        if data is None and graph.has_edge(start, end, f"{rel}|{k}"):
            data = graph.edges[start, end, f"{rel}|{k}"]
        return data

    labels = {n.id: n.label for n in batch.nodes}
    for node in batch.nodes:
        data = stored_node(node.id)
        if data is None:
            result.upsert_nodes.append(node)
            result.table(node.label).added += 1
            continue
        stored_label = str(data.get("label", ""))
        own = {
            p.name
            for label in (node.label, stored_label)
            if label in schema.LABELS
            for p in schema.LABELS[label].all_props
        }
        kept = {k: v for k, v in data.items() if k != "label" and k not in own}
        props = {**kept, **node.props}
        before = {k: v for k, v in data.items() if k != "label"}
        if stored_label != node.label:
            result.relabel_nodes.append((node.id, stored_label, node.label))
        if stored_label != node.label or before != props:
            result.upsert_nodes.append(NodeRecord(node.label, node.id, props))
            if stored_label != node.label or not _only_source(before, props):
                result.table(node.label).changed += 1

    def label_of(node: str) -> str:
        if node in labels:
            return labels[node]
        data = stored_node(node)
        return str(data.get("label", "")) if data else ""

    named_edges: set[EdgeKey] = set()
    for edge in batch.edges:
        key = edge_key(edge)
        named_edges.add(key)
        data = stored_edge(key)
        if data is None:
            result.upsert_edges.append(edge)
            result.table(edge.type).added += 1
        elif (before := {k: v for k, v in data.items() if k != "type"}) != edge.props:
            result.upsert_edges.append(edge)
            if not _only_source(before, edge.props):
                result.table(edge.type).changed += 1

    named_nodes = set(labels) | {end for e in batch.edges for end in (e.start, e.end)}
    for nid in sorted(named_nodes - set(sources.nodes)):
        result.name_nodes.append((nid, label_of(nid)))
    for key in sorted(named_edges - set(sources.edges)):
        result.name_edges.append((key, label_of(key[1]), label_of(key[3])))

    removed_nodes: set[str] = set()
    for nid, count in sorted(sources.nodes.items()):
        if nid in named_nodes:
            continue
        if rejected:
            result.kept += 1
        elif count > 1:
            result.unname_nodes.append((nid, label_of(nid)))
        else:
            removed_nodes.add(nid)
            result.remove_nodes.append((nid, label_of(nid)))
            result.table(label_of(nid)).removed += 1
    for key in gone.edges:
        # relationships that go with a removed node, whoever named them
        if (key[1] in removed_nodes or key[3] in removed_nodes) and key not in sources.edges:
            result.table(key[0]).removed += 1
    for key, count in sorted(sources.edges.items()):
        if key in named_edges:
            continue
        rel, start, _, end = key
        ends = (label_of(start), label_of(end))
        if start in removed_nodes or end in removed_nodes:
            result.table(rel).removed += 1  # goes with its node
        elif rejected and not _replaced(key, ends, set(labels)):
            result.kept += 1
        elif count > 1:
            result.unname_edges.append((key, *ends))
        else:
            result.remove_edges.append((key, *ends))
            result.table(rel).removed += 1
    return result


def _only_source(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """True when ``before`` and ``after`` differ only in ``source`` (the row a record was read
    from moved: rewritten, not counted as a change)."""
    return {k: v for k, v in before.items() if k != "source"} == {
        k: v for k, v in after.items() if k != "source"
    }


def _replaced(key: EdgeKey, ends: tuple[str, str], rows: set[str]) -> bool:
    """True when ``key`` is a reference that a valid node row of this load states (it has
    been replaced by what the row says now)."""
    rel, start, _, end = key
    return ((ends[0], rel, False) in _REF_SIDES and start in rows) or (
        (ends[1], rel, True) in _REF_SIDES and end in rows
    )
