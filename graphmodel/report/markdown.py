"""The report as Markdown (GitHub-flavoured tables; charts linked as ``charts/<name>.png``)."""

from __future__ import annotations

from typing import Any

from graphmodel.report.model import Report
from graphmodel.report.tables import Table
from graphmodel.vocabulary import report_words, words

__all__ = ["render_markdown", "table_markdown"]


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    w, rw = words(report.lang), report_words(report.lang)
    lines = [f"# {report.title}", "", report.scope, ""]
    for i, section in enumerate(report.sections):
        if i == report.front:
            lines += [f"## {rw['toc']}", ""]
            lines += [
                f"{n}. [{s.heading}](#{s.key})"
                for n, s in enumerate((s for s in report.contents if s.level == 2), 1)
            ]
            lines.append("")
        lines += [f'<a id="{section.key}"></a>', "", f"{'#' * section.level} {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        if section.bullets:
            lines += [f"{n}. {b}" for n, b in enumerate(section.bullets, 1)] + [""]
        for chart in section.charts:
            lines += [f"![{chart.title}](charts/{chart.name}.png)", ""]
        for caption, table in section.tables:
            if caption:
                lines += [f"#### {caption}", ""]
            lines += [table_markdown(table, w["none"], rw["not_recorded"]), ""]
            if table.left_out:
                lines += [rw["more"].format(n=table.left_out), ""]
    return "\n".join(lines)


def table_markdown(table: Table, empty: str, na: str = "") -> str:
    """``table`` as a GitHub-flavoured Markdown table, or ``empty`` when it has no rows;
    ``None`` cells show ``na``."""
    if not table.rows:
        return empty
    out = ["| " + " | ".join(_cell(h, na) for h in table.headers) + " |"]
    out.append("|" + "|".join("---" for _ in table.headers) + "|")
    out += ["| " + " | ".join(_cell(v, na) for v in row) + " |" for row in table.rows]
    return "\n".join(out)


def _cell(value: Any, na: str) -> str:
    if value is None:
        return na
    return str(value).replace("|", "\\|").replace("\n", " ")
