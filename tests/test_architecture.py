"""The one-way architecture, read from the import graph of ``graphmodel/`` (issue 11).

Every ``import`` in every module counts, at the top or deferred inside a function, except those
under ``if TYPE_CHECKING:`` (annotations only, never run). The contracts, drawn in
``docs/architecture.md``:

- the base (``errors``, ``vocabulary``, ``records``, ``schema``, ``resources``,
  ``connection``) imports only within the base;
- the ledger reads into records: it imports neither stores nor analyses, report or CLI;
- stores import neither the ledger nor analyses, report, CLI nor the local server's module;
- the graph view and the analyses import neither stores nor CLI, report nor the ledger's
  reading (``ledger.tables``, the description of the ledger format, they may);
- the report imports analyses, never a store, the ledger's reading or the CLI;
- only ``graphmodel/cli/`` knows terminals (click, rich);
- ``neo4j_server`` is a leaf: no module outside the CLI imports it;
- no import cycle between modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "graphmodel"


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in PACKAGE.rglob("*.py") if "seed" not in p.parts}


def _imports(module: str) -> set[str]:
    """The modules ``module`` imports (graphmodel modules by their full name, others by their
    top-level package), outside ``TYPE_CHECKING`` blocks."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    found.add(full if full in MODULES else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m if m.startswith("graphmodel") else m.split(".")[0] for m in found} - {module}


GRAPH = {m: _imports(m) for m in MODULES}
G = "graphmodel"


def _in(module: str, *prefixes: str) -> bool:
    """Whether ``module`` is one of ``prefixes`` or inside one; a name ending in ``=`` (and
    the root package) stands for that module only."""
    return any(
        module == p.rstrip("=") or (p != G and not p.endswith("=") and module.startswith(p + "."))
        for p in prefixes
    )


def _violations(importers: tuple[str, ...], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{m} imports {d}"
        for m, deps in GRAPH.items()
        if _in(m, *importers)
        for d in deps
        if _in(d, *forbidden)
    )


BASE = tuple(
    f"{G}.{m}" for m in ("errors", "vocabulary", "records", "schema", "resources", "connection")
)
STORES = (f"{G}.store",)
ANALYSES = (f"{G}.graphview", f"{G}.analysis")
LEDGER_READING = tuple(
    f"{m}=" for m in MODULES if _in(m, f"{G}.ledger") and m != f"{G}.ledger.tables"
)
"""The ledger's reading and validation; ``ledger.tables``, the description of the ledger format
(tables and columns, built on the schema), may be read by analyses and the report."""
UPPER = (f"{G}.cli", f"{G}.report", f"{G}.load", f"{G}.queries", f"{G}.writeback")

CONTRACTS = {
    "the base imports only the base": (
        BASE,
        tuple(m for m in MODULES if m.startswith(G + ".") and not _in(m, *BASE)),
    ),
    "the ledger imports no store, analysis, report or CLI": (
        (f"{G}.ledger",),
        (*STORES, *ANALYSES, *UPPER, f"{G}.neo4j_server"),
    ),
    "stores import no ledger, analysis, report, CLI or local server": (
        STORES,
        (f"{G}.ledger", f"{G}.analysis", *UPPER, f"{G}.neo4j_server", f"{G}.browser"),
    ),
    "the graph view and analyses import no store, ledger, report or CLI": (
        ANALYSES,
        (*STORES, *LEDGER_READING, *UPPER, f"{G}.neo4j_server", f"{G}.browser"),
    ),
    "the report imports analyses, never a store, the ledger or the CLI": (
        (f"{G}.report",),
        (*STORES, *LEDGER_READING, f"{G}.cli", f"{G}.queries", f"{G}.neo4j_server"),
    ),
    "only the CLI knows terminals": (
        tuple(m for m in MODULES if not _in(m, f"{G}.cli")),
        ("click", "rich"),
    ),
    "neo4j_server is a leaf only the CLI imports": (
        tuple(m for m in MODULES if not _in(m, f"{G}.cli")),
        (f"{G}.neo4j_server",),
    ),
}


@pytest.mark.parametrize("contract", CONTRACTS)
def test_contract(contract):
    importers, forbidden = CONTRACTS[contract]
    assert _violations(importers, forbidden) == []


def test_the_graph_is_read():
    # The reader can fail: these imports exist today, deferred or at the top.
    assert f"{G}.graphview" in GRAPH[f"{G}.analysis.gaps"]
    assert "networkx" in GRAPH[f"{G}.analysis.network"]  # inside functions only
    assert f"{G}.connection" in GRAPH[f"{G}.store.neo4j"]


def test_no_import_cycles():
    """Tarjan's strongly connected components over the graphmodel modules: none has two."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(GRAPH[v] & MODULES.keys()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                cycles.append(sorted(part))

    for module in sorted(MODULES):
        if module not in index:
            strong(module)
    assert cycles == []
