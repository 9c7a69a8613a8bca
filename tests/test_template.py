"""``graphmodel template``: Chinese sheets and headers, examples that load, 序号 accepted.

Worked out: the 说明 sheet holds one example row per table, chained 海淀区 → 万寿路街道 →
万寿路第一社区 (and its grid, party committee, volunteer team), 某区属医院 in 万寿路街道 on the
street's committee, paired with and reporting to 万寿路第一社区. Copied into their sheets they
give 1 row per table and no problem; the pairing and the report use the community's party
committee (PO-WSL1) and create one for the hospital.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from graphmodel.cli import main
from graphmodel.ledger.tables import TABLES, header_name, sheet_name
from graphmodel.ledger.template import EXAMPLES
from graphmodel.store import EmbeddedStore

ZH_SHEETS = ["说明", "区", "街道", "社区", "网格", "党组织", "驻区单位", "社会组织", "协调委员会"]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def load_json(path, db):
    result = run("load", path, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def template(tmp_path):
    out = tmp_path / "台账模板.xlsx"
    result = run("template", out)
    assert result.exit_code == 0, result.output
    return out


def test_the_template_is_chinese_with_lists_and_no_generated_column(template):
    book = load_workbook(template)
    assert book.sheetnames[: len(ZH_SHEETS)] == ZH_SHEETS
    assert {"委员会成员", "结对共建", "双报到"} <= set(book.sheetnames)
    assert [c.value for c in book["社区"][1]] == [
        "编号",
        "名称",
        "所属街道",
        "类型",
        "人口",
        "户数",
        "来源",
        "备注",
    ]
    for ws in book.worksheets[1:]:
        assert "生成" not in [c.value for c in ws[1]] and "generated" not in [
            c.value for c in ws[1]
        ]
        assert ws.freeze_panes == "A2"
    lists = {
        str(dv.sqref).split(":")[0][0]: dv.formula1
        for dv in book["社区"].data_validations.dataValidation
    }
    assert lists == {"D": '"社区,村"'}
    street_kinds = book["街道"].data_validations.dataValidation[0].formula1
    assert street_kinds == '"街道,镇,乡,地区"'
    assert "必填" in book["社区"]["C1"].comment.text


def test_the_blank_template_loads_back_empty_without_a_warning(template, tmp_path):
    report = load_json(template, tmp_path / "g.db")
    assert report["problems"] == []
    assert report.get("warnings", []) == []
    assert len(report["tables"]) == len(TABLES)
    assert all(t["read"] == 0 for t in report["tables"])


def test_the_example_rows_copied_into_their_sheets_load_without_a_problem(template, tmp_path):
    book = load_workbook(template)
    intro = book["说明"]
    rows = [[c.value for c in row] for row in intro.iter_rows()]
    for table in TABLES:
        title = f"{sheet_name(table, 'zh')}（{table.name}）"
        at = next(i for i, r in enumerate(rows) if r[0] == title)
        header, example = rows[at + 1], rows[at + 2]
        ws = book[sheet_name(table, "zh")]
        assert [c.value for c in ws[1]] == [h for h in header if h is not None]
        ws.append(example[: len(header)])
        assert any(v is not None for v in example)
    book.save(template)
    report = load_json(template, tmp_path / "g.db")
    assert report["problems"] == []
    assert [t["valid"] for t in report["tables"]] == [1] * len(TABLES)
    g = EmbeddedStore(tmp_path / "g.db").graph()
    names = {d.get("name") for _, d in g.nodes(data=True)}
    assert {"海淀区", "万寿路街道", "万寿路第一社区", "某区属医院"} <= names
    assert {d["type"] for _, _, d in g.edges(data=True)} >= {
        "PAIRED_WITH",
        "REPORTS_TO",
        "MEMBER_OF",
    }


def test_a_row_number_column_is_accepted_silently_in_every_table(template, tmp_path):
    book = load_workbook(template)
    for table in TABLES:
        ws = book[sheet_name(table, "zh")]
        columns = [c for c in table.columns if c.name != "generated"]
        ws.cell(1, len(columns) + 1, "序号")
        ws.append([EXAMPLES[table.name].get(c.name) for c in columns] + [1])
    book.save(template)
    report = load_json(template, tmp_path / "g.db")
    assert report["problems"] == []
    assert report.get("warnings", []) == []


def test_the_english_template_has_english_sheets_and_headers(tmp_path):
    out = tmp_path / "template.xlsx"
    result = run("template", out, "--lang", "en")
    assert result.exit_code == 0
    assert "blank ledger template" in result.output
    book = load_workbook(out)
    assert book.sheetnames[:3] == ["instructions", "districts", "streets"]
    assert [c.value for c in book["communities"][1]][:3] == ["id", "name", "street"]
    assert header_name(TABLES[2].columns[2], "en") == "street"
    assert load_json(out, tmp_path / "g.db")["problems"] == []
