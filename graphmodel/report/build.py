"""The organizer-facing report: what goes in it (``build_report``) and where it is written
(``write_report``)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graphmodel.analysis.gaps import RULES, Gap, GapContext
from graphmodel.analysis.hubs import rank_hubs, single_points_of_failure
from graphmodel.analysis.network import actor_graph
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.recommend import recommend
from graphmodel.errors import GraphmodelError
from graphmodel.report import charts
from graphmodel.report.coverage import street_coverage
from graphmodel.report.fonts import chart_font
from graphmodel.report.html import render_html
from graphmodel.report.markdown import render_markdown
from graphmodel.report.tables import (
    Table,
    coverage_table,
    gap_count_table,
    gap_table,
    hub_table,
    point_table,
    proposal_table,
    uncoverable_table,
)
from graphmodel.report.text import LANGS, rule_name, words

__all__ = ["LIST_LIMIT", "Chart", "Report", "Section", "build_report", "write_report"]

LIST_LIMIT = 200
"""Rows shown per list (each gap rule, points of failure, proposals); the rest is in
``report.json``."""


@dataclass
class Chart:
    """A PNG chart: its file stem (``charts/<name>.png``), title and bytes."""

    name: str
    title: str
    png: bytes


@dataclass
class Section:
    """A heading with paragraphs, charts and captioned tables, in that order."""

    key: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    tables: list[tuple[str, Table]] = field(default_factory=list)


@dataclass
class Report:
    """A built report: its language, date, title, sections, and the data behind it (the
    ``report.json`` written beside the pages)."""

    lang: str
    as_of: str
    title: str
    sections: list[Section]
    data: dict[str, Any]

    @property
    def charts(self) -> list[Chart]:
        """Every chart, in section order."""
        return [chart for section in self.sections for chart in section.charts]


def build_report(
    g: nx.MultiDiGraph,
    policy: Policy,
    as_of: dt.date,
    lang: str = "zh",
    top: int = 20,
    limit: int = LIST_LIMIT,
) -> Report:
    """Run the analyses on ``g`` and assemble the report.

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    policy : thresholds and costs (``load_policy``)
    as_of : the day on which ties must be in force
    lang : ``zh`` (default) or ``en`` for the headings and fixed words; names stay as the
        ledgers write them
    top : hubs listed and charted
    limit : rows listed per gap rule, for points of failure and for proposals

    Returns
    -------
    Report
        Sections: overview, per-street coverage, gaps, hubs, single points of failure,
        pairing proposals. Charts are PNG bytes drawn in the CJK font (``fonts.chart_font``,
        which warns if a glyph is missing).

    Raises
    ------
    GraphmodelError
        An unknown ``lang``.
    """
    if lang not in LANGS:
        raise GraphmodelError(f"unknown report language '{lang}' (choose from {', '.join(LANGS)})")
    w = words(lang)
    context = GapContext(g, policy, as_of)
    gaps = context.run(RULES)
    coverage = street_coverage(g, gaps)
    net = actor_graph(g, as_of)
    hubs = rank_hubs(g, as_of, top=top, net=net)
    points = single_points_of_failure(g, as_of, net=net)
    cutting = [p for p in points if p.cut_off]
    rec = recommend(g, policy, as_of, context=context)
    font = chart_font(charts.chart_texts(coverage, hubs, lang))

    communities = sum(r.communities for r in coverage)
    overview = Section(
        "overview",
        w["overview"],
        tables=[
            (
                "",
                Table(
                    [w["name"], w["count"]],
                    [
                        [w["summary_streets"], len(coverage)],
                        [w["summary_communities"], communities],
                        [w["summary_paired"], sum(r.paired for r in coverage)],
                        [w["summary_gaps"], len(gaps)],
                        [w["summary_spof"], len(cutting)],
                        [w["summary_proposals"], len(rec.proposals)],
                    ],
                ),
            )
        ],
    )
    coverage_section = Section(
        "coverage",
        w["coverage"],
        [w["coverage_intro"]],
        _charts(("coverage", w["coverage"], charts.coverage_chart(coverage, lang, font))),
        [("", coverage_table(coverage, lang))],
    )
    gap_section = Section(
        "gaps",
        w["gaps"],
        charts=_charts(("gaps", w["chart_gaps"], charts.gap_chart(gaps, lang, font))),
        tables=[("", gap_count_table(gaps, lang))]
        + [
            (rule_name(rule, lang), gap_table(found, lang, limit))
            for rule, found in _by_rule(gaps).items()
        ],
    )
    method = (
        w["exact"].format(actors=hubs.actors, ties=hubs.ties)
        if hubs.betweenness_method == "exact"
        else w["sampled"].format(
            sample=hubs.sample, seed=hubs.seed, actors=hubs.actors, ties=hubs.ties
        )
    )
    hub_section = Section(
        "hubs",
        w["hubs"],
        [w["hubs_intro"], method],
        _charts(("hubs", w["chart_hubs"], charts.hub_chart(hubs, lang, font))),
        [("", hub_table(hubs, lang))],
    )
    spof_section = Section(
        "spof",
        w["spof"],
        [
            w["spof_intro"],
            w["spof_summary"].format(
                articulation=sum(1 for p in points if p.kind == "articulation"),
                bridges=sum(1 for p in points if p.kind == "bridge"),
                cutting=len(cutting),
            ),
        ],
        tables=[("", point_table(cutting, lang, limit))],
    )
    proposal_section = Section(
        "proposals",
        w["proposals"],
        [
            w["proposal_summary"].format(
                proposals=len(rec.proposals), cost=rec.total_cost, uncoverable=len(rec.uncoverable)
            )
        ],
        tables=[
            ("", proposal_table(rec, lang, limit)),
            (w["uncoverable"], uncoverable_table(rec, lang, limit)),
        ],
    )
    data = {
        "as_of": as_of.isoformat(),
        "lang": lang,
        "policy": policy.to_dict(),
        "coverage": [r.to_dict() for r in coverage],
        "gaps": [gap.to_dict() for gap in gaps],
        "hubs": hubs.to_dict(),
        "points_of_failure": [p.to_dict() for p in cutting],
        "recommendation": rec.to_dict(),
        "font": {"family": font.family, "missing_glyphs": font.missing},
    }
    return Report(
        lang=lang,
        as_of=as_of.isoformat(),
        title=w["title"],
        sections=[
            overview,
            coverage_section,
            gap_section,
            hub_section,
            spof_section,
            proposal_section,
        ],
        data=data,
    )


def write_report(report: Report, out_dir: str | Path) -> list[Path]:
    """Write ``index.md``, ``index.html`` (self-contained: charts inlined), ``report.json``
    and ``charts/<name>.png`` into ``out_dir`` (created if needed); returns the paths."""
    out = Path(out_dir)
    (out / "charts").mkdir(parents=True, exist_ok=True)
    written = []
    for chart in report.charts:
        path = out / "charts" / f"{chart.name}.png"
        path.write_bytes(chart.png)
        written.append(path)
    for name, text in (
        ("index.md", render_markdown(report)),
        ("index.html", render_html(report)),
        ("report.json", json.dumps(report.data, ensure_ascii=False, indent=2)),
    ):
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _charts(*candidates: tuple[str, str, bytes | None]) -> list[Chart]:
    return [Chart(name, title, png) for name, title, png in candidates if png is not None]


def _by_rule(gaps: list[Gap]) -> dict[str, list[Gap]]:
    grouped: dict[str, list[Gap]] = {rule: [] for rule in RULES}
    for gap in gaps:
        grouped.setdefault(gap.rule, []).append(gap)
    return {rule: found for rule, found in grouped.items() if found}
