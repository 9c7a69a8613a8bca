"""``graphmodel trend``: coverage and gaps period by period, as a table, an .xlsx and a chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from graphmodel.analysis.policy import Policy
from graphmodel.cli.options import (
    analysis_options,
    area_options,
    cli_lang,
    emit_json,
    output_options,
    store_options,
)
from graphmodel.cli.render import print_table
from graphmodel.cli.tables import Out, emit_tables
from graphmodel.store import StoreConfig, open_store

__all__ = ["COMMANDS", "trend_cmd"]


def _start(value: str) -> dt.date:
    return _day(value, first=True)


def _end(value: str) -> dt.date:
    return _day(value, first=False)


def _day(value: str, first: bool) -> dt.date:
    """The first or last day of a year (``2019``), a month (``2023-01``, ``2023年1月``) or a
    date written as the ledgers write them (``ledger.values.parse_period``)."""
    from graphmodel.ledger.values import parse_period

    try:
        start, end = parse_period(value)
        return start if first else end
    except ValueError as e:
        from graphmodel.vocabulary import status_text

        raise click.BadParameter(status_text("usage_year_or_date", cli_lang(), value=value)) from e


@click.command("trend")
@click.option("--from", "start", required=True, metavar="YEAR|MONTH|DATE", help="First period.")
@click.option("--to", "end", required=True, metavar="YEAR|MONTH|DATE", help="Last period.")
@click.option(
    "--every",
    type=click.Choice(["year", "quarter", "month"]),
    default="year",
    show_default=True,
    help="Length of a period; figures are taken on its last day.",
)
@click.option(
    "--chart", type=click.Path(dir_okay=False), help="Also draw the trend into this .png."
)
@output_options
@area_options
@store_options
@analysis_options
def trend_cmd(
    start: str,
    end: str,
    every: str,
    chart: str | None,
    fmt: str,
    district: str | None,
    street: str | None,
    store_config: StoreConfig,
    policy: Policy,
    as_of: dt.date,
) -> None:
    """Coverage (communities paired, covered by a committee, with enough social organizations,
    receiving 双报到) and gaps per rule at the end of each period, from the dates in the
    graph. A figure whose ledger table was not filled in shows as 未采集 (not recorded).
    --as-of is not used: each period is taken on its last day.

    \b
    Example:
        graphmodel trend --from 2019 --to 2024
        graphmodel trend --from 2023-01 --to 2024-06-30 --every quarter --district 海淀区 \\
            --xlsx trend.xlsx --chart trend.png
    """
    from graphmodel.analysis.trend import period_ends, trend
    from graphmodel.report.build import scope_of
    from graphmodel.report.fonts import chart_font
    from graphmodel.report.trend import trend_chart, trend_table
    from graphmodel.vocabulary import report_words

    first, last = _start(start), _end(end)
    with open_store(store_config) as store:
        g = store.graph()
    scope = scope_of(g, district, street)
    points = trend(
        g,
        policy,
        period_ends(first, last, every),
        None if scope.kind == "all" else scope.streets,
    )
    lang = cli_lang()
    table = trend_table(points, lang)
    emit_tables(
        [
            Out(
                "trend",
                table.headers,
                [dict(zip(table.headers, r, strict=True)) for r in table.rows],
            )
        ],
        fmt,
    )
    if chart:
        png = trend_chart(points, lang, chart_font(table.headers))
        if png is not None:
            Path(chart).write_bytes(png)
    if fmt == "json":
        emit_json([p.to_dict() for p in points])
    elif fmt == "text":
        na = report_words(lang)["not_recorded"]
        rows = [[na if v is None else v for v in row] for row in table.rows]
        print_table(scope.name or "", table.headers, rows)


COMMANDS = (trend_cmd,)
