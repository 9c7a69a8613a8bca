"""Data completeness: which ledger tables say nothing about a district, and so which gap rules
cannot be judged there.

A gap rule counts what is missing, so a table nobody filled in would make every community of a
district a gap: 海淀区's ledger records no social organizations, and without this check each
of its 626 communities would read "社区社会组织0个" (0% in red), exactly as a district that
recorded them and has none. Absent data is *not recorded* (未采集), never a 0% or a gap.

Definitions:

- A relationship *sits in* every district one of its ends sits in (``network.street_index``,
  then the street's ``PART_OF`` district), whatever its dates: a pairing that has ended is
  still a recorded row.
- A table is *recorded* for a district when at least one relationship of its type sits
  there. The tables are those of the ledger (``ledger.tables.TABLES``) whose rows are the
  relationships a rule reads, named as the ledger names them.
- A rule is *judged* in a district when at least one of its input tables (``RULE_INPUTS``)
  is recorded there; otherwise its gaps there are dropped and the district is listed as not
  recorded for that rule. ``working_alone`` reads pairings and memberships: it is judged
  when either is recorded (a unit in a committee of a district without a pairing ledger is
  still not working alone). ``isolated_cluster`` reads every working tie and is always judged.

The judgement is per district, the level at which ledgers are kept: within a district that
recorded a table, a street without a single row is a real gap, not missing data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graphmodel.analysis.gaps import RULES, Gap, GapContext, find_gaps
from graphmodel.analysis.network import street_index
from graphmodel.analysis.policy import Policy
from graphmodel.ledger.tables import TABLES
from graphmodel.schema import Label, Rel

__all__ = ["RULE_INPUTS", "Completeness", "JudgedGaps", "completeness", "judged_gaps"]

RULE_INPUTS: dict[str, tuple[str, ...]] = {
    "unpaired_community": (Rel.PAIRED_WITH,),
    "expired_pairing": (Rel.PAIRED_WITH,),
    "few_social_orgs": (Rel.SERVES,),
    "unreported": (Rel.REPORTS_TO,),
    "no_committee": (Rel.COVERS,),
    "thin_committee": (Rel.MEMBER_OF,),
    "working_alone": (Rel.PAIRED_WITH, Rel.MEMBER_OF),
}
"""The relationship types each gap rule reads; a rule not listed is always judged."""


def _table_of(rel: str) -> str:
    """The ledger table whose rows are ``rel`` relationships (by the table or a column)."""
    for table in TABLES:
        if table.rel == rel or any(c.rel == rel for c in table.columns):
            return table.name
    return rel


@dataclass
class Completeness:
    """Per district id, the relationship types the ledgers recorded there.

    ``districts`` maps each district id to its name; ``recorded`` each district id to the set
    of relationship types with at least one row there.
    """

    districts: dict[str, str] = field(default_factory=dict)
    recorded: dict[str, set[str]] = field(default_factory=dict)

    def judged(self, rule: str, district: str) -> bool:
        """Whether ``rule`` can be judged in ``district`` (an id; ``""`` for gaps located in
        no district, which are always judged)."""
        inputs = RULE_INPUTS.get(rule)
        if not inputs or not district or district not in self.districts:
            return True
        return any(rel in self.recorded.get(district, set()) for rel in inputs)

    def missing_tables(self, district: str) -> list[str]:
        """The ledger tables (``pairings``, ``social_orgs`` ...) with no row in ``district``,
        among those some rule reads, in ledger order."""
        rels = {rel for inputs in RULE_INPUTS.values() for rel in inputs}
        have = self.recorded.get(district, set())
        missing = {_table_of(rel) for rel in rels if rel not in have}
        order = [t.name for t in TABLES]
        return sorted(missing, key=lambda t: order.index(t) if t in order else len(order))

    def unjudged_rules(self, district: str) -> list[str]:
        """The rules of ``RULE_INPUTS`` that cannot be judged in ``district``."""
        return [rule for rule in RULE_INPUTS if not self.judged(rule, district)]

    def split(self, gaps: Iterable[Gap]) -> JudgedGaps:
        """The gaps that can be judged, and how many were dropped per (rule, district id)."""
        judged = JudgedGaps(districts=self.districts)
        for gap in gaps:
            if self.judged(gap.rule, gap.district_id):
                judged.gaps.append(gap)
            else:
                key = (gap.rule, gap.district_id)
                judged.dropped[key] = judged.dropped.get(key, 0) + 1
        return judged

    def to_dict(self) -> dict[str, Any]:
        """Plain dict: per district, its name, the tables not recorded and the rules not
        judged (the ``--json`` form)."""
        return {
            d: {
                "name": name,
                "missing_tables": self.missing_tables(d),
                "unjudged_rules": self.unjudged_rules(d),
            }
            for d, name in sorted(self.districts.items())
        }


@dataclass
class JudgedGaps:
    """The gaps a rule can judge (``gaps``), and the ones dropped because the rule's input
    tables were not recorded in their district: ``dropped`` maps (rule, district id) to how
    many; ``districts`` names the districts (id -> name)."""

    gaps: list[Gap] = field(default_factory=list)
    dropped: dict[tuple[str, str], int] = field(default_factory=dict)
    districts: dict[str, str] = field(default_factory=dict)

    def unjudged(self, districts: Iterable[str] | None = None) -> dict[str, list[tuple[str, int]]]:
        """Per rule (in ``RULES`` order), the districts where gaps were dropped, as (name,
        how many) sorted by name; only ``districts`` (ids) when given."""
        keep = None if districts is None else set(districts)
        found: dict[str, list[tuple[str, int]]] = {}
        for rule in RULES:
            for (r, d), n in self.dropped.items():
                if r == rule and (keep is None or d in keep):
                    found.setdefault(rule, []).append((self.districts.get(d, d), n))
        return {rule: sorted(places) for rule, places in found.items()}

    def to_dict(self, districts: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """The dropped gaps as rows (the ``--json`` form): rule, district id and name, and
        ``gaps_dropped``; only ``districts`` (ids) when given."""
        keep = None if districts is None else set(districts)
        return [
            {
                "rule": rule,
                "district_id": d,
                "district_name": self.districts.get(d, d),
                "gaps_dropped": n,
            }
            for (rule, d), n in sorted(self.dropped.items())
            if keep is None or d in keep
        ]


def judged_gaps(
    g: nx.MultiDiGraph,
    policy: Policy,
    as_of: dt.date,
    street: str | None = None,
    district: str | None = None,
    rules: Iterable[str] | None = None,
) -> JudgedGaps:
    """``find_gaps`` (same parameters), less the gaps of rules that cannot be judged where
    they sit because the tables they read were not recorded there (module docstring): what
    ``graphmodel gaps`` and the report count as gaps.

    Notes
    -----
    O((n + m) log n), as ``find_gaps``.
    """
    ctx = GapContext(g, policy, as_of)
    found = find_gaps(g, policy, as_of, street, district, rules, context=ctx)
    return completeness(g, ctx.ties.streets).split(found)


def completeness(
    g: nx.MultiDiGraph, streets: Mapping[str, str | None] | None = None
) -> Completeness:
    """Which relationship types each district of ``g`` recorded (module docstring);
    ``streets`` is ``network.street_index(g)`` when the caller has it (``Ties.streets``).

    Notes
    -----
    O(n + m) for n nodes and m relationships.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
    >>> from graphmodel.store import EmbeddedStore
    >>> store = EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "g.json")
    >>> store.write(GraphBatch(
    ...     [NodeRecord("District", "d", {"name": "海淀区"}),
    ...      NodeRecord("Street", "s", {"name": "万寿路街道"}),
    ...      NodeRecord("Community", "c", {"name": "复兴路社区"}),
    ...      NodeRecord("SocialOrg", "o", {"name": "志愿队"})],
    ...     [EdgeRecord("PART_OF", "s", "d"), EdgeRecord("PART_OF", "c", "s"),
    ...      EdgeRecord("SERVES", "o", "c")]))
    >>> found = completeness(store.graph())
    >>> found.judged("few_social_orgs", "d"), found.judged("unreported", "d")
    (True, False)
    >>> found.missing_tables("d")
    ['committees', 'memberships', 'pairings', 'reports']
    """
    where = street_index(g) if streets is None else streets
    district_of: dict[str, str] = {}
    districts: dict[str, str] = {}
    for n, data in g.nodes(data=True):
        if data.get("label") == Label.DISTRICT:
            districts[n] = data.get("name", n)
    for u, v, rel in g.edges(data="type"):
        if rel == Rel.PART_OF and g.nodes[u].get("label") == Label.STREET:
            district_of[u] = v
    rels = {rel for inputs in RULE_INPUTS.values() for rel in inputs}
    recorded: dict[str, set[str]] = {d: set() for d in districts}
    for u, v, rel in g.edges(data="type"):
        if rel not in rels:
            continue
        for end in (u, v):
            district = district_of.get(where.get(end) or "")
            if district in recorded:
                recorded[district].add(rel)
    return Completeness(districts, recorded)
