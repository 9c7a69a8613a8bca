"""How long a command takes to start: ``graphmodel --help`` and ``graphmodel stats`` on the seed,
against bare ``python -c "import click"`` (the floor any click program pays), wall clock and CPU
seconds of each fresh process, medians over ``--runs`` runs interleaved so that the machine's
load falls on every row alike.

``--graphmodel`` may name several console scripts (e.g. another checkout's ``.venv/bin/
graphmodel``) to compare builds side by side in one run; the seed is loaded once per script
into a store file of its own in a temporary folder. Goals (issue 11): ``--help`` under 0.3 s
and ``stats`` under 0.6 s wall clock.

    ../.venv/bin/python startup.py --runs 15 --json out.json
    ../.venv/bin/python startup.py --graphmodel /path/to/old/.venv/bin/graphmodel ../.venv/bin/graphmodel
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, markdown_table, median, save_json

ENV = {k: v for k, v in os.environ.items() if k not in ("GRAPHMODEL_DB", "GRAPHMODEL_STORE")}
"""The commands' environment: the store is the one on the command line, never a user's."""


def run_once(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one fresh process running ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--graphmodel", nargs="+", default=[str(ROOT / ".venv" / "bin" / "graphmodel")]
    )
    parser.add_argument("--json", help="Write the raw figures here.")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="graphmodel-startup-"))
    cases: dict[str, list[str]] = {
        "python -c 'import click'": [sys.executable, "-c", "import click"]
    }
    for i, script in enumerate(args.graphmodel):
        db = work / f"seed-{i}.db"
        subprocess.run([script, "load", "--db", str(db)], env=ENV, check=True, capture_output=True)
        label = script if len(args.graphmodel) > 1 else "graphmodel"
        cases[f"{label} --help"] = [script, "--help"]
        cases[f"{label} stats"] = [script, "stats", "--db", str(db)]

    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, command in cases.items():
            figures[name].append(run_once(command, work))

    rows = []
    for name, runs in figures.items():
        wall, cpu = median([w for w, _ in runs]), median([c for _, c in runs])
        rows.append((name, f"{wall:.2f}", f"{cpu:.2f}"))
    print(f"{args.runs} runs each, load average {os.getloadavg()[0]:.1f}\n")
    print(markdown_table(("command", "wall s (median)", "CPU s (median)"), rows))
    if args.json:
        save_json(args.json, {"runs": figures})


if __name__ == "__main__":
    main()
