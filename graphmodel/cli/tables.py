"""The tables a command hands to Excel: ``--csv`` on standard output and ``--xlsx FILE``.

A command builds ``Out`` tables: a sheet name (a ``vocabulary.words`` key), field codes (the
stable English names of ``--json``) and rows as dicts of plain values (numbers as numbers,
dates as ISO text, lists as lists). ``emit_tables`` renders them:

- ``--csv``: the first table, flat (a list becomes ``a;b``), with a UTF-8 byte-order mark so
  that Excel in a Chinese locale opens it as UTF-8; headers in Chinese (``vocabulary``, kind
  ``field``), or the field codes with ``--lang en`` for machines;
- ``--xlsx FILE``: every table on a sheet of its own, headers in the chosen language, numbers
  as numbers and the date fields (``DATE_FIELDS``) as dates; header row frozen, filters on,
  widths fitted (``graphmodel.tabular`` writes both).

Nothing is written to the terminal for ``--xlsx`` but one line saying where the file is (on
standard error, so that ``--json`` or ``--csv`` output stays clean).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import click

__all__ = ["DATE_FIELDS", "XLSX_KEY", "Out", "emit_tables", "header", "write_table_csv"]

DATE_FIELDS = ("since", "until", "as_of", "analysis_date")
"""Fields whose ISO text is a date: real dates in a workbook."""

XLSX_KEY = "graphmodel.xlsx"
"""Where ``--xlsx FILE`` is kept in ``click.Context.meta``."""


@dataclass
class Out:
    """One table: ``sheet`` (a ``words`` key, or a name as it is), its ``fields`` and ``rows``
    (dicts; a missing key is an empty cell)."""

    sheet: str
    fields: Sequence[str]
    rows: list[dict[str, Any]] = field(default_factory=list)


def header(fields: Sequence[str], lang: str) -> list[str]:
    """The column names of ``fields`` in ``lang`` (an unknown field keeps its code)."""
    from graphmodel.vocabulary import name

    return [name("field", f, lang) for f in fields]


def _cells(out: Out, sep: str) -> list[list[Any]]:
    return [
        [
            sep.join(map(str, v)) if isinstance(v, (list, tuple)) else v
            for v in (row.get(f) for f in out.fields)
        ]
        for row in out.rows
    ]


def write_table_csv(out: Out, lang: str) -> None:
    """Print ``out`` as CSV on standard output: BOM, headers in ``lang`` (codes in English)."""
    from graphmodel.tabular import write_csv

    names = list(out.fields) if lang == "en" else header(out.fields, lang)
    text = io.StringIO()
    write_csv(text, names, _cells(out, ";"), bom=True)
    click.echo(text.getvalue(), nl=False)


def emit_tables(tables: Sequence[Out], fmt: str) -> None:
    """``--csv``: print the first of ``tables``; ``--xlsx FILE`` (from the context): write
    all of them as a workbook. Nothing for the other formats."""
    from graphmodel.cli.group import cli_lang

    lang = cli_lang()
    if fmt == "csv":
        write_table_csv(tables[0], lang)
    ctx = click.get_current_context(silent=True)
    path = ctx.meta.get(XLSX_KEY) if ctx is not None else None
    if path:
        write_workbook(path, tables, lang)


def write_workbook(path: str, tables: Sequence[Out], lang: str) -> None:
    """Write ``tables`` into the workbook ``path``, one sheet each, and say where it is."""
    from graphmodel.tabular import Sheet, write_xlsx
    from graphmodel.vocabulary import words

    w = words(lang)
    sheets = [
        Sheet(
            w.get(t.sheet, t.sheet),
            header(t.fields, lang),
            _cells(t, "、" if lang == "zh" else "; "),
            dates=tuple(header([f for f in t.fields if f in DATE_FIELDS], lang)),
        )
        for t in tables
    ]
    written = write_xlsx(path, sheets)
    click.echo(w["xlsx_written"].format(path=written), err=True)
    sys.stderr.flush()
