"""The embedded store: the co-governance graph in one SQLite database file (stdlib ``sqlite3``).

The file can be opened by any SQLite tool; ``docs/store.md`` documents its tables. Properties
are JSON objects in a ``props`` column (values are the JSON types of ``graphmodel.records``),
so the file holds data only: nothing in it can run code.

Why these settings:

- WAL journal: readers never wait for a writer, and a writer never waits for readers.
- ``foreign_keys = ON``: a relationship cannot name a missing node, and removing a node
  removes its relationships and its source rows (``ON DELETE CASCADE``).
- Every write is one transaction begun ``IMMEDIATE``: it takes the write lock first, so two
  writers are serialised: the second waits up to ``timeout`` seconds (SQLite's busy timeout)
  and then fails with ``StoreBusy``. A failed write rolls back whole.
- ``synchronous = NORMAL``: with WAL, a crash of the process never loses a committed load; a
  power cut may lose the last one, never corrupt the file.

A read of a store whose file does not exist raises ``MissingStore`` (a mistyped ``--db`` must
not read as an empty graph); a file that is not a SQLite database of this format, such as the
JSON file of earlier versions, raises ``StoreError`` saying what to do.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from graphmodel import graphview
from graphmodel.errors import MissingStore, OldStoreFormat, StoreBusy, StoreError
from graphmodel.records import GraphBatch, chunks
from graphmodel.store.base import LoadRecord, Partner, Progress, Stats, Store
from graphmodel.sync import EdgeKey, Sources, SyncPlan

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FORMAT", "SCHEMA", "VERSION", "EmbeddedStore"]

FORMAT = "graphmodel-embedded"
VERSION = 3
"""Version 1 was a JSON file; 2 the first SQLite format; 3 adds the write generation and the
loads' ledger counts (``unchanged``)."""

DEFAULT_TIMEOUT = 120.0
"""Seconds a write waits for another process's write to finish before failing."""

SQLITE_MAGIC = b"SQLite format 3\x00"
_PARAMS = 500
"""Ids per ``IN (...)`` list, well under SQLite's limit of bound parameters."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
    id    TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    props TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS nodes_label ON nodes (label);
CREATE TABLE IF NOT EXISTS relationships (
    id       INTEGER PRIMARY KEY,
    type     TEXT NOT NULL,
    start_id TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    end_id   TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    key      TEXT NOT NULL DEFAULT '',
    props    TEXT NOT NULL DEFAULT '{}',
    UNIQUE (start_id, type, key, end_id)
);
CREATE INDEX IF NOT EXISTS relationships_end ON relationships (end_id);
CREATE INDEX IF NOT EXISTS relationships_type ON relationships (type);
CREATE TABLE IF NOT EXISTS ledgers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS node_sources (
    node   TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    ledger INTEGER NOT NULL REFERENCES ledgers (id),
    PRIMARY KEY (node, ledger)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS node_sources_ledger ON node_sources (ledger);
CREATE TABLE IF NOT EXISTS relationship_sources (
    relationship INTEGER NOT NULL REFERENCES relationships (id) ON DELETE CASCADE,
    ledger       INTEGER NOT NULL REFERENCES ledgers (id),
    PRIMARY KEY (relationship, ledger)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS relationship_sources_ledger ON relationship_sources (ledger);
CREATE TABLE IF NOT EXISTS loads (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    ledger  INTEGER NOT NULL REFERENCES ledgers (id),
    hash    TEXT NOT NULL,
    added   INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    removed INTEGER NOT NULL,
    tables  TEXT NOT NULL DEFAULT '{}',
    nodes         INTEGER NOT NULL DEFAULT 0,
    relationships INTEGER NOT NULL DEFAULT 0,
    rows          TEXT NOT NULL DEFAULT '{}',
    problems      INTEGER NOT NULL DEFAULT 0,
    generation    INTEGER NOT NULL DEFAULT 0
);
"""
"""The tables (``docs/store.md`` explains each)."""


