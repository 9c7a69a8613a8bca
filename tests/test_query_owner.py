"""The query library says what the library says where the owner of a party organization is
disputed: every query with a library counterpart (``tests/query_agreement.py``) is run on the
real Neo4j and compared with the library on the embedded store, both holding the ledger below.

The ledger is ``test_owner.disputed()`` (曲江街道 with 西影路社区 c1 and 雁塔路社区 c2; c1#po owned
by c1, u2#po by u2; joint#po a 联合党支部 of u1 and c2, owned by neither; d#po the 区委, owned by
nothing; p1 u2#po -> joint#po, p2 c1#po -> d#po) and more, every unit LOCATED_IN the street:

- 曲江池社区 c3 with c3#po; 市三院 u3; twin#po, a 联合党支部 of the two units u1 and u3 (owned by
  neither); s#po, the 曲江街道党工委, owned by the street; d#po LEADS s#po LEADS c1#po and c3#po.
- Pairings: p3 twin#po -> c3#po (2022-01-01 .. 2024-12-31); p4 c3#po -> s#po, written community
  first (2022-06-01 .. 2024-09-01); p5 c1#po -> c3#po, two communities (from 2022-01-01).
- 曲江街道大工委 k covers the street, is convened by s#po, and has twin#po as member (from 2022).
- Needs: n1 raised by c2 (养老, 待认领, 2023-03-01); n2 raised by c3#po (教育, claimed by u2#po);
  n3 raised by c1 (养老, 待认领, 2023-02-01). Resources (from 2023): r1 养老 offered by u2,
  r2 养老 offered by d#po, r4 教育 offered by twin#po. Project j1 run by s#po in c3 (2024).

Worked out on 2024-06-30 (owners: c1#po c1, c3#po c3, u2#po u2, s#po s; joint#po, twin#po and
d#po none):

- c2 owns no party organization: unpaired (party_orgs 0), though joint#po pairs (p1).
- u1 and u3 own none either: both work alone, though joint#po pairs and twin#po is a member.
- expiring before 2025: p3 (unit side none, community side c3) and p4 (unit side the street,
  community side c3: the community-owned end is the community side whatever the ledger's order).
- dormant with a 365-day period: p2 (区委 - c1, needs n3), p3 (twin#po - c3, needs n2) and p5
  (c1 - c3); not p4 (j1 is the street's work in c3), not p1 (its community side is joint#po).
- 曲江池社区's chain: d#po (-2, belongs to nothing), s#po (-1, 曲江街道), c3#po (0, 曲江池社区).
- need_resource_paths: n2 -> r4 (paired through p3, committee through k), n3 -> r2 (paired
  through p2: d#po offers it itself); n1 none (c2 owns no organization; k's member twin#po
  offers nothing for 养老), match proposes r1 for it by street instead.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
import pytest
from neo4j import Driver, GraphDatabase

from graphmodel import graphview, queries
from graphmodel.connection import Connection
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore
from graphmodel.store.neo4j import Neo4jStore
from tests.query_agreement import AGREEMENT
from tests.test_owner import disputed

AS_OF = "2024-06-30"


def ledger() -> GraphBatch:
    n, e = NodeRecord, EdgeRecord
    base = disputed()
    nodes = [
        n("Community", "c3", {"name": "曲江池社区", "kind": "社区"}),
        n("MemberUnit", "u3", {"name": "市三院"}),
        n("PartyOrg", "c3#po", {"name": "曲江池社区党委"}),
        n("PartyOrg", "twin#po", {"name": "一院三院联合党支部"}),
        n("PartyOrg", "s#po", {"name": "曲江街道党工委", "level": "街道党工委"}),
        n("Committee", "k", {"name": "曲江街道大工委"}),
        n(
            "Need",
            "n1",
            {"name": "老年餐桌", "category": "养老", "status": "待认领", "raised": "2023-03-01"},
        ),
        n("Need", "n2", {"name": "课后托管", "category": "教育", "raised": "2023-05-01"}),
        n(
            "Need",
            "n3",
            {"name": "助浴服务", "category": "养老", "status": "待认领", "raised": "2023-02-01"},
        ),
        n("Resource", "r1", {"name": "护理志愿队", "category": "养老", "since": "2023-01-01"}),
        n("Resource", "r2", {"name": "区老年活动中心", "category": "养老", "since": "2023-01-01"}),
        n("Resource", "r4", {"name": "医院教室", "category": "教育", "since": "2023-01-01"}),
        n("Project", "j1", {"name": "曲江池议事厅", "status": "实施中", "since": "2024-01-01"}),
    ]
    edges = [
        e("PART_OF", "c3", "s"),
        *(e("LOCATED_IN", u, "s") for u in ("u1", "u2", "u3")),
        e("BELONGS_TO", "c3#po", "c3"),
        e("BELONGS_TO", "twin#po", "u1"),
        e("BELONGS_TO", "twin#po", "u3"),
        e("BELONGS_TO", "s#po", "s"),
        e("LEADS", "d#po", "s#po"),
        e("LEADS", "s#po", "c1#po"),
        e("LEADS", "s#po", "c3#po"),
        e("PAIRED_WITH", "twin#po", "c3#po", "p3", {"since": "2022-01-01", "until": "2024-12-31"}),
        e("PAIRED_WITH", "c3#po", "s#po", "p4", {"since": "2022-06-01", "until": "2024-09-01"}),
        e("PAIRED_WITH", "c1#po", "c3#po", "p5", {"since": "2022-01-01"}),
        e("COVERS", "k", "s"),
        e("CONVENED_BY", "k", "s#po"),
        e("MEMBER_OF", "twin#po", "k", "", {"since": "2022-01-01"}),
        e("RAISED_BY", "n1", "c2"),
        e("RAISED_BY", "n2", "c3#po"),
        e("CLAIMED_BY", "n2", "u2#po"),
        e("RAISED_BY", "n3", "c1"),
        e("OFFERED_BY", "r1", "u2"),
        e("OFFERED_BY", "r2", "d#po"),
        e("OFFERED_BY", "r4", "twin#po"),
        e("RUN_BY", "j1", "s#po"),
        e("TAKES_PLACE_IN", "j1", "c3"),
    ]
    return GraphBatch(base.nodes + nodes, base.edges + edges)


REFS = ("u2#po", "c1#po", "市一院", "曲江池社区", "twin#po", "s#po")
CASES = [
    *(("partners", {"ref": ref}) for ref in REFS),
    *(("partners_graph", {"ref": ref}) for ref in REFS),
    ("community_profile", {"names": ["c1", "c2", "曲江池社区"]}),
    ("unpaired_communities", {}),
    ("unpaired_communities", {"as_of": "2022-03-01"}),
    ("working_alone", {}),
    ("working_alone", {"as_of": "2021-01-01"}),
    ("dormant_pairings", {"period_days": 365}),
    ("dormant_pairings", {"period_days": 800}),
    ("open_needs", {}),
    *(
        ("reach_within_hops", {"ref": ref, "hops": hops})
        for ref in ("市二院", "c1", "twin#po", "曲江街道大工委", "s#po")
        for hops in (1, 3)
    ),
    ("unit_community_pairings", {"street": "曲江街道"}),
    ("expiring_pairings", {"before": "2025-01-01"}),
    *(("party_chain", {"ref": c}) for c in ("c1", "c2", "c3")),
    ("need_resource_paths", {}),
]


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    store = EmbeddedStore(tmp_path_factory.mktemp("owner") / "graph.db")
    store.write(ledger())
    graph = store.graph()
    store.close()
    return graph


@pytest.fixture(scope="module")
def driver(neo4j_connection) -> Iterator[Driver]:
    """A driver on a database holding ``ledger()`` only (written once for the module)."""
    c = neo4j_connection
    store = Neo4jStore.connect(Connection(c.uri, c.user, c.password))
    try:
        store.clear()
        store.write(ledger())
    finally:
        store.close()
    with GraphDatabase.driver(c.uri, auth=(c.user, c.password or "")) as d:
        yield d


def values(name: str, params: dict) -> dict:
    """The query's example parameters, ``AS_OF`` for its date, then ``params``."""
    found = queries.find_query(name).example_params()
    if "as_of" in found:
        found["as_of"] = AS_OF
    return {**found, **params}


