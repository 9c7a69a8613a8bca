"""The Neo4j store: the co-governance graph in a Neo4j 5 server, through the official driver.

Writes: the constraints and indexes of ``cypher/schema/`` first (``IF NOT EXISTS``), then
``UNWIND $rows ... MERGE`` in batches of ``batch_size`` rows, all of one ``write`` or one load
(``apply``) in **one explicit transaction**, so that a failure part-way (a value Neo4j refuses,
a lost connection) leaves the previous state: nodes label by label, then relationships
grouped by (type, start label, end label) so that both endpoint MATCHes use the id
constraint's index. Before anything is written, every relationship's endpoints are looked up;
a missing one raises ``StoreError`` and nothing is written. (Analysis write-back,
``set_node_props``, still commits batch by batch: each batch is whole on its own.)

A load's sync (``graphmodel.sync``) keeps the ledgers that name each record in its ``ledgers``
property, and its history in ``GraphmodelLoad`` nodes, which carry no schema label and so
stay out of the graph view and the statistics.

Labels and relationship types cannot be Cypher parameters, so the statements in
``cypher/load/`` carry placeholders that this module fills only with names from
``graphmodel.schema``'s closed set (``_label`` and ``_rel_type`` check them); every value
travels as a parameter.

Reads answer the same questions as the embedded store, in Cypher (``cypher/store/``): the graph
view (nodes keyed by id with ``label`` plus properties, relationships keyed ``"TYPE|key"`` with
``type`` plus properties; the ``key`` property becomes the edge key), ``stats`` and
``partners``, with the definitions of ``graphmodel.graphview``.

A load relabels a node whose label changed in place (``relabel_nodes``), first in its
transaction, so that an id stays one node; ``write`` (records written without a ledger) merges
on label and id, so writing an existing id under another label there creates a second node.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import networkx as nx
from neo4j import Driver, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graphmodel import cypher, schema
from graphmodel.connection import Connection, connection, open_driver
from graphmodel.errors import AmbiguousName, NotFound, StoreError, StoreUnavailable
from graphmodel.graphview import PARTNER_LABELS
from graphmodel.records import EdgeRecord, GraphBatch, chunks
from graphmodel.store.base import AreaStats, LoadRecord, Partner, Progress, Stats, Store
from graphmodel.suggest import closest
from graphmodel.sync import EdgeKey, Sources, SyncPlan

__all__ = ["DEFAULT_BATCH_SIZE", "SOURCES_PROP", "Neo4jStore"]

SOURCES_PROP = "ledgers"
"""The property that lists the ledgers naming a node or relationship (``graphmodel.sync``);
Browser shows it, the graph view leaves it out (the embedded store keeps it in tables)."""

DEFAULT_BATCH_SIZE = 1000
"""Rows per write transaction: large enough to amortise round trips, small enough to keep
a transaction's memory modest on a 1 GiB heap."""


