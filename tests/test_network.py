"""The co-governance network projection: which ties count, and when a pairing is active."""

from __future__ import annotations

import datetime as dt

from graphmodel.analysis.network import cogovernance_graph, is_active, street_of
from graphmodel.records import EdgeRecord, NodeRecord
from graphmodel.store import EmbeddedStore
from tests.test_store_embedded import small_street

DAY = dt.date(2023, 6, 30)


def test_active_means_since_on_or_before_and_until_after_the_day():
    assert is_active({"since": "2023-06-30"}, DAY)
    assert not is_active({"since": "2023-07-01"}, DAY)
    assert is_active({"until": "2023-07-01"}, DAY)
    assert not is_active({"until": "2023-06-30"}, DAY)  # until is exclusive
    assert is_active({}, DAY)


def test_the_network_keeps_working_ties_and_drops_the_administrative_ones(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    batch = small_street()
    store.write(batch)
    net = cogovernance_graph(store.graph(), DAY)
    # District is not an actor; PART_OF and LOCATED_IN are not working ties.
    assert "dc" not in net
    assert not net.has_edge("zd", "jgm")
    assert not net.has_edge("u1", "jgm")
    assert net.edges["u1#po", "zd#po"]["types"] == {"PAIRED_WITH"}
    assert net.edges["zd#po", "zd"]["types"] == {"BELONGS_TO"}
    # 赵家楼社区 and its party organization are an island of their own.
    assert set(net.neighbors("zjl#po")) == {"zjl"}


def test_an_expired_pairing_is_not_a_tie(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    batch = small_street()
    batch.edges.append(
        EdgeRecord(
            "PAIRED_WITH",
            "u1#po",
            "zjl#po",
            "2019-01-01",
            {"since": "2019-01-01", "until": "2022-01-01"},
        )
    )
    store.write(batch)
    assert not cogovernance_graph(store.graph(), DAY).has_edge("u1#po", "zjl#po")
    assert cogovernance_graph(store.graph(), dt.date(2021, 1, 1)).has_edge("u1#po", "zjl#po")


def test_street_of_follows_filing_and_belonging(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    batch = small_street()
    batch.nodes.append(NodeRecord("PartyOrg", "floating", {"name": "无归属党支部"}))
    store.write(batch)
    g = store.graph()
    assert street_of(g, "zd") == "jgm"
    assert street_of(g, "u1") == "jgm"
    assert street_of(g, "u1#po") == "jgm"  # BELONGS_TO the unit, LOCATED_IN the street
    assert street_of(g, "floating") is None
    assert street_of(g, "dc") is None
