"""Running a library query on Neo4j, read-only unless the caller allows writes, and the
plain Python values its rows come back as.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from graphmodel.errors import StoreUnavailable
from graphmodel.queries.library import Query, QueryError, WriteRefused, missing_params
from graphmodel.schema import Label
from graphmodel.store import StoreConfig
from graphmodel.store.neo4j import Neo4jStore

__all__ = ["QueryResult", "connect", "run_query", "to_plain"]


@dataclass
class QueryResult:
    """What a query returned: its column names and one dict per row (values as ``to_plain``)."""

    columns: list[str]
    rows: list[dict[str, Any]]


@contextmanager
def connect(config: StoreConfig) -> Iterator[tuple[neo4j.Driver, str | None]]:
    """A driver, checked to answer, and the database name, for the Neo4j ``config`` describes.

    The settings fall back exactly as ``Neo4jStore.from_config`` (the environment, then the
    project's local server), because the connection is the store's. Raises
    ``StoreUnavailable`` when the server is down or refuses the credentials.
    """
    with Neo4jStore.from_config(config) as store:
        yield store.driver, store.database


REF_LABELS = (
    Label.COMMUNITY,
    Label.MEMBER_UNIT,
    Label.SOCIAL_ORG,
    Label.PARTY_ORG,
    Label.COMMITTEE,
    Label.STREET,
    Label.DISTRICT,
)
"""What a query's ``ref`` parameter may name."""


def check_ref(driver: neo4j.Driver, ref: str, database: str | None = None) -> None:
    """Raise ``NotFound``, with the closest names (``suggest.closest``), when no node of
    ``REF_LABELS`` has ``ref`` as its id or name: a query about nothing is an error, not an
    empty answer."""
    from graphmodel.cypher import statement
    from graphmodel.errors import NotFound
    from graphmodel.suggest import closest

    records, _, _ = driver.execute_query(
        statement("store/names"),
        labels=list(REF_LABELS),
        database_=database or None,
        routing_=neo4j.RoutingControl.READ,
    )
    if any(ref in (r["id"], r["name"]) for r in records):
        return
    names = [r["name"] for r in records if r["name"]]
    raise NotFound.name(ref, REF_LABELS, closest(ref, names))


def run_query(
    driver: neo4j.Driver,
    query: Query,
    params: Mapping[str, Any],
    database: str | None = None,
    allow_write: bool = False,
) -> QueryResult:
    """Run ``query`` with ``params`` and return its rows.

    First ``EXPLAIN`` asks the server what kind of statement it is; unless it is read-only
    (``query_type == 'r'``) it is refused with ``WriteRefused``, or, with ``allow_write``, run
    in a write transaction. A read-only statement runs in a READ transaction
    (``session.execute_read``; the server enforces the access mode as well). Raises
    ``StoreUnavailable`` when the server cannot be reached, ``QueryError`` for a statement the
    server rejects.
    """
    missing_params(query, params)
    values = dict(params)
    try:
        with driver.session(
            database=database or None,
            default_access_mode=neo4j.READ_ACCESS,
            notifications_min_severity="OFF",
        ) as session:
            kind = session.execute_read(_query_type, query.text, values)
            if kind != "r" and not allow_write:
                raise WriteRefused("query_writes", query=query.name, kind=kind)
            work = session.execute_read if kind == "r" else session.execute_write
            columns, rows = work(_fetch, query.text, values)
    except ServiceUnavailable as e:
        raise StoreUnavailable("neo4j_lost", reason=" ".join(str(e).split())) from e
    except Neo4jError as e:
        raise QueryError("query_rejected", query=query.name, reason=e.message or str(e)) from e
    return QueryResult(columns, rows)


def to_plain(value: Any) -> Any:
    """A driver value as plain JSON types.

    A node becomes ``{"label", **properties}``, a relationship ``{"type", "start", "end",
    **properties}`` (start and end are node ids), a path ``{"nodes": [...], "relationships":
    [...]}``; temporal values become ISO strings; lists and maps are converted item by item.
    """
    if isinstance(value, neo4j.graph.Node):
        labels = sorted(value.labels)
        return {"label": labels[0] if labels else "", **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            **{k: to_plain(v) for k, v in value.items()},
        }
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [to_plain(n) for n in value.nodes],
            "relationships": [to_plain(r) for r in value.relationships],
        }
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def _query_type(tx: neo4j.ManagedTransaction, text: str, params: dict[str, Any]) -> str:
    """The server's verdict on ``text``: ``r``, ``rw``, ``w`` or ``s`` (schema)."""
    return tx.run("EXPLAIN " + text, params).consume().query_type or ""


def _fetch(
    tx: neo4j.ManagedTransaction, text: str, params: dict[str, Any]
) -> tuple[list[str], list[dict[str, Any]]]:
    result = tx.run(text, params)
    columns = list(result.keys())
    return columns, [{k: to_plain(record[k]) for k in columns} for record in result]
