"""The rejects file: rejected rows written back in the ledger's own format, to fix and reload.

Its format follows its path: a name ending in ``.xlsx`` is a workbook with one sheet per
table (the original sheet names, or the CSV file stems), anything else is a folder of CSV
files (the original file names, or the sheet names plus ``.csv``) in UTF-8 with a BOM, which
Excel opens correctly. Each keeps the original headers and cells, and adds two columns the
reader understands: ``原位置 origin`` (where the row was first read; it stays the row's default
``source`` when the rejects are loaded) and ``问题 problem`` (everything wrong with the row,
one problem per line, in the command line's language: ``Problem.cell_text``). The two
headers are the same in either language, so that a rejects file loads whatever language
wrote it. Rows of several files with the same name (``load A B``) share one
output table whose headers are the union of theirs.

The default path sits beside the first ledger: ``台账.xlsx`` -> ``台账.rejects.xlsx``, the
folder ``ledger/`` -> ``ledger.rejects/``, ``communities.csv`` -> ``communities.rejects/``.

Nothing but an earlier rejects file is ever replaced: writing refuses a path that is one of
the ledgers being loaded (or a folder holding one), an existing workbook whose sheets are not
all rejects tables (last header ``问题 problem``), and a folder holding anything but rejects
CSV files. Both formats are written by ``graphmodel.tabular``, so no cell can run as a formula
and reading the file back gives the original cells.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from graphmodel.errors import GraphmodelError, LedgerError
from graphmodel.ledger.read import Ledger, Sheet
from graphmodel.ledger.tables import ORIGIN_HEADER, PROBLEM_HEADER, normalize
from graphmodel.ledger.validate import RejectedRow
from graphmodel.tabular import MAX_SHEET_NAME, write_csv, write_xlsx
from graphmodel.tabular import Sheet as OutSheet
from graphmodel.vocabulary import DEFAULT_LANG, problem_words

__all__ = ["default_rejects_path", "write_rejects"]

_META = {normalize(ORIGIN_HEADER), normalize(PROBLEM_HEADER)}


def default_rejects_path(ledger: Ledger) -> Path:
    """Where the rejects of ``ledger`` go unless the user says (see the module docstring)."""
    first = ledger.paths[0]
    if not first.name:
        first = first.resolve()
    if ledger.kind == "xlsx":
        return first.with_name(first.stem + ".rejects.xlsx")
    if first.is_dir():
        return first.with_name(first.name + ".rejects")
    return first.with_name(first.stem + ".rejects")


def write_rejects(
    rejected: Iterable[RejectedRow],
    path: str | Path,
    inputs: Sequence[Path] = (),
    lang: str = DEFAULT_LANG,
) -> Path:
    """Write ``rejected`` to ``path`` (a workbook or a folder of CSV, by its suffix), the
    problems said in ``lang``.

    ``inputs`` are the ledgers being loaded: ``path`` may be none of them, nor a folder
    holding one. Raises ``LedgerError`` when ``path`` would replace anything but an earlier
    rejects file (see the module docstring) or cannot be written."""
    path = Path(path)
    _refuse_inputs(path, inputs)
    tables = _tables(rejected, lang, xlsx=path.suffix.lower() == ".xlsx")
    try:
        if path.suffix.lower() == ".xlsx":
            _write_workbook(tables, path, lang)
        else:
            _write_folder(tables, path)
    except LedgerError:
        raise
    except GraphmodelError as e:
        raise LedgerError("rejects_unwritable", error=e) from e
    return path


def _refuse_inputs(path: Path, inputs: Sequence[Path]) -> None:
    target = path.resolve()
    for ledger in inputs:
        source = Path(ledger).resolve()
        if source == target or target in source.parents:
            raise LedgerError("rejects_overwrite_ledger", path=path, ledger=ledger)


class _Output:
    """One output table: the union of its sources' headers, and its rows."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.keys: list[tuple[str, str]] = []
        self.headers: list[str] = []
        self._rows: list[tuple[dict[tuple[str, str], Any], str, str]] = []

    def add(self, sheet: Sheet, rejected: RejectedRow) -> None:
        """Add ``rejected``'s cells under the headers their columns have in this table."""
        cells: dict[tuple[str, str], Any] = {}
        for index, header in enumerate(sheet.headers):
            if normalize(header) in _META:
                continue
            column = sheet.table.column_for(header) if header else None
            key = ("column", column.name) if column else ("header", header or f"#{index}")
            if key not in self.keys:
                self.keys.append(key)
                self.headers.append(header)
            if key not in cells and index < len(rejected.row.cells):
                cells[key] = rejected.row.cells[index]
        problems = "\n".join(p.cell_text(self.lang) for p in rejected.problems)
        self._rows.append((cells, rejected.row.origin, problems))

    @property
    def rows(self) -> list[list[Any]]:
        """Every row under every header, then its origin and problems."""
        return [[cells.get(k) for k in self.keys] + [o, p] for cells, o, p in self._rows]


def _tables(rejected: Iterable[RejectedRow], lang: str, *, xlsx: bool) -> dict[str, _Output]:
    tables: dict[str, _Output] = {}
    for item in rejected:
        sheet = item.sheet
        if xlsx:
            name = (sheet.sheet or sheet.path.stem)[:MAX_SHEET_NAME]
        else:
            name = f"{sheet.sheet}.csv" if sheet.sheet else sheet.path.name
        tables.setdefault(name, _Output(lang)).add(sheet, item)
    return tables


def _write_workbook(tables: dict[str, _Output], path: Path, lang: str) -> None:
    if path.is_dir():
        raise LedgerError("rejects_workbook_folder", path=path)
    if path.exists() and not _is_rejects_workbook(path):
        raise LedgerError("rejects_workbook_other", path=path)
    sheets = [
        OutSheet(name, [*output.headers, ORIGIN_HEADER, PROBLEM_HEADER], output.rows)
        for name, output in tables.items()
    ]
    if not sheets:
        words = problem_words(lang)
        sheets = [OutSheet(words["notes_sheet"], [PROBLEM_HEADER], [[words["no_rejects"]]])]
    write_xlsx(path, sheets)


def _write_folder(tables: dict[str, _Output], path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise LedgerError("rejects_folder_file", path=path)
    path.mkdir(parents=True, exist_ok=True)
    _clear(path)
    for name, output in tables.items():
        write_csv(path / name, [*output.headers, ORIGIN_HEADER, PROBLEM_HEADER], output.rows)


def _clear(folder: Path) -> None:
    """Remove an earlier run's rejects files; refuse a folder that holds anything else."""
    ours: list[Path] = []
    others: list[Path] = []
    for f in folder.iterdir():
        is_ours = f.suffix == ".csv" and _is_rejects_csv(f)
        (ours if is_ours else others).append(f)
    if others:
        raise LedgerError(
            "rejects_folder_other", path=folder, files=sorted(f.name for f in others)[:3]
        )
    for f in ours:
        f.unlink()


def _is_rejects_workbook(path: Path) -> bool:
    """Whether every sheet of the workbook at ``path`` ends in the problem column."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
    except Exception:  # not a workbook at all: not ours to replace
        return False
    try:
        for ws in book.worksheets:
            ws.reset_dimensions()
            header = next(ws.iter_rows(max_row=1, values_only=True), ())
            cells = [c for c in header if c is not None]
            if not cells or normalize(str(cells[-1])) != normalize(PROBLEM_HEADER):
                return False
        return True
    finally:
        book.close()


def _is_rejects_csv(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), [])
    except (OSError, UnicodeDecodeError):
        return False
    return bool(header) and normalize(header[-1]) == normalize(PROBLEM_HEADER)
