"""The organizer-facing report: what goes in it (``build_report``) and where it is written
(``write_report``).

The report is written for a reader with ten minutes: a scope line, a first page (摘要) with
the five most important problems and the five most useful actions, a table of contents, then
sections of at most ``Policy.report_rows`` rows each; the full lists go to ``report.xlsx``
beside it. Figures whose ledger table was not filled in for a district are shown as not
recorded (未采集, ``analysis.completeness``), never as 0% or as gaps.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.completeness import Completeness, completeness
from graphmodel.analysis.failure import single_points_of_failure
from graphmodel.analysis.folding import fold_party_orgs
from graphmodel.analysis.gaps import RULES, Gap, GapContext
from graphmodel.analysis.hubs import HubReport, rank_hubs
from graphmodel.analysis.match import match
from graphmodel.analysis.needs import needs_report
from graphmodel.analysis.network import actor_graph, street_index
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.recommend import recommend
from graphmodel.analysis.roles import HUB_LABELS, hub_roles
from graphmodel.analysis.summary import summarize
from graphmodel.errors import GraphmodelError
from graphmodel.graphview import resolve
from graphmodel.ledger.tables import TABLES
from graphmodel.report import charts, network_figure
from graphmodel.report.appendix import write_appendix
from graphmodel.report.compare import compare as compare_states
from graphmodel.report.coverage import StreetCoverage, street_coverage
from graphmodel.report.docx import write_docx
from graphmodel.report.fonts import ChartFont, chart_font
from graphmodel.report.html import render_html
from graphmodel.report.markdown import render_markdown
from graphmodel.report.model import Chart, Report, Section
from graphmodel.report.needs import needs_tables
from graphmodel.report.sentences import (
    finding_sentence,
    hub_sentence,
    join_names,
    table_title,
)
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
from graphmodel.schema import Label, Rel
from graphmodel.vocabulary import (
    LANGS,
    label_name,
    needs_words,
    report_words,
    rule_name,
    words,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Chart", "Report", "Scope", "Section", "build_report", "scope_of", "write_report"]


@dataclass(frozen=True)
class Scope:
    """The area a report covers: ``kind`` is ``all``, ``district`` or ``street``; ``id`` and
    ``name`` the area's (empty for ``all``); ``streets`` the ids of the streets in it."""

    kind: str
    id: str
    name: str
    streets: frozenset[str]

    def holds(self, street: str) -> bool:
        """Whether a record located in ``street`` (an id, ``""`` for none) is in scope."""
        return self.kind == "all" or street in self.streets


def scope_of(g: nx.MultiDiGraph, district: str | None = None, street: str | None = None) -> Scope:
    """The scope of a report on ``district`` or ``street`` (an id or a unique name), or on the
    whole graph when neither is given.

    Raises ``GraphmodelError`` when both are given; ``NotFound`` / ``AmbiguousName`` for an
    unknown or ambiguous area.
    """
    if district and street:
        raise GraphmodelError("report_area_both")
    parent = {
        u: v
        for u, v, rel in g.edges(data="type")
        if rel == Rel.PART_OF and g.nodes[u].get("label") == Label.STREET
    }
    streets = [n for n, label in g.nodes(data="label") if label == Label.STREET]
    if street:
        s = resolve(g, street, (Label.STREET,))
        return Scope("street", s, g.nodes[s].get("name", s), frozenset([s]))
    if district:
        d = resolve(g, district, (Label.DISTRICT,))
        inside = frozenset(s for s in streets if parent.get(s) == d)
        return Scope("district", d, g.nodes[d].get("name", d), inside)
    return Scope("all", "", "", frozenset(streets))


