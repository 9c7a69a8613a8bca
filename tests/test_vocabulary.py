"""One vocabulary: every code has a name in both languages, and no other module names it.

The completeness checks list the codes each analysis and schema can produce and fail when one
has no Chinese or no English name. The single-source check reads every module of the package
and fails when a string literal outside ``graphmodel/vocabulary.py`` is a display name of a
rule, place, reason, status, point kind or change kind (a second rendering of the same code),
or one of the names the issue found rendered twice (社区未结对 beside 未结对社区).
"""

from __future__ import annotations

import ast
import re
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


# --- Errors, warnings and status lines ---------------------------------------------------------
#
# Every error and warning the package raises is a code and parameters (graphmodel.errors); its
# sentence is a template of the vocabulary. The raise sites are found by reading the source:
# every call of an error or warning class (and every ``super().__init__`` of one), and every
# ``status_text`` call.


def _error_classes() -> dict[str, type]:
    """Every GraphmodelError and GraphmodelWarning class of the package, by name."""
    import importlib
    import pkgutil

    import graphmodel
    from graphmodel.errors import GraphmodelError, GraphmodelWarning

    for info in pkgutil.walk_packages(graphmodel.__path__, "graphmodel."):
        if ".seed" not in info.name:
            importlib.import_module(info.name)
    found: dict[str, type] = {}
    todo: list[type] = [GraphmodelError, GraphmodelWarning]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found


ERROR_CLASSES = _error_classes()


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Call) and getattr(func.value.func, "id", "") == "super":
            return "super"
        return func.attr
    return getattr(func, "id", "")


def _sites() -> tuple[list[tuple[str, ast.Call, str]], list[tuple[str, ast.Call]]]:
    """(where, call, class name) of every construction of an error or warning class, and
    (where, call) of every ``status_text`` call, in the package's source."""
    errors, status = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "seed" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]:
            bases = [getattr(b, "id", getattr(b, "attr", "")) for b in cls.bases]
            if any(b in ERROR_CLASSES for b in bases):
                for call in ast.walk(cls):
                    if isinstance(call, ast.Call) and _call_name(call) == "super":
                        errors.append((f"{path.name}:{call.lineno}", call, cls.name))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = _call_name(call)
            where = f"{path.relative_to(PACKAGE)}:{call.lineno}"
            if name in ERROR_CLASSES:
                errors.append((where, call, name))
            elif name == "status_text":
                status.append((where, call))
    return errors, status


ERROR_SITES, STATUS_SITES = _sites()


def _placeholders(template: str) -> set[str]:
    import string

    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _code_and_keywords(call: ast.Call) -> tuple[str | None, set[str] | None]:
    """The literal code a call passes, and its keyword names (None when it spreads ``**``)."""
    code = None
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        code = call.args[0].value
    if any(k.arg is None for k in call.keywords):
        return code, None
    return code, {k.arg for k in call.keywords if k.arg}


def test_the_raise_sites_are_found():
    # The reader can fail: these are raised today.
    codes_found = {_code_and_keywords(call)[0] for _, call, _ in ERROR_SITES}
    assert {"policy_unreadable", "query_unknown", "neo4j_unreachable", "missing_store"} <= (
        codes_found
    )
    assert len(ERROR_SITES) > 120 and len(STATUS_SITES) > 10


def test_every_error_is_a_code_with_a_template_in_both_languages():
    """Every construction of an error or warning whose class takes a code passes a literal
    code that has a Chinese and an English template, whose placeholders are exactly the
    keywords the site passes; the classes with constructors of their own (``MissingStore``,
    ``NotFound`` ...) pass theirs through ``super().__init__``, checked the same way."""
    from graphmodel.errors import Coded

    templates = vocabulary.error_codes()
    bases = (Coded.__init__,)
    problems = []
    for where, call, cls_name in ERROR_SITES:
        code, keywords = _code_and_keywords(call)
        takes_code = cls_name == "super" or ERROR_CLASSES[cls_name].__init__ in bases
        if cls_name != "super" and not takes_code:
            continue  # a class with a constructor of its own, e.g. MissingStore(path)
        if code is None:
            problems.append(f"{where}: no literal code")
        elif code not in templates:
            problems.append(f"{where}: {code} has no template")
        else:
            zh, en = templates[code]
            if keywords is not None and not _placeholders(zh) == _placeholders(en) == keywords:
                problems.append(f"{where}: {code} passes {sorted(keywords)}")
    assert problems == []


def test_every_status_line_has_a_template_in_both_languages():
    templates = vocabulary.status_codes()
    problems = []
    for where, call in STATUS_SITES:
        code, keywords = _code_and_keywords(call)
        if code is None or code not in templates:
            problems.append(f"{where}: {code}")
            continue
        zh, en = templates[code]
        if keywords is not None and not _placeholders(zh) == _placeholders(en) == keywords:
            problems.append(f"{where}: {code} passes {sorted(keywords)}")
    assert problems == []


def test_both_languages_of_a_template_have_the_same_placeholders_and_every_template_is_used():
    used = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name != "vocabulary.py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            used |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    for templates in (vocabulary.error_codes(), vocabulary.status_codes()):
        for code, (zh, en) in templates.items():
            assert _placeholders(zh) == _placeholders(en), code
            assert code == "os_error" or code in used, f"{code} is never raised"
            assert zh != en and any(ord(c) > 0x2E7F for c in zh), code


