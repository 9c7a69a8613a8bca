"""The blank Excel template: a ``说明`` (instructions) sheet, then one sheet per table.

In Chinese by default: sheet names are the tables' Chinese names (区, 街道, 社区, ...) and headers
the columns' first Chinese aliases (编号, 名称, 所属区, ...), both of which the reader matches;
with ``lang="en"`` the English table and column names. Each header carries a comment saying
whether it is required and what it takes (a reference to which records, or the accepted
values); columns with a closed vocabulary (社区/村, 街道/镇/乡, sectors, categories, levels) get
an in-cell drop-down list. The ``generated`` column is left out: it marks the seed's records
filled in to reproduce published counts, not something an organizer records.

The instructions sheet explains the format and shows, for every table, its header and one
example row; the example rows name each other (海淀区 → 万寿路街道 → 万寿路第一社区 ...), so that
copying each into its sheet gives a ledger that loads without a problem. The reader skips the
instructions sheet, so the blank template loads back as an empty ledger without a warning.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphmodel.errors import LedgerError
from graphmodel.ledger.tables import (
    TABLES,
    Column,
    Table,
    column_prop,
    header_name,
    sheet_name,
)
from graphmodel.vocabulary import label_name, template_words

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["EXAMPLES", "write_template"]

TEMPLATE_ROWS = 2000
"""How many rows the drop-down lists cover."""

LEFT_OUT = ("generated",)
"""Columns the template does not offer (the seed's provenance flag)."""


EXAMPLES: dict[str, dict[str, Any]] = {
    "districts": {"id": "D-HD", "name": "海淀区", "source": "区委社会工作部 2023 年台账"},
    "streets": {"id": "S-WSL", "name": "万寿路街道", "district": "海淀区", "kind": "街道"},
    "communities": {
        "id": "C-WSL1",
        "name": "万寿路第一社区",
        "street": "万寿路街道",
        "kind": "社区",
        "population": 8500,
        "households": 3200,
    },
    "grids": {
        "id": "G-WSL1-1",
        "name": "万寿路第一社区第一网格",
        "community": "万寿路第一社区",
        "kind": "基础网格",
    },
    "party_orgs": {
        "id": "PO-WSL1",
        "name": "万寿路第一社区党委",
        "level": "社区党委",
        "belongs_to": "万寿路第一社区",
    },
    "units": {
        "id": "U-1",
        "name": "某区属医院",
        "sector": "医疗卫生",
        "level": "区",
        "street": "万寿路街道",
        "capacity": 3,
    },
    "social_orgs": {
        "id": "SO-1",
        "name": "万寿路第一社区志愿服务队",
        "category": "志愿服务",
        "community": "万寿路第一社区",
    },
    "committees": {
        "id": "K-1",
        "name": "万寿路街道党建工作协调委员会",
        "level": "街道",
        "covers": "万寿路街道",
    },
    "memberships": {
        "committee": "万寿路街道党建工作协调委员会",
        "member": "某区属医院",
        "role": "成员单位",
        "since": "2023年5月1日",
    },
    "pairings": {
        "id": "P-1",
        "unit": "某区属医院",
        "community": "万寿路第一社区",
        "kind": "结对共建",
        "since": "2023/5/1",
        "until": "2026/4/30",
        "agreement": "结对共建协议书",
    },
    "reports": {
        "unit": "某区属医院",
        "community": "万寿路第一社区",
        "members": 12,
        "since": "2023-06-01",
    },
    "resources": {
        "id": "R-1",
        "name": "某区属医院义诊服务",
        "offered_by": "某区属医院",
        "kind": "专业服务",
        "category": "养老助餐",
        "capacity": 2,
        "scope": "结对社区",
        "since": "2023-05-01",
    },
    "needs": {
        "id": "N-1",
        "name": "老年人健康义诊",
        "raised_by": "万寿路第一社区",
        "category": "养老助餐",
        "status": "办理中",
        "raised": "2023-05-10",
        "claimed_by": "某区属医院",
        "resource": "某区属医院义诊服务",
        "beneficiaries": 120,
    },
    "projects": {
        "id": "PJ-1",
        "name": "万寿路第一社区健康驿站",
        "kind": "服务项目",
        "status": "实施中",
        "run_by": "某区属医院",
        "communities": "万寿路第一社区",
        "needs": "老年人健康义诊",
        "resources": "某区属医院义诊服务",
        "since": "2023-06-01",
        "beneficiaries": 120,
    },
}
"""One example row per table, by column name; together they load without a problem."""


def write_template(
    path: str | os.PathLike[str], *, overwrite: bool = False, lang: str = "zh"
) -> Path:
    """Write the blank template workbook to ``path`` (an .xlsx name), in ``lang``.

    Raises ``LedgerError`` if ``path`` exists and ``overwrite`` is false, or is not .xlsx.
    """
    from openpyxl import Workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise LedgerError("template_suffix", path=path)
    if path.exists() and not overwrite:
        raise LedgerError("template_exists", path=path)
    book = Workbook()
    intro = book.active
    intro.title = template_words(lang)["instructions_sheet"]
    _instructions(intro, lang)
    for table in TABLES:
        _table_sheet(book, table, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        book.save(path)
    except OSError as e:
        raise LedgerError("cannot_write", path=path, error=e) from e
    return path


def _columns(table: Table) -> list[Column]:
    return [c for c in table.columns if c.name not in LEFT_OUT]


def _instructions(ws: Worksheet, lang: str) -> None:
    from openpyxl.styles import Font

    bold = Font(bold=True)
    w = template_words(lang)
    for line in w["instructions"].split("\n"):
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)
    for table in TABLES:
        ws.append([])
        title = w["example_title"].format(sheet=sheet_name(table, "zh"), table=table.name)
        ws.append([title])
        ws.cell(ws.max_row, 1).font = bold
        columns = _columns(table)
        ws.append([header_name(c, lang) for c in columns])
        for cell in ws[ws.max_row]:
            cell.font = bold
        example = EXAMPLES[table.name]
        ws.append([example.get(c.name) for c in columns])
    ws.column_dimensions["A"].width = 24
    for letter in "BCDEFGH":
        ws.column_dimensions[letter].width = 18


def _table_sheet(book: Workbook, table: Table, lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = book.create_sheet(sheet_name(table, lang))
    columns = _columns(table)
    ws.append([header_name(c, lang) for c in columns])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True, color="C00000" if column.required else None)
        cell.comment = Comment(_describe(table, column, lang), "graphmodel", width=320, height=160)
        ws.column_dimensions[letter].width = 18
        choices = () if column.ref else column_prop(table, column).choices
        if choices:
            check = DataValidation(
                type="list",
                formula1='"' + ",".join(choices) + '"',
                showErrorMessage=True,
                errorTitle=template_words(lang)["not_in_list"],
                error=template_words(lang)["choose_one"].format(choices="、".join(choices)),
            )
            check.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
            ws.add_data_validation(check)
    ws.freeze_panes = "A2"


def _describe(table: Table, column: Column, lang: str) -> str:
    """The comment on a column's header: required or not, its other names, what it takes."""
    w = template_words(lang)
    lines = [w["required"] if column.required else w["optional"]]
    others = column.aliases[1:] if lang == "zh" else column.aliases
    if lang == "zh":
        lines.append(w["column_name"].format(name=column.name))
    if others:
        lines.append(w["also"].format(names="、".join(others)))
    if column.ref:
        kinds = w["slash"].join(label_name(k, lang) for k in column.ref)
        lines.append(w["refers"].format(kinds=kinds) + (w["several"] if column.multi else ""))
    else:
        prop = column_prop(table, column)
        if prop.choices:
            lines.append(w["values"].format(choices="、".join(prop.choices)))
        elif prop.type != "str":
            lines.append(w["type"].format(type=prop.type))
    return "\n".join(lines)
