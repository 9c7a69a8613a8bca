"""The command line starts without the heavy libraries: ``graphmodel --help`` imports none of
them, and a command imports only what it uses (issue 11: imports deferred to where they are
used). Only which modules load is checked here, never how long it takes; the times are
measured by ``bench/startup.py`` and recorded in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("matplotlib", "neo4j", "networkx", "numpy", "openpyxl", "rich", "scipy")

PROBE = """
import json, sys
from graphmodel.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


def imported(*args: str, cwd: str | None = None) -> set[str]:
    """The top-level packages loaded by a fresh interpreter running ``graphmodel ARGS``."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=cwd, check=True
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_help_imports_none_of_the_heavy_libraries():
    assert imported("--help") & set(HEAVY) == set()


def test_a_command_help_imports_none_of_them_either():
    for command in (["gaps"], ["report"], ["query"], ["neo4j", "start"], ["hubs"]):
        assert imported(*command, "--help") & set(HEAVY) == set(), command


def test_stats_on_the_embedded_store_needs_no_neo4j_driver_nor_plotting(tmp_path):
    from graphmodel.store import EmbeddedStore
    from tests.test_gaps import jianguomen

    EmbeddedStore(tmp_path / "g.db").write(jianguomen().batch)
    loaded = imported("stats", "--db", str(tmp_path / "g.db"))
    assert "networkx" in loaded  # the probe can fail: stats reads the graph view
    assert loaded & {"matplotlib", "neo4j", "numpy", "openpyxl", "scipy"} == set()
