"""``graphmodel report``: the organizer-facing report (Markdown, one HTML page, PNG charts)."""

from __future__ import annotations

import datetime as dt
import warnings

import click

from graphmodel.analysis.policy import Policy
from graphmodel.cli.options import analysis_options, emit_json, library_errors, store_options
from graphmodel.report import build_report, write_report
from graphmodel.report.build import LIST_LIMIT
from graphmodel.report.fonts import FontWarning
from graphmodel.store import StoreConfig, open_store

__all__ = ["COMMANDS", "report"]


@click.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    required=True,
    help="Folder to write index.md, index.html, report.json and charts/ into.",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of headings and fixed words; names stay as the ledgers write them.",
)
@click.option(
    "--top", type=click.IntRange(min=1), default=20, show_default=True, help="Hubs listed."
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=LIST_LIMIT,
    show_default=True,
    help="Rows listed per gap rule, points of failure and proposals (all in report.json).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the files written as JSON.")
@store_options
@library_errors
@analysis_options
def report(
    out_dir: str,
    lang: str,
    top: int,
    limit: int,
    as_json: bool,
    store_config: StoreConfig,
    policy: Policy,
    as_of: dt.date,
) -> None:
    """Write the report: per-street coverage, gaps, hubs, single points of failure and pairing
    proposals, as index.md, a self-contained index.html and PNG charts in a CJK font.

    \b
    Example:
        graphmodel report --out report --as-of 2023-06-30
        graphmodel report --out report-en --lang en --policy seed/policy.toml
    """
    with open_store(store_config) as store:
        g = store.graph()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FontWarning)
        written = write_report(
            build_report(g, policy, as_of, lang=lang, top=top, limit=limit), out_dir
        )
    for warning in caught:
        click.echo(f"Warning: {warning.message}", err=True)
    if as_json:
        emit_json({"out": out_dir, "files": [str(p) for p in written]})
        return
    for path in written:
        click.echo(str(path))


COMMANDS = (report,)
