"""The Neo4j store against a real Neo4j 5 server: the same graph and answers as the embedded store.

Tests that use ``neo4j_store`` are marked ``neo4j`` (tests/conftest.py) and get an empty
database; without a server they are skipped, or fail under ``GRAPHMODEL_REQUIRE_NEO4J=1``.
"""

from __future__ import annotations

import pytest

from graphmodel import schema
from graphmodel.connection import Connection
from graphmodel.errors import AmbiguousName, NotFound, StoreError, StoreUnavailable
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore
from graphmodel.store.neo4j import Neo4jStore


def small_district() -> GraphBatch:
    """雁塔区 with two streets, four communities, two units, a social organization, a committee.

    - 大雁塔街道 (dyt): 西影路社区 (c1) and 雁塔路社区 (c2); its working committee (dyt#po) leads
      both communities' party committees; 大雁塔街道党建工作协调委员会 (k1) covers the street,
      is convened by dyt#po, and has 市第一医院 (u1) and 夕阳红志愿服务队 (s1) as members;
      s1 serves c1 and c2.
    - 小寨路街道 (xz): 长延堡社区 (c3) and 电子城社区 (c4, never paired).
    - Pairings (PAIRED_WITH, unit side -> community side):
      p1 u1#po -> c1#po 结对共建 since 2021-03-01;
      p2 u1#po -> c2#po 下沉 2020-05-01 .. 2022-05-01 (expired, still counted);
      p3 u2#po -> c3#po 结对共建 since 2023-01-01;
      p4 u2#po -> c1#po 联建 since 2023-06-01.
    - u1#po reports 35 members to c1 (双报到).

    Worked-out figures: 大雁塔街道 has 2 communities, 2 paired, 3 pairings (p1, p2, p4),
    1 committee, 1 social organization; 小寨路街道 has 2 communities, 1 paired, 1 pairing,
    0 committees, 0 social organizations; 雁塔区 has 2 streets, 4 communities, 3 paired,
    4 pairings, 1 committee, 1 social organization.
    """
    n, e = NodeRecord, EdgeRecord
    return GraphBatch(
        nodes=[
            n("District", "yt", {"name": "雁塔区", "source": "test"}),
            n("Street", "dyt", {"name": "大雁塔街道", "kind": "街道"}),
            n("Street", "xz", {"name": "小寨路街道", "kind": "街道"}),
            n("Community", "c1", {"name": "西影路社区", "kind": "社区", "population": 12000}),
            n("Community", "c2", {"name": "雁塔路社区", "kind": "社区", "households": 3100}),
            n("Community", "c3", {"name": "长延堡社区", "kind": "社区"}),
            n("Community", "c4", {"name": "电子城社区", "kind": "社区", "generated": True}),
            n("PartyOrg", "dyt#po", {"name": "大雁塔街道党工委", "level": "街道党工委"}),
            n("PartyOrg", "c1#po", {"name": "西影路社区党委", "level": "社区党委"}),
            n("PartyOrg", "c2#po", {"name": "雁塔路社区党委", "level": "社区党委"}),
            n("PartyOrg", "c3#po", {"name": "长延堡社区党委", "level": "社区党委"}),
            n("PartyOrg", "c4#po", {"name": "电子城社区党支部", "level": "社区党支部"}),
            n("MemberUnit", "u1", {"name": "市第一医院", "sector": "医疗卫生", "level": "市"}),
            n("MemberUnit", "u2", {"name": "区税务局", "sector": "机关", "level": "区"}),
            n("PartyOrg", "u1#po", {"name": "市第一医院党委", "level": "单位党委"}),
            n("PartyOrg", "u2#po", {"name": "区税务局党支部", "level": "单位党支部"}),
            n("SocialOrg", "s1", {"name": "夕阳红志愿服务队", "category": "志愿服务"}),
            n("Committee", "k1", {"name": "大雁塔街道党建工作协调委员会", "level": "街道"}),
        ],
        edges=[
            e("PART_OF", "dyt", "yt"),
            e("PART_OF", "xz", "yt"),
            e("PART_OF", "c1", "dyt"),
            e("PART_OF", "c2", "dyt"),
            e("PART_OF", "c3", "xz"),
            e("PART_OF", "c4", "xz"),
            e("BELONGS_TO", "dyt#po", "dyt"),
            e("BELONGS_TO", "c1#po", "c1"),
            e("BELONGS_TO", "c2#po", "c2"),
            e("BELONGS_TO", "c3#po", "c3"),
            e("BELONGS_TO", "c4#po", "c4"),
            e("BELONGS_TO", "u1#po", "u1"),
            e("BELONGS_TO", "u2#po", "u2"),
            e("LEADS", "dyt#po", "c1#po"),
            e("LEADS", "dyt#po", "c2#po"),
            e("LOCATED_IN", "u1", "dyt"),
            e("LOCATED_IN", "u2", "xz"),
            e("SERVES", "s1", "c1"),
            e("SERVES", "s1", "c2"),
            e("COVERS", "k1", "dyt"),
            e("CONVENED_BY", "k1", "dyt#po"),
            e("MEMBER_OF", "u1", "k1", "", {"role": "成员单位", "since": "2022-01-01"}),
            e("MEMBER_OF", "s1", "k1", "", {"role": "成员单位"}),
            e(
                "PAIRED_WITH",
                "u1#po",
                "c1#po",
                "p1",
                {"kind": "结对共建", "since": "2021-03-01", "agreement": "共建协议2021-01"},
            ),
            e(
                "PAIRED_WITH",
                "u1#po",
                "c2#po",
                "p2",
                {"kind": "下沉", "since": "2020-05-01", "until": "2022-05-01"},
            ),
            e("PAIRED_WITH", "u2#po", "c3#po", "p3", {"kind": "结对共建", "since": "2023-01-01"}),
            e("PAIRED_WITH", "u2#po", "c1#po", "p4", {"kind": "联建", "since": "2023-06-01"}),
            e("REPORTS_TO", "u1#po", "c1", "", {"members": 35, "since": "2022-03-01"}),
        ],
    )


