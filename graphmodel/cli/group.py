"""The ``graphmodel`` command group: the one place where errors become clean CLI messages.

Every command, and every option callback, runs inside ``CommandGroup.invoke``, so what a user
sees does not depend on the order of a command's decorators (``--policy`` is read by an option
wrapper before the command's body runs, and is caught here all the same):

- ``GraphmodelError``, the project's own errors, already written for the user: the message,
  exit code 1;
- ``OSError``, the system refused (an unwritable ``--db``, a port in use): the path and the
  reason, exit code 1;
- anything else is a bug in graphmodel: one line naming it and asking for a report, exit code 1.

Every message passes through ``render.terminal_text``, so that a name in a ledger cannot send
escape sequences to the terminal.

``GRAPHMODEL_DEBUG=1`` lets every exception through with its traceback, for developers.

Warnings the library raises while a command runs (``warnings.warn``) print as one line,
``warning: <message>``, on standard error, instead of Python's file-and-line form.
"""

from __future__ import annotations

import os
import warnings
from typing import Any, TextIO

import click

from graphmodel.cli.render import terminal_text
from graphmodel.errors import GraphmodelError

__all__ = ["CommandGroup"]

DEBUG_VARIABLE = "GRAPHMODEL_DEBUG"


class CommandGroup(click.Group):
    """A click group whose subcommands' errors and warnings reach the user as one line each."""

    def invoke(self, ctx: click.Context) -> Any:
        if os.environ.get(DEBUG_VARIABLE):
            return super().invoke(ctx)
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            try:
                return super().invoke(ctx)
            except (click.ClickException, click.exceptions.Exit, click.Abort):
                raise
            except GraphmodelError as e:
                raise click.ClickException(terminal_text(e)) from e
            except OSError as e:
                raise click.ClickException(terminal_text(_os_message(e))) from e
            except Exception as e:
                raise click.ClickException(
                    terminal_text(
                        f"unexpected error, a bug in graphmodel ({type(e).__name__}: {e}); "
                        f"please report it with the command you ran ({DEBUG_VARIABLE}=1 shows "
                        "where)"
                    )
                ) from e


def _os_message(e: OSError) -> str:
    reason = e.strerror or str(e)
    return f"{e.filename}: {reason}" if e.filename else reason


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    click.echo(f"warning: {terminal_text(message)}", err=True)
