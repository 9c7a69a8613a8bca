"""``graphmodel load``, ``history`` and ``template``: ledgers into the store, the loads it
recorded, and a blank ledger.

Exit codes of ``load``: 0 when every row loaded (warnings allowed); 1 when a row was rejected
(the valid rows are loaded unless ``--strict`` or ``--dry-run``), or when a ledger or the store
cannot be read at all; 2 for a usage error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from graphmodel.cli.options import emit_json, store_options
from graphmodel.cli.render import console, print_table, terminal_text
from graphmodel.store import StoreConfig, open_store

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
    """Load ledgers (台账: folders of CSV files, CSV files, .xlsx workbooks) into the store.

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
    with open_store(store_config) as store, _progress(disabled=as_json) as progress:
        report = load(
            paths, store, strict=strict, dry_run=dry_run, rejects=rejects, progress=progress
        )
    if as_json:
        emit_json(report.to_dict())
    else:
        _render(report, store_config)
    if not report.ok:
        raise click.exceptions.Exit(1)


@click.command("history")
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON (stable field names).")
def history_cmd(store_config: StoreConfig, as_json: bool) -> None:
    """List the loads the store has recorded: when (UTC), which ledger, its content hash, and
    the records each added, changed and removed.

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
    rows = [(e.at, e.ledger, e.hash[:12], e.added, e.changed, e.removed) for e in loads]
    print_table(
        "载入历史 Load history",
        ("时间 at (UTC)", "台账 ledger", "hash", "新增 added", "修改 changed", "删除 removed"),
        rows,
    )


@click.command("template")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
def template_cmd(out: str, force: bool) -> None:
    """Write a blank ledger workbook: one sheet per table, and a 说明 (instructions) sheet.

    Headers are the English column names; each carries a comment with its Chinese aliases and
    what it takes. The blank template loads as an empty ledger.

    \b
    Example:
        graphmodel template 台账模板.xlsx
    """
    from graphmodel.ledger.template import write_template

    path = write_template(out, overwrite=force)
    click.echo(f"{path}: blank ledger template (docs/ledger-format.md describes the format)")


@contextmanager
def _progress(disabled: bool) -> Iterator[LoadProgress]:
    """A progress callback drawing a bar on standard error, for batches worth watching."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    err = Console(stderr=True)
    bar = Progress(
        TextColumn("写入 writing"),
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
    rows = [
        (t.table, t.read, t.valid, t.rejected, t.valid if report.loaded else 0)
        for t in report.tables
    ]
    print_table(
        "台账 Ledger", ("table", "读取 read", "有效 valid", "拒绝 rejected", "载入 loaded"), rows
    )
    for title, severity in (("问题 Problems", "error"), ("警告 Warnings", "warning")):
        found = [p for p in report.problems if p.severity == severity]
        if found:
            console.print(f"{title} ({len(found)}):", style="bold")
            for problem in found:
                console.print(f"  {terminal_text(problem)}", markup=False, soft_wrap=True)
    where = str(config.db_path) if config.store == "embedded" else "Neo4j"
    if config.store == "neo4j" and config.uri:
        where += f" at {config.uri}"
    changes = report.changes
    if changes is not None and (report.loaded or report.dry_run) and changes.tables:
        title = "变更 Changes" + (" (dry run: not written)" if report.dry_run else "")
        changed = [
            (name, t.added, t.changed, t.removed) for name, t in sorted(changes.tables.items())
        ]
        print_table(title, ("table", "新增 added", "修改 changed", "删除 removed"), changed)
    if changes is not None and changes.kept and (report.loaded or report.dry_run):
        console.print(
            f"{changes.kept} records this ledger no longer names are kept while rows are "
            "rejected; the next load without rejected rows removes them."
        )
    if report.loaded:
        console.print(
            f"Loaded {report.nodes} nodes and {report.relationships} relationships into {where}."
        )
        if changes is not None:
            console.print(f"Store changes: {_totals(changes)}.")
        if report.created:
            console.print(
                f"Created {len(report.created)} party organizations (党组织) for units and "
                "communities named in pairings or reports."
            )
    elif report.dry_run:
        console.print(
            f"Dry run: nothing written ({report.nodes} nodes and {report.relationships} "
            "relationships would load"
            + (f"; store changes: {_totals(changes)}" if changes is not None else "")
            + ")."
        )
    elif report.strict and not report.ok:
        console.print(f"--strict: nothing loaded, {report.rejected} rows rejected.")
    else:
        console.print("Nothing to load.")
    if report.rejects:
        text = f"{report.rejected} rejected rows written to {report.rejects}"
        if report.loaded:
            text += f"; fix them, then: graphmodel load {report.rejects}"
        console.print(text + ".")


def _totals(changes: SyncPlan) -> str:
    return (
        f"{changes.count('added')} added, {changes.count('changed')} changed, "
        f"{changes.count('removed')} removed"
    )


COMMANDS = (load_cmd, history_cmd, template_cmd)
