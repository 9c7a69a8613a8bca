"""The named query library: headers, every query on the seed dataset in the real Neo4j, the
embedded answers it must agree with, ``graphmodel query`` and the refusal of writes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from neo4j import Driver, GraphDatabase

from graphmodel import graphview, queries
from graphmodel.analysis.completeness import judged_gaps
from graphmodel.analysis.failure import single_points_of_failure
from graphmodel.analysis.gaps import find_gaps
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.ties import Ties
from graphmodel.cli import main
from graphmodel.connection import Connection
from graphmodel.load import default_ledger, load
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore
from graphmodel.store.neo4j import Neo4jStore
from graphmodel.writeback import write_analysis
from tests.query_agreement import AGREEMENT

AS_OF = dt.date(2023, 6, 30)

# The questions the issue asks the library to answer, by query name.
REQUIRED = {
    "partners",
    "reach_within_hops",
    "committee_members",
    "party_chain",
    "unpaired_communities",
    "few_social_orgs",
    "working_alone",
    "single_points_of_failure",
    "top_hubs",
    "expiring_pairings",
    "open_needs",
    "need_resource_paths",
    "dormant_pairings",
}
# Queries whose example answer on the seed (loaded, analysed on AS_OF) is empty: the seed
# records no pairing with an end date, and no resource a paired unit or committee member offers.
EMPTY_ON_SEED = {"expiring_pairings", "need_resource_paths"}

LIBRARY = queries.library()


def _write_query(text: str) -> queries.Query:
    return queries.parse_query(
        "// @name scratch\n// @zh 写入\n// @en a write\n"
        "// @param name: string = 甲 -- a name\n// @returns name\n" + text
    )


# --- the headers (no server needed) ---------------------------------------------------------


def test_the_library_answers_every_question_the_issue_lists():
    names = {q.name for q in LIBRARY}
    assert names >= REQUIRED


@pytest.mark.parametrize("query", LIBRARY, ids=lambda q: q.name)
def test_every_header_is_complete_and_its_examples_are_typed(query):
    assert query.zh and query.en and query.returns
    assert query.path is not None and query.path.stem == query.name
    for p in query.params:
        assert p.doc, f"{query.name}: ${p.name} has no doc"
        assert p.example_value is not None
    assert query.mode == "read"


def test_a_header_that_lies_about_its_parameters_is_rejected():
    text = "// @name x\n// @zh 甲\n// @en x\n// @returns n\nMATCH (n {id: $ref}) RETURN n"
    with pytest.raises(queries.QueryError, match="parameters used"):
        queries.parse_query(text)


def test_parameters_are_typed_per_the_header():
    reach = queries.find_query("reach_within_hops")
    values = queries.parse_params(reach, ["ref=站东社区", "hops=2", "as_of=2023-06-30"])
    assert values == {"ref": "站东社区", "hops": 2, "as_of": "2023-06-30"}
    with pytest.raises(queries.QueryError, match="hops"):
        queries.parse_params(reach, ["ref=站东社区", "hops=two", "as_of=2023-06-30"])
    with pytest.raises(queries.QueryError, match="takes a date"):
        queries.parse_params(reach, ["ref=站东社区", "hops=2", "as_of=yesterday"])
    # dates as the ledgers write them
    for day in ("2023/6/30", "2023年6月30日", "2023.6.30"):
        values = queries.parse_params(reach, ["ref=站东社区", "hops=2", f"as_of={day}"])
        assert values["as_of"] == "2023-06-30"
    with pytest.raises(queries.QueryError, match="needs as_of"):
        queries.parse_params(reach, ["ref=站东社区", "hops=2"])


def test_every_parameter_type_converts_its_text():
    query = queries.parse_query(
        "// @name typed\n// @zh 类型\n// @en types\n"
        "// @param n: int = 3 -- a count\n// @param x: float = 0.5 -- a share\n"
        "// @param b: bool = true -- a switch\n// @param d: date = 2023-06-30 -- a day\n"
        "// @param s: string = 站东社区 -- a name\n// @param l: list = 甲,乙 -- names\n"
        "// @returns v\nRETURN [$n, $x, $b, $d, $s, $l] AS v"
    )
    assert query.example_params() == {
        "n": 3,
        "x": 0.5,
        "b": True,
        "d": "2023-06-30",
        "s": "站东社区",
        "l": ["甲", "乙"],
    }
    values = queries.parse_params(
        query, ["n=0", "x=1", "b=no", "d=2024-02-29", "s= 甲 ", 'l=["a,b", "c"]']
    )
    assert values == {"n": 0, "x": 1.0, "b": False, "d": "2024-02-29", "s": "甲", "l": ["a,b", "c"]}
    with pytest.raises(queries.QueryError, match="takes true or false"):
        queries.parse_params(query, ["n=0", "x=1", "b=maybe", "d=2024-02-29", "s=甲", "l=a"])
    with pytest.raises(queries.QueryError, match="has type 'number'"):
        queries.parse_query(
            "// @name t\n// @zh 甲\n// @en t\n// @param n: number = 1 -- n\n// @returns n\nRETURN $n AS n"
        )


def test_favorites_carry_the_title_the_parameters_and_the_statement(tmp_path):
    written = queries.export_favorites(LIBRARY, tmp_path)
    assert len(written) == len(LIBRARY)
    text = (tmp_path / "partners.cql").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("// ") and "partners" in first
    assert ":param {ref: '站东社区', as_of: '2023-06-30'};" in text
    assert text.rstrip().endswith(";")
    assert queries.find_query("partners").text.splitlines()[0] in text


# --- the seed dataset in the real Neo4j -----------------------------------------------------


@pytest.fixture(scope="module")
def seed_view(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    """The seed dataset as the embedded store sees it: the embedded answers come from here."""
    store = EmbeddedStore(tmp_path_factory.mktemp("seed") / "graph.json")
    load([default_ledger()], store)
    return store.graph()


@pytest.fixture
def seeded(neo4j_connection, seed_view) -> Iterator[Driver]:
    """A driver on a database holding the seed dataset, analysed on ``AS_OF``.

    Loads (and writes the analysis back) only when the database does not already hold
    exactly the seed's nodes and relationships, since other tests empty it (the store's load
    history, ``GraphmodelLoad`` nodes outside the graph, is not counted).
    """
    c = neo4j_connection
    with GraphDatabase.driver(c.uri, auth=(c.user, c.password or "")) as driver:
        counts = driver.execute_query(
            "MATCH (n) WHERE NOT n:GraphmodelLoad WITH count(n) AS nodes "
            "RETURN nodes, COUNT { ()-[]->() } AS rels, "
            "COUNT { MATCH (m) WHERE m.analysis_date = $day } AS analysed",
            day=AS_OF.isoformat(),
        ).records[0]
        expected = (seed_view.number_of_nodes(), seed_view.number_of_edges())
        if (counts["nodes"], counts["rels"]) != expected or not counts["analysed"]:
            store = Neo4jStore.connect(Connection(c.uri, c.user, c.password))
            try:
                store.clear()
                load([default_ledger()], store)
                write_analysis(store, AS_OF, Policy())
            finally:
                store.close()
        yield driver


@pytest.fixture
def run(seeded: Driver) -> Callable[..., list[dict]]:
    def _run(name: str, **params: object) -> list[dict]:
        query = queries.find_query(name)
        values = {**query.example_params(), **params}
        return queries.run_query(seeded, query, values).rows

    return _run


@pytest.mark.parametrize("query", LIBRARY, ids=lambda q: q.name)
def test_every_query_runs_on_the_seed_with_its_example(seeded, query):
    result = queries.run_query(seeded, query, query.example_params())
    assert result.columns == list(query.returns)
    if query.name not in EMPTY_ON_SEED:
        assert result.rows, f"{query.name} found nothing with its example on the seed"


# Each query with a library counterpart, on the seed (tests/query_agreement.py says what it must
# equal; tests/test_query_owner.py checks the same on a graph where owners are disputed).
SEED_CASES = [
    *(
        (name, {"ref": ref})
        for name in ("partners", "partners_graph")
        for ref in ("站东社区", "建国门街道市级下沉单位01", "dongcheng.jianguomen.zhandong.po")
    ),
    *(
        ("unpaired_communities", {"as_of": day})
        for day in ("2023-06-30", "2021-09-03", "2021-01-01")
    ),
    *(("working_alone", {"as_of": day}) for day in ("2023-06-30", "2021-01-01")),
    *(
        ("dormant_pairings", {"as_of": "2024-06-30", "period_days": period})
        for period in (365, 200)
    ),
    ("open_needs", {"as_of": "2023-12-31"}),
    ("community_profile", {"names": ["站东社区", "赵家楼社区", "东总布社区"]}),
    *(
        ("reach_within_hops", {"ref": ref, "hops": hops})
        for ref, hops in (
            ("建国门街道市级下沉单位01", 1),
            ("建国门街道市级下沉单位01", 3),
            ("建国门街道市级下沉单位01党支部", 2),
            ("万寿路地区党建工作协调委员会", 3),
            ("站东社区", 2),
            ("万寿路街道", 3),
        )
    ),
    ("unit_community_pairings", {"street": "建国门街道"}),
    ("expiring_pairings", {"as_of": "2023-06-30", "before": "2030-01-01"}),
    *(("party_chain", {"ref": ref}) for ref in ("青龙社区", "站东社区")),
    ("need_resource_paths", {"as_of": "2023-06-30", "limit": 5000}),
]


def test_every_query_with_a_counterpart_is_checked_on_the_seed():
    assert {name for name, _ in SEED_CASES} == set(AGREEMENT)
    assert all(q.agrees for q in LIBRARY if q.name in AGREEMENT)


@pytest.mark.parametrize(
    ("name", "params"), SEED_CASES, ids=lambda x: x if isinstance(x, str) else ""
)
def test_the_query_agrees_with_the_library_on_the_seed(run, seed_view, name, params):
    got, expected = AGREEMENT[name](
        run(name, **params), seed_view, {**queries.find_query(name).example_params(), **params}
    )
    assert got == expected


def test_zhandong_pairs_with_its_two_sinking_units(run):
    # 002: 站东社区分别与2家市级下沉单位签订《结对共建协议书》.
    owners = {r["owner_name"] for r in run("partners", ref="站东社区")}
    assert owners == {"建国门街道市级下沉单位01", "建国门街道市级下沉单位02"}
    # ... directly: unit - community, no party organization between.
    rows = run("unit_community_pairings", street="建国门街道")
    assert {r["unit_name"] for r in rows if r["community_name"] == "站东社区"} == owners


def test_active_follows_the_date(run):
    # Both of 站东社区's pairings start on 2021-09-03 and have no end.
    assert {r["active"] for r in run("partners", ref="站东社区", as_of="2021-09-02")} == {False}
    assert {r["active"] for r in run("partners", ref="站东社区", as_of="2021-09-03")} == {True}


def _rule(g: nx.MultiDiGraph, rule: str, as_of: dt.date, policy: Policy | None = None) -> set:
    return {gap.node_id for gap in find_gaps(g, policy or Policy(), as_of, rules=[rule])}


@pytest.mark.parametrize(("community", "village"), [(10, 5), (6, 5), (1, 1)])
def test_few_social_orgs_agrees_with_the_gap_rule(run, seed_view, community, village):
    policy = Policy(min_social_orgs_community=community, min_social_orgs_village=village)
    rows = run("few_social_orgs", min_community=community, min_village=village)
    assert {r["community_id"] for r in rows} == _rule(seed_view, "few_social_orgs", AS_OF, policy)
    assert all(r["social_orgs"] < r["minimum"] for r in rows)


def test_the_seed_has_dormant_pairings_and_open_needs(run):
    assert run("dormant_pairings", as_of="2024-06-30", period_days=365)
    # 回龙观街道 (001): 109 needs raised, 103 resolved.
    assert len(run("open_needs", as_of="2023-12-31")) == 109 - 103


def test_label_counts_agree_with_the_embedded_stats(run, seed_view):
    stats = graphview.stats(seed_view)
    counted = {r["label"]: r["nodes"] for r in run("label_counts")}
    assert {k: v for k, v in counted.items() if v} == stats.labels


def test_a_sinking_units_own_paired_community_is_one_hop_away(run):
    # A unit and its branch are one actor, so its paired community is 1 hop away, as in
    # graphmodel reach; naming the branch reaches what the unit reaches.
    rows = run("reach_within_hops", ref="建国门街道市级下沉单位01", hops=1)
    assert rows and {r["hops"] for r in rows} == {1}
    branch = run("reach_within_hops", ref="建国门街道市级下沉单位01党支部", hops=1)
    assert branch == rows


def test_community_profiles_cover_a_street_with_reports(run, seed_view):
    # Every community of 大雁塔街道 (where the reports are) and the three of 建国门街道.
    ties = Ties.of(seed_view, AS_OF)
    ids = sorted(
        c
        for c, d in seed_view.nodes(data=True)
        if d.get("label") == "Community"
        and ties.street(c) in ("yanta.dayanta", "dongcheng.jianguomen")
    )
    rows = run("community_profile", names=ids)
    got, expected = AGREEMENT["community_profile"](
        rows, seed_view, {"names": ids, "as_of": AS_OF.isoformat()}
    )
    assert got == expected and sorted(got) == ids
    assert sum(r["reported_members"] for r in rows) > 0


def test_committee_members_lists_the_92_members_of_wanshoulu(run):
    # 000: 万寿路地区党建工作协调委员会新增33家成员单位，总数达到92家.
    rows = run("committee_members")
    units = [r for r in rows if r["relation"] == "member" and r["label"] == "MemberUnit"]
    assert len(units) == 92


def test_single_points_of_failure_agree_with_the_hub_analysis(run, seed_view):
    expected = {
        p.ids[0]: [c.name for c in p.cut_off]
        for p in single_points_of_failure(seed_view, AS_OF)
        if p.kind == "articulation"
    }
    rows = run("single_points_of_failure")
    assert {r["id"]: r["cut_off_communities"] for r in rows} == expected
    assert any(r["cut_off"] for r in rows)


def test_written_back_scores_rank_the_hubs(run, seed_view):
    rows = run("top_hubs", limit=5)
    scores = [r["hub_score"] for r in rows]
    assert len(rows) == 5 and scores == sorted(scores, reverse=True)
    assert all(r["analysis_date"] == AS_OF.isoformat() for r in rows)
    flagged = run("flagged_gaps", rule="unpaired_community")
    # analyze --write flags the gaps judged where they sit (graphmodel gaps' count).
    judged = judged_gaps(seed_view, Policy(), AS_OF, rules=["unpaired_community"]).gaps
    assert {r["id"] for r in flagged} == {gap.node_id for gap in judged}


# --- graphmodel query -----------------------------------------------------------------------


def test_query_list_names_every_query():
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0, result.output
    for query in LIBRARY:
        assert query.name in result.output
    listed = json.loads(CliRunner().invoke(main, ["query", "--list", "--json"]).output)
    assert [q["name"] for q in listed] == [q.name for q in LIBRARY]
    assert listed[0]["params"][0].keys() == {"name", "type", "example", "doc"}


def test_query_export_writes_one_favorite_per_query(tmp_path):
    result = CliRunner().invoke(main, ["query", "--export", str(tmp_path / "fav")])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (tmp_path / "fav").glob("*.cql")) == [q.name for q in LIBRARY]


def test_query_needs_the_neo4j_store():
    result = CliRunner().invoke(
        main,
        ["query", "partners", "-p", "ref=站东社区", "-p", "as_of=2023-06-30"],
        env={"GRAPHMODEL_STORE": ""},
    )
    assert result.exit_code == 1
    assert "需要 Neo4j：请加 --store neo4j" in result.output


def test_query_names_an_unknown_query_and_a_missing_parameter():
    result = CliRunner().invoke(main, ["query", "nosuch", "--store", "neo4j"])
    assert result.exit_code == 1 and "没有名为「nosuch」的查询" in result.output
    result = CliRunner().invoke(main, ["query", "partners", "--store", "neo4j", "--lang", "en"])
    assert result.exit_code == 1
    assert "partners needs ref, as_of, e.g. -p ref=站东社区 -p as_of=2023-06-30" in result.output


def test_query_reports_a_server_that_is_down():
    result = CliRunner().invoke(
        main,
        ["query", "label_counts", "--store", "neo4j"],
        env={"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "irrelevant"},
    )
    assert result.exit_code == 1
    assert "无法连接 bolt://127.0.0.1:9 的 Neo4j" in result.output
    assert "graphmodel neo4j start" in result.output


def test_query_prints_json_and_csv(seeded, neo4j_connection):
    env = neo4j_connection.env()
    args = ["query", "partners", "-p", "ref=站东社区", "-p", "as_of=2023-06-30", "--store", "neo4j"]
    as_json = CliRunner().invoke(main, [*args, "--json"], env=env)
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.output)
    assert {r["owner_name"] for r in rows} == {
        "建国门街道市级下沉单位01",
        "建国门街道市级下沉单位02",
    }
    as_csv = CliRunner().invoke(main, [*args, "--csv", "--lang", "en"], env=env)
    assert as_csv.exit_code == 0, as_csv.output
    assert as_csv.output.startswith("\ufeff")
    table = list(csv.DictReader(io.StringIO(as_csv.output.removeprefix("\ufeff"))))
    assert list(table[0]) == list(queries.find_query("partners").returns)
    assert [r["partner_id"] for r in table] == [r["partner_id"] for r in rows]
    text = CliRunner().invoke(main, args, env=env)
    assert text.exit_code == 0 and "站东社区党委" in text.output


def test_a_query_about_a_name_that_matches_nothing_says_so(seeded, neo4j_connection, tmp_path):
    env = neo4j_connection.env()
    args = ["query", "partners", "-p", "ref=站东", "-p", "as_of=2023/6/30", "--store", "neo4j"]
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 1
    assert "找不到名称或编号为「站东」的" in result.output
    assert "站东社区" in result.output
    book = tmp_path / "q.xlsx"
    ok = CliRunner().invoke(main, [*args[:3], "ref=站东社区", *args[4:], "--xlsx", book], env=env)
    assert ok.exit_code == 0, ok.output
    from openpyxl import load_workbook

    ws = load_workbook(book).active
    assert ws.title == "partners"
    assert [c.value for c in ws[1]][:2] == ["党组织", "结对方"]


def test_query_prints_a_path_as_json_and_csv(seeded, neo4j_connection):
    env = neo4j_connection.env()
    args = ["query", "partners_graph", "-p", "ref=站东社区", "--store", "neo4j"]
    rows = json.loads(CliRunner().invoke(main, [*args, "--json"], env=env).output)
    # 站东社区 <- its 党委 - a unit's branch -> the unit: four nodes, three relationships.
    assert {len(r["path"]["nodes"]) for r in rows} == {4}
    assert {r["path"]["nodes"][0]["name"] for r in rows} == {"站东社区"}
    assert [rel["type"] for rel in rows[0]["path"]["relationships"]] == [
        "BELONGS_TO",
        "PAIRED_WITH",
        "BELONGS_TO",
    ]
    out = CliRunner().invoke(main, [*args, "--csv", "--lang", "en"], env=env).output
    table = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    # a path is its names in a cell, never JSON
    assert table[0]["path"] == " — ".join(n["name"] for n in rows[0]["path"]["nodes"])


def test_the_library_folder_is_the_repositorys():
    assert (
        Path(__file__).resolve().parent.parent / "cypher" / "queries"
    ).resolve() == queries.QUERY_DIR


# --- hand-built graphs (last: they empty the database the seeded tests share) -------------


def _pairing_batch() -> GraphBatch:
    """Two communities of one street; unit A pairs with 甲社区 until 2024-03-01, unit B with
    乙社区 from 2020 with no end. On 2023-06-30 both pairings are in force; before 2024-12-31
    only A's ends (days left: 2023-06-30 -> 2024-03-01 = 245)."""
    nodes = [
        NodeRecord("Street", "s", {"name": "某街道"}),
        NodeRecord("Community", "c1", {"name": "甲社区", "kind": "社区"}),
        NodeRecord("Community", "c2", {"name": "乙社区", "kind": "社区"}),
        NodeRecord("PartyOrg", "c1.po", {"name": "甲社区党委", "level": "社区党委"}),
        NodeRecord("PartyOrg", "c2.po", {"name": "乙社区党委", "level": "社区党委"}),
        NodeRecord("MemberUnit", "a", {"name": "甲单位"}),
        NodeRecord("MemberUnit", "b", {"name": "乙单位"}),
        NodeRecord("PartyOrg", "a.po", {"name": "甲单位党支部", "level": "单位党支部"}),
        NodeRecord("PartyOrg", "b.po", {"name": "乙单位党支部", "level": "单位党支部"}),
    ]
    edges = [
        EdgeRecord("PART_OF", "c1", "s"),
        EdgeRecord("PART_OF", "c2", "s"),
        *(EdgeRecord("BELONGS_TO", f"{n}.po", n) for n in ("c1", "c2", "a", "b")),
        EdgeRecord(
            "PAIRED_WITH",
            "a.po",
            "c1.po",
            "p1",
            {"kind": "结对共建", "since": "2021-03-01", "until": "2024-03-01"},
        ),
        EdgeRecord("PAIRED_WITH", "b.po", "c2.po", "p2", {"kind": "下沉", "since": "2020-01-01"}),
    ]
    return GraphBatch(nodes, edges)


