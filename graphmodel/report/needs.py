"""The report's needs section (三张清单): needs raised → claimed → resolved per street, the
categories left unmet, pairings on paper only (挂名结对), and the top resource proposals.

Built from ``analysis.needs.needs_report``, the ``dormant_pairing`` gaps and ``analysis.match``
on the report's shared ``GapContext``; the words are the vocabulary's (``needs_words``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from graphmodel.analysis.gaps import Gap
from graphmodel.analysis.match import Match
from graphmodel.analysis.needs import NeedsReport
from graphmodel.report.tables import Table
from graphmodel.vocabulary import needs_words

__all__ = ["needs_tables"]


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def needs_tables(
    report: NeedsReport,
    dormant: Sequence[Gap],
    matched: Match,
    lang: str,
    rows: int,
    holds: Callable[[str], bool],
) -> tuple[list[str], list[tuple[str, Table]]]:
    """Paragraphs and captioned tables (every row; the body cuts them to ``rows``) of the
    needs section, for the streets ``holds`` keeps."""
    w = needs_words(lang)
    if not report.total.raised:
        return [w["none"]], []
    t = report.total
    paragraphs = [
        w["summary"].format(
            raised=t.raised,
            claimed=t.claimed,
            resolved=t.resolved,
            rate=_percent(t.rate),
            open=t.open,
            overdue=t.overdue,
        )
    ]
    streets = sorted(
        (a for a in report.streets if holds(a.id)),
        key=lambda a: (a.rate if a.rate is not None else 2.0, -a.raised, a.id),
    )
    street_rows = [
        [a.name, a.raised, a.claimed, a.resolved, _percent(a.rate), a.open, a.overdue]
        for a in streets
    ]
    street_headers = [
        w["street"],
        w["raised"],
        w["claimed"],
        w["resolved"],
        w["rate"],
        w["open"],
        w["overdue"],
    ]
    by_category: dict[str, list[Any]] = {}
    for r in report.open_by_category:
        if not holds(r["street_id"]):
            continue
        row = by_category.setdefault(r["category"], [r["category"] or "—", 0, 0, None])
        row[1] += r["open"]
        row[2] += r["overdue"]
        if r["oldest_days"] is not None and (row[3] is None or r["oldest_days"] > row[3]):
            row[3] = r["oldest_days"]
    category_rows = sorted(by_category.values(), key=lambda r: (-r[1], r[0]))
    category_headers = [w["category"], w["open"], w["overdue"], w["oldest"]]
    dormant_rows = [
        [g.street_name, g.name, g.detail["partner_name"], g.detail["since"]]
        for g in dormant
        if holds(g.street_id)
    ]
    dormant_headers = [w["street"], w["community"], w["unit"], w["since"]]
    proposals = [p for p in matched.proposals if holds(p.street_id)]
    proposals.sort(key=lambda p: (p.age_days is None, -(p.age_days or 0), p.cost, p.need_id))
    proposal_rows = [
        [
            p.street_name,
            p.need_name,
            p.category,
            p.resource_name,
            p.provider_name,
            " → ".join(p.path_names),
        ]
        for p in proposals
    ]
    proposal_headers = [
        w["street"],
        w["need"],
        w["category"],
        w["resource"],
        w["provider"],
        w["path"],
    ]
    unmet = sum(1 for u in matched.unmet if holds(u.street_id))
    captions = [
        (w["streets"], Table(street_headers, street_rows)),
        (w["categories"], Table(category_headers, category_rows)),
        (w["dormant"].format(n=len(dormant_rows)), Table(dormant_headers, dormant_rows)),
        (
            w["proposals"].format(
                n=min(rows, len(proposal_rows)), total=len(proposal_rows), unmet=unmet
            ),
            Table(proposal_headers, proposal_rows),
        ),
    ]
    return paragraphs, captions
