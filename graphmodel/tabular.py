"""The one writer of every CSV and .xlsx the tool produces (rejects, ``--csv``, ``--xlsx``).

Nothing written here can run in a spreadsheet. Spreadsheet programs read a cell that starts
with ``=``, ``+``, ``-`` or ``@`` (and, in CSV, after a tab or a carriage return) as a formula
(CSV/formula injection), so a ledger name like ``=HYPERLINK(...)`` must never reach a cell as
it is:

- CSV: a text value that starts with one of ``FORMULA_TRIGGERS``, possibly after apostrophes,
  gets one more apostrophe in front (``=1+1`` -> ``'=1+1``, ``'=1+1`` -> ``''=1+1``);
  Excel shows such a field as text. ``unguard`` removes exactly that apostrophe again, and the
  ledger reader applies it to every CSV cell, so writing a value and reading it back gives
  the original (``unguard(guard(v)) == v`` for every text ``v``).
- .xlsx: such a value is written as a text cell with Excel's "quote prefix" style (what typing
  ``'=1+1`` in Excel makes): Excel shows the text, keeps it text when the cell is edited, and
  openpyxl (so the ledger reader) reads the original value without any apostrophe.

Numbers are written as numbers and dates as dates; only text is guarded (``-5`` as a number is
a number, ``"-5"`` as text is guarded). In .xlsx, control characters (which the format cannot
hold, NUL included) are written as their visible Unicode "control pictures" (NUL -> ``␀``,
U+2400 + code); a carriage return reads back as a line feed (XML's rule); text is cut at
Excel's 32,767 characters per cell (a ledger cell longer than that is rejected); whole numbers beyond Excel's 15 exact digits as text so no digit is lost.

Files: CSV is UTF-8 with a byte-order mark so that Excel in a Chinese locale opens it as
UTF-8 (CSV printed to standard output has no BOM: it goes to pipes). A workbook has one sheet
per ``Sheet``, the header row frozen and bold, an autofilter over the table, column widths
fitted to the content (CJK characters count double, capped at ``MAX_COLUMN_WIDTH``), and text
of several lines wrapped in its cell.

The API::

    from graphmodel.tabular import Sheet, write_csv, write_xlsx

    write_csv("gaps.csv", ["id", "名称 name"], [["C-1", "=1+1"]])
    write_csv(sys.stdout, header, rows, bom=False)      # any text stream
    write_xlsx("gaps.xlsx", [Sheet("缺口 gaps", header, rows, dates=("since",))])

>>> guard("=SUM(A1:A9)"), guard("-"), guard("'=x"), guard("a=b"), guard(-5)
("'=SUM(A1:A9)", "'-", "''=x", 'a=b', -5)
>>> unguard(guard("\\t=cmd")) == "\\t=cmd", unguard("'abc")
(True, "'abc")
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from graphmodel.errors import GraphmodelError

__all__ = [
    "FORMULA_TRIGGERS",
    "MAX_COLUMN_WIDTH",
    "Sheet",
    "guard",
    "unguard",
    "write_csv",
    "write_xlsx",
]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""

MAX_COLUMN_WIDTH = 60
"""The widest a fitted .xlsx column gets, in Excel's character units."""

MAX_SHEET_NAME = 31
"""Excel's limit on a sheet name's length."""

LINE_HEIGHT = 15
"""The height of one line of text in a workbook row, in points."""

EXACT_DIGITS = 15
"""Excel keeps 15 significant digits: larger whole numbers are written as text."""

_GUARDED = re.compile(r"'*[=+\-@\t\r]")
_UNGUARD = re.compile(r"'+[=+\-@\t\r]")
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHEET_NAME_ILLEGAL = re.compile(r"[\[\]:*?/\\]")


def guard(value: Any) -> Any:
    """``value`` made safe for a CSV cell: text starting with a formula trigger (after any
    apostrophes) gets one apostrophe in front; anything else is returned as it is."""
    if isinstance(value, str) and _GUARDED.match(value):
        return "'" + value
    return value


def unguard(text: str) -> str:
    """The value ``guard`` was given: one leading apostrophe removed when it guards a
    trigger; any other text is returned as it is."""
    return text[1:] if _UNGUARD.match(text) else text


@dataclass
class Sheet:
    """One table of a workbook: its sheet ``name`` (cut to 31 characters, ``[]:*?/\\``
    replaced), its ``header`` and ``rows``. ``dates`` names header columns whose ISO text
    values (``2023-05-01``) are written as real Excel dates."""

    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[Any]]
    dates: Collection[str] = field(default_factory=tuple)


