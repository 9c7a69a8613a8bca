"""Validation: every seeded fault reported where the user will look, every valid row kept.

The ledger ``tests/data/ledgers/faults`` (东城区, 建国门/朝阳门街道, after document 002) holds
eleven faults, each in its own row, a note and a column naming people. Worked out by hand:

- streets row 4 (新华街道): district 西城区 is in no table -> dangling_ref
- communities row 6: id C-ZD is row 2's -> duplicate_id
- communities row 9 (新街社区): street S-XX is streets row 4, rejected -> rejected_ref
- communities row 10: no name -> missing_required
- units row 4 (某研究院): sector 科研所 is not in UNIT_SECTORS -> bad_choice
- social_orgs row 4: no id, so SocialOrg:小水滴志愿服务队, row 2's derived id -> duplicate_id
- pairings row 4: 2021-13-01 -> bad_date
- pairings row 5: 和平社区 names C-HP1 and C-HP2 -> ambiguous_name
- pairings row 6: until 2022-01-01 before since 2023-06-01 -> date_order
- pairings row 7: unit 某研究院 is units row 4, rejected -> rejected_ref
- reports row 4: members 十二 -> bad_int
- communities column 备注 is the note: 礼士社区 (C-LS) keeps 畅行礼士
- units column 联系人 names people: personal_column (a warning), never stored

Valid: 1 district, 2 streets, 6 communities, 2 units, 2 social orgs, 2 pairings, 2 reports;
the pairings and reports create 3 party organizations (北京市某委员会's, 北京某集团公司's,
站东社区's): 16 nodes. Relationships: PART_OF 2 + 6, LOCATED_IN 2, SERVES 1 + 2, BELONGS_TO 3
(the created organizations), PAIRED_WITH 2, REPORTS_TO 2: 20.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import networkx as nx
from openpyxl import Workbook

from graphmodel.ledger import read_ledger, validate
from graphmodel.records import GraphBatch

DATA = Path(__file__).parent / "data" / "ledgers"

FAULTS = {
    ("streets", 4, "district", "dangling_ref", "西城区"),
    ("communities", 6, "id", "duplicate_id", "C-ZD"),
    ("communities", 9, "street", "rejected_ref", "S-XX"),
    ("communities", 10, "name", "missing_required", ""),
    ("units", 4, "sector", "bad_choice", "科研所"),
    ("social_orgs", 4, "name", "duplicate_id", "小水滴志愿服务队"),
    ("pairings", 4, "since", "bad_date", "2021-13-01"),
    ("pairings", 5, "community", "ambiguous_name", "和平社区"),
    ("pairings", 6, "until", "date_order", "2022-01-01"),
    ("pairings", 7, "unit", "rejected_ref", "某研究院"),
    ("reports", 4, "members", "bad_int", "十二"),
}
COUNTS = {
    "districts": (1, 0),
    "streets": (3, 1),
    "communities": (9, 3),
    "units": (3, 1),
    "social_orgs": (3, 1),
    "pairings": (6, 4),
    "reports": (3, 1),
}
ZH_SHEETS = {
    "districts": "区",
    "streets": "街道",
    "communities": "社区",
    "units": "驻区单位",
    "social_orgs": "社会组织",
    "pairings": "结对共建",
    "reports": "双报到",
}


def _faults(result):
    return {(p.table, p.row, p.column, p.code, p.value) for p in result.errors}


def _counts(result):
    return {name: (c.read, c.rejected) for name, c in result.counts.items()}


def _shape(batch: GraphBatch):
    return Counter(n.label for n in batch.nodes), Counter(e.type for e in batch.edges)


EXPECTED_SHAPE = (
    Counter(
        {"District": 1, "Street": 2, "Community": 6, "MemberUnit": 2, "SocialOrg": 2, "PartyOrg": 3}
    ),
    Counter(
        {
            "PART_OF": 8,
            "LOCATED_IN": 2,
            "SERVES": 3,
            "BELONGS_TO": 3,
            "PAIRED_WITH": 2,
            "REPORTS_TO": 2,
        }
    ),
)


def test_every_fault_of_the_csv_ledger_is_reported_and_every_valid_row_kept():
    result = validate(read_ledger([DATA / "faults"]))
    assert _faults(result) == FAULTS
    assert len(result.errors) == len(FAULTS)
    assert _counts(result) == COUNTS
    assert [(w.code, w.column) for w in result.warnings] == [("personal_column", "联系人")]
    notes = {n.id: n.props["note"] for n in result.batch.nodes if "note" in n.props}
    assert notes == {"C-LS": "畅行礼士"}
    assert not any("张三" in str(n.props) for n in result.batch.nodes)
    for problem in result.errors:
        assert problem.file == str(DATA / "faults" / f"{problem.table}.csv")
        assert problem.sheet == ""
    assert _shape(result.batch) == EXPECTED_SHAPE
    assert len(result.batch.nodes) == 16
    assert len(result.batch.edges) == 20
    assert sorted(result.created) == ["C-ZD#党组织", "U-1#党组织", "U-2#党组织"]


def test_messages_name_candidates_accepted_values_and_the_rejected_parent():
    result = validate(read_ledger([DATA / "faults"]))
    by_code = {p.code: p for p in result.errors}
    assert "C-HP1 (community, communities.csv row 7)" in by_code["ambiguous_name"].message
    assert "C-HP2 (community, communities.csv row 8)" in by_code["ambiguous_name"].message
    assert "科研院所" in by_code["bad_choice"].message
    assert (
        by_code["bad_choice"]
        .reason()
        .startswith("【不在可选值中】「科研所」不在其中，可选值为：机关、")
    )
    assert (
        by_code["bad_choice"]
        .reason("en")
        .startswith("not an accepted value: '科研所' is not one of 机关, ")
    )
    cascade = [p for p in result.errors if p.code == "rejected_ref"]
    assert {p.message.split("(")[1].split(")")[0] for p in cascade} == {
        "streets.csv row 4",
        "units.csv row 4",
    }
    derived = next(p for p in result.errors if p.table == "social_orgs")
    assert "'SocialOrg:小水滴志愿服务队' is already the id of social_orgs.csv row 2" in (
        derived.message
    )
    assert "give these rows ids in the 'id' column" in derived.message


def test_valid_records_carry_typed_values_and_provenance():
    result = validate(read_ledger([DATA / "faults"]))
    nodes = {n.id: n for n in result.batch.nodes}
    assert nodes["C-ZD"].props == {
        "name": "站东社区",
        "kind": "社区",
        "population": 5200,
        "households": 2100,
        "source": "communities.csv row 2",
        "generated": False,
    }
    # the first row with a duplicated id keeps it
    assert nodes["C-ZD"].props["name"] == "站东社区"
    assert "SocialOrg:欢乐树" in nodes
    pairings = {e.key: e for e in result.batch.edges if e.type == "PAIRED_WITH"}
    assert set(pairings) == {"P-1", "P-2"}
    assert (pairings["P-1"].start, pairings["P-1"].end) == ("U-1#党组织", "C-ZD#党组织")
    assert pairings["P-2"].props == {
        "kind": "下沉",
        "since": "2021-03-15",
        "until": "2024-12-31",
        "source": "pairings.csv row 3",
        "generated": False,
    }
    reports = {e.start: e.props["members"] for e in result.batch.edges if e.type == "REPORTS_TO"}
    assert reports == {"U-1#党组织": 35, "U-2#党组织": 1200}


def _faults_workbook(path: Path) -> Path:
    """The faults ledger as one workbook with Chinese sheet names and native Excel cells."""
    book = Workbook()
    book.remove(book.active)
    for table, sheet in ZH_SHEETS.items():
        ws = book.create_sheet(sheet)
        with open(DATA / "faults" / f"{table}.csv", encoding="utf-8") as f:
            for row in csv.reader(f):
                ws.append([cell or None for cell in row])
    book["结对共建"]["E2"] = dt.datetime(2021, 3, 15)  # P-1's since as an Excel date cell
    book["双报到"]["C3"] = 1200.0  # "1,200" as an Excel number
    book["社区"]["E2"] = 5200.0
    book.save(path)
    return path


def test_the_same_faults_in_an_xlsx_workbook(tmp_path):
    path = _faults_workbook(tmp_path / "东城区台账.xlsx")
    result = validate(read_ledger([path]))
    assert _faults(result) == FAULTS
    assert _counts(result) == COUNTS
    for problem in result.errors:
        assert (problem.file, problem.sheet) == (str(path), ZH_SHEETS[problem.table])
    assert _shape(result.batch) == EXPECTED_SHAPE
    nodes = {n.id: n for n in result.batch.nodes}
    assert nodes["C-ZD"].props["source"] == "东城区台账.xlsx:社区 row 2"
    assert nodes["C-ZD"].props["population"] == 5200
    since = {e.key: e.props["since"] for e in result.batch.edges if e.type == "PAIRED_WITH"}
    assert since == {"P-1": "2021-03-15", "P-2": "2021-03-15"}


def test_the_gbk_ledger_resolves_and_creates_party_organizations():
    """站东社区 has 站东社区党委 (PO-ZD), which leads 站东社区某小区党支部 (PO-ZD-1) of the
    same community: pairings naming 站东社区 go to PO-ZD. 赵家楼社区 and both units have no
    party organization: one each is created, 北京某集团公司's marked generated like its unit."""
    result = validate(read_ledger([DATA / "gbk"]))
    assert result.problems == []
    nodes = {n.id: n for n in result.batch.nodes}
    assert len(nodes) == 12
    unit1, unit2 = "MemberUnit:北京市某委员会", "MemberUnit:北京某集团公司"
    assert sorted(result.created) == sorted([f"{unit1}#党组织", f"{unit2}#党组织", "C-ZJL#党组织"])
    assert nodes["C-ZJL#党组织"].props["level"] == "社区党委"
    assert nodes["C-ZJL#党组织"].props["name"] == "赵家楼社区党组织"
    assert nodes[f"{unit1}#党组织"].props["level"] == "单位党支部"
    assert nodes[f"{unit1}#党组织"].props["generated"] is False
    assert nodes[f"{unit2}#党组织"].props["generated"] is True
    assert nodes["C-ZD"].props["population"] == 5200
    assert nodes["C-ZD"].props["households"] == 2100
    pairings = {
        e.key: (e.start, e.end, e.props["since"])
        for e in result.batch.edges
        if e.type == "PAIRED_WITH"
    }
    assert pairings == {
        "JD-1": (f"{unit1}#党组织", "PO-ZD", "2021-03-15"),
        "JD-2": (f"{unit2}#党组织", "PO-ZD", "2021-03-15"),
        "JD-3": (f"{unit2}#党组织", "C-ZJL#党组织", "2022-05-01"),
    }
    (report,) = [e for e in result.batch.edges if e.type == "REPORTS_TO"]
    assert (report.start, report.end, report.props["members"], report.props["since"]) == (
        f"{unit1}#党组织",
        "C-ZD",
        35,
        "2021-06-01",
    )
    leads = {(e.start, e.end) for e in result.batch.edges if e.type == "LEADS"}
    assert leads == {("PO-JGM", "PO-ZD"), ("PO-ZD", "PO-ZD-1")}
    assert len(result.batch.edges) == 17


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


