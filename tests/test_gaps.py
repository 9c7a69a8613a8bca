"""The gap rules on a hand-built street whose answers are worked out in the comments.

``jianguomen()`` is 东城区 with two streets, seen on 2024-06-30 (``DAY``):

建国门街道 (jgm) has its party working committee (jgm#gw, 街道党工委), which LEADS the party
organization of every community below except 外交部街社区 (c6). 朝阳门街道 (cym) has no working
committee in the ledger and no committee covering it.

| community | kind | social orgs | pairings | committee | reports |
|---|---|---|---|---|---|
| c1 站东 | 社区 | 10 | u1 2019-01-01..2023-01-01, renewed from 2023-01-01 | k_c1 | u1: 12 members |
| c2 赵家楼 | 社区 | 9 | u2 since 2020-05-01 (4 years: review due) | - | u2: 0 members |
| c3 东总布 | 社区 | 0 | u7 2022-01-01..2025-12-31 (2.5 years) | - | u7: no figure |
| v1 北村 | 村 | 5 | u2 since 2024-01-01 | - | - |
| v2 南村 | 村 | 4 | - | - | - |
| c4 苏州胡同 | 社区 | 0 | u3 2021-01-01..2024-01-01 (ended half a year ago) | - | u1 from 2025 |
| c5 西总布 | 社区 | 0 | u3 2015-01-01..2019-01-01 (ended 5.5 years ago) | - | - |
| c6 外交部街 | 社区 | 0 | u6 since 2023-06-01; c6#po not led by jgm#gw | - | - |
| c7 礼士 (cym) | 社区 | 0 | - | - | - |

Units (in jgm): u1 市测绘院 (paired, member of both committees), u2 北京站 (paired twice,
member through its branch), u3 社科院 (only ended pairings), u4 统计局 (committee member only),
u5 东方广场 (nothing), u6 协和医院 (paired with c6 only), u7 中粮 (paired, member), u8 东城供电
(a membership that starts in 2025).

Committees: k_jgm covers jgm, members u1, u2#po, u4, u7#po, 老街坊志愿队 (so_a), jgm#gw (a
street's organization, not a member unit) and u8 from 2025: 5 member units on DAY. k_c1 covers
c1, members u1#po, u4, u7, 楼门互助队 (so_b), c1#po: 4 member units.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graphmodel.analysis.gaps import GAP_FIELDS, RULES, find_gaps
from graphmodel.analysis.network import street_index, street_of
from graphmodel.analysis.policy import Policy, PolicyError, load_policy, policy_from_dict
from graphmodel.errors import AmbiguousName, GraphmodelError, NotFound
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore
from graphmodel.vocabulary import gap_message

DAY = dt.date(2024, 6, 30)
ROOT = Path(__file__).resolve().parent.parent


class Ledger:
    """Builds a GraphBatch the way the ledger loader does: nodes, then relationships."""

    def __init__(self) -> None:
        self.batch = GraphBatch()

    def node(self, label: str, id_: str, name: str, **props) -> str:
        self.batch.nodes.append(NodeRecord(label, id_, {"name": name, **props}))
        return id_

    def edge(self, rel: str, start: str, end: str, key: str = "", **props) -> None:
        self.batch.edges.append(EdgeRecord(rel, start, end, key, props))

    def district(self, id_: str, name: str) -> str:
        return self.node("District", id_, name)

    def street(self, id_: str, name: str, district: str, leader: bool = True) -> str:
        self.node("Street", id_, name, kind="街道")
        self.edge("PART_OF", id_, district)
        if leader:
            self.org(f"{id_}#gw", f"{name}党工委", "街道党工委", id_)
        return id_

    def org(self, id_: str, name: str, level: str, belongs: str, parent: str = "") -> str:
        self.node("PartyOrg", id_, name, level=level)
        self.edge("BELONGS_TO", id_, belongs)
        if parent:
            self.edge("LEADS", parent, id_)
        return id_

    def community(
        self, id_: str, name: str, street: str, kind: str = "社区", led: bool = True, **props
    ) -> str:
        self.node("Community", id_, name, kind=kind, **props)
        self.edge("PART_OF", id_, street)
        parent = f"{street}#gw" if led else ""
        self.org(
            f"{id_}#po", f"{name}党委", "社区党委" if kind == "社区" else "村党支部", id_, parent
        )
        return id_

    def unit(self, id_: str, name: str, street: str, **props) -> str:
        self.node("MemberUnit", id_, name, sector="事业单位", level="市", **props)
        self.edge("LOCATED_IN", id_, street)
        self.org(f"{id_}#po", f"{name}党支部", "单位党支部", id_)
        return id_

    def pair(self, unit: str, community: str, since: str, until: str = "") -> None:
        props = {"kind": "结对共建", "since": since}
        if until:
            props["until"] = until
        self.edge("PAIRED_WITH", f"{unit}#po", f"{community}#po", since, **props)

    def social_orgs(self, community: str, count: int) -> None:
        for i in range(count):
            so = self.node("SocialOrg", f"{community}-so{i}", f"{community}社会组织{i}")
            self.edge("SERVES", so, community)

    def committee(self, id_: str, name: str, covers: str, convener: str, level: str) -> str:
        self.node("Committee", id_, name, level=level)
        self.edge("COVERS", id_, covers)
        self.edge("CONVENED_BY", id_, convener)
        return id_

    def member(self, member: str, committee: str, since: str = "2020-01-01") -> None:
        self.edge("MEMBER_OF", member, committee, since=since)

    def report(self, unit: str, community: str, since: str = "2020-01-01", **props) -> None:
        self.edge("REPORTS_TO", f"{unit}#po", community, since=since, **props)

    def graph(self, tmp_path: Path):
        """The graph view a store returns for this ledger."""
        store = EmbeddedStore(tmp_path / "g.json")
        store.write(self.batch)
        return EmbeddedStore(tmp_path / "g.json").graph()


def jianguomen() -> Ledger:
    """The street of the module docstring."""
    led = Ledger()
    led.district("dc", "东城区")
    led.street("jgm", "建国门街道", "dc")
    led.street("cym", "朝阳门街道", "dc", leader=False)
    for cid, name, kind, social in (
        ("c1", "站东社区", "社区", 8),  # + so_a and so_b below: 10
        ("c2", "赵家楼社区", "社区", 9),
        ("c3", "东总布社区", "社区", 0),
        ("v1", "北村", "村", 5),
        ("v2", "南村", "村", 4),
        ("c4", "苏州胡同社区", "社区", 0),
        ("c5", "西总布社区", "社区", 0),
    ):
        led.community(cid, name, "jgm", kind)
        led.social_orgs(cid, social)
    led.community("c6", "外交部街社区", "jgm", led=False)
    led.community("c7", "礼士社区", "cym", led=False)
    for uid, name in (
        ("u1", "市测绘院"),
        ("u2", "北京站"),
        ("u3", "中国社科院"),
        ("u4", "国家统计局"),
        ("u5", "东方广场"),
        ("u6", "协和医院"),
        ("u7", "中粮集团"),
        ("u8", "东城供电公司"),
    ):
        led.unit(uid, name, "jgm")
    for name, sid in (("老街坊志愿队", "so_a"), ("楼门互助队", "so_b")):
        led.node("SocialOrg", sid, name, category="志愿服务")
        led.edge("SERVES", sid, "c1")
    led.pair("u1", "c1", "2019-01-01", "2023-01-01")
    led.pair("u1", "c1", "2023-01-01")
    led.pair("u2", "c2", "2020-05-01")
    led.pair("u7", "c3", "2022-01-01", "2025-12-31")
    led.pair("u2", "v1", "2024-01-01")
    led.pair("u3", "c4", "2021-01-01", "2024-01-01")
    led.pair("u3", "c5", "2015-01-01", "2019-01-01")
    led.pair("u6", "c6", "2023-06-01")
    led.committee("k_jgm", "建国门街道党建工作协调委员会", "jgm", "jgm#gw", "街道")
    for member in ("u1", "u2#po", "u4", "u7#po", "so_a", "jgm#gw"):
        led.member(member, "k_jgm")
    led.member("u8", "k_jgm", since="2025-01-01")
    led.committee("k_c1", "站东社区党建协调委员会", "c1", "c1#po", "社区")
    for member in ("u1#po", "u4", "u7", "so_b", "c1#po"):
        led.member(member, "k_c1")
    led.report("u1", "c1", members=12)
    led.report("u2", "c2", members=0)
    led.report("u7", "c3")
    led.report("u1", "c4", since="2025-01-01", members=30)
    return led


@pytest.fixture
def g(tmp_path):
    return jianguomen().graph(tmp_path)


def nodes(g, rule, policy=None, **kw):
    return [gap.node_id for gap in find_gaps(g, policy or Policy(), DAY, rules=[rule], **kw)]


def by_node(g, rule, policy=None):
    return {gap.node_id: gap for gap in find_gaps(g, policy or Policy(), DAY, rules=[rule])}


def message(gap, lang="zh"):
    return gap_message(gap.rule, gap.name, gap.detail, lang)


def test_unpaired_communities_are_those_without_a_pairing_in_force(g):
    # c1 (renewed), c2, c3, v1, c6 have a pairing in force. v2 and c7 never had one; c4 and c5
    # had one that ended.
    # Sorted by street id (cym before jgm), then node id.
    assert nodes(g, "unpaired_community") == ["c7", "c4", "c5", "v2"]
    found = by_node(g, "unpaired_community")
    day = "2024-06-30"
    assert found["c4"].detail == {"party_orgs": 1, "pairings_ever": 1, "as_of": day}
    assert found["v2"].detail == {"party_orgs": 1, "pairings_ever": 0, "as_of": day}
    assert "已失效" in message(found["c4"])
    assert "none in force on 2024-06-30" in message(found["c4"], "en")


def test_a_pairing_that_starts_after_the_day_does_not_count(tmp_path):
    led = jianguomen()
    led.pair("u5", "v2", "2024-07-01")
    assert "v2" in nodes(led.graph(tmp_path), "unpaired_community")


def test_a_community_without_a_party_organization_is_unpaired(tmp_path):
    led = jianguomen()
    led.node("Community", "c8", "新建社区", kind="社区")
    led.edge("PART_OF", "c8", "jgm")
    found = by_node(led.graph(tmp_path), "unpaired_community")
    assert found["c8"].detail == {"party_orgs": 0, "pairings_ever": 0, "as_of": "2024-06-30"}
    assert "无社区党组织" in message(found["c8"])


def test_few_social_orgs_just_under_and_at_each_threshold(g):
    # 社区: c1 has 10 (at the minimum), c2 has 9 (one short). 村: v1 has 5, v2 has 4.
    # c3..c7 have none.
    found = by_node(g, "few_social_orgs")
    assert sorted(found) == ["c2", "c3", "c4", "c5", "c6", "c7", "v2"]
    assert found["c2"].detail == {"kind": "社区", "social_orgs": 9, "minimum": 10}
    assert found["v2"].detail == {"kind": "村", "social_orgs": 4, "minimum": 5}


def test_a_district_sets_its_own_minimum(g):
    # 东城区 asks for 6 per residents' committee: c2's 9 is then enough, the empty ones are not.
    policy = policy_from_dict({"districts": {"东城区": {"min_social_orgs_community": 6}}})
    found = by_node(g, "few_social_orgs", policy)
    assert "c2" not in found
    assert found["c3"].detail["minimum"] == 6
    assert found["v2"].detail["minimum"] == 5  # villages keep the default


def test_no_committee_flags_the_uncovered_street_and_communities(g):
    # Only jgm (k_jgm) and c1 (k_c1) are covered. cym's gaps come first (street id cym < jgm;
    # a street is located in itself), then by node id: c7 < cym.
    found = find_gaps(g, Policy(), DAY, rules=["no_committee"])
    assert [(x.node_id, x.label) for x in found][:2] == [("c7", "Community"), ("cym", "Street")]
    by = {x.node_id: x for x in found}
    assert set(by) == {"cym", "c7", "c2", "c3", "c4", "c5", "c6", "v1", "v2"}
    assert by["c2"].detail == {"level": "社区", "street_covered": True}
    assert by["c7"].detail == {"level": "社区", "street_covered": False}


def test_thin_committee_counts_member_units_in_force(g):
    # k_jgm: u1, u2 (via u2#po), u4, u7 (via u7#po), so_a = 5, the minimum; jgm#gw is the
    # street's organization, u8 joins only in 2025. k_c1: u1, u4, u7, so_b = 4, one short.
    found = by_node(g, "thin_committee")
    assert list(found) == ["k_c1"]
    assert found["k_c1"].detail == {"member_units": 4, "minimum": 5, "other_members": 1}
    assert nodes(g, "thin_committee", Policy(min_committee_member_units=6)) == ["k_c1", "k_jgm"]


def test_working_alone_means_no_pairing_and_no_membership_in_force(g):
    # u3's pairings ended, u5 has nothing, u8's membership starts in 2025. u4 is only a
    # committee member and u6 only paired: neither works alone.
    assert nodes(g, "working_alone") == ["u3", "u5", "u8"]


def test_expired_pairings_ended_or_due_for_review(g):
    # c2: since 2020-05-01, 3 years passed on 2023-05-01 -> review due. c4: ended 2024-01-01,
    # less than 3 years ago -> ended. c5 ended in 2019, more than 3 years ago: history.
    # c1's 2019 pairing was renewed in 2023 (1.5 years ago); c3 runs since 2022 (2.5 years).
    found = by_node(g, "expired_pairing")
    assert sorted(found) == ["c2", "c4"]
    assert found["c2"].detail["reason"] == "review_due"
    assert found["c2"].ref == "u2#po"
    assert found["c4"].detail["reason"] == "ended"
    assert found["c4"].detail["until"] == "2024-01-01"
    assert "2024-01-01" in message(found["c4"])


def test_a_longer_review_period_clears_the_review_and_keeps_history_longer(g):
    # With 6 years: c2 (4 years) is not due; c5 ended 5.5 years ago, within 6: reported.
    found = by_node(g, "expired_pairing", Policy(pairing_review_years=6))
    assert sorted(found) == ["c4", "c5"]


def test_isolated_cluster_and_street_without_working_committee(g):
    # In jgm every community is led by jgm#gw except c6, whose only tie is its pairing with
    # u6: the part {c6, u6} (two actors, each merged with its party branch) is isolated.
    # u3, u5 and u8 are isolated too but alone (one actor each): below min_cluster_size 2.
    # cym has no working committee: reported once.
    found = find_gaps(g, Policy(), DAY, rules=["isolated_cluster"])
    assert [(x.node_id, x.ref) for x in found] == [("cym", ""), ("jgm", "c6")]
    assert found[0].detail == {"reason": "no_working_committee"}
    assert found[1].detail["members"] == ["c6", "u6"]
    assert found[1].detail["communities"] == ["外交部街社区"]
    assert found[1].detail["size"] == 2


def test_single_actors_are_clusters_when_the_minimum_is_one(g):
    found = find_gaps(g, Policy(min_cluster_size=1), DAY, rules=["isolated_cluster"])
    assert [x.ref for x in found if x.node_id == "jgm"] == ["c6", "u3", "u5", "u8"]


def test_leading_c6_joins_it_to_the_street(tmp_path):
    led = jianguomen()
    led.edge("LEADS", "jgm#gw", "c6#po")
    assert nodes(led.graph(tmp_path), "isolated_cluster") == ["cym"]


def test_unreported_communities(g):
    # c1 has 12 reported members; c3's report has no figure (reported, number unknown); c2's
    # says 0; c4's report starts in 2025; the others have none.
    assert nodes(g, "unreported") == ["c7", "c2", "c4", "c5", "c6", "v1", "v2"]


def test_filters_by_street_and_district(g):
    found = find_gaps(g, Policy(), DAY, street="朝阳门街道")
    assert {(x.rule, x.node_id) for x in found} == {
        ("unpaired_community", "c7"),
        ("few_social_orgs", "c7"),
        ("no_committee", "cym"),
        ("no_committee", "c7"),
        ("isolated_cluster", "cym"),
        ("unreported", "c7"),
    }
    assert find_gaps(g, Policy(), DAY, district="dc") == find_gaps(g, Policy(), DAY)
    with pytest.raises(NotFound):
        find_gaps(g, Policy(), DAY, street="不存在街道")


def test_an_ambiguous_street_name_lists_the_candidates(tmp_path):
    led = jianguomen()
    led.district("xc", "西城区")
    led.street("jgm2", "建国门街道", "xc")
    with pytest.raises(AmbiguousName, match="jgm2"):
        find_gaps(led.graph(tmp_path), Policy(), DAY, street="建国门街道")


def test_order_is_by_rule_then_place_and_the_dict_shape_is_stable(g):
    found = find_gaps(g, Policy(), DAY)
    order = list(RULES)
    keys = [(order.index(x.rule), x.district_id, x.street_id, x.node_id, x.ref) for x in found]
    assert keys == sorted(keys)
    assert [x.to_dict() for x in found] == [x.to_dict() for x in find_gaps(g, Policy(), DAY)]
    first = found[0].to_dict()
    assert tuple(first) == GAP_FIELDS
    # The first gap is unpaired_community on c7, in 朝阳门街道 (cym sorts before jgm).
    assert first["node_id"] == "c7" and first["street_name"] == "朝阳门街道"
    assert first["district_name"] == "东城区"


def test_an_unknown_rule_is_an_error(g):
    with pytest.raises(GraphmodelError, match="unknown rule 'nope'"):
        find_gaps(g, Policy(), DAY, rules=["nope"])


def test_the_example_policy_file_documents_the_defaults():
    assert load_policy(ROOT / "docs" / "policy.example.toml") == Policy()
    assert load_policy(None) == Policy()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("min_social_org = 6", "unknown key 'min_social_org'"),
        ("min_social_orgs_village = 'five'", "'min_social_orgs_village' must be a whole number"),
        ("unit_capacity = -1", "'unit_capacity' must be a whole number >= 0"),
        ("pairing_review_years = 0", "'pairing_review_years' must be a whole number >= 1"),
        ("cost_same_district = 50", "the costs must increase"),
        ('[districts."东城区"]\nunit_capacity = 2', "unknown key 'districts.东城区.unit_capacity'"),
        ("min_cluster_size = true", "'min_cluster_size' must be a whole number"),
        ("not toml", "not valid TOML"),
    ],
)
def test_bad_policy_files_name_the_key(tmp_path, text, message):
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError, match=message):
        load_policy(path)


def test_a_missing_policy_file_is_an_error(tmp_path):
    with pytest.raises(PolicyError, match="cannot read policy file"):
        load_policy(tmp_path / "none.toml")


def test_a_policy_file_overrides_only_what_it_names(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text("unit_capacity = 5\n[districts.dc]\nmin_committee_member_units = 3\n", "utf-8")
    policy = load_policy(path)
    assert policy.unit_capacity == 5
    assert policy.min_social_orgs_community == 10
    assert policy.for_district("dc").min_committee_member_units == 3
    assert policy.for_district("other", "西城区") is policy


def test_the_street_index_agrees_with_street_of_on_every_node(tmp_path):
    led = jianguomen()
    # Two party organizations that belong to each other: a cycle, in no street.
    led.node("PartyOrg", "loop1", "环一")
    led.node("PartyOrg", "loop2", "环二")
    led.edge("BELONGS_TO", "loop1", "loop2")
    led.edge("BELONGS_TO", "loop2", "loop1")
    g = led.graph(tmp_path)
    index = street_index(g)
    assert index == {n: street_of(g, n) for n in g}
    assert index["loop1"] is None and index["dc"] is None
    assert index["u1#po"] == "jgm" and index["k_c1"] == "jgm" and index["c7#po"] == "cym"
