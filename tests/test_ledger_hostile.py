"""Hostile or odd cells: each is a row-level problem naming file, row and column, never a
traceback, and nothing of them reaches a terminal or a spreadsheet as a command.

The communities ledger below has six rows under 建国门街道 (S-1):

- row 2 is valid;
- row 3's name is 200,000 characters (over the 32,767 a cell may hold, and over the csv
  module's own 131,072-character field limit, which used to raise);
- row 4's name holds a NUL; row 5's name clears the screen with an escape sequence;
- row 6's population has 26 digits (beyond Neo4j's 64-bit integers);
- row 7's households is "1,2,3", a list, not 123.

So 1 community loads and 5 rows are rejected.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from graphmodel.cli import main
from graphmodel.ledger.values import MAX_COUNT, BadValue, parse_int
from graphmodel.load import load
from graphmodel.store import EmbeddedStore

LONG = "长" * 200_000
ROWS = [
    ["C-1", "站东社区", "S-1", "", ""],
    ["C-2", LONG, "S-1", "", ""],
    ["C-3", "赵家楼\x00社区", "S-1", "", ""],
    ["C-4", "东总布\x1b[2J\x1b]0;pwned\x07社区", "S-1", "", ""],
    ["C-5", "礼士社区", "S-1", "12345678901234567890123456", ""],
    ["C-6", "和平社区", "S-1", "", "1,2,3"],
]


def _ledger(folder: Path) -> Path:
    folder.mkdir()
    (folder / "districts.csv").write_text("id,name\nD-1,东城区\n", encoding="utf-8")
    (folder / "streets.csv").write_text("id,name,district\nS-1,建国门街道,D-1\n", "utf-8")
    with open(folder / "communities.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "name", "street", "population", "households"])
        writer.writerows(ROWS)
    return folder


@pytest.mark.parametrize(
    ("raw", "expected"), [("1,234", 1234), ("12,345,678", 12345678), (MAX_COUNT, MAX_COUNT)]
)
def test_thousands_separators_between_groups_of_three(raw, expected):
    assert parse_int(raw) == expected


@pytest.mark.parametrize("raw", ["1,2,3", "12,34", "1,2345", ",123", "1,234,5"])
def test_a_list_of_numbers_is_not_one_number(raw):
    with pytest.raises(ValueError, match="commas only between groups of three"):
        parse_int(raw)


@pytest.mark.parametrize("raw", ["12345678901234567890123456", 2**63, MAX_COUNT + 1, 1e30])
def test_counts_beyond_the_range_are_out_of_range(raw):
    with pytest.raises(BadValue) as raised:
        parse_int(raw)
    assert raised.value.code == "out_of_range"


def test_hostile_cells_are_row_problems(tmp_path):
    ledger = _ledger(tmp_path / "l")
    report = load([ledger], EmbeddedStore(tmp_path / "g.db"))
    problems = [(p.row, p.column, p.code) for p in report.problems if p.severity == "error"]
    assert problems == [
        (3, "name", "bad_text"),
        (4, "name", "bad_text"),
        (5, "name", "bad_text"),
        (6, "population", "out_of_range"),
        (7, "households", "bad_int"),
    ]
    messages = [p.message for p in report.problems if p.severity == "error"]
    assert messages[0] == "200,000 characters, over the 32,767 a cell may hold"
    assert messages[1] == "control character U+0000 at character 4; delete it"
    assert report.problems[1].value == "赵家楼<U+0000>社区"
    assert len(report.problems[0].value) == 60  # cut for messages
    graph = EmbeddedStore(tmp_path / "g.db").graph()
    names = {d.get("name") for _, d in graph.nodes(data=True)}
    assert "站东社区" in names and not any("\x00" in n or "\x1b" in n for n in names if n)


def test_the_terminal_never_gets_an_escape_sequence(tmp_path):
    ledger = _ledger(tmp_path / "l")
    result = CliRunner().invoke(main, ["load", str(ledger), "--db", str(tmp_path / "g.db")])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "\x1b" not in result.output and "\x00" not in result.output
    assert "东总布<U+001B>[2J<U+001B>]0;pwned<U+0007>社区" in result.output


def test_a_rejects_workbook_holds_control_characters_as_pictures(tmp_path):
    ledger = _ledger(tmp_path / "l")
    out = tmp_path / "rejects.xlsx"
    load([ledger], EmbeddedStore(tmp_path / "g.db"), rejects=out)
    ws = load_workbook(out)["communities"]
    names = [row[1] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert names[1] == "赵家楼\u2400社区"
    assert names[0] == LONG[:32_767]  # all a workbook cell can hold (tabular's docstring)
