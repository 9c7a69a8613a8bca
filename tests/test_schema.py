"""The Cypher schema files agree with graphmodel/schema.py, and named statements load safely."""

from __future__ import annotations

import re

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
