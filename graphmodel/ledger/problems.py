"""What can be wrong with a ledger, said where the user will look for it.

A ``Problem`` names the file, the sheet (for a workbook), the row as a spreadsheet shows it
(the header is row 1), the column as its header is written in the file, the value, and what is
wrong as data: its ``code`` (kind ``problem`` of the vocabulary: a short term such as 重复编号),
a ``detail`` saying which message of that code applies, and the message's ``params`` (the
accepted choices, the name referred to, the near matches ``suggest.closest`` found, the rows
it clashes with...). ``vocabulary`` renders it in Chinese or English (``text``, ``reason``).

Errors reject their row; warnings (unknown tables and columns) reject nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphmodel.ledger.tables import header_name, sheet_name, table_for
from graphmodel.vocabulary import (
    DEFAULT_LANG,
    problem_message,
    problem_reason,
    problem_value,
    problem_where,
    problem_words,
)

__all__ = ["ERRORS", "WARNINGS", "Problem"]

ERRORS = (
    "missing_required",
    "bad_choice",
    "bad_int",
    "out_of_range",
    "bad_text",
    "bad_bool",
    "bad_date",
    "date_order",
    "duplicate_id",
    "duplicate_relationship",
    "dangling_ref",
    "ambiguous_name",
    "rejected_ref",
    "ambiguous_party_org",
    "party_org_mismatch",
    "self_ref",
)
"""Problem codes that reject a row (their terms: ``vocabulary``, kind ``problem``)."""

WARNINGS = ("unknown_table", "unknown_column", "duplicate_column", "personal_column")
"""Problem codes that are only reported."""


@dataclass(frozen=True)
class Problem:
    """One problem. ``row`` is 0 and ``column`` empty when the problem is about a whole file
    or sheet; ``table`` is the ledger table's English name (empty for an unknown table)."""

    code: str
    file: str
    sheet: str = ""
    row: int = 0
    column: str = ""
    value: str = ""
    table: str = ""
    detail: str = ""
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def severity(self) -> str:
        """``error`` (the row is rejected) or ``warning``."""
        return "warning" if self.code in WARNINGS else "error"

    def explain(self, lang: str = DEFAULT_LANG) -> str:
        """What is wrong, in ``lang`` (without the term)."""
        return problem_message(self.code, self.detail, self._named(lang), lang)

    @property
    def message(self) -> str:
        """What is wrong, in English (for developers and logs; users read ``text``)."""
        return self.explain("en")

    def reason(self, lang: str = DEFAULT_LANG) -> str:
        """The problem's term, then what is wrong, in ``lang``."""
        return problem_reason(self.code, self.detail, self._named(lang), lang)

    def where(self, lang: str = DEFAULT_LANG) -> str:
        """``file[:sheet] row N column C`` in ``lang``, as short as the problem allows."""
        return problem_where(self.file, self.sheet, self.row, self.column, lang)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The whole problem line in ``lang``: where, the value, the reason."""
        return problem_words(lang)["line"].format(
            where=self.where(lang), value=problem_value(self.value, lang), reason=self.reason(lang)
        )

    def cell_text(self, lang: str = DEFAULT_LANG) -> str:
        """The problem as a rejects file's problem cell says it: column, value, reason."""
        return problem_words(lang)["cell"].format(
            column=self.column, value=problem_value(self.value, lang), reason=self.reason(lang)
        )

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form): the data, then the
        message and reason rendered in ``lang``."""
        return {
            "code": self.code,
            "detail": self.detail,
            "params": dict(self.params),
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "table": self.table,
            "severity": self.severity,
            "message": self.explain(lang),
            "reason": self.reason(lang),
        }

    def _named(self, lang: str) -> dict[str, Any]:
        """The parameters with the ledger's columns (``column``, ``start``, ``end``,
        ``columns``, ``either``) and tables (``tables``) named as ``lang`` writes their headers
        and sheets (``ledger.tables.header_name``, ``sheet_name``)."""
        table = table_for(self.table) if self.table else None
        columns = {c.name: c for c in table.columns} if table else {}

        def header(name: str) -> str:
            return header_name(columns[name], lang) if name in columns else name

        def sheet(name: str) -> str:
            found = table_for(name)
            return sheet_name(found, lang) if found else name

        named = dict(self.params)
        for key in ("column", "start", "end"):
            if key in named:
                named[key] = header(named[key])
        for key in ("columns", "either"):
            if key in named:
                named[key] = [header(c) for c in named[key]]
        if "tables" in named:
            named["tables"] = [sheet(t) for t in named["tables"]]
        return named

    def __str__(self) -> str:
        return self.text()