BASE = {
    "districts.csv": "id,name\nD-YT,雁塔区\n",
    "streets.csv": "id,name,district\nS-DYT,大雁塔街道,D-YT\n",
    "communities.csv": "id,name,street,kind\nC-QL,青龙社区,S-DYT,社区\nV-1,某村,S-DYT,村\n",
    "units.csv": "id,name,sector\nU-A,某大学,高校\n",
}


def test_a_unit_with_two_top_party_organizations_is_ambiguous(tmp_path):
    ledger = _write(
        tmp_path / "l",
        {
            **BASE,
            "party_orgs.csv": "id,name,level,belongs_to\n"
            "PO-A1,某大学党委,单位党委,U-A\nPO-A2,某大学机关党委,单位党委,U-A\n",
            "pairings.csv": "unit,community,kind\n某大学,青龙社区,结对共建\nPO-A1,某村,结对共建\n",
        },
    )
    result = validate(read_ledger([ledger]))
    (problem,) = result.errors
    assert (problem.table, problem.row, problem.code) == ("pairings", 2, "ambiguous_party_org")
    assert "PO-A1; PO-A2" in problem.message
    # naming the party organization itself works; the village gets a 村党支部
    (pairing,) = [e for e in result.batch.edges if e.type == "PAIRED_WITH"]
    assert (pairing.start, pairing.end, pairing.key) == ("PO-A1", "V-1#党组织", "")
    nodes = {n.id: n for n in result.batch.nodes}
    assert nodes["V-1#党组织"].props["level"] == "村党支部"


