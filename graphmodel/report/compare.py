"""The report's 变化 section: what changed since then (``report --compare DATE|OTHER.db``).

The figures come from ``analysis.changes`` (pairings started and ended, gaps opened and
closed, hubs that rose or fell) and from the coverage by street computed for both states
with the same completeness rule; this module words them and picks the largest changes for the
first page.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graphmodel.analysis.changes import gap_changes, pairing_changes, rank_changes
from graphmodel.analysis.completeness import completeness
from graphmodel.analysis.gaps import RULES, Gap, GapContext
from graphmodel.analysis.hubs import Hub, rank_hubs
from graphmodel.analysis.policy import Policy
from graphmodel.analysis.roles import HUB_LABELS
from graphmodel.report.coverage import StreetCoverage, street_coverage
from graphmodel.report.model import Section
from graphmodel.report.tables import Table
from graphmodel.vocabulary import label_name, report_words, rule_name, words

__all__ = ["Comparison", "compare"]


@dataclass
class Comparison:
    """The first page's lines about changes (``front``), the 变化 section, its appendix
    tables and its data."""

    front: Section
    section: Section
    appendix: list[tuple[str, Table]]
    data: dict[str, Any]


def compare(
    then_graph: nx.MultiDiGraph,
    then: dt.date,
    g: nx.MultiDiGraph,
    now: dt.date,
    policy: Policy,
    holds: Callable[[str], bool],
    gaps: Sequence[Gap],
    coverage: Sequence[StreetCoverage],
    hubs: Sequence[Hub],
    rows: int,
    lang: str,
) -> Comparison:
    """Compare the scope now (``g`` on ``now``: its ``gaps``, ``coverage`` and ranked
    ``hubs``, as the report computed them) with ``then_graph`` on ``then``; ``holds`` says
    whether a street id is in scope; ``rows`` bounds each list in the body."""
    w, rw = words(lang), report_words(lang)
    recorded = completeness(then_graph)
    every_then = recorded.split(GapContext(then_graph, policy, then).run(RULES)).gaps
    gaps_then = [gap for gap in every_then if holds(gap.street_id)]
    coverage_then = {
        r.id: r for r in street_coverage(then_graph, every_then, recorded) if holds(r.id)
    }
    started, ended = pairing_changes(then_graph, then, g, now)
    started = [p for p in started if holds(p.street_id)]
    ended = [p for p in ended if holds(p.street_id)]
    opened, closed = gap_changes(gaps_then, gaps)
    ranked_then = [
        h for h in rank_hubs(then_graph, then, top=None, labels=HUB_LABELS).hubs if holds(h.street)
    ]
    for rank, hub in enumerate(ranked_then, 1):
        hub.rank = rank
    moves = rank_changes(ranked_then, hubs, rows)

    rates = []
    for r in coverage:
        before = coverage_then.get(r.id)
        old = before.paired_rate if before else None
        rates.append((r, old, r.paired_rate))
    moved = sorted(
        (x for x in rates if x[1] is not None and x[2] is not None and x[1] != x[2]),
        key=lambda x: (-abs((x[2] or 0) - (x[1] or 0)), x[0].name),
    )
    day = then.isoformat()
    rule_counts = _rule_table(gaps_then, gaps, opened, closed, lang, day)
    coverage_table = Table(
        [
            w["district"],
            w["street"],
            w["communities"],
            rw["paired_then"].format(day=day),
            rw["paired_now"],
            rw["gaps_then"].format(day=day),
            rw["gaps_now"],
        ],
        [
            [
                r.district,
                r.name,
                r.communities,
                _pct(old),
                _pct(new),
                coverage_then[r.id].gaps if r.id in coverage_then else None,
                r.gaps,
            ]
            for r, old, new in sorted(rates, key=lambda x: _change_key(x))
        ],
    )
    pairing_headers = [w["street"], w["community"], w["unit"], rw["since"], rw["until"]]
    started_table = Table(
        pairing_headers,
        [[p.street_name, p.community_name, p.unit_name, p.since, p.until] for p in started],
    )
    ended_table = Table(
        pairing_headers,
        [[p.street_name, p.community_name, p.unit_name, p.since, p.until] for p in ended],
    )
    hub_table = Table(
        [w["name"], w["kind"], w["street"], rw["rank_then"].format(day=day), rw["rank_now"]],
        [
            [
                m.name,
                label_name(m.label, lang),
                m.street_name,
                m.then or rw["unranked"],
                m.now or rw["unranked"],
            ]
            for m in moves
        ],
    )
    intro = rw["changes_intro"].format(
        day=day,
        started=len(started),
        ended=len(ended),
        opened=len(opened),
        closed=len(closed),
    )
    section = Section(
        "changes",
        rw["changes"],
        [intro],
        tables=[
            (rw["changes_rules"], rule_counts),
            (rw["changes_streets"], _cut(coverage_table, rows)),
            (rw["pairings_started"], _cut(started_table, rows)),
            (rw["pairings_ended"], _cut(ended_table, rows)),
            (rw["hubs_moved"], _cut(hub_table, rows)),
        ],
        page_break=True,
    )
    front = [intro]
    if moved:
        r, old, new = moved[0]
        front.append(
            rw["largest_street"].format(street=r.name, then=_pct(old), now=_pct(new), day=day)
        )
    by_rule = Counter(gap.rule for gap in closed)
    if by_rule:
        rule, n = by_rule.most_common(1)[0]
        front.append(rw["most_closed"].format(rule=rule_name(rule, lang), n=n))
    by_rule = Counter(gap.rule for gap in opened)
    if by_rule:
        rule, n = by_rule.most_common(1)[0]
        front.append(rw["most_opened"].format(rule=rule_name(rule, lang), n=n))
    rose = [m for m in moves if m.rise > 0]
    fell = [m for m in moves if m.rise < 0]
    if rose:
        front.append(
            rw["hub_rose"].format(
                name=rose[0].name, then=_rank(rose[0].then, rw), now=_rank(rose[0].now, rw)
            )
        )
    if fell:
        front.append(
            rw["hub_fell"].format(
                name=fell[0].name, then=_rank(fell[0].then, rw), now=_rank(fell[0].now, rw)
            )
        )
    data = {
        "then": day,
        "pairings_started": [p.to_dict() for p in started],
        "pairings_ended": [p.to_dict() for p in ended],
        "gaps_opened": [g.to_dict() for g in opened],
        "gaps_closed": [g.to_dict() for g in closed],
        "coverage_then": [r.to_dict() for r in coverage_then.values()],
        "hubs_moved": [m.to_dict() for m in moves],
    }
    appendix = [
        (rw["changes_streets"], coverage_table),
        (rw["pairings_started"], started_table),
        (rw["pairings_ended"], ended_table),
        (rw["hubs_moved"], hub_table),
    ]
    return Comparison(
        Section("changes_front", rw["changes"], bullets=front, level=3), section, appendix, data
    )


def _rule_table(
    then: Sequence[Gap],
    now: Sequence[Gap],
    opened: Sequence[Gap],
    closed: Sequence[Gap],
    lang: str,
    day: str,
) -> Table:
    w, rw = words(lang), report_words(lang)
    counts = [Counter(g.rule for g in x) for x in (then, now, opened, closed)]
    return Table(
        [w["rule"], rw["gaps_then"].format(day=day), rw["gaps_now"], rw["opened"], rw["closed"]],
        [
            [rule_name(rule, lang), *(c[rule] for c in counts)]
            for rule in RULES
            if any(c[rule] for c in counts)
        ],
    )


def _rank(rank: int | None, rw: dict[str, str]) -> str:
    """A hub's rank in words (第3名 / no. 3), or unranked (未上榜)."""
    return rw["rank_no"].format(n=rank) if rank else rw["unranked"]


def _pct(rate: float | None) -> str | None:
    return None if rate is None else f"{100 * rate:.0f}%"


def _change_key(x: tuple[StreetCoverage, float | None, float | None]) -> tuple[float, str]:
    r, old, new = x
    change = abs(new - old) if old is not None and new is not None else -1.0
    return (-change, r.name)


def _cut(table: Table, rows: int) -> Table:
    if len(table.rows) <= rows:
        return table
    return Table(table.headers, table.rows[:rows], len(table.rows) - rows)
