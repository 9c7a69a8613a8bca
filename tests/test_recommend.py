"""Pairing proposals on hand-built districts whose optimal answers are worked out below.

Default costs: same street 1, same district 10, elsewhere 30; +2 per pairing in force, +1 when
the unit is not working alone.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from graphmodel.analysis.policy import Policy
from graphmodel.analysis.recommend import recommend
from graphmodel.errors import GraphmodelError
from tests.test_gaps import Ledger

DAY = dt.date(2024, 6, 30)


def two_districts(b_capacity: int | None = None) -> Ledger:
    """东城区 (dc) has 甲街道 (s1) and 乙街道 (s2); 西城区 (xc) has 丙街道 (s3).

    s1: unpaired p1, p2, p3; q1 is paired with b. Units: a (alone, capacity 2), b (one pairing
    in force: penalty 2 + 1 = 3, spare 2 of the default 3, or ``b_capacity``).
    s2: unit c (alone, spare 3). s3: unit e (alone, spare 3).
    """
    led = Ledger()
    led.district("dc", "东城区")
    led.district("xc", "西城区")
    led.street("s1", "甲街道", "dc")
    led.street("s2", "乙街道", "dc")
    led.street("s3", "丙街道", "xc")
    for cid in ("p1", "p2", "p3", "q1"):
        led.community(cid, f"{cid}社区", "s1")
    led.unit("a", "甲单位", "s1", capacity=2)
    b_props = {} if b_capacity is None else {"capacity": b_capacity}
    led.unit("b", "乙单位", "s1", **b_props)
    led.unit("c", "丙单位", "s2")
    led.unit("e", "戊单位", "s3")
    led.pair("b", "q1", "2023-01-01")
    return led


def units_used(result):
    return Counter(p.unit_id for p in result.proposals)


def test_same_street_units_working_alone_go_first(tmp_path):
    # a costs 1 per community (same street, alone) for 2 of them; the third goes to b at
    # 1 + 3 = 4 rather than to c (10, other street) or e (30, other district): total 6. A busy
    # unit of the street beats an idle one of the district.
    result = recommend(two_districts().graph(tmp_path), Policy(), DAY)
    assert result.communities == 3
    assert units_used(result) == {"a": 2, "b": 1}
    assert result.total_cost == 6
    assert {p.place for p in result.proposals} == {"same_street"}
    assert result.uncoverable == []
    by_unit = {p.unit_id: p for p in result.proposals}
    assert by_unit["b"].cost == 4
    assert by_unit["b"].reason == "同街道；该单位已有1项结对；采纳本轮建议后还可结对1个"
    assert "各自作战" in by_unit["a"].reason


def test_capacities_are_respected(tmp_path):
    # b's capacity 1 is used up by its pairing with q1, so the third community goes to c in
    # the same district: 1 + 1 + 10 = 12.
    result = recommend(two_districts(b_capacity=1).graph(tmp_path), Policy(), DAY)
    assert units_used(result) == {"a": 2, "c": 1}
    assert result.total_cost == 12
    assert sorted(p.place for p in result.proposals) == [
        "same_district",
        "same_street",
        "same_street",
    ]


def test_when_the_street_is_full_the_district_comes_before_elsewhere(tmp_path):
    # With a policy capacity of 1 everywhere, a covers one community (1); b's capacity is
    # taken by q1; c covers one (10); e covers the last (30): total 41.
    policy = Policy(unit_capacity=1)
    led = two_districts()
    led.batch.nodes = [
        n if n.id != "a" else type(n)(n.label, n.id, {**n.props, "capacity": 1})
        for n in led.batch.nodes
    ]
    result = recommend(led.graph(tmp_path), policy, DAY)
    assert units_used(result) == {"a": 1, "c": 1, "e": 1}
    assert result.total_cost == 41
    assert [p.place for p in result.proposals if p.unit_id == "e"] == ["elsewhere"]


def test_communities_beyond_every_capacity_are_uncoverable(tmp_path):
    # Spare capacity: a 2 + b 2 + c 3 + e 3 = 10. Twelve unpaired communities in s1 leave two
    # uncovered; every one had candidates, so the reason is capacity_taken.
    led = two_districts()
    for i in range(4, 13):
        led.community(f"p{i:02d}", f"新{i}社区", "s1")
    result = recommend(led.graph(tmp_path), Policy(), DAY)
    assert result.communities == 12
    assert len(result.proposals) == 10
    assert units_used(result) == {"a": 2, "b": 2, "c": 3, "e": 3}
    assert [u.reason for u in result.uncoverable] == ["capacity_taken", "capacity_taken"]
    # Cost: a 2 x 1, b 2 x 4, c 3 x 10, e 3 x 30 = 130.
    assert result.total_cost == 130


def test_without_any_spare_capacity_nothing_is_a_candidate(tmp_path):
    policy = Policy(unit_capacity=0)
    led = two_districts()
    led.batch.nodes = [
        type(n)(n.label, n.id, {k: v for k, v in n.props.items() if k != "capacity"})
        for n in led.batch.nodes
    ]
    result = recommend(led.graph(tmp_path), policy, DAY)
    assert result.proposals == []
    assert [(u.community_id, u.reason, u.candidates) for u in result.uncoverable] == [
        ("p1", "no_candidate", 0),
        ("p2", "no_candidate", 0),
        ("p3", "no_candidate", 0),
    ]


def test_a_street_filter_covers_only_that_street(tmp_path):
    led = two_districts()
    led.community("r1", "r1社区", "s2")
    result = recommend(led.graph(tmp_path), Policy(), DAY, street="乙街道")
    # Only r1; c sits in its street.
    assert [(p.community_id, p.unit_id, p.place) for p in result.proposals] == [
        ("r1", "c", "same_street")
    ]


def test_candidates_stay_bounded_and_still_cover_the_district(tmp_path):
    # 20 unpaired communities in s1, no unit in s1, 50 idle units with capacity 1 in s2 and
    # none elsewhere. Each community is offered 10 district units (candidates_district), a
    # spread window over the pool of the 20 best: 200 edges, not 1,000, and all 20 covered.
    led = Ledger()
    led.district("dc", "东城区")
    led.street("s1", "甲街道", "dc")
    led.street("s2", "乙街道", "dc")
    for i in range(20):
        led.community(f"k{i:02d}", f"社区{i}", "s1")
    for i in range(50):
        led.unit(f"w{i:02d}", f"单位{i}", "s2", capacity=1)
    result = recommend(led.graph(tmp_path), Policy(), DAY)
    assert result.candidate_edges == 200
    assert len(result.proposals) == 20
    assert result.total_cost == 200
    assert {p.unit_id for p in result.proposals} == {f"w{i:02d}" for i in range(20)}


def test_the_answer_is_the_same_every_time(tmp_path):
    g = two_districts().graph(tmp_path)
    assert recommend(g, Policy(), DAY).to_dict() == recommend(g, Policy(), DAY).to_dict()


def test_a_capacity_that_is_not_a_whole_number_is_an_error(tmp_path):
    led = two_districts()
    led.unit("bad", "坏单位", "s1", capacity="三")
    with pytest.raises(GraphmodelError, match="unit '坏单位' \\(bad\\): capacity"):
        recommend(led.graph(tmp_path), Policy(), DAY)


def test_a_large_street_offers_each_community_its_twenty_best_units(tmp_path):
    # 30 units in s1: u00..u09 work alone (penalty 0), u10..u29 are committee members
    # (penalty 1). Two communities to cover: the street pool is the 20 best (capacity 60 >= 2,
    # and at least candidates_street = 20 long), offered whole to both: 40 edges. Both go to
    # units working alone, at cost 1 each.
    led = Ledger()
    led.district("dc", "东城区")
    led.street("s1", "甲街道", "dc")
    led.committee("k", "甲街道协调委员会", "s1", "s1#gw", "街道")
    led.community("x", "x社区", "s1")
    led.community("y", "y社区", "s1")
    for i in range(30):
        led.unit(f"u{i:02d}", f"单位{i}", "s1")
        if i >= 10:
            led.member(f"u{i:02d}", "k")
    result = recommend(led.graph(tmp_path), Policy(), DAY)
    assert result.candidate_edges == 40
    assert result.total_cost == 2
    assert all(p.unit_working_alone for p in result.proposals)
