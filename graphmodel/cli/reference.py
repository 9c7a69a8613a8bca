"""The CLI reference (docs/cli.md), generated from the commands' own ``--help``.

``python -m graphmodel.cli.reference > docs/cli.md`` regenerates it; a test checks that the
file is up to date, so the reference cannot drift from the code.
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from graphmodel.cli import main

__all__ = ["command_paths", "reference"]

HEADER = """# CLI reference

Generated from `--help` by `python -m graphmodel.cli.reference > docs/cli.md`; do not edit by
hand. Every command that reads or writes the graph takes the store options (`--store`, `--db`,
`--uri`, `--user`, `--database`; the Neo4j password comes from `NEO4J_PASSWORD` or the local
server's password file, never from the command line).
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
    """The Markdown reference: one section per command with its ``--help`` text."""
    runner = CliRunner()
    parts = [HEADER]
    for path in command_paths():
        result = runner.invoke(main, [*path, "--help"], terminal_width=100)
        usage = result.output.replace("Usage: main", "Usage: graphmodel")
        parts.append(f"## graphmodel {' '.join(path)}\n\n```\n{usage.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    click.echo(reference(), nl=False)
