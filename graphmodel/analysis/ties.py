"""Who is tied to whom on a date: the indexes that the gap rules, what-if and proposals share.

``Ties.of(g, as_of)`` reads the graph view once (O(n + m)) and answers the questions the rules
ask many times: a community's or unit's party organizations, its pairings in force, the
committees it belongs to, the committees covering an area, the social organizations serving a
community, the reports (双报到) a community receives, and where a node sits. A node's party
organizations are those it owns, and an organization's owner is ``graphview.party_owners``.

Dated ties are in force when ``network.is_active`` says so (``since <= as_of < until``; a
missing ``since`` means since always, a missing ``until`` means open-ended). This applies to
``PAIRED_WITH`` and also to ``MEMBER_OF`` and ``REPORTS_TO``, which carry a ``since``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict

from graphmodel.analysis.network import is_active, street_index
from graphmodel.graphview import pairing_sides, party_owners
from graphmodel.schema import Label, Rel

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Pairing", "Ties"]


class Area(TypedDict):
    """The street and district of a node, by id and name ("" where there is none)."""

    street_id: str
    street_name: str
    district_id: str
    district_name: str


@dataclass(frozen=True)
class Pairing:
    """One ``PAIRED_WITH`` relationship with its two sides told apart.

    ``community_org`` is the end whose party organization belongs to a community; when neither
    or both do, it is the relationship's end node (the ledger writes unit -> community).
    """

    start: str
    end: str
    key: str
    unit_org: str
    community_org: str
    since: str
    until: str
    kind: str


@dataclass
class Ties:
    """Indexes of one graph view on one date (see the module docstring)."""

    g: nx.MultiDiGraph
    as_of: dt.date
    orgs: dict[str, list[str]] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)
    pairings: list[Pairing] = field(default_factory=list)
    active: dict[str, list[Pairing]] = field(default_factory=dict)
    history: dict[str, list[Pairing]] = field(default_factory=dict)
    members: dict[str, set[str]] = field(default_factory=dict)
    committees_of: dict[str, set[str]] = field(default_factory=dict)
    covering: dict[str, set[str]] = field(default_factory=dict)
    serving: dict[str, set[str]] = field(default_factory=dict)
    reports: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)
    _streets: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def of(cls, g: nx.MultiDiGraph, as_of: dt.date) -> Ties:
        """Index ``g`` on ``as_of``."""
        ties = cls(g, as_of)
        ties._streets = street_index(g)
        paired: list[tuple[str, str, str, dict[str, Any]]] = []
        for u, v, k, data in g.edges(keys=True, data=True):
            rel = data.get("type")
            if rel == Rel.PAIRED_WITH:
                paired.append((u, v, k, data))
            elif rel == Rel.MEMBER_OF and is_active(data, as_of):
                ties.members.setdefault(v, set()).add(u)
                ties.committees_of.setdefault(u, set()).add(v)
            elif rel == Rel.COVERS:
                ties.covering.setdefault(v, set()).add(u)
            elif rel == Rel.SERVES:
                ties.serving.setdefault(v, set()).add(u)
            elif rel == Rel.REPORTS_TO and is_active(data, as_of):
                ties.reports.setdefault(v, []).append(data)
            elif rel == Rel.PART_OF:
                ties.parent[u] = v
        ties.owner = party_owners(g)
        for org, owner in sorted(ties.owner.items()):
            ties.orgs.setdefault(owner, []).append(org)
        for u, v, k, data in paired:
            pairing = ties._pairing(u, v, k, data)
            ties.pairings.append(pairing)
            for org in {u, v}:
                ties.history.setdefault(org, []).append(pairing)
            if is_active(data, as_of):
                for org in {u, v}:
                    ties.active.setdefault(org, []).append(pairing)
        return ties

    def label(self, node: str) -> str:
        """The node's label."""
        return self.g.nodes[node].get("label", "")

    def name(self, node: str) -> str:
        """The node's name (its id when it has none)."""
        return self.g.nodes[node].get("name") or node

    def party_orgs(self, node: str) -> list[str]:
        """The party organizations that ``BELONGS_TO`` ``node``, sorted (itself if it is one)."""
        if self.label(node) == Label.PARTY_ORG:
            return [node]
        return self.orgs.get(node, [])

    def active_pairings(self, node: str) -> list[Pairing]:
        """The pairings in force of ``node``'s party organizations, each once, sorted."""
        found = {p for org in self.party_orgs(node) for p in self.active.get(org, [])}
        return sorted(found, key=lambda p: (p.since, p.start, p.end, p.key))

    def all_pairings(self, node: str) -> list[Pairing]:
        """Every pairing of ``node``'s party organizations whatever its dates, each once."""
        found = {p for org in self.party_orgs(node) for p in self.history.get(org, [])}
        return sorted(found, key=lambda p: (p.since, p.start, p.end, p.key))

    def committees(self, node: str) -> set[str]:
        """Committees ``node`` or one of its party organizations is a member of (in force)."""
        found = set(self.committees_of.get(node, set()))
        for org in self.party_orgs(node):
            found |= self.committees_of.get(org, set())
        return found

    def working_alone(self, node: str) -> bool:
        """Whether ``node`` has no pairing in force and no committee membership (各自作战)."""
        return not self.active_pairings(node) and not self.committees(node)

    def member_units(self, committee: str) -> set[str]:
        """The member units of ``committee``: the ``MemberUnit`` and ``SocialOrg`` nodes that are
        members in force, directly or through a party organization that belongs to them.

        Party organizations of communities, streets and districts, and party organizations
        that belong to nothing, are members but not member units: they are the organizers'
        side of the committee, not the resident units it brings in.
        """
        units = set()
        for member in self.members.get(committee, set()):
            if self.label(member) == Label.PARTY_ORG:
                member = self.owner.get(member, "")
            if member and self.label(member) in (Label.MEMBER_UNIT, Label.SOCIAL_ORG):
                units.add(member)
        return units

    def street(self, node: str) -> str | None:
        """The street ``node`` sits in (``network.street_of``, read from ``street_index``)."""
        return self._streets.get(node)

    @property
    def streets(self) -> Mapping[str, str | None]:
        """``network.street_index`` of the graph (node -> the street it sits in), made once."""
        return self._streets

    def area(self, node: str) -> Area:
        """Where ``node`` sits: the street and district block every located result carries
        (gaps, proposals, communities no unit can cover), "" where it sits in none."""
        street = self.street(node)
        district = self.district(street)
        return Area(
            street_id=street or "",
            street_name=self.name(street) if street else "",
            district_id=district or "",
            district_name=self.name(district) if district else "",
        )

    def district(self, street: str | None) -> str | None:
        """The district a street is part of."""
        if street is None:
            return None
        up = self.parent.get(street)
        return up if up is not None and self.label(up) == Label.DISTRICT else None

    def _pairing(self, u: str, v: str, key: str, data: dict[str, Any]) -> Pairing:
        unit, community = pairing_sides(self.g, self.owner, u, v)
        return Pairing(
            start=u,
            end=v,
            key=key,
            unit_org=unit,
            community_org=community,
            since=data.get("since") or "",
            until=data.get("until") or "",
            kind=data.get("kind") or "",
        )
