"""``graphmodel load``, ``history`` and ``template``: ledgers into the store, the loads it
recorded, and a blank ledger.

Exit codes of ``load``: 0 when every row loaded (warnings allowed); 1 when a row was rejected
(the valid rows are loaded unless ``--strict`` or ``--dry-run``), or when a ledger or the store
cannot be read at all; 2 for a usage error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from graphmodel.cli.options import cli_lang, emit_json, store_options
from graphmodel.cli.render import console, print_table, terminal_text
from graphmodel.store import StoreConfig, open_store
from graphmodel.vocabulary import words

if TYPE_CHECKING:
    from graphmodel.load import LoadProgress, LoadReport
    from graphmodel.sync import SyncPlan

__all__ = ["COMMANDS", "history_cmd", "load_cmd", "template_cmd"]

PROGRESS_MIN_RECORDS = 2000
"""Batches smaller than this load in a blink: no progress bar."""


@click.command("load")
@click.argument("ledgers", nargs=-1, type=click.Path(exists=True))
@store_options
@click.option("--dry-run", is_flag=True, help="Validate and report; write nothing.")
@click.option("--strict", is_flag=True, help="Load nothing if any row is rejected.")
@click.option(
    "--rejects",
    type=click.Path(),
    help="Where to write rejected rows (.xlsx: a workbook; else a folder of CSV) "
    "[default: beside the first ledger, e.g. 台账.rejects.xlsx, ledger.rejects/].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def load_cmd(
    ledgers: tuple[str, ...],
    store_config: StoreConfig,
    dry_run: bool,
    strict: bool,
    rejects: str | None,
    as_json: bool,
) -> None:
    """Load ledgers (folders of CSV files, CSV files, .xlsx workbooks) into the store.

    Without LEDGERS, loads the seed dataset (seed/ledger/). Every problem is reported with
    file, sheet, row and column; valid rows load anyway and rejected rows are written to a
    rejects file to fix and load again. Exit code 1 when any row was rejected.

    \b
    Example:
        graphmodel load 台账.xlsx --dry-run
        graphmodel load 台账.xlsx
        graphmodel load 台账.rejects.xlsx     # after fixing the rejected rows
    """
    from graphmodel.load import default_ledger, load

    paths = list(ledgers) or [str(default_ledger())]
    lang = cli_lang()
    with open_store(store_config) as store, _progress(disabled=as_json) as progress:
        report = load(
            paths,
            store,
            strict=strict,
            dry_run=dry_run,
            rejects=rejects,
            progress=progress,
            lang=lang,
        )
    if as_json:
        emit_json(report.to_dict(lang))
    else:
        _render(report, store_config)
    if not report.ok:
        raise click.exceptions.Exit(1)


@click.command("history")
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON (stable field names).")
def history_cmd(store_config: StoreConfig, as_json: bool) -> None:
    """List the loads the store has recorded: when (local time), which ledger, its content
    hash, and the records each added, changed and removed.

    \b
    Example:
        graphmodel history
        graphmodel history --json
    """
    with open_store(store_config) as store:
        loads = store.history()
    if as_json:
        emit_json([entry.to_dict() for entry in loads])
        return
    w = words(cli_lang())
    rows = [
        (
            dt.datetime.fromisoformat(e.at).astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            e.ledger,
            e.hash[:12],
            e.added,
            e.changed,
            e.removed,
        )
        for e in loads
    ]
    headers = ("loaded_at", "ledger", "content_hash", "load_added", "load_changed", "load_removed")
    print_table(w["history_title"], [w[h] for h in headers], rows)


@click.command("template")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def template_cmd(out: str, force: bool) -> None:
    """Write a blank ledger workbook: one sheet per table, and an instructions sheet (说明)
    with one example row per table.

    Sheet names and headers are Chinese by default, the English table and column names with
    --lang en; each header carries a comment saying what it takes, and columns with a closed
    vocabulary have a drop-down list. Every table may also have a 序号 (row number) column.
    The blank template loads as an empty ledger.

    \b
    Example:
        graphmodel template 台账模板.xlsx
        graphmodel template ledger-template.xlsx --lang en
    """
    from graphmodel.ledger.template import write_template

    lang = cli_lang()
    path = write_template(out, overwrite=force, lang=lang)
    click.echo(words(lang)["template_written"].format(path=path))


@contextmanager
def _progress(disabled: bool) -> Iterator[LoadProgress]:
    """A progress callback drawing a bar on standard error, for batches worth watching."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    err = Console(stderr=True)
    bar = Progress(
        TextColumn(words(cli_lang())["writing"]),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=disabled or not err.is_terminal,
    )
    task = None

    def advance(done: int, total: int) -> None:
        nonlocal task
        if total < PROGRESS_MIN_RECORDS:
            return
        if task is None:
            bar.start()
            task = bar.add_task("write", total=total)
        bar.advance(task, done)

    try:
        yield advance
    finally:
        bar.stop()


