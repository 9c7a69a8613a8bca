"""Every command has help with an example, and the CLI reference is up to date."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graphmodel.cli import main
from graphmodel.cli.reference import command_paths, reference

ROOT = Path(__file__).resolve().parent.parent


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_has_help_with_an_example(path):
    for lang, example in (("en", "Example"), ("zh", "示例")):
        result = CliRunner().invoke(main, [*path, "--help", "--lang", lang])
        assert result.exit_code == 0
        assert _command(path).help, f"graphmodel {' '.join(path)} has no help"
        if not isinstance(_command(path), click.Group):
            assert example in result.output, f"graphmodel {' '.join(path)} has no example"


def test_the_cli_reference_is_up_to_date():
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == reference(), "run: python -m graphmodel.cli.reference > docs/cli.md"


def test_the_readme_names_both_starting_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make report" in readme
    assert "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == "make test"
