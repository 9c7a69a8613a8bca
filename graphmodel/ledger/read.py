"""Reading ledgers: a folder of CSV files, one CSV file, or an .xlsx workbook, into raw rows.

Reading only finds tables, headers and rows; it does not judge values (``validate`` does).
What it decides:

- Tables: a CSV file's stem or a sheet's name names the table (``tables.table_for``). Other
  files and sheets are reported as ``unknown_table`` warnings and skipped; the instructions
  sheet of the template (``说明``) is skipped silently.
- The header row is the first of the first ten rows in which a cell names a column of the
  table, so a title row above the headers (``XX街道结对共建台账``) is skipped. Unknown headers
  are reported as ``unknown_column`` warnings and their cells ignored; headers that identify
  people (``tables.PERSONAL_TERMS``: 联系人, 电话, 身份证 ...) as ``personal_column`` warnings,
  once per column: their cells are never stored (privacy rule).
- Rows are numbered as a spreadsheet shows them (the header row of a plain ledger is row 1).
  A row whose cells are all blank is skipped. In a workbook, a merged cell's value fills its
  whole range.
- CSV encodings are decided on the whole file: UTF-8 (with or without BOM) if it all is;
  else GB18030 (which includes GBK and GB2312) if it all is and no line reads better as UTF-8.
  A file that mixes them or is neither is an error naming the first line that does not fit. The delimiter is a comma, or a
  tab when the header line has tabs and no commas. A cell the tool guarded against formulas
  when writing it (``'=1+1``, see ``graphmodel.tabular``) reads as its original value.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphmodel.errors import LedgerError
from graphmodel.ledger.problems import Problem
from graphmodel.ledger.tables import (
    IGNORED_SHEETS,
    ORIGIN_HEADER,
    PROBLEM_HEADER,
    ROW_NUMBER_HEADERS,
    TABLES,
    Table,
    is_personal,
    normalize,
    table_for,
)
from graphmodel.ledger.values import cell_text, is_blank
from graphmodel.ledger.workbook import check_archive, scan_sheet, sheet_rows
from graphmodel.tabular import unguard

__all__ = ["Ledger", "Row", "Sheet", "read_csv", "read_ledger", "read_workbook"]

HEADER_SEARCH_ROWS = 10
_META = {normalize(h) for h in (PROBLEM_HEADER, ORIGIN_HEADER, *ROW_NUMBER_HEADERS)}


@dataclass
class Row:
    """A non-blank data row: its number as the spreadsheet shows it, its cells in file order
    (as many as there are headers), and ``origin``: where it was first read from (``file
    row N``, or the ``原位置 origin`` cell of a rejects file)."""

    number: int
    cells: tuple[Any, ...]
    origin: str


@dataclass
class Sheet:
    """One table read from one CSV file or one sheet of a workbook.

    ``headers`` are the header row's cells as written; ``columns`` maps a column's English
    name to its position in ``headers`` and in each row's ``cells``.
    """

    table: Table
    path: Path
    sheet: str
    headers: tuple[str, ...]
    columns: dict[str, int]
    rows: list[Row] = field(default_factory=list)
    encoding: str = ""

    @property
    def file(self) -> str:
        """The file as the user named it (for messages)."""
        return str(self.path)

    @property
    def name(self) -> str:
        """The file's name and sheet, as provenance writes them (``ledger.xlsx:社区``)."""
        return self.path.name + (f":{self.sheet}" if self.sheet else "")

    @property
    def kind(self) -> str:
        """``csv`` or ``xlsx``."""
        return "xlsx" if self.sheet else "csv"

    def header(self, column: str) -> str:
        """The header of ``column`` as written in the file (its English name if absent)."""
        index = self.columns.get(column)
        return column if index is None else self.headers[index]

    def value(self, row: Row, column: str) -> Any:
        """The raw cell of ``column`` in ``row`` (``None`` when blank or absent)."""
        index = self.columns.get(column)
        if index is None or index >= len(row.cells) or is_blank(row.cells[index]):
            return None
        return row.cells[index]


@dataclass
class Ledger:
    """Everything read from the paths given: the sheets in reading order, and warnings."""

    paths: tuple[Path, ...]
    sheets: list[Sheet] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """``xlsx`` when the first path is a workbook, else ``csv``: the rejects' format."""
        return "xlsx" if self.paths and _is_workbook(self.paths[0]) else "csv"


