"""The rejects file: the rejected rows in the ledger's own format, fixed and loaded again.

The faults ledger (see ``test_ledger_validate``) rejects 11 rows. Fixed in the rejects file
(the two cascaded rows need no edit: their parents are fixed beside them) and loaded on top of
the first load, every row is in the store: 1 district, 3 streets, 9 communities, 3 units,
3 social organizations, 6 pairings, 3 reports. The second load creates the party
organizations of 赵家楼, 和平 (C-HP1), 东总布 and 礼士社区 and of 某研究院: with the first
load's 3, 8 PartyOrg.
"""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from graphmodel.errors import LedgerError
from graphmodel.ledger.rejects import write_rejects
from graphmodel.ledger.tables import ORIGIN_HEADER, PROBLEM_HEADER
from graphmodel.load import load
from graphmodel.store import EmbeddedStore

DATA = Path(__file__).parent / "data" / "ledgers"

# (origin of the rejected row, header, fixed value)
FIXES = [
    ("streets.csv row 4", "district", "东城区"),
    ("communities.csv row 6", "id", "C-ZD2"),
    ("communities.csv row 10", "name", "东总布社区二区"),
    ("units.csv row 4", "sector", "科研院所"),
    ("social_orgs.csv row 4", "name", "小水滴志愿服务队（礼士）"),
    ("pairings.csv row 4", "since", "2021-03-15"),
    ("pairings.csv row 5", "community", "C-HP1"),
    ("pairings.csv row 6", "until", "2024-06-01"),
    ("reports.csv row 4", "members", "12"),
]


def _fix_folder(folder: Path) -> None:
    for path in folder.glob("*.csv"):
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        for row in rows[1:]:
            for origin, column, value in FIXES:
                if row[header.index(ORIGIN_HEADER)] == origin:
                    row[header.index(column)] = value
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(rows)


def _labels(store: EmbeddedStore) -> Counter:
    return Counter(d["label"] for _, d in store.graph().nodes(data=True))


def _types(store: EmbeddedStore) -> Counter:
    return Counter(d["type"] for _, _, d in store.graph().edges(data=True))


def test_the_csv_rejects_folder_keeps_headers_and_says_what_is_wrong(tmp_path):
    ledger = shutil.copytree(DATA / "faults", tmp_path / "faults")
    report = load([ledger], EmbeddedStore(tmp_path / "g.json"))
    assert report.rejects == str(tmp_path / "faults.rejects")
    folder = Path(report.rejects)
    assert sorted(p.name for p in folder.iterdir()) == [
        "communities.csv",
        "pairings.csv",
        "reports.csv",
        "social_orgs.csv",
        "streets.csv",
        "units.csv",
    ]
    raw = (folder / "communities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel reads UTF-8
    with open(folder / "communities.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == [
        "id",
        "name",
        "street",
        "kind",
        "population",
        "households",
        "备注",
        ORIGIN_HEADER,
        PROBLEM_HEADER,
    ]
    assert [r[0] for r in rows[1:]] == ["C-ZD", "C-XJ", "C-X"]
    assert rows[1][-2] == "communities.csv row 6"
    assert rows[1][-1].startswith(
        "「id」列「C-ZD」：【重复编号】「C-ZD」已是communities.csv 第2行的编号"
    )


def test_fixed_csv_rejects_load_on_top_of_the_first_load(tmp_path):
    ledger = shutil.copytree(DATA / "faults", tmp_path / "faults")
    store = EmbeddedStore(tmp_path / "g.json")
    first = load([ledger], store)
    assert (first.rejected, first.loaded) == (11, True)
    _fix_folder(Path(first.rejects))
    second = load([first.rejects], EmbeddedStore(tmp_path / "g.json"))
    # only the warning about the ledger's own 联系人 column, carried into the rejects
    assert [(p.code, p.column) for p in second.problems] == [("personal_column", "联系人")]
    assert (second.ok, second.loaded, second.rejects) == (True, True, "")
    assert sorted(second.created) == [
        "C-DZB#党组织",
        "C-HP1#党组织",
        "C-LS#党组织",
        "C-ZJL#党组织",
        "U-3#党组织",
    ]
    store = EmbeddedStore(tmp_path / "g.json")
    assert _labels(store) == Counter(
        District=1, Street=3, Community=9, MemberUnit=3, SocialOrg=3, PartyOrg=8
    )
    types = _types(store)
    assert (types["PAIRED_WITH"], types["REPORTS_TO"]) == (6, 3)
    # provenance is the original ledger row, not the rejects file's
    assert store.graph().nodes["C-ZD2"]["source"] == "communities.csv row 6"


def test_an_xlsx_ledger_gets_an_xlsx_rejects_workbook_that_reloads(tmp_path):
    book = Workbook()
    ws = book.active
    ws.title = "社区"
    ws.append(["编号", "社区名称", "所属街道", "类型"])
    ws.append(["C-ZD", "站东社区", "建国门街道", "社区"])
    ws.append(["C-ZJL", "赵家楼社区", "建国门街道", "居委会"])
    ws2 = book.create_sheet("街道")
    ws2.append(["编号", "名称", "所属区"])
    ws2.append(["S-JGM", "建国门街道", "东城区"])
    book.create_sheet("区").append(["名称"])
    book["区"].append(["东城区"])
    book.save(tmp_path / "台账.xlsx")
    store = EmbeddedStore(tmp_path / "g.json")
    report = load([tmp_path / "台账.xlsx"], store)
    assert report.rejects == str(tmp_path / "台账.rejects.xlsx")
    rejects = load_workbook(report.rejects)
    assert rejects.sheetnames == ["社区"]
    rows = [list(r) for r in rejects["社区"].iter_rows(values_only=True)]
    assert rows[0] == ["编号", "社区名称", "所属街道", "类型", ORIGIN_HEADER, PROBLEM_HEADER]
    assert rows[1][:5] == ["C-ZJL", "赵家楼社区", "建国门街道", "居委会", "台账.xlsx:社区 row 3"]
    assert (
        rows[1][5] == "「类型」列「居委会」：【不在可选值中】「居委会」不在其中，可选值为：社区、村"
    )
    rejects["社区"]["D2"] = "社区"
    rejects.save(report.rejects)
    again = load([report.rejects], EmbeddedStore(tmp_path / "g.json"))
    assert (again.ok, again.nodes) == (True, 1)
    node = EmbeddedStore(tmp_path / "g.json").graph().nodes["C-ZJL"]
    assert (node["kind"], node["source"]) == ("社区", "台账.xlsx:社区 row 3")


def test_rows_of_two_ledgers_with_one_file_name_share_one_rejects_table(tmp_path):
    for folder, header, row in (
        ("a", "id,name,street", "C-1,甲社区,S-404"),
        ("b", "street,名称,编号,备注", "S-405,乙社区,C-2,新建"),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "communities.csv").write_text(f"{header}\n{row}\n")
    report = load(
        [tmp_path / "a", tmp_path / "b"],
        EmbeddedStore(tmp_path / "g.json"),
        rejects=tmp_path / "out",
    )
    with open(tmp_path / "out" / "communities.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    # b's columns go under a's headers; its unknown 备注 column is added
    assert [r[:4] for r in rows] == [
        ["id", "name", "street", "备注"],
        ["C-1", "甲社区", "S-404", ""],
        ["C-2", "乙社区", "S-405", "新建"],
    ]
    assert report.rejected == 2


def test_a_rejects_folder_is_not_written_over_other_files(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(LedgerError, match="not rejects"):
        write_rejects([], tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
