"""The report's appendix: every list in full, one sheet per table, in ``report.xlsx``.

The body of the report shows the top rows of each list; a reader who wants them all opens
the workbook in Excel. It is written by the one safe writer (``graphmodel.tabular``), so
nothing in it can execute as a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from graphmodel.report.tables import Table
from graphmodel.tabular import Sheet, write_xlsx

__all__ = ["write_appendix"]


def write_appendix(path: str | Path, sheets: Sequence[tuple[str, Table]]) -> Path:
    """Write one sheet per (name, table) to the workbook ``path``; returns the path."""
    return write_xlsx(path, [Sheet(name, table.headers, table.rows) for name, table in sheets])
