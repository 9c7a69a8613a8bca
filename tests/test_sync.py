"""Reloading a ledger syncs the store to it (``graphmodel.sync``), on small hand-built ledgers.

The base ledger (``base_ledger``), worked out:

- 东城区 (D1) and 西城区 (D2); streets 建国门街道 (S1, in D1) and 月坛街道 (S2, in D1);
- communities 站东社区 (C1, in S1), 赵家楼社区 (C2, in S1), 南礼士路社区 (C3, in S2);
- units 市测绘院 (U1) and 市规划院 (U2), both in S1;
- pairings: P1 市测绘院 - 站东社区 (2021-03-01), P2 市规划院 - 赵家楼社区 (2022-01-01).

No party organization rows, so each pairing creates one for each side: ``U1#党组织``,
``C1#党组织``, ``U2#党组织``, ``C2#党组织``. Nodes: 2 + 2 + 3 + 2 + 4 = 13. Relationships:
PART_OF 2 + 3, LOCATED_IN 2, BELONGS_TO 4, PAIRED_WITH 2 = 13.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from graphmodel.errors import StoreError
from graphmodel.load import load
from graphmodel.records import NodeRecord
from graphmodel.store import EmbeddedStore
from graphmodel.store.base import Store

BASE: dict[str, list[list[str]]] = {
    "districts": [["id", "name"], ["D1", "东城区"], ["D2", "西城区"]],
    "streets": [["id", "name", "district"], ["S1", "建国门街道", "D1"], ["S2", "月坛街道", "D1"]],
    "communities": [
        ["id", "name", "street", "population"],
        ["C1", "站东社区", "S1", "5200"],
        ["C2", "赵家楼社区", "S1", "3100"],
        ["C3", "南礼士路社区", "S2", "4000"],
    ],
    "units": [["id", "name", "street"], ["U1", "市测绘院", "S1"], ["U2", "市规划院", "S1"]],
    "pairings": [
        ["id", "unit", "community", "kind", "since"],
        ["P1", "U1", "C1", "下沉", "2021-03-01"],
        ["P2", "U2", "C2", "结对共建", "2022-01-01"],
    ],
}


def write_ledger(folder: Path, tables: dict[str, list[list[str]]]) -> Path:
    """Write ``tables`` as a folder of UTF-8 CSV files (replacing what was there)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.csv"):
        old.unlink()
    for name, rows in tables.items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    return folder


def edited(**changes: list[list[str]]) -> dict[str, list[list[str]]]:
    """The base ledger with some tables replaced."""
    return {**BASE, **changes}


def edges(store: Store, rel: str) -> set[tuple[str, str]]:
    return {(u, v) for u, v, d in store.graph().edges(data=True) if d["type"] == rel}


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return write_ledger(tmp_path / "ledger", BASE)


@pytest.fixture
def store(tmp_path: Path) -> EmbeddedStore:
    return EmbeddedStore(tmp_path / "g.db")


def test_first_load_adds_everything_and_a_reload_changes_nothing(ledger, store):
    first = load([ledger], store)
    assert first.ok and first.changes is not None
    assert (first.changes.count("added"), first.changes.count("changed")) == (26, 0)
    assert first.changes.tables["PartyOrg"].added == 4
    again = load([ledger], store)
    assert again.changes is not None and again.changes.to_dict()["tables"] == {}
    assert not again.changes.changes
    g = store.graph()
    assert (g.number_of_nodes(), g.number_of_edges()) == (13, 13)


def test_a_deleted_pairing_row_is_removed_with_the_party_orgs_it_created(ledger, store):
    load([ledger], store)
    write_ledger(ledger, edited(pairings=BASE["pairings"][:2]))  # P2 deleted
    report = load([ledger], store)
    assert report.changes is not None
    # P2, and 市规划院党组织 / 赵家楼社区党组织 that only P2 created, with their BELONGS_TO
    assert report.changes.to_dict()["tables"] == {
        "BELONGS_TO": {"added": 0, "changed": 0, "removed": 2},
        "PAIRED_WITH": {"added": 0, "changed": 0, "removed": 1},
        "PartyOrg": {"added": 0, "changed": 0, "removed": 2},
    }
    assert edges(store, "PAIRED_WITH") == {("U1#党组织", "C1#党组织")}
    assert "U2#党组织" not in store.graph()


