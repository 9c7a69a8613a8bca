"""``graphmodel neo4j fetch|start|stop|status``: the project's local Neo4j 5.26 server."""

from __future__ import annotations

import click

from graphmodel import neo4j_server
from graphmodel.cli.options import cli_lang, emit_json, output_options
from graphmodel.cli.render import print_table
from graphmodel.cli.tables import Out, emit_tables
from graphmodel.vocabulary import status_text


@click.group(name="neo4j")
def neo4j() -> None:
    """A local Neo4j 5.26 LTS Community server with Neo4j Browser, fetched from Maven Central.

    The instance lives in .neo4j/ (or GRAPHMODEL_NEO4J_HOME) with ports NEO4J_BOLT_PORT
    (7687) and NEO4J_HTTP_PORT (7474), bound to 127.0.0.1; the jars are cached in
    ~/.cache/graphmodel (or GRAPHMODEL_CACHE).

    To use another Neo4j 5 (Docker, Desktop, Aura) instead, set NEO4J_URI, NEO4J_USER and
    NEO4J_PASSWORD and pass --store neo4j to the commands that read or write the graph.
    """


@neo4j.command()
def fetch() -> None:
    """Download the Neo4j and Browser jars into the cache (once; needs java and mvn).

    \b
    Example:
        graphmodel neo4j fetch
    """
    settings = neo4j_server.ServerSettings.from_env()
    folder = neo4j_server.fetch(settings)
    click.echo(status_text("neo4j_fetched", cli_lang(), version=settings.version, folder=folder))


@neo4j.command()
@click.option(
    "--timeout",
    type=float,
    default=neo4j_server.START_TIMEOUT,
    show_default=True,
    help="Seconds to wait for Bolt to answer.",
)
def start(timeout: float) -> None:
    """Start the server in the background; return once Bolt answers.

    The first start fetches the jars, writes the configuration and sets the password:
    NEO4J_PASSWORD, or a generated one kept in the instance's password file (mode 600).

    \b
    Example:
        GRAPHMODEL_NEO4J_HOME=/tmp/neo4j-dev NEO4J_BOLT_PORT=17687 NEO4J_HTTP_PORT=17474 \\
          graphmodel neo4j start
    """
    result = neo4j_server.start(neo4j_server.ServerSettings.from_env(), timeout=timeout)
    click.echo(
        status_text(
            "neo4j_running",
            cli_lang(),
            version=result.version,
            pid=result.pid,
            bolt=result.bolt_uri,
            browser=result.browser_url,
            home=result.home,
        )
    )


@neo4j.command()
def stop() -> None:
    """Shut the server down cleanly and wait until it has stopped.

    \b
    Example:
        graphmodel neo4j stop
    """
    stopped = neo4j_server.stop(neo4j_server.ServerSettings.from_env())
    lang = cli_lang()
    click.echo(
        status_text("neo4j_stopped", lang) if stopped else status_text("neo4j_not_running", lang)
    )


@neo4j.command()
@output_options
def status(fmt: str) -> None:
    """Whether the server runs, its version, ports and data folder (exit code 3 if stopped).

    \b
    Example:
        graphmodel neo4j status --json
    """
    result = neo4j_server.status(neo4j_server.ServerSettings.from_env())
    emit_tables([Out("Neo4j", tuple(result.to_dict()), [result.to_dict()])], fmt)
    if fmt == "json":
        emit_json(result.to_dict())
    elif fmt == "text":
        lang = cli_lang()
        running = (
            status_text("neo4j_yes", lang) if result.running else status_text("neo4j_no", lang)
        )
        rows = [
            (status_text("neo4j_row_running", lang), running),
            ("pid", result.pid or ""),
            (status_text("neo4j_row_version", lang), result.version),
            ("Bolt", result.bolt_uri),
            ("Browser", result.browser_url),
            (status_text("neo4j_row_home", lang), result.home),
            (status_text("neo4j_row_data", lang), result.data_dir),
        ]
        print_table("Neo4j", ("", ""), rows)
    if not result.running:
        raise SystemExit(3)


COMMANDS = (neo4j,)
