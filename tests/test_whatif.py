"""What-if on a hand-built street: removing the only bridging unit, ending a pairing.

``bridge_street()`` is 建国门街道 (jgm, led by jgm#gw) on 2024-06-30:

- 甲社区 (a) and 乙社区 (b) are not led by jgm#gw; their only partner is 市测绘院 (U), which
  also sits on the street committee K. U is the only bridge between them and the street.
- 丙社区 (c) is led by jgm#gw and paired with 北京站 (V).
- 丁社区 (d) is not led by jgm#gw and paired with 协和医院 (x): an isolated cluster {d, x}.
- K (covers jgm) has 5 member units: U, m1, m2, m3, m4, the minimum.
- 东方广场 (W) works alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graphmodel.analysis.policy import Policy
from graphmodel.analysis.whatif import whatif
from graphmodel.errors import GraphmodelError, NotFound
from tests.test_gaps import Ledger

DAY = dt.date(2024, 6, 30)


def bridge_street() -> Ledger:
    led = Ledger()
    led.district("dc", "东城区")
    led.street("jgm", "建国门街道", "dc")
    led.community("a", "甲社区", "jgm", led=False)
    led.community("b", "乙社区", "jgm", led=False)
    led.community("c", "丙社区", "jgm")
    led.community("d", "丁社区", "jgm", led=False)
    for uid, name in (
        ("U", "市测绘院"),
        ("V", "北京站"),
        ("W", "东方广场"),
        ("x", "协和医院"),
        ("m1", "成员单位一"),
        ("m2", "成员单位二"),
        ("m3", "成员单位三"),
        ("m4", "成员单位四"),
    ):
        led.unit(uid, name, "jgm")
    led.pair("U", "a", "2023-01-01")
    led.pair("U", "b", "2023-01-01")
    led.pair("V", "c", "2023-01-01")
    led.pair("x", "d", "2023-01-01")
    led.committee("K", "建国门街道党建工作协调委员会", "jgm", "jgm#gw", "街道")
    for member in ("U#po", "m1", "m2", "m3", "m4"):
        led.member(member, "K")
    return led


@pytest.fixture
def g(tmp_path):
    return bridge_street().graph(tmp_path)


def identities(gaps):
    return {(x.rule, x.node_id, x.ref) for x in gaps}


def test_removing_the_only_bridging_unit_uncovers_its_communities(g):
    result = whatif(g, Policy(), DAY, remove=["市测绘院"])
    # U leaves with its party branch; a and b lose their only pairing; K falls from 5 member
    # units to 4. a and b alone are single actors, below the cluster minimum of 2.
    assert [(c.kind, c.ids) for c in result.changes] == [("removed", ("U", "U#po"))]
    assert [c["id"] for c in result.communities_uncovered] == ["a", "b"]
    assert result.communities_uncovered[0]["lost_partners"] == ["市测绘院"]
    assert result.committees_thin == [
        {
            "id": "K",
            "name": "建国门街道党建工作协调委员会",
            "street_name": "建国门街道",
            "member_units_before": 5,
            "member_units_after": 4,
            "minimum": 5,
        }
    ]
    assert identities(result.gaps_new) == {
        ("unpaired_community", "a", ""),
        ("unpaired_community", "b", ""),
        ("thin_committee", "K", ""),
    }
    assert result.gaps_after == result.gaps_before + 3
    assert "U" in g  # the graph itself is untouched


def test_removed_nodes_drop_their_gaps_and_a_cluster_can_be_resolved(g):
    result = whatif(g, Policy(), DAY, remove=["W", "协和医院"])
    # W's working_alone gap goes with W. Without x, {d, x} is no longer a cluster of two:
    # the street's isolated_cluster gap (ref: its smallest id, d) is resolved, and d is now
    # unpaired.
    assert identities(result.gaps_dropped) == {("working_alone", "W", "")}
    assert identities(result.gaps_resolved) == {("isolated_cluster", "jgm", "d")}
    assert identities(result.gaps_new) == {("unpaired_community", "d", "")}
    assert [c["id"] for c in result.communities_uncovered] == ["d"]


def test_ending_a_pairing_uncovers_the_community_and_leaves_the_unit_alone(g):
    result = whatif(g, Policy(), DAY, end_pairings=[("北京站", "丙社区")])
    assert [(c.kind, c.ids, c.since) for c in result.changes] == [
        ("ended", ("V#po", "c#po"), "2023-01-01")
    ]
    # The pairing now ends on DAY: c is unpaired and V works alone. Its own expiry is the
    # change asked for, not a new expired_pairing gap.
    assert identities(result.gaps_new) == {
        ("unpaired_community", "c", ""),
        ("working_alone", "V", ""),
    }
    assert [c["id"] for c in result.communities_uncovered] == ["c"]


def test_changes_combine_and_the_result_has_a_stable_shape(g):
    result = whatif(g, Policy(), DAY, remove=["U"], end_pairings=[("V", "c")])
    data = result.to_dict()
    assert list(data) == [
        "as_of",
        "changes",
        "gaps_before",
        "gaps_after",
        "gaps_new",
        "gaps_resolved",
        "gaps_dropped",
        "communities_uncovered",
        "committees_thin",
        "hubs",
        "hubs_method",
    ]
    assert [c["id"] for c in data["communities_uncovered"]] == ["a", "b", "c"]
    assert data["as_of"] == "2024-06-30"


def test_a_street_filter_limits_the_comparison(g):
    result = whatif(g, Policy(), DAY, remove=["U"], street="jgm")
    assert len(result.gaps_new) == 3


def test_ending_a_pairing_that_is_not_in_force_is_an_error(g):
    with pytest.raises(
        GraphmodelError, match="no pairing in force between '市测绘院' and '丙社区'"
    ):
        whatif(g, Policy(), DAY, end_pairings=[("市测绘院", "丙社区")])


def test_only_units_party_orgs_social_orgs_and_committees_can_be_removed(g):
    with pytest.raises(NotFound):
        whatif(g, Policy(), DAY, remove=["甲社区"])
    with pytest.raises(NotFound):
        whatif(g, Policy(), DAY, remove=["不存在的单位"])


def test_the_removed_bridge_leaves_the_hub_ranking(g):
    # Before: K ties U, m1..m4 and the street (6 actors), U ties a, b and K: K ranks first,
    # U second. After U leaves, K is still first and U has no rank.
    result = whatif(g, Policy(), DAY, remove=["U"], top=2)
    ranks = {h["id"]: (h["rank_before"], h["rank_after"]) for h in result.hubs}
    assert ranks["K"] == (1, 1)
    assert ranks["U"] == (2, None)
    assert result.hubs[-1]["id"] == "U"  # no rank after: listed last
    assert result.hubs_method == "exact"


def test_top_zero_skips_the_hub_ranking(g):
    result = whatif(g, Policy(), DAY, remove=["U"], top=0)
    assert result.hubs == [] and result.hubs_method == ""


def test_a_gap_about_a_removed_partner_is_dropped_not_resolved(tmp_path):
    # c's pairing with V began in 2020: on DAY it is due for review (ref V#po). Removing V
    # takes the pairing away; the gap goes with V, it was not resolved.
    led = bridge_street()
    led.pair("V", "c", "2020-01-01")
    led.batch.edges = [
        e
        for e in led.batch.edges
        if not (e.type == "PAIRED_WITH" and e.key == "2023-01-01" and e.start == "V#po")
    ]
    result = whatif(led.graph(tmp_path), Policy(), DAY, remove=["V"], top=0)
    assert ("expired_pairing", "c", "V#po") in identities(result.gaps_dropped)
    assert not any(x.rule == "expired_pairing" for x in result.gaps_resolved)
