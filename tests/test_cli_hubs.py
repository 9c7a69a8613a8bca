"""``graphmodel hubs`` and ``graphmodel reach`` driven in-process, checked against the library."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from graphmodel.cli import main
from graphmodel.records import GraphBatch
from graphmodel.store import EmbeddedStore
from tests.test_hubs import chain_street
from tests.test_reach import two_streets

BOM = "\ufeff"


@pytest.fixture
def chain_db(tmp_path):
    path = tmp_path / "chain.json"
    EmbeddedStore(path).write(GraphBatch(*chain_street()))
    return str(path)


@pytest.fixture
def reach_db(tmp_path):
    path = tmp_path / "reach.json"
    EmbeddedStore(path).write(two_streets())
    return str(path)


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_hubs_json_names_the_unit_whose_loss_cuts_off_two_communities(chain_db):
    result = _run("hubs", "--db", chain_db, "--as-of", "2024-01-01", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert (data["as_of"], data["betweenness_method"], data["actors"]) == ("2024-01-01", "exact", 9)
    # The street, merged with its 党工委, has the most ties (a, b, k) and the top score.
    assert data["hubs"][0]["name"] == "万寿路街道"
    first = data["points_of_failure"][0]
    assert (first["kind"], first["names"]) == ("articulation", ["中科院所"])
    assert [c["name"] for c in first["cut_off"]] == ["翠微社区", "羊坊店社区"]
    kinds = [p["kind"] for p in data["points_of_failure"]]
    assert (kinds.count("articulation"), kinds.count("bridge")) == (5, 5)


def test_hubs_text_lists_only_the_points_that_cut_off_communities(chain_db):
    result = _run("hubs", "--db", chain_db, "--as-of", "2024-01-01", "--top", "3")
    assert result.exit_code == 0
    assert "中科院所" in result.output
    assert "翠微社区、羊坊店社区" in result.output
    # Articulation points u, x, so and bridges u-x, x-so, so-y cut off communities.
    assert "共 5 个割点、5 座桥，其中 6 个会使社区失联。" in result.output
    assert "介数为精确计算（9 个主体，9 条联系）。" in result.output


def test_hubs_csv_has_one_row_per_hub_and_sampling_is_reported(chain_db):
    result = _run(
        "hubs",
        "--db",
        chain_db,
        "--as-of",
        "2024-01-01",
        "--csv",
        "--lang",
        "en",
        "--top",
        "4",
        "--exact-limit",
        "5",
    )
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output.removeprefix(BOM))))
    assert [r["rank"] for r in rows] == ["1", "2", "3", "4"]
    sampled = _run(
        "hubs",
        "--db",
        chain_db,
        "--as-of",
        "2024-01-01",
        "--json",
        "--exact-limit",
        "5",
        "--sample",
        "4",
        "--seed",
        "9",
    )
    # All 9 actors are one connected part, larger than both the limit and the sample.
    data = json.loads(sampled.output)
    assert (data["betweenness_method"], data["sample"], data["seed"]) == ("sampled", 4, 9)
    assert data["sampled_actors"] == 9


def test_reach_json_and_text(reach_db):
    result = _run("reach", "中科院所", "--db", reach_db, "--as-of", "2024-01-01", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert (data["hops"], data["communities"], data["population"]) == (2, 2, 3000)
    assert [c["name"] for c in data["streets"][0]["communities"]] == ["复兴路社区", "太平路社区"]
    text = _run("reach", "中科院所", "--db", reach_db, "--as-of", "2024-01-01", "--hops", "3")
    assert (
        "中科院所（驻区单位）在 3 跳内触达 3 个社区，已知人口 7500（2 个社区有人口数据）。"
        in text.output
    )
    assert "协调委员会 → 航天大学 → 甘家口社区" in text.output


def test_reach_csv_one_row_per_community(reach_db):
    result = _run(
        "reach",
        "u",
        "--db",
        reach_db,
        "--as-of",
        "2024-01-01",
        "--hops",
        "3",
        "--csv",
        "--lang",
        "en",
    )
    rows = list(csv.DictReader(io.StringIO(result.output.removeprefix(BOM))))
    assert [(r["street_name"], r["name"], r["hops"]) for r in rows] == [
        ("万寿路街道", "复兴路社区", "1"),
        ("万寿路街道", "太平路社区", "2"),
        ("八里庄街道", "甘家口社区", "3"),
    ]
    assert rows[2]["kinds"] == "membership;membership;reporting"


def test_reach_of_an_unknown_name_is_a_message_not_a_traceback(reach_db):
    result = CliRunner().invoke(main, ["reach", "没有这个单位", "--db", reach_db])
    assert result.exit_code == 1
    assert "错误：找不到名称或编号为「没有这个单位」的驻区单位/协调委员会" in result.output
    assert "graphmodel stats" in result.output


def test_a_bad_date_is_a_usage_error(reach_db):
    result = CliRunner().invoke(main, ["reach", "u", "--db", reach_db, "--as-of", "2024-13-01"])
    assert result.exit_code == 2
    assert "--as-of" in result.output


@pytest.fixture
def paper_db(tmp_path):
    from tests.test_hubs import paper_and_delivery

    path = tmp_path / "paper.json"
    EmbeddedStore(path).write(GraphBatch(*paper_and_delivery()))
    return str(path)


def test_hubs_weighed_by_delivery_puts_the_unit_that_delivers_first(paper_db, tmp_path):
    # tests.test_hubs.paper_and_delivery: by existence 纸面单位 (four pairings on paper) is
    # first; by the work delivered in the policy's period 实干单位 is, and 纸面单位 falls to
    # fifth. With a 30-day period (policy file) n1, closed 2024-03-01, falls outside it; the
    # open-ended projects pr1 and pr2 still count: 实干单位 delivered 2.
    base = ("hubs", "--db", paper_db, "--as-of", "2024-06-30")
    existence = json.loads(_run(*base, "--json").output)
    assert existence["weigh"] == "existence"
    assert existence["hubs"][0]["name"] == "纸面单位"
    delivered = json.loads(_run(*base, "--weigh", "delivered", "--json").output)
    assert (delivered["weigh"], delivered["period_days"]) == ("delivered", 365)
    names = [h["name"] for h in delivered["hubs"]]
    assert names[0] == "实干单位" and names.index("纸面单位") == 4
    assert delivered["hubs"][0]["delivered"] == 3
    policy = tmp_path / "policy.toml"
    policy.write_text("work_period_days = 30\n", encoding="utf-8")
    month = json.loads(
        _run(*base, "--weigh", "delivered", "--policy", str(policy), "--json").output
    )
    assert (month["period_days"], month["hubs"][0]["delivered"]) == (30, 2)
    text = _run(*base, "--weigh", "delivered").output
    assert "交付" in text
    assert "联系按近 365 天交付的工作计（项目与办结需求）" in text
    out = _run(*base, "--weigh", "delivered", "--csv", "--lang", "en").output
    rows = list(csv.DictReader(io.StringIO(out.removeprefix(BOM))))
    assert (rows[0]["name"], rows[0]["delivered"]) == ("实干单位", "3")
