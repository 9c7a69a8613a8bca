"""The needs report (``graphmodel needs``): what was raised, claimed and resolved, where, by whom.

Definitions are those of ``graphmodel.analysis.lists`` (open, claimed, resolved, declined,
age, overdue). Here:

- A need sits in the street (and district) of whoever raised it (``network.street_of``: a
  community's street, a street itself, a unit's street, a committee's covered area).
- *Resolution rate* of an area: resolved / (raised - declined); a need declined (不予受理) is
  closed without being met and is not counted against the area. ``None`` when nothing is left
  to count. 回龙观街道 (seed, 001): 103 of 109 = 0.945.
- Per *resolver* (the claimer: a committee, unit, social organization, street or party
  organization folded into its owner): needs claimed, resolved, still open, the rate
  resolved / (claimed - declined), and the resolved needs by category (who resolves what).
- *Open needs by area and category*: per street and category, how many are open, how many
  overdue, and the oldest one's age in days (``None`` when no open need there is dated).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.gaps import AreaFilter, GapContext
from graphmodel.analysis.lists import NeedItem
from graphmodel.analysis.policy import Policy

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["AreaNeeds", "NeedsReport", "OpenNeed", "Resolver", "needs_report"]


@dataclass
class AreaNeeds:
    """Counts of one street or district (``level`` is ``street`` or ``district``)."""

    id: str
    name: str
    level: str
    district_id: str = ""
    raised: int = 0
    claimed: int = 0
    resolved: int = 0
    declined: int = 0
    open: int = 0
    overdue: int = 0
    rate: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class Resolver:
    """One claimer's needs: claimed, resolved, open, declined, rate, resolved by category."""

    id: str
    name: str
    label: str
    street_id: str
    claimed: int = 0
    resolved: int = 0
    open: int = 0
    declined: int = 0
    rate: float | None = None
    categories: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass(frozen=True)
class OpenNeed:
    """An open need with its age and whether it is overdue (``deadline_days`` applies)."""

    id: str
    name: str
    category: str
    status: str
    raised: str
    age_days: int | None
    deadline_days: int
    overdue: bool
    raiser_id: str
    raiser_name: str
    claimer_id: str
    claimer_name: str
    street_id: str
    street_name: str
    district_id: str
    district_name: str

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class NeedsReport:
    """Everything ``graphmodel needs`` shows (see the module docstring)."""

    as_of: str
    total: AreaNeeds
    districts: list[AreaNeeds] = field(default_factory=list)
    streets: list[AreaNeeds] = field(default_factory=list)
    resolvers: list[Resolver] = field(default_factory=list)
    open_needs: list[OpenNeed] = field(default_factory=list)
    open_by_category: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {
            "as_of": self.as_of,
            "total": self.total.to_dict(),
            "districts": [a.to_dict() for a in self.districts],
            "streets": [a.to_dict() for a in self.streets],
            "resolvers": [r.to_dict() for r in self.resolvers],
            "open_needs": [n.to_dict() for n in self.open_needs],
            "open_by_category": self.open_by_category,
        }


