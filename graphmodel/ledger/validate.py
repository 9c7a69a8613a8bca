"""Validation: from raw ledger rows to a ``GraphBatch``, every problem reported at once.

Rows are judged in three passes, and a row with any error is rejected whole (its problems are
all reported, not only the first):

1. Values: required fields, the schema's types (``values``) and closed vocabularies
   (``Prop.choices``, with the accepted values in the message), ``until`` not before ``since``.
2. Ids, graph-wide (``schema``: an id is unique across all labels): the first row with an id
   keeps it, a later row with the same id is a ``duplicate_id``, and so is a row whose id is
   the id of a node of another label in the store. A node row without an id gets
   ``<Label>:<name>`` (``Community:站东社区``); two rows deriving the same id are duplicates,
   fixed by giving them ids.
3. References (``resolve``), repeated until no more rows are rejected: a reference to a
   rejected row rejects its row too (``rejected_ref``), so that fixing the first fixes both.
   Then pairings and reports resolve units and communities to their party organizations
   (``Owners.top``), creating one ``<owner id>#党组织`` (``<owner name>党组织``, level from
   ``party_org_level``, ``generated`` as its owner) for an owner that has none.

Valid rows become records: node rows ``NodeRecord`` (``source`` defaults to the row's origin,
``ledger.xlsx:社区 row 5``; ``generated`` to false); reference columns relationships; rows of
``memberships``, ``pairings`` and ``reports`` relationships keyed as ``schema`` says
(``PAIRED_WITH``: the pairing's id, else its ``since``, else empty). A relationship table
row that repeats an earlier row's relationship is a ``duplicate_relationship``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphmodel.ledger.problems import Problem
from graphmodel.ledger.read import Ledger, Row, Sheet
from graphmodel.ledger.resolve import Found, Index, Owners, party_org_level
from graphmodel.ledger.tables import TABLE_ORDER, Column, Table, column_prop
from graphmodel.ledger.values import (
    BadValue,
    cell_text,
    check_text,
    parse_bool,
    parse_date,
    parse_int,
    split_refs,
    visible,
)
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.schema import Label, Rel

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["RejectedRow", "TableCount", "Validation", "derived_id", "validate"]


DATE_PAIRS = (("since", "until"), ("raised", "closed"))
"""Dates that must not run backwards: a tie's (or resource's, project's) start and end, a
need's raising and closing."""


@dataclass
class RejectedRow:
    """A rejected row, where it was read from, and everything wrong with it."""

    sheet: Sheet
    row: Row
    problems: list[Problem]


@dataclass
class TableCount:
    """Rows of one table: read (non-blank), rejected."""

    table: str
    read: int = 0
    rejected: int = 0

    @property
    def valid(self) -> int:
        """Rows that become records."""
        return self.read - self.rejected


@dataclass
class Validation:
    """The batch of every valid row, and what was wrong with the others.

    ``problems`` holds errors then warnings, each group in reading order; ``rejected`` the
    rejected rows; ``created`` the ids of party organizations created for pairings and reports.
    """

    batch: GraphBatch
    problems: list[Problem]
    rejected: list[RejectedRow]
    counts: dict[str, TableCount]
    created: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that rejected rows."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that rejected nothing."""
        return [p for p in self.problems if p.severity == "warning"]


def derived_id(label: str, name: str) -> str:
    """The id of a node row that gives none: ``<Label>:<name>``."""
    return f"{label}:{name}"


def validate(ledger: Ledger, existing: nx.MultiDiGraph | None = None) -> Validation:
    """Check every row of ``ledger`` and build the batch of the valid ones.

    ``existing`` is the graph already in the store (``Store.graph()``): references may name
    its nodes, and party organizations are looked up in it, so a rejects file loads on its own
    after the rest of its ledger.
    """
    order = {name: i for i, name in enumerate(TABLE_ORDER)}
    items = [
        _Item(sheet, row)
        for sheet in sorted(ledger.sheets, key=lambda s: order[s.table.name])
        for row in sheet.rows
    ]
    for item in items:
        _check_values(item)
    _check_ids(items, existing)
    index = _resolve_references(items, existing)
    builder = _Builder(index, Owners.from_graph(existing))
    builder.nodes([i for i in items if i.table.label])
    builder.relationships([i for i in items if i.table.rel])

    present = {s.table.name for s in ledger.sheets}
    counts = {name: TableCount(name) for name in TABLE_ORDER if name in present}
    rejected = []
    for item in items:
        counts[item.table.name].read += 1
        if item.problems:
            counts[item.table.name].rejected += 1
            rejected.append(RejectedRow(item.sheet, item.row, item.problems))
    rejected = _reading_order(rejected, ledger)
    problems = [p for r in rejected for p in r.problems] + ledger.warnings
    return Validation(builder.batch, problems, rejected, counts, builder.created)


