"""Hub ranking and single points of failure on hand-built networks whose answers are worked out
in the comments."""

from __future__ import annotations

import datetime as dt
import random

import networkx as nx
import pytest

from graphmodel.analysis import brandes
from graphmodel.analysis.brandes import dependency_sums
from graphmodel.analysis.failure import single_points_of_failure
from graphmodel.analysis.hubs import node_scores, rank_hubs
from graphmodel.analysis.network import actor_graph, cogovernance_graph, street_of
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore

DAY = dt.date(2024, 1, 1)
n = NodeRecord
e = EdgeRecord


def _org(owner: str, name: str, level: str) -> list:
    """A party organization ``owner#po`` and its BELONGS_TO."""
    return [n("PartyOrg", f"{owner}#po", {"name": name, "level": level})], [
        e("BELONGS_TO", f"{owner}#po", owner)
    ]


def _graph(tmp_path, nodes, edges):
    store = EmbeddedStore(tmp_path / "g.json")
    store.write(GraphBatch(nodes, edges))
    return store.graph()


def chain_street() -> tuple[list, list]:
    """万寿路街道 with one unit as the only bridge to two communities.

    Actors (a party organization merged into what it belongs to):

        太平路社区(b) ── 万寿路街道(s) ── 复兴路社区(a)
              │            │                 │
              └──── 航天大学(v) ─────────────┘        (v pairs with a and b)
                           │
                 街道协调委员会(k)  (convened by the street's 党工委)
                           │
                    中科院所(u)  (member of k)
                           │  pairing
                    翠微社区(x)
                           │  served by
                 翠微志愿服务队(so)
                           │  serves
                    羊坊店社区(y)

    The street leads a and b (LEADS), so s-a-v-b-s is a cycle. Everything below s is a chain:
    articulation points s, k, u, x, so; bridges s-k, k-u, u-x, x-so, so-y.
    Removing u leaves {x, so, y} with no unit and not the street: x and y are cut off. Removing
    x cuts off y; removing so cuts off y. Removing s or k leaves every community with a unit
    (v for a and b, u for x and y), so they cut off nobody.
    """
    nodes = [
        n("Street", "s", {"name": "万寿路街道", "kind": "街道"}),
        n("Community", "a", {"name": "复兴路社区", "kind": "社区"}),
        n("Community", "b", {"name": "太平路社区", "kind": "社区"}),
        n("Community", "x", {"name": "翠微社区", "kind": "社区"}),
        n("Community", "y", {"name": "羊坊店社区", "kind": "社区"}),
        n("MemberUnit", "u", {"name": "中科院所", "sector": "科研院所"}),
        n("MemberUnit", "v", {"name": "航天大学", "sector": "高校"}),
        n("SocialOrg", "so", {"name": "翠微志愿服务队", "category": "志愿服务"}),
        n("Committee", "k", {"name": "万寿路街道党建工作协调委员会", "level": "街道"}),
    ]
    edges = [e("PART_OF", c, "s") for c in "abxy"] + [e("LOCATED_IN", unit, "s") for unit in "uv"]
    for owner, name, level in (
        ("s", "万寿路街道党工委", "街道党工委"),
        ("a", "复兴路社区党委", "社区党委"),
        ("b", "太平路社区党委", "社区党委"),
        ("x", "翠微社区党委", "社区党委"),
        ("y", "羊坊店社区党委", "社区党委"),
        ("u", "中科院所党支部", "单位党支部"),
        ("v", "航天大学党委", "单位党委"),
    ):
        more_nodes, more_edges = _org(owner, name, level)
        nodes += more_nodes
        edges += more_edges
    edges += [
        e("LEADS", "s#po", "a#po"),
        e("LEADS", "s#po", "b#po"),
        e("PAIRED_WITH", "v#po", "a#po", "p1", {"since": "2022-01-01"}),
        e("PAIRED_WITH", "v#po", "b#po", "p2", {"since": "2022-01-01"}),
        e("CONVENED_BY", "k", "s#po"),
        e("MEMBER_OF", "u", "k"),
        e("PAIRED_WITH", "u#po", "x#po", "p3", {"since": "2023-03-01"}),
        e("SERVES", "so", "x"),
        e("SERVES", "so", "y"),
    ]
    return nodes, edges