class EmbeddedStore(Store):
    """A store kept in the SQLite file at ``path`` (created by the first write).

    ``timeout``: seconds a write waits for another writer before raising ``StoreBusy``.
    """

    def __init__(self, path: str | os.PathLike[str], timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._conn: sqlite3.Connection | None = None
        self._in_tx = False
        self._graph: nx.MultiDiGraph | None = None

    # -- connection and transactions -------------------------------------------------------

    def close(self) -> None:
        """Close the database connection (a later call reopens it)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def exists(self) -> bool:
        """True when the store's file exists (it may still be of another format)."""
        return self.path.is_file()

    def _connect(self, create: bool) -> sqlite3.Connection:
        """The open connection; opening checks the format, and ``create`` makes the file."""
        if self._conn is not None:
            return self._conn
        if not self.exists or (not create and self.path.stat().st_size == 0):
            if not create:
                _refuse_missing(self.path)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError("embedded_no_folder", path=self.path, error=e) from e
        else:
            _check_header(self.path)
        try:
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        except sqlite3.Error as e:
            raise StoreError("embedded_failed", action="open", path=self.path, reason=str(e)) from e
        try:
            with self._errors(conn, "open"):
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA synchronous = NORMAL")
                if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                _init_or_check(conn, self.path)
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        return conn

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[sqlite3.Connection | None]:
        """One transaction around everything done inside (nested calls join it).

        ``write`` begins ``IMMEDIATE`` (takes the write lock now, waiting for another writer
        up to ``timeout``), creating the file if needed; otherwise a read transaction, and
        ``None`` when the file does not exist (a dry run on a new store writes nothing).
        Commits at the end, rolls back on any exception.
        """
        if self._in_tx:
            yield self._conn
            return
        if not write and not self.exists:
            yield None
            return
        conn = self._connect(create=write)
        with self._errors(conn, "begin"):
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        self._in_tx = True
        try:
            yield conn
        except BaseException:
            self._in_tx = False
            conn.execute("ROLLBACK")
            self._graph = None
            raise
        self._in_tx = False
        with self._errors(conn, "commit"):
            conn.execute("COMMIT")

    @contextmanager
    def _errors(self, conn: sqlite3.Connection, doing: str) -> Iterator[None]:
        """Re-raise SQLite's errors as the project's, saying what to do; ``doing`` is what
        was being done (``open``, ``begin``, ``commit``, ``write``, ``clear``, ``read``: the
        vocabulary's store actions)."""
        try:
            yield
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise StoreBusy(self.path, self.timeout) from e
            raise StoreError("embedded_failed", action=doing, path=self.path, reason=str(e)) from e
        except sqlite3.DatabaseError as e:
            raise StoreError("embedded_failed", action=doing, path=self.path, reason=str(e)) from e

    # -- writes ----------------------------------------------------------------------------

    def write(self, batch: GraphBatch, progress: Progress | None = None) -> None:
        """Merge ``batch`` (see ``Store.write``) in one transaction."""
        self._graph = None
        with self.transaction() as conn:
            assert conn is not None
            with self._errors(conn, "write"):
                self._check_ends(conn, batch)
                conn.executemany(
                    "INSERT INTO nodes (id, label, props) VALUES (?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET label = excluded.label, "
                    "props = json_patch(props, excluded.props)",
                    ((n.id, n.label, _dumps(n.props)) for n in batch.nodes),
                )
                if progress:
                    progress(len(batch.nodes))
                conn.executemany(
                    "INSERT INTO relationships (type, start_id, end_id, key, props) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (start_id, type, key, end_id) "
                    "DO UPDATE SET props = json_patch(props, excluded.props)",
                    ((e.type, e.start, e.end, e.key, _dumps(e.props)) for e in batch.edges),
                )
                if progress:
                    progress(len(batch.edges))
                _bump(conn)

    def set_node_props(self, props: dict[str, dict[str, Any]]) -> None:
        """Merge ``props[id]`` into each listed node's properties in one transaction; a value
        of ``None`` removes the property (as ``SET n += {p: null}`` does in Neo4j)."""
        self._graph = None
        with self.transaction() as conn:
            assert conn is not None
            with self._errors(conn, "write"):
                missing = sorted(set(props) - _existing(conn, props))
                if missing:
                    raise StoreError("store_no_node", node=missing[0], more=len(missing) - 1)
                conn.executemany(
                    "UPDATE nodes SET props = json_patch(props, ?) WHERE id = ?",
                    (
                        (json.dumps(values, ensure_ascii=False), node)
                        for node, values in props.items()
                    ),
                )
                _bump(conn)

    def clear(self) -> None:
        """Remove every node and relationship, and the load history (the file is kept)."""
        self._graph = None
        with self.transaction() as conn:
            assert conn is not None
            with self._errors(conn, "clear"):
                for table in ("relationship_sources", "node_sources", "relationships"):
                    conn.execute(f"DELETE FROM {table}")
                for table in ("nodes", "loads", "ledgers"):
                    conn.execute(f"DELETE FROM {table}")
                _bump(conn)

    def _check_ends(self, conn: sqlite3.Connection, batch: GraphBatch) -> None:
        """Raise ``StoreError`` if a relationship names a node neither in ``batch`` nor stored."""
        ids = {n.id for n in batch.nodes}
        ends = {end for e in batch.edges for end in (e.start, e.end)} - ids
        found = _existing(conn, ends)
        for e in batch.edges:
            for end in (e.start, e.end):
                if end not in ids and end not in found:
                    raise StoreError(
                        "store_no_end", type=e.type, start=e.start, end=e.end, node=end, more=0
                    )

    # -- reads -----------------------------------------------------------------------------

    def graph(self) -> nx.MultiDiGraph:
        """The graph view (see ``store.base``), read once and then kept until a write.

        Raises ``MissingStore`` when the file does not exist.
        """
        if self._graph is None:
            with self.transaction(write=False) as conn:
                if conn is None:
                    _refuse_missing(self.path)
                self._graph = _read_graph(conn)
        return self._graph

    def graph_or_empty(self) -> nx.MultiDiGraph:
        """A fresh graph view the caller may change, or an empty graph when the store does
        not exist yet (what a load validates against)."""
        import networkx as nx

        with self.transaction(write=False) as conn:
            return nx.MultiDiGraph() if conn is None else _read_graph(conn)

    def sources(self, ledger: str) -> Sources:
        """See ``Store.sources``."""
        found = Sources()
        with self.transaction(write=False) as conn:
            if conn is None:
                return found
            with self._errors(conn, "read"):
                found.nodes = dict(
                    conn.execute(
                        "SELECT s.node, (SELECT count(*) FROM node_sources c WHERE c.node = s.node) "
                        "FROM node_sources s JOIN ledgers l ON l.id = s.ledger WHERE l.name = ?",
                        (ledger,),
                    )
                )
                found.edges = {
                    (rel, start, key, end): count
                    for rel, start, key, end, count in conn.execute(
                        "SELECT r.type, r.start_id, r.key, r.end_id, "
                        "(SELECT count(*) FROM relationship_sources c WHERE c.relationship = r.id) "
                        "FROM relationship_sources s JOIN ledgers l ON l.id = s.ledger "
                        "JOIN relationships r ON r.id = s.relationship WHERE l.name = ?",
                        (ledger,),
                    )
                }
        return found

    def apply(self, plan: SyncPlan, progress: Progress | None = None) -> None:
        """See ``Store.apply``: one transaction (joined when a load's is open)."""
        self._graph = None
        with self.transaction() as conn:
            assert conn is not None
            with self._errors(conn, "write"):
                _apply(conn, plan, progress)

    def unchanged(self, ledger: str, digest: str) -> LoadRecord | None:
        """See ``Store.unchanged``: the last load, when it was of ``ledger`` with ``digest``,
        had no problems, and no write has come since (the write generation it recorded is
        still the store's)."""
        with self.transaction(write=False) as conn:
            if conn is None:
                return None
            row = conn.execute(
                f"SELECT {_LOAD_COLUMNS}, loads.generation FROM loads "
                "JOIN ledgers ON ledgers.id = loads.ledger ORDER BY loads.id DESC LIMIT 1"
            ).fetchone()
            now = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        if row is None or now is None or row[-1] != int(now[0]):
            return None
        last = _load_record(row[:-1])
        if (last.ledger, last.hash, last.problems) != (ledger, digest, 0):
            return None
        return last

    def history(self) -> list[LoadRecord]:
        """See ``Store.history``; raises ``MissingStore`` when the file does not exist."""
        with self.transaction(write=False) as conn:
            if conn is None:
                _refuse_missing(self.path)
            assert conn is not None
            rows = conn.execute(
                f"SELECT {_LOAD_COLUMNS} FROM loads "
                "JOIN ledgers ON ledgers.id = loads.ledger ORDER BY loads.id"
            ).fetchall()
        return [_load_record(row) for row in rows]

    def stats(self) -> Stats:
        """See ``Store.stats``."""
        return graphview.stats(self.graph())

    def partners(self, ref: str) -> list[Partner]:
        """See ``Store.partners``."""
        return graphview.partners(self.graph(), ref)


_LOAD_COLUMNS = (
    "at, name, hash, added, changed, removed, tables, nodes, relationships, rows, problems"
)


def _load_record(row: tuple[Any, ...]) -> LoadRecord:
    """A ``LoadRecord`` from the columns ``_LOAD_COLUMNS``."""
    at, name, digest, added, changed, removed, tables, nodes, rels, rows, problems = row
    return LoadRecord(
        at,
        name,
        digest,
        added,
        changed,
        removed,
        json.loads(tables),
        nodes,
        rels,
        {k: tuple(v) for k, v in json.loads(rows).items()},
        problems,
    )


def _bump(conn: sqlite3.Connection) -> int:
    """Count one more write in the store (``meta.generation``) and return the new count."""
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
    return int(conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])


