"""Loading ledgers into Neo4j: twice changes nothing, and the graph equals the embedded one."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from graphmodel.cli import main
from graphmodel.load import SEED_LEDGER
from graphmodel.store import EmbeddedStore

DATA = Path(__file__).parent / "data" / "ledgers"


def _view(g):
    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    edges = {(u, v, k): dict(d) for u, v, k, d in g.edges(keys=True, data=True)}
    return nodes, edges


def test_two_ledgers_twice_into_neo4j_match_the_embedded_store(
    tmp_path, neo4j_connection, neo4j_store
):
    """The GBK ledger, then the faults ledger (``test_ledger_validate``). The faults ledger
    names 北京市某委员会 and 北京某集团公司 under ids (U-1, U-2) other than the ones the GBK
    ledger loaded them with: in a store that holds both, every pairing and report naming them
    is ambiguous and rejected, so the only party organizations are the GBK ledger's 3 listed
    and 3 created."""
    # copies, so that the rejects folders land in tmp_path (the second round rejects rows too)
    gbk = shutil.copytree(DATA / "gbk", tmp_path / "gbk")
    faults = shutil.copytree(DATA / "faults", tmp_path / "faults")
    runner = CliRunner(env=neo4j_connection.env())
    db = tmp_path / "g.json"
    for ledger in (gbk, faults):
        result = runner.invoke(main, ["load", str(ledger), "--store", "neo4j"])
        assert "已将" in result.output
        runner.invoke(main, ["load", str(ledger), "--db", str(db)])
    assert "北京市某委员会（驻区单位，库中已有）" in result.output
    first = neo4j_store.stats().to_dict()
    assert first["labels"]["PartyOrg"] == 6
    for ledger in (gbk, faults):
        runner.invoke(main, ["load", str(ledger), "--store", "neo4j"])
    assert neo4j_store.stats().to_dict() == first
    assert _view(neo4j_store.graph()) == _view(EmbeddedStore(db).graph())


def test_the_seed_twice_into_neo4j_leaves_the_same_graph(tmp_path, neo4j_connection, neo4j_store):
    runner = CliRunner(env=neo4j_connection.env())
    first = runner.invoke(main, ["load", "--store", "neo4j"])
    assert first.exit_code == 0, first.output
    counts = neo4j_store.stats().to_dict()
    again = runner.invoke(main, ["load", "--store", "neo4j"])
    assert again.exit_code == 0, again.output
    assert neo4j_store.stats().to_dict() == counts
    embedded = runner.invoke(main, ["load", str(SEED_LEDGER), "--db", str(tmp_path / "g.json")])
    assert embedded.exit_code == 0, embedded.output
    assert _view(neo4j_store.graph()) == _view(EmbeddedStore(tmp_path / "g.json").graph())