def test_the_only_bridging_unit_is_a_point_of_failure_for_exactly_its_two_communities(tmp_path):
    g = _graph(tmp_path, *chain_street())
    found = single_points_of_failure(g, DAY)
    articulation = {p.ids[0]: p for p in found if p.kind == "articulation"}
    assert set(articulation) == {"s", "k", "u", "x", "so"}
    assert [c.id for c in articulation["u"].cut_off] == ["x", "y"]
    assert [c.name for c in articulation["u"].cut_off] == ["翠微社区", "羊坊店社区"]
    assert articulation["u"].cut_off[0].street_name == "万寿路街道"
    assert [c.id for c in articulation["x"].cut_off] == ["y"]
    assert [c.id for c in articulation["so"].cut_off] == ["y"]
    assert articulation["s"].cut_off == []
    assert articulation["k"].cut_off == []
    # The unit cuts off the most, so it comes first.
    assert (found[0].kind, found[0].ids) == ("articulation", ["u"])

    bridges = {tuple(p.ids): p for p in found if p.kind == "bridge"}
    assert set(bridges) == {("k", "s"), ("k", "u"), ("u", "x"), ("so", "x"), ("so", "y")}
    assert [c.id for c in bridges["u", "x"].cut_off] == ["x", "y"]
    assert bridges["u", "x"].ties == ["PAIRED_WITH"]
    assert bridges["k", "s"].ties == ["CONVENED_BY"]
    assert [c.id for c in bridges["so", "y"].cut_off] == ["y"]
    assert bridges["k", "u"].cut_off == []


def test_an_expired_pairing_makes_the_community_already_cut_off(tmp_path):
    nodes, edges = chain_street()
    # u's pairing with x ended in 2023: on DAY x and y have no outside tie to lose, so no
    # point of failure lists them, and u is a leaf of k (no longer an articulation point).
    edges = [
        ed if ed.key != "p3" else e("PAIRED_WITH", "u#po", "x#po", "p3", {"until": "2023-06-01"})
        for ed in edges
    ]
    found = single_points_of_failure(_graph(tmp_path, nodes, edges), DAY)
    assert all(not p.cut_off for p in found)
    assert "u" not in {p.ids[0] for p in found if p.kind == "articulation"}


def star() -> tuple[list, list]:
    """A committee with five member units, one of which pairs with a community.

    八里庄街道协调委员会(k) has members u1..u4 (八里庄街道) and u5 (学院路街道); u1's branch pairs
    with 八里庄社区(c). The committee covers nothing and has no convener, so it sits in no
    street. Actors: k, u1..u5, c and the two streets (isolated: LOCATED_IN is not a tie), n = 9.

    - degree: k 5, u1 2 (k and c), the others 1.
    - betweenness (normalized by (n-1)(n-2)/2 = 28 pairs): k lies on the paths between any two
      of u1..u5 (10 pairs) and between c and u2..u5 (4): 14/28 = 0.5; u1 lies on the paths
      from c to k and to u2..u5: 5/28.
    - brokerage: k sits in no street, so it is taken to sit where most of its partners do
      (八里庄街道: u1..u4); u5 sits in 学院路街道, so k brokers 1 street. u5 sits in 学院路街道 and
      its partner k in none: 0. Everyone else: 0.
    - hub_score: k (5/5 + 0.5/0.5 + 1/1) / 3 = 1; u1 (2/5 + (5/28)/0.5 + 0) / 3 = 0.2524.
    """
    nodes = [
        n("Street", "s1", {"name": "八里庄街道"}),
        n("Street", "s2", {"name": "学院路街道"}),
        n("Committee", "k", {"name": "八里庄街道协调委员会"}),
        n("Community", "c", {"name": "八里庄社区"}),
        n("PartyOrg", "c#po", {"name": "八里庄社区党委"}),
        n("PartyOrg", "u1#po", {"name": "单位一党支部"}),
    ]
    edges = [
        e("PART_OF", "c", "s1"),
        e("BELONGS_TO", "c#po", "c"),
        e("BELONGS_TO", "u1#po", "u1"),
        e("PAIRED_WITH", "u1#po", "c#po", "p", {"since": "2023-01-01"}),
    ]
    for i in range(1, 6):
        nodes.append(n("MemberUnit", f"u{i}", {"name": f"单位{i}"}))
        edges.append(e("LOCATED_IN", f"u{i}", "s2" if i == 5 else "s1"))
        edges.append(e("MEMBER_OF", f"u{i}", "k"))
    return nodes, edges


