"""Pairing proposals on hand-built districts whose optimal answers are worked out below.

Default costs: same street 1, same district 10, elsewhere 30; +2 per pairing in force, +1 when
the unit is not working alone.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import replace

import networkx as nx
import pytest

from graphmodel.analysis.gaps import find_gaps
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.recommend import recommend
from graphmodel.analysis.ties import Ties
from graphmodel.errors import GraphmodelError
from graphmodel.vocabulary import proposal_reason
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
    assert reason(by_unit["b"]) == "同街道；该单位已有1项结对；采纳本轮建议后还可结对1个"
    assert reason(by_unit["b"], "en") == (
        "same street; the unit has 1 pairings; 1 more pairings possible after this round"
    )
    assert "各自作战" in reason(by_unit["a"])


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
    # taken by q1; c covers one (10). e sits in 西城区: by default it may not serve 东城区, so
    # the third community stays uncovered although e is idle; its candidates were a and c (b
    # has no spare capacity).
    policy = Policy(unit_capacity=1)
    led = two_districts()
    led.batch.nodes = [
        n if n.id != "a" else type(n)(n.label, n.id, {**n.props, "capacity": 1})
        for n in led.batch.nodes
    ]
    g = led.graph(tmp_path)
    result = recommend(g, policy, DAY)
    assert units_used(result) == {"a": 1, "c": 1}
    assert [(u.reason, u.candidates) for u in result.uncoverable] == [("capacity_taken", 2)]
    # When the policy lets city-level units (every unit here is 市级) serve elsewhere, e covers
    # the last one (30): total 41.
    result = recommend(g, replace(policy, elsewhere_levels=("市",)), DAY)
    assert units_used(result) == {"a": 1, "c": 1, "e": 1}
    assert result.total_cost == 41
    assert [p.place for p in result.proposals if p.unit_id == "e"] == ["elsewhere"]
    # a proposal places the community and the unit: e's is in 西城区's 丙街道
    (far,) = [p for p in result.proposals if p.unit_id == "e"]
    assert (far.street_id, far.street_name, far.district_id, far.district_name) == (
        "s1",
        "甲街道",
        "dc",
        "东城区",
    )
    assert (far.unit_street_name, far.unit_district_name) == ("丙街道", "西城区")
    # ... or when it names e.
    result = recommend(g, replace(policy, elsewhere_units=("戊单位",)), DAY)
    assert units_used(result) == {"a": 1, "c": 1, "e": 1}
    # A zone that leaves 西城区 out keeps e at home.
    zone = replace(policy, elsewhere_levels=("市",), elsewhere_districts=("东城区",))
    assert units_used(recommend(g, zone, DAY)) == {"a": 1, "c": 1}


def test_communities_beyond_every_capacity_are_uncoverable(tmp_path):
    # Spare capacity in 东城区: a 2 + b 2 + c 3 = 7. Twelve unpaired communities in s1 leave
    # five uncovered; every one had candidates (a, b, c), so the reason is capacity_taken.
    led = two_districts()
    for i in range(4, 13):
        led.community(f"p{i:02d}", f"新{i}社区", "s1")
    g = led.graph(tmp_path)
    result = recommend(g, Policy(), DAY)
    assert result.communities == 12
    assert len(result.proposals) == 7
    assert units_used(result) == {"a": 2, "b": 2, "c": 3}
    assert {(u.reason, u.candidates) for u in result.uncoverable} == {("capacity_taken", 3)}
    # Cost: a 2 x 1, b 2 x 4, c 3 x 10 = 40.
    assert result.total_cost == 40
    # Letting 市级 units serve elsewhere adds e's 3: 10 covered, cost 40 + 3 x 30 = 130.
    result = recommend(g, Policy(elsewhere_levels=("市",)), DAY)
    assert units_used(result) == {"a": 2, "b": 2, "c": 3, "e": 3}
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


def test_every_allowed_unit_is_a_candidate(tmp_path):
    # 20 unpaired communities in s1, no unit in s1, 50 idle units with capacity 1 in s2 and
    # none elsewhere: 20 x 50 = 1,000 allowed pairs; all 20 covered at 10 each, by the first
    # 20 units in id order (all cost the same).
    led = Ledger()
    led.district("dc", "东城区")
    led.street("s1", "甲街道", "dc")
    led.street("s2", "乙街道", "dc")
    for i in range(20):
        led.community(f"k{i:02d}", f"社区{i}", "s1")
    for i in range(50):
        led.unit(f"w{i:02d}", f"单位{i}", "s2", capacity=1)
    result = recommend(led.graph(tmp_path), Policy(), DAY)
    assert result.candidate_edges == 1000
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


def test_a_large_street_asks_units_working_alone_first(tmp_path):
    # 30 units in s1: u00..u09 work alone (penalty 0), u10..u29 are committee members
    # (penalty 1). Two communities to cover, each may take any of the 30: 60 candidate pairs.
    # Both go to units working alone, at cost 1 each.
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
    assert result.candidate_edges == 60
    assert result.total_cost == 2
    assert all(p.unit_working_alone for p in result.proposals)


def test_the_issue_reproduction_covers_eight_of_eleven(tmp_path):
    # Three districts with 4, 4 and 3 unpaired communities; district 3 has three units of
    # capacity 1 (区级); five city-level units (市级下沉单位) of capacity 1 sit in district 1 and
    # the policy lets 市级 units serve any district. Before, candidates from other districts
    # came from one shared ranking and 6 were covered; the optimum is 3 + 5 = 8.
    led = Ledger()
    for d, count in (("d1", 4), ("d2", 4), ("d3", 3)):
        led.district(d, f"{d}区")
        led.street(f"{d}s", f"{d}街道", d)
        for i in range(count):
            led.community(f"{d}c{i}", f"{d}社区{i}", f"{d}s")
    for i in range(3):
        led.node("MemberUnit", f"d3u{i}", f"区单位{i}", sector="机关", level="区", capacity=1)
        led.edge("LOCATED_IN", f"d3u{i}", "d3s")
    for i in range(5):
        led.unit(f"city{i}", f"市级下沉单位{i}", "d1s", capacity=1)
    g = led.graph(tmp_path)
    result = recommend(g, Policy(elsewhere_levels=("市",)), DAY)
    assert len(result.proposals) == 8
    assert _all_pairs_optimum(g, Policy(elsewhere_levels=("市",))) == (8, result.total_cost)
    # By default the city-level units serve only their own district 1: 4 + 3 = 7.
    assert len(recommend(g, Policy(), DAY).proposals) == 7


@pytest.mark.parametrize("seed", range(30))
def test_the_flow_matches_an_all_pairs_min_cost_flow(tmp_path, seed):
    rng = random.Random(seed)
    led = Ledger()
    districts = [f"d{i}" for i in range(rng.randint(1, 3))]
    n = 0
    for d in districts:
        led.district(d, f"{d}区")
        for s in range(rng.randint(1, 3)):
            street = led.street(f"{d}s{s}", f"{d}街道{s}", d)
            for _ in range(rng.randint(0, 5)):
                n += 1
                led.community(f"c{n:03d}", f"社区{n}", street)
            for _ in range(rng.randint(0, 3)):
                n += 1
                level = rng.choice(["市", "区"])
                led.node("MemberUnit", f"u{n:03d}", f"单位{n}", level=level)
                led.edge("LOCATED_IN", f"u{n:03d}", street)
                led.org(f"u{n:03d}#po", f"单位{n}党支部", "单位党支部", f"u{n:03d}")
                if rng.random() < 0.4:  # busy: one pairing in force with a paired community
                    led.community(f"c{n:03d}x", f"已结对社区{n}", street)
                    led.pair(f"u{n:03d}", f"c{n:03d}x", "2023-01-01")
    policy = rng.choice(
        [
            Policy(),
            Policy(unit_capacity=1),
            Policy(elsewhere_levels=("市",)),
            Policy(elsewhere_levels=("市",), elsewhere_districts=("d0区", "d1区")),
            Policy(unit_capacity=2, elsewhere_units=("单位3", "单位5", "单位7")),
        ]
    )
    g = led.graph(tmp_path)
    result = recommend(g, policy, DAY)
    assert _all_pairs_optimum(g, policy) == (len(result.proposals), result.total_cost)
    # Each unit within its spare capacity, each community once, each pair allowed.
    assert len({p.community_id for p in result.proposals}) == len(result.proposals)


def _all_pairs_optimum(g, policy: Policy) -> tuple[int, int]:
    """(covered, cost) of a min-cost maximum flow over every allowed (unit, community) pair,
    written from the module docstring's definition without the pooling."""
    ties = Ties.of(g, DAY)
    todo = [gap.node_id for gap in find_gaps(g, policy, DAY, rules=["unpaired_community"])]
    where = {}
    for n in g:
        street = ties.street(n)
        where[n] = (street or "", ties.district(street) or "")

    def name_or_id(d):
        return {d, g.nodes[d].get("name")}

    net = nx.DiGraph()
    for u, data in g.nodes(data=True):
        if data.get("label") != "MemberUnit":
            continue
        active = len(ties.active_pairings(u))
        spare = data.get("capacity", policy.unit_capacity) - active
        if spare <= 0:
            continue
        penalty = 2 * active + (0 if ties.working_alone(u) else 1)
        roams = data.get("level") in policy.elsewhere_levels or {u, data["name"]} & set(
            policy.elsewhere_units
        )
        net.add_edge("s", u, capacity=spare, weight=0)
        for c in todo:
            (us, ud), (cs, cd) = where[u], where[c]
            zone = set(policy.elsewhere_districts)
            in_zone = not zone or (name_or_id(ud) & zone and name_or_id(cd) & zone)
            if us == cs:
                cost = policy.cost_same_street
            elif ud == cd:
                cost = policy.cost_same_district
            elif roams and in_zone:
                cost = policy.cost_elsewhere
            else:
                continue
            net.add_edge(u, ("c", c), capacity=1, weight=cost + penalty)
    for c in todo:
        net.add_edge(("c", c), "t", capacity=1, weight=0)
    if "s" not in net or "t" not in net:
        return 0, 0
    flow = nx.max_flow_min_cost(net, "s", "t")
    covered = sum(flow[("c", c)].get("t", 0) for c in todo if ("c", c) in flow)
    return covered, nx.cost_of_flow(net, flow)


def reason(p, lang="zh"):
    return proposal_reason(
        p.place,
        p.unit_working_alone,
        p.unit_active_pairings,
        p.unit_spare_after,
        p.community_has_party_org,
        lang,
    )
