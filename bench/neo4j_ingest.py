"""Neo4j ingest, side by side on one server: the project's loader, one statement per row, and
``LOAD CSV`` with ``CALL { ... } IN TRANSACTIONS``.

All three write the same records: the ``GraphBatch`` the project's reader and validation make of
a generated ledger (read and validated once, before any timing; that cost is reported apart).

- ``loader``: ``Neo4jStore.connect(..., batch_size=B).write(batch)``: ``UNWIND $rows ... MERGE`` per label
  and per (type, start label, end label), one managed write transaction per batch of B rows.
- ``per-row``: the same MERGE, one auto-commit statement per record (``cypher/bench/per_row_*``),
  through the same driver, on a sample (every n-th record; the relationship sample runs after
  the nodes have been written by the loader, untimed, so its endpoints exist).
- ``load-csv``: the batch written as CSV files (one per label, one per relationship shape) into
  the server's import directory, then ``LOAD CSV WITH HEADERS ... CALL (row) { MERGE ... } IN
  TRANSACTIONS OF B ROWS`` (``cypher/bench/load_csv_*``); writing the files is not timed.

After every timed run the database's node and relationship counts are checked against the
batch (the script stops on a difference). Every run starts from an empty database (``Neo4jStore.clear``; constraints and indexes kept, as
after ``ensure_schema``). Rates are rows per second for nodes and for relationships: a run's
node phase ends when the last node batch is written. Beside the wall clock, each run records
the CPU seconds of this process and of the server's JVM (the machine is shared, and a
server waiting for its client shows in the wall clock only). Medians over ``--repeats``, after one
untimed warm-up of every method on the street ledger (statements planned, JVM warm).

The server: your own instance, e.g. ``GRAPHMODEL_NEO4J_HOME=/tmp/neo4j-bench
NEO4J_BOLT_PORT=47687 NEO4J_HTTP_PORT=47474 graphmodel neo4j start`` with the same variables
set for this script. Its import directory is ``$GRAPHMODEL_NEO4J_HOME/import``
(``server.directories.import`` in the conf ``graphmodel.neo4j_server`` writes); ``--import-dir``
for another server.

Run from the checkout: ``python bench/neo4j_ingest.py [--scales district,city] [--batches
1000,5000] [--repeats N] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from pathlib import Path
from typing import Any

from common import Timer, ledger_dir, markdown_table, median, save_json

from graphmodel import cypher, neo4j_server
from graphmodel.connection import Connection
from graphmodel.ledger import read_ledger, validate
from graphmodel.records import GraphBatch
from graphmodel.store.neo4j import Neo4jStore

BATCHES = (1_000, 5_000, 10_000, 20_000, 50_000)
SAMPLE = 2_000


def server_cpu() -> float:
    """CPU seconds (user + system) the local server's JVM has used so far, from
    ``/proc/<pid>/stat``; 0.0 when its pid file is not readable (another server)."""
    try:
        pid = int(neo4j_server.ServerSettings.from_env().pid_file.read_text().strip())
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, ValueError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def connect(batch_size: int) -> Neo4jStore:
    """The loader's store on the local instance of the environment."""
    uri, user, password = neo4j_server.local_connection()
    return Neo4jStore.connect(Connection(uri, user, password), batch_size=batch_size)


def empty(store: Neo4jStore) -> None:
    """An empty database with the constraints and indexes in place."""
    store.clear()
    store.ensure_schema()


def run_loader(store: Neo4jStore, batch: GraphBatch) -> dict[str, float]:
    """Seconds for the node phase and the relationship phase of one ``write``."""
    n_nodes, written, marks = len(batch.nodes), [0], {}
    started = time.perf_counter()

    def progress(n: int) -> None:
        written[0] += n
        if written[0] >= n_nodes and "nodes" not in marks:
            marks["nodes"] = time.perf_counter() - started

    store.write(batch, progress)
    total = time.perf_counter() - started
    return {"nodes": marks.get("nodes", total), "relationships": total - marks.get("nodes", 0)}


