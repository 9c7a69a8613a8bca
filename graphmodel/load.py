"""Loading ledgers into a store: read, validate, sync in one transaction, report.

``load`` is the library twin of ``graphmodel load``. It validates the whole ledger first,
plans what the store must add, change and remove to say what the ledger says
(``graphmodel.sync``), and writes that plan with one ``Store.apply`` call: one transaction,
all or nothing. Loading the same ledger twice changes nothing. When the ledger's files are
byte for byte those of the store's last load, which had no problems, and nothing has written
to the store since, the result is known without reading them (``Store.unchanged``): zero
changes, and the load is recorded.

What is written:

- normally, every valid row; the rejected rows go to a rejects file (``ledger.rejects``),
  at ``rejects`` or else at the default path beside the first ledger;
- with ``strict``, nothing at all if any row is rejected (warnings do not count); the rejects
  file is written only when ``rejects`` names it, since the fix belongs in the ledger itself;
- with ``dry_run``, nothing: validation only (the rejects file only when ``rejects`` names it).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graphmodel import sync
from graphmodel.errors import LedgerError
from graphmodel.ledger import Ledger, Problem, TableCount, Validation, read_ledger, validate
from graphmodel.ledger.rejects import default_rejects_path, write_rejects
from graphmodel.resources import package_dir
from graphmodel.store.base import LoadRecord, Store
from graphmodel.sync import SyncPlan
from graphmodel.vocabulary import DEFAULT_LANG

__all__ = ["LoadProgress", "LoadReport", "default_ledger", "load"]

LoadProgress = Callable[[int, int], None]
"""Called with (records just written, records in the batch) while the store writes."""

SEED_LEDGER = package_dir("graphmodel", "seed", "ledger")


@dataclass
class LoadReport:
    """What a load read, wrote and rejected.

    ``tables`` counts rows per ledger table; ``loaded`` is true when the batch was written
    (false on a dry run, under ``strict`` with rejections, or when nothing was valid);
    ``nodes`` and ``relationships`` are the batch's sizes; ``created`` the party organizations
    created for pairings and reports; ``rejects`` the rejects file written, if any;
    ``changes`` what the load adds, changes and removes (written unless ``loaded`` is false).
    """

    paths: list[str]
    tables: list[TableCount]
    problems: list[Problem]
    nodes: int = 0
    relationships: int = 0
    created: list[str] = field(default_factory=list)
    loaded: bool = False
    rejects: str = ""
    dry_run: bool = False
    strict: bool = False
    changes: SyncPlan | None = None

    @property
    def rejected(self) -> int:
        """Rows rejected, over all tables."""
        return sum(t.rejected for t in self.tables)

    @property
    def ok(self) -> bool:
        """True when no row was rejected (warnings allowed)."""
        return self.rejected == 0

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form); the problems' messages
        in ``lang``."""
        return {
            "paths": self.paths,
            "ok": self.ok,
            "loaded": self.loaded,
            "dry_run": self.dry_run,
            "strict": self.strict,
            "nodes": self.nodes,
            "relationships": self.relationships,
            "created": self.created,
            "rejects": self.rejects,
            "changes": self.changes.to_dict() if self.changes else None,
            "tables": [
                {
                    "table": t.table,
                    "read": t.read,
                    "valid": t.valid,
                    "rejected": t.rejected,
                    "loaded": t.valid if self.loaded else 0,
                }
                for t in self.tables
            ],
            "problems": [p.to_dict(lang) for p in self.problems],
        }


def default_ledger() -> Path:
    """The seed dataset's ledger (``graphmodel/seed/ledger/``, shipped in the package)."""
    if not SEED_LEDGER.is_dir():
        raise LedgerError("seed_missing", path=SEED_LEDGER)
    return SEED_LEDGER


