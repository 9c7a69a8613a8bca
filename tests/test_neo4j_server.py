"""The local Neo4j server: its configuration, password file, errors, Browser and Bolt.

Starting and stopping a whole second server is left to ``scripts/test`` (which starts the one
the suite runs against); here the cheap parts are tested on temporary instance folders, and
the running server answers Bolt and serves Browser.
"""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import urllib.request

import pytest
from click.testing import CliRunner

from graphmodel import neo4j_server
from graphmodel.cli import main
from graphmodel.neo4j_server import ServerError, ServerSettings


@pytest.fixture
def jars() -> ServerSettings:
    """Settings whose cached jars exist (``configure`` runs neo4j-admin from them)."""
    settings = ServerSettings.from_env()
    if not settings.lib_dir.is_dir():
        reason = f"Neo4j jars not fetched into {settings.lib_dir} (graphmodel neo4j fetch)"
        if os.environ.get("GRAPHMODEL_REQUIRE_NEO4J") == "1":
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return settings


def _instance(tmp_path, jars: ServerSettings, bolt: int = 17001, http: int = 17002):
    return ServerSettings(tmp_path / "inst", bolt, http, jars.version, jars.cache)


def test_the_written_config_binds_the_loopback_and_the_chosen_ports(tmp_path, jars, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "test-password-1")
    settings = _instance(tmp_path, jars)
    neo4j_server.configure(settings)
    conf = settings.conf_file.read_text("utf-8")
    assert "server.default_listen_address=127.0.0.1\n" in conf
    assert "server.bolt.listen_address=127.0.0.1:17001\n" in conf
    assert "server.http.listen_address=127.0.0.1:17002\n" in conf
    assert "server.https.enabled=false\n" in conf
    assert "0.0.0.0" not in conf
    assert f"server.directories.data={settings.data_dir}\n" in conf
    assert "server.memory.heap.max_size=1g\n" in conf
    assert "db.tx_log.rotation.retention_policy=512M size\n" in conf


def test_the_password_file_is_private_and_holds_the_initial_password(tmp_path, jars, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "test-password-1")
    settings = _instance(tmp_path, jars)
    neo4j_server.configure(settings)
    assert stat.S_IMODE(settings.password_file.stat().st_mode) == 0o600
    assert neo4j_server.local_password(settings.home) == "test-password-1"
    # neo4j-admin set the initial password into the (not yet started) system database.
    assert (settings.data_dir / "dbms" / "auth.ini").exists()


@pytest.mark.parametrize("password", ["a b\"c\\d#e'f", "-starts-with-a-dash"])
def test_the_password_never_appears_on_a_command_line(tmp_path, jars, monkeypatch, password):
    # ps shows every process's arguments to every local user: neo4j-admin gets the password
    # from an owner-only argument file, removed afterwards. A password with a space, quotes,
    # a backslash and '#' checks the file's quoting against what Neo4j stored: auth.ini
    # holds SHA-256 iterated over salt + password. One starting with '-' (a generated
    # password does, one time in 64) must not be read as an option.
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    commands: list[list[str]] = []
    run = neo4j_server.subprocess.run

    def spy(command, *args, **kwargs):
        commands.append(list(command))
        return run(command, *args, **kwargs)

    monkeypatch.setattr(neo4j_server.subprocess, "run", spy)
    settings = _instance(tmp_path, jars)
    neo4j_server.configure(settings)
    assert any("set-initial-password" in c for c in commands)
    assert not any(password in arg for c in commands for arg in c)
    assert not (settings.home / "initial-password.args").exists()
    user, credential, _ = (settings.data_dir / "dbms" / "auth.ini").read_text().split(":", 2)
    algorithm, digest, salt, iterations = credential.split(",")
    hashed = hashlib.sha256(bytes.fromhex(salt) + password.encode()).digest()
    for _ in range(int(iterations) - 1):
        hashed = hashlib.sha256(hashed).digest()
    assert (user, algorithm, hashed.hex()) == ("neo4j", "SHA-256", digest)


def test_a_generated_password_is_kept_across_configurations(tmp_path, jars, monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    settings = _instance(tmp_path, jars)
    neo4j_server.configure(settings)
    first = neo4j_server.local_password(settings.home)
    assert first is not None and len(first) >= 16
    neo4j_server.configure(_instance(tmp_path, jars, bolt=17003))
    assert neo4j_server.local_password(settings.home) == first
    uri, user, password = neo4j_server.local_connection(_instance(tmp_path, jars, bolt=1))
    assert (uri, user, password) == ("bolt://127.0.0.1:17003", "neo4j", first)


def test_a_short_password_is_refused(tmp_path, jars, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "short")
    with pytest.raises(ServerError, match="at least 8 characters"):
        neo4j_server.configure(_instance(tmp_path, jars))


def test_start_refuses_a_taken_port_with_the_reason(tmp_path, jars):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ServerError, match=f"port {port} on 127.0.0.1 is taken"):
            neo4j_server.start(_instance(tmp_path, jars, bolt=port))


def test_settings_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHMODEL_NEO4J_HOME", str(tmp_path / "h"))
    monkeypatch.setenv("NEO4J_BOLT_PORT", "27687")
    monkeypatch.setenv("NEO4J_HTTP_PORT", "27474")
    settings = ServerSettings.from_env()
    assert (settings.home, settings.bolt_port, settings.http_port) == (tmp_path / "h", 27687, 27474)
    monkeypatch.setenv("NEO4J_BOLT_PORT", "seven")
    with pytest.raises(ServerError, match="not a port number"):
        ServerSettings.from_env()


def test_status_of_an_instance_that_never_ran(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHMODEL_NEO4J_HOME", str(tmp_path / "h"))
    monkeypatch.setenv("NEO4J_BOLT_PORT", "27687")
    result = CliRunner().invoke(main, ["neo4j", "status", "--json"])
    assert result.exit_code == 3
    assert '"running": false' in result.output
    assert '"bolt_uri": "bolt://127.0.0.1:27687"' in result.output


def test_missing_java_is_one_line_not_a_traceback(tmp_path):
    env = {"PATH": str(tmp_path), "GRAPHMODEL_NEO4J_HOME": str(tmp_path / "h")}
    result = CliRunner().invoke(main, ["neo4j", "start"], env=env)
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "在 PATH 中找不到 java" in result.output
    assert "Traceback" not in result.output


def test_missing_maven_is_one_line_when_the_jars_must_be_fetched(tmp_path):
    env = {"PATH": str(tmp_path), "GRAPHMODEL_CACHE": str(tmp_path / "cache")}
    result = CliRunner().invoke(main, ["neo4j", "fetch"], env=env)
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "在 PATH 中找不到 mvn" in result.output


def test_a_node_written_through_the_driver_reads_back(neo4j_driver):
    neo4j_driver.execute_query(
        "CREATE (:Community {id: $id, name: $name})", id="t1", name="站东社区"
    )
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (c:Community {id: $id}) RETURN c.name AS name", id="t1"
    )
    assert [r["name"] for r in records] == ["站东社区"]


def test_the_running_server_serves_neo4j_browser(neo4j_connection):
    status = neo4j_server.status(ServerSettings.from_env())
    if not status.running or status.bolt_uri != neo4j_connection.uri:
        pytest.skip("the tests' Neo4j is not the project's local server; Browser not checked")
    with urllib.request.urlopen(status.browser_url, timeout=30) as response:
        page = response.read().decode("utf-8")
        assert response.status == 200
    assert "<title>Neo4j Browser</title>" in page
