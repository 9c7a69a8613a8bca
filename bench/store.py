"""The embedded SQLite store against issue 12's goals, side by side with a floor in one run.

Measures, each a median over ``--repeats`` runs in fresh subprocesses (so that every figure
includes nothing but its own work, and memory is not shared between them):

- ``floor``: parse every row of the ledger's CSV files with Python's ``csv`` module and add it
  to a ``networkx.MultiDiGraph`` (a node per node-table row, an edge per relationship-table
  row): the least any loader does in Python;
- ``load``: ``graphmodel.load.load([ledger], EmbeddedStore(new file))``: read, validate, plan
  and write the store, what ``graphmodel load`` does;
- ``read``: ``EmbeddedStore(file).graph()``: the graph view every later command starts from;
- ``reload``: the same ledger loaded again into that store (must report zero changes): the
  store knows its last load was of these very bytes and that nothing has written since, so it
  records the load without reading the ledger;
- ``resync``: the same again after another write to the store (an empty analysis write-back),
  so that the ledger is read, validated against the store and compared record by record:
  what a reload costs when something else has written in between (zero changes too);
- ``report``: ``graphmodel.report.build_report`` + ``write_report`` on the graph view (the
  full city pipeline is ``load`` + ``read`` + ``report``: ``graphmodel load`` then
  ``graphmodel report``).

Then, with the real command line (wall clock including process start): ``graphmodel stats``,
``pairings`` and ``gaps`` on the district store; and ``--concurrent`` (default 20)
``graphmodel load`` processes started at once on one new store, each on its own copy of the
street ledger: every one must exit 0 or fail with the busy message, and the store must equal a
serial run's.

Run from the checkout: ``python bench/store.py [--scales district,city] [--repeats 3]
[--no-report] [--json FILE]``. Ledgers go to ``$GRAPHMODEL_BENCH_DIR``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import CACHE, ROOT, Timer, ledger_dir, markdown_table, median, save_json

GRAPHMODEL = str(Path(sys.executable).parent / "graphmodel")
AS_OF = dt.date(2026, 1, 1)
GOALS = {"load": 10.0, "read": 3.0, "reload": 5.0, "pipeline": 30.0, "command": 1.0}
"""Issue 12's goals, seconds."""
STEPS = ("floor", "load", "read", "reload", "resync", "report")


def floor(ledger: Path) -> dict[str, Any]:
    """The floor: csv module + NetworkX add, every row of every table."""
    import networkx as nx

    from graphmodel.ledger.tables import table_for

    g = nx.MultiDiGraph()
    rows = 0
    for path in sorted(ledger.glob("*.csv")):
        table = table_for(path.stem)
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            for row in reader:
                rows += 1
                record = dict(zip(header, row, strict=False))
                if table is not None and table.rel:
                    g.add_edge(row[0], row[1], **record)
                else:
                    g.add_node(row[0] or row[1], **record)
    return {"rows": rows}


def run_step(step: str, ledger: Path, db: Path) -> dict[str, Any]:
    """One measured step in this process."""
    from graphmodel.load import load
    from graphmodel.store.embedded import EmbeddedStore

    out: dict[str, Any] = {}
    with Timer() as t:
        if step == "floor":
            out.update(floor(ledger))
        elif step in ("load", "reload", "resync"):
            store = EmbeddedStore(db)
            if step == "resync":
                store.set_node_props({})  # a write: the next load cannot skip the comparison
            report = load([ledger], store)
            assert report.changes is not None
            out["changes"] = report.changes.to_dict()
            out["elements"] = report.nodes + report.relationships
            out["rejected"] = report.rejected
        elif step == "read":
            g = EmbeddedStore(db).graph()
            out["elements"] = g.number_of_nodes() + g.number_of_edges()
        elif step == "report":
            from graphmodel.analysis.policy import Policy
            from graphmodel.report import build_report, write_report

            built = build_report(EmbeddedStore(db).graph(), Policy(), AS_OF)
            write_report(built, db.parent / "report")
    out.update(seconds=t.seconds, cpu=t.cpu)
    return out


