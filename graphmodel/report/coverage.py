"""Per-street coverage figures, derived from the gap list so that the two always agree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from graphmodel.analysis.gaps import Gap
from graphmodel.analysis.network import street_of

__all__ = ["StreetCoverage", "street_coverage"]


@dataclass
class StreetCoverage:
    """One street's communities and how many of them each kind of tie reaches.

    - ``communities``: communities (社区 and 村) filed under the street (``PART_OF``).
    - ``paired``: those without an ``unpaired_community`` gap (a pairing in force).
    - ``with_committee``: those without a community-level ``no_committee`` gap.
    - ``enough_social``: those without a ``few_social_orgs`` gap.
    - ``reported``: those without an ``unreported`` gap (双报到).
    - ``gaps``: every gap located in the street, of any rule (including the street's own).
    """

    id: str
    name: str
    district: str
    communities: int
    paired: int
    with_committee: int
    enough_social: int
    reported: int
    gaps: int

    @property
    def paired_rate(self) -> float:
        """``paired / communities`` (0 for a street without communities)."""
        return self.paired / self.communities if self.communities else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {**asdict(self), "paired_rate": round(self.paired_rate, 4)}


def street_coverage(g: nx.MultiDiGraph, gaps: Iterable[Gap]) -> list[StreetCoverage]:
    """``StreetCoverage`` for every street of ``g``, sorted by district name, then street name.

    ``gaps`` must be the unfiltered ``find_gaps`` result for the same graph and date.
    """
    per_street: Counter[str] = Counter()
    for n, data in g.nodes(data=True):
        if data.get("label") == "Community":
            per_street[street_of(g, n) or ""] += 1
    missing: dict[str, Counter[str]] = {}
    all_gaps: Counter[str] = Counter()
    for gap in gaps:
        all_gaps[gap.street_id] += 1
        if gap.label == "Community":
            missing.setdefault(gap.street_id, Counter())[gap.rule] += 1
    rows = []
    for s, data in g.nodes(data=True):
        if data.get("label") != "Street":
            continue
        count = per_street[s]
        lacking = missing.get(s, Counter())
        district = next(
            (
                g.nodes[v].get("name", v)
                for _, v, d in g.out_edges(s, data=True)
                if d.get("type") == "PART_OF"
            ),
            "",
        )
        rows.append(
            StreetCoverage(
                id=s,
                name=data.get("name", s),
                district=district,
                communities=count,
                paired=count - lacking["unpaired_community"],
                with_committee=count - lacking["no_committee"],
                enough_social=count - lacking["few_social_orgs"],
                reported=count - lacking["unreported"],
                gaps=all_gaps[s],
            )
        )
    rows.sort(key=lambda r: (r.district, r.name, r.id))
    return rows