def build_report(
    g: nx.MultiDiGraph,
    policy: Policy,
    as_of: dt.date,
    lang: str = "zh",
    top: int | None = None,
    limit: int | None = None,
    district: str | None = None,
    street: str | None = None,
    ledgers: Sequence[tuple[str, str]] = (),
    compare: tuple[nx.MultiDiGraph, dt.date] | None = None,
) -> Report:
    """Run the analyses on ``g`` and assemble the report.

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    policy : thresholds and costs (``load_policy``)
    as_of : the day on which ties must be in force
    lang : ``zh`` (default) or ``en`` for the headings and sentences; names stay as the
        ledgers write them
    top : hubs listed (default ``policy.report_rows``)
    limit : rows listed per gap rule, for streets, points of failure and proposals (default
        ``policy.report_rows``); every row is in the appendix
    district, street : report on this area only (an id or a unique name)
    ledgers : (ledger, when loaded) pairs for the scope line, from the store's load history
    compare : (graph, date) of the state to compare with: the same graph on an earlier date,
        or another store's graph; adds the 变化 section and its lines on the first page

    Returns
    -------
    Report
        Sections: summary (problems, actions, changes, data not recorded), table of contents,
        changes, the network drawn, coverage by street, gaps, hubs in words, single points of
        failure, pairing proposals, needs and resources (三张清单: raised → claimed → resolved
        per street, open categories, dormant pairings, top resource proposals), appendix
        note. Charts are
        PNG bytes drawn in the CJK font (``fonts.chart_font``, which warns if a glyph is
        missing).

    Raises
    ------
    GraphmodelError
        An unknown ``lang``; both ``district`` and ``street``; an unknown area.
    """
    if lang not in LANGS:
        raise GraphmodelError("report_lang", lang=lang, langs=list(LANGS))
    rows = limit or policy.report_rows
    top = top or policy.report_rows
    w, rw = words(lang), report_words(lang)
    scope = scope_of(g, district, street)
    context = GapContext(g, policy, as_of)
    recorded = completeness(g, context.ties.streets)
    judged = recorded.split(context.run(RULES))
    every_gap = judged.gaps
    gaps = [gap for gap in every_gap if scope.holds(gap.street_id)]
    coverage = [r for r in street_coverage(g, every_gap, recorded) if scope.holds(r.id)]
    net = actor_graph(g, as_of)
    ranked = rank_hubs(g, as_of, top=None, net=net, labels=HUB_LABELS)
    in_scope = [h for h in ranked.hubs if scope.holds(h.street)]
    for rank, hub in enumerate(in_scope, 1):
        hub.rank = rank
    where = street_index(g)
    points = [  # those with an end in scope, so that the counts are the scope's
        p
        for p in single_points_of_failure(g, as_of, net=net)
        if scope.kind == "all" or any(scope.holds(where.get(a) or "") for a in p.ids)
    ]
    cutting = [p for p in points if p.cut_off and any(scope.holds(c.street) for c in p.cut_off)]
    # In the body and the summary, only actors (a street or a community that "leaves" is no
    # action anyone can take); every point of failure is in the appendix.
    actor_points = [p for p in cutting if any(label in HUB_LABELS for label in p.labels)]
    rec = recommend(
        g,
        policy,
        as_of,
        street=scope.id if scope.kind == "street" else None,
        district=scope.id if scope.kind == "district" else None,
        context=context,
    )
    roles = hub_roles(g, net, in_scope[:top], cutting)
    # Pairings proposed where no pairing ledger was kept would replace data nobody collected.
    rec.proposals = [
        p for p in rec.proposals if recorded.judged("unpaired_community", p.district_id)
    ]
    rec.uncoverable = [
        u for u in rec.uncoverable if recorded.judged("unpaired_community", u.district_id)
    ]
    rec.total_cost = sum(p.cost for p in rec.proposals)
    street_communities = {r.id: r.communities for r in coverage}
    summary = summarize(gaps, actor_points, rec, street_communities, n=5)
    districts = _districts_in(g, scope)
    wide = scope.kind == "all"
    font = chart_font(charts.chart_texts(coverage, _hubs(ranked, in_scope[:top]), lang))

    problems = [finding_sentence(f, lang, with_district=wide) for f in summary.problems]
    actions = [finding_sentence(f, lang, with_district=wide) for f in summary.actions]
    unrecorded = _not_recorded(recorded, districts, lang)
    summary_sections = [
        Section("summary", rw["summary"]),
        Section("problems", rw["problems"], bullets=problems or [rw["no_problems"]], level=3),
        Section("actions", rw["actions"], bullets=actions or [rw["no_actions"]], level=3),
        Section(
            "not_recorded",
            rw["not_recorded_heading"],
            bullets=unrecorded or [rw["all_recorded"]],
            level=3,
        ),
    ]
    network_sections = _network_sections(g, scope, as_of, gaps, coverage, lang, font)
    changes = None
    if compare is not None:
        changes = compare_states(
            compare[0],
            compare[1],
            g,
            as_of,
            policy,
            scope.holds,
            gaps,
            coverage,
            in_scope,
            rows,
            lang,
        )
        summary_sections.insert(3, changes.front)
    coverage_rows = sorted(coverage, key=_worst_first)
    coverage_section = Section(
        "coverage",
        w["coverage"],
        [w["coverage_intro"]],
        _charts(("coverage", w["coverage"], charts.coverage_chart(coverage, lang, font))),
        [("", _limit(coverage_table(coverage_rows, lang), rows))],
        page_break=True,
    )
    gap_section = Section(
        "gaps",
        w["gaps"],
        charts=_charts(("gaps", w["chart_gaps"], charts.gap_chart(gaps, lang, font))),
        tables=[("", gap_count_table(gaps, lang, judged.unjudged(districts)))]
        + [
            (
                rw["gap_rows"].format(rule=rule_name(rule, lang), n=rows),
                gap_table(found, lang, rows),
            )
            for rule, found in _by_rule(gaps).items()
        ],
        page_break=True,
    )
    hub_section = Section(
        "hubs",
        w["hubs"],
        [rw["hubs_intro"]],
        tables=[("", _hub_words(in_scope[:top], roles, lang))],
        page_break=True,
    )
    spof_section = Section(
        "spof",
        w["spof"],
        [
            w["spof_intro"],
            w["spof_summary"].format(
                articulation=sum(1 for p in points if p.kind == "articulation"),
                bridges=sum(1 for p in points if p.kind == "bridge"),
                cutting=len(actor_points),
            ),
        ],
        tables=[("", point_table(actor_points, lang, rows))],
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
            ("", proposal_table(rec, lang, rows)),
            (w["uncoverable"], uncoverable_table(rec, lang, rows)),
        ],
        page_break=True,
    )
    area = {
        "street": scope.id if scope.kind == "street" else None,
        "district": scope.id if scope.kind == "district" else None,
    }
    needs_figures = needs_report(g, policy, as_of, context=context, **area)
    matched = match(g, policy, as_of, context=context, **area)
    dormant = [gap for gap in gaps if gap.rule == "dormant_pairing"]
    needs_paragraphs, needs_captioned = needs_tables(
        needs_figures, dormant, matched, lang, rows, scope.holds
    )
    needs_section = Section(
        "needs",
        needs_words(lang)["heading"],
        needs_paragraphs,
        tables=[(caption, _limit(table, rows)) for caption, table in needs_captioned],
        page_break=True,
    )
    appendix_section = Section("appendix", rw["appendix"], [rw["appendix_note"]])
    appendix = [
        (w["coverage"], coverage_table(coverage, lang)),
        (w["gaps"], gap_table(gaps, lang)),
        (w["hubs"], hub_table(_hubs(ranked, in_scope), lang)),
        (w["spof"], point_table(cutting, lang)),
        (w["proposals"], proposal_table(rec, lang)),
        (w["uncoverable"], uncoverable_table(rec, lang)),
        *needs_captioned,
    ]
    data = {
        "as_of": as_of.isoformat(),
        "lang": lang,
        "scope": {"kind": scope.kind, "id": scope.id, "name": scope.name},
        "policy": policy.to_dict(),
        "summary": summary.to_dict(),
        "completeness": {d: v for d, v in recorded.to_dict().items() if d in districts},
        "not_judged": judged.to_dict(districts),
        "coverage": [r.to_dict() for r in coverage],
        "gaps": [gap.to_dict() for gap in gaps],
        "hubs": _hubs(ranked, in_scope).to_dict(),
        "hub_roles": {a: r.to_dict() for a, r in roles.items()},
        "points_of_failure": [p.to_dict() for p in cutting],
        "recommendation": rec.to_dict(),
        "needs": {
            "total": needs_figures.total.to_dict(),
            "districts": [a.to_dict() for a in needs_figures.districts],
            "streets": [a.to_dict() for a in needs_figures.streets],
            "dormant_pairings": len(dormant),
            "match": {
                "needs": matched.needs,
                "proposals": len(matched.proposals),
                "unmet": len(matched.unmet),
                "total_cost": matched.total_cost,
            },
        },
        "font": {"family": font.family, "missing_glyphs": font.missing},
    }
    return Report(
        lang=lang,
        as_of=as_of.isoformat(),
        title=w["title"],
        sections=[
            *summary_sections,
            *([changes.section] if changes else []),
            *network_sections,
            coverage_section,
            gap_section,
            hub_section,
            spof_section,
            proposal_section,
            needs_section,
            appendix_section,
        ],
        data={**data, "changes": changes.data} if changes else data,
        scope=_scope_line(g, scope, coverage, recorded, districts, as_of, ledgers, lang),
        appendix=appendix + (changes.appendix if changes else []),
    )


