"""Answers that explain themselves: an empty store, a reach of nothing, pairings on a date.

Stores: an empty one (the blank template loaded: the file exists, nothing is in it), and the
hand-built street of ``tests/test_gaps.py`` (``jianguomen``), whose answers are worked out
there. In it, 万寿路-like facts are rebuilt on purpose: the street ``jgm`` has no tie that
``reach`` follows by default to a community, and its working committee leads them.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graphmodel.cli import main
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.store import EmbeddedStore
from tests.test_gaps import jianguomen


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


@pytest.fixture
def empty_db(tmp_path):
    path = tmp_path / "empty.db"
    EmbeddedStore(path).write(GraphBatch([], []))
    return str(path)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "g.db"
    EmbeddedStore(path).write(jianguomen().batch)
    return str(path)


EMPTY_COMMANDS = [
    ["stats"],
    ["gaps"],
    ["hubs"],
    ["recommend"],
    ["whatif", "--remove", "x"],
    ["reach", "x"],
    ["pairings", "x"],
    ["report", "--out", "r"],
]


@pytest.mark.parametrize("command", EMPTY_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", "库中还没有数据。请先载入台账"), ("en", "The store is empty. Load a ledger")],
)
def test_an_analysis_of_an_empty_store_says_so_and_fails(empty_db, command, lang, words, tmp_path):
    result = run(*command, "--db", empty_db, "--lang", lang)
    assert result.exit_code == 1, result.output
    assert words in result.output
    assert "graphmodel load" in result.output


def test_a_reach_of_nothing_says_which_ties_it_followed_and_why(db):
    # 建国门街道 (jgm): its party working committee convenes a committee, nothing it pairs with
    result = run("reach", "建国门街道", "--db", db, "--as-of", "2024-06-30", "--hops", "1")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "在 1 跳内未触达任何社区" in out
    assert "沿用的联系：结对共建、委员会成员、社会组织服务、双报到。" in out


def test_a_reach_explains_ties_not_followed_and_the_option_that_follows_them(tmp_path):
    # A street whose working committee leads one community's party organization: reach by
    # default follows no LEADS, so it reaches nothing and says to add lead.
    path = tmp_path / "s.db"
    EmbeddedStore(path).write(
        GraphBatch(
            [
                NodeRecord("Street", "s", {"name": "万寿路街道"}),
                NodeRecord("PartyOrg", "s.po", {"name": "万寿路街道党工委", "level": "街道党工委"}),
                NodeRecord("Community", "c", {"name": "甲社区"}),
                NodeRecord("PartyOrg", "c.po", {"name": "甲社区党委", "level": "社区党委"}),
            ],
            [
                EdgeRecord("PART_OF", "c", "s"),
                EdgeRecord("BELONGS_TO", "s.po", "s"),
                EdgeRecord("BELONGS_TO", "c.po", "c"),
                EdgeRecord("LEADS", "s.po", "c.po"),
            ],
        )
    )
    result = run("reach", "万寿路街道", "--db", path)
    assert "未触达任何社区" in result.output
    assert "沿这些联系，它与任何社区都不相连。" in result.output
    assert (
        "领导 1" in result.output
        and "--via pairing,membership,service,report,lead" in result.output
    )
    result = run("reach", "万寿路街道", "--db", path, "--via", "lead", "--lang", "en")
    assert "reaches 1 communities within 2 hops" in result.output
    assert "Ties followed: party leadership." in result.output
    result = run("reach", "万寿路街道", "--db", path, "--via", "nope")
    assert result.exit_code == 1 and "--via 只接受 pairing" in result.output


def test_pairings_say_which_are_in_force_ended_or_not_started(db):
    # 苏州胡同社区 (c4) had one pairing, with u3, 2021-01-01 to 2024-01-01.
    for day, status, en in (
        ("2020年12月31日", "未开始", "not yet started"),
        ("2023/6/30", "在期", "in force"),
        ("2024-06-30", "已到期", "ended"),
    ):
        result = run("pairings", "c4", "--db", db, "--as-of", day)
        assert result.exit_code == 0, result.output
        assert status in result.output
        result = run("pairings", "c4", "--db", db, "--as-of", day, "--lang", "en")
        assert en in result.output


def test_every_date_option_takes_the_ledger_formats(db):
    for day in ("2024-06-30", "2024/6/30", "2024年6月30日", "2024.6.30"):
        result = run("gaps", "--db", db, "--as-of", day, "--json")
        assert result.exit_code == 0, result.output
        assert '"as_of": "2024-06-30"' in result.output
    result = run("gaps", "--db", db, "--as-of", "昨天")
    assert result.exit_code == 2 and "2023年5月1日" in result.output


def test_the_command_line_knows_the_reach_ties_the_analysis_knows():
    from graphmodel.analysis import reach
    from graphmodel.cli import hubs_cmds

    assert tuple(reach.VIA) == hubs_cmds.VIA_KINDS
    assert hubs_cmds.DEFAULT_VIA == reach.DEFAULT_VIA