@pytest.fixture
def embedded(tmp_path) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path / "graph.json")
    store.write(small_district())
    return store


@pytest.fixture
def loaded(neo4j_store: Neo4jStore) -> Neo4jStore:
    neo4j_store.write(small_district())
    return neo4j_store


def _edges(store) -> set:
    g = store.graph()
    return {(u, v, k, tuple(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True)}


def _counts(store: Neo4jStore) -> tuple[int, int]:
    g = store.graph()
    return g.number_of_nodes(), g.number_of_edges()


def test_the_graph_view_equals_the_embedded_stores(loaded, embedded):
    g, expected = loaded.graph(), embedded.graph()
    assert dict(g.nodes(data=True)) == dict(expected.nodes(data=True))
    assert _edges(loaded) == _edges(embedded)
    assert (g.number_of_nodes(), g.number_of_edges()) == (18, 28)
    assert g.nodes["c4"] == {
        "label": "Community",
        "name": "电子城社区",
        "kind": "社区",
        "generated": True,
    }
    assert g.edges["u1#po", "c2#po", "PAIRED_WITH|p2"]["until"] == "2022-05-01"


def test_writing_the_same_batch_twice_leaves_identical_counts(loaded):
    before = loaded.stats()
    loaded.write(small_district())
    after = loaded.stats()
    assert after == before
    assert sum(after.labels.values()) == 18
    assert sum(after.relationships.values()) == 28


def test_a_changed_record_updates_properties_and_keeps_the_others(loaded):
    loaded.write(
        GraphBatch(
            nodes=[NodeRecord("Community", "c1", {"population": 12500})],
            edges=[EdgeRecord("PAIRED_WITH", "u1#po", "c1#po", "p1", {"until": "2025-12-31"})],
        )
    )
    g = loaded.graph()
    assert g.nodes["c1"]["population"] == 12500
    assert g.nodes["c1"]["name"] == "西影路社区"
    pairing = g.edges["u1#po", "c1#po", "PAIRED_WITH|p1"]
    assert pairing["until"] == "2025-12-31"
    assert pairing["agreement"] == "共建协议2021-01"
    assert _counts(loaded) == (18, 28)


def test_stats_equal_the_embedded_answers_and_the_worked_figures(loaded, embedded):
    stats = loaded.stats()
    assert stats == embedded.stats()
    assert stats.labels == {
        "District": 1,
        "Street": 2,
        "Community": 4,
        "PartyOrg": 7,
        "MemberUnit": 2,
        "SocialOrg": 1,
        "Committee": 1,
    }
    assert stats.relationships["PAIRED_WITH"] == 4
    (district,) = stats.districts
    assert (district.streets, district.communities, district.paired_communities) == (2, 4, 3)
    assert (district.pairings, district.committees, district.social_orgs) == (4, 1, 1)
    dyt, xz = stats.streets
    assert (dyt.id, dyt.parent, dyt.communities, dyt.paired_communities) == ("dyt", "yt", 2, 2)
    assert (dyt.pairings, dyt.committees, dyt.social_orgs) == (3, 1, 1)
    assert (xz.id, xz.communities, xz.paired_communities, xz.pairings) == ("xz", 2, 1, 1)
    assert (xz.committees, xz.social_orgs) == (0, 0)


def test_a_pairing_counts_at_the_start_community_when_the_end_has_none(loaded, embedded):
    # c3#po -> u1#po runs community side to unit side: it counts for 长延堡社区 (c3) in both.
    reverse = GraphBatch(
        edges=[EdgeRecord("PAIRED_WITH", "c3#po", "u1#po", "p5", {"kind": "联建"})]
    )
    loaded.write(reverse)
    embedded.write(reverse)
    stats = loaded.stats()
    assert stats == embedded.stats()
    assert [s.pairings for s in stats.streets] == [3, 2]


@pytest.mark.parametrize("ref", ["西影路社区", "市第一医院", "u2#po", "雁塔路社区", "电子城社区"])
def test_partners_equal_the_embedded_answers(loaded, embedded, ref):
    assert loaded.partners(ref) == embedded.partners(ref)


def test_partners_of_a_community_name_both_units(loaded):
    # 西影路社区's party committee pairs with 区税务局 (p4) and 市第一医院 (p1); sorted by the
    # partner organization's name, 区 (U+533A) before 市 (U+5E02).
    found = loaded.partners("西影路社区")
    assert [(p.owner_name, p.kind, p.since) for p in found] == [
        ("区税务局", "联建", "2023-06-01"),
        ("市第一医院", "结对共建", "2021-03-01"),
    ]
    assert found[1].agreement == "共建协议2021-01"
    assert {p.owner_label for p in found} == {"MemberUnit"}


def test_partners_of_a_unit_include_the_expired_pairing(loaded):
    found = loaded.partners("市第一医院")
    assert [(p.owner_id, p.until) for p in found] == [("c1", ""), ("c2", "2022-05-01")]


def test_unknown_and_ambiguous_references(loaded, embedded):
    with pytest.raises(NotFound):
        loaded.partners("不存在社区")
    twin = GraphBatch(
        nodes=[NodeRecord("Community", "c9", {"name": "西影路社区"})],
        edges=[EdgeRecord("PART_OF", "c9", "xz")],
    )
    loaded.write(twin)
    embedded.write(twin)
    with pytest.raises(AmbiguousName) as raised:
        loaded.partners("西影路社区")
    with pytest.raises(AmbiguousName) as expected:
        embedded.partners("西影路社区")
    assert raised.value.candidates == expected.value.candidates
    assert raised.value.candidates == [
        ("c1", "Community", "大雁塔街道"),
        ("c9", "Community", "小寨路街道"),
    ]


def test_a_missing_endpoint_raises_and_leaves_the_store_as_it_was(loaded):
    before = (loaded.graph().nodes(data=True), _edges(loaded))
    bad = GraphBatch(
        nodes=[NodeRecord("Community", "c5", {"name": "新社区"})],
        edges=[
            EdgeRecord("PART_OF", "c5", "dyt"),
            EdgeRecord("PAIRED_WITH", "u1#po", "ghost#po", "p9"),
        ],
    )
    with pytest.raises(StoreError, match="ghost#po"):
        loaded.write(bad)
    assert "c5" not in loaded.graph()
    assert (loaded.graph().nodes(data=True), _edges(loaded)) == before


def test_a_label_outside_the_schema_is_refused_before_writing(neo4j_store):
    with pytest.raises(StoreError, match="unknown label 'Person'"):
        neo4j_store.write(GraphBatch(nodes=[NodeRecord("Person", "x1", {"name": "某人"})]))
    with pytest.raises(StoreError, match="unknown relationship type"):
        neo4j_store.write(
            GraphBatch(
                nodes=[NodeRecord("Street", "s1"), NodeRecord("District", "d1")],
                edges=[EdgeRecord("PART_OF`]->() DETACH DELETE (", "s1", "d1")],
            )
        )
    assert neo4j_store.graph().number_of_nodes() == 0


def test_progress_is_reported_per_batch(neo4j_connection):
    c = neo4j_connection
    store = Neo4jStore.connect(Connection(c.uri, c.user, c.password), batch_size=5)
    store.clear()
    seen: list[int] = []
    store.write(small_district(), progress=seen.append)
    store.close()
    # 18 nodes in label groups of 1, 2, 4, 7 (a batch of 5, then 2), 2, 1, 1; 28 relationships.
    assert sum(seen) == 46
    assert max(seen) == 5


def test_set_node_props_merges_and_refuses_unknown_nodes(loaded):
    loaded.set_node_props({"c1": {"degree": 4}, "u1": {"degree": 3, "hub": True}})
    g = loaded.graph()
    assert (g.nodes["c1"]["degree"], g.nodes["c1"]["name"]) == (4, "西影路社区")
    assert g.nodes["u1"]["hub"] is True
    with pytest.raises(StoreError, match="nobody"):
        loaded.set_node_props({"c2": {"degree": 1}, "nobody": {"degree": 1}})
    assert "degree" not in loaded.graph().nodes["c2"]


def test_constraints_and_indexes_match_the_schema(loaded, neo4j_driver):
    constraints, _, _ = neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
    indexes, _, _ = neo4j_driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type = 'RANGE' RETURN name"
    )
    names = {schema.constraint_name(label) for label in schema.LABELS}
    assert names <= {r["name"] for r in constraints}
    assert {schema.index_name(label, "name") for label in schema.LABELS} <= {
        r["name"] for r in indexes
    }


