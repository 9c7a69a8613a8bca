"""Brandes' betweenness accumulation from many sources at once, on sparse matrices.

Brandes (2001) counts shortest paths with one breadth-first search per source, then walks back
from the farthest nodes accumulating each node's dependency. Here a batch of sources is searched
together, one column per source, and each step of every search is one product of the adjacency
matrix with a (nodes x batch) matrix, so the work runs in NumPy and SciPy rather than in a
Python loop over edges (how much faster: ``docs/benchmarks.md``, measured by
``bench/betweenness.py``). The figures are Brandes' own (equal to networkx's to 1e-15
relative).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["BATCH_CELLS", "dependency_sums"]

BATCH_CELLS = 4_000_000
"""Sources are searched in batches of at most ``BATCH_CELLS / nodes`` (and at most 256), so
each (nodes x batch) working matrix stays within about 32 MB whatever the part's size."""


def dependency_sums(
    adjacency: sparse.csr_array, sources: Sequence[int], scaled: bool = False
) -> np.ndarray:
    """Each node's dependencies summed over ``sources``: for every source s, the sum over
    targets t of the share of shortest s-t paths through the node (s and t excluded), on the
    unweighted undirected graph whose 0/1 symmetric ``adjacency`` is given.

    Over every source this counts each unordered pair from both ends, as networkx does before
    its rescaling. ``scaled`` applies Geisberger, Sanders and Schultes' linear scaling (ALENEX
    2008): a path from s to t adds d(s, v) / d(s, t) to each v on it rather than 1, so the two
    ends of a pair add up to 1 and over every source the sum is half the unscaled one; from a
    sample of sources it is an unbiased estimate that does not overrate the nodes next to a
    sampled source.
    """
    n = adjacency.shape[0]
    total = np.zeros(n)
    batch = max(1, min(256, BATCH_CELLS // max(n, 1)))
    for start in range(0, len(sources), batch):
        total += _batch(adjacency, np.asarray(sources[start : start + batch]), scaled)
    return total


def _batch(adjacency: sparse.csr_array, sources: np.ndarray, scaled: bool) -> np.ndarray:
    n, b = adjacency.shape[0], len(sources)
    columns = np.arange(b)
    dist = np.full((n, b), -1, dtype=np.int32)
    dist[sources, columns] = 0
    sigma = np.zeros((n, b))
    sigma[sources, columns] = 1.0
    frontier = sigma.copy()
    depth = 0
    while True:
        # Paths into the next level: the path counts of the level reached last, summed over
        # neighbours; a node is new if some path reaches it and no search had found it.
        reached = adjacency @ frontier
        new = (reached > 0) & (dist < 0)
        if not new.any():
            break
        depth += 1
        dist[new] = depth
        frontier = np.where(new, reached, 0.0)
        sigma += frontier
    delta = np.zeros((n, b))
    for level in range(depth, 0, -1):
        # Each w on this level passes (1 + delta(w)) / sigma(w) to each predecessor v (one
        # level nearer the source), which takes sigma(v) times the sum of what it is passed.
        here = dist == level
        share = np.zeros((n, b))
        share[here] = (1 + delta[here]) / sigma[here]
        if scaled:
            share *= (level - 1) / level
        passed = adjacency @ share
        before = dist == level - 1
        delta[before] += sigma[before] * passed[before]
    delta[sources, columns] = 0.0
    return delta.sum(axis=1)