def test_references_resolve_against_the_store_and_ids_are_graph_wide(tmp_path):
    existing = nx.MultiDiGraph()
    existing.add_node("S-DYT", label="Street", name="大雁塔街道")
    existing.add_node("X-1", label="Grid", name="某网格")
    existing.add_node("PO-QL", label="PartyOrg", name="青龙社区党委")
    existing.add_node("C-QL", label="Community", name="青龙社区")
    existing.add_edge("PO-QL", "C-QL", key="BELONGS_TO|", type="BELONGS_TO")
    ledger = _write(
        tmp_path / "l",
        {
            "communities.csv": "id,name,street\nC-YX,雁西社区,大雁塔街道\nX-1,西勘社区,S-DYT\n",
            "units.csv": "id,name\nU-A,某大学\n",
            "pairings.csv": "unit,community,since\n某大学,青龙社区,2022-03-01\n",
        },
    )
    result = validate(read_ledger([ledger]), existing)
    assert [(p.row, p.code, p.value) for p in result.errors] == [(3, "duplicate_id", "X-1")]
    assert "is the id of a grid in the store" in result.errors[0].message
    (pairing,) = [e for e in result.batch.edges if e.type == "PAIRED_WITH"]
    # the community's party organization is the store's; the unit's is created
    assert (pairing.start, pairing.end, pairing.key) == ("U-A#党组织", "PO-QL", "2022-03-01")
    assert result.created == ["U-A#党组织"]


