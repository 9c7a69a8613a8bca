"""Coverage and gaps period by period, from the dates the ledgers record.

``trend`` runs the gap rules at the end of each period (``period_ends``) and counts, for the
communities in scope, how many are paired, covered by a committee, served by enough social
organizations and receiving dual reporting, and how many gaps each rule finds. The same
definitions as the report's coverage by street (a community counts unless the rule finds a
gap on it) and the same completeness rule: a figure whose ledger table a district did not
fill in is left out (``analysis.completeness``); when no district in scope recorded it, the
figure is ``None`` (not recorded), never 0.

Only dated ties change with the date (pairings, memberships and reports, ``network.is_active``);
communities, committees' coverage and social organizations' service have no dates, so a
trend over years says how the dated ties moved against today's map.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from graphmodel.analysis.completeness import completeness
from graphmodel.analysis.gaps import RULES, GapContext
from graphmodel.analysis.network import street_index
from graphmodel.analysis.policy import Policy
from graphmodel.errors import GraphmodelError
from graphmodel.schema import Label, Rel

__all__ = ["COVERAGE", "EVERY", "TrendPoint", "period_ends", "trend"]

EVERY = ("year", "quarter", "month")

COVERAGE = {
    "paired": "unpaired_community",
    "with_committee": "no_committee",
    "enough_social": "few_social_orgs",
    "reported": "unreported",
}
"""Each coverage figure and the rule whose community gaps it subtracts."""


@dataclass
class TrendPoint:
    """The figures at the end of one period: ``communities`` in scope, the coverage figures
    (``None``: not recorded anywhere in scope; otherwise counted over ``judged`` communities),
    and the number of gaps per rule."""

    date: str
    communities: int
    paired: int | None = None
    with_committee: int | None = None
    enough_social: int | None = None
    reported: int | None = None
    judged: dict[str, int] = field(default_factory=dict)
    gaps: dict[str, int] = field(default_factory=dict)

    def rate(self, figure: str) -> float | None:
        """``figure`` as a share of the communities it was judged over (``None`` when not
        recorded or no community)."""
        value, over = getattr(self, figure), self.judged.get(figure, 0)
        return None if value is None or not over else value / over

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


def period_ends(start: dt.date, end: dt.date, every: str = "year") -> list[dt.date]:
    """The last day of each period from the one holding ``start`` to the one holding ``end``.

    >>> period_ends(dt.date(2019, 1, 1), dt.date(2021, 1, 1))
    [datetime.date(2019, 12, 31), datetime.date(2020, 12, 31), datetime.date(2021, 12, 31)]
    >>> period_ends(dt.date(2024, 2, 1), dt.date(2024, 6, 1), "quarter")
    [datetime.date(2024, 3, 31), datetime.date(2024, 6, 30)]
    """
    if every not in EVERY:
        raise GraphmodelError("trend_period", every=every, choices=list(EVERY))
    if end < start:
        raise GraphmodelError("trend_order", start=start, end=end)
    months = {"year": 12, "quarter": 3, "month": 1}[every]
    index = (start.year * 12 + start.month - 1) // months
    last = (end.year * 12 + end.month - 1) // months
    days = []
    for i in range(index, last + 1):
        after = (i + 1) * months  # the first month of the next period, counted from year 0
        first_next = dt.date(after // 12, after % 12 + 1, 1)
        days.append(first_next - dt.timedelta(days=1))
    return days


def trend(
    g: nx.MultiDiGraph,
    policy: Policy,
    dates: list[dt.date],
    streets: Collection[str] | None = None,
) -> list[TrendPoint]:
    """The figures at each of ``dates`` for the communities of ``streets`` (ids; all when
    ``None``). See the module docstring.

    Notes
    -----
    One run of every gap rule per date: O(len(dates) (n + m) log n).
    """
    recorded = completeness(g)
    where = street_index(g)
    district_of = {
        u: v
        for u, v, rel in g.edges(data="type")
        if rel == Rel.PART_OF and g.nodes[u].get("label") == Label.STREET
    }
    inside = {
        c: district_of.get(where.get(c) or "", "")
        for c, label in g.nodes(data="label")
        if label == Label.COMMUNITY and (streets is None or where.get(c) in streets)
    }
    judged = {
        figure: sum(1 for d in inside.values() if recorded.judged(rule, d))
        for figure, rule in COVERAGE.items()
    }
    points = []
    for day in dates:
        gaps = [
            gap
            for gap in recorded.split(GapContext(g, policy, day).run(RULES)).gaps
            if streets is None or gap.street_id in streets
        ]
        lacking = Counter(gap.rule for gap in gaps if gap.node_id in inside)
        point = TrendPoint(
            date=day.isoformat(),
            communities=len(inside),
            judged=dict(judged),
            gaps={rule: n for rule in RULES if (n := sum(1 for x in gaps if x.rule == rule))},
        )
        for figure, rule in COVERAGE.items():
            if judged[figure]:
                setattr(point, figure, judged[figure] - lacking[rule])
        points.append(point)
    return points
