"""The report's charts as PNG bytes, drawn with matplotlib's Agg canvas in the CJK font.

Figures are made with ``matplotlib.figure.Figure`` and ``FigureCanvasAgg`` directly, not
``pyplot``, so drawing a report neither needs a display nor changes global state. The PNGs
carry no software/date metadata, so the same data gives the same bytes.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from graphmodel.analysis.gaps import RULES, Gap
from graphmodel.analysis.hubs import HubReport
from graphmodel.report.coverage import StreetCoverage
from graphmodel.report.fonts import FALLBACK_FAMILY, ChartFont
from graphmodel.vocabulary import report_words, rule_name, words

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["COVERAGE_STREETS", "chart_texts", "coverage_chart", "gap_chart"]

COVERAGE_STREETS = 30
"""At most this many streets in the coverage chart: those with the lowest pairing rate."""

_COLORS = ("#c0392b", "#2980b9")


def coverage_chart(rows: Sequence[StreetCoverage], lang: str, font: ChartFont) -> bytes | None:
    """A heat map: per street (rows) the percentage of its communities paired, covered by a
    committee, served by enough social organizations and receiving dual reporting (columns),
    red for none to green for all; a figure not recorded (``None``) is a grey cell marked
    未采集, never a red 0%. ``None`` when no street has communities."""
    import matplotlib

    w = words(lang)
    shown = [r for r in rows if r.communities]
    if not shown:
        return None
    title = w["chart_coverage"]
    if len(shown) > COVERAGE_STREETS:
        shown = sorted(
            shown, key=lambda r: (2.0 if r.paired_rate is None else r.paired_rate, r.name)
        )[:COVERAGE_STREETS]
        title = w["chart_coverage_few"].format(n=COVERAGE_STREETS)
    columns = (w["paired"], w["with_committee"], w["enough_social"], w["reported"])
    values = [
        [
            math.nan if count is None else 100 * count / r.communities
            for count in (r.paired, r.with_committee, r.enough_social, r.reported)
        ]
        for r in shown
    ]
    with _style(font):
        fig, ax = _figure(7.5, 1.4 + 0.32 * len(shown))
        cmap = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#e6e6e6")
        ax.imshow(values, cmap=cmap, vmin=0, vmax=100, aspect="auto")
        for y, row in enumerate(values):
            for x, value in enumerate(row):
                missing = math.isnan(value)
                dark = not missing and (value < 20 or value > 90)
                ax.text(
                    x,
                    y,
                    report_words(lang)["not_recorded"] if missing else f"{value:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="#777" if missing else "white" if dark else "black",
                )
        ax.set_xticks(range(len(columns)), columns)
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(shown)), [r.name for r in shown])
        ax.spines[:].set_visible(False)
        ax.set_title(title, pad=12)
        return _png(fig)


def gap_chart(gaps: Sequence[Gap], lang: str, font: ChartFont) -> bytes | None:
    """Horizontal bars: the number of gaps of each rule. ``None`` when there are none."""
    counts = Counter(g.rule for g in gaps)
    if not counts:
        return None
    rules = list(reversed(counts))
    with _style(font):
        fig, ax = _figure(8, 1.2 + 0.45 * len(rules))
        ax.barh(range(len(rules)), [counts[r] for r in rules], color=_COLORS[0])
        ax.set_yticks(range(len(rules)), [rule_name(r, lang) for r in rules])
        for y, rule in enumerate(rules):
            ax.annotate(
                str(counts[rule]),
                (counts[rule], y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
            )
        ax.set_title(words(lang)["chart_gaps"])
        return _png(fig)


def chart_texts(rows: Sequence[StreetCoverage], report: HubReport, lang: str) -> list[str]:
    """Every text the charts may draw: the names from the data, the fixed words and the rule
    names of ``lang`` (for the font's glyph check)."""
    fixed = [
        *words(lang).values(),
        *report_words(lang).values(),
        *(rule_name(rule, lang) for rule in RULES),
    ]
    return fixed + [r.name for r in rows] + [h.name for h in report.hubs]


@contextmanager
def _style(font: ChartFont) -> Iterator[None]:
    """Draw in ``font``, falling back to matplotlib's own font for anything it lacks."""
    import matplotlib

    with matplotlib.rc_context(
        {"font.family": [font.family, FALLBACK_FAMILY], "axes.unicode_minus": False}
    ):
        yield


def _figure(width: float, height: float, dpi: int = 100) -> tuple[Figure, Axes]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=dpi, layout="constrained", facecolor="white")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