def read_ledger(paths: Iterable[str | os.PathLike[str]]) -> Ledger:
    """Read the ledgers at ``paths``: folders of CSV files, CSV files, .xlsx workbooks.

    Raises ``LedgerError`` when a path is missing or of an unknown kind, a CSV file is in an
    unknown encoding, a workbook cannot be opened, or no path holds a known table.
    """
    unique: list[Path] = []
    for p in map(Path, paths):
        if p.resolve() not in {u.resolve() for u in unique}:
            unique.append(p)
    if not unique:
        raise LedgerError("ledger_none")
    ledger = Ledger(tuple(unique))
    for path in unique:
        if path.is_dir():
            files = sorted(f for f in path.iterdir() if f.suffix.lower() == ".csv")
            if not files:
                raise LedgerError("ledger_empty_folder", path=path)
            for f in files:
                read_csv(f, ledger)
        elif _is_workbook(path):
            read_workbook(path, ledger)
        elif path.suffix.lower() == ".csv":
            read_csv(path, ledger)
        elif not path.exists():
            raise LedgerError("ledger_missing", path=path)
        elif path.suffix.lower() == ".xls":
            raise LedgerError("ledger_xls", path=path)
        else:
            raise LedgerError("ledger_kind", path=path)
    if not ledger.sheets:
        raise LedgerError(
            "ledger_no_table",
            paths=[str(p) for p in unique],
            tables={"zh": [t.aliases[0] for t in TABLES], "en": [t.name for t in TABLES]},
        )
    return ledger


def read_csv(path: Path, ledger: Ledger) -> None:
    """Read the CSV file at ``path`` into ``ledger`` (its stem names the table)."""
    table = _table(path, path.stem, "", ledger)
    if table is None:
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        raise LedgerError("ledger_unreadable", path=path, error=e) from e
    text, encoding = _decode(data, path)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    # a long cell is a row-level problem (validation), not a csv module error
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = _unguarded(reader, path)
    _read_rows(table, path, "", records, encoding, ledger)


def _unguarded(reader: Any, path: Path) -> Iterator[list[str]]:
    """The CSV records of ``reader``, each cell as ``tabular`` wrote it before guarding."""
    try:
        for record in reader:
            yield [unguard(cell) for cell in record]
    except csv.Error as e:
        raise LedgerError("ledger_csv", path=path, line=reader.line_num, reason=str(e)) from e