_EDGE = "start_id = ? AND type = ? AND key = ? AND end_id = ?"
"""A relationship by its identity; parameters ``_edge_params``."""


def _edge_params(key: EdgeKey) -> tuple[str, str, str, str]:
    rel, start, k, end = key
    return (start, rel, k, end)


def _apply(conn: sqlite3.Connection, plan: SyncPlan, progress: Progress | None) -> None:
    """Write ``plan`` on ``conn`` (inside the caller's transaction)."""
    conn.execute("INSERT OR IGNORE INTO ledgers (name) VALUES (?)", (plan.ledger,))
    (ledger,) = conn.execute("SELECT id FROM ledgers WHERE name = ?", (plan.ledger,)).fetchone()
    conn.executemany(
        f"DELETE FROM relationships WHERE {_EDGE}",
        (_edge_params(k) for k, _, _ in plan.remove_edges),
    )
    conn.executemany("DELETE FROM nodes WHERE id = ?", ((n,) for n, _ in plan.remove_nodes))
    conn.executemany(
        "INSERT INTO nodes (id, label, props) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE "
        "SET label = excluded.label, props = excluded.props",
        ((n.id, n.label, _dumps(n.props)) for n in plan.upsert_nodes),
    )
    if progress:
        progress(len(plan.upsert_nodes))
    conn.executemany(
        "INSERT INTO relationships (type, start_id, end_id, key, props) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (start_id, type, key, end_id) DO UPDATE SET props = excluded.props",
        ((e.type, e.start, e.end, e.key, _dumps(e.props)) for e in plan.upsert_edges),
    )
    if progress:
        progress(len(plan.upsert_edges))
    conn.executemany(
        "INSERT OR IGNORE INTO node_sources (node, ledger) VALUES (?, ?)",
        ((n, ledger) for n, _ in plan.name_nodes),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO relationship_sources (relationship, ledger) "
        f"SELECT id, ? FROM relationships WHERE {_EDGE}",
        ((ledger, *_edge_params(k)) for k, _, _ in plan.name_edges),
    )
    conn.executemany(
        "DELETE FROM node_sources WHERE node = ? AND ledger = ?",
        ((n, ledger) for n, _ in plan.unname_nodes),
    )
    conn.executemany(
        "DELETE FROM relationship_sources WHERE ledger = ? AND relationship = "
        f"(SELECT id FROM relationships WHERE {_EDGE})",
        ((ledger, *_edge_params(k)) for k, _, _ in plan.unname_edges),
    )
    tables = json.dumps(plan.to_dict()["tables"], ensure_ascii=False)
    conn.execute(
        "INSERT INTO loads (at, ledger, hash, added, changed, removed, tables, nodes, "
        "relationships, rows, problems, generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            ledger,
            plan.hash,
            plan.count("added"),
            plan.count("changed"),
            plan.count("removed"),
            tables,
            plan.nodes,
            plan.relationships,
            json.dumps(plan.rows, ensure_ascii=False),
            plan.problems,
            _bump(conn),
        ),
    )


