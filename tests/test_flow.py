"""``flow.min_cost_assign``, with groups of suppliers, against brute force.

On random small instances (up to five demands, four suppliers with capacities, two groups), the
assignment must be valid (each demand once, through one of its candidates; a group's demand
gets a supplier of the group; no supplier over its supply) and optimal as the module says: as
many demands met as any valid assignment meets, and among those the least candidates' costs
plus unmet costs. Brute force enumerates every way of giving each demand one of its options
(group candidates expanded into their suppliers) or nothing.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest

from graphmodel.analysis.flow import min_cost_assign


def _instance(rng: random.Random):
    demands = [f"d{i}" for i in range(rng.randint(1, 5))]
    suppliers = [f"s{i}" for i in range(rng.randint(1, 4))]
    supply = {s: rng.randint(0, 2) for s in suppliers}
    groups = {
        ("g", i): rng.sample(suppliers, rng.randint(1, len(suppliers)))
        for i in range(rng.randint(0, 2))
    }
    names = [*suppliers, *groups]
    candidates = {
        d: [(x, rng.randint(0, 9)) for x in rng.sample(names, rng.randint(0, min(3, len(names))))]
        for d in demands
    }
    unmet = {d: rng.randint(0, 9) for d in demands}
    return demands, supply, candidates, unmet, groups


def _best(demands, supply, candidates, unmet, groups) -> tuple[int, int]:
    """(-met, cost) of the best assignment, by enumeration."""
    options = []
    for d in demands:
        mine = [None]
        for x, cost in candidates[d]:
            mine += [(s, cost) for s in groups.get(x, [x])]
        options.append(mine)
    scores = []
    for pick in itertools.product(*options):  # giving nothing to all is always feasible
        used = Counter(p[0] for p in pick if p)
        if any(n > supply.get(s, 0) for s, n in used.items()):
            continue
        cost = sum(p[1] for p in pick if p) + sum(
            unmet[d] for d, p in zip(demands, pick, strict=True) if not p
        )
        scores.append((-sum(1 for p in pick if p), cost))
    return min(scores)


@pytest.mark.parametrize("seed", range(150))
def test_grouped_assignment_is_valid_and_optimal(seed):
    demands, supply, candidates, unmet, groups = _instance(random.Random(seed))
    chosen = min_cost_assign(demands, supply, candidates, unmet, groups)
    cost = 0
    for d, (s, via) in chosen.items():
        offered = dict(candidates[d])
        assert via in offered, (d, via)
        assert s in groups[via] if via in groups else s == via
        cost += offered[via]
    assert all(n <= supply.get(s, 0) for s, n in Counter(s for s, _ in chosen.values()).items())
    cost += sum(unmet[d] for d in demands if d not in chosen)
    assert (-len(chosen), cost) == _best(demands, supply, candidates, unmet, groups)
