"""Validated records: what the ledger layer hands to a store, and what a store writes.

Data flows one way: ledger rows -> ``NodeRecord`` / ``EdgeRecord`` -> store -> graph view.
Property values are plain JSON types: ``str``, ``int``, ``float``, ``bool``, a list of ``str``,
with dates as ISO ``YYYY-MM-DD`` strings. ``None`` means "not given" and is never stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["EdgeRecord", "GraphBatch", "NodeRecord", "edge_id"]


@dataclass(frozen=True)
class NodeRecord:
    """A node: its label, its graph-wide unique id, and its properties (without ``id``)."""

    label: str
    id: str
    props: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class EdgeRecord:
    """A relationship from node ``start`` to node ``end`` (ids), told apart by ``key``."""

    type: str
    start: str
    end: str
    key: str = ""
    props: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def edge_id(edge: EdgeRecord) -> str:
    """The key under which the embedded store keeps ``edge`` between its two nodes."""
    return f"{edge.type}|{edge.key}"


@dataclass
class GraphBatch:
    """Nodes and relationships to write together, nodes first."""

    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.nodes) + len(self.edges)

    def extend(self, other: GraphBatch) -> None:
        """Append the nodes and relationships of ``other``."""
        self.nodes.extend(other.nodes)
        self.edges.extend(other.edges)

    def by_label(self) -> dict[str, list[NodeRecord]]:
        """Nodes grouped by label, in first-seen order."""
        return _group(self.nodes, lambda n: n.label)

    def by_type(self) -> dict[str, list[EdgeRecord]]:
        """Relationships grouped by type, in first-seen order."""
        return _group(self.edges, lambda e: e.type)


def _group(items: Iterable[Any], key: Any) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive slices of ``items`` of at most ``size`` elements."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
