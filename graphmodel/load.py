"""Loading ledgers into a store: read, validate, write once, report.

``load`` is the library twin of ``graphmodel load``. It builds the whole batch first and
writes it with one ``Store.write`` call, so the embedded store saves once (atomically) and the
Neo4j store merges the batch idempotently: loading the same ledger twice changes nothing.

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

from graphmodel.errors import LedgerError
from graphmodel.ledger import Ledger, Problem, TableCount, Validation, read_ledger, validate
from graphmodel.ledger.rejects import default_rejects_path, write_rejects
from graphmodel.resources import package_dir
from graphmodel.store.base import Store

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
    created for pairings and reports; ``rejects`` the rejects file written, if any.
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

    @property
    def rejected(self) -> int:
        """Rows rejected, over all tables."""
        return sum(t.rejected for t in self.tables)

    @property
    def ok(self) -> bool:
        """True when no row was rejected (warnings allowed)."""
        return self.rejected == 0

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
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
            "problems": [p.to_dict() for p in self.problems],
        }


def default_ledger() -> Path:
    """The seed dataset's ledger (``graphmodel/seed/ledger/``, shipped in the package)."""
    if not SEED_LEDGER.is_dir():
        raise LedgerError(
            f"the seed ledger is not at {SEED_LEDGER} (the package is incomplete); "
            "name a ledger: graphmodel load LEDGER"
        )
    return SEED_LEDGER


def load(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    strict: bool = False,
    dry_run: bool = False,
    rejects: str | os.PathLike[str] | None = None,
    progress: LoadProgress | None = None,
) -> LoadReport:
    """Read the ledgers at ``paths``, validate them against the graph in ``store``, and write
    the valid rows to ``store`` in one batch (see the module docstring for what is written).

    Raises ``LedgerError`` when a ledger cannot be read at all; ``StoreError`` when the store
    cannot be read or written.
    """
    ledger = read_ledger(paths)
    options = _Options(strict, dry_run, rejects, progress)
    if dry_run or store.exists:
        with store.transaction(write=not dry_run):
            return _load(ledger, store, options, None)
    # A new store is created only when there is something to write: validate first (against
    # an empty graph), then create it, and validate again if another load created it meanwhile.
    first = validate(ledger, nx.MultiDiGraph())
    if (strict and first.rejected) or not len(first.batch):
        return _load(ledger, store, options, first)
    with store.transaction(write=True):
        again = store.graph_or_empty().number_of_nodes() > 0
        return _load(ledger, store, options, None if again else first)


@dataclass(frozen=True)
class _Options:
    strict: bool
    dry_run: bool
    rejects: str | os.PathLike[str] | None
    progress: LoadProgress | None


def _load(ledger: Ledger, store: Store, options: _Options, result: Validation | None) -> LoadReport:
    """Validate ``ledger`` against ``store`` (unless ``result`` is that validation already),
    write the rejects file, and write the batch unless the options forbid it."""
    strict, dry_run, rejects, progress = (
        options.strict,
        options.dry_run,
        options.rejects,
        options.progress,
    )
    if result is None:
        result = validate(ledger, store.graph_or_empty())
    batch = result.batch
    report = LoadReport(
        paths=[str(p) for p in ledger.paths],
        tables=list(result.counts.values()),
        problems=result.problems,
        nodes=len(batch.nodes),
        relationships=len(batch.edges),
        created=result.created,
        dry_run=dry_run,
        strict=strict,
    )
    if result.rejected and (rejects is not None or not (strict or dry_run)):
        target = Path(rejects) if rejects is not None else default_rejects_path(ledger)
        report.rejects = str(write_rejects(result.rejected, target, ledger.paths))
    if dry_run or (strict and result.rejected) or not len(batch):
        return report
    total = len(batch)
    store.write(batch, (lambda n: progress(n, total)) if progress else None)
    report.loaded = True
    return report
