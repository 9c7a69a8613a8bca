"""The ``graphmodel`` command group: the one place where errors become clean CLI messages.

Every command, and every option callback, runs inside ``CommandGroup.invoke``, so what a user
sees does not depend on the order of a command's decorators (``--policy`` is read by an option
wrapper before the command's body runs, and is caught here all the same):

- ``GraphmodelError``, the project's own errors (a code and parameters): the message in the
  command line's language (``vocabulary.error_text``: what went wrong and what to do next),
  after ``错误：`` (``Error:``), exit code 1;
- ``OSError``, the system refused (an unwritable ``--db``, a port in use): the path and the
  reason in the command line's language, exit code 1;
- anything else is a bug in graphmodel: one line naming it and asking for a report, in the
  command line's language, exit code 1;
- a usage error (a bad option or value, click's or a command's), exit code 2, is shown in the
  command line's language too (``CliUsageError``), and so is Ctrl+C (``已中止。``, exit code 1).

Every message passes through ``render.terminal_text``, so that a name in a ledger cannot send
escape sequences to the terminal.

``GRAPHMODEL_DEBUG=1`` lets every exception through with its traceback, for developers.

Warnings the library raises while a command runs (``warnings.warn``) print as one line,
``警告：<message>`` (``warning: <message>``) in the command line's language, on standard
error, instead of Python's file-and-line form.
"""

from __future__ import annotations

import os
import warnings
from typing import Any, TextIO

import click

from graphmodel.cli.render import terminal_text
from graphmodel.errors import GraphmodelError

__all__ = ["LANG_KEY", "CliError", "CliUsageError", "CommandGroup", "cli_lang", "localized"]

DEBUG_VARIABLE = "GRAPHMODEL_DEBUG"

LANG_KEY = "graphmodel.lang"
"""Where the group keeps the chosen language in ``click.Context.meta``."""


def cli_lang() -> str:
    """The language of this command line (``zh`` or ``en``; see ``graphmodel.cli``)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and LANG_KEY in ctx.meta:
        return str(ctx.meta[LANG_KEY])
    from graphmodel.vocabulary import resolve_lang

    return resolve_lang()


class CliError(click.ClickException):
    """An error as the user reads it: ``错误：`` (``Error:``) and the message in the command
    line's language (taken when the error is raised: ``show`` runs after the command's context
    is gone), exit code 1."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.lang = cli_lang()

    def show(self, file: Any = None) -> None:
        from graphmodel.vocabulary import status_text

        click.echo(status_text("error", self.lang, message=self.format_message()), err=True)


class CliUsageError(click.UsageError):
    """A usage error (exit code 2) in the command line's language: click's own usage errors
    are English, and in Chinese their usage line, help hint and message are shown translated
    (``vocabulary.usage_text``)."""

    def __init__(self, error: click.UsageError) -> None:
        super().__init__(error.format_message(), error.ctx)
        self.lang = cli_lang()

    def show(self, file: Any = None) -> None:
        if self.lang != "zh":
            super().show(file)
            return
        from graphmodel.vocabulary import status_text, usage_text

        if self.ctx is not None:
            hint = status_text("usage_help", self.lang, command=self.ctx.command_path)
            click.echo(f"{self.ctx.get_usage()}\n{hint}\n", err=True, color=self.ctx.color)
        message = usage_text(self.format_message(), self.lang)
        click.echo(status_text("error", self.lang, message=message), err=True)


def localized(error: click.UsageError) -> click.UsageError:
    """``error`` shown in the command line's language (once)."""
    return error if isinstance(error, CliUsageError) else CliUsageError(error)


class CommandGroup(click.Group):
    """A click group whose subcommands' errors and warnings reach the user as one line each."""

    def invoke(self, ctx: click.Context) -> Any:
        if os.environ.get(DEBUG_VARIABLE):
            return super().invoke(ctx)
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            try:
                return super().invoke(ctx)
            except click.UsageError as e:
                raise localized(e) from e
            except (KeyboardInterrupt, click.Abort) as e:
                from graphmodel.vocabulary import status_text

                click.echo(status_text("aborted", cli_lang()), err=True)
                raise click.exceptions.Exit(1) from e
            except (click.ClickException, click.exceptions.Exit):
                raise
            except (GraphmodelError, OSError) as e:
                from graphmodel.vocabulary import error_text

                raise CliError(terminal_text(error_text(e, cli_lang()))) from e
            except Exception as e:
                from graphmodel.vocabulary import status_text

                raise CliError(
                    terminal_text(
                        status_text(
                            "bug",
                            cli_lang(),
                            error=f"{type(e).__name__}: {e}",
                            variable=DEBUG_VARIABLE,
                        )
                    )
                ) from e


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    from graphmodel.vocabulary import error_text, status_text

    lang = cli_lang()
    text = error_text(message, lang) if isinstance(message, Warning) else message
    click.echo(status_text("warning", lang, message=terminal_text(text)), err=True)