def test_an_error_is_worded_in_each_language_and_str_is_english():
    from graphmodel.analysis.policy import PolicyError
    from graphmodel.errors import NotFound

    e = PolicyError("policy_maximum", where="p.toml", key="k", maximum=100, value=1000)
    assert str(e) == vocabulary.error_text(e, "en")
    assert str(e) == "p.toml: 'k' must be at most 100, got 1000."
    assert vocabulary.error_text(e, "zh") == "p.toml：「k」最大为 100，而不是 1000。"
    near = NotFound.name("站东", ("Community", "Street"), ["站东社区", "站东街道"])
    assert (near.code, near.ref, near.suggestions) == (
        "not_found_suggest",
        "站东",
        ["站东社区", "站东街道"],
    )
    assert "社区/街道" in vocabulary.error_text(near, "zh")
    assert "站东社区、站东街道" in vocabulary.error_text(near, "zh")
    assert "Community/Street" in str(near) or "community/street" in str(near)


def _problem_calls() -> set[tuple[str, str]]:
    """Every (code, detail) a ledger problem is made with in the package: the literal first
    arguments of ``BadValue(...)`` and ``item.problem(...)``, and the code and ``detail=`` of
    ``Problem(...)``."""
    found = set()
    for path in (PACKAGE / "ledger").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            if called in ("BadValue", "problem") and args and isinstance(args[0], str):
                detail = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
                found.add((args[0], detail))
            elif called == "Problem" and args and isinstance(args[0], str):
                keywords = {k.arg: k.value for k in node.keywords}
                detail = keywords.get("detail", ast.Constant(""))
                if isinstance(detail, ast.Constant):  # else a variable: checked by the tests
                    found.add((args[0], detail.value))
    return found


def test_every_ledger_problem_has_a_term_and_a_message_in_both_languages():
    from graphmodel.ledger.problems import ERRORS, WARNINGS
    from graphmodel.vocabulary import problem_keys

    for lang in LANGS:
        assert set(codes("problem", lang)) == set(ERRORS + WARNINGS), lang
    assert set(problem_keys("zh")) == set(problem_keys("en"))
    keys = set(problem_keys("zh"))
    for code in ERRORS + WARNINGS:
        assert any(k == code or k.startswith(code + ".") for k in keys), code
    made = _problem_calls()
    assert len(made) > 20, made  # the scan finds the calls
    missing = {(c, d) for c, d in made if (f"{c}.{d}" if d else c) not in keys}
    assert not missing, f"problems made with no message: {missing}"


def _word_tables():
    """Every table of fixed words and templates, by name: ``{lang: {key: text}}``."""
    from graphmodel.vocabulary import (
        needs_words,
        problem_keys,
        problem_words,
        report_words,
        sentence_words,
        template_words,
    )

    return {
        "words": {lang: words(lang) for lang in LANGS},
        "report": {lang: report_words(lang) for lang in LANGS},
        "sentences": {lang: sentence_words(lang) for lang in LANGS},
        "needs": {lang: needs_words(lang) for lang in LANGS},
        "template": {lang: template_words(lang) for lang in LANGS},
        "problem words": {lang: problem_words(lang) for lang in LANGS},
        "problems": {
            lang: {
                key: vocabulary._PROBLEM_MESSAGES[lang][key]  # the templates themselves
                for key in problem_keys(lang)
            }
            for lang in LANGS
        },
        "names": {
            lang: {f"{k}.{c}": name(k, c, lang) for k in vocabulary.KINDS for c in codes(k, lang)}
            for lang in LANGS
        },
    }


EXAMPLES = ("2023年5月1日", "是/否", "台账.xlsx", "序号")
"""Chinese an English text may quote: the forms a ledger cell, header or command takes."""
ALLOWED = {"Excel", "JSON", "true", "false", "HubHigh", "HubMid", "Neo4j", "UTC", "Browser"}
"""English a Chinese text may hold besides commands, options, file names and codes."""


@pytest.mark.parametrize(
    "table",
    ["words", "template", "report", "sentences", "needs", "problem words", "problems", "names"],
)
def test_each_language_speaks_only_itself(table):
    tables = _word_tables()
    for lang in LANGS:
        assert set(tables[table][lang]) == set(tables[table]["en"]), (table, lang)
    for key, text in tables[table]["en"].items():
        if table == "names" and key.startswith("field."):
            continue  # field codes "zh" and "en" name the Chinese and English purposes
        rest = text
        for example in EXAMPLES:
            rest = rest.replace(example, "")
        assert not [ch for ch in rest if "\u4e00" <= ch <= "\u9fff"], (table, key, text)
    for key, text in tables[table]["zh"].items():
        rest = re.sub(r"\{[^}]*\}", "", text)  # placeholders
        rest = re.sub(r"graphmodel[^，。；）]*", "", rest)  # a command line to run
        rest = re.sub(r"--[\w-]+|[\w./-]+\.(?:md|json|xlsx|db)|<[^>]*>", "", rest)
        english = set(re.findall(r"[A-Za-z][A-Za-z0-9]{2,}", rest)) - ALLOWED
        assert not english, (table, key, text, english)
