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

__all__ = ["ERRORS", "LABEL_ZH", "WARNINGS", "Problem"]

ERRORS: dict[str, str] = {
    "missing_required": "缺少必填项",
    "bad_choice": "不在可选值中",
    "bad_int": "不是整数",
    "out_of_range": "超出范围",
    "bad_text": "文本不可用",
    "bad_bool": "不是是/否",
    "bad_date": "日期格式错误",
    "date_order": "截止早于开始",
    "duplicate_id": "重复编号",
    "duplicate_relationship": "重复关系",
    "dangling_ref": "找不到引用对象",
    "ambiguous_name": "名称不唯一",
    "rejected_ref": "引用的行被拒绝",
    "ambiguous_party_org": "党组织不唯一",
    "party_org_mismatch": "党组织与单位不符",
    "self_ref": "引用自身",
}
"""Problem codes that reject a row, with their Chinese terms."""

WARNINGS: dict[str, str] = {
    "unknown_table": "未知表",
    "unknown_column": "未知列",
    "duplicate_column": "重复列",
    "personal_column": "个人信息不保存",
}
"""Problem codes that are only reported, with their Chinese terms."""

LABEL_ZH: dict[str, str] = {
    "District": "区",
    "Street": "街道",
    "Community": "社区",
    "Grid": "网格",
    "PartyOrg": "党组织",
    "MemberUnit": "驻区单位",
    "SocialOrg": "社会组织",
    "Committee": "协调委员会",
}
"""How messages name each label."""


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
