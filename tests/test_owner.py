"""The owner of a party organization has one definition, ``graphview.party_owners``; every
place that asks (partners, area figures, the analyses' ``Ties``, the actor graph) agrees with
it, in the embedded store and in Neo4j.

The hand-built graph is one where the four definitions the project used to have disagreed:

- 曲江街道 (s) in 雁塔区 (d), with 西影路社区 (c1) and 雁塔路社区 (c2); units 市一院 (u1) and
  市二院 (u2).
- c1#po belongs to c1 and u2#po to u2: owned (c1 and u2).
- joint#po, a 联合党支部, belongs to u1 **and** to c2: owned by neither (the old partners took
  the first ``BELONGS_TO``, the old area figures took c2, ``Ties`` took c2, the sorted first).
- d#po, the 区委, belongs to the district: no owner (the old partners and ``Ties`` said d).
- Pairings: u2#po -> joint#po (p1) and c1#po -> d#po (p2).

Worked out: owners {c1#po: c1, u2#po: u2}. 曲江街道: 2 communities, 1 paired (c1 through p2;
c2 is not, its only organization being a joint one), 1 pairing (p2, counted at its start's
community c1 since d#po is owned by no community; p1 has no community at either end). The
partners of u2#po: joint#po with no owner; of c1#po: d#po with no owner.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graphmodel import graphview
from graphmodel.analysis import network
from graphmodel.analysis.ties import Ties
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore

OWNERS = {"c1#po": "c1", "u2#po": "u2"}


def disputed() -> GraphBatch:
    n, e = NodeRecord, EdgeRecord
    return GraphBatch(
        nodes=[
            n("District", "d", {"name": "雁塔区"}),
            n("Street", "s", {"name": "曲江街道", "kind": "街道"}),
            n("Community", "c1", {"name": "西影路社区", "kind": "社区"}),
            n("Community", "c2", {"name": "雁塔路社区", "kind": "社区"}),
            n("MemberUnit", "u1", {"name": "市一院"}),
            n("MemberUnit", "u2", {"name": "市二院"}),
            n("PartyOrg", "c1#po", {"name": "西影路社区党委"}),
            n("PartyOrg", "u2#po", {"name": "市二院党委"}),
            n("PartyOrg", "joint#po", {"name": "联合党支部"}),
            n("PartyOrg", "d#po", {"name": "区委"}),
        ],
        edges=[
            e("PART_OF", "s", "d"),
            e("PART_OF", "c1", "s"),
            e("PART_OF", "c2", "s"),
            e("BELONGS_TO", "c1#po", "c1"),
            e("BELONGS_TO", "u2#po", "u2"),
            e("BELONGS_TO", "joint#po", "u1"),
            e("BELONGS_TO", "joint#po", "c2"),
            e("BELONGS_TO", "d#po", "d"),
            e("PAIRED_WITH", "u2#po", "joint#po", "p1", {"since": "2023-01-01"}),
            e("PAIRED_WITH", "c1#po", "d#po", "p2", {"since": "2023-01-01"}),
        ],
    )


def answers(store):
    """What a store says about the owners: street figures and both organizations' partners."""
    street = store.stats().streets[0]
    figures = (street.communities, street.paired_communities, street.pairings)
    partners = {
        ref: [(p.partner_id, p.owner_id, p.owner_label) for p in store.partners(ref)]
        for ref in ("u2#po", "c1#po")
    }
    return figures, partners


EXPECTED = ((2, 1, 1), {"u2#po": [("joint#po", "", "")], "c1#po": [("d#po", "", "")]})


@pytest.fixture
def embedded(tmp_path):
    store = EmbeddedStore(tmp_path / "owner.db")
    store.write(disputed())
    yield store
    store.close()


def test_every_definition_of_the_owner_is_party_owners(embedded):
    g = embedded.graph()
    assert graphview.party_owners(g) == OWNERS
    assert network.party_owners is graphview.party_owners
    ties = Ties.of(g, dt.date(2024, 1, 1))
    assert ties.owner == OWNERS
    assert ties.orgs == {"c1": ["c1#po"], "u2": ["u2#po"]}
    actors = network.actor_graph(g, dt.date(2024, 1, 1))
    assert actors.nodes["c1"]["orgs"] == ["c1#po"]
    assert "joint#po" in actors and "d#po" in actors


def test_the_embedded_store_answers_with_the_one_owner(embedded):
    assert answers(embedded) == EXPECTED


def test_neo4j_answers_with_the_same_owner(neo4j_store):
    neo4j_store.write(disputed())
    assert answers(neo4j_store) == EXPECTED
