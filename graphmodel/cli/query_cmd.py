"""``graphmodel query``: list, run and export the named Cypher queries of ``cypher/queries/``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from graphmodel.cli.options import (
    cli_lang,
    emit_json,
    output_options,
    store_options,
)
from graphmodel.cli.render import console, print_table
from graphmodel.cli.tables import Out, emit_tables, header
from graphmodel.store import StoreConfig
from graphmodel.vocabulary import words

if TYPE_CHECKING:
    from graphmodel import queries

__all__ = ["COMMANDS"]


@click.command(name="query")
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter of the query, typed as its header says (repeat for each).",
)
@click.option("--list", "list_all", is_flag=True, help="List the queries and their parameters.")
@click.option(
    "--export",
    "export_dir",
    type=click.Path(file_okay=False),
    help="Write every query as a Neo4j Browser favorite (NAME.cql) into this folder.",
)
@store_options
@output_options
def query(
    name: str | None,
    params: tuple[str, ...],
    list_all: bool,
    export_dir: str | None,
    store_config: StoreConfig,
    fmt: str,
) -> None:
    """Run a named query of the library on Neo4j, in a read-only transaction.

    NAME is a query of cypher/queries/ (see --list); -p gives its parameters. A statement
    that would write is refused. Needs --store neo4j (or GRAPHMODEL_STORE=neo4j): the
    queries are Cypher.

    \b
    Example:
        graphmodel query --list
        graphmodel query partners -p ref=站东社区 -p as_of=2023-06-30 --store neo4j
        graphmodel query --export favorites/
    """
    from graphmodel import queries

    if list_all or export_dir:
        library = queries.library()
        if export_dir:
            written = queries.export_favorites(library, export_dir)
            from graphmodel.vocabulary import status_text

            click.echo(
                status_text("query_favorites", cli_lang(), n=len(written), folder=export_dir)
            )
        if list_all:
            _render_list(library, fmt)
        return
    if not name:
        from graphmodel.vocabulary import status_text

        raise click.UsageError(status_text("usage_query_name", cli_lang()))
    chosen = queries.find_query(name)
    values = queries.parse_params(chosen, params)
    if store_config.store != "neo4j":
        raise queries.QueryError("query_needs_neo4j")
    with queries.connect(store_config) as (driver, database):
        result = queries.run_query(driver, chosen, values, database=database)
        if not result.rows and isinstance(values.get("ref"), str):
            queries.check_ref(driver, values["ref"], database)
    emit_tables(
        [
            Out(
                chosen.name,
                result.columns,
                [{k: _flat(v) for k, v in r.items()} for r in result.rows],
            )
        ],
        fmt,
    )
    if fmt == "json":
        emit_json(result.rows)
    elif fmt == "text":
        rows = [[_text(row[c]) for c in result.columns] for row in result.rows]
        lang = cli_lang()
        print_table(
            words(lang)["query_title"].format(
                title=chosen.zh if lang == "zh" else chosen.en, name=chosen.name, n=len(rows)
            ),
            header(result.columns, lang),
            rows,
        )


def _render_list(library: list[queries.Query], fmt: str) -> None:
    if fmt == "json":
        emit_json([q.to_dict() for q in library])
        return
    rows = [
        {
            "name": q.name,
            "zh": q.zh,
            "en": q.en,
            "params": " ".join(f"{p.name}={p.example}" for p in q.params),
            "returns": ", ".join(q.returns),
        }
        for q in library
    ]
    emit_tables([Out("query_library", ("name", "zh", "en", "params", "returns"), rows)], fmt)
    if fmt == "csv":
        return
    lang = cli_lang()
    w = words(lang)
    print_table(
        w["query_library"] + f" ({len(rows)})",
        (w["query_name"], w["purpose"], w["params_example"], w["returns"]),
        [[r["name"], r["zh" if lang == "zh" else "en"], r["params"], r["returns"]] for r in rows],
    )
    console.print(w["query_run_one"])


def _text(value: Any) -> str:
    """A cell for the terminal: names for nodes and paths, lists joined with 、."""
    if value is None:
        return ""
    if isinstance(value, dict) and "nodes" in value:
        return " — ".join(_text(n) for n in value["nodes"])
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or value.get("type") or value)
    if isinstance(value, list):
        return "、".join(_text(v) for v in value)
    return str(value)


def _flat(value: Any) -> Any:
    """A cell for CSV and Excel: a list of plain values stays a list (joined when written),
    a node, relationship or path becomes its names (``_text``), never JSON."""
    if isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value):
        return ["" if v is None else v for v in value]
    if isinstance(value, (dict, list)):
        return _text(value)
    return value


COMMANDS = (query,)
