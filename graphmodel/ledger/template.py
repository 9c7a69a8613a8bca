"""The blank Excel template: a ``说明`` (instructions) sheet, then one sheet per table.

Each table sheet has one header row of English column names, the names readers match first;
each header carries a comment with its Chinese aliases, whether it is required, and what it
takes (a reference to which records, or the accepted values). Columns with a closed
vocabulary get an in-cell drop-down list. The instructions sheet is skipped by the reader, so
the template loads back as an empty ledger without a single problem.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from graphmodel.errors import LedgerError
from graphmodel.ledger.resolve import labels_text
from graphmodel.ledger.tables import IGNORED_SHEETS, TABLES, Column, Table, column_prop

if TYPE_CHECKING:
    from openpyxl import Workbook

__all__ = ["INSTRUCTIONS", "write_template"]

TEMPLATE_ROWS = 2000
"""How many rows the drop-down lists cover."""

INSTRUCTIONS = (
    "graphmodel 台账模板 ledger template",
    "",
    "每个工作表是一张表，第 1 行是列名（英文列名；中文别名见列名批注，也可直接用中文列名）。",
    "Each sheet is one table; row 1 holds the column names (English; the comment on each names "
    "its Chinese aliases, which are accepted too).",
    "带 * 的批注表示必填。Comments marked * are required columns.",
    "引用列填写对象的编号(id)或名称；名称重名时须填编号。多个引用用 ; ； 、 , ， 分隔。",
    "Reference columns take the id or the unique name of a record; several are separated by "
    "; ； 、 , ，",
    "日期 Dates: 2023-05-01, 2023/5/1, 2023年5月1日; 2023-05 means 2023-05-01.",
    "节点表的 id 可留空：自动生成为 <Label>:<名称>。 A node row without an id gets <Label>:<name>.",
    "结对共建 pairings: 单位和社区可填单位/社区本身，系统使用（或创建）其党组织。 Name the unit "
    "and the community; their party organizations are used (or created).",
    "载入 Load: graphmodel load 台账.xlsx   说明 docs/ledger-format.md",
)


def write_template(path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the blank template workbook to ``path`` (an .xlsx name).

    Raises ``LedgerError`` if ``path`` exists and ``overwrite`` is false, or is not .xlsx.
    """
    from openpyxl import Workbook

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise LedgerError(f"{path}: the template is an Excel workbook; name it *.xlsx")
    if path.exists() and not overwrite:
        raise LedgerError(f"{path} exists; choose another name or pass --force")
    book = Workbook()
    intro = book.active
    intro.title = IGNORED_SHEETS[0]
    for line in INSTRUCTIONS:
        intro.append([line])
    intro.column_dimensions["A"].width = 120
    for table in TABLES:
        _table_sheet(book, table)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        book.save(path)
    except OSError as e:
        raise LedgerError(f"cannot write {path}: {e.strerror}") from e
    return path


def _table_sheet(book: Workbook, table: Table) -> None:
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = book.create_sheet(table.name)
    ws.append([c.name for c in table.columns])
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index)
        cell.comment = Comment(_describe(table, column), "graphmodel", width=320, height=160)
        ws.column_dimensions[letter].width = 16
        choices = () if column.ref else column_prop(table, column).choices
        if choices:
            check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"')
            check.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
            ws.add_data_validation(check)
    ws.freeze_panes = "A2"


def _describe(table: Table, column: Column) -> str:
    lines = [("* 必填 required" if column.required else "选填 optional")]
    if column.aliases:
        lines.append("中文 aliases: " + "、".join(column.aliases))
    if column.ref:
        many = " (several allowed)" if column.multi else ""
        lines.append(f"id or name of: {labels_text(column.ref)}{many}")
    else:
        prop = column_prop(table, column)
        if prop.choices:
            lines.append("values: " + "、".join(prop.choices))
        elif prop.type != "str":
            lines.append(f"type: {prop.type}")
    return "\n".join(lines)
