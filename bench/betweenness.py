"""Exact vs sampled betweenness on the co-governance actor graph: time and top-20 agreement.

The graph is what ``graphmodel hubs`` ranks: ``network.actor_graph`` of a generated ledger
loaded through the project's reader and embedded store. Exact betweenness
(``networkx.betweenness_centrality``) is compared with the estimate from ``k`` sampled source
actors (``k=..., seed=...``, what ``rank_hubs`` uses above ``hubs.EXACT_LIMIT``) at sizes
where the exact one still runs. Agreement is the number of actors the two top-20 lists share
(ties broken by id, as ``rank_hubs`` breaks them); the sampled figures are medians (and the
minimum) over several seeds.

Run from the checkout: ``python bench/betweenness.py [--quick] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

import networkx as nx
from common import Timer, ledger_dir, load_graph, markdown_table, median, save_json

from graphmodel.analysis.network import actor_graph

AS_OF = dt.date(2026, 1, 1)
TOP = 20
SIZES: tuple[tuple[str, str, dict[str, int]], ...] = (
    ("street", "street", {}),
    ("4 streets", "district", {"streets": 4, "communities": 90}),
    ("10 streets", "district", {"streets": 10, "communities": 220}),
    ("district", "district", {}),
)
SAMPLES = (64, 256, 1024)
SEEDS = (0, 1, 2, 3, 4)


def top(scores: dict[str, float], n: int = TOP) -> list[str]:
    """The ``n`` highest-scoring actors, ties broken by id."""
    return sorted(scores, key=lambda a: (-scores[a], a))[:n]


def measure(net: nx.Graph, exact_repeats: int) -> dict[str, Any]:
    """Exact betweenness (``exact_repeats`` times) and each sample size over ``SEEDS``."""
    exact_seconds, exact = [], {}
    for _ in range(exact_repeats):
        with Timer() as t:
            exact = nx.betweenness_centrality(net, normalized=True)
        exact_seconds.append(t.seconds)
    best = set(top(exact))
    sampled = []
    for k in SAMPLES:
        if k >= net.number_of_nodes():
            continue
        seconds, agree = [], []
        for seed in SEEDS:
            with Timer() as t:
                estimate = nx.betweenness_centrality(net, k=k, normalized=True, seed=seed)
            seconds.append(t.seconds)
            agree.append(len(best & set(top(estimate))))
        sampled.append(
            {
                "k": k,
                "seconds": seconds,
                "median_seconds": median(seconds),
                "agreement": agree,
                "median_agreement": median(agree),
                "min_agreement": min(agree),
            }
        )
    return {
        "actors": net.number_of_nodes(),
        "ties": net.number_of_edges(),
        "exact_seconds": exact_seconds,
        "median_exact_seconds": median(exact_seconds),
        "sampled": sampled,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the two smallest sizes")
    parser.add_argument("--json", help="write the raw figures to this file")
    args = parser.parse_args()
    sizes = SIZES[:2] if args.quick else SIZES
    results = []
    for name, scale, overrides in sizes:
        net = actor_graph(load_graph(ledger_dir(scale, **overrides)), AS_OF)
        repeats = 3 if net.number_of_nodes() <= 5000 else 1
        result = {"size": name, "scale": scale, "overrides": overrides, **measure(net, repeats)}
        results.append(result)
        print(f"{name}: {result['actors']} actors, exact {result['median_exact_seconds']:.2f} s")
    rows = []
    for r in results:
        for s in r["sampled"]:
            rows.append(
                (
                    r["size"],
                    r["actors"],
                    r["ties"],
                    f"{r['median_exact_seconds']:.2f} ({len(r['exact_seconds'])}x)",
                    s["k"],
                    f"{s['median_seconds']:.3f}",
                    f"{r['median_exact_seconds'] / s['median_seconds']:.1f}x",
                    f"{s['median_agreement']:g} (min {s['min_agreement']})",
                )
            )
    print()
    print(
        markdown_table(
            (
                "graph",
                "actors",
                "ties",
                "exact s (runs)",
                "k",
                "sampled s (median of 5 seeds)",
                "speed-up",
                "top-20 agreement (median, min)",
            ),
            rows,
        )
    )
    save_json(args.json, {"as_of": AS_OF.isoformat(), "results": results})


if __name__ == "__main__":
    main()
