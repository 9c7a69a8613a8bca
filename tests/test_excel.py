"""Excel out: every table command's ``--xlsx`` opened with openpyxl, and ``--csv`` for Excel.

The store is the hand-built street of ``tests/test_gaps.py`` (``jianguomen``), whose answers
are worked out there: on 2024-06-30 苏州胡同社区 (c4) has one pairing, with u3, 2021-01-01 to
2024-01-01, and the committee k_c1 has 4 member units, fewer than 5.
"""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from graphmodel.cli import main
from graphmodel.store import EmbeddedStore
from tests.test_gaps import jianguomen

BOM = "\ufeff"
DAY = ["--as-of", "2024-06-30"]

COMMANDS = {
    "stats": (["stats"], ["区和街道", "节点", "关系"], ["层级", "编号", "名称"]),
    "pairings": (["pairings", "c4", *DAY], ["结对共建"], ["党组织", "结对方", "所属"]),
    "gaps": (
        ["gaps", *DAY],
        ["缺口清单", "按规则统计", "未采集未判断"],
        ["规则", "规则名称", "编号"],
    ),
    "whatif": (
        ["whatif", "--remove", "u4", *DAY],
        ["缺口变化", "假设变化", "失去全部结对的社区", "成员单位不足的委员会", "枢纽排名变化"],
        ["变化", "变化名称", "规则"],
    ),
    "recommend": (
        ["recommend", *DAY],
        ["结对建议", "无法在限额内覆盖的社区"],
        ["社区编号", "社区"],
    ),
    "hubs": (["hubs", *DAY], ["协调枢纽", "单点故障"], ["排名", "编号", "名称", "类型"]),
    "reach": (["reach", "u1", *DAY], ["触达"], ["街道编号", "街道", "编号", "名称", "跳数"]),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("excel") / "g.db"
    EmbeddedStore(path).write(jianguomen().batch)
    return str(path)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_table_command_writes_a_workbook_with_chinese_headers(db, tmp_path, command):
    args, sheets, first_headers = COMMANDS[command]
    path = tmp_path / f"{command}.xlsx"
    result = run(*args, "--db", db, "--xlsx", path)
    assert result.exit_code == 0, result.output
    assert f"已写入 {path}" in result.output
    book = load_workbook(path)
    assert book.sheetnames == sheets
    ws = book[sheets[0]]
    header = [c.value for c in ws[1]]
    assert header[: len(first_headers)] == first_headers
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    for row in ws.iter_rows(min_row=2, values_only=True):
        assert not any(isinstance(v, str) and v.startswith("{") for v in row)


def test_workbook_cells_are_numbers_and_dates_not_text(db, tmp_path):
    path = tmp_path / "p.xlsx"
    run("pairings", "c4", *DAY, "--db", db, "--xlsx", path)
    ws = load_workbook(path)["结对共建"]
    header = [c.value for c in ws[1]]
    (row,) = list(ws.iter_rows(min_row=2, values_only=True))
    cells = dict(zip(header, row, strict=True))
    assert cells["开始日期"] == dt.datetime(2021, 1, 1)
    assert cells["截止日期"] == dt.datetime(2024, 1, 1)
    assert cells["状态"] == "已到期"
    path = tmp_path / "g.xlsx"
    run("gaps", *DAY, "--rule", "thin_committee", "--db", db, "--xlsx", path)
    ws = load_workbook(path)["缺口清单"]
    header = [c.value for c in ws[1]]
    (row,) = list(ws.iter_rows(min_row=2, values_only=True))
    cells = dict(zip(header, row, strict=True))
    assert (cells["成员单位数"], cells["下限"]) == (4, 5)
    assert cells["规则名称"] == "协调委员会成员单位偏少"


def test_english_workbook_has_english_headers_and_sheets(db, tmp_path):
    path = tmp_path / "en.xlsx"
    result = run("gaps", *DAY, "--db", db, "--xlsx", path, "--lang", "en")
    assert "Written: " in result.output
    book = load_workbook(path)
    assert book.sheetnames == ["Gaps", "By rule", "Not judged"]
    assert [c.value for c in book["Gaps"][1]][:3] == ["rule", "rule name", "id"]


def test_csv_starts_with_the_bom_and_has_chinese_headers_or_english_field_codes(db):
    result = run("gaps", *DAY, "--db", db, "--csv", "--rule", "thin_committee")
    assert result.output_bytes.startswith(b"\xef\xbb\xbf")
    assert result.output.removeprefix(BOM).startswith("规则,规则名称,编号,名称,类型")
    result = run("gaps", *DAY, "--db", db, "--csv", "--rule", "thin_committee", "--lang", "en")
    assert result.output_bytes.startswith(b"\xef\xbb\xbf")
    assert result.output.removeprefix(BOM).startswith("rule,rule_name,node_id,name,label")


def test_the_report_workbook_has_a_sheet_per_table_in_the_chosen_language(db, tmp_path):
    # graphmodel report writes every list in full to report.xlsx (graphmodel.report.appendix)
    for lang in ("zh", "en"):
        out = tmp_path / lang
        result = run("report", "--out", out, *DAY, "--db", db, "--lang", lang)
        assert result.exit_code == 0, result.output
        book = load_workbook(out / "report.xlsx")
        assert len(book.sheetnames) > 3
        text = " ".join(book.sheetnames)
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
        assert chinese == (lang == "zh"), book.sheetnames
        for ws in book.worksheets:
            assert ws.freeze_panes == "A2"
