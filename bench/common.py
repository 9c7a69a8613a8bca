"""What every benchmark shares: the machine's description, timing, medians, ledgers to load.

Benchmarks are scripts, not part of the package: each runs its comparison side by side in one
process (or one subprocess per measurement where memory is measured), repeats it, and prints
medians and ratios as Markdown tables; ``--json FILE`` keeps the raw figures.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "ROOT",
    "Timer",
    "ledger_dir",
    "load_graph",
    "machine",
    "markdown_table",
    "median",
    "save_json",
    "scale_spec",
    "timed",
]

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("GRAPHMODEL_BENCH_DIR", "/tmp/graphmodel-bench"))
"""Where generated ledgers and stores go (outside the checkout; reused across runs)."""


def machine() -> dict[str, Any]:
    """Cores, memory, CPU model, the versions that matter to the figures, and the load
    average when the figures were saved (the machine is shared)."""
    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        total_kb = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
    versions = {}
    for package in ("networkx", "neo4j", "rustworkx", "igraph"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(total_kb / 2**20, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
        **versions,
    }


def median(values: Sequence[float]) -> float:
    """The median of ``values``."""
    return statistics.median(values)


class Timer:
    """``with Timer() as t: ...`` then ``t.seconds`` (wall clock) and ``t.cpu`` (this process's
    CPU seconds, user + system: less disturbed than the wall clock when other jobs share the
    cores)."""

    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        self.cpu_start = time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
        self.cpu = time.process_time() - self.cpu_start


def timed(func: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    """Run ``func`` ``repeats`` times; the seconds of each run and the last result."""
    seconds, result = [], None
    for _ in range(repeats):
        with Timer() as t:
            result = func()
        seconds.append(t.seconds)
    return seconds, result


def scale_spec(spec: str) -> tuple[str, dict[str, int]]:
    """``"city"`` -> (``"city"``, {}); ``"nation-sample/4"`` -> the named scale with its
    districts, streets and communities divided by 4 (the rest of its shape unchanged)."""
    from graphmodel.generate import SCALES

    name, _, part = spec.partition("/")
    if not part:
        return name, {}
    scale, n = SCALES[name], int(part)
    return name, {
        "districts": max(1, scale.districts // n),
        "streets": max(1, scale.streets // n),
        "communities": max(1, scale.communities // n),
    }


def ledger_dir(scale: str, seed: int = 0, **overrides: int) -> Path:
    """A generated ledger of ``scale`` (with count ``overrides``), made once and reused."""
    from graphmodel.generate import generate, scale_for

    tag = "-".join(f"{k}{v}" for k, v in sorted(overrides.items()))
    out = CACHE / "ledgers" / f"{scale}-s{seed}{'-' + tag if tag else ''}"
    if not (out / "reports.csv").exists():
        generate(out, scale_for(scale, **overrides), seed=seed)
    return out


def load_graph(ledger: Path) -> Any:
    """The graph view of ``ledger``, through the project's reader, validation and embedded
    store (the store file goes next to the ledger)."""
    from graphmodel.ledger import read_ledger, validate
    from graphmodel.store.embedded import EmbeddedStore

    result = validate(read_ledger([ledger]))
    if result.errors:
        raise SystemExit(f"{ledger}: {len(result.errors)} rows rejected: {result.errors[0]}")
    store = EmbeddedStore(ledger.parent / f"{ledger.name}.graph.json")
    store.clear()
    store.write(result.batch)
    return store.graph()


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """``rows`` under ``headers`` as a GitHub Markdown table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def save_json(path: str | None, data: dict[str, Any]) -> None:
    """Write ``data`` (with the machine) to ``path`` if one was given."""
    if path:
        Path(path).write_text(
            json.dumps({"machine": machine(), **data}, ensure_ascii=False, indent=2),
            encoding="utf-8",
        )


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


if __name__ == "__main__":
    json.dump(machine(), sys.stdout, indent=2)
