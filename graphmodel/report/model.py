"""What a built report holds, independent of the format it is written in: the renderers
(Markdown, HTML, Word) read these classes and the builder (``report.build``) makes them, so
neither imports the other."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphmodel.report.tables import Table

__all__ = ["Chart", "Report", "Section"]


@dataclass
class Chart:
    """A PNG chart: its file stem (``charts/<name>.png``), title and bytes; ``width`` is the
    share of the text width it should take on a page (1 = full width)."""

    name: str
    title: str
    png: bytes
    width: float = 1.0


@dataclass
class Section:
    """A heading with paragraphs, bullet points, charts and captioned tables, in that order.
    ``level`` 2 is a section, 3 a subsection (a street's figure in a district report);
    ``page_break`` starts it on a new printed page."""

    key: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[tuple[str, Table]] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    level: int = 2
    page_break: bool = False


@dataclass
class Report:
    """A built report: its language, date, title, scope line, sections (the first is the
    summary, followed in every format by a table of contents), the appendix tables (written
    in full to ``report.xlsx``) and the data behind it (``report.json``)."""

    lang: str
    as_of: str
    title: str
    sections: list[Section]
    data: dict[str, Any]
    scope: str = ""
    appendix: list[tuple[str, Table]] = field(default_factory=list)

    @property
    def charts(self) -> list[Chart]:
        """Every chart, in section order."""
        return [chart for section in self.sections for chart in section.charts]

    @property
    def front(self) -> int:
        """How many sections the first page holds: the summary and its subsections (the
        table of contents follows them)."""
        n = 1
        while n < len(self.sections) and self.sections[n].level > 2:
            n += 1
        return n

    @property
    def contents(self) -> list[Section]:
        """The sections listed in the table of contents: every section after the first
        page, subsections included."""
        return self.sections[self.front :]
