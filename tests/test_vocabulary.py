"""One vocabulary: every code has a name in both languages, and no other module names it.

The completeness checks list the codes each analysis and schema can produce and fail when one
has no Chinese or no English name. The single-source check reads every module of the package
and fails when a string literal outside ``graphmodel/vocabulary.py`` is a display name of a
rule, place, reason, status, point kind or change kind (a second rendering of the same code),
or one of the names the issue found rendered twice (社区未结对 beside 未结对社区).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel import schema, vocabulary
from graphmodel.analysis.gaps import DETAIL_FIELDS, RULES, find_gaps
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.recommend import ELSEWHERE, SAME_DISTRICT, SAME_STREET
from graphmodel.cli import gaps_cmds, graph_cmds, hubs_cmds, main
from graphmodel.load import load
from graphmodel.store import EmbeddedStore
from graphmodel.vocabulary import LANGS, codes, gap_message, name, resolve_lang, words
from tests.test_gaps import DAY, jianguomen
from tests.test_needs import AS_OF as NEEDS_DAY
from tests.test_needs import LEDGER as NEEDS_LEDGER

PACKAGE = Path(vocabulary.__file__).parent

EXPECTED = {
    "label": [label.name for label in schema.NODE_LABELS],
    "tie": [rel.name for rel in schema.RELATIONSHIPS]
    + ["pairing", "membership", "service", "reporting", "party"],
    "rule": list(RULES),
    "place": [SAME_STREET, SAME_DISTRICT, ELSEWHERE],
    "uncoverable": ["no_candidate", "capacity_taken"],
    "point": ["articulation", "bridge"],
    "status": ["in_force", "ended", "not_started"],
    "change": ["removed", "ended", "new", "resolved", "dropped"],
    "method": ["exact", "sampled"],
    "field": [
        *gaps_cmds.GAP_CSV_FIELDS,
        *gaps_cmds.PROPOSAL_FIELDS,
        *gaps_cmds.UNCOVERABLE_FIELDS,
        *hubs_cmds.POINT_FIELDS,
        *DETAIL_FIELDS,
        *hubs_cmds.HUB_FIELDS,
        *hubs_cmds.REACH_FIELDS,
        *graph_cmds.AREA_FIELDS,
        *graph_cmds.PARTNER_FIELDS,
    ],
}

SINGLE_SOURCE_KINDS = ("rule", "place", "uncoverable", "status", "change", "method")
RETIRED = ("社区未结对", "无人双报到", "孤立子网", "单位各自作战")
"""Names the CLI used before the vocabulary, beside other names in the report."""


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_every_code_has_a_name_in_both_languages(kind):
    for lang in LANGS:
        missing = sorted(set(EXPECTED[kind]) - set(codes(kind, lang)))
        assert not missing, f"{kind} codes without a {lang} name: {missing}"
    assert set(codes(kind, "zh")) == set(codes(kind, "en"))


def test_both_languages_have_the_same_words():
    assert set(words("zh")) == set(words("en"))


def test_no_two_codes_of_a_kind_share_a_name():
    for kind in vocabulary.KINDS:
        if kind in ("field", "tie"):
            continue  # ids are all "编号"; a path kind is named as its relationship type
        for lang in LANGS:
            names = [name(kind, c, lang) for c in codes(kind, lang)]
            assert len(names) == len(set(names)), (kind, lang, names)


def _literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


def test_only_the_vocabulary_names_rules_places_reasons_and_statuses():
    names = {
        name(k, c, lang) for k in SINGLE_SOURCE_KINDS for lang in LANGS for c in codes(k, lang)
    }
    names -= {c for k in SINGLE_SOURCE_KINDS for c in codes(k, "zh")}  # the codes themselves
    names |= set(RETIRED)
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name == "vocabulary.py":
            continue
        twins = {s for s in _literals(path) for n in names if n == s or (n in RETIRED and n in s)}
        if twins:
            found[str(path.relative_to(PACKAGE))] = sorted(twins)
    assert not found, f"display names outside vocabulary.py: {found}"


def _needs_store(tmp_path):
    """The hand-built needs ledger (tests/test_needs.py), which the needs rules fire on."""
    store = EmbeddedStore(tmp_path / "needs.db")
    assert load([NEEDS_LEDGER], store).loaded
    return store


def test_every_gap_of_the_hand_built_ledgers_has_a_message_in_both_languages(tmp_path):
    gaps = find_gaps(jianguomen().graph(tmp_path), Policy(), DAY)
    gaps += find_gaps(_needs_store(tmp_path).graph(), Policy(), NEEDS_DAY)
    assert {g.rule for g in gaps} == set(RULES)
    assert {g.detail.get("reason") for g in gaps if g.rule == "working_alone"} == {
        "no_ties",
        "resources_unused",
    }
    for g in gaps:
        zh, en = (gap_message(g.rule, g.name, g.detail, lang) for lang in LANGS)
        assert g.name in zh and g.name in en
        assert not any(
            "\u4e00" <= ch <= "\u9fff"
            for ch in en.replace(g.name, "")
            .replace(str(g.detail.get("kind", "")), "")
            .replace(str(g.detail.get("unit_name", "")), "")
            .replace(str(g.detail.get("partner_name", "")), "")
            .replace(str(g.detail.get("offerer_name", "")), "")
            .replace("、".join(g.detail.get("named", [])), "")
            .replace(", ".join(g.detail.get("named", [])), "")
        ), en


def test_the_cli_and_the_report_give_a_rule_the_same_name(tmp_path):
    db = tmp_path / "g.json"
    EmbeddedStore(db).write(jianguomen().batch)
    needs_db = _needs_store(tmp_path).path
    for lang in LANGS:
        output = ""
        for store, day in ((db, DAY), (needs_db, NEEDS_DAY)):
            out = CliRunner().invoke(
                main, ["gaps", "--db", str(store), "--as-of", str(day), "--lang", lang]
            )
            assert out.exit_code == 0, out.output
            output += out.output
        for rule in RULES:
            assert name("rule", rule, lang) in output


@pytest.mark.parametrize(
    ("explicit", "env", "lang"),
    [
        (None, {}, "zh"),
        ("en", {}, "en"),
        (None, {"GRAPHMODEL_LANG": "en"}, "en"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LC_ALL": "C.UTF-8"}, "zh"),
        ("zh", {"GRAPHMODEL_LANG": "en", "LANG": "en_US.UTF-8"}, "zh"),
        (None, {"GRAPHMODEL_LANG": "", "LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_the_language_comes_from_the_option_the_variable_then_the_locale(explicit, env, lang):
    assert resolve_lang(explicit, env) == lang


def test_lang_may_stand_anywhere_and_only_zh_or_en(tmp_path):
    db = str(tmp_path / "g.json")
    EmbeddedStore(db).write(jianguomen().batch)
    runner = CliRunner()
    for args in (
        ["--lang", "en", "gaps", "--db", db, "--as-of", str(DAY)],
        ["gaps", "--db", db, "--lang=en", "--as-of", str(DAY)],
    ):
        out = runner.invoke(main, args)
        assert out.exit_code == 0, out.output
        assert "Gaps (2024-06-30" in out.output and "覆盖缺口" not in out.output
    out = runner.invoke(
        main, ["gaps", "--db", db, "--as-of", str(DAY)], env={"GRAPHMODEL_LANG": "en"}
    )
    assert "Gaps (2024-06-30" in out.output
    out = runner.invoke(main, ["gaps", "--db", db, "--as-of", str(DAY)])
    assert "覆盖缺口（2024-06-30" in out.output
    out = runner.invoke(main, ["gaps", "--lang", "fr"])
    assert out.exit_code == 2 and "zh" in out.output and "en" in out.output