def read_workbook(path: Path, ledger: Ledger) -> None:
    """Read every sheet of the workbook at ``path`` into ``ledger``, within the bounds of
    ``graphmodel.ledger.workbook`` (a workbook beyond them is refused with ``LedgerError``).

    A merged cell's value counts in every cell of the merged range (ledgers merge a street's
    name down the rows of its communities).
    """
    from openpyxl import load_workbook

    if not path.exists():
        raise LedgerError("ledger_missing", path=path)
    check_archive(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises zipfile, KeyError and XML errors on bad files
        raise LedgerError("ledger_xlsx", path=path, reason=str(e)) from e
    try:
        for ws in book.worksheets:
            if normalize(ws.title) in {normalize(n) for n in IGNORED_SHEETS}:
                continue
            table = _table(path, ws.title, ws.title, ledger)
            if table is None:
                continue
            # openpyxl's streaming sheet keeps the path of its XML part; scanned first
            scan = scan_sheet(book._archive, ws._worksheet_path, f"{path}:{ws.title}")
            _read_rows(table, path, ws.title, sheet_rows(ws, scan), "xlsx", ledger)
    finally:
        book.close()


def _table(path: Path, name: str, sheet: str, ledger: Ledger) -> Table | None:
    table = table_for(name)
    if table is None:
        detail, what = ("sheet", sheet) if sheet else ("file", path.name)
        params = {"name": what, "tables": [t.name for t in TABLES]}
        ledger.warnings.append(
            Problem("unknown_table", str(path), sheet, detail=detail, params=params)
        )
    return table


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """The text of a CSV file and its encoding, decided on the whole file: UTF-8 if all of it
    is UTF-8, else GB18030 if all of it is GB18030 and no line reads better as UTF-8. A file
    that mixes the two (a GBK line pasted into a UTF-8 file) or is neither is refused with the
    first line that does not fit, never decoded in part or as mojibake."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return text, "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    lines = data.split(b"\n")
    not_utf8 = _first_line(lines, ("utf-8",))
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        bad = _first_line(lines, ("utf-8", "gb18030"))
        if bad:
            raise LedgerError("ledger_encoding", path=path, line=bad) from None
        text = ""
    utf8 = next(
        (n for n, line in enumerate(lines, 1) if not line.isascii() and _utf8_line(line, text)),
        0,
    )
    if utf8:
        raise LedgerError("ledger_mixed_encoding", path=path, line=not_utf8, utf8_line=utf8)
    return text, "gb18030"


def _first_line(lines: list[bytes], encodings: tuple[str, ...]) -> int:
    """The number of the first of ``lines`` valid in none of ``encodings`` (0: none)."""
    for number, line in enumerate(lines, start=1):
        for encoding in encodings:
            try:
                line.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            return number
    return 0


def _utf8_line(line: bytes, gb18030_text: str) -> bool:
    """Whether ``line`` is UTF-8 in a file that is not all UTF-8: valid UTF-8, and, when the
    whole file is valid GB18030 (``gb18030_text`` not empty), holding more of the 3,755 most
    common Chinese characters (GB2312 level 1) read as UTF-8 than read as GB18030. GBK text
    is valid UTF-8 by chance in short lines (3% of two-character names), but then it reads as
    rare characters; UTF-8 read as GB18030 is mojibake of rarer ones."""
    try:
        as_utf8 = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not gb18030_text or _common_chars(as_utf8) > _common_chars(line.decode("gb18030"))


def _common_chars(text: str) -> int:
    count = 0
    for char in text:
        if "\u4e00" <= char <= "\u9fff":
            try:
                count += 0xB0 <= char.encode("gb2312")[0] <= 0xD7
            except UnicodeEncodeError:
                continue
    return count


def _read_rows(
    table: Table,
    path: Path,
    sheet: str,
    records: Iterable[Iterable[Any]],
    encoding: str,
    ledger: Ledger,
) -> None:
    records = iter(records)
    buffered: list[tuple[int, tuple[Any, ...]]] = []
    header_at = 0
    for number, record in enumerate(records, start=1):
        cells = tuple(record)
        buffered.append((number, cells))
        if any(isinstance(c, str) and table.column_for(c) for c in cells):
            header_at = len(buffered) - 1
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if not buffered:
        ledger.sheets.append(Sheet(table, path, sheet, (), {}, encoding=encoding))
        return
    headers = tuple(cell_text(c) if c is not None else "" for c in buffered[header_at][1])
    result = Sheet(table, path, sheet, headers, {}, encoding=encoding)
    origin_at = _columns(result, ledger)
    unlabeled = 0
    for number, record in [*buffered[header_at + 1 :], *enumerate(records, len(buffered) + 1)]:
        cells = tuple(record)
        unlabeled += sum(
            1
            for i, c in enumerate(cells)
            if not is_blank(c) and (i >= len(headers) or not headers[i])
        )
        cells = cells[: len(headers)]
        if all(is_blank(c) for c in cells):
            continue
        origin = f"{result.name} row {number}"
        if origin_at is not None and origin_at < len(cells) and not is_blank(cells[origin_at]):
            origin = cell_text(cells[origin_at])
        result.rows.append(Row(number, cells, origin))
    if unlabeled:
        ledger.warnings.append(
            Problem(
                "unknown_column",
                result.file,
                sheet,
                table=table.name,
                detail="unlabeled",
                params={"n": unlabeled},
            )
        )
    ledger.sheets.append(result)


def _columns(sheet: Sheet, ledger: Ledger) -> int | None:
    """Fill ``sheet.columns`` from its headers, warning about unknown and repeated ones;
    return the position of the origin column of a rejects file, if there is one."""
    origin_at = None
    for index, header in enumerate(sheet.headers):
        if not header:
            continue
        if normalize(header) in _META:
            if normalize(header) == normalize(ORIGIN_HEADER):
                origin_at = index
            continue
        column = sheet.table.column_for(header)
        params: dict[str, Any] = {}
        if column is None and is_personal(header):
            code = "personal_column"
        elif column is None:
            code, params = "unknown_column", {"columns": [c.name for c in sheet.table.columns]}
        elif column.name in sheet.columns:
            code = "duplicate_column"
            params = {"column": column.name, "first": sheet.header(column.name)}
        else:
            sheet.columns[column.name] = index
            continue
        ledger.warnings.append(
            Problem(code, sheet.file, sheet.sheet, 0, header, "", sheet.table.name, params=params)
        )
    return origin_at


def _is_workbook(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")