def run(driver: Driver, name: str, params: dict) -> list[dict]:
    return queries.run_query(driver, queries.find_query(name), values(name, params)).rows


def test_every_owner_in_the_library_is_written_with_the_owner_labels():
    # Cypher has no includes: a query that follows BELONGS_TO names the owner's labels as
    # graphview.OWNER_LABELS does (docs/browser.md shows the two idioms), and takes no
    # BELONGS_TO target as the owner without counting them (head(collect(...))).
    owner = ":" + "|".join(graphview.OWNER_LABELS) + ")"
    for query in queries.library():
        if "BELONGS_TO" in query.text:
            assert owner in query.text, query.name
            assert "head(collect(" not in query.text.lower(), query.name


def test_every_query_with_a_counterpart_is_checked_here():
    assert {name for name, _ in CASES} == set(AGREEMENT)


@pytest.mark.parametrize(("name", "params"), CASES, ids=lambda x: x if isinstance(x, str) else "")
def test_the_query_agrees_with_the_library(driver, view, name, params):
    got, expected = AGREEMENT[name](run(driver, name, params), view, values(name, params))
    assert got == expected


def test_the_disputed_cases_are_the_worked_out_ones(driver):
    unpaired = {r["community_id"]: r["party_orgs"] for r in run(driver, "unpaired_communities", {})}
    assert unpaired == {"c2": 0}
    assert {r["unit_id"] for r in run(driver, "working_alone", {})} == {"u1", "u3"}
    expiring = run(driver, "expiring_pairings", {"before": "2025-01-01"})
    assert [(r["unit_side"], r["community_side"]) for r in expiring] == [
        ("曲江街道", "曲江池社区"),
        ("", "曲江池社区"),
    ]
    dormant = run(driver, "dormant_pairings", {"period_days": 365})
    assert sorted((r["unit_org"], r["community"]) for r in dormant) == [
        ("c1#po", "曲江池社区"),
        ("d#po", "西影路社区"),
        ("twin#po", "曲江池社区"),
    ]
    chain = run(driver, "party_chain", {"ref": "c3"})
    assert [(r["depth"], r["id"], r["belongs_to"]) for r in chain] == [
        (-2, "d#po", ""),
        (-1, "s#po", "曲江街道"),
        (0, "c3#po", "曲江池社区"),
    ]
    assert run(driver, "party_chain", {"ref": "c2"}) == []
    # n1 (c2) reaches nothing through the network: c2 owns no organization to pair. n2 (raised
    # by c3#po) reaches twin#po's r4 through p3 and through k (covering the street); n3 (c1)
    # reaches r2, offered by the 区委 itself, through p2.
    paths = run(driver, "need_resource_paths", {})
    assert sorted((p["path"]["nodes"][0]["id"], p["path"]["nodes"][-1]["id"]) for p in paths) == [
        ("n2", "r4"),
        ("n2", "r4"),
        ("n3", "r2"),
    ]
