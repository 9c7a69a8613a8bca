"""Reach within N hops on a hand-built network whose answers are worked out in the comments."""

from __future__ import annotations

import datetime as dt

import pytest

from graphmodel.analysis.reach import reach
from graphmodel.errors import GraphmodelError, NotFound
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore

DAY = dt.date(2024, 1, 1)
n = NodeRecord
e = EdgeRecord


def two_streets() -> GraphBatch:
    """Two streets, one committee, two units.

    Ties on DAY (a party organization is merged into its owner, so BELONGS_TO costs no hop):

        中科院所(u) ─pairing─ 复兴路社区(a, 万寿路, 3000 residents)
            │ membership
        协调委员会(k) ─membership─ 太平路社区(b, 万寿路, population unknown; its 党委 is a member)
            │ membership
        航天大学(v) ─reporting─ 甘家口社区(c, 八里庄, 4500 residents; 12 members reported)
                                     │ service
                               甘家口志愿队(so)

    From u: hop 1 reaches a (and k); hop 2 reaches b (u-k-b) and v; hop 3 reaches c (u-k-v-c).
    玉渊潭社区(d, 八里庄, 2000) is paired with u and with v, but both pairings ended in 2023, so
    it is never reached on DAY; on 2022-06-01 it is one hop from u.
    """
    nodes = [
        n("Street", "s1", {"name": "万寿路街道"}),
        n("Street", "s2", {"name": "八里庄街道"}),
        n("Community", "a", {"name": "复兴路社区", "population": 3000}),
        n("Community", "b", {"name": "太平路社区"}),
        n("Community", "c", {"name": "甘家口社区", "population": 4500}),
        n("Community", "d", {"name": "玉渊潭社区", "population": 2000}),
        n("MemberUnit", "u", {"name": "中科院所"}),
        n("MemberUnit", "v", {"name": "航天大学"}),
        n("Committee", "k", {"name": "协调委员会"}),
        n("SocialOrg", "so", {"name": "甘家口志愿队"}),
    ]
    edges = [
        e("PART_OF", "a", "s1"),
        e("PART_OF", "b", "s1"),
        e("PART_OF", "c", "s2"),
        e("PART_OF", "d", "s2"),
        e("LOCATED_IN", "u", "s1"),
        e("LOCATED_IN", "v", "s2"),
    ]
    for owner, name in (
        ("a", "复兴路社区党委"),
        ("b", "太平路社区党委"),
        ("c", "甘家口社区党委"),
        ("d", "玉渊潭社区党委"),
        ("u", "中科院所党支部"),
        ("v", "航天大学党委"),
    ):
        nodes.append(n("PartyOrg", f"{owner}#po", {"name": name}))
        edges.append(e("BELONGS_TO", f"{owner}#po", owner))
    edges += [
        e("PAIRED_WITH", "u#po", "a#po", "p1", {"since": "2022-01-01"}),
        e("MEMBER_OF", "u", "k"),
        e("MEMBER_OF", "b#po", "k"),
        e("MEMBER_OF", "v", "k"),
        e("REPORTS_TO", "v#po", "c", "", {"members": 12}),
        e("SERVES", "so", "c"),
        e("PAIRED_WITH", "u#po", "d#po", "p2", {"since": "2021-01-01", "until": "2023-01-01"}),
        e("PAIRED_WITH", "v#po", "d#po", "p3", {"since": "2021-01-01", "until": "2023-01-01"}),
    ]
    return GraphBatch(nodes, edges)


@pytest.fixture
def g(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    store.write(two_streets())
    return store.graph()


def _reached(result):
    return {c.id: c.hops for s in result.streets for c in s.communities}


def test_one_hop_reaches_the_paired_community_only(g):
    result = reach(g, "中科院所", DAY, hops=1)
    assert _reached(result) == {"a": 1}
    assert (result.communities, result.population, result.population_known) == (1, 3000, 1)
    assert result.kinds == {"pairing": 1}
    [street] = result.streets
    assert (street.id, street.name) == ("s1", "万寿路街道")
    assert (street.communities[0].path, street.communities[0].kinds) == (
        ["复兴路社区"],
        ["pairing"],
    )


def test_two_hops_add_the_community_whose_party_committee_sits_on_the_same_committee(g):
    result = reach(g, "中科院所", DAY, hops=2)
    assert _reached(result) == {"a": 1, "b": 2}
    b = result.streets[0].communities[1]
    assert (b.name, b.path, b.kinds) == (
        "太平路社区",
        ["协调委员会", "太平路社区"],
        ["membership"] * 2,
    )
    # b's population is unknown: the total is still a's 3000, from one community of two.
    assert (result.population, result.population_known) == (3000, 1)
    assert result.kinds == {"membership": 1, "pairing": 1}


def test_three_hops_cross_into_the_other_street_and_group_by_street(g):
    result = reach(g, "中科院所", DAY, hops=3)
    assert _reached(result) == {"a": 1, "b": 2, "c": 3}
    assert [(s.name, [c.id for c in s.communities]) for s in result.streets] == [
        ("万寿路街道", ["a", "b"]),
        ("八里庄街道", ["c"]),
    ]
    c = result.streets[1].communities[0]
    assert c.path == ["协调委员会", "航天大学", "甘家口社区"]
    assert c.kinds == ["membership", "membership", "reporting"]
    assert (result.population, result.population_known) == (7500, 2)


def test_an_ended_pairing_is_not_a_path_but_was_one_before_it_ended(g):
    assert "d" not in _reached(reach(g, "中科院所", DAY, hops=4))
    assert _reached(reach(g, "中科院所", dt.date(2022, 6, 1), hops=1)) == {"a": 1, "d": 1}


def test_a_party_branch_reaches_what_its_unit_reaches(g):
    # BELONGS_TO between the branch and its own unit is not a hop.
    by_branch = reach(g, "中科院所党支部", DAY, hops=2)
    assert (by_branch.id, by_branch.label) == ("u", "MemberUnit")
    assert by_branch.to_dict() == reach(g, "u", DAY, hops=2).to_dict()


def test_a_committee_reaches_its_members_communities(g):
    # k: hop 1 b (its member) and u, v; hop 2 a (u's pairing) and c (v's report).
    assert _reached(reach(g, "协调委员会", DAY, hops=1)) == {"b": 1}
    assert _reached(reach(g, "协调委员会", DAY, hops=2)) == {"a": 2, "b": 1, "c": 2}


def test_bad_input_is_a_library_error(g):
    with pytest.raises(NotFound):
        reach(g, "没有这个单位", DAY)
    with pytest.raises(GraphmodelError, match="hops"):
        reach(g, "u", DAY, hops=0)
