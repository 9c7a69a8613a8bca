"""The report's appendix: every list in full, one sheet per table, in ``report.xlsx``.

The body of the report shows the top rows of each list; a reader who wants them all opens
the workbook in Excel. Text that a spreadsheet would read as a formula is written as text
(see ``_cell``), so nothing in the appendix can execute.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graphmodel.report.tables import Table

__all__ = ["write_appendix"]

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def write_appendix(path: str | Path, sheets: Sequence[tuple[str, Table]]) -> Path:
    """Write one sheet per (name, table) to the workbook ``path``; returns the path."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, table in sheets:
        sheet = book.create_sheet(_sheet_name(name, book.sheetnames))
        sheet.append([_cell(h) for h in table.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(v) for v in row])
        sheet.freeze_panes = "A2"
        for i, header in enumerate(table.headers):
            width = max([_width(header), *(_width(r[i]) for r in table.rows[:500])])
            letter = sheet.cell(row=1, column=i + 1).column_letter
            sheet.column_dimensions[letter].width = min(60, width + 2)
    if not sheets:
        book.create_sheet("-")
    out = Path(path)
    book.save(out)
    return out


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value


def _width(value: Any) -> int:
    text = str(value)
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def _sheet_name(name: str, taken: list[str]) -> str:
    clean = "".join(c for c in name if c not in "[]:*?/\\")[:31] or "sheet"
    candidate, n = clean, 2
    while candidate in taken:
        candidate, n = f"{clean[:28]}-{n}", n + 1
    return candidate
