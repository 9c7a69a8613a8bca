"""Every command in both languages: the exit code, and the key words of its answer.

The store is the hand-built street of ``tests/test_gaps.py`` (``jianguomen``); the ledger is a
district and a street written in the test. Each case names the words a reader looks
for in Chinese (the default) and in English (``--lang en``), and checks that the Chinese
answer carries none of the English ones, and the reverse where the words are sentences.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graphmodel.cli import main
from graphmodel.store import EmbeddedStore
from tests.test_gaps import jianguomen

DAY = ["--as-of", "2024-06-30"]

CASES = {
    "stats": (["stats"], 0, ["节点", "关系", "已结对社区数"], ["Nodes", "Relationships"]),
    "pairings": (["pairings", "c4", *DAY], 0, ["的结对共建", "已到期"], ["Pairings of", "ended"]),
    "gaps": (
        ["gaps", *DAY],
        0,
        ["覆盖缺口", "未结对社区", "按规则统计"],
        ["Gaps (", "unpaired community"],
    ),
    "whatif": (
        ["whatif", "--remove", "u4", *DAY],
        0,
        ["假设变化", "移除", "缺口：变化前"],
        ["What-if", "removed"],
    ),
    "recommend": (["recommend", *DAY], 0, ["结对建议", "理由"], ["Pairing proposals", "Reason"]),
    "hubs": (
        ["hubs", *DAY],
        0,
        ["协调枢纽", "枢纽分", "单点故障"],
        ["Coordination hubs", "Hub score"],
    ),
    "reach": (["reach", "u1", *DAY], 0, ["触达", "沿用的联系"], ["Reach", "Ties followed"]),
    "analyze": (
        ["analyze", *DAY],
        0,
        ["分析结果（未写入", "标记缺口的节点数"],
        ["Analysis (not written", "nodes with gaps"],
    ),
    "unknown name": (["pairings", "站东", *DAY], 1, ["错误：找不到"], ["Error: No community"]),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("langs") / "g.db"
    EmbeddedStore(path).write(jianguomen().batch)
    return str(path)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("case", list(CASES))
def test_each_command_speaks_chinese_by_default_and_english_when_asked(db, case):
    args, code, zh_words, en_words = CASES[case]
    zh = run(*args, "--db", db)
    assert zh.exit_code == code, zh.output
    for word in zh_words:
        assert word in zh.output, (case, word)
    en = run(*args, "--db", db, "--lang", "en")
    assert en.exit_code == code, en.output
    for word in en_words:
        assert word in en.output, (case, word)
    for word in zh_words:
        assert word not in en.output, (case, word)
    assert "Traceback" not in zh.output + en.output


def test_load_and_template_speak_both_languages(tmp_path):
    ledger = tmp_path / "ledger"
    ledger.mkdir()
    (ledger / "districts.csv").write_text("id,name\nD-YT,雁塔区\n", encoding="utf-8")
    (ledger / "streets.csv").write_text("序号,名称,所属区\n1,大雁塔街道,雁塔区\n", encoding="utf-8")
    zh = run("load", ledger, "--db", tmp_path / "a.db")
    assert zh.exit_code == 0, zh.output
    assert "已将" in zh.output and "读取" in zh.output
    en = run("load", ledger, "--db", tmp_path / "b.db", "--lang", "en")
    assert en.exit_code == 0, en.output
    assert "Loaded " in en.output and "已将" not in en.output
    zh = run("template", tmp_path / "模板.xlsx")
    assert zh.exit_code == 0 and "空白台账模板" in zh.output
    en = run("template", tmp_path / "template.xlsx", "--lang", "en")
    assert en.exit_code == 0 and "blank ledger template" in en.output


def test_report_speaks_both_languages(db, tmp_path):
    zh = run("report", "--out", tmp_path / "zh", *DAY, "--db", db)
    assert zh.exit_code == 0, zh.output
    assert "党建引领基层治理网络分析报告" in (tmp_path / "zh" / "index.md").read_text("utf-8")
    en = run("report", "--out", tmp_path / "en", *DAY, "--db", db, "--lang", "en")
    assert en.exit_code == 0, en.output
    text = (tmp_path / "en" / "index.md").read_text("utf-8")
    assert "Co-governance network report" in text and "未结对社区" not in text


def test_generate_speaks_both_languages(tmp_path):
    zh = run("generate", tmp_path / "g1", "--scale", "street")
    assert zh.exit_code == 0, zh.output
    assert "合成台账" in zh.output and "待载入" in zh.output
    en = run("generate", tmp_path / "g2", "--scale", "street", "--lang", "en")
    assert en.exit_code == 0, en.output
    assert "Synthetic ledger" in en.output and "relationships to load" in en.output


def _strip_names(text: str, names: set[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return text


def test_needs_and_match_tables_speak_one_language(tmp_path):
    """The needs ledger of tests/test_needs.py: every heading, title and column of ``needs``
    and ``match`` is in the language asked for; in English no Chinese remains once the
    ledger's own names and values (needs, categories, statuses, areas, units) are taken out."""
    from graphmodel.store import EmbeddedStore
    from tests.test_needs import LEDGER

    db = tmp_path / "n.db"
    assert run("load", LEDGER, "--db", db).exit_code == 0
    g = EmbeddedStore(db).graph()
    names = {str(v) for _, d in g.nodes(data=True) for k, v in d.items() if isinstance(v, str)}
    names |= {"党组织"}  # the party organizations created for the ledger's pairings
    for command, zh_words, en_words in (
        ("needs", ["按街道", "谁在办结需求", "办结率", "超时需求"], ["By street", "Who resolves"]),
        (
            "match",
            ["资源对接建议", "无法满足的需求", "提供方"],
            ["Resource proposals", "raised by"],
        ),
    ):
        zh = run(command, "--db", db, "--as-of", "2024-06-30")
        en = run(command, "--db", db, "--as-of", "2024-06-30", "--lang", "en")
        assert zh.exit_code == en.exit_code == 0, zh.output + en.output
        for word in zh_words:
            assert word in zh.output and word not in en.output, (command, word)
        for word in en_words:
            assert word in en.output and word not in zh.output, (command, word)
        rest = _strip_names(en.output, names)
        assert not [ch for ch in rest if "\u4e00" <= ch <= "\u9fff"], (command, rest)
