"""Where the Neo4j store connects and with which credentials: the one module that reads
``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` and the local server's
password file.

The project's local server (``graphmodel neo4j start``, see ``graphmodel.neo4j_server``) lives
in ``GRAPHMODEL_NEO4J_HOME`` (default ``.neo4j``) and listens on 127.0.0.1 at the Bolt port its
``conf/neo4j.conf`` names (``NEO4J_BOLT_PORT`` until it is configured). Its generated password,
in the instance's ``password`` file, is handed out **only for a URI naming that address** (a
loopback host and that port): pointed at another server, the store takes the password from the
caller or ``NEO4J_PASSWORD``, or connects without one, so the local secret never travels to a
host that is not the local server.

``open_driver`` is the one place a Neo4j driver is made: a command opens one and hands it to
the store (``Neo4jStore``), which the query library and write-back then share.

Nothing here imports the store or the server module, so both can import it; the ``neo4j``
driver package is imported only when a driver is opened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from graphmodel.errors import StoreUnavailable

if TYPE_CHECKING:
    from neo4j import Driver

__all__ = [
    "BOLT_SCHEMES",
    "DEFAULT_BOLT_PORT",
    "DEFAULT_HOME",
    "USER",
    "Connection",
    "LocalServer",
    "conf_port",
    "connection",
    "open_driver",
    "read_conf",
]

DEFAULT_BOLT_PORT = 7687
DEFAULT_HOME = Path(".neo4j")
USER = "neo4j"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
"""The URI schemes the store speaks: Bolt, direct or routed, plain or encrypted. The driver's
experimental ``http://`` query API needs packages the project does not install."""


@dataclass(frozen=True)
class LocalServer:
    """The local instance's folder and Bolt port."""

    home: Path
    bolt_port: int

    @classmethod
    def from_env(cls) -> LocalServer:
        """The instance ``GRAPHMODEL_NEO4J_HOME`` names, on the port its ``neo4j.conf`` gives
        (``NEO4J_BOLT_PORT`` or 7687 before it has one)."""
        home = Path(os.environ.get("GRAPHMODEL_NEO4J_HOME") or DEFAULT_HOME).absolute()
        env_port = os.environ.get("NEO4J_BOLT_PORT", "")
        default = int(env_port) if env_port.isdigit() else DEFAULT_BOLT_PORT
        conf = read_conf(home / "conf" / "neo4j.conf")
        return cls(home, conf_port(conf, "server.bolt.listen_address", default))

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    def password(self) -> str | None:
        """The password the instance was created with, or None when it has none."""
        try:
            return self.password_file.read_text("utf-8").strip() or None
        except FileNotFoundError:
            return None

    def serves(self, uri: str) -> bool:
        """Whether ``uri`` names this server: a loopback host and its Bolt port.

        >>> local = LocalServer(Path(".neo4j"), 7688)
        >>> local.serves("bolt://localhost:7688"), local.serves("neo4j://127.0.0.1:7688")
        (True, True)
        >>> local.serves("bolt://db.example.org:7688"), local.serves("bolt://127.0.0.1")
        (False, False)
        """
        try:
            parts = urlsplit(uri)
            port = parts.port or DEFAULT_BOLT_PORT
        except ValueError:
            return False
        return parts.hostname in LOOPBACK and port == self.bolt_port


@dataclass(frozen=True)
class Connection:
    """A Neo4j server to connect to. ``password`` is never printed (``repr`` leaves it out)."""

    uri: str
    user: str = USER
    password: str | None = field(default=None, repr=False)
    database: str | None = None


def connection(uri: str = "", user: str = "", password: str = "", database: str = "") -> Connection:
    """The connection the given settings describe, each falling back to the environment
    (``NEO4J_URI``...) and then to the local server; the local password only when the URI is
    the local server's own (see the module docstring)."""
    env = os.environ
    local = LocalServer.from_env()
    uri = uri or env.get("NEO4J_URI") or local.uri
    secret = password or env.get("NEO4J_PASSWORD") or None
    if secret is None and local.serves(uri):
        secret = local.password()
    return Connection(
        uri=uri,
        user=user or env.get("NEO4J_USER") or USER,
        password=secret,
        database=database or env.get("NEO4J_DATABASE") or None,
    )


def open_driver(c: Connection) -> Driver:
    """A driver for ``c`` (not yet connected: the store verifies it, see ``Neo4jStore``).

    Raises ``StoreUnavailable`` for a URI the store does not speak. The caller owns the driver;
    a ``Neo4jStore`` given it closes it with the store.
    """
    if c.uri.partition("://")[0].lower() not in BOLT_SCHEMES:
        raise StoreUnavailable(
            "neo4j_uri_scheme", uri=c.uri, schemes=[f"{s}://" for s in BOLT_SCHEMES]
        )
    from neo4j import GraphDatabase
    from neo4j.exceptions import DriverError

    try:
        return GraphDatabase.driver(
            c.uri,
            auth=(c.user, c.password) if c.password is not None else None,
            notifications_min_severity="OFF",
        )
    except (ValueError, DriverError) as e:
        raise StoreUnavailable("neo4j_uri_bad", uri=c.uri, reason=str(e)) from e


def read_conf(path: Path) -> dict[str, str]:
    """The ``key=value`` settings of a ``neo4j.conf`` (empty when there is none)."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return {}
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs if not k.lstrip().startswith("#")}


def conf_port(conf: dict[str, str], key: str, default: int) -> int:
    """The port of the ``host:port`` setting ``key``, or ``default``."""
    value = conf.get(key, "")
    return int(value.rsplit(":", 1)[1]) if ":" in value else default
