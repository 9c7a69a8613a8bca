"""The interface both stores implement. The shapes of what they answer (``AreaStats``,
``Stats``, ``Partner``) are defined in ``graphmodel.graphview`` and re-exported here.

A store holds one co-governance graph. Writes are merges: a node is identified by its ``id``,
a relationship by (start, type, key, end); writing a record that exists updates its properties
(``+=``, so properties the record does not carry are kept), so writing the same batch twice
leaves the same graph.

``graph()`` is the *graph view* every analysis works on: a ``networkx.MultiDiGraph`` whose nodes
are ids with attributes ``label`` plus the node's properties, and whose edges are keyed
``"TYPE|key"`` (``records.edge_id``) with attributes ``type`` plus the relationship's
properties. Both stores return equal views for the same ledger.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.graphview import AreaStats, Partner, Stats
from graphmodel.records import GraphBatch

if TYPE_CHECKING:
    import networkx as nx
    from typing_extensions import Self

    from graphmodel.sync import Sources, SyncPlan

__all__ = ["AreaStats", "LoadRecord", "Partner", "Progress", "Stats", "Store"]

Progress = Callable[[int], None]
"""Called with the number of records just written, so a caller can advance a progress bar."""


@dataclass(frozen=True)
class LoadRecord:
    """One load in a store's history: when (UTC, ISO 8601), which ledger, the SHA-256 of its
    files, and the records it added, changed and removed (``tables``: per label and
    relationship type, as ``SyncPlan.to_dict``); and what the ledger held: its valid nodes and
    relationships, (read, rejected) rows per ledger table, and its problems (errors and
    warnings)."""

    at: str
    ledger: str
    hash: str
    added: int
    changed: int
    removed: int
    tables: dict[str, dict[str, int]] = field(default_factory=dict)
    nodes: int = 0
    relationships: int = 0
    rows: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


class Store(ABC):
    """A co-governance graph that can be written to, viewed as NetworkX, and asked questions."""

    @abstractmethod
    def write(self, batch: GraphBatch, progress: Progress | None = None) -> None:
        """Merge ``batch`` into the store, nodes before relationships.

        Raises ``StoreError`` if a relationship names a node that is neither in the batch nor
        in the store; the store is then left as it was before the call.
        """

    @abstractmethod
    def graph(self) -> nx.MultiDiGraph:
        """The whole graph as a graph view (see the module docstring)."""

    @property
    def exists(self) -> bool:
        """False when the store has not been created yet (an embedded store's missing file)."""
        return True

    def graph_or_empty(self) -> nx.MultiDiGraph:
        """The graph view, or an empty graph where the store does not exist yet (what a load
        validates against); reads use ``graph``, which refuses a missing store."""
        return self.graph()

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[object]:
        """Everything done inside is one transaction of the store, when the store has them
        across calls (the embedded store: reads and the write of one load, under the write
        lock when ``write``). Nothing by default."""
        yield None

    @abstractmethod
    def stats(self) -> Stats:
        """Counts per label and relationship type, and the figures of ``AreaStats``."""

    @abstractmethod
    def partners(self, ref: str) -> list[Partner]:
        """The pairings of the community, unit, social organization or party organization
        named by ``ref`` (an id, or a name that is unique among those labels).

        For a community or unit, the pairings of every party organization that belongs to it.
        Sorted by partner name, then since. Raises ``NotFound`` or ``AmbiguousName``.
        """

    @abstractmethod
    def set_node_props(self, props: dict[str, dict[str, Any]]) -> None:
        """Merge ``props[id]`` into the properties of each listed node, all or nothing; a value
        of ``None`` removes the property (as ``SET n += {p: null}`` does in Neo4j). Raises
        ``StoreError`` and writes nothing if a listed node does not exist. The write-back of
        analysis results (``graphmodel.writeback``) goes through it."""

    @abstractmethod
    def sources(self, ledger: str) -> Sources:
        """The records ``ledger`` names, each with how many ledgers name it (see ``sync``)."""

    @abstractmethod
    def apply(self, plan: SyncPlan, progress: Progress | None = None) -> None:
        """Write ``plan`` and add it to the load history, in one transaction: all or nothing."""

    def unchanged(self, ledger: str, digest: str) -> LoadRecord | None:
        """The last load when reloading ``ledger`` (content hash ``digest``) can change
        nothing: that load was of this ledger with this hash, had no problems, and nothing
        has written to the store since. ``None`` otherwise, and always for a store that does
        not count its writes (the load then validates and compares as usual)."""
        return None

    @abstractmethod
    def history(self) -> list[LoadRecord]:
        """Every load ``apply`` recorded, oldest first."""

    @abstractmethod
    def clear(self) -> None:
        """Remove every node and relationship."""

    def close(self) -> None:
        """Release connections or files (nothing to do by default)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
