"""The report's tables as headers and rows of plain values, in Chinese or English.

The same builders serve the Markdown and HTML report and the CLI's human output, so a column
means the same thing everywhere. Every builder returns a ``Table``; ``limit`` cuts long lists
and records how many rows were left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphmodel.analysis.failure import PointOfFailure
from graphmodel.analysis.gaps import RULES, Gap
from graphmodel.analysis.hubs import HubReport
from graphmodel.analysis.reach import ReachResult
from graphmodel.analysis.recommend import Recommendation
from graphmodel.report.coverage import StreetCoverage
from graphmodel.report.sentences import join_names
from graphmodel.vocabulary import (
    gap_message,
    label_name,
    name,
    place_name,
    proposal_reason,
    report_words,
    rule_name,
    tie_name,
    uncoverable_reason,
    words,
)

__all__ = [
    "Table",
    "coverage_table",
    "gap_count_table",
    "gap_table",
    "hub_table",
    "point_table",
    "proposal_table",
    "reach_table",
    "uncoverable_table",
]


@dataclass
class Table:
    """Headers, rows of plain values, and the number of rows left out by a limit."""

    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    left_out: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (the JSON form)."""
        return {"headers": self.headers, "rows": self.rows, "left_out": self.left_out}


def _limited(headers: list[str], rows: list[list[Any]], limit: int | None) -> Table:
    if limit is None or len(rows) <= limit:
        return Table(headers, rows)
    return Table(headers, rows[:limit], len(rows) - limit)


def _percent(part: int | None, whole: int) -> str | None:
    if part is None:
        return None
    return f"{100 * part / whole:.0f}%" if whole else "-"


def coverage_table(rows: Sequence[StreetCoverage], lang: str) -> Table:
    """One row per street: communities and how many are paired, covered, served, reported;
    ``None`` where the figure was not recorded (the renderers show 未采集)."""
    w = words(lang)
    headers = [
        w["district"],
        w["street"],
        w["communities"],
        w["paired"],
        w["paired_rate"],
        w["with_committee"],
        w["enough_social"],
        w["reported"],
        w["gap_count"],
    ]
    body = [
        [
            r.district,
            r.name,
            r.communities,
            r.paired,
            _percent(r.paired, r.communities),
            r.with_committee,
            r.enough_social,
            r.reported,
            r.gaps,
        ]
        for r in rows
    ]
    return Table(headers, body)


def gap_count_table(
    gaps: Sequence[Gap],
    lang: str,
    unjudged: Mapping[str, Sequence[tuple[str, int]]] | None = None,
) -> Table:
    """How many gaps each rule found, in the order the rules run, and where it could not
    judge for data not recorded (``unjudged``: rule -> (district name, gaps dropped), from
    ``JudgedGaps.unjudged``); the same table in ``graphmodel gaps`` and the report."""
    w, rw = words(lang), report_words(lang)
    counts = Counter(g.rule for g in gaps)
    unjudged = unjudged or {}
    body = [
        [
            rule_name(rule, lang),
            counts[rule],
            join_names(
                [rw["unjudged_cell"].format(district=d, n=n) for d, n in unjudged.get(rule, [])],
                lang,
            ),
        ]
        for rule in RULES
        if counts[rule] or unjudged.get(rule)
    ]
    return Table([w["rule"], rw["found"], rw["unjudged"]], body)


def gap_table(gaps: Sequence[Gap], lang: str, limit: int | None = None) -> Table:
    """One row per gap: rule, where, what, and what it means (``vocabulary.gap_message``)."""
    w = words(lang)
    headers = [w["rule"], w["district"], w["street"], w["name"], w["kind"], w["message"]]
    body = [
        [
            rule_name(g.rule, lang),
            g.district_name,
            g.street_name,
            g.name,
            label_name(g.label, lang),
            gap_message(g.rule, g.name, g.detail, lang),
        ]
        for g in gaps
    ]
    return _limited(headers, body, limit)


def hub_table(report: HubReport, lang: str) -> Table:
    """One row per hub, in rank order."""
    w = words(lang)
    headers = [
        w["rank"],
        w["name"],
        w["kind"],
        w["street"],
        w["degree"],
        w["degree_by_kind"],
        w["betweenness"],
        w["brokerage"],
        w["hub_score"],
        w["articulation"],
    ]
    body = [
        [
            h.rank,
            h.name,
            label_name(h.label, lang),
            h.street_name,
            h.degree,
            ", ".join(f"{tie_name(t, lang)} {c}" for t, c in h.degree_by_kind.items()),
            f"{h.betweenness:.3g}",
            h.brokerage,
            f"{h.hub_score:.3f}",
            w["yes"] if h.articulation else "",
        ]
        for h in report.hubs
    ]
    if report.weigh == "delivered":
        headers.insert(5, w["delivered"])
        for row, h in zip(body, report.hubs, strict=True):
            row.insert(5, h.delivered)
    return Table(headers, body)


def point_table(points: Sequence[PointOfFailure], lang: str, limit: int | None = None) -> Table:
    """One row per point of failure that cuts off at least one community."""
    w = words(lang)
    headers = [w["point"], w["name"], w["kind"], w["ties"], w["count"], w["cut_off"]]
    body = [
        [
            name("point", p.kind, lang),
            " — ".join(p.names),
            " — ".join(label_name(label, lang) for label in p.labels),
            ", ".join(tie_name(t, lang) for t in p.ties),
            len(p.cut_off),
            "、".join(c.name for c in p.cut_off),
        ]
        for p in points
        if p.cut_off
    ]
    return _limited(headers, body, limit)


def proposal_table(rec: Recommendation, lang: str, limit: int | None = None) -> Table:
    """One row per proposed pairing, with the reason (``vocabulary.proposal_reason``)."""
    w = words(lang)
    headers = [w["street"], w["community"], w["unit"], w["place"], w["cost"], w["reason"]]
    body = [
        [
            p.street_name,
            p.community_name,
            p.unit_name,
            place_name(p.place, lang),
            p.cost,
            proposal_reason(
                p.place,
                p.unit_working_alone,
                p.unit_active_pairings,
                p.unit_spare_after,
                p.community_has_party_org,
                lang,
            ),
        ]
        for p in rec.proposals
    ]
    return _limited(headers, body, limit)


def uncoverable_table(rec: Recommendation, lang: str, limit: int | None = None) -> Table:
    """One row per community no unit can cover within the limits."""
    w = words(lang)
    headers = [w["street"], w["community"], w["candidates"], w["reason"]]
    body = [
        [u.street_name, u.community_name, u.candidates, uncoverable_reason(u.reason, lang)]
        for u in rec.uncoverable
    ]
    return _limited(headers, body, limit)


def reach_table(result: ReachResult, lang: str) -> Table:
    """One row per reached community, grouped by street."""
    w = words(lang)
    headers = [w["street"], w["community"], w["hops"], w["population"], w["path"], w["path_kinds"]]
    body = []
    for street in result.streets:
        for c in street.communities:
            body.append(
                [
                    street.name or w["unknown_street"],
                    c.name,
                    c.hops,
                    "" if c.population is None else c.population,
                    " → ".join(c.path),
                    " → ".join(
                        "/".join(tie_name(k, lang) for k in step.split("/")) for step in c.kinds
                    ),
                ]
            )
    return Table(headers, body)
