"""Ledger -> embedded store -> analyses, at street, district, city and nation-sample scale.

Each run is a fresh subprocess (so its peak memory is its own) that times, one after the
other, the library calls the CLI makes:

- ``load``: ``graphmodel.load.load([ledger], EmbeddedStore(new file))``: read the CSV files,
  validate every row, build the graph and save the JSON file (what ``graphmodel load`` does);
- ``reopen``: a new ``EmbeddedStore(file).graph()``: what every later command pays to read
  the file back;
- ``gaps``: ``analysis.gaps.find_gaps`` with the default policy (all eight rules);
- ``hubs``: ``analysis.network.actor_graph`` once, then ``analysis.hubs.rank_hubs`` (top 20;
  betweenness exact in parts up to ``EXACT_LIMIT`` actors, sampled above) and
  ``single_points_of_failure`` on it, as ``graphmodel hubs`` does;
- ``recommend``: ``analysis.recommend.recommend`` (min-cost flow proposals);
- ``report``: ``graphmodel.report.build_report`` then ``write_report``: the full report
  (the analyses above again, tables, charts, Markdown, HTML and JSON), what
  ``graphmodel report`` does after opening the store.

Each step is timed on the wall clock and in CPU seconds of the process (the machine is shared,
so the CPU figure is the steadier one; both are medians over the runs). The pipeline figure is ``load`` + ``reopen`` + ``report`` (``gaps`` where the report is not
run): ``graphmodel load`` then ``graphmodel report``. Cost per element divides it by nodes +
relationships. Peak memory is the process's high-water mark (``VmHWM``) after each step, so a step's figure
includes everything before it. ``nation-sample`` runs only ``load``, ``reopen`` and ``gaps``
(the goal's "loaded and gap-analysed"); ``--scales`` and ``--steps`` choose others. A scale
written ``nation-sample/4`` has its districts, streets and communities divided by 4 (the
largest fraction that fits in memory is what the goal's "or the largest that fits" asks for).

Run from the checkout: ``python bench/embedded.py [--scales street,district] [--repeats N]
[--json FILE]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import CACHE, Timer, ledger_dir, markdown_table, median, save_json, scale_spec

AS_OF = dt.date(2026, 1, 1)
DEFAULT_SCALES = ("street", "district", "city", "nation-sample/4")
"""The whole nation sample needs about 26 GiB at peak (docs/benchmarks.md): a quarter of it
is the default; ask for ``nation-sample/2`` or ``nation-sample`` on a larger machine."""
ALL_STEPS = ("load", "reopen", "gaps", "hubs", "recommend", "report")
STEPS = {"nation-sample": ("load", "reopen", "gaps")}
REPEATS = {"street": 5, "district": 5, "city": 3, "nation-sample": 1}


def peak_mib() -> float:
    """This process's peak resident memory so far, in MiB (``VmHWM``)."""
    with open("/proc/self/status", encoding="utf-8") as f:
        kb = next(int(line.split()[1]) for line in f if line.startswith("VmHWM"))
    return kb / 1024


def run_steps(ledger: Path, steps: tuple[str, ...]) -> dict[str, Any]:
    """Run ``steps`` on ``ledger`` in this process; seconds and peak memory after each."""
    from graphmodel.analysis.failure import single_points_of_failure
    from graphmodel.analysis.gaps import find_gaps
    from graphmodel.analysis.hubs import rank_hubs
    from graphmodel.analysis.network import actor_graph
    from graphmodel.analysis.policy import Policy
    from graphmodel.load import load
    from graphmodel.store.embedded import EmbeddedStore

    out: dict[str, Any] = {"steps": {}, "baseline_mib": peak_mib()}
    work = Path(tempfile.mkdtemp(prefix="bench-embedded-", dir=CACHE))
    path = work / "graph.json"
    policy = Policy()
    g = None
    for step in steps:
        with Timer() as t:
            if step == "load":
                report = load([ledger], EmbeddedStore(path))
                out["nodes"], out["relationships"] = report.nodes, report.relationships
                out["rejected"] = report.rejected
            elif step == "reopen":
                g = EmbeddedStore(path).graph()
            elif step == "gaps":
                out["gaps"] = len(find_gaps(_graph(g, path), policy, AS_OF))
            elif step == "hubs":
                graph = _graph(g, path)
                net = actor_graph(graph, AS_OF)
                hubs = rank_hubs(graph, AS_OF, net=net)
                out["betweenness"] = hubs.betweenness_method
                out["points_of_failure"] = len(single_points_of_failure(graph, AS_OF, net=net))
            elif step == "recommend":
                from graphmodel.analysis.recommend import recommend

                out["proposals"] = len(recommend(_graph(g, path), policy, AS_OF).proposals)
            elif step == "report":
                from graphmodel.report import build_report, write_report

                built = build_report(_graph(g, path), policy, AS_OF)
                out["report_files"] = len(write_report(built, work / "report"))
        out["steps"][step] = {"seconds": t.seconds, "cpu": t.cpu, "peak_mib": peak_mib()}
    out["file_mib"] = path.stat().st_size / 2**20
    for item in work.rglob("*"):
        if item.is_file():
            item.unlink()
    return out


