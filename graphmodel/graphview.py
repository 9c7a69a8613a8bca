"""Questions answered on a graph view (``networkx.MultiDiGraph``, see ``store.base``), and the
shapes of their answers (``AreaStats``, ``Stats``, ``Partner``), which both stores return.

The embedded store answers ``stats`` and ``partners`` with these functions; the Neo4j store
answers the same questions in Cypher, and the tests check that both agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.errors import AmbiguousName, NotFound
from graphmodel.schema import COMMUNITY_SIDE, UNIT_SIDE, Label, Rel
from graphmodel.suggest import closest

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "OWNER_LABELS",
    "PARTNER_LABELS",
    "AreaStats",
    "Partner",
    "Stats",
    "area_stats",
    "community_of",
    "edges_of_type",
    "name_of",
    "nodes_with_label",
    "orgs_of",
    "pairing_sides",
    "partners",
    "party_owners",
    "resolve",
    "stats",
]


@dataclass
class AreaStats:
    """Figures for one district or street.

    - ``communities``: communities (社区 and 村) in the area.
    - ``paired_communities``: those owning (``party_owners``) a party organization that has at
      least one ``PAIRED_WITH`` (whatever its dates).
    - ``pairings``: ``PAIRED_WITH`` relationships whose community-side organization is owned by
      a community in the area (the end's, else the start's).
    - ``committees``: committees that cover the area or a community in it.
    - ``social_orgs``: social organizations that serve at least one community in the area.
    - ``streets``: streets in the area (0 for a street).
    """

    id: str
    name: str
    parent: str = ""
    streets: int = 0
    communities: int = 0
    paired_communities: int = 0
    pairings: int = 0
    committees: int = 0
    social_orgs: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass
class Stats:
    """Counts per label and relationship type, and figures per district and per street."""

    labels: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    districts: list[AreaStats] = field(default_factory=list)
    streets: list[AreaStats] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {
            "labels": dict(sorted(self.labels.items())),
            "relationships": dict(sorted(self.relationships.items())),
            "districts": [a.to_dict() for a in self.districts],
            "streets": [a.to_dict() for a in self.streets],
        }


@dataclass(frozen=True)
class Partner:
    """One pairing seen from one side.

    ``org_id``/``org_name`` are the party organization on the asked side; ``partner_*`` the
    party organization on the other side, and ``owner_*`` the unit or community it belongs to
    (empty when it belongs to none).
    """

    org_id: str
    org_name: str
    partner_id: str
    partner_name: str
    owner_id: str
    owner_name: str
    owner_label: str
    kind: str
    since: str
    until: str
    agreement: str

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


PARTNER_LABELS = (*COMMUNITY_SIDE, *UNIT_SIDE, Label.PARTY_ORG)
"""What may name a record with pairings (``partners``): either side of a pairing, or a party
organization."""


def nodes_with_label(g: nx.MultiDiGraph, label: str) -> list[str]:
    """Ids of the nodes with ``label``, in graph order."""
    return [n for n, data in g.nodes(data=True) if data.get("label") == label]


def edges_of_type(g: nx.MultiDiGraph, rel: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(start, end, attributes) of every relationship of type ``rel``."""
    for u, v, data in g.edges(data=True):
        if data.get("type") == rel:
            yield u, v, data


def orgs_of(g: nx.MultiDiGraph, node: str) -> list[str]:
    """The party organizations that ``BELONGS_TO`` ``node`` (itself if it is one)."""
    if g.nodes[node].get("label") == Label.PARTY_ORG:
        return [node]
    return sorted(
        u for u, _, data in g.in_edges(node, data=True) if data.get("type") == Rel.BELONGS_TO
    )


OWNER_LABELS = (Label.STREET, Label.COMMUNITY, Label.MEMBER_UNIT, Label.SOCIAL_ORG)
"""The labels of the actors a party organization can belong to as its owner (``party_owners``)."""