def _read_graph(conn: sqlite3.Connection) -> nx.MultiDiGraph:
    """Every node and relationship as a graph view. Empty ``props`` are not parsed (most
    relationships have none)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    loads = json.loads
    g.add_nodes_from(
        (node, {"label": label, **loads(props)} if props != "{}" else {"label": label})
        for node, label, props in conn.execute("SELECT id, label, props FROM nodes")
    )
    g.add_edges_from(
        (
            start,
            end,
            f"{rel}|{key}",
            {"type": rel, **loads(props)} if props != "{}" else {"type": rel},
        )
        for rel, start, end, key, props in conn.execute(
            "SELECT type, start_id, end_id, key, props FROM relationships"
        )
    )
    return g


def _existing(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are stored nodes."""
    found: set[str] = set()
    for part in chunks(sorted(ids), _PARAMS):
        marks = ",".join("?" * len(part))
        query = f"SELECT id FROM nodes WHERE id IN ({marks})"
        found.update(row[0] for row in conn.execute(query, part))
    return found


def _dumps(props: dict[str, Any]) -> str:
    return json.dumps(props, ensure_ascii=False, separators=(",", ":")) if props else "{}"


def _refuse_missing(path: Path) -> NoReturn:
    """Raise ``MissingStore``, or ``OldStoreFormat`` when the JSON store of an earlier version
    sits beside the missing file (``graph.json`` next to the default ``graph.db``)."""
    old = path.with_suffix(".json")
    if old != path and old.is_file():
        raise OldStoreFormat(old)
    raise MissingStore(path)


def _check_header(path: Path) -> None:
    """Refuse a file that is not a SQLite database, naming the older JSON format if it is."""
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if head == SQLITE_MAGIC or not head:
        return
    if head.lstrip()[:1] == b"{" or head[:2] == b"\x1f\x8b":
        raise OldStoreFormat(path)
    raise StoreError("embedded_not_sqlite", path=path)


def _init_or_check(conn: sqlite3.Connection, path: Path) -> None:
    """Create the tables in a new database; check the format of an existing one."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) "
                "VALUES ('format', ?), ('version', ?), ('generation', '0')",
                (FORMAT, str(VERSION)),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return
    meta = dict(conn.execute("SELECT key, value FROM meta")) if "meta" in tables else {}
    if meta.get("format") != FORMAT:
        raise StoreError("embedded_foreign", path=path)
    if meta.get("version") != str(VERSION):
        raise StoreError("embedded_version", path=path, version=meta.get("version"), reads=VERSION)