def child(step: str, ledger: Path, db: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", step, str(ledger), str(db)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{step} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_scale(scale: str, repeats: int, steps: tuple[str, ...]) -> dict[str, Any]:
    """Every step, ``repeats`` times, each repeat on a new store."""
    ledger = ledger_dir(scale)
    runs: dict[str, list[dict[str, Any]]] = {s: [] for s in steps}
    for _ in range(repeats):
        work = Path(tempfile.mkdtemp(prefix=f"store-{scale}-", dir=CACHE))
        db = work / "graph.db"
        for step in steps:
            runs[step].append(child(step, ledger, db))
        runs.setdefault("file_mib", []).append({"seconds": db.stat().st_size / 2**20})
        shutil.rmtree(work)
    result: dict[str, Any] = {"scale": scale, "runs": repeats}
    for step in steps:
        result[step] = {
            "seconds": median([r["seconds"] for r in runs[step]]),
            "cpu": median([r["cpu"] for r in runs[step]]),
        }
    result["file_mib"] = runs["file_mib"][0]["seconds"]
    result["elements"] = runs["load"][0]["elements"]
    result["rejected"] = runs["load"][0]["rejected"]
    result["reload_changes"] = [r["changes"] for r in runs["reload"] + runs["resync"]]
    return result


def commands(scale: str, repeats: int) -> dict[str, tuple[float, float]]:
    """Wall clock and CPU seconds (user + system, of the child process) of ``graphmodel
    stats``, ``pairings`` and ``gaps`` on a store of ``scale``, process start included
    (medians); and of ``graphmodel --help``, the cost of starting the command line at all."""
    import resource

    from graphmodel.load import load
    from graphmodel.store.embedded import EmbeddedStore

    work = Path(tempfile.mkdtemp(prefix=f"store-cmd-{scale}-", dir=CACHE))
    db = work / "graph.db"
    load([ledger_dir(scale)], EmbeddedStore(db))
    community = next(
        d["name"]
        for _, d in EmbeddedStore(db).graph().nodes(data=True)
        if d["label"] == "Community"
    )
    found = {}
    for name, args in (
        ("--help (start only)", ["--help"]),
        ("stats", ["stats"]),
        ("pairings", ["pairings", community]),
        ("gaps", ["gaps", "--as-of", AS_OF.isoformat()]),
    ):
        seconds, cpu = [], []
        extra = [] if args == ["--help"] else ["--db", str(db)]
        for _ in range(repeats):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([GRAPHMODEL, *args, *extra], capture_output=True, check=True)
            seconds.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        found[name] = (median(seconds), median(cpu))
    shutil.rmtree(work)
    return found


def concurrent(count: int) -> dict[str, Any]:
    """``count`` ``graphmodel load`` processes at once on one new store, each on its own copy
    of the street ledger; then the same loads one after the other on another store."""
    from graphmodel.store.embedded import EmbeddedStore

    work = Path(tempfile.mkdtemp(prefix="store-concurrent-", dir=CACHE))
    copies = [shutil.copytree(ledger_dir("street"), work / f"ledger{i}") for i in range(count)]
    together, serial = work / "together.db", work / "serial.db"
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            [GRAPHMODEL, "load", str(c), "--db", str(together)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for c in copies
    ]
    outcomes = [(p.wait(), p.communicate()) for p in procs]
    wall = time.perf_counter() - start
    start = time.perf_counter()
    for c in copies:
        subprocess.run([GRAPHMODEL, "load", str(c), "--db", str(serial)], capture_output=True)
    serial_wall = time.perf_counter() - start
    ok = sum(1 for code, _ in outcomes if code == 0)
    busy = sum(1 for code, (_, err) in outcomes if code and "being written by another" in err)

    def view(path: Path) -> Any:
        g = EmbeddedStore(path).graph()
        return dict(g.nodes(data=True)), sorted(g.edges(keys=True))

    result = {
        "processes": count,
        "committed": ok,
        "failed_busy": busy,
        "failed_otherwise": count - ok - busy,
        "equal_to_serial": view(together) == view(serial) if ok == count else None,
        "history": len(EmbeddedStore(together).history()),
        "wall_seconds": wall,
        "serial_wall_seconds": serial_wall,
    }
    shutil.rmtree(work)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", nargs=3, metavar=("STEP", "LEDGER", "DB"))
    parser.add_argument("--scales", default="district,city")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-report", action="store_true")
    parser.add_argument("--concurrent", type=int, default=20)
    parser.add_argument("--json")
    args = parser.parse_args()
    if args.child:
        step, ledger, db = args.child
        print(json.dumps(run_step(step, Path(ledger), Path(db))))
        return
    sys.path.insert(0, str(ROOT))
    steps = tuple(s for s in STEPS if not (args.no_report and s == "report"))
    scales = [measure_scale(s, args.repeats, steps) for s in args.scales.split(",")]
    cli = commands("district", max(args.repeats, 5))
    together = concurrent(args.concurrent)
    rows = []
    for r in scales:
        pipeline = (
            r["load"]["seconds"] + r["read"]["seconds"] + r.get("report", {}).get("seconds", 0)
        )
        rows.append(
            [
                r["scale"],
                r["runs"],
                r["elements"],
                f"{r['floor']['seconds']:.2f}",
                f"{r['load']['seconds']:.2f} ({r['load']['cpu']:.2f})",
                f"{r['load']['seconds'] / r['floor']['seconds']:.1f}x",
                f"{r['read']['seconds']:.2f} ({r['read']['cpu']:.2f})",
                f"{r['read']['seconds'] / r['floor']['seconds']:.1f}x",
                f"{r['reload']['seconds']:.2f} ({r['reload']['cpu']:.2f})",
                f"{r['resync']['seconds']:.2f} ({r['resync']['cpu']:.2f})",
                sum(c["added"] + c["changed"] + c["removed"] for c in r["reload_changes"]),
                f"{r['report']['seconds']:.2f}" if "report" in r else "–",
                f"{pipeline:.2f}" if "report" in r else "–",
                f"{r['file_mib']:.0f}",
            ]
        )
    print(
        markdown_table(
            [
                "scale",
                "runs",
                "nodes + rels",
                "floor s",
                "load s (CPU)",
                "load / floor",
                "read s (CPU)",
                "read / floor",
                "reload s (CPU)",
                "resync s (CPU)",
                "reload + resync changes",
                "report s",
                "load + read + report s",
                "file MiB",
            ],
            rows,
        )
    )
    print()
    print(
        markdown_table(
            ["district command", "wall s (process start included)", "CPU s"],
            [[k, f"{wall:.2f}", f"{cpu:.2f}"] for k, (wall, cpu) in cli.items()],
        )
    )
    print()
    print(markdown_table(list(together), [list(together.values())]))
    print(f"\nload average at the end: {os.getloadavg()}")
    save_json(
        args.json, {"scales": scales, "commands": cli, "concurrent": together, "goals": GOALS}
    )


if __name__ == "__main__":
    main()
