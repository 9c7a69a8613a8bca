"""The ``graphmodel`` command line: one click group, one module per command or command group.

Every command parses its options, makes one library call and renders the result; the library
functions it calls are the scriptable API. Errors become messages in one place,
``graphmodel.cli.group.CommandGroup``.
"""

from __future__ import annotations

import click

from graphmodel import __version__
from graphmodel.cli.group import CommandGroup

__all__ = ["main"]


@click.group(
    cls=CommandGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="graphmodel")
def main() -> None:
    """Model, store, analyse and report party-building-led co-governance networks.

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


_register()
