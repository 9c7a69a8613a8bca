"""``graphmodel browser serve``: hand the guide and the style to a Neo4j Browser."""

from __future__ import annotations

import click

__all__ = ["COMMANDS"]


@click.group(name="browser")
def browser() -> None:
    """Neo4j Browser ready to use: the project's guide (Chinese) and style (.grass).

    The local server (graphmodel neo4j start) serves them itself and opens them on connect.
    For someone else's Neo4j 5, run graphmodel browser serve and use :style and :play in
    Browser (localhost is on Browser's default allowlist).
    """


@browser.command()
@click.option("--port", type=int, default=7475, show_default=True, help="Port to serve on.")
@click.option(
    "--host",
    default="localhost",
    show_default=True,
    help="Address to bind (localhost is on Browser's default allowlist).",
)
def serve(port: int, host: str) -> None:
    """Serve guide.html and style.grass (with CORS) until Ctrl+C.

    Then, in Neo4j Browser connected to any Neo4j 5, run the two commands printed.

    \b
    Example:
        graphmodel browser serve --port 7475
        # in Browser:  :style http://localhost:7475/style.grass
        #              :play http://localhost:7475/guide.html
    """
    from graphmodel import browser as browser_files
    from graphmodel.cli.group import cli_lang
    from graphmodel.vocabulary import status_text

    lang = cli_lang()
    base = browser_files.guide_url(port, host)
    with browser_files.GuideServer(port, host) as server:
        click.echo(status_text("serve_serving", lang, folder=browser_files.BROWSER_DIR, url=base))
        click.echo(status_text("serve_commands", lang, url=base))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo(status_text("serve_stopped", lang))


COMMANDS = (browser,)
