"""Human output for the terminal: tables drawn with rich, which knows CJK character widths."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["console", "print_table"]

console = Console(highlight=False)


def print_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print ``rows`` under ``headers`` as a table titled ``title``."""
    table = Table(title=title, title_justify="left", show_lines=False)
    for header in headers:
        table.add_column(str(header))
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console.print(table)