class Neo4jStore(Store):
    """A store in the Neo4j 5 server that ``driver`` reaches (made by
    ``connection.open_driver``), described by ``where`` (its ``database``: the server's default
    if None; its URI and user name the server in error messages).

    The store owns ``driver`` from then on: ``close`` closes it. Connects at construction and
    raises ``StoreUnavailable`` (closing the driver) when the server is down or refuses the
    credentials.
    """

    def __init__(
        self, driver: Driver, where: Connection, batch_size: int = DEFAULT_BATCH_SIZE
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.uri = where.uri
        self.user = where.user
        self.database = where.database or None
        self.batch_size = batch_size
        self._schema_ready = False
        self._driver = driver
        try:
            with self._errors("connect"):
                driver.verify_connectivity()
        except StoreUnavailable:
            driver.close()
            raise

    @classmethod
    def connect(cls, where: Connection, batch_size: int = DEFAULT_BATCH_SIZE) -> Neo4jStore:
        """The store on ``where``, through a driver of its own (``connection.open_driver``)."""
        return cls(open_driver(where), where, batch_size)

    @classmethod
    def from_config(cls, config: Any) -> Neo4jStore:
        """Open the store a ``StoreConfig`` describes; each setting falls back to the
        environment and then to the project's local server (``graphmodel.connection``, which
        hands out the local password only for the local server's own address)."""
        c = connection(config.uri, config.user, config.password, config.database)
        return cls.connect(c)

    @property
    def driver(self) -> Driver:
        """The official driver this store talks through (for the query library)."""
        return self._driver

    def close(self) -> None:
        """Close the driver's connections."""
        self._driver.close()

    def ensure_schema(self) -> None:
        """Create the constraints and indexes of ``cypher/schema/`` unless they exist."""
        if self._schema_ready:
            return
        for name in ("schema/constraints", "schema/indexes"):
            for query in cypher.statements(name):
                self._write(query, {})
        self._schema_ready = True

    def write(self, batch: GraphBatch, progress: Progress | None = None) -> None:
        """Merge ``batch`` (see ``Store.write``) in one transaction; ``progress`` is called
        after every batch of rows."""
        labels = self._endpoint_labels(batch)
        self.ensure_schema()
        with self._transaction("write") as tx:
            for label, nodes in batch.by_label().items():
                query = cypher.statement("load/merge_nodes", label=_label(label))
                rows = [{"id": n.id, "props": n.props} for n in nodes]
                self._run_rows(tx, query, rows, progress)
            for (rel, start, end), rows in _edge_groups(batch.edges, labels).items():
                query = cypher.statement("load/merge_relationships", type=rel, start=start, end=end)
                self._run_rows(tx, query, rows, progress)

    def sources(self, ledger: str) -> Sources:
        """See ``Store.sources``: the ledgers are listed in each record's ``ledgers``."""
        found = Sources()
        found.nodes = {r["id"]: r["count"] for r in self._read("store/source_nodes", ledger=ledger)}
        found.edges = {
            (r["type"], r["start"], r["key"], r["end"]): r["count"]
            for r in self._read("store/source_relationships", ledger=ledger)
        }
        return found

    def apply(self, plan: SyncPlan, progress: Progress | None = None) -> None:
        """See ``Store.apply``: every statement of the load in one explicit transaction (one
        commit at the end; any failure rolls all of it back)."""
        upserts = GraphBatch(plan.upsert_nodes, plan.upsert_edges)
        labels = self._endpoint_labels(upserts)
        self.ensure_schema()
        with self._transaction("load") as tx:
            relabel: dict[tuple[str, str], list[str]] = {}
            for node, old, new in plan.relabel_nodes:
                relabel.setdefault((_label(old), _label(new)), []).append(node)
            for (old, new), ids in relabel.items():
                query = cypher.statement("load/relabel_nodes", old=old, new=new)
                self._run_rows(tx, query, ids, None, key="ids")
            for (rel, start, end), rows in _grouped(plan.remove_edges).items():
                query = cypher.statement(
                    "load/remove_relationships", type=rel, start=start, end=end
                )
                self._run_rows(tx, query, rows, None)
            for label, ids in _by_label(plan.remove_nodes).items():
                query = cypher.statement("load/remove_nodes", label=label)
                self._run_rows(tx, query, ids, None, key="ids")
            for label, nodes in upserts.by_label().items():
                query = cypher.statement("load/sync_nodes", label=_label(label))
                rows = [{"id": n.id, "props": n.props} for n in nodes]
                self._run_rows(tx, query, rows, progress)
            for (rel, start, end), rows in _edge_groups(upserts.edges, labels).items():
                query = cypher.statement("load/sync_relationships", type=rel, start=start, end=end)
                self._run_rows(tx, query, rows, progress)
            for add, named, edges in (
                (True, plan.name_nodes, plan.name_edges),
                (False, plan.unname_nodes, plan.unname_edges),
            ):
                params = {"ledger": plan.ledger, "add": add}
                for label, ids in _by_label(named).items():
                    query = cypher.statement("load/name_nodes", label=label)
                    self._run_rows(tx, query, ids, None, key="ids", params=params)
                for (rel, start, end), rows in _grouped(edges).items():
                    query = cypher.statement(
                        "load/name_relationships", type=rel, start=start, end=end
                    )
                    self._run_rows(tx, query, rows, None, params=params)
            tx.run(
                cypher.statement("load/record_load"),
                {
                    "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "seq": time.time_ns(),
                    "ledger": plan.ledger,
                    "hash": plan.hash,
                    "added": plan.count("added"),
                    "changed": plan.count("changed"),
                    "removed": plan.count("removed"),
                    "tables": json.dumps(plan.to_dict()["tables"], ensure_ascii=False),
                },
            ).consume()

    def history(self) -> list[LoadRecord]:
        """See ``Store.history``."""
        return [
            LoadRecord(**{**r, "tables": json.loads(r["tables"])})
            for r in self._read("store/history")
        ]

    def set_node_props(self, props: dict[str, dict[str, Any]]) -> None:
        """Merge ``props[id]`` into each listed node's properties.

        Raises ``StoreError`` and writes nothing if a listed node does not exist.
        """
        labels = self._find_labels(set(props))
        missing = sorted(set(props) - set(labels))
        if missing:
            raise StoreError("store_no_node", node=missing[0], more=len(missing) - 1)
        by_label: dict[str, list[dict[str, Any]]] = {}
        for node, values in props.items():
            by_label.setdefault(labels[node], []).append({"id": node, "props": values})
        for label, rows in by_label.items():
            query = cypher.statement("load/set_node_props", label=_label(label))
            self._write_rows(query, rows, None)

    def graph(self) -> nx.MultiDiGraph:
        """The whole graph as a graph view (see ``store.base``)."""
        g = nx.MultiDiGraph()
        for row in self._read("store/graph_nodes"):
            props = dict(row["props"])
            node = props.pop("id")
            props.pop(SOURCES_PROP, None)
            g.add_node(node, label=row["label"], **props)
        for row in self._read("store/graph_relationships"):
            props = dict(row["props"])
            props.pop(SOURCES_PROP, None)
            key = f"{row['type']}|{props.pop('key', '')}"
            g.add_edge(row["start"], row["end"], key=key, type=row["type"], **props)
        return g

    def stats(self) -> Stats:
        """See ``Store.stats``; answered in Cypher (``cypher/store/*_stats.cypher``)."""
        labels = {r["name"]: r["count"] for r in self._read("store/label_counts")}
        rels = {r["name"]: r["count"] for r in self._read("store/relationship_counts")}
        districts = [AreaStats(**r) for r in self._read("store/district_stats")]
        streets = [AreaStats(**r) for r in self._read("store/street_stats")]
        return Stats(
            labels,
            rels,
            sorted(districts, key=lambda a: a.id),
            sorted(streets, key=lambda a: a.id),
        )

    def partners(self, ref: str) -> list[Partner]:
        """See ``Store.partners``; resolves ``ref`` like ``graphview.resolve``."""
        node, label = self._resolve(ref)
        query = cypher.statement("store/partners", label=_label(label))
        rows = [
            Partner(**r)
            for r in self._read_query(query, {"id": node, "labels": list(schema.LABELS)})
        ]
        return sorted(rows, key=lambda p: (p.partner_name, p.since, p.partner_id, p.org_id))

    def clear(self) -> None:
        """Remove every node and relationship (constraints and indexes are kept)."""
        with self._errors("clear"), self._session() as session:
            session.run(cypher.statement("store/clear")).consume()

    def _resolve(self, ref: str) -> tuple[str, str]:
        """(id, label) of the node ``ref`` names: its id, else its unique name."""
        found = self._read("store/resolve", ref=ref)
        for row in found:
            if row["id"] == ref:
                return row["id"], row["label"]
        named = sorted((r for r in found if r["name"] == ref), key=lambda r: r["id"])
        if not named:
            rows = self._read("store/names", labels=list(PARTNER_LABELS))
            names = [r["name"] for r in rows if r["name"]]
            raise NotFound.name(ref, PARTNER_LABELS, closest(ref, names))
        if len(named) > 1:
            raise AmbiguousName(ref, [(r["id"], r["label"], r["context"]) for r in named])
        return named[0]["id"], named[0]["label"]

    def _endpoint_labels(self, batch: GraphBatch) -> dict[str, str]:
        """The label of every node the batch writes or its relationships name.

        Raises ``StoreError`` for an unknown label or type, or a relationship whose endpoint
        is neither in the batch nor in the store; this runs before anything is written.
        """
        labels = {n.id: _label(n.label) for n in batch.nodes}
        for e in batch.edges:
            _rel_type(e.type)
        elsewhere = {end for e in batch.edges for end in (e.start, e.end)} - set(labels)
        labels.update(self._find_labels(elsewhere))
        missing = [(e, end) for e in batch.edges for end in (e.start, e.end) if end not in labels]
        if missing:
            e, end = missing[0]
            raise StoreError(
                "store_no_end",
                type=e.type,
                start=e.start,
                end=e.end,
                node=end,
                more=len(missing) - 1,
            )
        return labels

    def _find_labels(self, ids: set[str]) -> dict[str, str]:
        """The label of each of ``ids`` that is a node in the store."""
        found: dict[str, str] = {}
        if not ids:
            return found
        wanted = sorted(ids)
        for label in schema.LABELS:
            query = cypher.statement("load/find_ids", label=_label(label))
            for row in self._read_query(query, {"ids": wanted}):
                found[row["id"]] = label
        return found

    def _write_rows(
        self, query: str, rows: list[dict[str, Any]], progress: Progress | None
    ) -> None:
        """``query`` over ``rows`` in batches, each its own transaction (analysis
        write-back, where each batch is whole on its own)."""
        for part in chunks(rows, self.batch_size):
            self._write(query, {"rows": part})
            if progress:
                progress(len(part))

    def _run_rows(
        self,
        tx: Any,
        query: str,
        rows: list[Any],
        progress: Progress | None,
        key: str = "rows",
        params: dict[str, Any] | None = None,
    ) -> None:
        """``query`` over ``rows`` in batches of ``batch_size``, inside ``tx``."""
        for part in chunks(rows, self.batch_size):
            tx.run(query, {**(params or {}), key: part}).consume()
            if progress:
                progress(len(part))

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[Any]:
        """One explicit transaction: committed when the block ends, rolled back (by the
        server, when the session closes) on any exception."""
        with self._errors(doing), self._session() as session:
            tx = session.begin_transaction()
            try:
                yield tx
            except BaseException:
                tx.close()
                raise
            tx.commit()

    def _write(self, query: str, params: dict[str, Any]) -> None:
        """Run ``query`` in one managed write transaction (retried on transient errors)."""

        def work(tx: Any) -> None:
            tx.run(query, params).consume()

        with self._errors("write"), self._session() as session:
            session.execute_write(work)

    def _read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run a read statement; ``$labels`` is the schema's label names, so a node's schema
        label is told apart from labels that analyses add (``HubHigh``)."""
        return self._read_query(cypher.statement(name), {"labels": list(schema.LABELS), **params})

    def _read_query(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        with self._errors("read"):
            records, _, _ = self._driver.execute_query(
                query, params, database_=self.database, routing_=RoutingControl.READ
            )
        return [r.data() for r in records]

    def _session(self) -> Any:
        return self._driver.session(database=self.database)

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Re-raise the driver's errors as the project's, with what to do about them."""
        try:
            yield
        except AuthError as e:
            raise StoreUnavailable(
                "neo4j_auth", uri=self.uri, user=self.user, code=e.code or ""
            ) from e
        except (ServiceUnavailable, SessionExpired) as e:
            raise StoreUnavailable(
                "neo4j_unreachable", uri=self.uri, reason=" ".join(str(e).split())
            ) from e
        except Neo4jError as e:
            raise StoreError("neo4j_failed", action=doing, reason=f"{e.message} [{e.code}]") from e
        except DriverError as e:
            raise StoreError("neo4j_failed", action=doing, reason=str(e)) from e


def _label(name: str) -> str:
    """``name`` if it is one of the schema's labels (the only names put into Cypher text)."""
    if name not in schema.LABELS:
        raise StoreError("store_label", name=name, known=list(schema.LABELS))
    return name


def _rel_type(name: str) -> str:
    """``name`` if it is one of the schema's relationship types."""
    if name not in schema.REL_TYPES:
        raise StoreError("store_type", name=name, known=list(schema.REL_TYPES))
    return name


def _edge_groups(
    edges: list[EdgeRecord], labels: dict[str, str]
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Rows of ``edges`` grouped by (type, start label, end label), names checked."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for e in edges:
        shape = (_rel_type(e.type), _label(labels[e.start]), _label(labels[e.end]))
        row = {"start": e.start, "end": e.end, "key": e.key, "props": e.props}
        groups.setdefault(shape, []).append(row)
    return groups


def _grouped(
    edges: list[tuple[EdgeKey, str, str]],
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """(key, start label, end label) triples of a ``SyncPlan`` grouped by shape."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for (rel, start, key, end), start_label, end_label in edges:
        shape = (_rel_type(rel), _label(start_label), _label(end_label))
        groups.setdefault(shape, []).append({"start": start, "end": end, "key": key})
    return groups


def _by_label(nodes: list[tuple[str, str]]) -> dict[str, list[str]]:
    """(id, label) pairs of a ``SyncPlan`` grouped by label, names checked."""
    groups: dict[str, list[str]] = {}
    for node, label in nodes:
        groups.setdefault(_label(label), []).append(node)
    return groups