def party_owners(g: nx.MultiDiGraph) -> dict[str, str]:
    """The owner of each party organization: **the one** unit (``MemberUnit``), community,
    social organization or street (``OWNER_LABELS``) that it ``BELONGS_TO``.

    The project's one definition of "the unit/community/social organization/street a party
    organization belongs to": the analyses fold an organization into its owner, a partner's
    owner is shown beside it, and a community's organizations are those it owns.

    A party organization that belongs to none of those (a 区委 belongs to a district, a 网格党支部
    to a grid) or to several (a 联合党支部 of several units, or of a unit and a community) is
    not in the mapping: it is an actor of its own. Several ``BELONGS_TO`` to the same owner count
    once. The Neo4j store's Cypher (``cypher/store/partners.cypher`` and the area figures) says
    the same: an owner is a node of those labels the organization belongs to, with no other.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("po", {"label": "PartyOrg"}), ("u", {"label": "MemberUnit"})])
    >>> g.add_edge("po", "u", type="BELONGS_TO")
    0
    >>> party_owners(g)
    {'po': 'u'}
    """
    labels = {n: d.get("label") for n, d in g.nodes(data=True)}
    owners: dict[str, set[str]] = {}
    for u, v, rel in g.edges(data="type"):
        if rel == Rel.BELONGS_TO and labels[u] == Label.PARTY_ORG and labels[v] in OWNER_LABELS:
            owners.setdefault(u, set()).add(v)
    return {org: next(iter(found)) for org, found in owners.items() if len(found) == 1}


def community_of(owners: dict[str, str], g: nx.MultiDiGraph, org: str) -> str | None:
    """The community that owns the party organization ``org`` (``owners`` is
    ``party_owners(g)``), or None when its owner is not a community or it has none."""
    owner = owners.get(org)
    return owner if owner is not None and g.nodes[owner].get("label") == Label.COMMUNITY else None


def pairing_sides(
    g: nx.MultiDiGraph, owners: dict[str, str], start: str, end: str
) -> tuple[str, str]:
    """The unit side and the community side of a ``PAIRED_WITH`` from the party organization
    ``start`` to ``end`` (``owners`` is ``party_owners(g)``).

    The side whose owner is a community-side record (``schema.COMMUNITY_SIDE``) is the community
    side; when both or neither are, the direction decides (the loader writes a pairing from the
    unit's party organization to the community's).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("c", {"label": "Community"}), ("u", {"label": "MemberUnit"})])
    >>> pairing_sides(g, {"c#po": "c", "u#po": "u"}, "c#po", "u#po")
    ('u#po', 'c#po')
    """

    def on_community_side(org: str) -> bool:
        owner = owners.get(org)
        return owner is not None and g.nodes[owner].get("label") in COMMUNITY_SIDE

    if on_community_side(start) and not on_community_side(end):
        return end, start
    return start, end


def resolve(g: nx.MultiDiGraph, ref: str, labels: tuple[str, ...] = PARTNER_LABELS) -> str:
    """The id of the node with id ``ref``, or else the one node of ``labels`` named ``ref``.

    Raises ``NotFound`` (with the closest names, ``suggest.closest``) when none is,
    ``AmbiguousName`` (with the candidates) when several are.
    """
    if ref in g and g.nodes[ref].get("label") in labels:
        return ref
    found = sorted(
        n for n, d in g.nodes(data=True) if d.get("name") == ref and d.get("label") in labels
    )
    if not found:
        names = (d.get("name", "") for _, d in g.nodes(data=True) if d.get("label") in labels)
        raise NotFound.name(ref, labels, closest(ref, names))
    if len(found) > 1:
        raise AmbiguousName(ref, [(n, g.nodes[n]["label"], _context(g, n)) for n in found])
    return found[0]


def partners(g: nx.MultiDiGraph, ref: str) -> list[Partner]:
    """The pairings of the record ``ref`` names (see ``Store.partners``)."""
    node = resolve(g, ref)
    owners = party_owners(g)
    rows = []
    for org in orgs_of(g, node):
        pairs = [
            (v, d) for _, v, d in g.out_edges(org, data=True) if d.get("type") == Rel.PAIRED_WITH
        ]
        pairs += [
            (u, d) for u, _, d in g.in_edges(org, data=True) if d.get("type") == Rel.PAIRED_WITH
        ]
        for other, data in pairs:
            owner = owners.get(other)
            rows.append(
                Partner(
                    org_id=org,
                    org_name=g.nodes[org].get("name", ""),
                    partner_id=other,
                    partner_name=g.nodes[other].get("name", ""),
                    owner_id=owner or "",
                    owner_name=g.nodes[owner].get("name", "") if owner else "",
                    owner_label=g.nodes[owner].get("label", "") if owner else "",
                    kind=data.get("kind", ""),
                    since=data.get("since", ""),
                    until=data.get("until", ""),
                    agreement=data.get("agreement", ""),
                )
            )
    return sorted(rows, key=lambda p: (p.partner_name, p.since, p.partner_id, p.org_id))