def needs_report(
    g: nx.MultiDiGraph,
    policy: Policy,
    as_of: dt.date,
    street: str | None = None,
    district: str | None = None,
    context: GapContext | None = None,
) -> NeedsReport:
    """The needs of ``g`` on ``as_of``, by area, resolver and category.

    Parameters
    ----------
    g : graph view (``Store.graph()``)
    policy : the deadlines (``need_claim_days``, ``need_resolve_days``, district overrides)
    as_of : the day ages are counted to
    street, district : only the needs raised there (an id or a unique name)
    context : a ``GapContext`` of ``g``, ``policy`` and ``as_of`` to reuse

    Returns
    -------
    NeedsReport
        Areas sorted by id; resolvers by resolved needs (most first), then id; open needs
        oldest first (undated last), then id.

    Examples
    --------
    >>> import datetime
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("s", label="Street", name="回龙观街道")
    >>> for i, status in enumerate(["已办结", "已办结", "办理中"]):
    ...     g.add_node(f"n{i}", label="Need", name=f"诉求{i}", status=status, raised="2023-01-01")
    ...     _ = g.add_edge(f"n{i}", "s", key="RAISED_BY|", type="RAISED_BY")
    >>> report = needs_report(g, Policy(), datetime.date(2023, 3, 1))
    >>> report.streets[0].resolved, report.streets[0].raised, report.streets[0].rate
    (2, 3, 0.6667)
    >>> [(n.id, n.age_days, n.overdue) for n in report.open_needs]
    [('n2', 59, True)]
    """
    ctx = context if context is not None else GapContext(g, policy, as_of)
    lists, ties = ctx.lists, ctx.ties
    within = AreaFilter(g, street, district)
    total = AreaNeeds("", "", "all")
    areas: dict[str, AreaNeeds] = {}
    resolvers: dict[str, Resolver] = {}
    open_needs: list[OpenNeed] = []
    by_category: dict[tuple[str, str], dict[str, Any]] = {}
    for need in sorted(lists.needs.values(), key=lambda n: n.id):
        s = ties.street(need.raiser) if need.raiser else None
        d = ties.district(s)
        if not within.keeps(s, d):
            continue
        overdue, deadline = _overdue(ctx, need)
        counted = [total]
        if s:
            counted.append(_area(areas, ties, s, "street", d or ""))
        if d:
            counted.append(_area(areas, ties, d, "district", ""))
        for area in counted:
            _count(area, need, overdue)
        if need.claimer:
            _resolver(resolvers, ctx, need)
        if need.open:
            open_needs.append(_open(ctx, need, deadline, overdue))
            row = by_category.setdefault(
                (s or "", need.category),
                {
                    "street_id": s or "",
                    "street_name": ties.name(s) if s else "",
                    "category": need.category,
                    "open": 0,
                    "overdue": 0,
                    "oldest_days": None,
                },
            )
            row["open"] += 1
            row["overdue"] += overdue
            age = lists.age(need)
            if age is not None and (row["oldest_days"] is None or age > row["oldest_days"]):
                row["oldest_days"] = age
    for area in [total, *areas.values()]:
        area.rate = _rate(area.resolved, area.raised - area.declined)
    for r in resolvers.values():
        r.rate = _rate(r.resolved, r.claimed - r.declined)
        r.categories = dict(sorted(r.categories.items()))
    open_needs.sort(key=lambda n: (n.age_days is None, -(n.age_days or 0), n.id))
    return NeedsReport(
        as_of=as_of.isoformat(),
        total=total,
        districts=sorted((a for a in areas.values() if a.level == "district"), key=_by_id),
        streets=sorted((a for a in areas.values() if a.level == "street"), key=_by_id),
        resolvers=sorted(resolvers.values(), key=lambda r: (-r.resolved, r.id)),
        open_needs=open_needs,
        open_by_category=[by_category[k] for k in sorted(by_category)],
    )


def _by_id(area: AreaNeeds) -> str:
    return area.id


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole > 0 else None


def _overdue(ctx: GapContext, need: NeedItem) -> tuple[bool, int]:
    """Whether an open need is overdue, and the deadline that applies (lists docstring)."""
    street = ctx.ties.street(need.raiser) if need.raiser else None
    policy = ctx.policy_for(street) if street else ctx.policy
    deadline = policy.need_claim_days if need.status == "待认领" else policy.need_resolve_days
    age = ctx.lists.age(need)
    return (need.open and age is not None and age > deadline), deadline


def _area(areas: dict[str, AreaNeeds], ties: Any, node: str, level: str, up: str) -> AreaNeeds:
    if node not in areas:
        areas[node] = AreaNeeds(node, ties.name(node), level, up)
    return areas[node]


def _count(area: AreaNeeds, need: NeedItem, overdue: bool) -> None:
    area.raised += 1
    area.claimed += need.status in ("办理中", "已办结")
    area.resolved += need.status == "已办结"
    area.declined += need.status == "不予受理"
    area.open += need.open
    area.overdue += overdue


def _resolver(resolvers: dict[str, Resolver], ctx: GapContext, need: NeedItem) -> None:
    ties = ctx.ties
    node = need.claimer
    if node not in resolvers:
        street = ties.street(node)
        resolvers[node] = Resolver(node, ties.name(node), ties.label(node), street or "")
    r = resolvers[node]
    r.claimed += 1
    r.open += need.open
    r.declined += need.status == "不予受理"
    if need.status == "已办结":
        r.resolved += 1
        r.categories[need.category] = r.categories.get(need.category, 0) + 1


def _open(ctx: GapContext, need: NeedItem, deadline: int, overdue: bool) -> OpenNeed:
    ties = ctx.ties
    return OpenNeed(
        id=need.id,
        name=ties.name(need.id),
        category=need.category,
        status=need.status,
        raised=need.raised,
        age_days=ctx.lists.age(need),
        deadline_days=deadline,
        overdue=overdue,
        raiser_id=need.raiser,
        raiser_name=ties.name(need.raiser) if need.raiser else "",
        claimer_id=need.claimer,
        claimer_name=ties.name(need.claimer) if need.claimer else "",
        **ties.area(need.raiser),
    )
