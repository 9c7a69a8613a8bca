"""Betweenness of the actor graph: exact in small connected parts, estimated from a sample of
source actors in large ones, computed by ``brandes.dependency_sums``.
"""

from __future__ import annotations

import itertools
import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    from scipy import sparse

__all__ = ["EXACT_LIMIT", "SAMPLE", "betweenness"]


SAMPLE = 256
"""Source actors sampled for betweenness in each connected part above ``EXACT_LIMIT``: each
part gets its own sample, because one sample shared among all the parts ranks the largest
badly. How well the estimated top 20 agrees with the exact one at each scale, and what more
sources cost, is measured by ``bench/betweenness.py`` and recorded in ``docs/benchmarks.md``."""


EXACT_LIMIT = 2 * SAMPLE
"""Connected parts of at most this many actors get exact betweenness (a search from every
actor); larger ones are sampled, so an exact part costs at most twice a sampled one."""


def betweenness(
    net: nx.Graph, exact_limit: int = EXACT_LIMIT, sample: int = SAMPLE, seed: int = 0
) -> tuple[dict[str, float], int]:
    """Normalized betweenness of every actor of ``net``, and how many actors the sampled parts
    hold (0 when every part was computed exactly).

    Betweenness is the shortest-path betweenness centrality normalized by the number of pairs
    of other actors, (n - 1)(n - 2) / 2 for n actors, as networkx normalizes it. Shortest
    paths stay inside a connected part, so each part is computed on its own: exactly (Brandes'
    dependencies from every actor) when it holds at most ``exact_limit`` actors or at most
    ``sample``; otherwise estimated from ``sample`` of its actors drawn uniformly, the parts in
    order of their smallest actor id, with one ``random.Random(seed)``: their linearly scaled
    dependencies (``brandes.dependency_sums``) times 2 x (actors in the part) / ``sample``,
    an unbiased estimate of the exact sum.
    """
    import networkx as nx

    from graphmodel.analysis.brandes import dependency_sums

    rng = random.Random(seed)
    raw = dict.fromkeys(net, 0.0)
    exact: list[str] = []
    sampled = 0
    for part in sorted(sorted(p) for p in nx.connected_components(net) if len(p) > 2):
        if len(part) <= exact_limit or len(part) <= sample:
            exact.extend(part)
            continue
        picked = rng.sample(range(len(part)), sample)
        sums = dependency_sums(_adjacency(net, part), picked, scaled=True)
        for a, value in zip(part, sums, strict=True):
            raw[a] = float(value) * 2 * len(part) / sample
        sampled += len(part)
    if exact:  # the small parts together: a search never leaves its own part
        sums = dependency_sums(_adjacency(net, exact), range(len(exact)))
        raw.update(zip(exact, map(float, sums), strict=True))
    n = len(raw)
    scale = 1 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    return {a: raw[a] * scale for a in net}, sampled


def _adjacency(net: nx.Graph, actors: list[str]) -> sparse.csr_array:
    """The 0/1 adjacency matrix of ``actors`` (in that order), which hold whole connected parts
    of ``net``. Built from the adjacency lists, which is much faster than
    ``nx.to_scipy_sparse_array`` (``docs/benchmarks.md``)."""
    import numpy as np
    from scipy import sparse

    index = {a: i for i, a in enumerate(actors)}
    neighbours = [[index[b] for b in net[a]] for a in actors]
    indptr = np.cumsum([0, *map(len, neighbours)])
    indices = np.fromiter(itertools.chain.from_iterable(neighbours), dtype=np.int64)
    n = len(actors)
    return sparse.csr_array((np.ones(len(indices)), indices, indptr), shape=(n, n))
