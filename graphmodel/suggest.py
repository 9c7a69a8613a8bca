"""Names close to a name that matches nothing: what a user most likely meant.

Organizers type a short form (站东 for 站东社区) or slip on one character (清水和社区 for
清水河社区). ``closest`` ranks the known names:

1. names that start with the reference (站东 → 站东社区), shortest first;
2. names that contain it (东社区 → 站东社区);
3. names similar character by character (``difflib`` ratio at least ``CUTOFF``: 清水和社区 →
   清水河社区, 4 of 5 characters in order, ratio 0.8).

Each group is sorted by closeness, then name; at most ``limit`` names are returned, each once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["CUTOFF", "LIMIT", "closest"]

CUTOFF = 0.6
"""The least ``difflib.SequenceMatcher.ratio`` for a similar name (2·matches / total length)."""

LIMIT = 5
"""How many names a suggestion lists."""


def closest(ref: str, names: Iterable[str], limit: int = LIMIT) -> list[str]:
    """The known ``names`` closest to ``ref`` (see the module docstring).

    >>> closest("站东", ["建国门街道", "站东社区", "站东街道", "东总布社区"])
    ['站东社区', '站东街道']
    >>> closest("清水和社区", ["清水河社区", "清河社区", "建国门街道"])
    ['清水河社区', '清河社区']
    >>> closest("万寿路", ["万寿路街道"]), closest("xyz", ["站东社区"])
    (['万寿路街道'], [])
    """
    ref = ref.strip()
    if not ref:
        return []
    known = sorted({n for n in names if n and n != ref})
    prefixed = sorted((n for n in known if n.startswith(ref)), key=lambda n: (len(n), n))
    inside = sorted((n for n in known if ref in n and n not in prefixed), key=lambda n: (len(n), n))
    taken = set(prefixed) | set(inside)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(ref)
    scored = []
    for n in known:
        if n in taken:
            continue
        matcher.set_seq1(n)
        if matcher.real_quick_ratio() >= CUTOFF and matcher.quick_ratio() >= CUTOFF:
            ratio = matcher.ratio()
            if ratio >= CUTOFF:
                scored.append((-ratio, n))
    similar = [n for _, n in sorted(scored)]
    return (prefixed + inside + similar)[:limit]