def stats(g: nx.MultiDiGraph) -> Stats:
    """Counts per label and relationship type, and ``area_stats`` for every district and street."""
    labels = Counter(d.get("label") for _, d in g.nodes(data=True))
    rels = Counter(d.get("type") for _, _, d in g.edges(data=True))
    districts, streets = area_stats(g)
    return Stats(dict(labels), dict(rels), districts, streets)


def area_stats(g: nx.MultiDiGraph) -> tuple[list[AreaStats], list[AreaStats]]:
    """``AreaStats`` per district and per street, each list sorted by id."""
    parent = {u: v for u, v, _ in edges_of_type(g, Rel.PART_OF)}
    street_of = {
        n: parent.get(n) for n in nodes_with_label(g, Label.COMMUNITY) if parent.get(n) is not None
    }
    district_of = {s: parent.get(s, "") for s in nodes_with_label(g, Label.STREET)}

    owners = party_owners(g)
    paired: set[str] = set()
    pairings_per_community: Counter[str] = Counter()
    for u, v, _ in edges_of_type(g, Rel.PAIRED_WITH):
        for org in (u, v):
            community = community_of(owners, g, org)
            if community is not None:
                paired.add(community)
        community = community_of(owners, g, v) or community_of(owners, g, u)
        if community is not None:
            pairings_per_community[community] += 1
    serving: dict[str, set[str]] = {}
    for u, v, _ in edges_of_type(g, Rel.SERVES):
        serving.setdefault(v, set()).add(u)
    covering: dict[str, set[str]] = {}
    for u, v, _ in edges_of_type(g, Rel.COVERS):
        covering.setdefault(v, set()).add(u)

    def figures(area: str, communities: list[str], areas: list[str], parent_id: str) -> AreaStats:
        """``areas`` is the area itself and, for a district, its streets."""
        committees: set[str] = set()
        social: set[str] = set()
        for place in [*areas, *communities]:
            committees |= covering.get(place, set())
        for c in communities:
            social |= serving.get(c, set())
        return AreaStats(
            id=area,
            name=g.nodes[area].get("name", ""),
            parent=parent_id,
            streets=len(areas) - 1,
            communities=len(communities),
            paired_communities=sum(1 for c in communities if c in paired),
            pairings=sum(pairings_per_community[c] for c in communities),
            committees=len(committees),
            social_orgs=len(social),
        )

    by_street: dict[str, list[str]] = {}
    for c, s in street_of.items():
        if s is not None:
            by_street.setdefault(s, []).append(c)
    streets = [
        figures(s, by_street.get(s, []), [s], district_of.get(s, "")) for s in sorted(district_of)
    ]
    districts = []
    for d in sorted(nodes_with_label(g, Label.DISTRICT)):
        its_streets = [s for s, dist in district_of.items() if dist == d]
        communities = [c for s in its_streets for c in by_street.get(s, [])]
        districts.append(figures(d, communities, [d, *its_streets], ""))
    return districts, streets


def name_of(g: nx.MultiDiGraph, node: str) -> str:
    """The ``name`` of ``node``, its id when it has none, and "" when it is not in ``g``."""
    return g.nodes[node].get("name", node) if node in g else ""


def _context(g: nx.MultiDiGraph, node: str) -> str:
    """The name of what ``node`` is part of, belongs to or sits in, to tell candidates apart."""
    for _, v, data in g.out_edges(node, data=True):
        if data.get("type") in (Rel.PART_OF, Rel.BELONGS_TO, Rel.LOCATED_IN):
            return g.nodes[v].get("name", v)
    return ""