def test_a_moved_community_has_one_street(ledger, store):
    load([ledger], store)
    communities = [row[:] for row in BASE["communities"]]
    communities[2][2] = "S2"  # 赵家楼社区 moves from S1 to S2
    report = load([write_ledger(ledger, edited(communities=communities))], store)
    assert report.changes is not None
    assert report.changes.tables["PART_OF"].to_dict() == {"added": 1, "changed": 0, "removed": 1}
    assert {v for u, v in edges(store, "PART_OF") if u == "C2"} == {"S2"}
    stats = {s.id: s.communities for s in store.stats().streets}
    assert stats == {"S1": 1, "S2": 2}


def test_a_moved_street_has_one_district_and_the_old_one_counts_none(ledger, store):
    load([ledger], store)
    streets = [row[:] for row in BASE["streets"]]
    streets[2][2] = "D2"  # 月坛街道 moves to 西城区
    load([write_ledger(ledger, edited(streets=streets))], store)
    assert {v for u, v in edges(store, "PART_OF") if u == "S2"} == {"D2"}
    districts = {d.id: (d.streets, d.communities) for d in store.stats().districts}
    assert districts == {"D1": (1, 2), "D2": (1, 1)}


def test_a_changed_pairing_moves_and_a_changed_property_updates(ledger, store):
    load([ledger], store)
    pairings = [row[:] for row in BASE["pairings"]]
    pairings[1][2] = "C3"  # P1: 市测绘院 now pairs with 南礼士路社区 instead of 站东社区
    communities = [row[:] for row in BASE["communities"]]
    communities[1][3] = ""  # 站东社区's population is blanked
    communities[3][3] = "4100"
    store.set_node_props({"C3": {"hub_score": 0.5}})  # analysis write-back is kept
    report = load([write_ledger(ledger, edited(pairings=pairings, communities=communities))], store)
    assert report.changes is not None
    tables = report.changes.to_dict()["tables"]
    assert tables["PAIRED_WITH"] == {"added": 1, "changed": 0, "removed": 1}
    # C1#党组织 is no longer named (removed), C3#党组织 is created
    assert tables["PartyOrg"] == {"added": 1, "changed": 0, "removed": 1}
    assert tables["Community"] == {"added": 0, "changed": 2, "removed": 0}
    assert edges(store, "PAIRED_WITH") == {("U1#党组织", "C3#党组织"), ("U2#党组织", "C2#党组织")}
    g = store.graph()
    assert "population" not in g.nodes["C1"]
    assert (g.nodes["C3"]["population"], g.nodes["C3"]["hub_score"]) == (4100, 0.5)


def test_a_unit_named_by_two_ledgers_stays_while_either_names_it(tmp_path, ledger, store):
    other = write_ledger(
        tmp_path / "other", {"units": [["id", "name", "street"], ["U1", "市测绘院", "S1"]]}
    )
    load([ledger], store)
    load([other], store)
    units = BASE["units"][:1] + BASE["units"][2:]  # U1 leaves the base ledger
    pairings = BASE["pairings"][:1] + BASE["pairings"][2:]  # and so does its pairing
    report = load([write_ledger(ledger, edited(units=units, pairings=pairings))], store)
    assert report.changes is not None
    assert "MemberUnit" not in report.changes.tables  # the other ledger still names U1
    assert "U1" in store.graph()
    # LOCATED_IN U1 -> S1 is named by the other ledger too: it stays
    assert ("U1", "S1") in edges(store, "LOCATED_IN")
    report = load([write_ledger(other, {"units": [["id", "name", "street"]]})], store)
    assert report.changes is not None
    assert report.changes.tables["MemberUnit"].removed == 1
    assert "U1" not in store.graph()


def test_rejected_rows_remove_nothing_but_valid_rows_still_move(ledger, store):
    load([ledger], store)
    communities = [row[:] for row in BASE["communities"]]
    communities[2][2] = "S2"  # 赵家楼社区 moves
    communities[3][2] = "no such street"  # 南礼士路社区's row is now rejected
    units = BASE["units"][:2]  # U2 deleted: kept while rows are rejected
    report = load([write_ledger(ledger, edited(communities=communities, units=units))], store)
    # rejected: 南礼士路社区, and P2 (its unit 市规划院 is no longer in the ledger)
    assert report.rejected == 2 and report.changes is not None
    assert {v for u, v in edges(store, "PART_OF") if u == "C2"} == {"S2"}
    g = store.graph()
    assert "C3" in g and "U2" in g
    assert report.changes.kept > 0
    assert report.changes.count("removed") == 1  # only the moved PART_OF