def _graph(g: Any, path: Path) -> Any:
    if g is None:
        from graphmodel.store.embedded import EmbeddedStore

        return EmbeddedStore(path).graph()
    return g


def child(scale: str, steps: tuple[str, ...]) -> dict[str, Any]:
    """One run in a fresh interpreter (the ledger is generated beforehand, not timed)."""
    command = [sys.executable, __file__, "--child", scale, "--steps", ",".join(steps)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{scale} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summarize(scale: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over runs per step, the total, and cost per node and per edge."""
    first = runs[0]
    steps = {}
    for step in first["steps"]:
        steps[step] = {
            "seconds": median([r["steps"][step]["seconds"] for r in runs]),
            "cpu": median([r["steps"][step]["cpu"] for r in runs]),
            "peak_mib": max(r["steps"][step]["peak_mib"] for r in runs),
        }
    last = "report" if "report" in steps else "gaps"
    pipeline = [s for s in ("load", "reopen", last) if s in steps]
    total = sum(steps[s]["seconds"] for s in pipeline)
    cpu = sum(steps[s]["cpu"] for s in pipeline)
    peak = max(s["peak_mib"] for s in steps.values())
    nodes, rels = first["nodes"], first["relationships"]
    return {
        "scale": scale,
        "runs": len(runs),
        "nodes": nodes,
        "relationships": rels,
        "rejected": first["rejected"],
        "file_mib": first["file_mib"],
        "baseline_mib": first["baseline_mib"],
        "steps": steps,
        "pipeline": f"load + reopen + {last}",
        "total_seconds": total,
        "total_cpu": cpu,
        "peak_mib": peak,
        "us_per_element": total / (nodes + rels) * 1e6,
        "cpu_us_per_element": cpu / (nodes + rels) * 1e6,
        "bytes_per_element": (peak - first["baseline_mib"]) * 2**20 / (nodes + rels),
        "bytes_per_relationship": (peak - first["baseline_mib"]) * 2**20 / rels,
        "raw": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default=",".join(DEFAULT_SCALES))
    parser.add_argument("--steps", default="", help="steps to run (default: per scale)")
    parser.add_argument("--repeats", type=int, help="runs per scale (default: per scale)")
    parser.add_argument("--json", help="write the raw figures to this file")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        steps = tuple(args.steps.split(","))
        name, overrides = scale_spec(args.child)
        print(json.dumps(run_steps(ledger_dir(name, **overrides), steps)))
        return
    results = []
    for scale in args.scales.split(","):
        name, overrides = scale_spec(scale)
        steps = tuple(args.steps.split(",")) if args.steps else STEPS.get(name, ALL_STEPS)
        ledger_dir(name, **overrides)
        runs = [child(scale, steps) for _ in range(args.repeats or REPEATS[name])]
        results.append(summarize(scale, runs))
        done = results[-1]
        print(
            f"{scale}: {done['nodes']:,} nodes, {done['relationships']:,} relationships, "
            f"{done['total_seconds']:.1f} s, peak {done['peak_mib']:.0f} MiB",
            flush=True,
        )
    print()
    print(table(results))
    save_json(args.json, {"as_of": AS_OF.isoformat(), "results": results})


def table(results: list[dict[str, Any]]) -> str:
    """The Markdown table of medians per step."""
    rows = []
    for r in results:
        cells = []
        for step in ALL_STEPS:
            value = r["steps"].get(step, "")
            cells.append(f"{value['seconds']:.2f} ({value['cpu']:.2f})" if value else "-")
        rows.append(
            (
                r["scale"],
                r["runs"],
                r["nodes"],
                r["relationships"],
                *cells,
                f"{r['total_seconds']:.1f} ({r['total_cpu']:.1f})",
                f"{r['peak_mib']:,.0f}",
                f"{r['us_per_element']:.0f} ({r['cpu_us_per_element']:.0f})",
                f"{r['bytes_per_element']:,.0f} / {r['bytes_per_relationship']:,.0f}",
            )
        )
    headers = (
        "scale",
        "runs",
        "nodes",
        "rels",
        *(f"{s} s (cpu)" for s in ALL_STEPS),
        "load+reopen+report (or gaps) s",
        "peak MiB",
        "pipeline µs per node+rel (cpu)",
        "peak bytes per node+rel / per rel",
    )
    return markdown_table(headers, rows)


if __name__ == "__main__":
    main()
