"""The interface both stores implement, and the shapes of what they answer.

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
from typing import Any

import networkx as nx

from graphmodel.records import GraphBatch

__all__ = ["AreaStats", "Partner", "Progress", "Stats", "Store"]

Progress = Callable[[int], None]
"""Called with the number of records just written, so a caller can advance a progress bar."""


@dataclass
class AreaStats:
    """Figures for one district or street.

    - ``communities``: communities (社区 and 村) in the area.
    - ``paired_communities``: those whose party organization has at least one ``PAIRED_WITH``
      (whatever its dates).
    - ``pairings``: ``PAIRED_WITH`` relationships whose community-side organization belongs to a
      community in the area.
    - ``committees``: committees that cover the area or a community in it.
    - ``social_orgs``: social organizations that serve at least one community in the area.
    - ``streets``: streets in the area (0 for a street).
    """

    id: str
    name: str
    parent: str = ""
    streets: int = 0
    communities: int = 0
    paired_communities: int = 0
    pairings: int = 0
    committees: int = 0
    social_orgs: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class Stats:
    """Counts per label and relationship type, and figures per district and per street."""

    labels: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    districts: list[AreaStats] = field(default_factory=list)
    streets: list[AreaStats] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {
            "labels": dict(sorted(self.labels.items())),
            "relationships": dict(sorted(self.relationships.items())),
            "districts": [a.to_dict() for a in self.districts],
            "streets": [a.to_dict() for a in self.streets],
        }


@dataclass(frozen=True)
class Partner:
    """One pairing seen from one side.

    ``org_id``/``org_name`` are the party organization on the asked side; ``partner_*`` the
    party organization on the other side, and ``owner_*`` the unit or community it belongs to
    (empty when it belongs to none).
    """

    org_id: str
    org_name: str
    partner_id: str
    partner_name: str
    owner_id: str
    owner_name: str
    owner_label: str
    kind: str
    since: str
    until: str
    agreement: str

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
    def clear(self) -> None:
        """Remove every node and relationship."""

    def close(self) -> None:
        """Release connections or files (nothing to do by default)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
