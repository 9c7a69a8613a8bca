"""``graphmodel stats`` and ``graphmodel pairings`` driven in-process, checked through the library."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from graphmodel.cli import main
from graphmodel.records import NodeRecord
from graphmodel.store import EmbeddedStore
from tests.test_store_embedded import small_street

BOM = "\ufeff"


def _db(tmp_path, extra=()):
    path = tmp_path / "g.db"
    batch = small_street()
    batch.nodes.extend(extra)
    EmbeddedStore(path).write(batch)
    return str(path)


def test_stats_json_matches_the_library(tmp_path):
    db = _db(tmp_path)
    result = CliRunner().invoke(main, ["stats", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data == EmbeddedStore(db).stats().to_dict()
    assert data["streets"][0]["paired_communities"] == 1


def test_stats_csv_has_one_row_per_area(tmp_path):
    result = CliRunner().invoke(main, ["stats", "--db", _db(tmp_path), "--csv", "--lang", "en"])
    rows = list(csv.DictReader(io.StringIO(result.output.removeprefix(BOM))))
    assert [(r["area"], r["id"], r["communities"]) for r in rows] == [
        ("district", "dc", "2"),
        ("street", "jgm", "2"),
    ]


def test_stats_text_shows_the_street(tmp_path):
    result = CliRunner().invoke(main, ["stats", "--db", _db(tmp_path)])
    assert result.exit_code == 0
    assert "建国门街道" in result.output


def test_pairings_names_the_partner(tmp_path):
    result = CliRunner().invoke(main, ["pairings", "站东社区", "--db", _db(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert (row["owner_name"], row["kind"]) == ("市测绘院", "下沉")
    text = CliRunner().invoke(main, ["pairings", "站东社区", "--db", _db(tmp_path)])
    assert "市测绘院" in text.output


def test_pairings_of_an_unknown_name_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["pairings", "不存在社区", "--db", _db(tmp_path)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert (
        "错误：找不到名称或编号为「不存在社区」的社区/驻区单位/社会组织/党组织。" in result.output
    )
    result = CliRunner().invoke(
        main, ["pairings", "不存在社区", "--db", _db(tmp_path), "--lang", "en"]
    )
    assert (
        "Error: No community/resident unit/social organization/party organization has the id "
        "or name '不存在社区'" in result.output
    )


def test_an_ambiguous_name_lists_the_candidates(tmp_path):
    db = _db(tmp_path, [NodeRecord("MemberUnit", "u2", {"name": "站东社区"})])
    result = CliRunner().invoke(main, ["pairings", "站东社区", "--db", db])
    assert result.exit_code == 1
    assert "「站东社区」对应 2 条记录，请改用编号" in result.output
    assert "zd（社区，建国门街道）" in result.output
    assert "u2（驻区单位）" in result.output


def test_json_and_csv_together_are_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["stats", "--db", _db(tmp_path), "--json", "--csv"])
    assert result.exit_code == 2
    assert "--json 和 --csv 只能选一个" in result.output


def test_a_corrupt_store_file_is_an_error_not_a_traceback(tmp_path):
    path = tmp_path / "g.db"
    path.write_text("garbage", encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", "--db", str(path)])
    assert result.exit_code == 1
    assert "不是 graphmodel 内嵌库" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "command", [["stats"], ["pairings", "站东社区"], ["gaps"], ["hubs"], ["report", "--out", "r"]]
)
def test_a_read_command_on_a_missing_store_says_so_and_fails(tmp_path, command):
    # a mistyped --db must not read as an empty graph (0 gaps, an empty report, exit 0)
    path = tmp_path / "typo.db"
    result = CliRunner().invoke(main, [*command, "--db", str(path)])
    assert result.exit_code == 1, result.output
    assert f"找不到库文件 {path}。请先载入台账" in result.output
    assert not path.exists()
