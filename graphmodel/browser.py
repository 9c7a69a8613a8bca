"""Neo4j Browser, ready to use: the guide, the style, and the small server that hands them over.

Browser fetches a guide (``:play URL``) and a style (``:style URL``) only from hosts on the
server's allowlist (default ``guides.neo4j.com,localhost``; Neo4j 5.26 still names the setting
``browser.remote_content_hostname_whitelist``, Browser reads either name),
with a cross-origin request, so the files must come from an HTTP server that answers CORS.
Neo4j's own HTTP server serves only Browser itself, so ``GuideServer`` serves
``cypher/browser/`` (``guide.html``, ``style.grass``) on 127.0.0.1 with the CORS headers
Browser needs, and ``conf_lines`` gives the two ``neo4j.conf`` settings that make the
project's local server apply them on connect:

- ``browser.remote_content_hostname_whitelist`` adds ``127.0.0.1``;
- ``browser.post_connect_cmd`` runs ``:style <guide server>/style.grass`` and
  ``:play <guide server>/guide.html`` (Browser splits it at ``;``).

``graphmodel neo4j start`` starts the guide server in the background beside Neo4j (pid in
``run/guides.pid`` of the instance) and ``stop`` stops it. For someone else's Neo4j 5,
``graphmodel browser serve`` runs it in the foreground and Browser's default allowlist
already admits ``localhost``.

The guide is rendered from ``guide.src.html``: each ``{{query NAME key=value ...}}`` marker
becomes runnable blocks holding ``:param`` with those values and the library query NAME, so every step
runs a query of ``cypher/queries/`` as it is (``render_guide``; a test keeps ``guide.html``
in step).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import functools
import html
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graphmodel.cypher import CYPHER_DIR
from graphmodel.errors import GraphmodelError, GraphmodelWarning

__all__ = [
    "BROWSER_DIR",
    "GuideServer",
    "conf_lines",
    "guide_port",
    "guide_url",
    "render_guide",
    "start_guide_server",
    "stop_guide_server",
]

BROWSER_DIR = CYPHER_DIR / "browser"
GUIDE_SOURCE = BROWSER_DIR / "guide.src.html"
GUIDE_FILE = BROWSER_DIR / "guide.html"
STYLE_FILE = BROWSER_DIR / "style.grass"
HOST = "127.0.0.1"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
ALLOWLIST = "guides.neo4j.com,localhost,127.0.0.1"
START_TIMEOUT = 10.0

_MARKER = re.compile(r"\{\{query\s+([^}]*)\}\}")


class GuideServer(ThreadingHTTPServer):
    """Serves ``directory`` (default ``cypher/browser/``) read-only on ``host:port``, with the
    CORS headers Browser's cross-origin fetch needs (including the preflight ``OPTIONS`` its
    ``Cache-Control``/``Pragma`` headers trigger)."""

    daemon_threads = True

    def __init__(self, port: int, host: str = HOST, directory: Path = BROWSER_DIR) -> None:
        if host not in LOOPBACK_HOSTS:
            warnings.warn(
                GraphmodelWarning("serve_not_loopback", host=host, port=port),
                stacklevel=2,
            )
        handler = functools.partial(_Handler, directory=str(directory))
        try:
            super().__init__((host, port), handler)
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise GraphmodelError("serve_port_in_use", port=port, host=host) from e
            raise GraphmodelError("serve_failed", port=port, host=host, error=e) from e


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class declares it a class attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".grass": "text/plain; charset=utf-8",
        ".cql": "text/plain; charset=utf-8",
    }

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self.end_headers()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """No listings: only the files Browser asks for by name are served."""
        self.send_error(404, "No directory listing")

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the server runs in the background beside Neo4j."""


def guide_port(http_port: int) -> int:
    """The guide server's port: ``GRAPHMODEL_GUIDE_PORT``, else Neo4j's HTTP port + 1."""
    value = os.environ.get("GRAPHMODEL_GUIDE_PORT", "")
    if value:
        if not value.isdigit() or not 0 < int(value) < 65536:
            raise GraphmodelError("guide_port_variable", value=value)
        return int(value)
    return http_port + 1


def guide_url(port: int, host: str = HOST) -> str:
    """The guide server's base URL."""
    return f"http://{host}:{port}"