class _Item:
    """A row being validated: its typed values, references and problems."""

    def __init__(self, sheet: Sheet, row: Row) -> None:
        self.sheet = sheet
        self.row = row
        self.table: Table = sheet.table
        self.id = ""
        self.derived = False
        self.props: dict[str, Any] = {}
        self.refs: dict[str, list[str]] = {}
        self.targets: dict[str, list[Found]] = {}
        self.value_problems: list[Problem] = []
        self.ref_problems: list[Problem] = []
        self.late_problems: list[Problem] = []

    @property
    def problems(self) -> list[Problem]:
        return self.value_problems + self.ref_problems + self.late_problems

    def problem(
        self, code: str, detail: str, params: dict[str, Any], column: str, value: Any = None
    ) -> Problem:
        text = "" if value is None else cell_text(value)
        return Problem(
            code,
            self.sheet.file,
            self.sheet.sheet,
            self.row.number,
            self.sheet.header(column),
            text,
            self.table.name,
            detail,
            params,
        )

    def bad_value(self, error: BadValue, column: str, value: Any) -> Problem:
        return self.problem(error.code, error.detail, error.params, column, value)

    def found(self) -> Found:
        name = self.props.get("name", "")
        return Found(self.id, self.table.label, name, self.row.origin, self.props)


def _check_values(item: _Item) -> None:
    """Pass 1: usable text (size, control characters), required fields, types, vocabularies,
    date order; the node id."""
    for column in item.table.columns:
        raw = item.sheet.value(item.row, column.name)
        try:
            check_text(raw)
        except BadValue as e:
            item.value_problems.append(item.bad_value(e, column.name, visible(str(raw))))
            continue
        if raw is None:
            if column.required:
                params: dict[str, Any] = {"column": column.name}
                detail = ""
                if column.name not in item.sheet.columns:
                    detail, params["headers"] = "no_column", list(column.headers)
                problem = item.problem("missing_required", detail, params, column.name)
                item.value_problems.append(problem)
            continue
        if column.ref:
            text = cell_text(raw)
            item.refs[column.name] = split_refs(text) if column.multi else [text]
        elif column.name == "id":
            item.id = cell_text(raw)
        else:
            try:
                item.props[column.name] = _typed(item, column, raw)
            except BadValue as e:
                item.value_problems.append(item.bad_value(e, column.name, raw))
    either = item.table.either
    if either and all(item.sheet.value(item.row, c) is None for c in either):
        headers = [item.sheet.header(c) for c in either]
        params = {"either": list(either), "headers": headers}
        item.value_problems.append(item.problem("missing_required", "either", params, either[0]))
    for start, end in DATE_PAIRS:
        first, last = item.props.get(start), item.props.get(end)
        if first and last and last < first:
            params = {"start": start, "first": first, "end": end, "last": last}
            item.value_problems.append(item.problem("date_order", "", params, end, last))
    if item.table.label and not item.id and item.props.get("name"):
        item.id, item.derived = derived_id(item.table.label, item.props["name"]), True
    item.props.setdefault("source", item.row.origin)
    item.props.setdefault("generated", False)


def _typed(item: _Item, column: Column, raw: Any) -> Any:
    prop = column_prop(item.table, column)
    if prop.type == "int":
        return parse_int(raw)
    if prop.type == "bool":
        return parse_bool(raw)
    if prop.type == "date":
        return parse_date(raw, excel=item.sheet.kind == "xlsx")
    text = cell_text(raw)
    if prop.choices and text not in prop.choices:
        raise BadValue("bad_choice", value=text, choices=list(prop.choices))
    return text