def write_report(report: Report, out_dir: str | Path) -> list[Path]:
    """Write ``index.md``, ``index.html`` (self-contained: charts inlined), ``index.docx``
    (Word), ``report.json``, the appendix ``report.xlsx`` and ``charts/<name>.png`` into
    ``out_dir`` (created if needed); returns the paths."""
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
    written.append(write_docx(report, out / "index.docx"))
    written.append(write_appendix(out / "report.xlsx", report.appendix))
    return written


def _network_sections(
    g: nx.MultiDiGraph,
    scope: Scope,
    as_of: dt.date,
    gaps: list[Gap],
    coverage: list[StreetCoverage],
    lang: str,
    font: ChartFont,
) -> list[Section]:
    """The network figures: the street itself for a street report (or a store of one
    street); the street-by-street overview, then each street, for a district; the overview
    for the whole store."""
    rw = report_words(lang)
    folded = fold_party_orgs(g)
    section = Section("network", rw["network"], page_break=True)
    subsections = []
    if scope.kind != "street":
        section.paragraphs.append(rw["network_overview_intro"])
        title = rw["figure_overview"].format(
            area=scope.name or rw["scope_all"], streets=len(coverage)
        )
        section.charts = _charts(
            (
                "network",
                title,
                network_figure.overview_figure(folded, coverage, as_of, lang, font, title),
            )
        )
    drawn = [r for r in coverage if r.communities]
    if scope.kind != "all" or len(drawn) == 1:
        section.paragraphs.append(rw["network_intro"])
        where = street_index(folded)
        for row in sorted(drawn, key=lambda r: (r.name, r.id)):
            png = network_figure.street_figure(folded, row.id, as_of, gaps, lang, font, where)
            figure = _charts((f"network-{row.id}", row.name, png))
            if scope.kind == "street" or len(drawn) == 1:
                section.charts += figure
            elif figure:
                subsections.append(
                    Section(f"network-{row.id}", row.name, charts=figure, level=3, page_break=True)
                )
    return [section, *subsections] if section.charts or subsections else []


