"""What can be wrong with a ledger, said where the user will look for it.

A ``Problem`` names the file, the sheet (for a workbook), the row as a spreadsheet shows it
(the header is row 1), the column as its header is written in the file, the value, and the
reason. Every reason starts with a short Chinese term followed by the English explanation
(``重复编号 duplicate id: ...``), so organizers and developers both read it.

Errors reject their row; warnings (unknown tables and columns) reject nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from graphmodel.schema import LABELS
from graphmodel.vocabulary import label_name, name

__all__ = ["ERRORS", "LABEL_ZH", "WARNINGS", "Problem"]

ERRORS: dict[str, str] = {
    code: name("problem", code, "zh")
    for code in (
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
}
"""Problem codes that reject a row, with their Chinese terms (``vocabulary``, kind ``problem``)."""

WARNINGS: dict[str, str] = {
    code: name("problem", code, "zh")
    for code in ("unknown_table", "unknown_column", "duplicate_column", "personal_column")
}
"""Problem codes that are only reported, with their Chinese terms."""

LABEL_ZH: dict[str, str] = {label: label_name(label, "zh") for label in LABELS}
"""How messages name each label (``vocabulary.label_name``)."""


@dataclass(frozen=True)
class Problem:
    """One problem. ``row`` is 0 and ``column`` empty when the problem is about a whole file
    or sheet; ``table`` is the ledger table's English name (empty for an unknown table)."""

    code: str
    message: str
    file: str
    sheet: str = ""
    row: int = 0
    column: str = ""
    value: str = ""
    table: str = ""

    @property
    def severity(self) -> str:
        """``error`` (the row is rejected) or ``warning``."""
        return "warning" if self.code in WARNINGS else "error"

    @property
    def reason(self) -> str:
        """The Chinese term, then the English message."""
        term = ERRORS.get(self.code) or WARNINGS.get(self.code, "")
        return f"{term} {self.message}"

    @property
    def where(self) -> str:
        """``file[:sheet] row N column C``, as short as the problem allows."""
        text = self.file + (f":{self.sheet}" if self.sheet else "")
        if self.row:
            text += f" row {self.row}"
        if self.column:
            text += f" column {self.column}"
        return text

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {**asdict(self), "severity": self.severity, "reason": self.reason}

    def __str__(self) -> str:
        value = f" '{self.value}'" if self.value else ""
        return f"{self.where}{value}: {self.reason}"
