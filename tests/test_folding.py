"""Folding party organizations into their owners (``analysis.folding``), on a hand-built graph."""

from __future__ import annotations

import networkx as nx

from graphmodel.analysis.folding import fold_party_orgs


def _street() -> nx.MultiDiGraph:
    """建国门街道 with two communities, a unit with two branches, a committee and a 联合党支部.

    - 市测绘院 (u1) has two party branches, u1#a and u1#b; u1#a pairs with 站东社区's party
      committee (written community -> unit in this ledger, since 2021), u1#b with 赵家楼社区's
      (2019-2022, ended).
    - u1#a reports (双报到) to 站东社区 and is a member of the committee cm, which the street's
      working committee convenes; the street's committee LEADS both community committees.
    - j#po is a 联合党支部 of u1 and u2: it belongs to two units, so it stays a node, and its
      pairing with 站东社区 ends at the community after folding.
    """
    g = nx.MultiDiGraph()
    nodes = {
        "jgm": ("Street", "建国门街道"),
        "jgm#po": ("PartyOrg", "建国门街道党工委"),
        "zd": ("Community", "站东社区"),
        "zd#po": ("PartyOrg", "站东社区党委"),
        "zjl": ("Community", "赵家楼社区"),
        "zjl#po": ("PartyOrg", "赵家楼社区党委"),
        "u1": ("MemberUnit", "市测绘院"),
        "u1#a": ("PartyOrg", "市测绘院第一党支部"),
        "u1#b": ("PartyOrg", "市测绘院第二党支部"),
        "u2": ("MemberUnit", "某公司"),
        "j#po": ("PartyOrg", "联合党支部"),
        "cm": ("Committee", "建国门街道大工委"),
    }
    for n, (label, name) in nodes.items():
        g.add_node(n, label=label, name=name)
    for org, owner in [
        ("jgm#po", "jgm"),
        ("zd#po", "zd"),
        ("zjl#po", "zjl"),
        ("u1#a", "u1"),
        ("u1#b", "u1"),
        ("j#po", "u1"),
        ("j#po", "u2"),
    ]:
        g.add_edge(org, owner, key="BELONGS_TO|", type="BELONGS_TO")
    g.add_edge("zd", "jgm", key="PART_OF|", type="PART_OF")
    g.add_edge("zd#po", "u1#a", key="PAIRED_WITH|p1", type="PAIRED_WITH", since="2021-03-01")
    g.add_edge(
        "u1#b",
        "zjl#po",
        key="PAIRED_WITH|p2",
        type="PAIRED_WITH",
        since="2019-01-01",
        until="2022-01-01",
    )
    g.add_edge("j#po", "zd#po", key="PAIRED_WITH|p3", type="PAIRED_WITH", since="2020-01-01")
    g.add_edge("u1#a", "zd", key="REPORTS_TO|", type="REPORTS_TO", members=12)
    g.add_edge("u1#a", "cm", key="MEMBER_OF|", type="MEMBER_OF", role="成员")
    g.add_edge("cm", "jgm#po", key="CONVENED_BY|", type="CONVENED_BY")
    g.add_edge("jgm#po", "zd#po", key="LEADS|", type="LEADS")
    g.add_edge("jgm#po", "zjl#po", key="LEADS|", type="LEADS")
    return g


def test_party_orgs_with_one_owner_disappear_into_it():
    folded = fold_party_orgs(_street())
    # Five party organizations have one owner each; the 联合党支部 belongs to two units.
    assert sorted(folded.nodes) == ["cm", "j#po", "jgm", "u1", "u2", "zd", "zjl"]
    assert folded.nodes["u1"]["party_orgs"] == ["u1#a", "u1#b"]
    assert folded.nodes["u1"]["party_org_names"] == ["市测绘院第一党支部", "市测绘院第二党支部"]
    assert folded.nodes["zd"]["name"] == "站东社区"
    assert "party_orgs" not in folded.nodes["cm"]


def test_pairings_become_unit_to_community_ties_with_their_dates():
    folded = fold_party_orgs(_street())
    pairings = sorted(
        (u, v, d.get("since"), d.get("until"), d.get("start_org"), d.get("end_org"))
        for u, v, d in folded.edges(data=True)
        if d["type"] == "PAIRED_WITH"
    )
    assert pairings == [
        # The 联合党支部 stays itself at the start; the end folds into 站东社区.
        ("j#po", "zd", "2020-01-01", None, None, "zd#po"),
        # Written community -> unit in the ledger; turned round to unit -> community.
        ("u1", "zd", "2021-03-01", None, "u1#a", "zd#po"),
        ("u1", "zjl", "2019-01-01", "2022-01-01", "u1#b", "zjl#po"),
    ]


def test_other_ties_move_to_the_owners_and_belonging_disappears():
    folded = fold_party_orgs(_street())
    ties = sorted((u, v, d["type"]) for u, v, d in folded.edges(data=True))
    assert ties == [
        ("cm", "jgm", "CONVENED_BY"),
        # The 联合党支部's two BELONGS_TO stay: it was not folded.
        ("j#po", "u1", "BELONGS_TO"),
        ("j#po", "u2", "BELONGS_TO"),
        ("j#po", "zd", "PAIRED_WITH"),
        ("jgm", "zd", "LEADS"),
        ("jgm", "zjl", "LEADS"),
        ("u1", "cm", "MEMBER_OF"),
        ("u1", "zd", "PAIRED_WITH"),
        ("u1", "zd", "REPORTS_TO"),
        ("u1", "zjl", "PAIRED_WITH"),
        ("zd", "jgm", "PART_OF"),
    ]
    assert folded.edges["u1", "zd", "REPORTS_TO|"]["members"] == 12


def test_two_branches_pairing_with_one_community_under_one_key_stay_two_pairings():
    g = _street()
    g.add_edge("u1#b", "zd#po", key="PAIRED_WITH|p1", type="PAIRED_WITH", since="2022-05-01")
    folded = fold_party_orgs(g)
    keys = sorted(k for _, _, k in folded.edges("u1", keys=True) if k.startswith("PAIRED_WITH"))
    assert keys == ["PAIRED_WITH|p1", "PAIRED_WITH|p1@u1#b", "PAIRED_WITH|p2"]


def test_the_graph_view_is_left_as_it_was():
    g = _street()
    before = (sorted(g.nodes), sorted(g.edges(keys=True)))
    fold_party_orgs(g)
    assert (sorted(g.nodes), sorted(g.edges(keys=True))) == before
