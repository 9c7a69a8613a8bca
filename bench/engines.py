"""NetworkX vs rustworkx on the same actor graph: exact betweenness and articulation points.

Optional (``pip install -e '.[bench]'`` brings rustworkx; the package never imports it). The
graph is ``network.actor_graph`` of a generated ledger, as in ``bench/betweenness.py``; it is
converted once (``rustworkx.networkx_converter``, timed apart). rustworkx runs on one thread
(``RAYON_NUM_THREADS=1``, set before import) so that the comparison is per core and the shared
machine is not flooded. For each size: NetworkX exact betweenness, NetworkX's own sampled
estimate (k=64), rustworkx exact; the largest absolute difference between the two exact
results and the agreement of their top-20 lists; then articulation points in both. NetworkX
exact is not run at district scale (about 20 minutes). ``bench/betweenness.py`` takes
rustworkx exact as its reference, up to city scale.

Run from the checkout: ``python bench/engines.py [--json FILE]``.
"""

from __future__ import annotations

import os

os.environ.setdefault("RAYON_NUM_THREADS", "1")

import argparse
import datetime as dt
from typing import Any

import networkx as nx
import rustworkx as rx
from betweenness import top
from common import Timer, ledger_dir, load_graph, markdown_table, median, save_json

from graphmodel.analysis.network import actor_graph

AS_OF = dt.date(2026, 1, 1)
SIZES: tuple[tuple[str, str, dict[str, int], bool], ...] = (
    ("street", "street", {}, True),
    ("4 streets", "district", {"streets": 4, "communities": 90}, True),
    ("10 streets", "district", {"streets": 10, "communities": 220}, True),
    ("district", "district", {}, False),
)
REPEATS = 3


def measure(net: nx.Graph, exact_nx: bool) -> dict[str, Any]:
    """Timings (medians of ``REPEATS``; one run for NetworkX exact above 1,000 actors)."""
    with Timer() as convert:
        graph = rx.networkx_converter(net)
    ids = [graph[i] for i in graph.node_indices()]
    out: dict[str, Any] = {
        "actors": net.number_of_nodes(),
        "ties": net.number_of_edges(),
        "convert_s": convert.seconds,
    }
    rx_s, rx_scores = [], {}
    for _ in range(REPEATS):
        with Timer() as t:
            raw = rx.betweenness_centrality(graph, normalized=True)
        rx_s.append(t.seconds)
        rx_scores = {ids[i]: v for i, v in raw.items()}
    out["rx_exact_s"] = median(rx_s)
    sampled = []
    for _ in range(REPEATS):
        with Timer() as t:
            nx.betweenness_centrality(net, k=min(64, len(net)), normalized=True, seed=0)
        sampled.append(t.seconds)
    out["nx_sampled_s"] = median(sampled)
    if exact_nx:
        runs = 1 if len(net) > 1000 else REPEATS
        nx_s, nx_scores = [], {}
        for _ in range(runs):
            with Timer() as t:
                nx_scores = nx.betweenness_centrality(net, normalized=True)
            nx_s.append(t.seconds)
        out["nx_exact_s"] = median(nx_s)
        out["max_abs_diff"] = max(abs(nx_scores[a] - rx_scores[a]) for a in net)
        out["top20_agreement"] = len(set(top(nx_scores)) & set(top(rx_scores)))
    with Timer() as t:
        nx_points = set(nx.articulation_points(net))
    out["nx_articulation_s"] = t.seconds
    with Timer() as t:
        rx_points = {ids[i] for i in rx.articulation_points(graph)}
    out["rx_articulation_s"] = t.seconds
    out["articulation_equal"] = nx_points == rx_points
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the raw figures to this file")
    args = parser.parse_args()
    results = []
    for name, scale, overrides, exact_nx in SIZES:
        net = actor_graph(load_graph(ledger_dir(scale, **overrides)), AS_OF)
        results.append({"size": name, **measure(net, exact_nx)})
        print(f"{name}: {results[-1]['actors']:,} actors done", flush=True)
    rows = []
    for r in results:
        nx_exact = r.get("nx_exact_s")
        rows.append(
            (
                r["size"],
                r["actors"],
                r["ties"],
                f"{nx_exact:.2f}" if nx_exact else "not run",
                f"{r['nx_sampled_s']:.2f}",
                f"{r['rx_exact_s']:.3f}",
                f"{nx_exact / r['rx_exact_s']:.0f}x" if nx_exact else "",
                f"{r['max_abs_diff']:.1e}" if nx_exact else "",
                r.get("top20_agreement", ""),
                f"{r['convert_s']:.2f}",
                f"{r['nx_articulation_s']:.3f} / {r['rx_articulation_s']:.3f}",
                "yes" if r["articulation_equal"] else "NO",
            )
        )
    print()
    print(
        markdown_table(
            (
                "graph",
                "actors",
                "ties",
                "nx exact s",
                "nx sampled k=64 s",
                "rx exact s (1 thread)",
                "rx speed-up",
                "max |nx - rx|",
                "top-20 same",
                "convert s",
                "articulation nx / rx s",
                "same points",
            ),
            rows,
        )
    )
    save_json(args.json, {"as_of": AS_OF.isoformat(), "results": results})


if __name__ == "__main__":
    main()
