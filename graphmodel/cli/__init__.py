"""The ``graphmodel`` command line: one click group, one module per command or command group.

Every command parses its options, makes one library call and renders the result; the library
functions it calls are the scriptable API. Errors become messages in one place,
``graphmodel.cli.group.CommandGroup``.

``--lang zh|en`` may stand anywhere on the command line (``graphmodel gaps --lang en`` and
``graphmodel --lang en gaps`` are the same): the group takes it out before the command parses
its own options, and every command speaks the language ``vocabulary.resolve_lang`` chooses.
"""

from __future__ import annotations

import contextlib
import copy
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import click

from graphmodel import __version__
from graphmodel.cli.group import LANG_KEY, CommandGroup, localized
from graphmodel.vocabulary import LANGS, resolve_lang

__all__ = ["main"]


class _Main(CommandGroup):
    """The group that takes ``--lang`` out of the whole command line."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args, lang = _take_lang(ctx, args)
        ctx.meta[LANG_KEY] = resolve_lang(lang)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as e:
            raise localized(e) from e


class _Context(click.Context):
    """A context whose help and usage speak the command line's language (``LANG_KEY`` in its
    ``meta``, which every subcommand's context shares).

    Help is rendered when asked for, never stored: in Chinese, a shallow copy of the command
    carries the help of ``help_zh`` and formats the page; in English the command formats
    itself from its docstring and option declarations. The commands are never changed, so
    one process may show help in both languages, in any order."""

    def make_formatter(self) -> click.HelpFormatter:
        formatter = _ZhFormatter if _context_lang(self) == "zh" else click.HelpFormatter
        return formatter(width=self.terminal_width, max_width=self.max_content_width)

    def get_help(self) -> str:
        path = " ".join(self.command_path.split()[1:])
        return _in_lang(self.command, path, _context_lang(self)).get_help(self)


def _context_lang(ctx: click.Context) -> str:
    lang = ctx.meta.get(LANG_KEY)
    return str(lang) if lang else resolve_lang()


def _in_lang(command: click.Command, path: str, lang: str) -> click.Command:
    """``command`` as its help page in ``lang`` shows it: itself in English; in Chinese a
    shallow copy with the help of ``help_zh`` for it, its options and its subcommands' lines."""
    if lang != "zh":
        return command
    from graphmodel.cli.help_zh import COMMAND_OPTIONS, COMMANDS, OPTIONS

    twin = _with_help(command, COMMANDS.get(path))
    twin.params = []
    for param in command.params:
        chinese = COMMAND_OPTIONS.get(f"{path}.{param.name}") or OPTIONS.get(param.name or "")
        if isinstance(param, click.Option) and chinese:
            param = copy.copy(param)
            param.help = chinese
        twin.params.append(param)
    if isinstance(command, click.Group) and isinstance(twin, click.Group):
        twin.commands = {
            name: _with_help(sub, COMMANDS.get(f"{path} {name}".strip()))
            for name, sub in command.commands.items()
        }
    return twin


def _with_help(command: click.Command, chinese: str | None) -> click.Command:
    """A shallow copy of ``command`` whose help is ``chinese`` (when there is one)."""
    twin = copy.copy(command)
    if chinese:
        twin.help = _as_written(chinese)
        twin.short_help = _first_sentence(chinese)
    return twin


