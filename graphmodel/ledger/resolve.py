"""Resolving references: a cell names a record by id, or by a name unique among the labels
its column accepts; a unit or community named in a pairing stands for its party organization.

The ``Index`` holds every record a reference may name: the nodes already in the store and the
ledger's valid node rows (a ledger row replaces the store node with the same id). Rejected
ledger rows are indexed apart, so that a reference to one is reported as such ("fix that row
and both load") rather than as a missing record. A reference to nothing carries the names
closest to it (``suggest.closest``: 清水和社区 → 清水河社区) into its problem.

Name lookup considers valid and rejected rows together: a name that two rows carry is
ambiguous even if one of them is rejected, because fixing that row would make it so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.schema import Label, Rel
from graphmodel.suggest import closest

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Found", "Index", "Owners", "party_org_level"]


@dataclass(frozen=True)
class Found:
    """A record a reference may name: its id, label, name, and where it comes from
    (``origin`` is the ledger row, or ``store`` for a node already in the store)."""

    id: str
    label: str
    name: str
    origin: str
    props: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


class Index:
    """Records by id and by name, valid and rejected apart."""

    def __init__(self, existing: nx.MultiDiGraph | None) -> None:
        self.valid: dict[str, Found] = {}
        self.rejected: dict[str, list[Found]] = {}
        if existing is not None:
            for node, data in existing.nodes(data=True):
                label, name = data.get("label", ""), data.get("name", "")
                self.valid[node] = Found(node, label, name, "store", data)
        self._names: dict[str, list[str]] | None = None
        self._label_names: dict[tuple[str, ...], list[str]] = {}
        self._rejected_names: dict[str, list[Found]] | None = None

    def add(self, found: Found) -> None:
        """Index a valid ledger row (replacing a store node with the same id)."""
        self.valid[found.id] = found
        self._names = None
        self._label_names.clear()

    def add_rejected(self, found: Found) -> None:
        """Index a rejected ledger row."""
        self.rejected.setdefault(found.id, []).append(found)
        self._rejected_names = None

    def by_name(self, name: str) -> list[Found]:
        """Valid records named ``name``."""
        if self._names is None:
            self._names = {}
            for found in self.valid.values():
                self._names.setdefault(found.name, []).append(found.id)
        return [self.valid[i] for i in self._names.get(name, ())]

    def rejected_by_name(self, name: str) -> list[Found]:
        """Rejected ledger rows named ``name``."""
        if self._rejected_names is None:
            self._rejected_names = {}
            for rows in self.rejected.values():
                for found in rows:
                    self._rejected_names.setdefault(found.name, []).append(found)
        return self._rejected_names.get(name, [])

    def others(self, name: str, origin: str) -> bool:
        """Whether a record other than the row at ``origin`` is named ``name``."""
        found = self.by_name(name) + self.rejected_by_name(name)
        return any(f.origin != origin for f in found)

    def resolve(
        self, value: str, labels: tuple[str, ...]
    ) -> tuple[Found | None, str, str, dict[str, Any]]:
        """The record of ``labels`` that ``value`` names, or ``None`` and the problem: its
        code, detail and parameters (``ledger.problems.Problem``)."""
        found = self.valid.get(value)
        if found is not None and found.label in labels:
            return found, "", "", {}
        rejected_ids = [f for f in self.rejected.get(value, ()) if f.label in labels]
        if rejected_ids and found is None:
            return None, "rejected_ref", "", _rejected_params(value, rejected_ids)
        named = [f for f in self.by_name(value) if f.label in labels]
        rejected = [f for f in self.rejected_by_name(value) if f.label in labels]
        rejected = [f for f in rejected if f.id not in {n.id for n in named}]
        if len(named) == 1 and not rejected:
            return named[0], "", "", {}
        if len(named) + len(rejected) > 1:
            records = [[f.id, f.label, f.origin, False] for f in named]
            records += [[f.id, f.label, f.origin, True] for f in rejected]
            params = {"n": len(records), "labels": list(labels), "value": value}
            return None, "ambiguous_name", "", {**params, "records": records}
        if rejected:
            return None, "rejected_ref", "", _rejected_params(value, rejected)
        detail, params = self._missing(value, labels)
        return None, "dangling_ref", detail, params

    def _missing(self, value: str, labels: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
        """The detail and parameters of a reference to nothing: the labels of the records
        that do carry the name, else the near matches of the name among ``labels``."""
        params: dict[str, Any] = {"labels": list(labels), "value": value}
        other = [self.valid[value]] if value in self.valid else self.by_name(value)
        if other:
            return "other", {**params, "other_labels": sorted({f.label for f in other})}
        near = closest(value, self.names(labels), limit=3)
        return ("near", {**params, "near": near}) if near else ("", params)

    def names(self, labels: tuple[str, ...]) -> list[str]:
        """The names of the valid records of ``labels`` (for suggestions)."""
        if labels not in self._label_names:
            self._label_names[labels] = sorted(
                {f.name for f in self.valid.values() if f.label in labels and f.name}
            )
        return self._label_names[labels]


@dataclass
class Owners:
    """Which party organizations belong to which record, and which lead which: the store's
    ``BELONGS_TO`` and ``LEADS`` plus the ledger's valid party organization rows.

    ``pending`` maps an owner to the origin of a rejected party organization row that belongs
    to it: the owner's party organization is unknown until that row is fixed.
    """

    belongs: dict[str, set[str]] = field(default_factory=dict)
    leads: set[tuple[str, str]] = field(default_factory=set)
    pending: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_graph(cls, existing: nx.MultiDiGraph | None) -> Owners:
        """The ties already in the store."""
        owners = cls()
        if existing is not None:
            for start, end, data in existing.edges(data=True):
                if data.get("type") == Rel.BELONGS_TO:
                    owners.belongs.setdefault(end, set()).add(start)
                elif data.get("type") == Rel.LEADS:
                    owners.leads.add((start, end))
        return owners

    def add(self, org: str, owners: Iterable[str], parents: Iterable[str]) -> None:
        """Record a valid party organization row."""
        for owner in owners:
            self.belongs.setdefault(owner, set()).add(org)
        for parent in parents:
            self.leads.add((parent, org))

    def top(self, owner: str) -> list[str]:
        """The party organizations of ``owner`` that no other organization of ``owner`` leads
        (one, normally; none when ``owner`` has no party organization yet)."""
        orgs = self.belongs.get(owner, set())
        return sorted(o for o in orgs if not any((p, o) in self.leads for p in orgs if p != o))


def party_org_level(owner_label: str, owner_kind: str) -> str:
    """The level given to a party organization created for ``owner``: 单位党支部 for a unit,
    社会组织党支部 for a social organization, 村党支部 for a village, else 社区党委."""
    if owner_label == Label.MEMBER_UNIT:
        return "单位党支部"
    if owner_label == Label.SOCIAL_ORG:
        return "社会组织党支部"
    return "村党支部" if owner_kind == "村" else "社区党委"


def _rejected_params(value: str, rows: list[Found]) -> dict[str, Any]:
    return {"value": value, "origins": [f.origin for f in rows]}
