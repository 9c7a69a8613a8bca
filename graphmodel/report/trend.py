"""The trend (``analysis.trend``) as a table and a chart: coverage and gaps period by period."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from graphmodel.analysis.gaps import RULES
from graphmodel.analysis.trend import COVERAGE, TrendPoint
from graphmodel.report.charts import _png, _style
from graphmodel.report.fonts import ChartFont
from graphmodel.report.tables import Table
from graphmodel.vocabulary import report_words, rule_name, words

__all__ = ["trend_chart", "trend_table"]


def trend_table(points: Sequence[TrendPoint], lang: str) -> Table:
    """One row per period: its date, the communities, each coverage share (``None`` when not
    recorded) and the gaps of each rule that found any in some period."""
    w, rw = words(lang), report_words(lang)
    rules = [r for r in RULES if any(p.gaps.get(r) for p in points)]
    headers = [
        rw["period_end"],
        w["communities"],
        *(f"{w[f]}（%）" if lang == "zh" else f"{w[f]} (%)" for f in COVERAGE),
        *(rule_name(r, lang) for r in rules),
    ]
    rows = []
    for p in points:
        shares = [p.rate(f) for f in COVERAGE]
        rows.append(
            [
                p.date,
                p.communities,
                *(None if s is None else round(100 * s, 1) for s in shares),
                *(p.gaps.get(r, 0) for r in rules),
            ]
        )
    return Table(headers, rows)


def trend_chart(points: Sequence[TrendPoint], lang: str, font: ChartFont) -> bytes | None:
    """Two panels: the coverage shares (%) and the gaps of each rule, period by period; a
    share not recorded is not drawn (and its legend entry says so). ``None`` without
    periods."""
    if not points:
        return None
    w, rw = words(lang), report_words(lang)
    x = list(range(len(points)))
    labels = [p.date for p in points]
    with _style(font):
        fig = Figure(figsize=(10, 4.2), dpi=100, layout="constrained", facecolor="white")
        FigureCanvasAgg(fig)
        left, right = fig.subplots(1, 2)
        for figure in COVERAGE:
            shares = [p.rate(figure) for p in points]
            name = w[figure]
            if all(s is None for s in shares):
                left.plot([], [], label=f"{name}（{rw['not_recorded']}）")
                continue
            left.plot(x, [None if s is None else 100 * s for s in shares], marker="o", label=name)
        left.set_ylim(0, 105)
        left.set_title(rw["trend_coverage"])
        for rule in RULES:
            counts = [p.gaps.get(rule, 0) for p in points]
            if any(counts):
                right.plot(x, counts, marker="o", label=rule_name(rule, lang))
        right.set_title(rw["trend_gaps"])
        for axis in (left, right):
            axis.set_xticks(x, labels, rotation=30, ha="right", fontsize=8)
            axis.spines[["top", "right"]].set_visible(False)
            axis.legend(fontsize=7.5, frameon=False)
        return _png(fig)
