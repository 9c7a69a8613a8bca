"""Names that match nothing get the closest names: on the command line and in ledger problems.

The store is the seed dataset, in which 站东社区 (建国门街道) exists and nothing is named 站东;
the ledger is hand-built: 清水河社区 exists, a pairing names 清水和社区 (one character off).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel.cli import main
from graphmodel.ledger import read_ledger, validate
from graphmodel.suggest import closest


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("seed") / "g.db"
    result = CliRunner().invoke(main, ["load", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return str(db)


def test_a_prefix_lists_the_names_that_start_with_it_shortest_first():
    names = ["建国门街道", "站东社区党委", "站东社区", "东站社区", "某站东社区"]
    assert closest("站东", names) == ["站东社区", "站东社区党委", "某站东社区"]


def test_one_wrong_character_finds_the_name_and_nothing_far_is_offered():
    assert closest("清水和社区", ["清水河社区", "青龙社区", "建国门街道"]) == ["清水河社区"]
    assert closest("万寿路街道", ["建国门街道"]) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", ["错误", "站东社区", "您要找的是不是"]), ("en", ["Did you mean", "站东社区"])],
)
@pytest.mark.parametrize("command", ["pairings", "reach"])
def test_an_unknown_name_on_the_command_line_lists_the_closest(seed_db, command, lang, words):
    result = CliRunner().invoke(main, [command, "站东", "--db", seed_db, "--lang", lang])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output


def test_an_unknown_street_option_lists_the_closest(seed_db):
    result = CliRunner().invoke(main, ["gaps", "--db", seed_db, "--street", "建国门"])
    assert result.exit_code == 1
    assert "建国门街道" in result.output


def test_a_misspelt_ledger_reference_suggests_the_near_name(tmp_path: Path):
    folder = tmp_path / "l"
    folder.mkdir()
    files = {
        "districts.csv": "id,name\nD-1,海淀区\n",
        "streets.csv": "id,name,district\nS-1,清河街道,D-1\n",
        "communities.csv": "id,name,street\nC-1,清水河社区,S-1\nC-2,青龙社区,S-1\n",
        "units.csv": "id,name\nU-1,某大学\n",
        "pairings.csv": "unit,community\n某大学,清水和社区\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = validate(read_ledger([folder]))
    (problem,) = result.errors
    assert (problem.table, problem.column, problem.code) == (
        "pairings",
        "community",
        "dangling_ref",
    )
    assert "did you mean '清水河社区'?" in problem.message
