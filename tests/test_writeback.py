"""Analysis write-back on the real Neo4j: results land on the nodes, a re-run replaces them
(stale flags disappear), and nothing else in the graph changes."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from graphmodel.analysis.policy import Policy
from graphmodel.cli import main
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.writeback import (
    ANALYSIS_PROPS,
    analysis_properties,
    write_analysis,
    write_hub_tiers,
)

BEFORE = dt.date(2023, 6, 1)
AFTER = dt.date(2024, 6, 1)


def _street() -> GraphBatch:
    """One street, its working committee, two communities and two units.

    The street committee leads 甲社区's party committee only. Unit A's branch pairs with 甲社区
    from 2021-01-01 until 2024-01-01 and with 乙社区 from 2021-01-01 with no end. Unit B has
    no tie at all.

    On BEFORE (2023-06-01) the network is 某街道 - 甲社区 - 甲单位 - 乙社区: 甲单位 is an
    articulation point, and without it 乙社区 (whose part holds its own street) is cut off.
    甲社区 is paired, 乙社区 too; 乙单位 works alone.

    On AFTER (2024-06-01) the pairing with 甲社区 has ended: 甲社区 is unpaired, and 甲单位 -
    乙社区 is a part of two actors, so 甲单位 is no longer an articulation point and cuts
    nothing off. 乙单位 still works alone.
    """
    nodes = [
        NodeRecord("District", "d", {"name": "某区", "source": "hand-built"}),
        NodeRecord("Street", "s", {"name": "某街道", "kind": "街道", "source": "hand-built"}),
        NodeRecord("PartyOrg", "s.po", {"name": "某街道党工委", "level": "街道党工委"}),
        NodeRecord("Community", "c1", {"name": "甲社区", "kind": "社区", "population": 5200}),
        NodeRecord("Community", "c2", {"name": "乙社区", "kind": "社区", "generated": True}),
        NodeRecord("PartyOrg", "c1.po", {"name": "甲社区党委", "level": "社区党委"}),
        NodeRecord("PartyOrg", "c2.po", {"name": "乙社区党委", "level": "社区党委"}),
        NodeRecord("MemberUnit", "a", {"name": "甲单位", "sector": "国有企业", "level": "市"}),
        NodeRecord("MemberUnit", "b", {"name": "乙单位", "sector": "非公企业"}),
        NodeRecord("PartyOrg", "a.po", {"name": "甲单位党支部", "level": "单位党支部"}),
        NodeRecord("PartyOrg", "b.po", {"name": "乙单位党支部", "level": "单位党支部"}),
    ]
    edges = [
        EdgeRecord("PART_OF", "s", "d"),
        EdgeRecord("PART_OF", "c1", "s"),
        EdgeRecord("PART_OF", "c2", "s"),
        EdgeRecord("LOCATED_IN", "a", "s"),
        EdgeRecord("LOCATED_IN", "b", "s"),
        *(EdgeRecord("BELONGS_TO", f"{n}.po", n) for n in ("s", "c1", "c2", "a", "b")),
        EdgeRecord("LEADS", "s.po", "c1.po"),
        EdgeRecord(
            "PAIRED_WITH",
            "a.po",
            "c1.po",
            "p1",
            {"kind": "结对共建", "since": "2021-01-01", "until": "2024-01-01"},
        ),
        EdgeRecord(
            "PAIRED_WITH", "a.po", "c2.po", "p2", {"kind": "结对共建", "since": "2021-01-01"}
        ),
    ]
    return GraphBatch(nodes, edges)


def _split(g) -> tuple[dict, dict, dict]:
    """(analysis properties, other properties, relationships) of a graph view."""
    analysis, other = {}, {}
    for n, data in g.nodes(data=True):
        analysis[n] = {k: v for k, v in data.items() if k in ANALYSIS_PROPS}
        other[n] = {k: v for k, v in data.items() if k not in ANALYSIS_PROPS}
    rels = {(u, v, k): dict(d) for u, v, k, d in g.edges(keys=True, data=True)}
    return analysis, other, rels


def test_results_land_on_the_nodes(neo4j_store):
    neo4j_store.write(_street())
    report = write_analysis(neo4j_store, BEFORE, Policy())
    analysis, _, _ = _split(neo4j_store.graph())
    assert analysis["a"]["articulation"] is True
    assert analysis["a"]["cut_off_communities"] == ["乙社区"]
    # The unit's branch is part of the same actor: same figures, same hub_actor.
    assert analysis["a.po"]["hub_score"] == analysis["a"]["hub_score"]
    assert analysis["a.po"]["hub_actor"] == "a" and analysis["a"]["hub_actor"] == "a"
    assert analysis["b"]["gaps"] == ["working_alone"]
    assert "unpaired_community" not in analysis["c1"].get("gaps", [])
    assert analysis["s"]["coverage_communities"] == 2
    assert analysis["s"]["coverage_paired"] == 2
    assert analysis["s"]["coverage_share"] == 1.0
    assert analysis["c1"]["coverage_pairings"] == 1
    assert {v["analysis_date"] for v in analysis.values() if v} == {"2023-06-01"}
    assert report.articulation_points == 2  # 甲单位 and its branch carry the cut-off
    # What landed is exactly what the library computes on the embedded-equivalent view.
    expected = analysis_properties(neo4j_store.graph(), BEFORE, Policy())
    assert {n: v for n, v in analysis.items() if v} == expected


def test_a_rerun_replaces_the_results_and_changes_nothing_else(neo4j_store):
    neo4j_store.write(_street())
    _, other_0, rels_0 = _split(neo4j_store.graph())
    write_analysis(neo4j_store, BEFORE, Policy())
    report = write_analysis(neo4j_store, AFTER, Policy())
    analysis, other_1, rels_1 = _split(neo4j_store.graph())

    # 甲单位 lost its cut-off list (it cuts nothing off any more); 甲社区 gained its flag.
    assert "cut_off_communities" not in analysis["a"]
    assert "cut_off_communities" not in analysis["a.po"]
    assert analysis["a"]["articulation"] is False
    assert "unpaired_community" in analysis["c1"]["gaps"]
    assert analysis["s"]["coverage_paired"] == 1 and analysis["s"]["coverage_share"] == 0.5
    assert {v["analysis_date"] for v in analysis.values() if v} == {"2024-06-01"}
    assert report.nodes_cleared >= 2

    # And back: 甲社区's flag goes again, 甲单位's cut-off list comes back.
    write_analysis(neo4j_store, BEFORE, Policy())
    analysis, other_2, rels_2 = _split(neo4j_store.graph())
    assert "unpaired_community" not in analysis["c1"].get("gaps", [])
    assert analysis["a"]["cut_off_communities"] == ["乙社区"]

    # Nothing but the analysis properties ever changed.
    assert other_0 == other_1 == other_2
    assert rels_0 == rels_1 == rels_2
    stats = neo4j_store.stats()
    assert sum(stats.labels.values()) == 11
    assert sum(stats.relationships.values()) == len(_street().edges)


def test_analyze_write_from_the_cli(neo4j_store, neo4j_connection):
    neo4j_store.write(_street())
    args = ["analyze", "--write", "--store", "neo4j", "--as-of", "2024-06-01", "--json"]
    result = CliRunner().invoke(main, args, env=neo4j_connection.env())
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["as_of"] == "2024-06-01"
    assert summary["nodes_written"] == 11
    analysis, _, _ = _split(neo4j_store.graph())
    assert "unpaired_community" in analysis["c1"]["gaps"]

    shown = CliRunner().invoke(
        main, ["analyze", "--store", "neo4j", "--as-of", "2023-06-01"], env=neo4j_connection.env()
    )
    assert shown.exit_code == 0, shown.output
    # Without --write nothing is stored: the 2024 results stay.
    analysis, _, _ = _split(neo4j_store.graph())
    assert {v["analysis_date"] for v in analysis.values() if v} == {"2024-06-01"}


def test_hub_tiers_label_the_top_actors_and_are_replaced(neo4j_store, neo4j_driver):
    neo4j_store.write(_street())
    report = write_analysis(neo4j_store, BEFORE, Policy(), neo4j_driver)
    # Four actors have ties (乙单位 has none, score 0): all within the top 10.
    assert (report.hub_high, report.hub_mid) == (4, 0)
    analysis, _, _ = _split(neo4j_store.graph())
    ranked = sorted(
        (n for n, v in analysis.items() if v.get("hub_score") and v["hub_actor"] == n),
        key=lambda n: (-analysis[n]["hub_score"], n),
    )
    assert set(ranked) == {"s", "c1", "c2", "a"}

    def tiers() -> dict[str, list[str]]:
        records = neo4j_driver.execute_query(
            "MATCH (n) WHERE n:HubHigh OR n:HubMid "
            "RETURN n.id AS id, [l IN labels(n) WHERE l STARTS WITH 'Hub'] AS tier, labels(n)[0] AS first"
        ).records
        assert all(r["first"] != r["tier"][0] for r in records)  # the schema label stays first
        return {r["id"]: r["tier"] for r in records}

    assert write_hub_tiers(neo4j_driver, high=1, mid=3) == (1, 2)
    assert tiers() == {ranked[0]: ["HubHigh"], ranked[1]: ["HubMid"], ranked[2]: ["HubMid"]}
    assert write_hub_tiers(neo4j_driver, high=0, mid=1) == (0, 1)
    assert tiers() == {ranked[0]: ["HubMid"]}
    # The graph view (labels(n)[0]) and the counts per label do not see the tier labels.
    assert neo4j_store.stats().labels == {
        "District": 1,
        "Street": 1,
        "Community": 2,
        "PartyOrg": 5,
        "MemberUnit": 2,
    }
