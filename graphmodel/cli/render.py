"""Human output for the terminal: tables drawn with rich, which knows CJK character widths.

rich is imported when the first thing is printed, not when the command line starts (a command
that prints JSON, or ``--help``, never loads it): ``console`` stands in for the rich
``Console`` and creates it on first use.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["console", "print_table", "terminal_text"]

_ESCAPES = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)

PIPE_WIDTH = 200
"""Width used when output goes to a pipe or file, so tables are not wrapped at 80 columns."""


@functools.cache
def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, width=None if sys.stdout.isatty() else PIPE_WIDTH)


class _FirstUse:
    """Forwards every attribute to the rich ``Console``, made at the first access."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_console(), name)


console = cast("Console", _FirstUse())
"""The console on standard output (rich looks ``sys.stdout`` up at each print)."""


def terminal_text(value: Any) -> str:
    r"""``value`` as text that cannot act on a terminal: escape sequences (colours, cursor
    moves, window titles, hyperlinks) and other control characters removed, tab and line
    breaks kept.

    >>> terminal_text("站东\x1b[2J\x1b]0;title\x07社区\x00")
    '站东社区'
    """
    return _ESCAPES.sub("", str(value))


def print_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Print ``rows`` under ``headers`` as a table titled ``title``; every cell is plain text
    (``terminal_text``; never read as rich markup such as ``[bold]``)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=terminal_text(title), title_justify="left", show_lines=False)
    for header in headers:
        table.add_column(Text(terminal_text(header)))
    for row in rows:
        table.add_row(*(Text("" if v is None else terminal_text(v)) for v in row))
    console.print(table)
