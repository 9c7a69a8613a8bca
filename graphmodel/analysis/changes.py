"""What changed between two states of the network: then and now.

The two states are two dates in one graph (``report --compare 2023-06-30``: the ties in force
then and now, from the dates the ledgers record) or two graphs (``--compare last-year.db``: a
store kept from an earlier load, read on the same date). Each function compares data the
other analyses return and returns data; the report words it.

- *pairings started / ended*: ``PAIRED_WITH`` relationships (by their two ends and key)
  in force now and not then / then and not now; each shown between the unit and the
  community (party organizations folded into their owners, ``network.party_owners``).
- *gaps opened / closed*: gaps (by ``Gap.identity``) found now and not then / then and not now.
- *hubs that rose or fell*: actors whose rank among actors changed, among those in the top
  ``n`` then or now; an actor absent from one ranking counts as ranked last there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from graphmodel.analysis.gaps import Gap
from graphmodel.analysis.hubs import Hub
from graphmodel.analysis.network import is_active, party_owners, street_index
from graphmodel.graphview import pairing_sides
from graphmodel.schema import Rel

__all__ = ["PairingChange", "RankChange", "gap_changes", "pairing_changes", "rank_changes"]


@dataclass(frozen=True)
class PairingChange:
    """A pairing that started or ended: the unit and the community it joins (ids and names),
    the community's street, and its dates."""

    key: str
    unit_id: str
    unit_name: str
    community_id: str
    community_name: str
    street_id: str
    street_name: str
    since: str
    until: str

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return asdict(self)


@dataclass(frozen=True)
class RankChange:
    """An actor's rank among hubs then and now (``None``: not ranked in that state)."""

    id: str
    name: str
    label: str
    street_name: str
    then: int | None
    now: int | None

    @property
    def rise(self) -> int:
        """Places gained (negative: lost); an actor unranked in a state counts as last."""
        last = 10**9
        return (self.then or last) - (self.now or last)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {**asdict(self), "rise": self.rise}


def pairing_changes(
    g_then: nx.MultiDiGraph, then: dt.date, g_now: nx.MultiDiGraph, now: dt.date
) -> tuple[list[PairingChange], list[PairingChange]]:
    """The pairings started (in force ``now`` in ``g_now``, not ``then`` in ``g_then``) and
    ended (the reverse), each sorted by street, community and unit name.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("u", label="MemberUnit", name="市测绘院")
    >>> g.add_node("c", label="Community", name="站东社区")
    >>> _ = g.add_edge("u", "c", key="PAIRED_WITH|p1", type="PAIRED_WITH", since="2023-03-01")
    >>> started, ended = pairing_changes(g, dt.date(2022, 12, 31), g, dt.date(2023, 12, 31))
    >>> [(p.unit_name, p.community_name, p.since) for p in started], ended
    ([('市测绘院', '站东社区', '2023-03-01')], [])
    """
    before = _pairings(g_then, then)
    after = _pairings(g_now, now)
    started = [after[k] for k in after.keys() - before.keys()]
    ended = [before[k] for k in before.keys() - after.keys()]
    order = lambda p: (p.street_name, p.community_name, p.unit_name, p.key)  # noqa: E731
    return sorted(started, key=order), sorted(ended, key=order)


def gap_changes(then: Sequence[Gap], now: Sequence[Gap]) -> tuple[list[Gap], list[Gap]]:
    """The gaps opened (found ``now``, not ``then``) and closed (the reverse), in the order
    of their own list."""
    before = {g.identity for g in then}
    after = {g.identity for g in now}
    return [g for g in now if g.identity not in before], [
        g for g in then if g.identity not in after
    ]


def rank_changes(then: Sequence[Hub], now: Sequence[Hub], n: int) -> list[RankChange]:
    """The actors in the top ``n`` of either ranking whose rank changed, the largest change
    first (rises before falls of the same size), then by name. ``then``/``now`` are whole
    rankings (``rank_hubs(top=None)``), ranks numbered from 1. An actor without a tie in
    force (degree 0) is unranked there (``None``): its place at the bottom of a ranking of
    zeros says nothing."""
    before = {h.id: h for h in then if h.degree}
    after = {h.id: h for h in now if h.degree}
    chosen = {h.id for h in then[:n] if h.id in before} | {h.id for h in now[:n] if h.id in after}
    changes = []
    for a in chosen:
        hub = after.get(a) or before[a]
        change = RankChange(
            a,
            hub.name,
            hub.label,
            hub.street_name,
            before[a].rank if a in before else None,
            after[a].rank if a in after else None,
        )
        if change.then != change.now:
            changes.append(change)
    return sorted(changes, key=lambda c: (-abs(c.rise), -c.rise, c.name, c.id))


def _pairings(g: nx.MultiDiGraph, day: dt.date) -> dict[tuple[str, str, str], PairingChange]:
    owner = party_owners(g)
    where = street_index(g)
    found = {}
    for u, v, key, data in g.edges(keys=True, data=True):
        if data.get("type") != Rel.PAIRED_WITH or not is_active(data, day):
            continue
        unit, community = pairing_sides(g, owner, u, v)
        a, b = owner.get(unit, unit), owner.get(community, community)
        street = where.get(b) or ""
        found[(u, v, key)] = PairingChange(
            key=key,
            unit_id=a,
            unit_name=g.nodes[a].get("name", a),
            community_id=b,
            community_name=g.nodes[b].get("name", b),
            street_id=street,
            street_name=g.nodes[street].get("name", street) if street else "",
            since=data.get("since") or "",
            until=data.get("until") or "",
        )
    return found
