"""``graphmodel gaps``, ``whatif`` and ``recommend`` driven in-process, checked through the library.

The store is the hand-built street of ``tests/test_gaps.py`` (``jianguomen``) written to an
embedded store file, so the commands read exactly what a store returns.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from graphmodel.analysis.gaps import GAP_FIELDS, find_gaps
from graphmodel.analysis.policy import Policy
from graphmodel.cli import main
from graphmodel.store import EmbeddedStore
from graphmodel.vocabulary import gap_message
from tests.test_gaps import DAY, jianguomen
from tests.test_whatif import bridge_street

AS_OF = ["--as-of", DAY.isoformat()]

BOM = "\ufeff"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "g.json"
    EmbeddedStore(path).write(jianguomen().batch)
    return str(path)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_gaps_json_matches_the_library(db):
    result = run("gaps", "--db", db, *AS_OF, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["as_of", "gaps", "not_judged"]
    assert data["as_of"] == "2024-06-30"
    # the hand-built street records every table its rules read: nothing is left unjudged
    assert data["not_judged"] == []
    expected = find_gaps(EmbeddedStore(db).graph(), Policy(), DAY)
    assert data["gaps"] == [
        {**g.to_dict(), "message": gap_message(g.rule, g.name, g.detail, "zh")} for g in expected
    ]
    assert list(data["gaps"][0]) == [*GAP_FIELDS, "message"]


def test_gaps_leave_out_what_a_district_did_not_record(tmp_path):
    # The same street without its 双报到 rows: 东城区 (dc) recorded no REPORTS_TO at all, so
    # the rule unreported cannot be judged there. Every unreported gap the rule itself finds
    # (find_gaps) is left out of the gaps and counted as not judged, as the report does
    # (analysis.completeness); the other rules' gaps stay.
    batch = jianguomen().batch
    batch.edges = [e for e in batch.edges if e.type != "REPORTS_TO"]
    path = tmp_path / "g.db"
    EmbeddedStore(path).write(batch)
    would_be = find_gaps(EmbeddedStore(path).graph(), Policy(), DAY)
    unreported = [g for g in would_be if g.rule == "unreported"]
    assert unreported  # without the judgement every community would be a gap
    result = run("gaps", "--db", path, *AS_OF, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert not [g for g in data["gaps"] if g["rule"] == "unreported"]
    assert len(data["gaps"]) == len(would_be) - len(unreported)
    assert data["not_judged"] == [
        {
            "rule": "unreported",
            "district_id": "dc",
            "district_name": "东城区",
            "gaps_dropped": len(unreported),
            "rule_name": "无双报到",
        }
    ]
    text = run("gaps", "--db", path, *AS_OF)
    assert f"东城区（{len(unreported)}处）" in text.output and "未采集" in text.output


def test_gaps_by_rule_and_street(db):
    result = run("gaps", "--db", db, *AS_OF, "--json", "--rule", "working_alone")
    assert [g["node_id"] for g in json.loads(result.output)["gaps"]] == ["u3", "u5", "u8"]
    result = run("gaps", "--db", db, *AS_OF, "--json", "--street", "朝阳门街道")
    assert {g["street_id"] for g in json.loads(result.output)["gaps"]} == {"cym"}


def test_gaps_csv_has_one_row_per_gap_with_the_detail_in_flat_columns(db):
    result = run("gaps", "--db", db, *AS_OF, "--csv", "--lang", "en", "--rule", "thin_committee")
    rows = list(csv.DictReader(io.StringIO(result.output.removeprefix(BOM))))
    assert [(r["node_id"], r["rule"]) for r in rows] == [("k_c1", "thin_committee")]
    figures = ("member_units", "minimum", "other_members")
    assert [rows[0][f] for f in figures] == ["4", "5", "1"]
    assert not any(v.startswith("{") for v in rows[0].values())


def test_gaps_text_has_chinese_headers_and_messages(db):
    result = run("gaps", "--db", db, *AS_OF)
    assert result.exit_code == 0, result.output
    assert "规则" in result.output and "说明" in result.output
    assert "成员单位4个，少于5个" in result.output


def test_a_policy_file_changes_the_thresholds(db, tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text('[districts."东城区"]\nmin_social_orgs_community = 6\n', encoding="utf-8")
    result = run("gaps", "--db", db, *AS_OF, "--json", "--rule", "few_social_orgs")
    assert "c2" in [g["node_id"] for g in json.loads(result.output)["gaps"]]
    result = run(
        "gaps", "--db", db, *AS_OF, "--json", "--rule", "few_social_orgs", "--policy", policy
    )
    # c2 has 9 social organizations: enough for 东城区's 6.
    assert "c2" not in [g["node_id"] for g in json.loads(result.output)["gaps"]]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["gaps", "--street", "不存在街道"], 1, "找不到名称或编号为「不存在街道」的街道"),
        (["gaps", "--rule", "nope"], 2, "'--rule' 的值无效：'nope' 不是可选值之一"),
        (["gaps", "--rule", "nope", "--lang", "en"], 2, "Invalid value for '--rule'"),
        (["gaps", "--as-of", "2024/13/30"], 2, "'--as-of' 的值无效：「2024/13/30」不是有效的日期"),
        (["gaps", "--as-of", "2024/13/30", "--lang", "en"], 2, "Invalid value for '--as-of'"),
        (["gaps", "--json", "--csv"], 2, "--json 和 --csv 只能选一个"),
        (["gaps", "--json", "--csv", "--lang", "en"], 2, "--json and --csv exclude each other"),
        (["whatif"], 2, "请至少给出一个 --remove 或 --end-pairing"),
        (["whatif", "--lang", "en"], 2, "name at least one --remove or --end-pairing"),
        (["whatif", "--remove", "不存在单位"], 1, "「不存在单位」"),
        (["whatif", "--end-pairing", "u5", "c1"], 1, "「u5」与「c1」之间没有有效的结对"),
        (
            ["whatif", "--end-pairing", "u5", "c1", "--lang", "en"],
            1,
            "no pairing in force between 'u5' and 'c1'",
        ),
        (
            ["whatif", "--end-pairing", "站东社区", "市测绘院"],
            1,
            "找不到名称或编号为「站东社区」的驻区单位/社会组织/党组织",
        ),
        (["recommend", "--district", "西城区"], 1, "找不到名称或编号为「西城区」的区"),
        (
            ["recommend", "--district", "西城区", "--lang", "en"],
            1,
            "No district has the id or name '西城区'",
        ),
    ],
)
def test_bad_input_is_a_message_and_an_exit_code(db, args, code, message):
    result = run(*args, "--db", db)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_bad_policy_file_names_the_key(db, tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text("min_social_org = 6\n", encoding="utf-8")
    result = run("gaps", "--db", db, *AS_OF, "--policy", policy)
    assert result.exit_code == 1
    assert "未知的设置项「min_social_org」" in result.output
    result = run("gaps", "--db", db, *AS_OF, "--policy", policy, "--lang", "en")
    assert result.exit_code == 1
    assert "unknown key 'min_social_org'" in result.output


def test_whatif_json_shape_and_the_uncovered_communities(tmp_path):
    path = tmp_path / "g.json"
    EmbeddedStore(path).write(bridge_street().batch)
    result = run("whatif", "--db", path, *AS_OF, "--remove", "市测绘院", "--json", "--top", 3)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [c["id"] for c in data["communities_uncovered"]] == ["a", "b"]
    assert [c["id"] for c in data["committees_thin"]] == ["K"]
    assert data["changes"] == [
        {
            "kind": "removed",
            "ids": ["U", "U#po"],
            "names": ["市测绘院", "市测绘院党支部"],
            "label": "MemberUnit",
            "since": "",
        }
    ]
    text = run("whatif", "--db", path, *AS_OF, "--remove", "市测绘院", "--end-pairing", "V", "c")
    assert text.exit_code == 0, text.output
    assert "失去全部结对的社区（3）" in text.output


def test_whatif_csv_lists_new_resolved_and_dropped_gaps(tmp_path):
    path = tmp_path / "g.json"
    EmbeddedStore(path).write(bridge_street().batch)
    result = run(
        "whatif", "--db", path, *AS_OF, "--remove", "W", "--remove", "x", "--csv", "--lang", "en"
    )
    rows = list(csv.DictReader(io.StringIO(result.output.removeprefix(BOM))))
    assert sorted((r["change"], r["rule"], r["node_id"]) for r in rows) == [
        ("dropped", "working_alone", "W"),
        ("new", "unpaired_community", "d"),
        ("resolved", "isolated_cluster", "jgm"),
    ]


def test_recommend_json_and_text(db):
    result = run("recommend", "--db", db, *AS_OF, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == [
        "as_of",
        "communities",
        "total_cost",
        "units_with_capacity",
        "candidate_edges",
        "proposals",
        "uncoverable",
    ]
    # Unpaired: c4, c5, v2 in jgm and c7 in cym; 4 proposals, all from jgm's units.
    assert sorted(p["community_id"] for p in data["proposals"]) == ["c4", "c5", "c7", "v2"]
    text = run("recommend", "--db", db, *AS_OF, "--street", "jgm")
    assert "结对建议" in text.output and "理由" in text.output
    rows = list(
        csv.DictReader(
            io.StringIO(
                run("recommend", "--db", db, *AS_OF, "--csv", "--lang", "en").output.removeprefix(
                    BOM
                )
            )
        )
    )
    assert len(rows) == 4 and rows[0]["reason"]


def test_neo4j_gives_the_embedded_answers(db, neo4j_connection, neo4j_store):
    # The same ledger in both stores: gaps, what-if and proposals read the graph view, so the
    # answers must be identical.
    neo4j_store.write(jianguomen().batch)
    runner = CliRunner(env=neo4j_connection.env())
    for args in (
        ["gaps", *AS_OF, "--json"],
        [
            "whatif",
            *AS_OF,
            "--remove",
            "市测绘院",
            "--end-pairing",
            "北京站",
            "赵家楼社区",
            "--json",
        ],
        ["recommend", *AS_OF, "--json"],
    ):
        embedded = runner.invoke(main, [*args, "--db", db])
        neo4j = runner.invoke(main, [*args, "--store", "neo4j"])
        assert embedded.exit_code == 0, embedded.output
        assert neo4j.exit_code == 0, neo4j.output
        assert json.loads(neo4j.output) == json.loads(embedded.output)