def test_a_wrong_password_gives_a_clear_store_unavailable(neo4j_connection):
    with pytest.raises(StoreUnavailable, match="refused user 'neo4j'") as raised:
        Neo4jStore.connect(Connection(neo4j_connection.uri, password="not-the-password-123"))
    assert "not-the-password-123" not in str(raised.value)


def test_a_server_that_is_down_gives_a_clear_store_unavailable():
    # Port 9 (discard) on the loopback is not a Neo4j server: the connection is refused.
    with pytest.raises(StoreUnavailable, match=r"not reachable at bolt://127\.0\.0\.1:9"):
        Neo4jStore.connect(Connection("bolt://127.0.0.1:9", password="whatever-password"))


def test_labels_added_by_analyses_do_not_change_what_the_store_returns(neo4j_store, neo4j_driver):
    # writeback marks top hubs with extra labels (HubHigh) for Browser's style; the graph view,
    # the label counts and the partners' owner labels must still show only the schema label.
    neo4j_store.write(small_district())
    before = neo4j_store.graph()
    neo4j_driver.execute_query("MATCH (n) WHERE n.id IN ['u1', 'c1', 'u1#po'] SET n:HubHigh")
    after = neo4j_store.graph()
    assert dict(after.nodes(data=True)) == dict(before.nodes(data=True))
    assert neo4j_store.stats().labels["MemberUnit"] == 2
    assert "HubHigh" not in neo4j_store.stats().labels
    assert {p.owner_label for p in neo4j_store.partners("c1")} == {"MemberUnit"}