def load(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    strict: bool = False,
    dry_run: bool = False,
    rejects: str | os.PathLike[str] | None = None,
    progress: LoadProgress | None = None,
    lang: str = DEFAULT_LANG,
) -> LoadReport:
    """Read the ledgers at ``paths``, validate them against the graph in ``store`` as the
    other ledgers have it, and sync the store to them in one transaction (see the module
    docstring for what is written, and ``graphmodel.sync`` for what syncing means).

    Raises ``LedgerError`` when a ledger cannot be read at all; ``StoreError`` when the store
    cannot be read or written (nothing is written then). The rejects file says the problems
    in ``lang``.
    """
    paths = list(paths)
    options = _Options(strict, dry_run, rejects, progress, lang)
    if not dry_run and store.exists:
        name = sync.ledger_name(paths)
        digest = sync.ledger_hash(sync.ledger_files(paths))
        with store.transaction(write=True):
            last = store.unchanged(name, digest)
            if last is not None:
                return _unchanged(paths, store, options, last)
            ledger = read_ledger(paths)
            return _load(ledger, store, options, _prepare(ledger, store))
    ledger = read_ledger(paths)
    if dry_run:
        with store.transaction(write=False):
            return _load(ledger, store, options, _prepare(ledger, store))
    # A new store is created only when there is something to write: validate first (against
    # an empty graph), then create it, and validate again if another load created it meanwhile.
    prepared = _prepare(ledger, None)
    if (strict and prepared.result.rejected) or not len(prepared.result.batch):
        return _load(ledger, store, options, prepared)
    with store.transaction(write=True):
        if store.graph_or_empty().number_of_nodes():
            prepared = _prepare(ledger, store)
        return _load(ledger, store, options, prepared)


@dataclass(frozen=True)
class _Options:
    strict: bool
    dry_run: bool
    rejects: str | os.PathLike[str] | None
    progress: LoadProgress | None
    lang: str


@dataclass(frozen=True)
class _Prepared:
    result: Validation
    plan: SyncPlan


def _prepare(ledger: Ledger, store: Store | None) -> _Prepared:
    """Validate ``ledger`` against ``store`` as the other ledgers have it (``None``: a new,
    empty store) and plan the sync."""
    name = sync.ledger_name(ledger.paths)
    digest = sync.ledger_hash(sync.ledger_files(ledger.paths))
    graph = store.graph_or_empty() if store else nx.MultiDiGraph()
    sources = store.sources(name) if store else sync.Sources()
    gone = sync.others_view(graph, sources)
    result = validate(ledger, graph)
    plan = sync.plan(result.batch, graph, gone, sources, name, digest, bool(result.rejected))
    plan.nodes, plan.relationships = len(result.batch.nodes), len(result.batch.edges)
    plan.rows = {t.table: (t.read, t.rejected) for t in result.counts.values()}
    plan.problems = len(result.problems)
    return _Prepared(result, plan)


def _unchanged(paths: list[Any], store: Store, options: _Options, last: LoadRecord) -> LoadReport:
    """The report of reloading the ledger ``last`` loaded, unchanged since into a store
    nothing has written to since (``Store.unchanged``): nothing to read or compare, zero
    changes, and one more entry in the history."""
    plan = SyncPlan(last.ledger, last.hash, nodes=last.nodes, relationships=last.relationships)
    plan.rows, plan.problems = dict(last.rows), 0
    store.apply(plan)
    return LoadReport(
        paths=[str(p) for p in paths],
        tables=[TableCount(t, read, rejected) for t, (read, rejected) in last.rows.items()],
        problems=[],
        nodes=last.nodes,
        relationships=last.relationships,
        strict=options.strict,
        changes=plan,
        loaded=True,
    )


def _load(ledger: Ledger, store: Store, options: _Options, prepared: _Prepared) -> LoadReport:
    """Report ``prepared``, write the rejects file, and apply the plan unless the options
    forbid it."""
    result, plan = prepared.result, prepared.plan
    batch = result.batch
    report = LoadReport(
        paths=[str(p) for p in ledger.paths],
        tables=list(result.counts.values()),
        problems=result.problems,
        nodes=len(batch.nodes),
        relationships=len(batch.edges),
        created=result.created,
        dry_run=options.dry_run,
        strict=options.strict,
        changes=plan,
    )
    rejects = options.rejects
    if result.rejected and (rejects is not None or not (options.strict or options.dry_run)):
        target = Path(rejects) if rejects is not None else default_rejects_path(ledger)
        written = write_rejects(result.rejected, target, ledger.paths, options.lang)
        report.rejects = str(written)
    if options.dry_run or (options.strict and result.rejected):
        return report
    if not len(batch) and not plan.changes:
        return report
    total = len(plan.upsert_nodes) + len(plan.upsert_edges)
    progress = options.progress
    store.apply(plan, (lambda n: progress(n, total)) if progress else None)
    report.loaded = True
    return report
