"""Per-street coverage figures, derived from the gap list so that the two always agree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.completeness import Completeness
from graphmodel.analysis.gaps import Gap
from graphmodel.analysis.network import street_of
from graphmodel.schema import Label, Rel

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["StreetCoverage", "street_coverage"]


@dataclass
class StreetCoverage:
    """One street's communities and how many of them each kind of tie reaches.

    - ``communities``: communities (社区 and 村) filed under the street (``PART_OF``).
    - ``paired``: those without an ``unpaired_community`` gap (a pairing in force).
    - ``with_committee``: those without a community-level ``no_committee`` gap.
    - ``enough_social``: those without a ``few_social_orgs`` gap.
    - ``reported``: those without an ``unreported`` gap (双报到).
    - ``gaps``: every gap located in the street, of any rule (including the street's own)
      that can be judged.

    A figure is ``None`` when its rule cannot be judged in the street's district (the ledger
    table it reads has no row there, ``analysis.completeness``): not recorded (未采集), which
    the report never shows as 0%.
    """

    id: str
    name: str
    district: str
    communities: int
    paired: int | None
    with_committee: int | None
    enough_social: int | None
    reported: int | None
    gaps: int

    @property
    def paired_rate(self) -> float | None:
        """``paired / communities`` (0 for a street without communities, ``None`` when the
        pairings were not recorded)."""
        if self.paired is None:
            return None
        return self.paired / self.communities if self.communities else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        rate = self.paired_rate
        return {**asdict(self), "paired_rate": None if rate is None else round(rate, 4)}


def street_coverage(
    g: nx.MultiDiGraph, gaps: Iterable[Gap], recorded: Completeness | None = None
) -> list[StreetCoverage]:
    """``StreetCoverage`` for every street of ``g``, sorted by district name, then street name.

    ``gaps`` must be the unfiltered ``find_gaps`` result for the same graph and date, less the
    gaps that ``recorded`` says cannot be judged; a figure whose rule cannot be judged in the
    street's district is ``None``.
    """
    per_street: Counter[str] = Counter()
    for n, data in g.nodes(data=True):
        if data.get("label") == Label.COMMUNITY:
            per_street[street_of(g, n) or ""] += 1
    missing: dict[str, Counter[str]] = {}
    all_gaps: Counter[str] = Counter()
    for gap in gaps:
        all_gaps[gap.street_id] += 1
        if gap.label == Label.COMMUNITY:
            missing.setdefault(gap.street_id, Counter())[gap.rule] += 1
    rows = []
    for s, data in g.nodes(data=True):
        if data.get("label") != Label.STREET:
            continue
        count = per_street[s]
        lacking = missing.get(s, Counter())
        district_id = next(
            (v for _, v, d in g.out_edges(s, data=True) if d.get("type") == Rel.PART_OF), ""
        )
        district = g.nodes[district_id].get("name", district_id) if district_id else ""
        figure: dict[str, int | None] = {
            rule: count - lacking[rule]
            if recorded is None or recorded.judged(rule, district_id)
            else None
            for rule in ("unpaired_community", "no_committee", "few_social_orgs", "unreported")
        }
        rows.append(
            StreetCoverage(
                id=s,
                name=data.get("name", s),
                district=district,
                communities=count,
                paired=figure["unpaired_community"],
                with_committee=figure["no_committee"],
                enough_social=figure["few_social_orgs"],
                reported=figure["unreported"],
                gaps=all_gaps[s],
            )
        )
    rows.sort(key=lambda r: (r.district, r.name, r.id))
    return rows
