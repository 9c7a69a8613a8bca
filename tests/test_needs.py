"""三张清单 on a hand-built ledger (tests/data/ledgers/needs/) whose answers are worked out here.

The ledger, on the as-of date 2023-06-30 (period: the 365 days from 2022-06-30; deadlines 7
days to claim, 30 to resolve):

    甲区 D: 甲一街道 S1 (一号社区 C1, 二号社区 C2), 甲二街道 S2 (三号社区 C3, 四号社区 C4)
    units: U1, U2, U5 in S1; U3, U4 in S2
    pairings since 2022-01-01: U1-C1 (P1), U2-C2 (P2)
    committee K1 covers C1; members U3, U5 since 2022-01-01
    resources: R1 (U1, 志愿服务, 环境整治, capacity 2, scope 结对社区, since 2022-01-01)
               R3 (U3, 专业服务, 养老助餐, capacity 1, scope 区, since 2022-01-01)
               R5 (U5, 物资, 文化活动, capacity 1, scope 街道, since 2022-01-01)
               R6 (U4, 资金, 就业服务, capacity 1, scope 街道, since 2023-01-01)
    needs:  N1  C1 环境整治 待认领 raised 06-01               age 29 > 7: overdue
            N2  C1 环境整治 待认领 raised 06-28               age 2
            N3  C1 养老助餐 待认领 raised 06-20               age 10 > 7: overdue
            N4  C1 环境整治 已办结 02-01..03-01 by U1 with R1 (work U1-C1; R1 used, load 1)
            N5  C2 环境整治 已办结 01-05..02-01 by S1 (C2 has needs; nothing from U2)
            N6  C3 就业服务 待认领 raised 06-25               age 5
            N7  C3 医疗健康 待认领 raised 05-01               age 60 > 7: overdue
            N8  C3 社区安全 不予受理 03-01..03-10
            N10 U1 停车交通 办理中 raised 04-01 claimed by S1 age 90 > 30: overdue
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel.analysis.gaps import find_gaps
from graphmodel.analysis.match import match
from graphmodel.analysis.needs import needs_report
from graphmodel.analysis.policy import Policy
from graphmodel.cli import main
from graphmodel.connection import Connection
from graphmodel.errors import NotFound
from graphmodel.load import load
from graphmodel.store import EmbeddedStore

LEDGER = Path(__file__).resolve().parent / "data" / "ledgers" / "needs"
AS_OF = dt.date(2023, 6, 30)


@pytest.fixture(scope="module")
def g(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("needs") / "graph.db")
    report = load([LEDGER], store)
    assert report.problems == [] and report.loaded
    return store.graph()


def test_needs_by_street_district_and_resolver(g):
    report = needs_report(g, Policy(), AS_OF)
    streets = {a.id: a for a in report.streets}
    # S1: N1 N2 N3 N4 (C1), N5 (C2), N10 (U1 sits in S1) = 6 raised; claimed N4 N5 N10;
    # resolved N4 N5; open N1 N2 N3 N10; overdue N1 N3 N10; rate 2 / 6
    s1 = streets["S1"]
    assert (s1.raised, s1.claimed, s1.resolved, s1.declined, s1.open, s1.overdue) == (
        6,
        3,
        2,
        0,
        4,
        3,
    )
    assert s1.rate == 0.3333
    # S2: N6 N7 N8 (C3); N8 declined; open N6 N7; overdue N7; rate 0 / (3 - 1)
    s2 = streets["S2"]
    assert (s2.raised, s2.claimed, s2.resolved, s2.declined, s2.open, s2.overdue) == (
        3,
        0,
        0,
        1,
        2,
        1,
    )
    assert s2.rate == 0.0
    (d,) = report.districts
    assert (d.id, d.raised, d.resolved, d.declined, d.open, d.overdue, d.rate) == (
        "D",
        9,
        2,
        1,
        6,
        4,
        0.25,
    )
    # who resolves what: S1 claimed N5 (resolved) and N10 (open); U1 claimed N4 (resolved)
    resolvers = {r.id: r for r in report.resolvers}
    assert set(resolvers) == {"S1", "U1"}
    assert (resolvers["S1"].claimed, resolvers["S1"].resolved, resolvers["S1"].open) == (2, 1, 1)
    assert resolvers["S1"].rate == 0.5
    assert resolvers["U1"].categories == {"环境整治": 1}
    assert resolvers["U1"].rate == 1.0
    # open needs, oldest first: N10 (90), N7 (60), N1 (29), N3 (10), N6 (5), N2 (2)
    assert [(n.id, n.age_days, n.overdue) for n in report.open_needs] == [
        ("N10", 90, True),
        ("N7", 60, True),
        ("N1", 29, True),
        ("N3", 10, True),
        ("N6", 5, False),
        ("N2", 2, False),
    ]
    assert [n.deadline_days for n in report.open_needs][:2] == [30, 7]
    rows = {(r["street_id"], r["category"]): r for r in report.open_by_category}
    assert rows[("S1", "环境整治")] == {
        "street_id": "S1",
        "street_name": "甲一街道",
        "category": "环境整治",
        "open": 2,
        "overdue": 1,
        "oldest_days": 29,
    }
    # a street filter keeps only the needs raised there
    only = needs_report(g, Policy(), AS_OF, street="甲二街道")
    assert only.total.raised == 3 and [a.id for a in only.streets] == ["S2"]


def test_longer_deadlines_clear_the_overdue_needs(g):
    report = needs_report(g, Policy(need_claim_days=60, need_resolve_days=90), AS_OF)
    assert [n.id for n in report.open_needs if n.overdue] == []


def _gaps(g, rule, **policy):
    return find_gaps(g, Policy(**policy), AS_OF, rules=[rule])


def test_unmet_need_is_an_open_need_past_its_deadline(g):
    gaps = _gaps(g, "unmet_need")
    # N1 (29 > 7), N3 (10 > 7), N7 (60 > 7) unclaimed; N10 (90 > 30) claimed
    assert [(x.node_id, x.street_id, x.detail["age_days"]) for x in gaps] == [
        ("N1", "S1", 29),
        ("N10", "S1", 90),
        ("N3", "S1", 10),
        ("N7", "S2", 60),
    ]
    assert gaps[1].detail["deadline_days"] == 30


def test_dormant_pairing_is_a_pairing_without_work_between_its_sides(g):
    # P1 U1-C1: N4 claimed by U1 and met with R1, closed in the period: working.
    # P2 U2-C2: C2 has needs (N5), but none from U2 and no project: 挂名结对.
    (gap,) = _gaps(g, "dormant_pairing")
    assert (gap.node_id, gap.detail["partner_id"], gap.detail["since"]) == (
        "C2",
        "U2",
        "2022-01-01",
    )
    # with a period that starts before the pairings (2022-01-01), none has been in force
    # for the whole period yet
    assert _gaps(g, "dormant_pairing", work_period_days=600) == []


def test_idle_resource_is_offered_for_the_period_and_unused(g):
    # R1 used (N4); R3, R5 offered since 2022-01-01 and unused; R6 offered since 2023-01-01,
    # less than a period
    gaps = _gaps(g, "idle_resource")
    assert [(x.node_id, x.street_id) for x in gaps] == [("R5", "S1"), ("R3", "S2")]


def test_no_needs_recorded_is_a_data_gap(g):
    (gap,) = _gaps(g, "no_needs_recorded")
    assert (gap.node_id, gap.detail) == ("C4", {"data_gap": True})


def test_working_alone_counts_a_unit_whose_resources_serve_nobody(g):
    gaps = _gaps(g, "working_alone")
    # U4 has no tie; U3 and U5 sit on K1 but their resources (R3, R5) served nobody;
    # U1 (R1 used) and U2 (paired, offers nothing) are not working alone
    assert [(x.node_id, x.detail["reason"]) for x in gaps] == [
        ("U5", "resources_unused"),
        ("U3", "resources_unused"),
        ("U4", "no_ties"),
    ]


def test_match_prefers_paired_then_committee_then_street(g):
    result = match(g, Policy(), AS_OF)
    # open needs without a resource: N1 N2 N3 N6 N7 N10 (6)
    assert result.needs == 6
    proposals = {p.need_id: p for p in result.proposals}
    # R1 has capacity 2, N4 takes 1: one left for N1 (age 29) or N2 (age 2), both paired
    # (cost 1); leaving N2 unmet costs 2 days, leaving N1 29: N1 gets it.
    assert (proposals["N1"].resource_id, proposals["N1"].tier) == ("R1", "paired")
    assert proposals["N1"].path == ("N1", "C1", "U1#党组织", "U1", "R1")
    # N3 (养老助餐): only R3 fits, offered by U3 in the other street, a fellow member of
    # C1's committee K1: a need only a committee member can meet
    assert (proposals["N3"].resource_id, proposals["N3"].tier, proposals["N3"].cost) == (
        "R3",
        "committee",
        3,
    )
    assert proposals["N3"].path_names == (
        "独居老人送餐",
        "一号社区",
        "一号社区党建协调委员会",
        "三号单位",
        "老年餐桌配送",
    )
    # N6 (就业服务): R6 of U4, same street S2, scope 街道
    assert (proposals["N6"].resource_id, proposals["N6"].tier, proposals["N6"].path) == (
        "R6",
        "street",
        ("N6", "C3", "S2", "U4", "R6"),
    )
    assert set(proposals) == {"N1", "N3", "N6"}
    assert result.total_cost == 1 + 3 + 10
    # N2 lost R1's last place; N7 (医疗健康) and N10 (停车交通): no resource can meet them
    assert [(u.need_id, u.reason, u.candidates) for u in result.unmet] == [
        ("N10", "no_candidate", 0),
        ("N2", "capacity_taken", 1),
        ("N7", "no_candidate", 0),
    ]


def test_results_carry_the_street_and_district_of_the_raiser(g):
    """Open needs, proposals and unmet needs carry one street/district block (Ties.area): of
    the community that raised the need, or of the unit (U1 sits in S1)."""
    s1 = ("S1", "甲一街道", "D", "甲区")
    s2 = ("S2", "甲二街道", "D", "甲区")

    def block(x):
        return (x.street_id, x.street_name, x.district_id, x.district_name)

    report = needs_report(g, Policy(), AS_OF)
    assert {n.id: block(n) for n in report.open_needs} == {
        "N1": s1,
        "N2": s1,
        "N3": s1,
        "N10": s1,
        "N6": s2,
        "N7": s2,
    }
    result = match(g, Policy(), AS_OF)
    assert {p.need_id: block(p) for p in result.proposals} == {"N1": s1, "N3": s1, "N6": s2}
    assert {u.need_id: block(u) for u in result.unmet} == {"N2": s1, "N7": s2, "N10": s1}


def test_a_need_raised_by_a_party_organization_draws_on_its_partner(g):
    # A joint branch JX (联合党支部, owned by nobody) paired with U1's party organization
    # raises NJ (环境整治, raised 06-28, as N2). Its paired provider is U1, the other side of
    # the pairing, not JX itself: R1 (U1, 环境整治, scope 结对社区) is its one candidate. R1 has
    # one place left, which goes to N1 (age 29), so NJ is unmet for capacity_taken, not for
    # want of a candidate.
    h = g.copy()
    h.add_node("JX", label="PartyOrg", name="联合党支部", level="联合党支部")
    h.add_edge("U1#党组织", "JX", key="PAIRED_WITH|PJ", type="PAIRED_WITH", since="2022-01-01")
    h.add_node("NJ", **{**g.nodes["N2"], "name": "联合党支部的需求"})
    h.add_edge("NJ", "JX", key="RAISED_BY|", type="RAISED_BY")
    result = match(h, Policy(), AS_OF)
    unmet = {u.need_id: (u.reason, u.candidates) for u in result.unmet}
    assert unmet["NJ"] == ("capacity_taken", 1)
    assert {p.need_id: p.resource_id for p in result.proposals}["N1"] == "R1"


def test_match_respects_scope_capacity_and_area(g):
    # only the needs of 甲一街道: N1 N2 N3 N10; resources anywhere
    result = match(g, Policy(), AS_OF, street="甲一街道")
    assert {p.need_id for p in result.proposals} == {"N1", "N3"}
    # 甲二街道: N6 N7 (N7 unmet); the district 甲区 (by id or name) holds every need
    result = match(g, Policy(), AS_OF, street="S2")
    assert ({p.need_id for p in result.proposals}, [u.need_id for u in result.unmet]) == (
        {"N6"},
        ["N7"],
    )
    assert {p.need_id for p in match(g, Policy(), AS_OF, district="甲区").proposals} == {
        "N1",
        "N3",
        "N6",
    }
    with pytest.raises(NotFound):
        match(g, Policy(), AS_OF, district="乙区")
    # R3 and R6 limited to the offerer's paired communities: U3 and U4 have none, so N3
    # and N6 lose their only candidates
    h = g.copy()
    h.nodes["R3"]["scope"] = "结对社区"
    h.nodes["R6"]["scope"] = "结对社区"
    # R1 at capacity 1: N4 already takes it, nothing left for N1 or N2
    h.nodes["R1"]["capacity"] = 1
    result = match(h, Policy(), AS_OF)
    assert result.proposals == []
    assert {u.need_id: u.reason for u in result.unmet} == dict.fromkeys(
        ("N1", "N2", "N3", "N6", "N7", "N10"), "no_candidate"
    )


def test_cli_needs_and_match(g, tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "g.db")
    assert runner.invoke(main, ["load", str(LEDGER), "--db", db]).exit_code == 0
    out = runner.invoke(main, ["needs", "--as-of", "2023-06-30", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {s["id"]: s["rate"] for s in data["streets"]} == {"S1": 0.3333, "S2": 0.0}
    human = runner.invoke(main, ["needs", "--as-of", "2023-06-30", "--db", db])
    assert "办结率 25.0%" in human.output
    xlsx = tmp_path / "对接清单.xlsx"
    out = runner.invoke(main, ["match", "--as-of", "2023-06-30", "--db", db, "--xlsx", str(xlsx)])
    assert out.exit_code == 0, out.output
    from openpyxl import load_workbook

    book = load_workbook(xlsx)
    proposals, unmet = book.worksheets[0], book.worksheets[1]
    rows = list(proposals.iter_rows(values_only=True))
    assert len(rows) == 1 + 3
    assert "一号社区 → 一号社区党建协调委员会 → 三号单位" in " ".join(str(v) for v in rows[2])
    assert len(list(unmet.iter_rows(values_only=True))) == 1 + 3


@pytest.mark.parametrize(
    "args",
    [
        ["needs"],
        ["match"],
        ["gaps", "--rule", "unmet_need", "--rule", "dormant_pairing", "--rule", "idle_resource"],
        ["gaps", "--rule", "no_needs_recorded", "--rule", "working_alone"],
    ],
    ids=lambda a: " ".join(a[:1]),
)
def test_both_stores_agree_on_the_hand_built_ledger(neo4j_connection, tmp_path, args):
    from graphmodel.store.neo4j import Neo4jStore

    with Neo4jStore.connect(
        Connection(neo4j_connection.uri, neo4j_connection.user, neo4j_connection.password)
    ) as s:
        s.clear()
    runner = CliRunner(env=neo4j_connection.env())
    db = str(tmp_path / "g.db")
    for store_args in (["--db", db], ["--store", "neo4j"]):
        result = runner.invoke(main, ["load", str(LEDGER), *store_args])
        assert result.exit_code == 0, result.output
    answers = [
        runner.invoke(main, [*args, "--as-of", "2023-06-30", *store_args, "--json"])
        for store_args in (["--db", db], ["--store", "neo4j"])
    ]
    assert all(a.exit_code == 0 for a in answers), [a.output for a in answers]
    embedded, neo4j = (json.loads(a.output) for a in answers)
    assert neo4j == embedded
    assert embedded.get("proposals") or embedded.get("streets") or embedded.get("gaps")
