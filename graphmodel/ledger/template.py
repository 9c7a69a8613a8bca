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
    IGNORED_SHEETS,
    TABLES,
    Column,
    Table,
    column_prop,
    header_name,
    sheet_name,
)
from graphmodel.vocabulary import label_name

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["EXAMPLES", "INSTRUCTIONS", "write_template"]

TEMPLATE_ROWS = 2000
"""How many rows the drop-down lists cover."""

LEFT_OUT = ("generated",)
"""Columns the template does not offer (the seed's provenance flag)."""

INSTRUCTIONS = {
    "zh": (
        "graphmodel 台账模板",
        "",
        "每个工作表是一张表，第 1 行是列名。列名也可以写英文（见 docs/ledger-format.md）。",
        "列名批注中标“必填”的列必须填写；带下拉箭头的列只能从列表中选。",
        "引用列（所属区、所属街道、单位、社区……）填写对象的编号或名称；名称重名时须填编号。"
        "多个引用用 ； ; 、 , ， 分隔。",
        "日期可写 2023-05-01、2023/5/1 或 2023年5月1日；2023-05 表示 2023-05-01。",
        "编号可留空：自动生成为 <类型>:<名称>。每张表都可以有“序号”列，载入时忽略。",
        "结对共建：单位和社区填单位、社区本身即可，系统使用（或创建）其党组织。",
        "下面每张表给出一行示例，复制到对应工作表即可载入。",
        "载入：graphmodel load 台账.xlsx（先加 --dry-run 只检查不写入）",
    ),
    "en": (
        "graphmodel ledger template",
        "",
        "Each sheet is one table; row 1 holds the column names (Chinese names are accepted too).",
        "Columns whose comment says required must be filled; drop-down columns take the values "
        "listed.",
        "Reference columns take the id or the unique name of a record; several are separated by "
        "; ； 、 , ，",
        "Dates: 2023-05-01, 2023/5/1, 2023年5月1日; 2023-05 means 2023-05-01.",
        "A node row without an id gets <Label>:<name>. A 序号 (row number) column is ignored in "
        "every table.",
        "Pairings: name the unit and the community; their party organizations are used (or "
        "created).",
        "Each table below has one example row: copy it into its sheet and it loads.",
        "Load: graphmodel load ledger.xlsx (--dry-run first checks without writing)",
    ),
}

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
    intro.title = IGNORED_SHEETS[0] if lang == "zh" else "instructions"
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
    for line in INSTRUCTIONS[lang]:
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)
    for table in TABLES:
        ws.append([])
        title = f"{sheet_name(table, 'zh')}（{table.name}）" if lang == "zh" else table.name
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
                errorTitle="取值不在列表中" if lang == "zh" else "Not in the list",
                error=("请从下拉列表中选择：" if lang == "zh" else "Choose one of: ")
                + "、".join(choices),
            )
            check.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
            ws.add_data_validation(check)
    ws.freeze_panes = "A2"


def _describe(table: Table, column: Column, lang: str) -> str:
    if lang == "zh":
        lines = ["必填" if column.required else "选填", f"英文列名：{column.name}"]
        if len(column.aliases) > 1:
            lines.append("也可写作：" + "、".join(column.aliases[1:]))
    else:
        lines = ["required" if column.required else "optional"]
        if column.aliases:
            lines.append("Chinese: " + "、".join(column.aliases))
    if column.ref:
        many = ("，可填多个" if lang == "zh" else " (several allowed)") if column.multi else ""
        what = "填写编号或名称：" if lang == "zh" else "id or name of: "
        kinds = ("/" if lang == "zh" else " / ").join(label_name(k, lang) for k in column.ref)
        lines.append(f"{what}{kinds}{many}")
    else:
        prop = column_prop(table, column)
        if prop.choices:
            lines.append(("取值：" if lang == "zh" else "values: ") + "、".join(prop.choices))
        elif prop.type != "str":
            lines.append(("类型：" if lang == "zh" else "type: ") + prop.type)
    return "\n".join(lines)