def test_dry_run_plans_the_same_changes_and_writes_nothing(ledger, store):
    load([ledger], store)
    write_ledger(ledger, edited(pairings=BASE["pairings"][:2]))
    before = store.graph_or_empty()
    dry = load([ledger], store, dry_run=True)
    assert dry.changes is not None and dry.changes.count("removed") == 5
    assert not dry.loaded
    after = store.graph_or_empty()
    assert (after.number_of_nodes(), after.number_of_edges()) == (
        before.number_of_nodes(),
        before.number_of_edges(),
    )
    real = load([ledger], store)
    assert real.changes is not None and real.changes.to_dict() == dry.changes.to_dict()


def test_history_records_each_load(ledger, store):
    load([ledger], store)
    load([ledger], store)
    first, second = store.history()
    assert (first.added, second.added, second.changed, second.removed) == (26, 0, 0, 0)
    assert first.ledger == str(ledger.resolve()) and first.hash == second.hash
    assert len(first.hash) == 64


def test_load_prints_the_changes_dry_run_too_and_history_lists_loads(tmp_path, ledger):
    from click.testing import CliRunner

    from graphmodel.cli import main

    db = str(tmp_path / "g.db")
    run = CliRunner().invoke
    assert run(main, ["load", str(ledger), "--db", db]).exit_code == 0
    write_ledger(ledger, edited(pairings=BASE["pairings"][:2]))
    dry = run(main, ["load", str(ledger), "--db", db, "--dry-run", "--lang", "en"])
    assert dry.exit_code == 0, dry.output
    assert "Changes (dry run: not written)" in dry.output
    assert "store changes: 0 added, 0 changed, 5 removed" in dry.output
    real = run(main, ["load", str(ledger), "--db", db, "--lang", "en"])
    assert "Store changes: 0 added, 0 changed, 5 removed." in real.output
    assert "│ pairing " in real.output and "PAIRED_WITH" not in real.output  # the vocabulary's name
    history = run(main, ["history", "--db", db, "--json"])
    assert [(h["added"], h["removed"]) for h in json.loads(history.output)] == [(26, 0), (0, 5)]
    table = run(main, ["history", "--db", db])
    assert "载入时间" in table.output and "删除" in table.output
    assert "removed" not in table.output and "UTC" not in table.output
    assert "Loaded at" in run(main, ["history", "--db", db, "--lang", "en"]).output
    missing = run(main, ["history", "--db", str(tmp_path / "typo.db")])
    assert missing.exit_code == 1 and "找不到库文件" in missing.output


def _view(store: Store) -> tuple[dict, dict]:
    """A store's graph view as plain dicts (nodes and relationships with their data)."""
    g = store.graph_or_empty()
    return dict(g.nodes(data=True)), {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)}


def _steps(ledger: Path, other: Path) -> list[tuple[str, Path, dict[str, list[list[str]]]]]:
    """The sync cases in sequence: (what, ledger folder, its tables)."""
    moved_c = [row[:] for row in BASE["communities"]]
    moved_c[2][2] = "S2"
    moved_s = [row[:] for row in BASE["streets"]]
    moved_s[2][2] = "D2"
    repaired = [row[:] for row in BASE["pairings"]]
    repaired[1][2] = "C3"
    one_unit = {"units": [["id", "name", "street"], ["U1", "市测绘院", "S1"]]}
    # U2 is re-entered as a social organization under the same id: one node, relabelled, with
    # its pairing P2 and its party organization still attached; its LOCATED_IN (a units column)
    # goes, SERVES C2 comes, and no unit property (sector, level...) stays behind.
    u2_social = edited(
        streets=moved_s,
        pairings=repaired,
        units=BASE["units"][:2],
        social_orgs=[["id", "name", "category", "community"], ["U2", "市规划院", "社区建设", "C2"]],
    )
    return [
        ("first load", ledger, BASE),
        ("other ledger names U1", other, one_unit),
        ("delete a pairing row", ledger, edited(pairings=BASE["pairings"][:2])),
        ("move a community", ledger, edited(pairings=BASE["pairings"][:2], communities=moved_c)),
        ("move a street", ledger, edited(communities=moved_c, streets=moved_s)),
        ("change a unit's pairing", ledger, edited(streets=moved_s, pairings=repaired)),
        ("U2 becomes a social organization", ledger, u2_social),
        ("U1 leaves the base ledger", ledger, edited(units=BASE["units"][::2], pairings=[])),
        ("U1 leaves the other ledger", other, {"units": [["id", "name", "street"]]}),
    ]