def _check_ids(items: list[_Item], existing: nx.MultiDiGraph | None) -> None:
    """Pass 2: graph-wide unique ids; the first row with an id keeps it. Pairing ids are
    relationship keys, unique among pairings."""
    first: dict[tuple[str, str], _Item] = {}
    for item in items:
        if not item.id:
            continue
        other = first.setdefault((item.table.rel, item.id), item)
        column = "name" if item.derived else "id"
        if other is not item:
            params = {"id": item.id, "origin": other.row.origin}
            detail = ""
            if item.derived or other.derived:
                detail, params["header"] = "derived", item.sheet.header("id")
            value = item.props["name"] if item.derived else item.id
            item.value_problems.append(item.problem("duplicate_id", detail, params, column, value))
        elif existing is not None and item.id in existing and item.table.label:
            label = existing.nodes[item.id].get("label")
            if label != item.table.label:
                params = {"id": item.id, "label": label}
                problem = item.problem("duplicate_id", "store", params, column, item.id)
                item.value_problems.append(problem)


def _resolve_references(items: list[_Item], existing: nx.MultiDiGraph | None) -> Index:
    """Pass 3: resolve every reference, rejecting rows until no new row is rejected."""
    rejected: set[int] = {id(i) for i in items if i.value_problems}
    while True:
        index = Index(existing)
        for item in items:
            if item.table.label and item.id:
                if id(item) in rejected:
                    index.add_rejected(item.found())
                else:
                    index.add(item.found())
        for item in items:
            _references(item, index)
        now = {id(i) for i in items if i.value_problems or i.ref_problems}
        if now == rejected:
            return index
        rejected = now


def _references(item: _Item, index: Index) -> None:
    item.ref_problems, item.targets = [], {}
    for name, values in item.refs.items():
        column = item.table.column(name)
        for value in values:
            found, code, detail, params = index.resolve(value, column.ref)
            if _is_self(item, value, found, code, index, column):
                code, detail, params, found = "self_ref", "", {"value": value}, None
            if found is None:
                item.ref_problems.append(item.problem(code, detail, params, name, value))
            else:
                item.targets.setdefault(name, []).append(found)


def _is_self(
    item: _Item, value: str, found: Found | None, code: str, index: Index, column: Column
) -> bool:
    """Whether a node row's reference names the row itself: its id, or its name when no
    other record has it (checked apart, because a rejected row's self-reference would
    otherwise read as a reference to a rejected row)."""
    if not item.table.label or item.table.label not in column.ref:
        return False
    if value == item.id or (found is not None and found.id == item.id):
        return True
    named = value == item.props.get("name")
    return named and code == "rejected_ref" and not index.others(value, item.row.origin)