def run_per_row(store: Neo4jStore, batch: GraphBatch, sample: int) -> dict[str, Any]:
    """Seconds for ``sample`` nodes, then (after the loader writes every node, untimed)
    ``sample`` relationships, each in its own auto-commit statement."""
    nodes = batch.nodes[:: max(1, len(batch.nodes) // sample)][:sample]
    edges = batch.edges[:: max(1, len(batch.edges) // sample)][:sample]
    labels = {n.id: n.label for n in batch.nodes}
    driver = store.driver  # the same driver the loader uses
    with Timer() as t_nodes, driver.session(database=store.database) as session:
        for n in nodes:
            query = cypher.statement("bench/per_row_node", label=n.label)
            session.run(query, id=n.id, props=n.props).consume()
    empty(store)
    store.write(GraphBatch(nodes=batch.nodes))
    with Timer() as t_rels, driver.session(database=store.database) as session:
        for e in edges:
            query = cypher.statement(
                "bench/per_row_relationship", type=e.type, start=labels[e.start], end=labels[e.end]
            )
            session.run(query, start=e.start, end=e.end, key=e.key, props=e.props).consume()
    return {
        "nodes": t_nodes.seconds,
        "relationships": t_rels.seconds,
        "sample_nodes": len(nodes),
        "sample_relationships": len(edges),
    }


def write_csv(
    batch: GraphBatch, import_dir: Path, name: str
) -> list[tuple[str, dict[str, str], str]]:
    """The batch as CSV files in ``import_dir/name``: ("nodes", {label}, URL) per label, then
    ("relationships", {type, start, end}, URL) per relationship shape."""
    folder = import_dir / name
    folder.mkdir(parents=True, exist_ok=True)
    labels = {n.id: n.label for n in batch.nodes}
    files = []
    for label, nodes in batch.by_label().items():
        path = folder / f"nodes_{label}.csv"
        columns = sorted({k for n in nodes for k in n.props})
        with open(path, "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow(("id", *columns))
            out.writerows((n.id, *(_csv(n.props.get(c)) for c in columns)) for n in nodes)
        files.append(("nodes", {"label": label}, f"file:///{name}/{path.name}"))
    shapes: dict[tuple[str, str, str], list[Any]] = {}
    for e in batch.edges:
        shapes.setdefault((e.type, labels[e.start], labels[e.end]), []).append(e)
    for (rel, start, end), edges in shapes.items():
        path = folder / f"rels_{rel}_{start}_{end}.csv"
        columns = sorted({k for e in edges for k in e.props})
        with open(path, "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow(("start", "end", "key", *columns))
            out.writerows(
                (e.start, e.end, e.key, *(_csv(e.props.get(c)) for c in columns)) for e in edges
            )
        files.append(
            (
                "relationships",
                {"type": rel, "start": start, "end": end},
                f"file:///{name}/{path.name}",
            )
        )
    return files


def _csv(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def run_load_csv(
    store: Neo4jStore, files: list[tuple[str, dict[str, str], str]], batch_size: int
) -> dict[str, float]:
    """Seconds for the node files, then the relationship files, each one ``LOAD CSV``
    statement committing every ``batch_size`` rows."""
    seconds = {"nodes": 0.0, "relationships": 0.0}
    with store.driver.session(database=store.database) as session:
        for kind, names, url in files:
            name = "bench/load_csv_nodes" if kind == "nodes" else "bench/load_csv_relationships"
            query = cypher.statement(name, **names)
            with Timer() as t:
                session.run(query, url=url, batch=batch_size).consume()
            seconds[kind] += t.seconds
    return seconds


def check_counts(store: Neo4jStore, n_nodes: int, n_rels: int, what: str) -> None:
    """Stop unless the database holds exactly the batch's nodes and relationships."""
    records, _, _ = store.driver.execute_query(
        cypher.statement("bench/counts"), database_=store.database
    )
    found = (records[0]["nodes"], records[0]["relationships"])
    if found != (n_nodes, n_rels):
        raise SystemExit(f"{what}: wrote {found}, expected {(n_nodes, n_rels)}")


def rates(seconds: dict[str, float], n_nodes: int, n_rels: int) -> dict[str, float]:
    """Rows per second for nodes, relationships and both."""
    total = seconds["nodes"] + seconds["relationships"]
    return {
        "nodes_per_s": n_nodes / seconds["nodes"],
        "relationships_per_s": n_rels / seconds["relationships"],
        "rows_per_s": (n_nodes + n_rels) / total,
        "seconds": total,
    }


def warm_up(import_dir: Path) -> None:
    """Run every method once on the street ledger, untimed, so that each statement is planned
    and cached and the JVM has compiled the write path before anything is measured."""
    batch = validate(read_ledger([ledger_dir("street")])).batch
    files = write_csv(batch, import_dir, "warm-up")
    store = connect(1_000)
    try:
        empty(store)
        run_loader(store, batch)
        empty(store)
        run_load_csv(store, files, 1_000)
        empty(store)
        run_per_row(store, batch, 100)
        empty(store)
    finally:
        store.close()


def bench_scale(
    scale: str, batches: tuple[int, ...], repeats: int, import_dir: Path, sample: int
) -> dict[str, Any]:
    """Every method and batch size on one scale, medians over ``repeats``."""
    ledger = ledger_dir(scale)
    with Timer() as t_read:
        batch = validate(read_ledger([ledger])).batch
    n_nodes, n_rels = len(batch.nodes), len(batch.edges)
    with Timer() as t_csv:
        files = write_csv(batch, import_dir, scale)
    warm_up(import_dir)
    result: dict[str, Any] = {
        "scale": scale,
        "nodes": n_nodes,
        "relationships": n_rels,
        "read_validate_seconds": t_read.seconds,
        "write_csv_seconds": t_csv.seconds,
        "runs": [],
    }
    for size in batches:
        store = connect(size)
        try:
            for method in ("loader", "load-csv"):
                runs = []
                for _ in range(repeats):
                    empty(store)
                    server_before = server_cpu()
                    with Timer() as t:
                        if method == "loader":
                            run = run_loader(store, batch)
                        else:
                            run = run_load_csv(store, files, size)
                    run["client_cpu"] = t.cpu
                    run["server_cpu"] = server_cpu() - server_before
                    check_counts(store, n_nodes, n_rels, f"{scale} {method} batch {size}")
                    runs.append(run)
                summary = _summary(runs, n_nodes, n_rels)
                result["runs"].append({"method": method, "batch": size, **summary})
                print(f"{scale} {method} batch {size}: {summary['seconds']:.1f} s", flush=True)
        finally:
            store.close()
    store = connect(batches[0])
    try:
        runs = []
        for _ in range(repeats):
            empty(store)
            runs.append(run_per_row(store, batch, sample))
        picked = {k: runs[0][k] for k in ("sample_nodes", "sample_relationships")}
        summary = _summary(runs, picked["sample_nodes"], picked["sample_relationships"])
        result["runs"].append({"method": "per-row", "batch": 1, **picked, **summary})
        print(f"{scale} per-row: {summary['rows_per_s']:.0f} rows/s", flush=True)
        empty(store)
    finally:
        store.close()
    return result


def _summary(runs: list[dict[str, Any]], n_nodes: int, n_rels: int) -> dict[str, Any]:
    seconds = {k: median([r[k] for r in runs]) for k in ("nodes", "relationships")}
    cpu = {k: median([r.get(k, 0.0) for r in runs]) for k in ("client_cpu", "server_cpu")}
    return {**rates(seconds, n_nodes, n_rels), **cpu, "repeats": len(runs), "raw": runs}


def table(results: list[dict[str, Any]]) -> str:
    """Rows/s per method and batch size, with the ratios the goals ask for."""
    rows = []
    for r in results:
        per_row = next(x for x in r["runs"] if x["method"] == "per-row")
        csv_by_batch = {x["batch"]: x for x in r["runs"] if x["method"] == "load-csv"}
        best_csv = max(csv_by_batch.values(), key=lambda x: x["rows_per_s"])
        for x in r["runs"]:
            vs_csv = ""
            if x["method"] == "loader":
                same = csv_by_batch[x["batch"]]
                vs_csv = (
                    f"{same['rows_per_s'] / x['rows_per_s']:.2f}x / "
                    f"{best_csv['rows_per_s'] / x['rows_per_s']:.2f}x"
                )
            rows.append(
                (
                    r["scale"],
                    x["method"],
                    x["batch"],
                    x["repeats"],
                    f"{x['seconds']:.1f}",
                    ""
                    if x["method"] == "per-row"
                    else f"{x['client_cpu']:.1f} + {x['server_cpu']:.1f}",
                    f"{x['nodes_per_s']:,.0f}",
                    f"{x['relationships_per_s']:,.0f}",
                    f"{x['rows_per_s']:,.0f}",
                    f"{x['rows_per_s'] / per_row['rows_per_s']:.0f}x",
                    vs_csv,
                )
            )
    headers = (
        "scale",
        "method",
        "batch",
        "runs",
        "seconds (median)",
        "cpu s client + server",
        "nodes/s",
        "rels/s",
        "rows/s",
        "vs per-row",
        "LOAD CSV rate / loader rate (same batch / best batch)",
    )
    return markdown_table(headers, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="district,city")
    parser.add_argument("--batches", default=",".join(str(b) for b in BATCHES))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sample", type=int, default=SAMPLE, help="per-row sample size")
    parser.add_argument("--import-dir", type=Path, help="the server's import directory")
    parser.add_argument("--json", help="write the raw figures to this file")
    args = parser.parse_args()
    import_dir = args.import_dir or neo4j_server.ServerSettings.from_env().home / "import"
    batches = tuple(int(b) for b in args.batches.split(","))
    results = []
    for scale in args.scales.split(","):
        results.append(bench_scale(scale, batches, args.repeats, import_dir, args.sample))
        r = results[-1]
        print(
            f"{scale}: {r['nodes']:,} nodes, {r['relationships']:,} relationships; "
            f"read + validate {r['read_validate_seconds']:.1f} s",
            flush=True,
        )
    print()
    print(table(results))
    save_json(args.json, {"results": results})


if __name__ == "__main__":
    main()
