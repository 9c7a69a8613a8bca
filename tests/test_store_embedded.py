"""The embedded store: merge semantics, one transaction per write, the SQLite file, the missing
and older-format stores, and its answers."""

from __future__ import annotations

import gzip
import json
import sqlite3

import pytest

from graphmodel.errors import AmbiguousName, MissingStore, NotFound, OldStoreFormat, StoreError
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore, StoreConfig, open_store


def small_street() -> GraphBatch:
    """One district, one street with two communities, a unit paired with one of them.

    建国门街道 has 站东社区 (paired with 市测绘院 through its branch, since 2021) and 赵家楼社区
    (not paired). 东城区 therefore has 2 communities, 1 paired, 1 pairing.
    """
    n = NodeRecord
    e = EdgeRecord
    return GraphBatch(
        nodes=[
            n("District", "dc", {"name": "东城区"}),
            n("Street", "jgm", {"name": "建国门街道", "kind": "街道"}),
            n("Community", "zd", {"name": "站东社区", "kind": "社区", "population": 5200}),
            n("Community", "zjl", {"name": "赵家楼社区", "kind": "社区"}),
            n("PartyOrg", "zd#po", {"name": "站东社区党委", "level": "社区党委"}),
            n("PartyOrg", "zjl#po", {"name": "赵家楼社区党委", "level": "社区党委"}),
            n("MemberUnit", "u1", {"name": "市测绘院", "sector": "事业单位", "level": "市"}),
            n("PartyOrg", "u1#po", {"name": "市测绘院党支部", "level": "单位党支部"}),
        ],
        edges=[
            e("PART_OF", "jgm", "dc"),
            e("PART_OF", "zd", "jgm"),
            e("PART_OF", "zjl", "jgm"),
            e("BELONGS_TO", "zd#po", "zd"),
            e("BELONGS_TO", "zjl#po", "zjl"),
            e("BELONGS_TO", "u1#po", "u1"),
            e("LOCATED_IN", "u1", "jgm"),
            e(
                "PAIRED_WITH",
                "u1#po",
                "zd#po",
                "2021-03-01",
                {"kind": "下沉", "since": "2021-03-01"},
            ),
        ],
    )


def test_write_then_read_back_from_a_new_store(tmp_path):
    path = tmp_path / "g.db"
    EmbeddedStore(path).write(small_street())
    g = EmbeddedStore(path).graph()
    assert g.number_of_nodes() == 8
    assert g.number_of_edges() == 8
    assert g.nodes["zd"] == {
        "label": "Community",
        "name": "站东社区",
        "kind": "社区",
        "population": 5200,
    }
    assert g.edges["u1#po", "zd#po", "PAIRED_WITH|2021-03-01"]["kind"] == "下沉"


def dump_tables(path):
    """Every row of the store's node and relationship tables, in a stable order."""
    with sqlite3.connect(path) as conn:
        nodes = conn.execute("SELECT * FROM nodes ORDER BY id").fetchall()
        rels = conn.execute("SELECT * FROM relationships ORDER BY id").fetchall()
    return nodes, rels


def test_writing_the_same_batch_twice_changes_nothing(tmp_path):
    path = tmp_path / "g.db"
    EmbeddedStore(path).write(small_street())
    first = dump_tables(path)
    EmbeddedStore(path).write(small_street())
    assert dump_tables(path) == first
    assert len(first[0]) == 8 and len(first[1]) == 8


def test_a_changed_record_updates_its_properties_and_keeps_the_others(tmp_path):
    store = EmbeddedStore(tmp_path / "g.db")
    store.write(small_street())
    store.write(GraphBatch(nodes=[NodeRecord("Community", "zd", {"population": 5300})]))
    data = EmbeddedStore(tmp_path / "g.db").graph().nodes["zd"]
    assert data["population"] == 5300
    assert data["name"] == "站东社区"


def test_a_dangling_relationship_is_refused_and_the_store_is_left_as_it_was(tmp_path):
    path = tmp_path / "g.db"
    store = EmbeddedStore(path)
    store.write(small_street())
    before = dump_tables(path)
    bad = GraphBatch(
        nodes=[NodeRecord("Community", "dzb", {"name": "东总布社区"})],
        edges=[EdgeRecord("PART_OF", "dzb", "no-such-street")],
    )
    with pytest.raises(StoreError, match="no-such-street"):
        store.write(bad)
    assert dump_tables(path) == before
    assert "dzb" not in EmbeddedStore(path).graph()


def test_the_file_is_a_sqlite_database_in_wal_mode_with_its_tables(tmp_path):
    path = tmp_path / "g.db"
    EmbeddedStore(path).write(small_street())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT label, props FROM nodes WHERE id = 'jgm'").fetchone() == (
            "Street",
            '{"name":"建国门街道","kind":"街道"}',
        )
        (start, end, key) = conn.execute(
            "SELECT start_id, end_id, key FROM relationships WHERE type = 'PAIRED_WITH'"
        ).fetchone()
        assert (start, end, key) == ("u1#po", "zd#po", "2021-03-01")
        format_ = dict(conn.execute("SELECT key, value FROM meta"))
    assert format_ == {"format": "graphmodel-embedded", "version": "3", "generation": "1"}