def test_the_committee_at_the_centre_of_a_star_is_the_top_hub(tmp_path):
    report = rank_hubs(_graph(tmp_path, *star()), DAY)
    assert (report.actors, report.ties, report.betweenness_method) == (9, 6, "exact")
    assert (report.sample, report.seed) == (None, None)
    k, u1 = report.hubs[0], report.hubs[1]
    assert (k.id, k.rank, k.degree, k.degree_by_kind) == ("k", 1, 5, {"MEMBER_OF": 5})
    assert k.betweenness == pytest.approx(0.5)
    assert (k.brokerage, k.brokered_streets) == (1, ["学院路街道"])
    assert k.hub_score == 1.0
    assert k.articulation
    assert (u1.id, u1.degree, u1.degree_by_kind) == ("u1", 2, {"MEMBER_OF": 1, "PAIRED_WITH": 1})
    assert u1.betweenness == pytest.approx(5 / 28, abs=1e-6)
    assert u1.hub_score == pytest.approx(0.2524)
    assert u1.street_name == "八里庄街道"


def test_a_unit_and_its_party_branch_are_ranked_once(tmp_path):
    report = rank_hubs(_graph(tmp_path, *star()), DAY, top=None)
    ids = [h.id for h in report.hubs]
    assert "u1#po" not in ids and "c#po" not in ids
    assert len(ids) == 9
    u1 = next(h for h in report.hubs if h.id == "u1")
    assert (u1.orgs, u1.org_names) == (["u1#po"], ["单位一党支部"])


def test_top_and_labels_limit_the_rows_not_the_figures(tmp_path):
    g = _graph(tmp_path, *star())
    units = rank_hubs(g, DAY, top=2, labels=("MemberUnit",))
    # u1 is first on score; u2..u5 all have degree 1, betweenness 0 and brokerage 0, so the
    # id decides among them. The committee, first overall, is not a chosen label.
    assert [h.id for h in units.hubs] == ["u1", "u2"]
    assert [h.rank for h in units.hubs] == [1, 2]
    assert units.hubs[0].hub_score == pytest.approx(0.2524)


def test_node_scores_give_every_node_of_an_actor_the_actors_figures(tmp_path):
    scores = node_scores(_graph(tmp_path, *star()), DAY)
    assert scores["u1"] == scores["u1#po"]
    assert scores["u1"]["degree"] == 2
    assert scores["u1"]["articulation"]  # c hangs on u1
    assert scores["k"] == {"hub_score": 1.0, "betweenness": 0.5, "degree": 5, "articulation": True}
    assert not scores["u2"]["articulation"]
    assert scores["s2"]["degree"] == 0


def generated(seed: int) -> tuple[list, list]:
    """A mid-sized network: 4 streets x (12 communities, 25 units, 4 social orgs, 1 committee),
    each unit's branch paired with 1-2 communities (one in another street 1 time in 10), each
    social org serving 3 communities of its street, 8 units per committee."""
    rng = random.Random(seed)
    nodes, edges = [], []
    for s in range(4):
        nodes.append(n("Street", f"s{s}", {"name": f"街道{s}"}))
        nodes.append(n("Committee", f"k{s}", {"name": f"协调委员会{s}"}))
        for c in range(12):
            cid = f"s{s}c{c}"
            nodes += [n("Community", cid, {"name": cid}), n("PartyOrg", f"{cid}#po", {})]
            edges += [e("PART_OF", cid, f"s{s}"), e("BELONGS_TO", f"{cid}#po", cid)]
        for o in range(4):
            oid = f"s{s}o{o}"
            nodes.append(n("SocialOrg", oid, {"name": oid}))
            for c in rng.sample(range(12), 3):
                edges.append(e("SERVES", oid, f"s{s}c{c}"))
    for s in range(4):
        for u in range(25):
            uid = f"s{s}u{u}"
            nodes += [n("MemberUnit", uid, {"name": uid}), n("PartyOrg", f"{uid}#po", {})]
            edges += [e("LOCATED_IN", uid, f"s{s}"), e("BELONGS_TO", f"{uid}#po", uid)]
            for p in range(rng.choice((1, 2))):
                street = rng.randrange(4) if rng.random() < 0.1 else s
                community = f"s{street}c{rng.randrange(12)}#po"
                edges.append(e("PAIRED_WITH", f"{uid}#po", community, str(p)))
            if u < 8:
                edges.append(e("MEMBER_OF", uid, f"k{s}"))
    return nodes, edges


