"""The project's exceptions. The CLI turns each into a one-line message and a non-zero exit."""

from __future__ import annotations

__all__ = [
    "AmbiguousName",
    "GraphmodelError",
    "LedgerError",
    "NotFound",
    "StoreError",
    "StoreUnavailable",
]


class GraphmodelError(Exception):
    """Base class: an error a user can act on, with a message that says how."""


class LedgerError(GraphmodelError):
    """A ledger cannot be read at all (missing file, unknown format, no known table)."""


class StoreError(GraphmodelError):
    """A store cannot be read or written (corrupt file, rejected write)."""


class StoreUnavailable(StoreError):
    """The store cannot be reached: Neo4j is down, or the credentials are wrong."""


class NotFound(GraphmodelError):
    """No record has the given id or name."""


class AmbiguousName(GraphmodelError):
    """Several records have the given name; ``candidates`` lists them as (id, label, context)."""

    def __init__(self, name: str, candidates: list[tuple[str, str, str]]) -> None:
        self.name = name
        self.candidates = candidates
        listed = "; ".join(
            f"{cid} ({label}{', ' + ctx if ctx else ''})" for cid, label, ctx in candidates
        )
        super().__init__(f"'{name}' names {len(candidates)} records, use an id: {listed}")
