"""Human output for the terminal: tables drawn with rich, which knows CJK character widths."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["console", "print_table"]

PIPE_WIDTH = 200
"""Width used when output goes to a pipe or file, so tables are not wrapped at 80 columns."""


console = Console(highlight=False, width=None if sys.stdout.isatty() else PIPE_WIDTH)
"""The console on standard output (rich looks ``sys.stdout`` up at each print)."""


def print_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print ``rows`` under ``headers`` as a table titled ``title``."""
    table = Table(title=title, title_justify="left", show_lines=False)
    for header in headers:
        table.add_column(str(header))
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