def test_sampled_betweenness_agrees_with_exact_on_a_mid_sized_network(tmp_path):
    g = _graph(tmp_path, *generated(seed=7))
    exact = rank_hubs(g, DAY, top=None)
    sampled = rank_hubs(g, DAY, top=None, exact_limit=100, sample=150, seed=3)
    assert exact.actors == 4 * (1 + 1 + 12 + 4 + 25) == 172
    assert (exact.betweenness_method, sampled.betweenness_method) == ("exact", "sampled")
    assert (sampled.sample, sampled.seed) == (150, 3)
    b_exact = {h.id: h.betweenness for h in exact.hubs}
    b_sampled = {h.id: h.betweenness for h in sampled.hubs}
    assert max(abs(b_exact[a] - b_sampled[a]) for a in b_exact) < 0.02
    top_exact = sorted(b_exact, key=lambda a: -b_exact[a])[:5]
    top_sampled = sorted(b_sampled, key=lambda a: -b_sampled[a])[:5]
    assert len(set(top_exact) & set(top_sampled)) >= 4
    # Same seed, same sample: the figures repeat exactly.
    again = rank_hubs(g, DAY, top=None, exact_limit=100, sample=150, seed=3)
    assert [h.to_dict() for h in again.hubs] == [h.to_dict() for h in sampled.hubs]


def test_each_large_part_is_sampled_on_its_own(tmp_path):
    # Two disjoint copies of the mid-sized network: in each, 164 of its 172 actors form one
    # connected part (the others have no working tie), above the exact limit, and each part
    # gets its own 150 sources, so both estimates are as close to exact as one part's
    # (normalized over the 344 actors, the figures are about a quarter of one part's).
    nodes, edges = generated(seed=7)
    twin = [n(x.label, f"b.{x.id}", x.props) for x in nodes]
    twin_edges = [e(x.type, f"b.{x.start}", f"b.{x.end}", x.key) for x in edges]
    g = _graph(tmp_path, nodes + twin, edges + twin_edges)
    exact = rank_hubs(g, DAY, top=None)
    sampled = rank_hubs(g, DAY, top=None, exact_limit=100, sample=150, seed=3)
    assert (exact.actors, sampled.betweenness_method, sampled.sample) == (344, "sampled", 150)
    assert sampled.sampled_actors == 2 * 164
    b_exact = {h.id: h.betweenness for h in exact.hubs}
    b_sampled = {h.id: h.betweenness for h in sampled.hubs}
    assert max(abs(b_exact[a] - b_sampled[a]) for a in b_exact) < 0.002  # 75 each: 0.0048
    for twin_part in (False, True):
        ids = [a for a in b_exact if a.startswith("b.") == twin_part]
        top_exact = sorted(ids, key=lambda a: -b_exact[a])[:5]
        top_sampled = sorted(ids, key=lambda a: -b_sampled[a])[:5]
        assert len(set(top_exact) & set(top_sampled)) >= 4


def test_part_by_part_betweenness_equals_networkx_on_the_whole_network(tmp_path):
    # Shortest paths never leave a connected part, so adding up the parts and normalizing by
    # the whole network's (n - 1)(n - 2) / 2 pairs must give networkx's figure.
    g = _graph(tmp_path, *generated(seed=11))
    whole = nx.betweenness_centrality(actor_graph(g, DAY), normalized=True)
    ranked = rank_hubs(g, DAY, top=None)
    assert ranked.betweenness_method == "exact"
    for hub in ranked.hubs:
        assert hub.betweenness == pytest.approx(whole[hub.id], abs=1e-6)


def test_the_actor_graph_is_the_network_with_each_branch_merged_into_its_owner(tmp_path):
    # Contracting every BELONGS_TO of the co-governance network by hand gives the actor graph.
    g = _graph(tmp_path, *star())
    net = cogovernance_graph(g, DAY)
    for org, owner in (("u1#po", "u1"), ("c#po", "c")):
        assert net.edges[org, owner]["types"] == {"BELONGS_TO"}
        net = nx.contracted_nodes(net, owner, org, self_loops=False)
    actors = actor_graph(g, DAY)
    assert set(actors.nodes) == set(net.nodes)
    assert {frozenset(e) for e in actors.edges} == {frozenset(e) for e in net.edges}
    assert actors.edges["u1", "c"]["types"] == {"PAIRED_WITH"}
    assert actors.nodes["u1"]["orgs"] == ["u1#po"]


