"""The report as a Word document (``index.docx``), the format offices exchange.

Same content, order and charts as the HTML page: title, scope line, the first page (摘要),
a table of contents (the section headings as a numbered list: a Word TOC field would need
Word to update it before it shows anything), then each section on A4 with its paragraphs,
numbered findings, charts (as wide as the text) and tables (header row repeated on each
page). East Asian text is set in a CJK font so that Word and LibreOffice do not fall back to
a font without Chinese glyphs.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from graphmodel.report.model import Report, Section
from graphmodel.report.tables import Table
from graphmodel.vocabulary import report_words, words

__all__ = ["CJK_FONT", "write_docx"]

CJK_FONT = "Noto Sans SC"
"""East Asian font named in the document; Word substitutes 等线/微软雅黑 where it is missing."""


def write_docx(report: Report, path: str | Path) -> Path:
    """Write ``report`` as a .docx at ``path``; returns the path."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt

    doc = Document()
    page = doc.sections[0]
    page.orientation = WD_ORIENT.PORTRAIT
    width, margin = Cm(21), Cm(1.8)
    page.page_width, page.page_height = width, Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(page, side, margin)
    page.top_margin = page.bottom_margin = margin
    text_width = width - 2 * margin
    _fonts(doc, Pt)
    w, rw = words(report.lang), report_words(report.lang)
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.scope).style = doc.styles["Subtitle"]
    for i, section in enumerate(report.sections):
        if i == report.front:
            doc.add_heading(rw["toc"], level=1)
            headings = [s.heading for s in report.contents if s.level == 2]
            for n, heading in enumerate(headings, 1):
                doc.add_paragraph(f"{n}. {heading}")
        if section.page_break and i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _section(doc, section, text_width, w["none"], rw)
    out = Path(path)
    doc.save(str(out))
    return out


def _section(doc: Any, section: Section, width: Any, empty: str, rw: dict[str, str]) -> None:
    from docx.shared import Cm

    doc.add_heading(section.heading, level=section.level - 1)
    for paragraph in section.paragraphs:
        doc.add_paragraph(paragraph)
    for n, bullet in enumerate(section.bullets, 1):  # numbered per list, as in the HTML
        item = doc.add_paragraph(f"{n}. {bullet}")
        item.paragraph_format.left_indent = Cm(0.6)
        item.paragraph_format.first_line_indent = Cm(-0.6)
    for chart in section.charts:
        doc.add_picture(io.BytesIO(chart.png), width=int(width * chart.width))
    for caption, table in section.tables:
        if caption:
            doc.add_heading(caption, level=min(section.level, 4))
        _table(doc, table, empty, rw["not_recorded"])
        if table.left_out:
            doc.add_paragraph(rw["more"].format(n=table.left_out))


def _table(doc: Any, table: Table, empty: str, na: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    if not table.rows:
        doc.add_paragraph(empty)
        return
    grid = doc.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    header = grid.rows[0]
    flag = OxmlElement("w:tblHeader")  # repeat the header row on each page
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for cell, text in zip(header.cells, table.headers, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = na if value is None else str(value)
    for row in grid.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)


def _fonts(doc: Any, pt: Any) -> None:
    """Body text 10.5 pt (五号) in ``CJK_FONT`` (East Asian text in every style used), with
    little space between paragraphs so that the first page holds the summary and contents."""
    from docx.oxml.ns import qn

    for name in (
        "Normal",
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Heading 4",
        "Table Grid",
    ):
        style = doc.styles[name]
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), CJK_FONT)
    normal = doc.styles["Normal"]
    normal.font.size = pt(10.5)
    normal.font.name = CJK_FONT
    normal.paragraph_format.space_after = pt(3)
    normal.paragraph_format.line_spacing = 1.15
