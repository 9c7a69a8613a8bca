"""Shared fixtures: a real Neo4j server for the tests marked ``neo4j``.

Tests empty the database they use, so they never touch a server by accident: the ``NEO4J_*``
variables that point the CLI at a user's own Neo4j are dropped for the test session, and the
tests use either the server that ``GRAPHMODEL_TEST_NEO4J_URI`` (with ``_USER`` and
``_PASSWORD``) names on purpose, or the project's local *test* instance: ``.neo4j-test/``
(``GRAPHMODEL_NEO4J_HOME`` overrides it), which ``scripts/test`` starts on ports 7688/7478 so
that it runs beside a developer's ``.neo4j/`` server. Without a reachable server the tests
that need one are skipped with the reason; with ``GRAPHMODEL_REQUIRE_NEO4J=1`` (set by
``.ci/run``) they fail instead.

Every test gets an empty database (constraints and indexes are kept), so tests that use
these fixtures must not run in parallel against one server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from graphmodel import neo4j_server
from graphmodel.connection import Connection
from graphmodel.errors import StoreUnavailable
from graphmodel.store import StoreConfig
from graphmodel.store.neo4j import Neo4jStore

NEO4J_FIXTURES = {"neo4j_connection", "neo4j_store", "neo4j_driver"}
ROOT = Path(__file__).resolve().parent.parent

for _var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
    os.environ.pop(_var, None)
os.environ.setdefault("GRAPHMODEL_NEO4J_HOME", str(ROOT / ".neo4j-test"))
# Tests speak Chinese, the default, whatever the machine's locale; tests of English say so.
os.environ["GRAPHMODEL_LANG"] = "zh"


@dataclass(frozen=True)
class Neo4jConnection:
    """How the tests reach Neo4j; ``config`` is the ``StoreConfig`` for ``open_store``."""

    uri: str
    user: str
    password: str | None

    @property
    def config(self) -> StoreConfig:
        return StoreConfig(
            store="neo4j", uri=self.uri, user=self.user, password=self.password or ""
        )

    def env(self) -> dict[str, str]:
        """The environment variables that point the CLI at this server."""
        return {
            "NEO4J_URI": self.uri,
            "NEO4J_USER": self.user,
            "NEO4J_PASSWORD": self.password or "",
        }


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a Neo4j fixture ``neo4j`` (``-m "not neo4j"`` skips them)."""
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_connection() -> Neo4jConnection:
    """The Neo4j server the tests use, checked once to answer; skip (or fail) otherwise."""
    local_uri, local_user, local_password = neo4j_server.local_connection()
    connection = Neo4jConnection(
        uri=os.environ.get("GRAPHMODEL_TEST_NEO4J_URI") or local_uri,
        user=os.environ.get("GRAPHMODEL_TEST_NEO4J_USER") or local_user,
        password=os.environ.get("GRAPHMODEL_TEST_NEO4J_PASSWORD") or local_password,
    )
    try:
        Neo4jStore.connect(Connection(connection.uri, connection.user, connection.password)).close()
    except StoreUnavailable as e:
        reason = f"no usable Neo4j: {e}"
        if os.environ.get("GRAPHMODEL_REQUIRE_NEO4J") == "1":
            pytest.fail(f"{reason} (GRAPHMODEL_REQUIRE_NEO4J=1)", pytrace=False)
        pytest.skip(reason)
    return connection


@pytest.fixture
def neo4j_store(neo4j_connection: Neo4jConnection) -> Iterator[Neo4jStore]:
    """A ``Neo4jStore`` on an empty database."""
    c = neo4j_connection
    store = Neo4jStore.connect(Connection(c.uri, c.user, c.password))
    store.clear()
    yield store
    store.close()


@pytest.fixture
def neo4j_driver(neo4j_connection: Neo4jConnection, neo4j_store: Neo4jStore) -> Iterator[Driver]:
    """An official ``neo4j`` driver on an empty database (``neo4j_store`` cleared it)."""
    c = neo4j_connection
    with GraphDatabase.driver(c.uri, auth=(c.user, c.password or "")) as driver:
        yield driver
