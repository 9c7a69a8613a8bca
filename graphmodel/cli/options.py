"""Option groups shared by several commands, and the JSON and CSV printers.

Each option maps onto a keyword of a library call: the store options build a ``StoreConfig``
passed to the command as ``store_config``; the output options set ``fmt`` to ``text``,
``json`` or ``csv``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from typing import Any, TypeVar

import click

from graphmodel.analysis.policy import load_policy
from graphmodel.cli.group import cli_lang
from graphmodel.store import StoreConfig

__all__ = [
    "LedgerDate",
    "analysis_options",
    "area_options",
    "as_of_option",
    "cli_lang",
    "emit_json",
    "output_options",
    "read_graph",
    "store_options",
]

F = TypeVar("F", bound=Callable[..., Any])


def store_options(func: F) -> F:
    """``--store``, ``--db`` and the Neo4j connection; the password only from the environment
    (``NEO4J_PASSWORD``) or the local server's password file, never from the command line."""

    @click.option(
        "--store",
        type=click.Choice(["embedded", "neo4j"]),
        default="embedded",
        envvar="GRAPHMODEL_STORE",
        show_default=True,
        help="Which store: the embedded file, or a Neo4j server.",
    )
    @click.option(
        "--db",
        type=click.Path(dir_okay=False),
        envvar="GRAPHMODEL_DB",
        help="Embedded store file (SQLite) [default: .graphmodel/graph.db].",
    )
    @click.option("--uri", envvar="NEO4J_URI", help="Neo4j URI [default: bolt://127.0.0.1:7687].")
    @click.option("--user", envvar="NEO4J_USER", help="Neo4j user [default: neo4j].")
    @click.option("--database", envvar="NEO4J_DATABASE", help="Neo4j database [default: neo4j].")
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        store: str,
        db: str | None,
        uri: str | None,
        user: str | None,
        database: str | None,
        **kwargs: Any,
    ) -> Any:
        kwargs["store_config"] = StoreConfig(
            store=store, db=db or "", uri=uri or "", user=user or "", database=database or ""
        )
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def output_options(func: F) -> F:
    """``--json`` and ``--csv``: machine-readable output instead of the human default;
    ``--xlsx FILE``: the tables as a workbook too (``graphmodel.cli.tables``)."""

    @click.option("--json", "as_json", is_flag=True, help="Print JSON (stable field names).")
    @click.option(
        "--csv",
        "as_csv",
        is_flag=True,
        help="Print the table as CSV for Excel (UTF-8 with BOM; English field names with "
        "--lang en).",
    )
    @click.option(
        "--xlsx",
        "xlsx",
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help="Also write the tables to this Excel workbook, one sheet each.",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, as_json: bool, as_csv: bool, xlsx: str | None, **kwargs: Any) -> Any:
        if as_json and as_csv:
            from graphmodel.vocabulary import status_text

            raise click.UsageError(status_text("usage_json_csv", cli_lang()))
        if xlsx:
            from graphmodel.cli.tables import XLSX_KEY

            click.get_current_context().meta[XLSX_KEY] = xlsx
        kwargs["fmt"] = "json" if as_json else "csv" if as_csv else "text"
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


class LedgerDate(click.ParamType[dt.date]):
    """A date written as the ledgers write them: ``2023-05-01``, ``2023/5/1``, ``2023年5月1日``
    (``ledger.values.parse_date``), converted to a ``datetime.date``."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        from graphmodel.ledger.values import parse_date

        try:
            return dt.date.fromisoformat(parse_date(value))
        except ValueError:
            from graphmodel.vocabulary import status_text

            self.fail(status_text("usage_date", cli_lang(), value=value), param, ctx)


def as_of_option(func: F) -> F:
    """``--as-of DATE`` (any form ``LedgerDate`` takes, default today), passed as ``as_of``, a
    ``datetime.date``."""

    @click.option(
        "--as-of",
        "as_of",
        type=LedgerDate(),
        default=None,
        metavar="DATE",
        help="The day on which ties must be in force: 2023-06-30, 2023/6/30 or 2023年6月30日 "
        "[default: today].",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, as_of: dt.date | None, **kwargs: Any) -> Any:
        kwargs["as_of"] = as_of or dt.date.today()
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def analysis_options(func: F) -> F:
    """``--policy FILE`` and ``--as-of DATE``, passed on as ``policy`` (a ``Policy``, the
    built-in defaults without a file) and ``as_of`` (see ``as_of_option``)."""

    @click.option(
        "--policy",
        "policy_file",
        type=click.Path(dir_okay=False),
        help="Policy file (TOML) with thresholds and costs [default: built-in defaults].",
    )
    @as_of_option
    @functools.wraps(func)
    def wrapper(*args: Any, policy_file: str | None, **kwargs: Any) -> Any:
        kwargs["policy"] = load_policy(policy_file)
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def area_options(func: F) -> F:
    """``--street`` and ``--district``: an id, or a name only one street / district has."""

    func = click.option("--district", help="Only this district (id or unique name).")(func)
    return click.option("--street", help="Only this street (id or unique name).")(func)


def read_graph(store_config: StoreConfig) -> Any:
    """The store's graph view (``Store.graph()``); ``EmptyStore`` when it holds nothing, so
    that an analysis of nothing is never mistaken for good news."""
    from graphmodel.errors import EmptyStore
    from graphmodel.store import open_store

    with open_store(store_config) as store:
        g = store.graph()
    if not g.number_of_nodes():
        raise EmptyStore()
    return g


def read_graph_and_ledgers(store_config: StoreConfig) -> tuple[Any, list[tuple[str, str]]]:
    """The store's graph view, as ``read_graph``, and the ledgers it was loaded from, each
    with when it was last loaded (local time, to the minute), in the order of those loads: what a
    report's scope line names. Both are read from one open store."""
    from graphmodel.errors import EmptyStore
    from graphmodel.store import open_store

    with open_store(store_config) as store:
        g = store.graph()
        loads = store.history()
    if not g.number_of_nodes():
        raise EmptyStore()
    last: dict[str, str] = {}
    for load in loads:  # oldest first: a later load of the same ledger replaces the time
        last.pop(load.ledger, None)
        when = dt.datetime.fromisoformat(load.at).astimezone()  # the reader's clock
        last[load.ledger] = when.strftime("%Y-%m-%d %H:%M")
    return g, list(last.items())


def emit_json(data: Any) -> None:
    """Print ``data`` as indented JSON, Chinese kept readable."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