class _ZhFormatter(click.HelpFormatter):
    """click's help page in Chinese: its own words translated, and option help wrapped by
    display width (a Chinese character is two columns where click counts one) without
    breaking an option name or a path."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)

    @contextlib.contextmanager
    def section(self, name: str) -> Iterator[None]:
        from graphmodel.cli.help_zh import CLICK_WORDS

        with super().section(CLICK_WORDS.get(name, name)):
            yield

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        from graphmodel.cli.help_zh import CLICK_WORDS

        rows = list(rows)
        first = min(max((len(term) for term, _ in rows), default=0), col_max) + col_spacing
        room = max(20, (self.width or 80) - first - self.current_indent)
        for term, text in rows:
            text = CLICK_WORDS.get(text, text)
            text = text.replace("[default: ", "[默认：").replace("[required]", "[必填]")
            self.write(" " * self.current_indent + term)
            lines = _wrap(text, room) or [""]
            if len(term) + col_spacing > first:
                self.write("\n")
                pad = " " * (first + self.current_indent)
            else:
                self.write(" " * (first - len(term)))
                self.write(lines[0] + "\n")
                lines = lines[1:]
                pad = " " * (first + self.current_indent)
            for line in lines:
                self.write(pad + line + "\n")


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` display columns: Chinese characters count two
    and may break anywhere; a run of ASCII (an option, a path) is never split."""
    lines, line, used = [], "", 0
    for token in re.findall(r"[\x21-\x7e]+|\s+|.", text):
        size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in token)
        if token.isspace():
            if line and used + 1 <= width:
                line, used = line + " ", used + 1
            continue
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _as_written(text: str) -> str:
    """Chinese help with every paragraph kept as written (``\\b``): click would rewrap it as
    one long word and break option names."""
    return "\n\n".join(p if p.startswith("\b") else "\b\n" + p for p in text.strip().split("\n\n"))


def _first_sentence(text: str) -> str:
    """The first sentence of a Chinese help text (click cuts at ". ", which Chinese lacks)."""
    return text.split("\n\n")[0].replace("\n", "").split("。")[0]


def _take_lang(ctx: click.Context, args: list[str]) -> tuple[list[str], str | None]:
    """``args`` without ``--lang X`` / ``--lang=X`` (before a ``--``), and the last X given."""
    rest: list[str] = []
    lang = None
    i = 0
    while i < len(args):
        arg = str(args[i])
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == "--lang" or arg.startswith("--lang="):
            if arg == "--lang":
                if i + 1 >= len(args):
                    raise click.UsageError(
                        "--lang 需要一个值：zh 或 en（--lang needs zh or en）", ctx
                    )
                value, i = str(args[i + 1]), i + 2
            else:
                value, i = arg.split("=", 1)[1], i + 1
            if value not in LANGS:
                raise click.UsageError(
                    f"--lang 只接受 zh 或 en，而不是 {value!r}（--lang takes zh or en）", ctx
                )
            lang = value
            continue
        rest.append(args[i])
        i += 1
    return rest, lang


def _lang_option(func: Any) -> Any:
    """Shown in ``graphmodel --help``; the value is taken by ``_Main.parse_args``."""
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        expose_value=False,
        help="zh or en, on any command [default: GRAPHMODEL_LANG, else the locale, else zh].",
    )(func)


@click.group(
    cls=_Main,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="graphmodel")
@_lang_option
def main() -> None:
    """Model, store, analyse and report party-building-led co-governance networks.

    Every command speaks Chinese by default; --lang en (or GRAPHMODEL_LANG=en) for English.

    \b
    Example:
        graphmodel load          # the seed dataset into the embedded store
        graphmodel stats
    """


def _register() -> None:
    from graphmodel.cli import (
        analyze_cmd,
        browser_cmd,
        drawing_cmds,
        gaps_cmds,
        generate_cmd,
        graph_cmds,
        hubs_cmds,
        ledger_cmds,
        needs_cmds,
        neo4j_cmd,
        query_cmd,
        report_cmd,
        trend_cmd,
    )

    for module in (
        graph_cmds,
        neo4j_cmd,
        generate_cmd,
        gaps_cmds,
        needs_cmds,
        ledger_cmds,
        hubs_cmds,
        query_cmd,
        analyze_cmd,
        browser_cmd,
        report_cmd,
        trend_cmd,
        drawing_cmds,
    ):
        for command in module.COMMANDS:
            main.add_command(command)
    for group in [main, *(c for c in main.commands.values() if isinstance(c, click.Group))]:
        group.context_class = _Context
        for command in group.commands.values():
            command.context_class = _Context


_register()
