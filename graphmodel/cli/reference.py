"""The CLI reference (docs/cli.md), generated from the commands' own ``--help``.

``python -m graphmodel.cli.reference > docs/cli.md`` regenerates it; a test checks that the
file is up to date, so the reference cannot drift from the code.
"""

from __future__ import annotations

import re

import click
from click.testing import CliRunner

from graphmodel.cli import main

__all__ = ["command_paths", "reference"]

HEADER = """# 命令行参考 CLI reference

由 `python -m graphmodel.cli.reference > docs/cli.md` 从各命令的 `--help` 生成，请勿手改。每个命令
先列中文帮助（默认语言），再列英文帮助（`--lang en`）。读写图的命令都接受库选项（`--store`、`--db`、
`--uri`、`--user`、`--database`；Neo4j 密码只来自 `NEO4J_PASSWORD` 或本地服务器的密码文件，
从不写在命令行上）。

Generated from `--help` by `python -m graphmodel.cli.reference > docs/cli.md`; do not edit by
hand. Each command shows its Chinese help (the default language), then its English help
(`--lang en`). Every command that reads or writes the graph takes the store options
(`--store`, `--db`, `--uri`, `--user`, `--database`; the Neo4j password comes from
`NEO4J_PASSWORD` or the local server's password file, never from the command line).
"""


def command_paths(group: click.Group = main, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command's name path (``("neo4j", "start")``), groups before their subcommands."""
    paths: list[tuple[str, ...]] = []
    for name in sorted(group.commands):
        command = group.commands[name]
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
    return paths


def reference() -> str:
    """The Markdown reference: one section per command with its ``--help`` text in Chinese,
    then in English."""
    runner = CliRunner()
    parts = [HEADER]
    for path in [(), *command_paths()]:
        blocks = []
        for lang in ("zh", "en"):
            result = runner.invoke(main, [*path, "--help", "--lang", lang], terminal_width=100)
            usage = re.sub(r"^(Usage: |用法：)main", r"\1graphmodel", result.output)
            blocks.append(f"```\n{usage.rstrip()}\n```\n")
        title = " ".join(("graphmodel", *path))
        parts.append(f"## {title}\n\n{blocks[0]}\nEnglish:\n\n{blocks[1]}")
    return "\n".join(parts)


if __name__ == "__main__":
    click.echo(reference(), nl=False)
