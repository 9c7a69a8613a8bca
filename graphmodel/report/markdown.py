"""The report as Markdown (GitHub-flavoured tables; charts linked as ``charts/<name>.png``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graphmodel.report.tables import Table
from graphmodel.report.text import words

if TYPE_CHECKING:
    from graphmodel.report.build import Report

__all__ = ["render_markdown", "table_markdown"]


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    w = words(report.lang)
    lines = [f"# {report.title}", "", f"{w['as_of']} {report.as_of}", ""]
    for section in report.sections:
        lines += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        for chart in section.charts:
            lines += [f"![{chart.title}](charts/{chart.name}.png)", ""]
        for caption, table in section.tables:
            if caption:
                lines += [f"### {caption}", ""]
            lines += [table_markdown(table, w["none"]), ""]
            if table.left_out:
                lines += [w["more"].format(n=table.left_out), ""]
    return "\n".join(lines)


def table_markdown(table: Table, empty: str) -> str:
    """``table`` as a GitHub-flavoured Markdown table, or ``empty`` when it has no rows."""
    if not table.rows:
        return empty
    out = ["| " + " | ".join(_cell(h) for h in table.headers) + " |"]
    out.append("|" + "|".join("---" for _ in table.headers) + "|")
    out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in table.rows]
    return "\n".join(out)


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")