def sparse(seed: int) -> tuple[list, list]:
    """3 streets of 10 communities each with few units, so that many communities hang on a
    single actor: the street's 党工委 leads 5 of them, 6 social orgs serve 2 communities each
    (one in 6 in the next street), 3 units pair with one community each."""
    rng = random.Random(seed)
    nodes, edges = [], []
    for s in range(3):
        nodes += [n("Street", f"s{s}", {"name": f"街道{s}"}), n("PartyOrg", f"s{s}#po", {})]
        edges.append(e("BELONGS_TO", f"s{s}#po", f"s{s}"))
        for c in range(10):
            cid = f"s{s}c{c}"
            nodes += [n("Community", cid, {"name": cid}), n("PartyOrg", f"{cid}#po", {})]
            edges += [e("PART_OF", cid, f"s{s}"), e("BELONGS_TO", f"{cid}#po", cid)]
            if c < 5:
                edges.append(e("LEADS", f"s{s}#po", f"{cid}#po"))
        for o in range(6):
            oid = f"s{s}o{o}"
            nodes.append(n("SocialOrg", oid, {"name": oid}))
            for c in rng.sample(range(10), 2):
                street = (s + 1) % 3 if rng.random() < 1 / 6 else s
                edges.append(e("SERVES", oid, f"s{street}c{c}"))
        for u in range(3):
            uid = f"s{s}u{u}"
            nodes += [n("MemberUnit", uid, {"name": uid}), n("PartyOrg", f"{uid}#po", {})]
            edges += [e("LOCATED_IN", uid, f"s{s}"), e("BELONGS_TO", f"{uid}#po", uid)]
            edges.append(e("PAIRED_WITH", f"{uid}#po", f"s{s}c{rng.randrange(10)}#po", "p"))
    return nodes, edges


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_points_of_failure_agree_with_removing_each_one_by_brute_force(tmp_path, seed):
    g = _graph(tmp_path, *sparse(seed))
    net = actor_graph(g, DAY)
    label = dict(net.nodes(data="label"))
    home = {a: street_of(g, a) for a in net if label[a] == "Community"}

    def outside(h: nx.Graph) -> set[str]:
        """The communities of ``h`` whose part holds their street or a unit."""
        tied = set()
        for part in nx.connected_components(h):
            has_unit = any(label[a] == "MemberUnit" for a in part)
            tied |= {c for c in part if c in home and (has_unit or home[c] in part)}
        return tied

    before = outside(net)
    expected = {}
    for a in nx.articulation_points(net):
        h = net.copy()
        h.remove_node(a)
        expected["articulation", (a,)] = sorted(before - {a} - outside(h))
    for u, v in nx.bridges(net):
        h = net.copy()
        h.remove_edge(u, v)
        expected["bridge", tuple(sorted((u, v)))] = sorted(before - outside(h))
    found = {
        (p.kind, tuple(p.ids)): [c.id for c in p.cut_off] for p in single_points_of_failure(g, DAY)
    }
    assert found == expected
    assert any(found.values())  # the network is sparse enough for some to cut off communities


def test_linearly_scaled_dependencies_from_every_source_add_up_to_half_the_exact_ones(tmp_path):
    # Linear scaling splits each pair's path between its two ends (d(s,v)/d(s,t) from s,
    # d(t,v)/d(t,s) from t: together 1), so from every source it gives half of Brandes' sums;
    # the sampled estimate multiplies by 2 x (actors / sample) and stays unbiased.
    net = actor_graph(_graph(tmp_path, *generated(seed=5)), DAY)
    adjacency = nx.to_scipy_sparse_array(net, weight=None, format="csr", dtype=float)
    everyone = range(net.number_of_nodes())
    exact = dependency_sums(adjacency, everyone)
    scaled = dependency_sums(adjacency, everyone, scaled=True)
    assert max(exact) > 0
    assert list(scaled) == pytest.approx([x / 2 for x in exact])


