"""``graphmodel export`` and the scopes it shares with ``graphmodel view``: what NetworkX reads
back from the files has the counts the store has."""

from __future__ import annotations

import csv
from collections import Counter

import networkx as nx
import pytest
from click.testing import CliRunner

from graphmodel.analysis.folding import fold_party_orgs
from graphmodel.analysis.scope import scope_graph
from graphmodel.cli import main
from graphmodel.errors import GraphmodelError
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore
from tests.test_store_embedded import small_street


def two_districts() -> GraphBatch:
    """``small_street`` (东城区: 建国门街道, 站东社区 paired with 市测绘院, 赵家楼社区) plus
    西城区 with 月坛街道, whose unit 某研究所 (=HYPERLINK in its name, to check CSV guarding)
    is paired with 赵家楼社区 across the district line, and whose community 月坛社区 is unpaired.
    """
    batch = small_street()
    n, e = NodeRecord, EdgeRecord
    batch.nodes += [
        n("District", "xc", {"name": "西城区"}),
        n("Street", "yt", {"name": "月坛街道", "kind": "街道"}),
        n("Community", "yts", {"name": "月坛社区", "kind": "社区"}),
        n("PartyOrg", "yts#po", {"name": "月坛社区党委", "level": "社区党委"}),
        n("MemberUnit", "u2", {"name": '=HYPERLINK("x")研究所', "level": "市"}),
        n("PartyOrg", "u2#po", {"name": "研究所党支部", "level": "单位党支部"}),
    ]
    batch.edges += [
        e("PART_OF", "yt", "xc"),
        e("PART_OF", "yts", "yt"),
        e("BELONGS_TO", "yts#po", "yts"),
        e("BELONGS_TO", "u2#po", "u2"),
        e("LOCATED_IN", "u2", "yt"),
        e("PAIRED_WITH", "u2#po", "zjl#po", "p9", {"kind": "结对共建", "since": "2022-01-01"}),
    ]
    return batch


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "g.json"
    EmbeddedStore(path).write(two_districts())
    return path


def _counts(g):
    nodes = Counter(d.get("type", d.get("label")) for _, d in g.nodes(data=True))
    edges = Counter(d.get("relationship", d.get("type")) for _, _, d in g.edges(data=True))
    return g.number_of_nodes(), g.number_of_edges(), nodes, edges


def test_graphml_of_the_whole_store_reads_back_with_the_same_counts(db, tmp_path):
    out = tmp_path / "all.graphml"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out, force_multigraph=True)
    g = EmbeddedStore(db).graph()
    assert _counts(back) == _counts(g)
    # 14 nodes, 14 relationships (8 + 6 of small_street, 6 + 6 added).
    assert (back.number_of_nodes(), back.number_of_edges()) == (14, 14)
    assert back.nodes["u1"]["label"] == "市测绘院"
    assert back.nodes["u1"]["type"] == "MemberUnit"


def test_folded_gexf_joins_the_unit_and_the_community(db, tmp_path):
    out = tmp_path / "folded.gexf"
    args = ["export", "--db", str(db), "--format", "gexf", "--fold-party-orgs", "--out", str(out)]
    assert CliRunner().invoke(main, args).exit_code == 0
    back = nx.read_gexf(out)
    assert _counts(back) == _counts(fold_party_orgs(EmbeddedStore(db).graph()))
    # The four party organizations are gone; pairings run unit -> community.
    assert not [n for n, d in back.nodes(data=True) if d["type"] == "PartyOrg"]
    pairs = sorted(
        (u, v) for u, v, d in back.edges(data=True) if d["relationship"] == "PAIRED_WITH"
    )
    assert pairs == [("u1", "zd"), ("u2", "zjl")]


def test_a_district_takes_in_its_partners_across_the_line(db):
    g = EmbeddedStore(db).graph()
    dc = scope_graph(g, district="东城区", fold=True)
    # 东城区 itself, its street, two communities, its unit; 某研究所 from 西城区 comes in as a
    # partner across the edge because it is paired with 赵家楼社区; 月坛社区 does not.
    assert sorted(dc) == ["dc", "jgm", "u1", "u2", "zd", "zjl"]
    assert dc.nodes["u2"]["in_scope"] is False
    assert dc.nodes["zjl"]["in_scope"] is True


def test_around_counts_a_pairing_as_one_hop(db):
    g = EmbeddedStore(db).graph()
    # 赵家楼社区 -> 某研究所 is one hop once folded; nothing else is tied to either.
    assert sorted(scope_graph(g, around="赵家楼社区", hops=1, fold=True)) == ["u2", "zjl"]
    assert sorted(scope_graph(g, around="赵家楼社区", hops=0, fold=True)) == ["u2", "zjl"]
    with pytest.raises(GraphmodelError):
        scope_graph(g, district="东城区", street="月坛街道")


def test_csv_tables_of_a_street_are_guarded_and_count_right(db, tmp_path):
    out = tmp_path / "tables"
    args = ["export", "--db", str(db), "--format", "csv", "--street", "月坛街道", "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    with open(out / "nodes.csv", encoding="utf-8-sig", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(out / "edges.csv", encoding="utf-8-sig", newline="") as f:
        edges = list(csv.DictReader(f))
    expected = scope_graph(EmbeddedStore(db).graph(), street="月坛街道")
    assert len(nodes) == expected.number_of_nodes()
    assert len(edges) == expected.number_of_edges()
    names = {r["id"]: r["label"] for r in nodes}
    assert names["u2"] == '\'=HYPERLINK("x")研究所'  # the formula cannot run in Excel