def _charts(*candidates: tuple[str, str, bytes | None]) -> list[Chart]:
    return [Chart(name, title, png) for name, title, png in candidates if png is not None]


def _by_rule(gaps: list[Gap]) -> dict[str, list[Gap]]:
    grouped: dict[str, list[Gap]] = {rule: [] for rule in RULES}
    for gap in gaps:
        grouped.setdefault(gap.rule, []).append(gap)
    return {rule: found for rule, found in grouped.items() if found}


def _limit(table: Table, rows: int) -> Table:
    if len(table.rows) <= rows:
        return table
    return Table(table.headers, table.rows[:rows], len(table.rows) - rows + table.left_out)


def _worst_first(r: StreetCoverage) -> tuple[float, int, str]:
    """Streets with the lowest pairing rate first (not recorded last), then most gaps."""
    rate = r.paired_rate
    return (2.0 if rate is None else rate, -r.gaps, r.name)


def _hubs(report: HubReport, hubs: list[Any]) -> HubReport:
    """``report`` holding only ``hubs`` (the scope's, re-ranked)."""
    return HubReport(
        as_of=report.as_of,
        actors=report.actors,
        ties=report.ties,
        betweenness_method=report.betweenness_method,
        sample=report.sample,
        seed=report.seed,
        sampled_actors=report.sampled_actors,
        hubs=hubs,
    )