def test_both_stores_agree_after_each_sync_case(tmp_path, neo4j_store):
    embedded = EmbeddedStore(tmp_path / "g.db")
    ledger, other = tmp_path / "ledger", tmp_path / "other"
    for what, folder, tables in _steps(ledger, other):
        write_ledger(folder, tables)
        a = load([folder], embedded)
        b = load([folder], neo4j_store)
        assert a.changes is not None and b.changes is not None
        assert a.changes.to_dict() == b.changes.to_dict(), what
        assert _view(embedded) == _view(neo4j_store), what
        # the view keys nodes by id, so a second node under the same id would hide there
        assert embedded.stats() == neo4j_store.stats(), what
    assert "U1" not in embedded.graph()
    # the last base ledger has U2 in its units table again: relabelled back, the social
    # organization's category gone
    assert embedded.graph().nodes["U2"]["label"] == "MemberUnit"
    assert "category" not in embedded.graph().nodes["U2"]
    assert [h.removed for h in neo4j_store.history()] == [h.removed for h in embedded.history()]


def test_a_neo4j_load_that_fails_part_way_leaves_the_previous_state(tmp_path, neo4j_store):
    ledger = write_ledger(tmp_path / "ledger", BASE)
    load([ledger], neo4j_store)
    before = _view(neo4j_store)
    communities = [row[:] for row in BASE["communities"]]
    communities[1][3] = "6000"
    write_ledger(ledger, edited(communities=communities, pairings=BASE["pairings"][:2]))
    plan = load([ledger], neo4j_store, dry_run=True).changes
    assert plan is not None and plan.remove_nodes and plan.upsert_nodes
    # The failure: after the removals and the first updates have run in the transaction, a
    # node whose property is a map, which Neo4j refuses to store.
    plan.upsert_nodes.append(NodeRecord("Community", "C9", {"name": "坏社区", "bad": {"a": 1}}))
    neo4j_store.batch_size = 1
    with pytest.raises(StoreError, match="Neo4j could not load"):
        neo4j_store.apply(plan)
    assert _view(neo4j_store) == before
    assert len(neo4j_store.history()) == 1


def test_an_unchanged_ledger_reloads_without_being_read_again(ledger, store, monkeypatch):
    import graphmodel.load

    first = load([ledger], store)
    real_read = graphmodel.load.read_ledger

    def refuse(paths):
        raise AssertionError("the unchanged ledger was read again")

    monkeypatch.setattr(graphmodel.load, "read_ledger", refuse)
    again = load([ledger], store)
    assert again.loaded and again.changes is not None and not again.changes.tables
    assert (again.nodes, again.relationships) == (first.nodes, first.relationships)
    assert [(t.table, t.read) for t in again.tables] == [(t.table, t.read) for t in first.tables]
    assert len(store.history()) == 2
    # after another write (analysis write-back), the ledger is read and compared again
    store.set_node_props({"C1": {"hub_score": 0.5}})
    with pytest.raises(AssertionError, match="read again"):
        load([ledger], store)
    monkeypatch.setattr(graphmodel.load, "read_ledger", real_read)
    third = load([ledger], store)
    assert third.changes is not None and not third.changes.tables
    # and so it is when the ledger's bytes change, even if its records do not
    (ledger / "districts.csv").write_text("id,name\nD1,东城区\nD2,西城区\n\n", encoding="utf-8")
    monkeypatch.setattr(graphmodel.load, "read_ledger", refuse)
    with pytest.raises(AssertionError, match="read again"):
        load([ledger], store)