def test_sources_searched_in_batches_give_the_sums_of_one_batch(tmp_path, monkeypatch):
    # Small batches (a few cells each) must add up to what one batch of every source gives,
    # and networkx's unnormalized undirected betweenness is half the sum from every source.
    net = actor_graph(_graph(tmp_path, *generated(seed=5)), DAY)
    nodes = list(net)
    adjacency = nx.to_scipy_sparse_array(net, nodelist=nodes, weight=None, format="csr")
    whole = dependency_sums(adjacency, range(len(nodes)))
    monkeypatch.setattr(brandes, "BATCH_CELLS", 3 * len(nodes))
    batched = dependency_sums(adjacency, range(len(nodes)))
    assert list(batched) == pytest.approx(list(whole))
    reference = nx.betweenness_centrality(net, normalized=False)
    assert [x / 2 for x in whole] == pytest.approx([reference[a] for a in nodes])


def paper_and_delivery() -> tuple[list, list]:
    """One street: 纸面单位(paper) paired with four communities, 实干单位(deliver) with two,
    both members of the committee k; only the second delivers (as of 2024-06-30, a 365-day
    period from 2023-07-01). Party organizations are paired, and merged into their owners.

        c1 c2 c3 c4          c5 c6
          \\ | | /            \\ /
           paper ──── k ──── deliver

    Work recorded:
    - deliver runs project pr1 in c5 and pr2 in c6 (in progress), and resolved c5's need n1
      (claimed by its party branch, closed 2024-03-01): delivered deliver-c5 = 2, deliver-c6 = 1.
    - paper claimed c1's need n2, still 办理中 (work, not delivered); runs pr3 in c2, but it is
      in the project bank (储备: not work); resolved c3's need n3, closed 2022-01-01 (before the
      period). So nothing is delivered across any of paper's four pairings.

    By existence (10 actors, the street among them, untied: filing under it is no tie; pairs of
    others normalize by 9 x 8 / 2 = 36; one street, so brokerage is 0 for all): degree paper 5, deliver 3, k 2; betweenness (pairs through)
    paper: c1..c4 among themselves 6 + c1..c4 with {k, deliver, c5, c6} 16 = 22/36, deliver:
    c5-c6 1 + {c5, c6} with the six others 12 = 13/36, k: {paper, c1..c4} x {deliver, c5, c6}
    = 15/36. hub_score = (degree/5 + betweenness/(22/36)) / 3: paper (1 + 1)/3 = 0.6667,
    deliver (0.6 + 13/22)/3 = 0.3970, k (0.4 + 15/22)/3 = 0.3606.

    By delivery the four pairings of paper go; left: paper-k, k-deliver (weight 1 each, no
    community end), deliver-c5 (2), deliver-c6 (1). Strength: deliver 1 + 2 + 1 = 4, k 2,
    c5 2, paper 1, c6 1. Betweenness: deliver {paper, k} x {c5, c6} 4 + c5-c6 1 = 5/36, k
    paper x {deliver, c5, c6} = 3/36. hub_score = (strength/4 + betweenness/(5/36)) / 3:
    deliver (1 + 1)/3 = 0.6667, k (0.5 + 0.6)/3 = 0.3667, c5 0.5/3 = 0.1667, c6 and paper
    0.25/3 = 0.0833 (equal degree 1, so by id: c6 first), c1..c4 0.
    """
    nodes = [
        n("Street", "s", {"name": "万寿路街道", "kind": "街道"}),
        n("MemberUnit", "paper", {"name": "纸面单位", "sector": "国有企业"}),
        n("MemberUnit", "deliver", {"name": "实干单位", "sector": "国有企业"}),
        n("Committee", "k", {"name": "万寿路街道党建工作协调委员会", "level": "街道"}),
    ]
    nodes += [n("Community", f"c{i}", {"name": f"第{i}社区", "kind": "社区"}) for i in range(1, 7)]
    edges = [e("PART_OF", f"c{i}", "s") for i in range(1, 7)]
    edges += [e("LOCATED_IN", u, "s") for u in ("paper", "deliver")]
    edges += [e("MEMBER_OF", u, "k") for u in ("paper", "deliver")]
    for owner in ("paper", "deliver", *(f"c{i}" for i in range(1, 7))):
        more_nodes, more_edges = _org(owner, f"{owner}党支部", "党支部")
        nodes += more_nodes
        edges += more_edges
    pairs = [("paper", f"c{i}") for i in range(1, 5)] + [("deliver", "c5"), ("deliver", "c6")]
    edges += [
        e("PAIRED_WITH", f"{u}#po", f"{c}#po", f"p-{u}-{c}", {"since": "2021-01-01"})
        for u, c in pairs
    ]
    nodes += [
        n("Project", "pr1", {"name": "助老食堂", "kind": "服务项目", "since": "2024-01-01"}),
        n("Project", "pr2", {"name": "四点半课堂", "kind": "党建项目", "since": "2023-09-01"}),
        n("Project", "pr3", {"name": "楼道美化", "kind": "服务项目", "status": "储备"}),
        n(
            "Need",
            "n1",
            {
                "category": "养老助餐",
                "status": "已办结",
                "raised": "2024-01-10",
                "closed": "2024-03-01",
            },
        ),
        n("Need", "n2", {"category": "环境整治", "status": "办理中", "raised": "2024-05-01"}),
        n(
            "Need",
            "n3",
            {
                "category": "物业管理",
                "status": "已办结",
                "raised": "2021-10-01",
                "closed": "2022-01-01",
            },
        ),
    ]
    edges += [
        e("RUN_BY", "pr1", "deliver"),
        e("TAKES_PLACE_IN", "pr1", "c5"),
        e("RUN_BY", "pr2", "deliver#po"),
        e("TAKES_PLACE_IN", "pr2", "c6"),
        e("RUN_BY", "pr3", "paper"),
        e("TAKES_PLACE_IN", "pr3", "c2"),
        e("RAISED_BY", "n1", "c5"),
        e("CLAIMED_BY", "n1", "deliver#po"),
        e("RAISED_BY", "n2", "c1"),
        e("CLAIMED_BY", "n2", "paper"),
        e("RAISED_BY", "n3", "c3#po"),
        e("CLAIMED_BY", "n3", "paper"),
    ]
    return nodes, edges


