"""``graphmodel load`` and ``graphmodel template`` through click's CliRunner.

The ledgers are those of ``test_ledger_validate``: the GBK ledger loads whole (12 nodes,
17 relationships); the faults ledger rejects 11 rows and loads 16 nodes and 20 relationships.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphmodel.load
from graphmodel.cli import main
from graphmodel.store import EmbeddedStore
from tests.test_store_embedded import dump_tables

DATA = Path(__file__).parent / "data" / "ledgers"


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def faults(tmp_path: Path) -> Path:
    """A copy of the faults ledger, so its default rejects folder lands in tmp_path."""
    return shutil.copytree(DATA / "faults", tmp_path / "faults")


def test_a_clean_ledger_loads_with_exit_code_0(tmp_path):
    db = tmp_path / "g.db"
    result = run("load", DATA / "gbk", "--db", db)
    assert result.exit_code == 0, result.output
    assert f"已将 12 个节点、17 条关系载入 {db}。" in result.output
    assert "新建了 3 个党组织" in result.output
    assert "Problems" not in result.output
    graph = EmbeddedStore(db).graph()
    assert graph.number_of_nodes() == 12
    assert graph.number_of_edges() == 17


def test_faults_are_listed_valid_rows_load_and_the_exit_code_is_1(tmp_path, faults):
    db = tmp_path / "g.db"
    result = run("load", faults, "--db", db)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "问题 (11):" in result.output
    assert "警告 (1):" in result.output
    for where in (
        "streets.csv 第4行「district」列「西城区」：【找不到引用对象】找不到编号或名称为「西城区」的区；"
        "您要找的是不是「东城区」？",
        "communities.csv 第6行「id」列「C-ZD」：【重复编号】「C-ZD」已是communities.csv 第2行的编号",
        "communities.csv 第10行「name」列：【缺少必填项】「名称」为必填项",
        "units.csv 第4行「sector」列「科研所」：【不在可选值中】",
        "pairings.csv 第4行「since」列「2021-13-01」：【日期格式错误】",
        "pairings.csv 第5行「community」列「和平社区」：【名称不唯一】",
        "units.csv「联系人」列：【个人信息不保存】这一列能识别个人，不予保存",
    ):
        assert where in result.output
    assert not re.search("[a-z]{3,}", _problem_lines(result.output).replace(str(faults), ""))
    assert "已将 16 个节点、20 条关系载入" in result.output
    rejects = tmp_path / "faults.rejects"
    assert f"11 行被拒，已写入 {rejects}；改好后运行：graphmodel load" in (result.output)
    assert (rejects / "pairings.csv").exists()
    assert EmbeddedStore(db).graph().number_of_nodes() == 16


def test_json_report(tmp_path, faults):
    result = run("load", faults, "--db", tmp_path / "g.db", "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert (report["ok"], report["loaded"], report["nodes"], report["relationships"]) == (
        False,
        True,
        16,
        20,
    )
    pairings = next(t for t in report["tables"] if t["table"] == "pairings")
    assert pairings == {"table": "pairings", "read": 6, "valid": 2, "rejected": 4, "loaded": 2}
    codes = Counter(p["code"] for p in report["problems"])
    assert codes["duplicate_id"] == 2
    assert codes["personal_column"] == 1
    problem = next(p for p in report["problems"] if p["code"] == "bad_date")
    assert (problem["row"], problem["column"], problem["value"], problem["severity"]) == (
        4,
        "since",
        "2021-13-01",
        "error",
    )


def _problem_lines(output: str) -> str:
    """The problem lines of ``load``'s output without their file names and column headers
    (the ledger's own words) and the ids and values quoted from it."""
    lines = [line for line in output.splitlines() if line.startswith("  ")]
    text = "\n".join(re.sub(r"[\w/.-]+\.csv", "", line) for line in lines)
    text = re.sub("(one of|可选值为：).*", "", text)  # the accepted values, as the schema has them
    return re.sub("「[^」]*」|'[^']*'|<[^>]*>", "", text)


def test_problem_lines_speak_english_when_asked(tmp_path, faults):
    result = run("load", faults, "--db", tmp_path / "g.db", "--dry-run", "--lang", "en")
    assert result.exit_code == 1
    for where in (
        "streets.csv row 4 column district '西城区': reference to nothing: no district has the id "
        "or name '西城区'; did you mean '东城区'?",
        "communities.csv row 10 column name: missing required value: 'name' is required",
        "units.csv column 联系人: personal data not stored: this column identifies people",
    ):
        assert where in result.output
    lines = _problem_lines(result.output)
    assert "row 6 column id" in lines
    assert not re.search("[\u4e00-\u9fff]", lines.replace("联系人", "")), lines


def test_strict_loads_nothing(tmp_path, faults):
    db = tmp_path / "g.db"
    result = run("load", faults, "--db", db, "--strict")
    assert result.exit_code == 1
    assert "--strict：有 11 行被拒，未载入任何内容。" in result.output
    assert not db.exists()
    assert not (tmp_path / "faults.rejects").exists()


def test_dry_run_writes_nothing(tmp_path, faults):
    db = tmp_path / "g.db"
    result = run("load", faults, "--db", db, "--dry-run")
    assert result.exit_code == 1
    assert (
        "试运行：未写入任何内容（将载入 16 个节点、20 条关系；库中变更：新增 36，修改 0，删除 0）。"
        in result.output
    )
    assert not db.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["faults"]
    clean = run("load", DATA / "gbk", "--db", db, "--dry-run")
    assert clean.exit_code == 0
    assert not db.exists()


def test_loading_twice_leaves_identical_store_tables(tmp_path, faults):
    """Once the faults ledger is in, the GBK ledger's names 北京市某委员会 and 北京某集团公司
    are ambiguous (U-1, U-2 and the GBK ledger's derived ids): its second load rejects its
    pairings and reports, and changes nothing."""
    gbk = shutil.copytree(DATA / "gbk", tmp_path / "gbk")
    db = tmp_path / "g.db"
    assert run("load", gbk, "--db", db).exit_code == 0
    assert run("load", faults, "--db", db).exit_code == 1
    first = dump_tables(db)
    assert run("load", gbk, "--db", db).exit_code == 1
    assert run("load", faults, "--db", db).exit_code == 1
    assert dump_tables(db) == first
    alone = tmp_path / "alone.db"
    run("load", gbk, "--db", alone)
    once = dump_tables(alone)
    assert run("load", gbk, "--db", alone).exit_code == 0
    assert dump_tables(alone) == once


def test_several_ledgers_at_once(tmp_path):
    db = tmp_path / "g.db"
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "结对共建.csv").write_text(
        "结对单位,结对社区,结对类型,结对时间\n北京市某委员会,赵家楼社区,结对共建,2023-01-01\n"
    )
    result = run("load", DATA / "gbk", extra / "结对共建.csv", "--db", db)
    assert result.exit_code == 0, result.output
    found = EmbeddedStore(db).partners("赵家楼社区")
    assert {(p.partner_name, p.since) for p in found} == {
        ("北京某集团公司党组织", "2022-05-01"),
        ("北京市某委员会党组织", "2023-01-01"),
    }


