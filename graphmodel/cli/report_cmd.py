"""``graphmodel report``: the organizer-facing report (Markdown, one HTML page, PNG charts)."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import TYPE_CHECKING

import click

from graphmodel.analysis.policy import Policy
from graphmodel.cli.options import (
    analysis_options,
    area_options,
    cli_lang,
    emit_json,
    read_graph_and_ledgers,
    store_options,
)
from graphmodel.store import StoreConfig, open_store

if TYPE_CHECKING:
    import networkx as nx

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
    "--top",
    type=click.IntRange(min=1),
    default=None,
    help="Hubs listed [default: the policy's report_rows, 10].",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=None,
    help="Rows listed per list in the body [default: the policy's report_rows, 10]; every "
    "row is in report.xlsx.",
)
@click.option(
    "--compare",
    metavar="DATE|FILE",
    help="Add a 变化 section: what changed since DATE (YYYY-MM-DD, the same store), or "
    "against another embedded store FILE read on the same --as-of date.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the files written as JSON.")
@area_options
@store_options
@analysis_options
def report(
    out_dir: str,
    top: int | None,
    limit: int | None,
    district: str | None,
    street: str | None,
    compare: str | None,
    as_json: bool,
    store_config: StoreConfig,
    policy: Policy,
    as_of: dt.date,
) -> None:
    """Write the report for a party secretary: a summary page (the five most important
    problems and the five most useful actions), then coverage by street, gaps, hubs in plain
    words, single points of failure and pairing proposals, as index.md, a self-contained
    index.html (prints on A4) and PNG charts in a CJK font; every list in full in report.xlsx.
    Figures whose ledger a district did not fill in show as 未采集 (not recorded). In the
    language of --lang; names stay as the ledgers write them.

    \b
    Example:
        graphmodel report --out report --as-of 2023-06-30
        graphmodel report --out report-dc --district 东城区 --policy seed/policy.toml
        graphmodel report --out report-en --lang en --street 回龙观街道
    """
    from graphmodel.report import build_report, write_report
    from graphmodel.report.fonts import FontWarning

    g, ledgers = read_graph_and_ledgers(store_config)
    then = None
    if compare:
        day = _ledger_date(compare)
        if day is None and _is_date(compare):
            day = _date(compare)  # a mistyped ISO date is an error, not a file name
        then = (g, day) if day else (_other(compare), as_of)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FontWarning)
        written = write_report(
            build_report(
                g,
                policy,
                as_of,
                lang=cli_lang(),
                top=top,
                limit=limit,
                district=district,
                street=street,
                compare=then,
                ledgers=ledgers,
            ),
            out_dir,
        )
    from graphmodel.cli.render import terminal_text
    from graphmodel.vocabulary import error_text, status_text

    lang = cli_lang()
    for warning in caught:
        message = warning.message
        text = terminal_text(error_text(message, lang) if isinstance(message, Warning) else message)
        click.echo(status_text("warning", lang, message=text), err=True)
    if as_json:
        emit_json({"out": out_dir, "files": [str(p) for p in written]})
        return
    for path in written:
        click.echo(str(path))


def _ledger_date(value: str) -> dt.date | None:
    """``value`` as a date written as the ledgers write them (2023-06-30, 2023/6/30,
    2023年6月30日), or ``None`` when it is not one (then it names a store file)."""
    from graphmodel.ledger.values import parse_date

    try:
        return dt.date.fromisoformat(parse_date(value))
    except ValueError:
        return None


def _is_date(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        from graphmodel.vocabulary import status_text

        raise click.BadParameter(status_text("usage_iso_date", cli_lang(), value=value)) from e


def _other(path: str) -> nx.MultiDiGraph:
    """The graph of another embedded store (``--compare FILE``)."""
    with open_store(StoreConfig(store="embedded", db=path)) as other:
        return other.graph()


COMMANDS = (report,)
