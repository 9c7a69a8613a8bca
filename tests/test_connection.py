"""Where the Neo4j store connects: the local password goes only to the local server.

A local instance folder is made by hand in a temporary folder: its ``password`` file and the
Bolt port its ``neo4j.conf`` names (7801 here, not the environment's).
"""

from __future__ import annotations

import pytest

from graphmodel.connection import LocalServer, connection
from graphmodel.store import StoreConfig
from graphmodel.store.neo4j import Neo4jStore


@pytest.fixture
def local(tmp_path, monkeypatch) -> LocalServer:
    home = tmp_path / "inst"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text(
        "server.bolt.listen_address=127.0.0.1:7801\n", encoding="utf-8"
    )
    (home / "password").write_text("local-secret-1\n", encoding="utf-8")
    monkeypatch.setenv("GRAPHMODEL_NEO4J_HOME", str(home))
    monkeypatch.setenv("NEO4J_BOLT_PORT", "7999")
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    return LocalServer.from_env()


def test_without_settings_the_local_server_with_its_password(local):
    assert local.bolt_port == 7801
    assert connection() == connection("bolt://127.0.0.1:7801")
    c = connection()
    assert (c.uri, c.user, c.password, c.database) == (
        "bolt://127.0.0.1:7801",
        "neo4j",
        "local-secret-1",
        None,
    )
    assert "local-secret-1" not in repr(c)


@pytest.mark.parametrize(
    "uri",
    [
        "bolt://db.example.org:7801",  # another host on the same port
        "neo4j+s://neo4j.example.org",
        "bolt://127.0.0.1:7687",  # this machine, another server's port
        "bolt://10.0.0.5:7801",
    ],
)
def test_another_server_never_gets_the_local_password(local, monkeypatch, uri):
    assert connection(uri).password is None
    monkeypatch.setenv("NEO4J_URI", uri)
    assert connection().password is None
    assert connection(password="given-1").password == "given-1"
    monkeypatch.setenv("NEO4J_PASSWORD", "env-secret-1")
    assert connection().password == "env-secret-1"


def test_the_store_sends_no_password_to_another_host(local, monkeypatch):
    # The store's driver is made from the same connection: the one factory is stopped before
    # it makes a driver, once the connection it was given is recorded.
    seen = {}

    def spy(c):
        seen.update(uri=c.uri, password=c.password)
        raise LookupError("stopped before connecting")

    monkeypatch.setattr("graphmodel.store.neo4j.open_driver", spy)
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example.org:7801")
    with pytest.raises(LookupError):
        Neo4jStore.from_config(StoreConfig(store="neo4j"))
    assert seen == {"uri": "bolt://db.example.org:7801", "password": None}
