"""The Cypher schema files agree with graphmodel/schema.py, and named statements load safely."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from graphmodel import cypher, schema
from graphmodel.cypher import CypherError

CONSTRAINT = re.compile(
    r"CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE"
)
INDEX = re.compile(r"CREATE RANGE INDEX (\w+) IF NOT EXISTS FOR \(n:(\w+)\) ON \(n\.(\w+)\)")


def _parsed(name: str, pattern: re.Pattern[str]) -> list[tuple[str, ...]]:
    found = []
    for text in cypher.statements(name):
        match = pattern.fullmatch(text)
        assert match, f"cypher/{name}.cypher has an unexpected statement: {text}"
        found.append(match.groups())
    return found


def test_every_label_has_its_id_constraint_and_nothing_else():
    found = _parsed("schema/constraints", CONSTRAINT)
    expected = [(schema.constraint_name(label.name), label.name) for label in schema.NODE_LABELS]
    assert sorted(found) == sorted(expected)
    assert len(found) == len(set(found))


def test_every_indexed_property_has_its_range_index_and_nothing_else():
    found = _parsed("schema/indexes", INDEX)
    expected = [
        (schema.index_name(label.name, prop.name), label.name, prop.name)
        for label in schema.NODE_LABELS
        for prop in label.all_props
        if prop.indexed
    ]
    assert expected, "the schema marks at least name as indexed"
    assert sorted(found) == sorted(expected)
    assert len(found) == len(set(found))


def test_constraint_and_index_names_follow_the_schema_helpers():
    assert schema.constraint_name("PartyOrg") == "party_org_id"
    assert schema.index_name("MemberUnit", "name") == "member_unit_name"


def test_a_statement_is_filled_with_plain_identifiers_only():
    text = cypher.statement("load/merge_nodes", label="Community")
    assert "MERGE (n:Community {id: row.id})" in text
    assert "{{" not in text
    with pytest.raises(CypherError, match="not a plain identifier"):
        cypher.statement("load/merge_nodes", label="Community) DETACH DELETE (m")
    with pytest.raises(CypherError, match="takes"):
        cypher.statement("load/merge_nodes")
    with pytest.raises(CypherError, match="takes"):
        cypher.statement("load/merge_nodes", label="Community", type="PART_OF")


def test_statement_names_are_checked_and_missing_ones_reported():
    with pytest.raises(CypherError, match="not a statement name"):
        cypher.statement("../pyproject")
    with pytest.raises(CypherError, match="no Cypher statement"):
        cypher.statement("load/no_such_statement")
    assert "load/merge_relationships" in cypher.names("load")
    assert "schema/constraints" in cypher.names()


def _constants(namespace: type) -> list[str]:
    return [value for key, value in vars(namespace).items() if key.isupper()]


def test_label_and_rel_constants_are_the_schemas_labels_and_types():
    """Each constant names one described label or type, and each described one has its
    constant; they are plain strings (SQLite, the Neo4j driver and JSON take them as they are)."""
    assert sorted(_constants(schema.Label)) == sorted(schema.LABELS)
    assert sorted(_constants(schema.Rel)) == sorted(schema.REL_TYPES)
    assert len(schema.LABELS) == len(schema.NODE_LABELS) == 11
    assert len(schema.REL_TYPES) == len(schema.RELATIONSHIPS) == 18
    for name in (*_constants(schema.Label), *_constants(schema.Rel)):
        assert type(name) is str
    assert schema.Label.MEMBER_UNIT == "MemberUnit" and schema.Rel.PART_OF == "PART_OF"


# Names of labels and types written out in graphmodel/*.py instead of through schema.Label and
# schema.Rel. Docstrings may name them; a line whose comment says "not a label" holds the same
# word as English text (a column header "Street"), not the label.
EXEMPT = "not a label"
PACKAGE = Path(__file__).resolve().parent.parent / "graphmodel"


def _bare_names(source: str) -> list[tuple[int, str]]:
    """(line, text) of each string literal of ``source`` that equals a label or a type."""
    names = set(schema.LABELS) | set(schema.REL_TYPES)
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    exempt = {
        token.start[0]
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT and EXEMPT in token.string
    }
    return sorted(
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and node.value in names
        and id(node) not in docstrings
        and node.lineno not in exempt
    )


def test_the_scan_finds_bare_names_and_spares_docstrings_and_marked_english():
    source = (
        "def f(label):\n"
        '    """Community"""\n'
        '    headers = {"street": "Street"}  # English text, not a label\n'
        '    if label == "Community":\n'
        '        return {"PAIRED_WITH": 1, "type": f"{label}"}\n'
        '    return "Communityx"\n'
    )
    assert _bare_names(source) == [(4, "Community"), (5, "PAIRED_WITH")]


def test_no_bare_label_or_type_strings_in_the_package():
    """graphmodel/schema.py defines the labels and types; the rest of the package names them
    through ``schema.Label`` and ``schema.Rel``."""
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "schema.py"
        for line, text in _bare_names(path.read_text(encoding="utf-8"))
    ]
    assert not found, "use schema.Label / schema.Rel instead of:\n" + "\n".join(found)