def conf_lines(port: int) -> list[str]:
    """The ``neo4j.conf`` lines that make Browser apply the style and open the guide."""
    base = guide_url(port)
    return [
        f"browser.remote_content_hostname_whitelist={ALLOWLIST}",
        f"browser.post_connect_cmd=style {base}/style.grass;play {base}/guide.html",
    ]


def render_guide(source: str | None = None) -> str:
    """``guide.html``: ``guide.src.html`` with ``{{rules}}`` replaced by the gap rules' names
    and each ``{{query NAME key=value ...}}`` marker replaced by runnable blocks: one setting the values with Browser's ``:param`` (parameters
    stay set for the session), then one with the query text, so that a click and a run show
    the query's own result (a single multi-statement block would show a list of statements)."""
    from graphmodel import queries

    text = GUIDE_SOURCE.read_text(encoding="utf-8") if source is None else source
    library = {q.name: q for q in queries.library()}

    def block(match: re.Match[str]) -> str:
        from graphmodel import queries

        name, *pairs = shlex.split(match.group(1))
        if name not in library:
            raise GraphmodelError("guide_unknown_query", name=name)
        query = library[name]
        values = queries.parse_params(query, pairs)
        parts = []
        if values:
            assigned = ", ".join(f"{k}: {queries.cypher_literal(v)}" for k, v in values.items())
            parts.append(_runnable(f":param {{{assigned}}}"))
        parts.append(_runnable(query.text.rstrip().rstrip(";")))
        return (
            f"<figure>{''.join(parts)}"
            f"<figcaption>cypher/queries/{name}.cypher</figcaption></figure>"
        )

    return _MARKER.sub(block, text).replace("{{rules}}", _rule_names())


def _rule_names() -> str:
    """The gap rules with their Chinese names (the ``{{rules}}`` marker), from the vocabulary."""
    from graphmodel.analysis.gaps import RULES
    from graphmodel.vocabulary import rule_name

    return "、".join(f"{rule}（{rule_name(rule, 'zh')}）" for rule in RULES)


def _runnable(code: str) -> str:
    """A block Browser puts into its editor when clicked."""
    return f'<pre class="pre-scrollable code runnable">{html.escape(code, quote=False)}</pre>'


def start_guide_server(home: Path, port: int, timeout: float = START_TIMEOUT) -> int:
    """Start ``GuideServer`` on ``port`` in the background for the instance at ``home``
    (pid in ``home/run/guides.pid``, log in ``home/logs/guides.log``); return its pid.

    Does nothing but return the pid if it already runs. Raises ``GraphmodelError`` when the
    port is taken or the server does not answer within ``timeout`` seconds.
    """
    pid_file = home / "run" / "guides.pid"
    running = _live_pid(pid_file)
    if running is not None:
        return running
    if _answers(port):
        raise GraphmodelError("guide_port_taken", port=port, host=HOST)
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    log = home / "logs" / "guides.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "graphmodel.browser", "--port", str(port)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
    pid_file.write_text(f"{process.pid}\n", encoding="utf-8")
    deadline = time.monotonic() + timeout
    while not _answers(port):
        if process.poll() is not None or time.monotonic() > deadline:
            raise GraphmodelError("guide_not_started", port=port, log=log)
        time.sleep(0.1)
    return process.pid


def stop_guide_server(home: Path) -> bool:
    """Stop the instance's background guide server; False if it was not running."""
    pid_file = home / "run" / "guides.pid"
    pid = _live_pid(pid_file)
    if pid is None:
        pid_file.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 5.0
    while _live_pid(pid_file) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    pid_file.unlink(missing_ok=True)
    return True


def _live_pid(pid_file: Path) -> int | None:
    """The pid in ``pid_file`` if that process is alive and is this module's server."""
    try:
        pid = int(pid_file.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return pid if b"graphmodel.browser" in cmdline else None


def _answers(port: int) -> bool:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.settimeout(0.5)
        return s.connect_ex((HOST, port)) == 0


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m graphmodel.browser --port N``: serve ``cypher/browser/`` until stopped;
    ``--render`` prints ``guide.html`` instead."""
    parser = argparse.ArgumentParser(prog="python -m graphmodel.browser")
    parser.add_argument("--port", type=int, default=7475)
    parser.add_argument("--host", default=HOST)
    parser.add_argument("--render", action="store_true", help="print guide.html and exit")
    args = parser.parse_args(argv)
    if args.render:
        sys.stdout.write(render_guide())
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with GuideServer(args.port, args.host) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
