"""Option groups shared by several commands, and the JSON and CSV printers.

Each option maps onto a keyword of a library call: the store options build a ``StoreConfig``
passed to the command as ``store_config``; the output options set ``fmt`` to ``text``,
``json`` or ``csv``.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

from graphmodel.analysis.policy import load_policy
from graphmodel.store import StoreConfig

__all__ = [
    "analysis_options",
    "area_options",
    "as_of_option",
    "emit_csv",
    "emit_json",
    "output_options",
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
    """``--json`` and ``--csv``: machine-readable output instead of the human default."""

    @click.option("--json", "as_json", is_flag=True, help="Print JSON (stable field names).")
    @click.option("--csv", "as_csv", is_flag=True, help="Print CSV (tables only).")
    @functools.wraps(func)
    def wrapper(*args: Any, as_json: bool, as_csv: bool, **kwargs: Any) -> Any:
        if as_json and as_csv:
            raise click.UsageError("--json and --csv exclude each other")
        kwargs["fmt"] = "json" if as_json else "csv" if as_csv else "text"
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def as_of_option(func: F) -> F:
    """``--as-of DATE`` (``YYYY-MM-DD``, default today), passed as ``as_of``, a ``datetime.date``."""

    @click.option(
        "--as-of",
        "as_of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        metavar="DATE",
        help="The day on which ties must be in force, YYYY-MM-DD [default: today].",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, as_of: dt.datetime | None, **kwargs: Any) -> Any:
        kwargs["as_of"] = as_of.date() if as_of else dt.date.today()
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


def emit_json(data: Any) -> None:
    """Print ``data`` as indented JSON, Chinese kept readable."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit_csv(rows: Iterable[dict[str, Any]], fields: Sequence[str]) -> None:
    """Print ``rows`` as CSV with the header ``fields`` (keys outside ``fields`` ignored),
    through ``graphmodel.tabular``: no cell can run as a formula; no BOM on a stream."""
    from graphmodel.tabular import write_csv

    out = io.StringIO()
    write_csv(out, fields, ([row.get(f) for f in fields] for row in rows), bom=False)
    click.echo(out.getvalue(), nl=False)