class _Builder:
    """Pass 4 and the records: party organizations of pairings and reports, the batch."""

    def __init__(self, index: Index, owners: Owners) -> None:
        self.index = index
        self.owners = owners
        self.batch = GraphBatch()
        self.created: list[str] = []
        self._ties: set[tuple[str, str, str, str]] = set()
        self._rows: dict[tuple[str, str, str, str], _Item] = {}

    def nodes(self, items: list[_Item]) -> None:
        """Node rows: records, reference relationships, and the party organization ties."""
        for item in items:
            if item.table.name != "party_orgs":
                continue
            owners = [f.id for f in item.targets.get("belongs_to", ())]
            if item.problems:
                for owner in owners:
                    self.owners.pending.setdefault(owner, item.row.origin)
            else:
                parents = [f.id for f in item.targets.get("parent", ())]
                self.owners.add(item.id, owners, parents)
        for item in items:
            if item.problems:
                continue
            self.batch.nodes.append(NodeRecord(item.table.label, item.id, dict(item.props)))
            for name, targets in item.targets.items():
                column = item.table.column(name)
                for target in targets:
                    ends = (target.id, item.id) if column.reverse else (item.id, target.id)
                    self._edge(EdgeRecord(column.rel, *ends))

    def relationships(self, items: list[_Item]) -> None:
        """Rows of memberships, pairings and reports."""
        for item in items:
            if item.problems:
                continue
            ends = self._ends(item)
            if ends is None:
                continue
            key = ""
            if item.table.rel == Rel.PAIRED_WITH:
                key = item.id or item.props.get("since", "")
            edge = EdgeRecord(item.table.rel, *ends, key=key, props=dict(item.props))
            earlier = self._rows.get((edge.type, edge.start, edge.key, edge.end))
            if earlier is not None:
                params = {"type": edge.type, "origin": earlier.row.origin}
                detail = "pairing" if edge.type == Rel.PAIRED_WITH else ""
                first = item.table.columns[0].name
                problem = item.problem("duplicate_relationship", detail, params, first)
                item.late_problems.append(problem)
                continue
            self._rows[(edge.type, edge.start, edge.key, edge.end)] = item
            self.batch.edges.append(edge)

    def _ends(self, item: _Item) -> tuple[str, str] | None:
        """The relationship's start and end; for pairings and reports, the party
        organizations of the unit and community, created only once the row is known good."""
        targets = {name: found[0] for name, found in item.targets.items()}
        if item.table.rel == Rel.MEMBER_OF:
            return targets["member"].id, targets["committee"].id
        if item.table.rel == Rel.REPORTS_TO and "party_org" in targets:
            return self._reporting_org(item, targets)
        sides = ["unit"] if item.table.rel == Rel.REPORTS_TO else ["unit", "community"]
        found = {side: self._party_org(item, side, targets[side]) for side in sides}
        if any(org is None for org in found.values()):
            return None
        if len(sides) == 2 and found["unit"] == found["community"] != "":
            params = {"org": found["unit"]}
            item.late_problems.append(item.problem("self_ref", "party_org", params, "community"))
            return None
        orgs = {side: org or self._create(item, side, targets[side]) for side, org in found.items()}
        unit = orgs["unit"]
        if unit is None:
            return None
        if item.table.rel == Rel.REPORTS_TO:
            return unit, targets["community"].id
        community = orgs["community"]
        return None if community is None else (unit, community)

    def _reporting_org(self, item: _Item, targets: dict[str, Found]) -> tuple[str, str] | None:
        """The ends of a report that names its party organization (报到党组织): that
        organization, which must be the unit's when the row names the unit too."""
        org, unit = targets["party_org"], targets.get("unit")
        if (
            unit is not None
            and org.id != unit.id
            and org.id not in self.owners.belongs.get(unit.id, ())
        ):
            params = {"org": org.name, "unit": unit.name}
            value = item.sheet.value(item.row, "party_org")
            item.late_problems.append(
                item.problem("party_org_mismatch", "", params, "party_org", value)
            )
            return None
        return org.id, targets["community"].id

    def _party_org(self, item: _Item, column: str, owner: Found) -> str | None:
        """The party organization that stands for ``owner`` (itself if it is one), ``""``
        when ``owner`` has none yet (one is to be created), ``None`` after a problem."""
        if owner.label == Label.PARTY_ORG:
            return owner.id
        value = item.sheet.value(item.row, column)
        if owner.id in self.owners.pending:
            pending = {"owner": owner.name, "origin": self.owners.pending[owner.id]}
            problem = item.problem("rejected_ref", "party_org", pending, column, value)
            item.late_problems.append(problem)
            return None
        top = self.owners.top(owner.id)
        if len(top) == 1:
            return top[0]
        if top or self.owners.belongs.get(owner.id):
            candidates = sorted(self.owners.belongs[owner.id])
            params = {
                "owner": owner.name,
                "n": len(candidates),
                "candidates": candidates,
            }
            problem = item.problem("ambiguous_party_org", "", params, column, value)
            item.late_problems.append(problem)
            return None
        return ""

    def _create(self, item: _Item, column: str, owner: Found) -> str | None:
        org = f"{owner.id}#党组织"
        if org in self.index.valid:
            params = {"owner": owner.name, "id": org, "label": self.index.valid[org].label}
            value = item.sheet.value(item.row, column)
            problem = item.problem("duplicate_id", "created", params, column, value)
            item.late_problems.append(problem)
            return None
        props: dict[str, Any] = {
            "name": f"{owner.name}党组织",
            "level": party_org_level(owner.label, owner.props.get("kind", "")),
            "source": f"{item.row.origin}: created as the party organization of {owner.name}",
            "generated": bool(owner.props.get("generated")),
        }
        self.batch.nodes.append(NodeRecord(Label.PARTY_ORG, org, props))
        self._edge(EdgeRecord(Rel.BELONGS_TO, org, owner.id))
        self.owners.add(org, [owner.id], [])
        self.index.add(Found(org, Label.PARTY_ORG, props["name"], props["source"]))
        self.created.append(org)
        return org

    def _edge(self, edge: EdgeRecord) -> None:
        key = (edge.type, edge.start, edge.key, edge.end)
        if key not in self._ties:
            self._ties.add(key)
            self.batch.edges.append(edge)


def _reading_order(rejected: Iterable[RejectedRow], ledger: Ledger) -> list[RejectedRow]:
    position = {id(sheet): i for i, sheet in enumerate(ledger.sheets)}
    return sorted(rejected, key=lambda r: (position[id(r.sheet)], r.row.number))
