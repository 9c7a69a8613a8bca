"""The report as one self-contained HTML page: styles inline, charts as base64 data URIs, no
external resource of any kind, so the file can be mailed or opened offline."""

from __future__ import annotations

import base64
from html import escape
from typing import TYPE_CHECKING

from graphmodel.report.tables import Table
from graphmodel.report.text import words

if TYPE_CHECKING:
    from graphmodel.report.build import Report

__all__ = ["render_html"]

_STYLE = """
body { font-family: "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       "WenQuanYi Micro Hei", sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em;
       color: #222; line-height: 1.5; }
h1 { border-bottom: 2px solid #c0392b; padding-bottom: .3em; }
h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
tr:nth-child(even) td { background: #fafafa; }
figure { margin: 1em 0; }
img { max-width: 100%; height: auto; }
.note { color: #666; font-size: 0.9em; }
"""


def render_html(report: Report) -> str:
    """The whole report as one HTML document."""
    w = words(report.lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if report.lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(report.title)}</h1>",
        f"<p>{escape(w['as_of'])} {escape(report.as_of)}</p>",
    ]
    for section in report.sections:
        parts.append(f'<section id="{escape(section.key)}">')
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
        for chart in section.charts:
            data = base64.b64encode(chart.png).decode("ascii")
            parts.append(
                f'<figure><img alt="{escape(chart.title)}" src="data:image/png;base64,{data}">'
                "</figure>"
            )
        for caption, table in section.tables:
            if caption:
                parts.append(f"<h3>{escape(caption)}</h3>")
            parts.append(_table(table, w["none"]))
            if table.left_out:
                parts.append(f'<p class="note">{escape(w["more"].format(n=table.left_out))}</p>')
        parts.append("</section>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _table(table: Table, empty: str) -> str:
    if not table.rows:
        return f'<p class="note">{escape(empty)}</p>'
    head = "".join(f"<th>{escape(str(h))}</th>" for h in table.headers)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>" for row in table.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
