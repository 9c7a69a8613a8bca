"""Exact vs sampled betweenness on the co-governance actor graph: time and top-20 agreement.

The graph is what ``graphmodel hubs`` ranks: ``network.actor_graph`` of a generated ledger
loaded through the project's reader and embedded store. The estimate is the project's own,
``betweenness.betweenness`` with ``sample`` = k sources (exact for the parts of at most
``betweenness.EXACT_LIMIT`` actors, linearly scaled samples above), what ``rank_hubs`` computes with
k = ``betweenness.SAMPLE``. The reference is exact betweenness from rustworkx (one thread; the
``bench`` extra), which equals NetworkX's to 1e-16 (``bench/engines.py``) and still runs at
city scale; the project's exact mode (``exact_limit`` above the graph's size, pure Python like
NetworkX) is timed where it finishes in minutes.

Agreement is the number of actors the two top-20 lists share (ties broken by id, as
``rank_hubs`` breaks them); the sampled figures are medians (and the minimum) over five seeds.

Run from the checkout: ``python bench/betweenness.py [--sizes street,...] [--json FILE]``.
"""

from __future__ import annotations

import os

os.environ.setdefault("RAYON_NUM_THREADS", "1")

import argparse
import datetime as dt
from typing import Any

import networkx as nx
import rustworkx as rx
from common import Timer, ledger_dir, load_graph, markdown_table, median, save_json

from graphmodel.analysis.betweenness import EXACT_LIMIT, SAMPLE, betweenness
from graphmodel.analysis.network import actor_graph

AS_OF = dt.date(2026, 1, 1)
TOP = 20
SIZES: dict[str, tuple[str, dict[str, int]]] = {
    "street": ("street", {}),
    "4 streets": ("district", {"streets": 4, "communities": 90}),
    "10 streets": ("district", {"streets": 10, "communities": 220}),
    "district": ("district", {}),
    "city": ("city", {}),
}
SAMPLES = (SAMPLE // 4, SAMPLE, SAMPLE * 4)
SEEDS = (0, 1, 2, 3, 4)
PYTHON_EXACT_LIMIT = 5000
"""Time the project's pure-Python exact mode only up to this many actors (minutes above)."""


def top(scores: dict[str, float], n: int = TOP) -> list[str]:
    """The ``n`` highest-scoring actors, ties broken by id."""
    return sorted(scores, key=lambda a: (-scores[a], a))[:n]


def exact_rustworkx(net: nx.Graph) -> tuple[dict[str, float], float]:
    """Exact normalized betweenness of ``net`` from rustworkx, and its seconds (without the
    conversion)."""
    graph = rx.networkx_converter(net)
    ids = [graph[i] for i in graph.node_indices()]
    with Timer() as t:
        raw = rx.graph_betweenness_centrality(graph, normalized=True)
    return {ids[i]: v for i, v in raw.items()}, t.seconds


def measure(net: nx.Graph) -> dict[str, Any]:
    """The exact reference, the project's exact mode where small, and each sample size over
    ``SEEDS``."""
    n = net.number_of_nodes()
    exact, rx_seconds = exact_rustworkx(net)
    best = set(top(exact))
    python_seconds = None
    if n <= PYTHON_EXACT_LIMIT:
        with Timer() as t:
            betweenness(net, exact_limit=n)
        python_seconds = t.seconds
    sampled = []
    for k in SAMPLES:
        seconds, agree, sampled_actors = [], [], 0
        for seed in SEEDS:
            with Timer() as t:
                estimate, sampled_actors = betweenness(net, sample=k, seed=seed)
            seconds.append(t.seconds)
            agree.append(len(best & set(top(estimate))))
        sampled.append(
            {
                "k": k,
                "sampled_actors": sampled_actors,
                "seconds": seconds,
                "median_seconds": median(seconds),
                "agreement": agree,
                "median_agreement": median(agree),
                "min_agreement": min(agree),
            }
        )
    return {
        "actors": n,
        "ties": net.number_of_edges(),
        "parts_above_limit": sum(1 for p in nx.connected_components(net) if len(p) > EXACT_LIMIT),
        "rustworkx_exact_seconds": rx_seconds,
        "python_exact_seconds": python_seconds,
        "sampled": sampled,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default=",".join(SIZES), help=f"comma-separated, of: {', '.join(SIZES)}"
    )
    parser.add_argument("--json", help="write the raw figures to this file")
    args = parser.parse_args()
    results = []
    for name in args.sizes.split(","):
        scale, overrides = SIZES[name]
        net = actor_graph(load_graph(ledger_dir(scale, **overrides)), AS_OF)
        result = {"size": name, "scale": scale, "overrides": overrides, **measure(net)}
        results.append(result)
        print(f"{name}: {result['actors']} actors, exact {result['rustworkx_exact_seconds']:.2f} s")
    rows = []
    for r in results:
        python = r["python_exact_seconds"]
        for s in r["sampled"]:
            estimated = "all exact" if not s["sampled_actors"] else f"{s['sampled_actors']:,}"
            rows.append(
                (
                    r["size"],
                    f"{r['actors']:,}",
                    f"{r['ties']:,}",
                    "–" if python is None else f"{python:.2f}",
                    f"{r['rustworkx_exact_seconds']:.2f}",
                    s["k"],
                    estimated,
                    f"{s['median_seconds']:.2f}",
                    "–" if python is None else f"{python / s['median_seconds']:.1f}x",
                    f"{s['median_agreement']:g} ({s['min_agreement']})",
                )
            )
    print()
    print(
        markdown_table(
            (
                "graph",
                "actors",
                "ties",
                "exact, Python s",
                "exact, rustworkx s",
                "k",
                "actors in sampled parts",
                "sampled s (median of 5 seeds)",
                "speed-up over exact, Python",
                "top-20 agreement: median (worst)",
            ),
            rows,
        )
    )
    save_json(args.json, {"as_of": AS_OF.isoformat(), "results": results})


if __name__ == "__main__":
    main()