def _hub_words(hubs: list[Any], roles: dict[str, Any], lang: str) -> Table:
    """Rank, name, kind, street and what the hub does, in words (no scores)."""
    w, rw = words(lang), report_words(lang)
    return Table(
        [w["rank"], w["name"], w["kind"], w["street"], rw["role"]],
        [
            [
                h.rank,
                h.name,
                label_name(h.label, lang),
                h.street_name,
                hub_sentence(roles[h.id], lang),
            ]
            for h in hubs
        ],
    )


def _districts_in(g: nx.MultiDiGraph, scope: Scope) -> dict[str, str]:
    """The districts (id -> name) the scope's streets belong to."""
    found = {}
    for u, v, rel in g.edges(data="type"):
        if rel == Rel.PART_OF and g.nodes[u].get("label") == Label.STREET and u in scope.streets:
            found[v] = g.nodes[v].get("name", v)
    return dict(sorted(found.items(), key=lambda item: item[1]))


def _not_recorded(recorded: Completeness, districts: dict[str, str], lang: str) -> list[str]:
    rw = report_words(lang)
    lines = []
    for d, name in districts.items():
        missing = recorded.missing_tables(d)
        if missing:
            tables = join_names([table_title(t, lang) for t in missing], lang)
            lines.append(rw["not_recorded_line"].format(district=name, tables=tables))
    return lines


def _scope_line(
    g: nx.MultiDiGraph,
    scope: Scope,
    coverage: list[StreetCoverage],
    recorded: Completeness,
    districts: dict[str, str],
    as_of: dt.date,
    ledgers: Sequence[tuple[str, str]],
    lang: str,
) -> str:
    """What area, what date, which ledgers (and when they were loaded, when the store
    knows)."""
    rw = report_words(lang)
    area = scope.name or rw["scope_all"]
    if ledgers:
        tables = join_names(
            [name + (rw["loaded"].format(when=when) if when else "") for name, when in ledgers],
            lang,
        )
    else:
        have = {rel for d in districts for rel in recorded.recorded.get(d, set())}
        where = street_index(g)
        labels = {label for n, label in g.nodes(data="label") if scope.holds(where.get(n) or "")}
        present = [
            t.name for t in TABLES if (t.label and t.label in labels) or (t.rel and t.rel in have)
        ]
        tables = join_names([table_title(t, lang) for t in present], lang)
    return rw["scope_line"].format(
        area=area,
        streets=len(scope.streets),
        communities=sum(r.communities for r in coverage),
        as_of=as_of.isoformat(),
        tables=tables,
    )
