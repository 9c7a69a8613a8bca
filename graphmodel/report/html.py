"""The report as one self-contained HTML page: styles inline, charts as base64 data URIs, no
external resource of any kind, so the file can be mailed or opened offline. It prints on A4:
each main section starts a new page, table headers repeat, rows and figures are not split."""

from __future__ import annotations

import base64
from html import escape

from graphmodel.report.model import Report, Section
from graphmodel.report.tables import Table
from graphmodel.vocabulary import report_words, words

__all__ = ["render_html"]

_STYLE = """
body { font-family: "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       "WenQuanYi Micro Hei", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em;
       color: #222; line-height: 1.55; }
h1 { border-bottom: 2px solid #c0392b; padding-bottom: .3em; margin-bottom: .2em; }
h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
h3 { margin: 1.2em 0 .4em; }
.scope { color: #555; font-size: .92em; margin-top: 0; }
table { border-collapse: collapse; margin: .6em 0 1em; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
tr:nth-child(even) td { background: #fafafa; }
td.na { color: #888; font-style: italic; }
figure { margin: 1em 0; }
img { max-width: 100%; height: auto; }
.note { color: #666; font-size: 0.9em; }
ol.findings li, ul.findings li { margin: .25em 0; }
nav.toc ol { columns: 2; }
nav.toc a { color: #1f4e79; text-decoration: none; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  .break { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, figure, img, li { break-inside: avoid; }
  thead { display: table-header-group; }
  nav.toc a { color: #222; }
}
"""


def render_html(report: Report) -> str:
    """The whole report as one HTML document."""
    w, rw = words(report.lang), report_words(report.lang)
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
        f'<p class="scope">{escape(report.scope)}</p>',
    ]
    for i, section in enumerate(report.sections):
        if i == report.front:
            parts.append(_toc(report, rw["toc"]))
        parts += _section(section, w["none"], rw["not_recorded"], rw["more"])
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _toc(report: Report, heading: str) -> str:
    items = [
        f'<li><a href="#{escape(s.key)}">{escape(s.heading)}</a></li>'
        for s in report.contents
        if s.level == 2
    ]
    return f'<nav class="toc"><h2>{escape(heading)}</h2><ol>{"".join(items)}</ol></nav>'


def _section(section: Section, empty: str, na: str, more: str) -> list[str]:
    tag = f"h{section.level}"
    css = ' class="break"' if section.page_break else ""
    parts = [
        f'<section id="{escape(section.key)}"{css}>',
        f"<{tag}>{escape(section.heading)}</{tag}>",
    ]
    parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
    if section.bullets:
        items = "".join(f"<li>{escape(b)}</li>" for b in section.bullets)
        parts.append(f'<ol class="findings">{items}</ol>')
    for chart in section.charts:
        data = base64.b64encode(chart.png).decode("ascii")
        style = f' style="width:{100 * chart.width:.0f}%"' if chart.width < 1 else ""
        parts.append(
            f'<figure><img alt="{escape(chart.title)}"{style} '
            f'src="data:image/png;base64,{data}"></figure>'
        )
    for caption, table in section.tables:
        if caption:
            parts.append(f"<h4>{escape(caption)}</h4>")
        parts.append(_table(table, empty, na))
        if table.left_out:
            parts.append(f'<p class="note">{escape(more.format(n=table.left_out))}</p>')
    parts.append("</section>")
    return parts


def _table(table: Table, empty: str, na: str) -> str:
    if not table.rows:
        return f'<p class="note">{escape(empty)}</p>'
    head = "".join(f"<th>{escape(str(h))}</th>" for h in table.headers)
    body = "\n".join("<tr>" + "".join(_cell(v, na) for v in row) + "</tr>" for row in table.rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _cell(value: object, na: str) -> str:
    if value is None:
        return f'<td class="na">{escape(na)}</td>'
    return f"<td>{escape(str(value))}</td>"
