"""The Browser style (style.grass) shows the ledgers' short names whole.

Neo4j Browser fits a node's caption into its circle word by word, breaking only at spaces
(neo4j-browser's ``fitCaptionIntoCircle``): a word that does not fit on the line is cut with
"…". Chinese names have no spaces, so a name shows whole only when it fits on one line across
the circle: its width plus a space must be below the chord ``2 * sqrt(r^2 - (font/2)^2)`` at the
line's edge. Widths here are those of a sans-serif font: a CJK character is one em, a digit or
Latin letter about 0.6 em, a space about 0.3 em.
"""

from __future__ import annotations

import csv
import math
import re

import pytest

from graphmodel.browser import STYLE_FILE
from graphmodel.resources import package_dir

SHORT = {
    "District": 7,
    "Street": 6,
    "Community": 6,
    "PartyOrg": 8,
    "MemberUnit": 8,
    "SocialOrg": 9,
    "Committee": 12,
}
"""Characters of a Chinese name each label shows whole (docs/browser.md)."""


def _style() -> dict[str, dict[str, str]]:
    text = STYLE_FILE.read_text(encoding="utf-8")
    rules = {}
    for selector, body in re.findall(r"node(?:\.(\w+))? \{(.*?)\}", text, re.S):
        rules[selector or "*"] = dict(re.findall(r"([\w-]+): ([^;]+);", body))
    return rules


def _fits(name: str, label: str) -> bool:
    style = _style()
    rule = {**style["*"], **style.get(label, {})}
    radius = float(rule["diameter"].removesuffix("px")) / 2
    font = float(rule["font-size"].removesuffix("px"))
    width = font * (0.3 + sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in name))
    return width < 2 * math.sqrt(radius**2 - (font / 2) ** 2)


@pytest.mark.parametrize("label", SHORT)
def test_each_label_shows_its_short_names_whole(label):
    assert _fits("社" * SHORT[label], label)
    # ... and no more: one more character and Browser cuts it (the limit documented is exact).
    assert not _fits("社" * (SHORT[label] + 1), label)


@pytest.mark.parametrize(
    ("table", "label"),
    [
        ("districts", "District"),
        ("streets", "Street"),
        ("communities", "Community"),
        ("party_orgs", "PartyOrg"),
    ],
)
def test_the_named_places_and_party_organizations_of_the_seed_show_whole(table, label):
    path = package_dir("graphmodel", "seed", "ledger", f"{table}.csv")
    with open(path, encoding="utf-8", newline="") as f:
        named = [r["name"] for r in csv.DictReader(f) if r["generated"] == "false"]
    assert named
    assert [n for n in named if not _fits(n, label)] == []