def test_duplicate_relationship_rows_and_a_wrong_label(tmp_path):
    ledger = _write(
        tmp_path / "l",
        {
            **BASE,
            "committees.csv": "id,name,level,covers\nK-1,大雁塔街道党建工作协调委员会,街道,S-DYT\n",
            "memberships.csv": "committee,member,role\nK-1,U-A,成员单位\nK-1,某大学,副主任单位\n"
            "K-1,青龙社区,成员单位\n",
        },
    )
    result = validate(read_ledger([ledger]))
    assert [(p.row, p.column, p.code) for p in result.errors] == [
        (3, "committee", "duplicate_relationship"),
        (4, "member", "dangling_ref"),
    ]
    assert "memberships.csv row 2" in result.errors[0].message
    assert "it names a community, which this column does not take" in (result.errors[1].message)
    (member,) = [e for e in result.batch.edges if e.type == "MEMBER_OF"]
    assert member.props["role"] == "成员单位"


def test_a_cascade_runs_down_the_chain(tmp_path):
    """The street names a district that does not exist: the street is rejected, so its
    community, the community's grid and the pairing with the community are rejected too,
    each pointing at the row above it; the unit, whose street is another, loads."""
    ledger = _write(
        tmp_path / "l",
        {
            "districts.csv": "id,name\nD-YT,雁塔区\n",
            "streets.csv": "id,name,district\nS-DYT,大雁塔街道,D-YT\nS-X,小寨街道,碑林区\n",
            "communities.csv": "id,name,street\nC-QL,青龙社区,S-DYT\nC-1,某社区,S-X\n",
            "grids.csv": "id,name,community,kind\nG-1,某社区第一网格,某社区,基础网格\n",
            "units.csv": "id,name,street\nU-A,某大学,大雁塔街道\n",
            "pairings.csv": "unit,community\n某大学,某社区\n某大学,青龙社区\n",
        },
    )
    result = validate(read_ledger([ledger]))
    assert [(p.table, p.row, p.code) for p in result.errors] == [
        ("communities", 3, "rejected_ref"),
        ("grids", 2, "rejected_ref"),
        ("pairings", 2, "rejected_ref"),
        ("streets", 3, "dangling_ref"),
    ]
    messages = [p.message for p in result.errors]
    assert "(streets.csv row 3)" in messages[0]
    assert "(communities.csv row 3)" in messages[1]
    assert "(communities.csv row 3)" in messages[2]
    (pairing,) = [e for e in result.batch.edges if e.type == "PAIRED_WITH"]
    assert (pairing.start, pairing.end) == ("U-A#党组织", "C-QL#党组织")


def test_a_rejected_party_organization_holds_back_the_pairings_of_its_owner(tmp_path):
    """青龙社区's party organization row has an unknown level: a pairing naming 青龙社区 must
    not create a second organization for it, so it is rejected pointing at that row."""
    ledger = _write(
        tmp_path / "l",
        {
            **BASE,
            "party_orgs.csv": "id,name,level,belongs_to\nPO-QL,青龙社区党委,社区党工委,青龙社区\n",
            "pairings.csv": "unit,community\n某大学,青龙社区\n",
        },
    )
    result = validate(read_ledger([ledger]))
    assert [(p.table, p.row, p.column, p.code) for p in result.errors] == [
        ("pairings", 2, "community", "rejected_ref"),
        ("party_orgs", 2, "level", "bad_choice"),
    ]
    assert "(party_orgs.csv row 2)" in result.errors[0].message
    # nothing is created for a rejected row, not even the unit's party organization
    assert result.created == []
    assert {n.label for n in result.batch.nodes} == {
        "District",
        "Street",
        "Community",
        "MemberUnit",
    }


def test_smaller_faults(tmp_path):
    ledger = _write(
        tmp_path / "l",
        {
            **BASE,
            # 类型 and kind both mean kind: the second is ignored with a warning
            "grids.csv": "id,name,community,kind,类型,generated\n"
            "G-1,青龙社区第一网格,青龙社区,基础网格,专属网格,也许\n",
            "party_orgs.csv": "id,name,parent\nPO-1,某党支部,PO-1\n",
            "social_orgs.csv": "id,name,community\nSO-1,小红花志愿服务队,青龙社区、雁西社区\n",
            "reports.csv": "unit,community,members\nSO-1,青龙社区,12\n",
        },
    )
    result = validate(read_ledger([ledger]))
    assert [(p.table, p.column, p.code, p.value) for p in result.errors] == [
        ("grids", "generated", "bad_bool", "也许"),
        ("party_orgs", "parent", "self_ref", "PO-1"),
        ("reports", "unit", "rejected_ref", "SO-1"),
        ("social_orgs", "community", "dangling_ref", "雁西社区"),
    ]
    assert [(w.code, w.column) for w in result.warnings] == [("duplicate_column", "类型")]
