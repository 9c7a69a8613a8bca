"""双报到 by party organization, the note (备注) on every table, and columns naming people.

The small ledger: 东城区 (D-1) > 建国门街道 (S-1) > 站东社区 (C-1) and 赵家楼社区 (C-2); two
units, 北京市某委员会 (U-1, whose party organization is PO-U1, listed) and 某研究院 (U-2,
none listed). Reports, worked out by hand:

- row 2 names only the party organization PO-U1: PO-U1 REPORTS_TO C-1;
- row 3 names the unit U-2 only: its party organization U-2#党组织 is created and reports to C-2;
- row 4 names U-2 and PO-U1, which is not U-2's: party_org_mismatch;
- row 5 names neither: missing_required.

Notes ride on a district, a unit and a report; the units' 联系电话 column is never stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graphmodel.ledger import read_ledger, validate
from graphmodel.load import load
from graphmodel.store import EmbeddedStore


def _ledger(folder: Path) -> Path:
    folder.mkdir()
    files = {
        "区": "编号,名称,备注\nD-1,东城区,首都功能核心区\n",
        "街道": "编号,名称,所属区\nS-1,建国门街道,D-1\n",
        "社区": "编号,名称,所属街道\nC-1,站东社区,S-1\nC-2,赵家楼社区,S-1\n",
        "驻区单位": (
            "编号,名称,性质,所在街道,联系电话,备注\n"
            "U-1,北京市某委员会,机关,S-1,13800000000,\n"
            "U-2,某研究院,科研院所,S-1,010-12345678,在职党员多\n"
        ),
        "党组织": "编号,名称,所属单位\nPO-U1,北京市某委员会机关党委,U-1\n",
        "双报到": (
            "报到单位,报到党组织,报到社区,报到人数,备注\n"
            ",PO-U1,C-1,35,按季度报到\n"
            "U-2,,C-2,12,\n"
            "U-2,PO-U1,C-1,3,\n"
            ",,C-2,4,\n"
        ),
    }
    for name, text in files.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def test_a_report_may_name_the_party_organization_instead_of_the_unit(tmp_path):
    result = validate(read_ledger([_ledger(tmp_path / "l")]))
    problems = [(p.table, p.row, p.code, p.column) for p in result.errors]
    assert problems == [
        ("reports", 4, "party_org_mismatch", "报到党组织"),
        ("reports", 5, "missing_required", "报到单位"),
    ]
    assert "'unit' or 'party_org' is required (报到单位 / 报到党组织)" in result.errors[1].message
    reports = {(e.start, e.end) for e in result.batch.edges if e.type == "REPORTS_TO"}
    assert reports == {("PO-U1", "C-1"), ("U-2#党组织", "C-2")}
    assert result.created == ["U-2#党组织"]


def test_notes_are_stored_and_people_columns_are_not(tmp_path):
    ledger = _ledger(tmp_path / "l")
    report = load([ledger], EmbeddedStore(tmp_path / "g.db"))
    warnings = [(p.code, p.column) for p in report.problems if p.severity == "warning"]
    assert warnings == [("personal_column", "联系电话")]  # once for the column, not per row
    graph = EmbeddedStore(tmp_path / "g.db").graph()
    assert graph.nodes["D-1"]["note"] == "首都功能核心区"
    assert graph.nodes["U-2"]["note"] == "在职党员多"
    assert "note" not in graph.nodes["U-1"]
    (report_note,) = [d["note"] for _, _, d in graph.edges(data=True) if "note" in d]
    assert report_note == "按季度报到"
    stored = str(list(graph.nodes(data=True))) + str(list(graph.edges(data=True)))
    assert "13800000000" not in stored and "010-12345678" not in stored


@pytest.mark.neo4j
def test_notes_are_stored_in_neo4j_as_in_the_embedded_store(tmp_path, neo4j_store):
    ledger = _ledger(tmp_path / "l")
    load([ledger], neo4j_store)
    load([ledger], EmbeddedStore(tmp_path / "g.db"))
    neo4j, embedded = neo4j_store.graph(), EmbeddedStore(tmp_path / "g.db").graph()
    assert neo4j.nodes["D-1"]["note"] == embedded.nodes["D-1"]["note"] == "首都功能核心区"
    assert dict(neo4j.nodes(data=True)) == dict(embedded.nodes(data=True))
    notes = sorted(d["note"] for _, _, d in neo4j.edges(data=True) if "note" in d)
    assert notes == ["按季度报到"]