def _render(report: LoadReport, config: StoreConfig) -> None:
    from graphmodel.ledger.tables import sheet_name, table_for

    lang = cli_lang()
    w = words(lang)
    rows = []
    for t in report.tables:
        table = table_for(t.table)
        shown = sheet_name(table, lang) if table else t.table
        rows.append((shown, t.read, t.valid, t.rejected, t.valid if report.loaded else 0))
    print_table(w["ledger"], (w["table"], w["read"], w["valid"], w["rejected"], w["loaded"]), rows)
    for key, severity in (("problems", "error"), ("warnings", "warning")):
        found = [p for p in report.problems if p.severity == severity]
        if found:
            console.print(f"{w[key]} ({len(found)}):", style="bold")
            for problem in found:
                line = terminal_text(problem.text(lang))
                console.print(f"  {line}", markup=False, soft_wrap=True)
    where = str(config.db_path) if config.store == "embedded" else "Neo4j"
    if config.store == "neo4j" and config.uri:
        where += f" ({config.uri})"
    changes = report.changes
    if changes is not None and (report.loaded or report.dry_run) and changes.tables:
        title = w["load_changes_title"] + (w["load_changes_dry"] if report.dry_run else "")
        changed = [
            (_kind_name(name, lang), t.added, t.changed, t.removed)
            for name, t in sorted(changes.tables.items())
        ]
        print_table(
            title,
            (w["table"], w["load_added"], w["load_changed"], w["load_removed"]),
            changed,
        )
    if changes is not None and changes.kept and (report.loaded or report.dry_run):
        console.print(w["load_kept"].format(n=changes.kept))
    if report.loaded:
        console.print(
            w["load_done"].format(
                nodes=report.nodes, relationships=report.relationships, where=where
            )
        )
        if changes is not None:
            console.print(_totals(changes, w["load_changes"]))
        if report.created:
            console.print(w["load_created"].format(n=len(report.created)))
    elif report.dry_run:
        console.print(
            w["load_dry_run"].format(
                nodes=report.nodes,
                relationships=report.relationships,
                changes=_totals(changes, w["load_dry_run_changes"]) if changes else "",
            )
        )
    elif report.strict and not report.ok:
        console.print(w["load_strict"].format(n=report.rejected))
    else:
        console.print(w["load_nothing"])
    if report.rejects:
        text = w["load_rejects"].format(n=report.rejected, path=report.rejects)
        if report.loaded:
            text += w["load_fix"].format(path=report.rejects)
        console.print(text)


def _kind_name(kind: str, lang: str) -> str:
    """A node label or relationship type, as the vocabulary names it."""
    from graphmodel.schema import LABELS
    from graphmodel.vocabulary import label_name, tie_name

    return label_name(kind, lang) if kind in LABELS else tie_name(kind, lang)


def _totals(changes: SyncPlan, template: str) -> str:
    return template.format(
        added=changes.count("added"),
        changed=changes.count("changed"),
        removed=changes.count("removed"),
    )


COMMANDS = (load_cmd, history_cmd, template_cmd)
