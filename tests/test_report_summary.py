"""The report for a reader with ten minutes: data not recorded is never a 0% or a gap, hubs
are described in words among actors, the summary names problems and actions with their
numbers and places, and a report can be cut to one district or street. Hand-built ledgers
whose answers are worked out in the comments."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from graphmodel.analysis.completeness import completeness
from graphmodel.analysis.policy import Policy
from graphmodel.cli import main
from graphmodel.errors import GraphmodelError
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.report import build_report, write_report
from graphmodel.report.html import render_html
from graphmodel.report.markdown import render_markdown
from graphmodel.store import EmbeddedStore
from tests.test_hubs import chain_street

DAY = dt.date(2024, 1, 1)
n = NodeRecord
e = EdgeRecord


def two_districts() -> tuple[list, list]:
    """甲区 (street 甲街道, communities 甲一 and 甲二) recorded social organizations: one
    serves 甲一, none serves 甲二. 乙区 (street 乙街道, communities 乙一 and 乙二) recorded
    none at all, but a pairing: 乙单位 pairs with 乙一.

    So with the default minimum of 10, 甲一 and 甲二 both have too few social organizations
    (1 and 0): two gaps. 乙区 has no SERVES row: its communities are not recorded (未采集),
    not two more gaps at 0. Pairings: only 乙区 recorded any, so 甲区's communities are not
    recorded as unpaired either, while 乙二 is unpaired (乙区 kept a pairing ledger).
    Reports (双报到) and committees were recorded nowhere.
    """
    nodes = [
        n("District", "d1", {"name": "甲区"}),
        n("District", "d2", {"name": "乙区"}),
        n("Street", "s1", {"name": "甲街道"}),
        n("Street", "s2", {"name": "乙街道"}),
        n("Community", "c11", {"name": "甲一社区", "kind": "社区"}),
        n("Community", "c12", {"name": "甲二社区", "kind": "社区"}),
        n("Community", "c21", {"name": "乙一社区", "kind": "社区"}),
        n("Community", "c22", {"name": "乙二社区", "kind": "社区"}),
        n("SocialOrg", "o1", {"name": "甲一志愿队"}),
        n("MemberUnit", "u2", {"name": "乙单位"}),
        n("PartyOrg", "u2#po", {"name": "乙单位党支部"}),
        n("PartyOrg", "c21#po", {"name": "乙一社区党委"}),
        n("PartyOrg", "c22#po", {"name": "乙二社区党委"}),
    ]
    edges = [
        e("PART_OF", "s1", "d1"),
        e("PART_OF", "s2", "d2"),
        e("PART_OF", "c11", "s1"),
        e("PART_OF", "c12", "s1"),
        e("PART_OF", "c21", "s2"),
        e("PART_OF", "c22", "s2"),
        e("SERVES", "o1", "c11"),
        e("LOCATED_IN", "u2", "s2"),
        e("BELONGS_TO", "u2#po", "u2"),
        e("BELONGS_TO", "c21#po", "c21"),
        e("BELONGS_TO", "c22#po", "c22"),
        e("PAIRED_WITH", "u2#po", "c21#po", "p1", {"since": "2023-01-01"}),
    ]
    return nodes, edges


def _graph(tmp_path, nodes, edges):
    store = EmbeddedStore(tmp_path / "g.json")
    store.write(GraphBatch(nodes, edges))
    return store.graph()


def _section(report, key):
    return next(s for s in report.sections if s.key == key)


def test_a_table_a_district_did_not_fill_in_is_not_recorded_never_a_gap(tmp_path):
    g = _graph(tmp_path, *two_districts())
    recorded = completeness(g)
    assert recorded.judged("few_social_orgs", "d1")
    assert not recorded.judged("few_social_orgs", "d2")
    assert not recorded.judged("unpaired_community", "d1")
    assert recorded.judged("unpaired_community", "d2")
    assert recorded.missing_tables("d2") == ["social_orgs", "committees", "memberships", "reports"]

    report = build_report(g, Policy(), DAY)
    found = {(gap["rule"], gap["node_id"]) for gap in report.data["gaps"]}
    assert {n for rule, n in found if rule == "few_social_orgs"} == {"c11", "c12"}
    assert {n for rule, n in found if rule == "unpaired_community"} == {"c22"}
    assert not {n for rule, n in found if rule == "unreported"}

    # Coverage: 甲街道 not recorded for pairings, 乙街道 for social organizations; both for
    # dual reporting and committees. Never a 0.
    rows = {r["name"]: r for r in report.data["coverage"]}
    assert rows["甲街道"]["paired"] is None and rows["甲街道"]["enough_social"] == 0
    assert rows["乙街道"]["paired"] == 1 and rows["乙街道"]["enough_social"] is None
    assert rows["乙街道"]["reported"] is None and rows["乙街道"]["with_committee"] is None
    table = _section(report, "coverage").tables[0][1]
    by_street = {row[1]: row for row in table.rows}
    # 区, 街道, 社区数, 已结对, 结对率, 有社区协调委员会, 社会组织达标, 有双报到, 缺口数
    assert by_street["乙街道"][2:8] == [2, 1, "50%", None, None, None]
    assert by_street["甲街道"][3:5] == [None, None]
    page = render_html(report)
    assert '<td class="na">未采集</td>' in page
    assert "| 乙区 | 乙街道 | 2 | 1 | 50% | 未采集 | 未采集 | 未采集 |" in render_markdown(report)

    # The summary says what was not recorded, per district.
    lines = _section(report, "not_recorded").bullets
    assert lines == [
        "乙区：未采集社会组织、协调委员会、委员会成员、双报到，相关指标显示为“未采集”，不计为缺口。",
        "甲区：未采集协调委员会、委员会成员、结对共建、双报到，相关指标显示为“未采集”，不计为缺口。",
    ]


def test_hubs_are_actors_described_in_words(tmp_path):
    # chain_street (tests/test_hubs): 中科院所 (u) is a member of the committee k and paired
    # with 翠微社区 (x); it is the articulation point that cuts off 翠微社区 and 羊坊店社区.
    # Its role: 1 partner actor (k), 1 community (x) in 1 street, sole tie of x and y.
    # The street 万寿路街道 scores highest of all but is a place: not ranked.
    g = _graph(tmp_path, *chain_street())
    report = build_report(g, Policy(), DAY)
    rows = {row[1]: row for row in _section(report, "hubs").tables[0][1].rows}
    assert "万寿路街道" not in rows and "翠微社区" not in rows
    assert rows["中科院所"][4] == (
        "联系1个单位或组织；联系1个社区，跨1个街道；若退出，翠微社区、羊坊店社区将失去唯一联系"
    )
    # 航天大学 is paired with 复兴路 and 太平路: 2 communities, no committee or unit partner.
    assert rows["航天大学"][4] == "联系2个社区，跨1个街道"
    # No raw score in the body; they are in the appendix.
    assert _section(report, "hubs").tables[0][1].headers == ["排名", "名称", "类型", "街道", "作用"]
    appendix = dict(report.appendix)
    assert "枢纽分" in appendix["协调枢纽"].headers
    english = build_report(g, Policy(), DAY, lang="en")
    rows = {row[1]: row for row in _section(english, "hubs").tables[0][1].rows}
    assert rows["中科院所"][4] == (
        "tied to 1 unit or organization; connects 1 community across 1 street; "
        "if it leaves, 翠微社区, 羊坊店社区 lose their only tie"
    )


def test_the_summary_names_problems_and_actions_with_numbers_and_places(tmp_path):
    # chain_street on DAY: 2 communities hang on a single actor: 中科院所 cuts off 翠微 and
    # 羊坊店, 翠微志愿服务队 cuts off 羊坊店 (2 such actors, 中科院所 the largest); 1 unpaired community (羊坊店); 4 communities and the street
    # without a committee; 4 communities with too few social organizations (复兴路 and 太平路
    # have 0 of 10, 翠微 and 羊坊店 1: 10 + 10 + 9 + 9 = 38 to cultivate); 4 unreported.
    # No district, so everything is judged.
    g = _graph(tmp_path, *chain_street())
    report = build_report(g, Policy(), DAY)
    problems = _section(report, "problems").bullets
    assert problems[0] == (
        "2个社区只靠单一主体与外界相连，这样的主体有2个，影响最大的是中科院所，"
        "最多的是万寿路街道（2/4）。"
    )
    assert problems[1] == "1个社区没有有效的结对共建（占25%），最多的是万寿路街道（1/4）。"
    assert len(problems) == 5
    actions = _section(report, "actions").bullets
    assert "培育38个社区社会组织，使4个社区达到标准，最多的是万寿路街道（4/4）。" in actions
    assert any(a.startswith("为1个未结对社区各安排一家结对单位") for a in actions)
    assert report.data["summary"]["problems"][0]["code"] == "cut_off"
    # The first page comes first, then the table of contents, then the sections.
    assert [s.key for s in report.sections[: report.front]] == [
        "summary",
        "problems",
        "actions",
        "not_recorded",
    ]
    page = render_html(report)
    assert page.index("摘要") < page.index('<nav class="toc">') < page.index('id="coverage"')


def test_a_report_on_one_district_or_street(tmp_path):
    g = _graph(tmp_path, *two_districts())
    report = build_report(g, Policy(), DAY, district="乙区")
    assert [r["name"] for r in report.data["coverage"]] == ["乙街道"]
    assert {gap["district_name"] for gap in report.data["gaps"]} == {"乙区"}
    assert report.scope.startswith("范围：乙区（1个街道、2个社区）；数据截至2024-01-01；台账：")
    assert _section(report, "not_recorded").bullets[0].startswith("乙区：")
    street = build_report(g, Policy(), DAY, street="甲街道")
    assert [r["name"] for r in street.data["coverage"]] == ["甲街道"]
    with pytest.raises(GraphmodelError, match="not both"):
        build_report(g, Policy(), DAY, district="甲区", street="甲街道")


def test_report_command_writes_the_appendix_in_full(tmp_path):
    g = _graph(tmp_path, *chain_street())
    out = tmp_path / "out"
    write_report(build_report(g, Policy(), DAY, limit=1), out)
    book = load_workbook(out / "report.xlsx")
    # The body shows one gap per rule; the appendix has all 4 few-social-organization gaps.
    rows = list(book["缺口清单"].iter_rows(values_only=True))
    assert sum(1 for r in rows if r[0] == "社区社会组织不足") == 4
    result = CliRunner().invoke(
        main,
        [
            "report",
            "--out",
            str(tmp_path / "cli"),
            "--db",
            str(tmp_path / "g.json"),
            "--as-of",
            "2024-01-01",
            "--street",
            "万寿路街道",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli" / "report.xlsx").exists()
    bad = CliRunner().invoke(
        main,
        [
            "report",
            "--out",
            str(tmp_path / "x"),
            "--db",
            str(tmp_path / "g.json"),
            "--street",
            "无此街道",
        ],
    )
    assert bad.exit_code == 1 and "无此街道" in bad.output


def test_the_network_is_drawn_street_by_street_and_for_each_street(tmp_path):
    # Whole store: two streets, so the street-by-street overview. 乙区: one street, drawn
    # actor by actor (its communities, the unit paired with 乙一).
    g = _graph(tmp_path, *two_districts())
    whole = build_report(g, Policy(), DAY)
    assert [c.name for c in _section(whole, "network").charts] == ["network"]
    district = build_report(g, Policy(), DAY, district="乙区")
    assert [c.name for c in _section(district, "network").charts] == ["network-s2"]
    street = build_report(g, Policy(), DAY, street="乙街道")
    [chart] = _section(street, "network").charts
    assert chart.name == "network-s2" and chart.png.startswith(b"\x89PNG")
    from graphmodel.analysis.folding import fold_party_orgs
    from graphmodel.report.network_figure import Drawing

    drawn = Drawing(fold_party_orgs(g), "s2", DAY)
    assert (drawn.communities, drawn.units) == (["c21", "c22"], ["u2"])
    assert drawn.ties == [("u2", "c21", "PAIRED_WITH")]


def test_the_scope_line_names_each_ledger_and_when_it_was_last_loaded(tmp_path):
    # The needs ledger is loaded twice and the gbk ledger once in between: the scope line names
    # the two ledgers once each, in the order of their last loads (gbk, then needs), each
    # with the minute it was loaded ("载入").
    db = str(tmp_path / "g.db")
    needs, gbk = "tests/data/ledgers/needs", "tests/data/ledgers/gbk"
    for ledger in (needs, gbk, needs):
        loaded = CliRunner().invoke(main, ["load", ledger, "--db", db])
        assert loaded.exit_code == 0, loaded.output
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    scope = (out / "index.md").read_text(encoding="utf-8").splitlines()[2]
    assert scope.count("载入") == 2, scope
    assert scope.index(gbk) < scope.index(needs), scope


def test_a_street_is_counted_by_its_communities_not_by_their_expired_pairings():
    # 站东社区 has three expired pairings, 赵家楼社区 one; the street has 2 communities. The
    # problem counts 4 pairings in 2 communities, and the street reads "2 of 2", not "4 of 2".
    from graphmodel.analysis.gaps import Gap
    from graphmodel.analysis.recommend import Recommendation
    from graphmodel.analysis.summary import summarize

    def expired(node: str, name: str, ref: str) -> Gap:
        return Gap(
            "expired_pairing", node, name, "Community", "s", "建国门街道", "d", "东城区", ref
        )

    gaps = [expired("c1", "站东社区", f"p{i}") for i in range(3)] + [
        expired("c2", "赵家楼社区", "p9")
    ]
    found = summarize(gaps, [], Recommendation("2024-06-30", 1), {"s": 2})
    problem = next(f for f in found.problems if f.code == "expired_pairing")
    assert (problem.count, problem.extra, problem.total) == (4, 2, 2)
    assert [(p.name, p.count, p.total) for p in problem.places] == [("建国门街道", 2, 2)]