def test_pairings_on_paper_rank_a_unit_by_existence_but_not_by_delivery(tmp_path):
    g = _graph(tmp_path, *paper_and_delivery())
    day = dt.date(2024, 6, 30)
    existence = rank_hubs(g, day, top=None)
    assert existence.weigh == "existence" and existence.period_days is None
    scores = {h.id: (h.hub_score, h.degree, h.delivered) for h in existence.hubs}
    assert [h.id for h in existence.hubs[:3]] == ["paper", "deliver", "k"]
    assert scores["paper"] == (0.6667, 5, None)
    assert scores["deliver"] == (0.397, 3, None)
    assert scores["k"] == (0.3606, 2, None)
    assert existence.hubs[0].betweenness == pytest.approx(22 / 36, rel=1e-5)

    delivered = rank_hubs(g, day, top=None, weigh="delivered", period_days=365)
    assert (delivered.weigh, delivered.period_days, delivered.ties) == ("delivered", 365, 4)
    ranked = [h.id for h in delivered.hubs]
    assert ranked[:5] == ["deliver", "k", "c5", "c6", "paper"]
    hubs = {h.id: h for h in delivered.hubs}
    assert (hubs["deliver"].hub_score, hubs["deliver"].degree, hubs["deliver"].delivered) == (
        0.6667,
        3,
        3,
    )
    assert hubs["deliver"].betweenness == pytest.approx(5 / 36, rel=1e-5)
    assert (hubs["k"].hub_score, hubs["k"].delivered) == (0.3667, 0)
    assert (hubs["c5"].hub_score, hubs["c5"].delivered) == (0.1667, 2)
    assert (hubs["paper"].hub_score, hubs["paper"].degree, hubs["paper"].delivered) == (
        0.0833,
        1,
        0,
    )
    assert ranked.index("paper") > ranked.index("deliver")
    assert {hubs[f"c{i}"].hub_score for i in range(1, 5)} == {0.0}


def test_delivery_is_counted_in_the_period_only(tmp_path):
    # A year later (2025-06-30, period from 2024-06-30) pr1 and pr2 are still undated at their
    # end, so still work; n1 was closed 2024-03-01, before the period: deliver-c5 drops to 1.
    g = _graph(tmp_path, *paper_and_delivery())
    later = rank_hubs(g, dt.date(2025, 6, 30), top=None, weigh="delivered", period_days=365)
    hubs = {h.id: h for h in later.hubs}
    assert (hubs["deliver"].delivered, hubs["c5"].delivered, hubs["c6"].delivered) == (2, 1, 1)
    with pytest.raises(ValueError, match="weigh"):
        rank_hubs(g, DAY, weigh="weight")
