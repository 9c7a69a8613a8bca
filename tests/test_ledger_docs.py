"""docs/ledger-format.md: its examples form one ledger that loads cleanly, and it names every
table and column."""

from __future__ import annotations

import re
from pathlib import Path

from graphmodel.ledger import read_ledger, validate
from graphmodel.ledger.tables import TABLES

DOC = Path(__file__).resolve().parent.parent / "docs" / "ledger-format.md"


def _examples() -> dict[str, str]:
    """The code block under each ``### table`` heading."""
    text = DOC.read_text(encoding="utf-8")
    found = re.findall(r"^### (\w+) .*?^```\n(.*?)^```", text, flags=re.S | re.M)
    return dict(found)


def test_the_examples_are_one_ledger_that_loads_without_a_problem(tmp_path):
    examples = _examples()
    assert set(examples) == {t.name for t in TABLES}
    for table, body in examples.items():
        (tmp_path / f"{table}.csv").write_text(body, encoding="utf-8")
    result = validate(read_ledger([tmp_path]))
    assert result.problems == []
    assert {name: c.read for name, c in result.counts.items()} == {
        "districts": 1,
        "streets": 1,
        "communities": 2,
        "grids": 1,
        "party_orgs": 2,
        "units": 2,
        "social_orgs": 2,
        "committees": 1,
        "memberships": 1,
        "pairings": 2,
        "reports": 1,
        "resources": 2,
        "needs": 2,
        "projects": 1,
    }
    # 北京市某委员会 and 北京某集团公司 get a party organization; 站东社区 pairs through PO-ZD
    pairings = {e.key: (e.start, e.end) for e in result.batch.edges if e.type == "PAIRED_WITH"}
    assert pairings == {
        "JD-1": ("MemberUnit:北京市某委员会#党组织", "PO-ZD"),
        "JD-2": ("MemberUnit:北京某集团公司#党组织", "PO-ZD"),
    }


def test_every_table_and_column_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for table in TABLES:
        assert f"### {table.name} (" in text
        section = text.split(f"### {table.name} (")[1].split("###")[0]
        for column in table.columns:
            if column.name not in ("source", "generated", "note"):
                assert f"| {column.name} |" in section or f"| **{column.name}** |" in section, (
                    table.name,
                    column.name,
                )
