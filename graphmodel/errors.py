"""The project's exceptions. The CLI turns each into a one-line message and a non-zero exit."""

from __future__ import annotations

__all__ = [
    "AmbiguousName",
    "EmptyStore",
    "GraphmodelError",
    "GraphmodelWarning",
    "LedgerError",
    "MissingStore",
    "NotFound",
    "OldStoreFormat",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
]


class GraphmodelError(Exception):
    """Base class: an error a user can act on, with a message that says how."""


class GraphmodelWarning(UserWarning):
    """Base class: something a user should know that does not stop the command; the CLI prints
    it as one line (``graphmodel.cli.group``)."""


class LedgerError(GraphmodelError):
    """A ledger cannot be read at all (missing file, unknown format, no known table)."""


class StoreError(GraphmodelError):
    """A store cannot be read or written (corrupt file, rejected write)."""


class StoreUnavailable(StoreError):
    """The store cannot be reached: Neo4j is down, or the credentials are wrong."""


MISSING_STORE = "no store at {path}: run graphmodel load first"
OLD_STORE_FORMAT = (
    "{path} is a store in the older JSON format, which this graphmodel no longer reads: "
    "load the ledgers again (graphmodel load LEDGER --db FILE.db), then delete {path}"
)
STORE_BUSY = (
    "the store {path} is being written by another graphmodel load and stayed busy for "
    "{timeout:g} s; nothing was written: run this command again"
)
"""Message templates of the store errors below (one place, for translation)."""


class MissingStore(StoreError):
    """A read names an embedded store whose file does not exist (a mistyped ``--db`` must not
    read as an empty graph)."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(MISSING_STORE.format(path=path))


class OldStoreFormat(StoreError):
    """The file is an embedded store of an earlier, JSON format."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(OLD_STORE_FORMAT.format(path=path))


class StoreBusy(StoreError):
    """Another process held the store's write lock for longer than the busy timeout."""

    def __init__(self, path: object, timeout: float) -> None:
        self.path = path
        super().__init__(STORE_BUSY.format(path=path, timeout=timeout))


class EmptyStore(StoreError):
    """The store holds nothing yet: a ledger must be loaded before anything can be asked."""

    def __init__(self) -> None:
        super().__init__(
            "the store is empty: load a ledger first (graphmodel load 台账.xlsx, "
            "or graphmodel load for the seed dataset)"
        )


class NotFound(GraphmodelError):
    """No record has the given id or name. ``ref`` is the reference, ``labels`` the kinds of
    record looked at and ``suggestions`` the closest names (``graphmodel.suggest``); all three
    are empty when the error is about something else than a name."""

    def __init__(
        self,
        message: str,
        *,
        ref: str = "",
        labels: tuple[str, ...] = (),
        suggestions: list[str] | None = None,
    ) -> None:
        self.ref = ref
        self.labels = labels
        self.suggestions = list(suggestions or [])
        if self.suggestions:
            message += "; did you mean: " + ", ".join(self.suggestions)
        super().__init__(message)

    @classmethod
    def name(cls, ref: str, labels: tuple[str, ...], suggestions: list[str]) -> NotFound:
        """No record of ``labels`` has the id or name ``ref``; ``suggestions`` are close."""
        return cls(
            f"no {' / '.join(labels)} has the id or name '{ref}'",
            ref=ref,
            labels=labels,
            suggestions=suggestions,
        )


class AmbiguousName(GraphmodelError):
    """Several records have the given name; ``candidates`` lists them as (id, label, context)."""

    def __init__(self, name: str, candidates: list[tuple[str, str, str]]) -> None:
        self.name = name
        self.candidates = candidates
        listed = "; ".join(
            f"{cid} ({label}{', ' + ctx if ctx else ''})" for cid, label, ctx in candidates
        )
        super().__init__(f"'{name}' names {len(candidates)} records, use an id: {listed}")