def test_a_missing_store_is_an_error_for_reads_not_an_empty_graph(tmp_path):
    store = EmbeddedStore(tmp_path / "typo.db")
    for read in (store.graph, store.stats, lambda: store.partners("站东社区")):
        with pytest.raises(MissingStore, match=r"no store at .*typo\.db\. Load a ledger first"):
            read()
    assert not (tmp_path / "typo.db").exists()  # reading never creates it


def test_an_older_json_store_is_refused_with_what_to_do(tmp_path):
    old = tmp_path / "graph.json"
    old.write_text('{"format": "graphmodel-embedded", "version": 1, "nodes": [], "edges": []}')
    with pytest.raises(OldStoreFormat, match=r"older JSON format.*load the ledgers again"):
        EmbeddedStore(old).graph()
    with gzip.open(tmp_path / "graph.json.gz", "wt") as f:
        json.dump({"format": "graphmodel-embedded"}, f)
    with pytest.raises(OldStoreFormat):
        EmbeddedStore(tmp_path / "graph.json.gz").write(small_street())
    # the new default graph.db is missing, but the old graph.json beside it is named
    with pytest.raises(OldStoreFormat, match=r"graph\.json"):
        EmbeddedStore(tmp_path / "graph.db").stats()


def test_a_file_that_is_not_a_store_gets_a_clear_error(tmp_path):
    path = tmp_path / "g.db"
    path.write_bytes(b"PK\x03\x04 a workbook, say")
    with pytest.raises(StoreError, match="not a graphmodel embedded store"):
        EmbeddedStore(path).graph()
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="SQLite database but not a graphmodel"):
        EmbeddedStore(other).graph()


def test_clear_empties_the_store(tmp_path):
    store = EmbeddedStore(tmp_path / "g.db")
    store.write(small_street())
    store.clear()
    assert EmbeddedStore(tmp_path / "g.db").graph().number_of_nodes() == 0


def test_stats_count_labels_relationships_and_areas(tmp_path):
    store = EmbeddedStore(tmp_path / "g.db")
    store.write(small_street())
    stats = store.stats()
    assert stats.labels == {
        "District": 1,
        "Street": 1,
        "Community": 2,
        "PartyOrg": 3,
        "MemberUnit": 1,
    }
    assert stats.relationships["PAIRED_WITH"] == 1
    (street,) = stats.streets
    assert (street.id, street.parent, street.communities, street.paired_communities) == (
        "jgm",
        "dc",
        2,
        1,
    )
    assert street.pairings == 1
    (district,) = stats.districts
    assert (district.streets, district.communities, district.paired_communities) == (1, 2, 1)


def test_partners_by_community_name_unit_name_and_party_org_id(tmp_path):
    store = EmbeddedStore(tmp_path / "g.db")
    store.write(small_street())
    (p,) = store.partners("站东社区")
    assert (p.org_id, p.partner_id, p.owner_name, p.kind, p.since) == (
        "zd#po",
        "u1#po",
        "市测绘院",
        "下沉",
        "2021-03-01",
    )
    (q,) = store.partners("市测绘院")
    assert (q.partner_name, q.owner_label) == ("站东社区党委", "Community")
    assert store.partners("u1#po")[0].partner_id == "zd#po"
    assert store.partners("赵家楼社区") == []


def test_partners_reports_unknown_and_ambiguous_names(tmp_path):
    store = EmbeddedStore(tmp_path / "g.db")
    batch = small_street()
    batch.nodes.append(NodeRecord("Community", "zd2", {"name": "站东社区"}))
    batch.edges.append(EdgeRecord("PART_OF", "zd2", "jgm"))
    store.write(batch)
    with pytest.raises(NotFound):
        store.partners("不存在社区")
    with pytest.raises(AmbiguousName) as err:
        store.partners("站东社区")
    assert [c[0] for c in err.value.candidates] == ["zd", "zd2"]
    assert "建国门街道" in str(err.value)


def test_open_store_takes_the_path_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHMODEL_DB", str(tmp_path / "env.db"))
    store = open_store()
    assert isinstance(store, EmbeddedStore)
    assert store.path == tmp_path / "env.db"
    assert open_store(StoreConfig(db=str(tmp_path / "opt.db"))).path == tmp_path / "opt.db"


def test_store_config_never_shows_the_password():
    assert "s3cret" not in repr(StoreConfig(store="neo4j", password="s3cret"))


def test_set_node_props_merges_and_none_removes(tmp_path):
    store = EmbeddedStore(tmp_path / "g.db")
    store.write(small_street())
    store.set_node_props({"zd": {"hub_score": 0.5, "articulation": True}})
    store.set_node_props({"zd": {"articulation": None}})
    data = EmbeddedStore(tmp_path / "g.db").graph().nodes["zd"]
    assert data["hub_score"] == 0.5
    assert "articulation" not in data
    with pytest.raises(StoreError, match="no node 'nope'"):
        store.set_node_props({"nope": {"x": 1}})
