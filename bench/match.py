"""``graphmodel match`` (needs x resources, min-cost flow) on generated ledgers: seconds per step.

Steps, each timed on the same graph view, median of ``--repeats`` runs:

- ``index``: ``GapContext`` and the three lists (``analysis.lists``), what ``match`` builds first;
Wall-clock and CPU seconds of this process are both reported (the CPU figure is less
disturbed when other jobs share the cores).

- ``match``: ``match()`` on a fresh context (index included: what the command costs after the
  store is read), with the number of open needs, available resources, candidate edges,
  proposals and unmet needs.

Goal (issue 15): ``match`` at city scale (about 70,000 needs, 50,000 resources) under 10 s.

    ../.venv/bin/python match.py                     # street, district, city
    ../.venv/bin/python match.py --scales city --json out.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CACHE, Timer, load_graph, machine, markdown_table, median, save_json

AS_OF = dt.date(2025, 6, 30)
"""The generator's last day: open needs are up to about a year old."""


def ledger(scale: str, seed: int = 0) -> Path:
    """A generated ledger with the three lists, made once and reused."""
    from graphmodel.generate import generate, scale_for

    out = CACHE / "ledgers" / f"{scale}-s{seed}-lists"
    if not (out / "projects.csv").exists():
        generate(out, scale_for(scale), seed=seed)
    return out


def timed(func, repeats: int):
    """Run ``func`` ``repeats`` times: wall seconds, CPU seconds of each run, the last result."""
    wall, cpu, result = [], [], None
    for _ in range(repeats):
        with Timer() as t:
            result = func()
        wall.append(t.seconds)
        cpu.append(t.cpu)
    return wall, cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="street,district,city")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from graphmodel.analysis.gaps import GapContext
    from graphmodel.analysis.match import match
    from graphmodel.analysis.policy import Policy

    policy = Policy()
    rows, raw = [], []
    for scale in args.scales.split(","):
        g = load_graph(ledger(scale))
        labels: dict[str, int] = {}
        for _, label in g.nodes(data="label"):
            labels[label] = labels.get(label, 0) + 1

        def index(g=g):
            ctx = GapContext(g, policy, AS_OF)
            return ctx.lists

        index_s, index_cpu, lists = timed(index, args.repeats)
        match_s, match_cpu, result = timed(lambda g=g: match(g, policy, AS_OF), args.repeats)
        figures = {
            "scale": scale,
            "nodes": g.number_of_nodes(),
            "needs": labels.get("Need", 0),
            "resources": labels.get("Resource", 0),
            "open_needs": result.needs,
            "available": result.resources_available,
            "candidate_edges": result.candidate_edges,
            "proposals": len(result.proposals),
            "unmet": len(result.unmet),
            "index_s": index_s,
            "index_cpu_s": index_cpu,
            "match_s": match_s,
            "match_cpu_s": match_cpu,
        }
        raw.append(figures)
        rows.append(
            [
                scale,
                f"{figures['needs']:,}",
                f"{figures['resources']:,}",
                f"{result.needs:,}",
                f"{result.candidate_edges:,}",
                f"{len(result.proposals):,}",
                f"{len(result.unmet):,}",
                f"{median(index_s):.2f} ({median(index_cpu):.2f})",
                f"{median(match_s):.2f} ({median(match_cpu):.2f})",
            ]
        )
        del lists
    print(
        markdown_table(
            [
                "scale",
                "needs",
                "resources",
                "open needs matched",
                "candidate edges",
                "proposals",
                "unmet",
                "index s wall (CPU)",
                "match s wall (CPU)",
            ],
            rows,
        )
    )
    if args.json:
        save_json(args.json, {"machine": machine(), "as_of": AS_OF.isoformat(), "runs": raw})


if __name__ == "__main__":
    main()
