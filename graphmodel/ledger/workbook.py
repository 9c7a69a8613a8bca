"""Reading .xlsx workbooks within fixed bounds, so that no file can exhaust memory or time.

An .xlsx is a zip of XML parts. A 5 KB file can declare a cell at XFD1048576, merge a range of
17 billion cells, or unpack into gigabytes of XML; read naively (openpyxl's normal mode builds
every cell of a merged range), each grows memory without bound. So a workbook is read in
three steps, each bounded:

1. The zip directory: a part that unpacks beyond ``MAX_PART_BYTES`` is refused before any XML
   is parsed (the zip reader never returns more than a part's declared size).
2. Each sheet's XML is scanned as a byte stream (a regular expression over 4 MB chunks, memory
   independent of the sheet's size): a row beyond ``MAX_ROWS``, a row with a cell beyond
   ``MAX_COLUMNS``, more than ``MAX_CELLS`` cells, or a merged range of more than
   ``MAX_MERGED_CELLS`` cells (all ranges of a sheet together) is refused with the cell or
   range that crosses the bound, before any row is read.
3. Rows are read by openpyxl's streaming reader, cut to the sheet's last used column, and each
   merged range's value is copied into its cells row by row (ranges, not cells, are kept), in
   the rows the sheet has.

The bounds are far beyond what a ledger holds (a city's communities fill 7,000 rows of about
ten columns) and are documented in ``docs/ledger-format.md``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphmodel.errors import LedgerError

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_MERGED_CELLS",
    "MAX_PART_BYTES",
    "MAX_ROWS",
    "SheetScan",
    "check_archive",
    "scan_sheet",
    "sheet_rows",
]

MAX_ROWS = 1_000_000
"""The last row a ledger sheet may use (Excel's own limit is 1,048,576)."""
MAX_COLUMNS = 200
"""The last column a ledger sheet may use (column GR)."""
MAX_CELLS = 20_000_000
"""The most cells a sheet may hold."""
MAX_MERGED_CELLS = 1_000_000
"""The most cells a sheet's merged ranges may cover together."""
MAX_PART_BYTES = 512 * 2**20
"""The most bytes one part of the workbook (a sheet's XML, the shared strings) may unpack to."""

_CHUNK = 4 * 2**20
_TAIL = 2**16
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell)(?=[\s/>])([^>]*)>")
_REF = re.compile(rb'\sr(?:ef)?="\$?([A-Z]{0,3})\$?(\d*)(?::\$?([A-Z]{1,3})\$?(\d+))?"')


@dataclass
class SheetScan:
    """What the scan of one sheet found: its last used column and its merged ranges, each
    ``(min_row, min_col, max_row, max_col)``."""

    max_column: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


def check_archive(path: Path) -> None:
    """Refuse the workbook at ``path`` if a part unpacks beyond ``MAX_PART_BYTES`` (a zip
    bomb). An unreadable zip is left to openpyxl, which says so."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.file_size > MAX_PART_BYTES:
                    raise LedgerError(
                        "workbook_too_large",
                        path=path,
                        part=info.filename,
                        size=info.file_size,
                        most=MAX_PART_BYTES,
                    )
    except (zipfile.BadZipFile, OSError):
        return


def scan_sheet(archive: zipfile.ZipFile, member: str, where: str) -> SheetScan:
    """Scan the sheet XML ``member`` of ``archive`` within the bounds (module docstring);
    ``where`` names the sheet in messages. Raises ``LedgerError`` at the first crossing."""
    scan = SheetScan()
    state = _RowState()
    merged_cells = 0
    buffer = b""
    with archive.open(member) as source:
        while True:
            chunk = source.read(_CHUNK)
            buffer += chunk
            end = 0
            for match in _TAG.finditer(buffer):
                end = match.end()
                tag, attrs = match[1], match[2]
                if tag == b"c":
                    state.cells += 1
                    state.last_cell = attrs
                    continue
                if tag == b"row":
                    _end_row(state, scan, where)
                    ref = _REF.search(attrs)
                    state.row = int(ref[2]) if ref and ref[2] else state.row + 1
                    if state.row > MAX_ROWS:
                        raise _outside(where, row=state.row)
                    continue
                ref = _REF.search(attrs)
                if not ref or not ref[4]:
                    continue
                first_col, first_row = _column(ref[1] or b"A"), int(ref[2] or 1)
                last_col, last_row = _column(ref[3]), int(ref[4])
                merged_cells += (last_row - first_row + 1) * (last_col - first_col + 1)
                if merged_cells > MAX_MERGED_CELLS:
                    raise LedgerError(
                        "workbook_merged",
                        where=where,
                        range=_ref_text(ref),
                        cells=merged_cells,
                        most=MAX_MERGED_CELLS,
                    )
                scan.merged.append((first_row, first_col, last_row, last_col))
            if not chunk:
                break
            buffer = buffer[max(end, len(buffer) - _TAIL) :]
    _end_row(state, scan, where)
    return scan


@dataclass
class _RowState:
    row: int = 0
    cells: int = 0
    row_start: int = 0
    last_cell: bytes = b""


def _end_row(state: _RowState, scan: SheetScan, where: str) -> None:
    """Check the row just scanned: its cell count, its last cell's column, the sheet's cells."""
    in_row = state.cells - state.row_start
    state.row_start = state.cells
    if not in_row:
        return
    ref = _REF.search(state.last_cell)
    column = _column(ref[1]) if ref and ref[1] else in_row
    if max(column, in_row) > MAX_COLUMNS:
        raise _outside(where, cell=_ref_text(ref)) if ref else _outside(where, row=state.row)
    scan.max_column = max(scan.max_column, column)
    if state.cells > MAX_CELLS:
        raise LedgerError("workbook_cells", where=where, most=MAX_CELLS)


def _outside(where: str, *, row: int = 0, cell: str = "") -> LedgerError:
    """A row, or a cell, beyond the rows and columns a ledger sheet may use."""
    if cell:
        return LedgerError(
            "workbook_cell_outside", where=where, cell=cell, rows=MAX_ROWS, columns=MAX_COLUMNS
        )
    return LedgerError(
        "workbook_row_outside", where=where, row=row, rows=MAX_ROWS, columns=MAX_COLUMNS
    )


def _ref_text(ref: re.Match[bytes]) -> str:
    """The reference an ``r`` or ``ref`` attribute holds, as written (``XFD1048576``)."""
    return ref[0].split(b'"')[1].decode("ascii", "replace")


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def sheet_rows(ws: Any, scan: SheetScan) -> Iterator[tuple[Any, ...]]:
    """The rows of the streamed sheet ``ws`` from row 1, cut to its last used column, each
    merged range's value in all of its cells."""
    ws.reset_dimensions()  # the used range some programs record is wrong; read what is there
    if not scan.max_column:
        return
    pending = sorted(scan.merged)
    next_range = 0
    active: list[tuple[tuple[int, int, int, int], Any]] = []
    rows = ws.iter_rows(values_only=True, max_col=scan.max_column)
    for number, cells in enumerate(rows, start=1):
        while next_range < len(pending) and pending[next_range][0] <= number:
            merged = pending[next_range]
            next_range += 1
            value = cells[merged[1] - 1] if merged[1] <= len(cells) else None
            active.append((merged, value))
        if active:
            active = [(m, v) for m, v in active if m[2] >= number]
            filled = list(cells)
            for (_, first, _, last), value in active:
                for column in range(first, min(last, len(filled)) + 1):
                    filled[column - 1] = value
            cells = tuple(filled)
        yield cells
