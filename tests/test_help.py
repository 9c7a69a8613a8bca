"""Help in Chinese by default and in English with --lang en, for every command and option."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from graphmodel.cli import help_zh, main
from graphmodel.cli.reference import command_paths

PATHS = [(), *command_paths()]


def _chinese(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "graphmodel")
def test_every_command_and_option_has_chinese_help(path):
    assert " ".join(path) in help_zh.COMMANDS
    key = " ".join(path)
    for param in _command(path).params:
        if isinstance(param, click.Option) and param.name not in ("lang", "version"):
            assert f"{key}.{param.name}" in help_zh.COMMAND_OPTIONS or param.name in (
                help_zh.OPTIONS
            ), f"{key} --{param.name} has no Chinese help"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "graphmodel")
def test_help_is_chinese_by_default_and_english_with_lang_en(path):
    runner = CliRunner()
    zh = runner.invoke(main, [*path, "--help"])
    assert zh.exit_code == 0, zh.output
    assert zh.output.startswith("用法：")
    assert "显示本帮助并退出。" in zh.output
    assert _chinese(zh.output) > 20
    en = runner.invoke(main, [*path, "--help", "--lang", "en"])
    assert en.exit_code == 0, en.output
    assert en.output.startswith("Usage:")
    assert "Show this message and exit." in en.output
    assert _chinese(en.output) < _chinese(zh.output) / 2
    # the order of --lang and --help does not matter, nor where --lang stands
    assert runner.invoke(main, ["--lang", "en", *path, "--help"]).output == en.output


def test_help_in_both_languages_in_one_process_leaves_the_commands_as_written():
    """Help is rendered in the language asked for, never stored in the commands: zh, en, zh
    again in one process give the same Chinese page twice and the English between, and every
    command keeps its English docstring and option help."""
    runner = CliRunner()
    before = {
        path: (_command(path).help, [getattr(p, "help", None) for p in _command(path).params])
        for path in PATHS
    }
    for path in (("gaps",), ("neo4j", "start"), ()):
        first = runner.invoke(main, [*path, "--help"]).output
        english = runner.invoke(main, [*path, "--help", "--lang", "en"]).output
        again = runner.invoke(main, [*path, "--help", "--lang", "zh"]).output
        assert first == again and first.startswith("用法：") and _chinese(first) > 20
        assert english.startswith("Usage:") and "Options:" in english
        assert _chinese(english) < _chinese(first) / 2
    after = {
        path: (_command(path).help, [getattr(p, "help", None) for p in _command(path).params])
        for path in PATHS
    }
    assert after == before
    assert "Coverage gaps" in (_command(("gaps",)).help or "")


def test_an_english_locale_gives_english_help_and_the_variable_wins():
    runner = CliRunner()
    env = {"GRAPHMODEL_LANG": "", "LANG": "en_US.UTF-8"}
    assert runner.invoke(main, ["gaps", "--help"], env=env).output.startswith("Usage:")
    env = {"GRAPHMODEL_LANG": "zh", "LANG": "en_US.UTF-8"}
    assert runner.invoke(main, ["gaps", "--help"], env=env).output.startswith("用法：")


def test_help_examples_name_records_of_the_seed():
    # 市测绘院, 市规划院 and 中国科学院某研究所 are in no ledger the project ships
    runner = CliRunner()
    for path in PATHS:
        for lang in ("zh", "en"):
            text = runner.invoke(main, [*path, "--help", "--lang", lang]).output
            for name in ("市测绘院", "市规划院", "中国科学院某研究所"):
                assert name not in text, (path, lang, name)