def test_without_a_ledger_the_seed_is_loaded(tmp_path, monkeypatch):
    monkeypatch.setattr(graphmodel.load, "SEED_LEDGER", DATA / "gbk")
    result = run("load", "--db", tmp_path / "g.db", "--dry-run")
    assert result.exit_code == 0
    assert "将载入 12 个节点、17 条关系" in result.output
    monkeypatch.setattr(graphmodel.load, "SEED_LEDGER", tmp_path / "seed" / "ledger")
    missing = run("load", "--db", tmp_path / "g.db")
    assert missing.exit_code == 1
    assert isinstance(missing.exception, SystemExit)
    assert "错误：示例台账不在" in missing.output
    assert "请写出要载入的台账：graphmodel load 台账.xlsx" in missing.output


def test_bad_input_is_a_message_not_a_traceback(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "districts.csv").write_bytes(b"id,name\n1,\x81\xff\xfe\n")
    result = run("load", tmp_path / "bad", "--db", tmp_path / "g.db")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "既不是 UTF-8 也不是 GBK/GB18030" in result.output
    missing = run("load", tmp_path / "nowhere", "--db", tmp_path / "g.db")
    assert missing.exit_code == 2
    assert isinstance(missing.exception, SystemExit)
    assert "不存在" in missing.output and "用法：" in missing.output


def test_the_template_loads_back_as_an_empty_ledger(tmp_path):
    out = tmp_path / "台账模板.xlsx"
    result = run("template", out)
    assert result.exit_code == 0
    assert out.exists()
    loaded = run("load", out, "--db", tmp_path / "g.db", "--json")
    assert loaded.exit_code == 0, loaded.output
    report = json.loads(loaded.output)
    assert report["problems"] == []
    assert len(report["tables"]) == 14
    assert all(t["read"] == 0 for t in report["tables"])
    again = run("template", out)
    assert again.exit_code == 1
    assert "已存在。请另选文件名，或加 --force 覆盖" in again.output
    assert run("template", out, "--force").exit_code == 0
    wrong = run("template", tmp_path / "t.csv")
    assert wrong.exit_code == 1
    assert "文件名请以 .xlsx 结尾" in wrong.output


def test_a_filled_template_loads(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    run("template", out)
    book = load_workbook(out)
    assert book.sheetnames[0] == "说明"
    header = [c.value for c in book["社区"][1]]
    assert header[:3] == ["编号", "名称", "所属街道"]
    assert "英文列名：street" in book["社区"]["C1"].comment.text
    book["区"].append([None, "雁塔区"])
    book["街道"].append([None, "大雁塔街道", "雁塔区", "街道"])
    book["社区"].append([None, "青龙社区", "大雁塔街道", "社区", 8000])
    book.save(out)
    result = run("load", out, "--db", tmp_path / "g.db")
    assert result.exit_code == 0, result.output
    graph = EmbeddedStore(tmp_path / "g.db").graph()
    assert graph.nodes["Community:青龙社区"]["population"] == 8000
    assert graph.nodes["Community:青龙社区"]["source"] == "t.xlsx:社区 row 2"