def write_csv(
    target: str | Path | TextIO,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    bom: bool = True,
) -> None:
    """Write ``header`` and ``rows`` as CSV to ``target``: a path (created, parents too;
    UTF-8 with a BOM unless ``bom`` is false) or an open text stream (written as it is, with
    a BOM only when ``bom`` is true). Values: ``None`` is empty, text is guarded, dates are
    ISO, whole floats lose ``.0``, booleans are ``true``/``false``.

    Raises ``GraphmodelError`` when the file cannot be written."""
    if isinstance(target, (str, Path)):
        path = Path(target)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
                _write_csv(f, header, rows)
        except OSError as e:
            raise GraphmodelError("cannot_write", path=path, error=e) from e
        return
    if bom:
        target.write("\ufeff")
    _write_csv(target, header, rows)


def _write_csv(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_csv_text(h) for h in header])
    for row in rows:
        writer.writerow([_csv_text(v) for v in row])


def _csv_text(value: Any) -> str:
    """The CSV field of ``value``: numbers as numbers (``-1`` stays a number), all else as
    guarded text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    return str(guard(str(value)))


def write_xlsx(path: str | Path, sheets: Iterable[Sheet]) -> Path:
    """Write ``sheets`` as a workbook at ``path`` (see the module docstring for the format)
    and return the path. A workbook without sheets gets one empty sheet (Excel needs one).

    Raises ``GraphmodelError`` when the file cannot be written."""
    from openpyxl import Workbook

    path = Path(path)
    book = Workbook(write_only=True)
    names: set[str] = set()
    for sheet in sheets:
        _add_sheet(book, sheet, _unique(_sheet_name(sheet.name), names))
    if not names:
        book.create_sheet("Sheet1")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
    except OSError as e:
        raise GraphmodelError("cannot_write", path=path, error=e) from e
    return path


def _add_sheet(book: Any, sheet: Sheet, name: str) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header = [_xlsx_value(h, False) for h in sheet.header]
    date_at = {i for i, h in enumerate(sheet.header) if h in sheet.dates}
    rows = [[_xlsx_value(v, i in date_at) for i, v in enumerate(row)] for row in sheet.rows]
    ws = book.create_sheet(name)
    width = max([len(header), *(len(r) for r in rows)])
    widths = [0] * width
    for row in [header, *rows]:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], _display_width(value))
    widths = [min(max(w, 4) + 2, MAX_COLUMN_WIDTH) for w in widths]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    if width:
        ws.auto_filter.ref = f"A1:{get_column_letter(width)}{len(rows) + 1}"
    bold = Font(bold=True)
    ws.append([_cell(ws, WriteOnlyCell, v, bold) for v in header])
    for number, row in enumerate(rows, start=2):
        lines = max((_lines(v, widths[i]) for i, v in enumerate(row)), default=1)
        if lines > 1:  # spreadsheets do not all fit a row's height to wrapped text
            ws.row_dimensions[number].height = LINE_HEIGHT * lines
        ws.append([_cell(ws, WriteOnlyCell, v, None) for v in row])


def _lines(value: Any, width: int) -> int:
    """How many lines ``value`` takes in a wrapped cell ``width`` characters wide."""
    if not isinstance(value, str) or (len(value) < width and "\n" not in value):
        return 1
    usable = max(width - 2, 1)
    return sum(max(1, -(-_display_width(line) // usable)) for line in value.split("\n"))


def _cell(ws: Any, make: Any, value: Any, font: Any) -> Any:
    from openpyxl.styles import Alignment

    cell = make(ws, value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if _GUARDED.match(value):
            cell.quotePrefix = True
        if "\n" in value or len(value) > MAX_COLUMN_WIDTH // 2:  # wrapped in the cell
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    elif isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    if font is not None:
        cell.font = font
    return cell


def _xlsx_value(value: Any, as_date: bool) -> Any:
    if isinstance(value, str):
        if as_date and _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return value
        return _XLSX_ILLEGAL.sub(lambda m: chr(0x2400 + ord(m[0])), value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value if abs(value) < 10**EXACT_DIGITS else str(value)
    if value is None or isinstance(value, (bool, float, dt.date)):
        return value
    return _xlsx_value(str(value), as_date)


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    text = value if isinstance(value, str) else str(value)
    longest = 0
    for line in text.split("\n"):
        w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
        longest = max(longest, w)
        if longest >= MAX_COLUMN_WIDTH:
            break
    return longest


def _sheet_name(name: str) -> str:
    return _SHEET_NAME_ILLEGAL.sub("_", name)[:MAX_SHEET_NAME] or "Sheet"


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = name[: MAX_SHEET_NAME - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate
