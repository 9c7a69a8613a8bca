"""The three lists (三张清单) on a date: needs, resources and projects, and who works with whom.

``Lists.of(g, ties)`` reads the graph view once (O(n + m)) and answers what the needs report,
the gap rules ``unmet_need``, ``dormant_pairing``, ``idle_resource`` and ``no_needs_recorded``,
and ``match`` ask. Definitions, shared by all of them:

- *open*: a need whose status is 待认领 (unclaimed) or 办理中 (claimed, in hand); a need with no
  status is 待认领 when nobody claimed it and 办理中 when someone did. *Claimed*: 办理中 or
  已办结. *Resolved*: 已办结. *Declined*: 不予受理.
- *age*: days from ``raised`` to the as-of date (unknown without ``raised``).
- *overdue*: an open need older than the policy's deadline, ``need_claim_days`` while unclaimed,
  ``need_resolve_days`` once claimed (so a claimed need is judged by the longer deadline).
- *the period*: the ``work_period_days`` days up to the as-of date.
- *a side*: a unit, community or other actor together with its party organizations
  (``Ties.party_orgs``), since ledgers name either.
- *work in the period*: a project not in the bank (status other than 储备) whose dates meet
  the period (an undated project counts: nothing says it lies outside), or a need claimed or
  met with a resource that is still open, or was closed in the period, or is undated.
- *a resource is used* when work in the period uses it (``USES``) or meets a need with it
  (``MET_WITH``); *available* when ``since <= as_of < until``.
- A need's *community*: the community that raised it, or whose party organization did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.analysis.network import is_active
from graphmodel.schema import OPEN_NEED_STATUSES, RELATIONSHIPS, Label, Rel

if TYPE_CHECKING:
    import networkx as nx

    from graphmodel.analysis.ties import Ties

__all__ = ["Lists", "NeedItem", "ProjectItem", "ResourceItem", "need_status"]


def need_status(data: dict[str, Any], claimed: bool) -> str:
    """The need's status; without one, 办理中 if someone claimed it, else 待认领."""
    return data.get("status") or ("办理中" if claimed else "待认领")


@dataclass(frozen=True)
class NeedItem:
    """One need: who raised and claimed it (actor ids, party organizations folded into their
    owners), its community, category, status and dates."""

    id: str
    raiser: str
    community: str
    claimer: str
    resources: tuple[str, ...]
    category: str
    status: str
    raised: str
    closed: str

    @property
    def open(self) -> bool:
        """Still to be met: 待认领 or 办理中."""
        return self.status in OPEN_NEED_STATUSES


@dataclass(frozen=True)
class ResourceItem:
    """One resource: its offerer (an actor id), kind, category, capacity, scope and dates."""

    id: str
    offerer: str
    kind: str
    category: str
    capacity: int | None
    scope: str
    since: str
    until: str


@dataclass(frozen=True)
class ProjectItem:
    """One project: who runs it, where, which needs and resources, its status and dates."""

    id: str
    runner: str
    communities: tuple[str, ...]
    needs: tuple[str, ...]
    resources: tuple[str, ...]
    kind: str
    status: str
    since: str
    until: str


@dataclass
class Lists:
    """The needs, resources and projects of one graph view, indexed (module docstring)."""

    ties: Ties
    period_days: int
    needs: dict[str, NeedItem] = field(default_factory=dict)
    resources: dict[str, ResourceItem] = field(default_factory=dict)
    projects: dict[str, ProjectItem] = field(default_factory=dict)
    raised_in: dict[str, list[str]] = field(default_factory=dict)
    offered_by: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, g: nx.MultiDiGraph, ties: Ties, period_days: int) -> Lists:
        """Index the lists of ``g``; ``ties`` gives party organizations' owners and the
        as-of date, ``period_days`` the period (``Policy.work_period_days``)."""
        lists = cls(ties, period_days)
        out: dict[str, dict[str, list[str]]] = {}
        for u, v, data in g.edges(data=True):
            rel = data.get("type")
            if rel in _LIST_TIES:
                out.setdefault(u, {}).setdefault(rel, []).append(v)
        actor = lists.actor
        for n, data in g.nodes(data=True):
            label = data.get("label")
            ends = out.get(n, {})
            if label == Label.NEED:
                raiser = actor(min(ends.get(Rel.RAISED_BY, [""])))
                claimer = actor(min(ends.get(Rel.CLAIMED_BY, [""])))
                community = raiser if raiser and ties.label(raiser) == Label.COMMUNITY else ""
                lists.needs[n] = NeedItem(
                    id=n,
                    raiser=raiser,
                    community=community,
                    claimer=claimer,
                    resources=tuple(sorted(ends.get(Rel.MET_WITH, []))),
                    category=data.get("category") or "",
                    status=need_status(data, bool(claimer)),
                    raised=data.get("raised") or "",
                    closed=data.get("closed") or "",
                )
                if community:
                    lists.raised_in.setdefault(community, []).append(n)
            elif label == Label.RESOURCE:
                offerer = actor(min(ends.get(Rel.OFFERED_BY, [""])))
                capacity = data.get("capacity")
                lists.resources[n] = ResourceItem(
                    id=n,
                    offerer=offerer,
                    kind=data.get("kind") or "",
                    category=data.get("category") or "",
                    capacity=capacity if isinstance(capacity, int) else None,
                    scope=data.get("scope") or "",
                    since=data.get("since") or "",
                    until=data.get("until") or "",
                )
                if offerer:
                    lists.offered_by.setdefault(offerer, []).append(n)
            elif label == Label.PROJECT:
                lists.projects[n] = ProjectItem(
                    id=n,
                    runner=actor(min(ends.get(Rel.RUN_BY, [""]))),
                    communities=tuple(sorted(ends.get(Rel.TAKES_PLACE_IN, []))),
                    needs=tuple(sorted(ends.get(Rel.ADDRESSES, []))),
                    resources=tuple(sorted(ends.get(Rel.USES, []))),
                    kind=data.get("kind") or "",
                    status=data.get("status") or "",
                    since=data.get("since") or "",
                    until=data.get("until") or "",
                )
        for ids in (*lists.raised_in.values(), *lists.offered_by.values()):
            ids.sort()
        return lists

    @property
    def as_of(self) -> dt.date:
        """The as-of date."""
        return self.ties.as_of

    @property
    def period_start(self) -> str:
        """The first day of the period (ISO)."""
        return (self.as_of - dt.timedelta(days=self.period_days)).isoformat()

    def actor(self, node: str) -> str:
        """``node``, or the owner of a party organization that belongs to one."""
        return self.ties.owner.get(node, node) if node else ""

    def age(self, need: NeedItem) -> int | None:
        """Days from the need's ``raised`` to the as-of date; ``None`` when not recorded."""
        if not need.raised:
            return None
        return (self.as_of - dt.date.fromisoformat(need.raised)).days

    def in_period(self, since: str, until: str) -> bool:
        """Whether dates ``since`` .. ``until`` (either may be empty) meet the period."""
        day = self.as_of.isoformat()
        return (not since or since <= day) and (not until or until > self.period_start)

    def need_worked(self, need: NeedItem) -> bool:
        """Whether the need is work in the period: claimed or met, and open, closed in the
        period, or undated."""
        if not (need.claimer or need.resources) or need.status == "不予受理":
            return False
        if need.open:
            return not need.raised or need.raised <= self.as_of.isoformat()
        return not need.closed or self.period_start < need.closed <= self.as_of.isoformat()

    def project_worked(self, project: ProjectItem) -> bool:
        """Whether the project is work in the period (not in the bank, dates meet it)."""
        return project.status != "储备" and self.in_period(project.since, project.until)

    def available(self, resource: ResourceItem) -> bool:
        """Whether the resource is on offer on the as-of date."""
        return is_active({"since": resource.since, "until": resource.until}, self.as_of)

    def used_resources(self) -> set[str]:
        """Resources used in the period (module docstring)."""
        used: set[str] = set()
        for project in self.projects.values():
            if self.project_worked(project):
                used.update(project.resources)
        for need in self.needs.values():
            if need.resources and self.need_worked(need):
                used.update(need.resources)
        return used

    def load(self) -> dict[str, int]:
        """How much of each resource's yearly capacity is taken: one for each need met with
        it that is open or closed in the period, and one for each project of the period that
        uses it."""
        taken: dict[str, int] = {}
        for need in self.needs.values():
            if need.resources and self.need_worked(need):
                for r in need.resources:
                    taken[r] = taken.get(r, 0) + 1
        for project in self.projects.values():
            if project.resources and self.project_worked(project):
                for r in project.resources:
                    taken[r] = taken.get(r, 0) + 1
        return taken

    def worked_between(self) -> set[tuple[str, str]]:
        """(actor, community) pairs with work between them in the period: a project the actor
        runs in the community or for one of its needs, a need of the community the actor
        claimed, or met with a resource the actor offers."""
        return {(a, c) for a, c, _ in self._work(resolved_only=False)}

    def delivered_between(self) -> dict[tuple[str, str], int]:
        """How much work each actor delivered to each community in the period: the number of
        distinct projects of the period it runs in the community or for one of its needs,
        plus the needs of the community resolved (已办结) in the period (or undated) that it
        claimed or met with a resource it offers. A need still open counts as work
        (``worked_between``) but not as delivered. Pairs with nothing delivered are absent."""
        counts: dict[tuple[str, str], int] = {}
        for a, c, _ in set(self._work(resolved_only=True)):
            counts[a, c] = counts.get((a, c), 0) + 1
        return counts

    def _work(self, resolved_only: bool) -> Iterator[tuple[str, str, str]]:
        """(actor, community, project or need id) for each piece of work in the period between
        an actor and a community (``worked_between``); with ``resolved_only`` only resolved
        needs count."""
        for project in self.projects.values():
            if not project.runner or not self.project_worked(project):
                continue
            places = set(project.communities)
            places |= {self.needs[n].community for n in project.needs if n in self.needs}
            places |= {self.needs[n].raiser for n in project.needs if n in self.needs}
            for c in places:
                if c:
                    yield project.runner, c, project.id
        for need in self.needs.values():
            if not need.community or not self.need_worked(need):
                continue
            if resolved_only and need.status != "已办结":
                continue
            if need.claimer:
                yield need.claimer, need.community, need.id
            for r in need.resources:
                if r in self.resources and self.resources[r].offerer:
                    yield self.resources[r].offerer, need.community, need.id


_LIST_TIES = tuple(
    rel.name for rel in RELATIONSHIPS if rel.start[0] in (Label.NEED, Label.RESOURCE, Label.PROJECT)
)
"""The ties of the three lists: those from a need, a resource or a project."""