def test_expiring_pairings_lists_only_those_ending_before_the_date(neo4j_store, neo4j_driver):
    neo4j_store.write(_pairing_batch())
    query = queries.find_query("expiring_pairings")
    rows = queries.run_query(
        neo4j_driver, query, {"as_of": "2023-06-30", "before": "2024-12-31"}
    ).rows
    assert [(r["unit_side"], r["community_side"], r["days_left"]) for r in rows] == [
        ("甲单位", "甲社区", 245)
    ]
    # Once A's pairing has ended it is no longer "expiring" (it is an expired pairing).
    later = queries.run_query(neo4j_driver, query, {"as_of": "2024-03-01", "before": "2024-12-31"})
    assert later.rows == []


def test_a_statement_that_would_write_is_refused(neo4j_store, neo4j_driver):
    scratch = _write_query("CREATE (n:MemberUnit {id: 'x', name: $name}) RETURN n.name AS name")
    with pytest.raises(queries.WriteRefused, match="would write"):
        queries.run_query(neo4j_driver, scratch, {"name": "甲"})
    assert neo4j_store.stats().labels == {}


def test_the_projects_own_write_steps_may_write(neo4j_store, neo4j_driver):
    scratch = _write_query("CREATE (n:MemberUnit {id: 'x', name: $name}) RETURN n.name AS name")
    result = queries.run_query(neo4j_driver, scratch, {"name": "甲"}, allow_write=True)
    assert result.rows == [{"name": "甲"}]
    assert neo4j_store.stats().labels == {"MemberUnit": 1}
