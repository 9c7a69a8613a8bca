"""Synthetic ledgers at a named scale: deterministic, shaped like real networks, written fast.

``generate(out_dir, scale, seed)`` writes a ledger in the project's own format (a folder of
CSV files, one per table of ``graphmodel.ledger.tables``, English headers, UTF-8) whose shape
follows the source documents and the policies the analyses check. The same scale and seed give
byte-identical files: every random choice comes from one ``random.Random(seed)`` consumed in a
fixed order, and nothing depends on the clock. Every name starts with ``合成`` (synthetic) and
no record stands for a person.

Scales (``SCALES``). Districts, streets and communities are exact; the rest follow from the
random draws and are given as the approximate totals of seed 0:

============= ========= ======= =========== ======= ======= ======== ======== ========= =========
scale         districts streets communities grids   units   soc.orgs needs    nodes     rels
============= ========= ======= =========== ======= ======= ======== ======== ========= =========
street        1         1       25          ~220    ~45     ~230     ~150     ~900      ~1,400
district      1         29      650         ~4,900  ~2,500  ~6,000   ~5,900   ~28,000   ~47,600
city          16        340     7,000       ~53,000 ~56,000 ~54,000  ~99,000  ~411,000  ~750,000
nation-sample 2,850     38,600  600,000     0       ~607,000 ~3.7 M  ~3.1 M   ~10.3 M   ~17.6 M
============= ========= ======= =========== ======= ======= ======== ======== ========= =========

Resources are about 0.9 per unit (city: ~50,500) and projects about 0.6 per community (city:
~4,100).

``city`` is Beijing's order of size (about 7,000 communities and villages in 16 districts,
about 340 streets and towns; 8 units per community, as 东城区's 1,356 in-service party
branches for 168 communities): about 1.2 million nodes and relationships together.
``district`` is 海淀区's (29 streets and towns, 626+ community party organizations);
``street`` is one street like 大雁塔 (about 25 communities, 43+ units); ``nation-sample`` is
the national count of communities and villages (about 600,000) with their units, party
organizations and social organizations but no grids (``grids`` is the range of basic grids
per community, (0, 0) there) and one unit per community: about 28 million nodes and
relationships together, the three lists included (how long it takes and how much memory:
``docs/benchmarks.md``, measured before the lists were added).

The shape, the same at every scale (the constants below):

- Each district is split into streets and each street into communities with sizes drawn
  around the mean (0.5x to 1.5x) and summing exactly to the scale's counts. A street is a 镇
  with probability ``town_share``; 85% of a 镇's communities are 村, 10% of a 街道's.
- Each street has a party working committee (``街道党工委``, ``镇党委`` for a 镇) that
  ``BELONGS_TO`` the street and ``LEADS`` the party organization of each of its communities.
  Grids: a random number of 基础网格 per community in ``grids``, a 专属网格 with probability
  10%, and a 网格党支部 led by the community's organization in 40% of grids.
- Units (``units_per_community`` per community on average, 0.5x to 1.5x per street) are
  ``LOCATED_IN`` their street and each has a party organization. A unit's number of pairings
  is 0 (working alone) with probability ``ALONE_SHARE``, else ``int(paretovariate(1.5))``
  capped at ``MAX_PAIRINGS``: most units pair with one or two communities, a few with dozens.
  Units with more than 5 pairings carry a ``capacity`` at least their degree.
- Pairings name the unit and the community (the loader resolves their party organizations).
  A share ``UNPAIRED_SHARE`` of communities is never paired; every other community of a street
  gets one pairing while the street's units have any left, and the remaining pairings go 80% to
  the unit's street, 20% elsewhere in its district. ``EXPIRED_SHARE`` of pairings ended in
  2020-2023 (``until`` in the past for any run after 2023); 20% run until 2027-12-31; the rest
  are open-ended.
- Social organizations per community: the policy minimum (``SOCIAL_ORG_MINIMUM``: 10 for a
  社区, 5 for a 村) plus a step drawn from -4..+8, about half of them under the minimum, many
  exactly one under or one over; 5% also serve a second community of the street.
- Committees: a street-level committee (level 街道) covers 95% of streets, convened by the
  working committee, with about 60% of the street's pairing units, 10% of its lone units,
  half of its community party organizations and 2% of its social organizations as members;
  ``community_committee_share`` of communities have a community-level committee with 1 to 10
  member units (some below any sensible minimum).
- 双报到: 60% of units report 1 to 200 members (heavy-tailed) to a community of their street.
- 三张清单 (``_lists``, a random stream of its own): 90% of units offer a resource; every
  pairing but a 15% left dormant (挂名结对) gets a need of its community claimed by the unit;
  each community raises 2 to 6 more needs (categories skewed as the documents list them,
  environment, safety and property first), 3% raise none (a missing needs list); 60% of
  communities have a project.
- Isolated clusters: the last community of every ``cluster_every``-th street (from the
  first) has a party organization with no superior, its own 1 to 3 units that pair and report
  only there, and social organizations that serve only it: a part of the street's network
  that does not reach the working committee.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphmodel.analysis.policy import Policy
from graphmodel.errors import GraphmodelError
from graphmodel.ledger.tables import PROVENANCE, TABLE_ORDER, TABLES
from graphmodel.schema import REL_TYPES, Rel

__all__ = [
    "ALONE_SHARE",
    "EXPIRED_SHARE",
    "MAX_PAIRINGS",
    "SCALES",
    "SOCIAL_ORG_MINIMUM",
    "UNPAIRED_SHARE",
    "GenerateResult",
    "Scale",
    "generate",
    "scale_for",
]

UNPAIRED_SHARE = 0.12
EXPIRED_SHARE = 0.10
ALONE_SHARE = 0.25
MAX_PAIRINGS = 40
PARETO_ALPHA = 1.5
SOCIAL_ORG_MINIMUM = {
    "社区": Policy().min_social_orgs_community,
    "村": Policy().min_social_orgs_village,
}
"""The default policy's minimum of social organizations per community (10 and 5, 民发〔2017〕191号):
the counts the generator draws around, the thresholds ``few_social_orgs`` checks."""


@dataclass(frozen=True)
class Scale:
    """Counts per level and the shape knobs that differ between scales (see the module doc)."""

    name: str
    districts: int
    streets: int
    communities: int
    town_share: float
    grids: tuple[int, int]
    units_per_community: float
    community_committee_share: float
    cluster_every: int


SCALES: dict[str, Scale] = {
    s.name: s
    for s in (
        Scale("street", 1, 1, 25, 0.0, (6, 12), 2.4, 0.3, 1),
        Scale("district", 1, 29, 650, 0.1, (5, 10), 4.0, 0.25, 3),
        Scale("city", 16, 340, 7_000, 0.45, (5, 10), 8.0, 0.2, 5),
        Scale("nation-sample", 2_850, 38_600, 600_000, 0.9, (0, 0), 1.0, 0.1, 10),
    )
}

_NOT_WRITTEN: dict[str, tuple[str, ...]] = {"reports": ("party_org",)}
"""Columns of the ledger format the generator leaves out: a generated report names its unit,
and the loader finds the unit's party organization (``party_org`` stays for ledgers that name
it)."""

COLUMNS: dict[str, tuple[str, ...]] = {
    table.name: tuple(
        column.name
        for column in table.columns
        if column not in PROVENANCE and column.name not in _NOT_WRITTEN.get(table.name, ())
    )
    for table in TABLES
}
"""The header of each generated table: its columns in ``graphmodel.ledger.tables`` (the one
definition), in that order, without provenance (synthetic rows quote no source) and
``_NOT_WRITTEN``. The generator's rows are tuples in this order; ``tests/test_generate.py``
checks that every row is as wide as its header, so a column added to a table fails there until
the generator writes it (or lists it in ``_NOT_WRITTEN``)."""

NODE_TABLES = (
    "districts",
    "streets",
    "communities",
    "grids",
    "party_orgs",
    "units",
    "social_orgs",
    "committees",
    "resources",
    "needs",
    "projects",
)

_FIRST_DAY = dt.date(2018, 1, 1)
_DATES = tuple(
    (_FIRST_DAY + dt.timedelta(days=i)).isoformat()
    for i in range((dt.date(2025, 6, 30) - _FIRST_DAY).days + 1)
)
_EXPIRED_SINCE = (dt.date(2021, 12, 31) - _FIRST_DAY).days  # expired pairings start by then
_OPEN_UNTIL = "2027-12-31"


def _weighted(pairs: Sequence[tuple[Any, int]]) -> tuple[Any, ...]:
    """A lookup table in which each value appears ``weight`` times: index it uniformly."""
    return tuple(value for value, weight in pairs for _ in range(weight))


_SECTORS = _weighted(
    [
        ("机关", 12),
        ("国有企业", 14),
        ("非公企业", 34),
        ("事业单位", 14),
        ("高校", 3),
        ("科研院所", 3),
        ("医疗卫生", 6),
        ("社会组织", 8),
        ("驻区部队", 1),
        ("其他", 5),
    ]
)
_UNIT_LEVELS = _weighted([("中央", 4), ("省", 2), ("市", 18), ("区", 46), ("街道", 30)])
_UNIT_ORG_LEVELS = _weighted([("单位党支部", 14), ("单位党总支", 4), ("单位党委", 2)])
_CATEGORIES = _weighted(
    [
        ("自治自管", 16),
        ("互助服务", 16),
        ("社区建设", 12),
        ("公益慈善", 10),
        ("志愿服务", 22),
        ("行业协会", 3),
        ("文体娱乐", 18),
        ("其他", 3),
    ]
)
# Step from the policy minimum: 12 of 25 draws fall under it, 9 of 25 are exactly one away.
_SOCIAL_ORG_STEPS = _weighted(
    [(-4, 1), (-3, 2), (-2, 4), (-1, 5), (0, 4), (1, 4), (2, 2), (3, 1), (5, 1), (8, 1)]
)
# The three lists (三张清单). Categories skewed as the documents list them: 000 names
# environment, safety and property first; 001 and 004 elderly meals and care, 002 parking.
_NEED_CATEGORIES = _weighted(
    [
        ("环境整治", 20),
        ("社区安全", 14),
        ("物业管理", 14),
        ("养老助餐", 12),
        ("停车交通", 8),
        ("文化活动", 7),
        ("就业服务", 5),
        ("医疗健康", 5),
        ("困境儿童", 4),
        ("助残服务", 4),
        ("教育服务", 4),
        ("其他", 3),
    ]
)
_NEED_STATUSES = _weighted([("已办结", 74), ("办理中", 9), ("待认领", 12), ("不予受理", 5)])
_RESOURCE_KINDS = _weighted(
    [("志愿服务", 35), ("场地", 20), ("专业服务", 20), ("物资", 15), ("资金", 10)]
)
_RESOURCE_SCOPES = _weighted([("结对社区", 20), ("街道", 50), ("区", 25), ("不限", 5)])
_PROJECT_KINDS = _weighted([("党建项目", 40), ("服务项目", 35), ("公益创投", 15), ("品牌项目", 10)])
_PROJECT_STATUSES = _weighted([("已完成", 50), ("实施中", 35), ("储备", 15)])
NEEDS_PER_COMMUNITY = 4
"""Needs a community raises on average (2 to 6), besides one per working pairing (about 7 per
community at city scale, where pairings are dense): 000's 640 needs came from 504 committees
in half a year, about 1.3 each."""
NO_NEEDS_SHARE = 30
"""Communities per thousand whose needs list is missing from the ledger (``_no_needs``; rule
``no_needs_recorded``)."""
RESOURCE_SHARE = 0.9
"""Units that offer a resource (one each)."""
DORMANT_SHARE = 0.15
"""Pairings that get no claimed need and run no project: on paper only (挂名结对)."""
PROJECTS_PER_COMMUNITY = 0.6
"""Chance that a community has a project (run by a paired unit, else its party organization)."""

_ORG_SUFFIX = {"单位党支部": "党支部", "单位党总支": "党总支", "单位党委": "党委"}


@dataclass
class GenerateResult:
    """What ``generate`` wrote: rows per table, nodes and relationships it will load into."""

    out_dir: Path
    scale: Scale
    seed: int
    rows: dict[str, int]
    relationships: dict[str, int]
    seconds: float = 0.0
    files: list[Path] = field(default_factory=list)

    @property
    def nodes(self) -> int:
        """Rows of the node tables: the nodes the ledger loads into."""
        return sum(self.rows[t] for t in NODE_TABLES)

    @property
    def edges(self) -> int:
        """Relationships the ledger loads into (references, multi-references counted each)."""
        return sum(self.relationships.values())

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--json`` form)."""
        return {
            "out_dir": str(self.out_dir),
            "scale": dataclasses.asdict(self.scale),
            "seed": self.seed,
            "rows": self.rows,
            "relationships": self.relationships,
            "nodes": self.nodes,
            "edges": self.edges,
            "seconds": round(self.seconds, 3),
        }


def scale_for(name: str, **overrides: int | None) -> Scale:
    """The named scale with the given counts replaced (``None`` values are ignored).

    Raises ``GraphmodelError`` for an unknown name or counts that cannot nest (every district
    needs a street and every street a community).
    """
    if name not in SCALES:
        raise GraphmodelError("generate_scale", name=name, scales=list(SCALES))
    given: dict[str, Any] = {k: v for k, v in overrides.items() if v is not None}
    scale = dataclasses.replace(SCALES[name], **given)
    if not 1 <= scale.districts <= scale.streets <= scale.communities:
        raise GraphmodelError(
            "generate_counts",
            districts=scale.districts,
            streets=scale.streets,
            communities=scale.communities,
        )
    return scale


def generate(out_dir: str | Path, scale: Scale, seed: int = 0) -> GenerateResult:
    """Write a synthetic ledger of ``scale`` to ``out_dir`` (created; files overwritten).

    Parameters
    ----------
    out_dir : folder to write ``districts.csv`` ... ``reports.csv`` into
    scale : the counts and shape (``SCALES[name]`` or ``scale_for``)
    seed : the seed of the one ``random.Random`` every choice is drawn from

    Returns
    -------
    GenerateResult
        Rows per table, relationships per type, elapsed seconds and the files written.

    Notes
    -----
    Rows are streamed street by street, so memory holds the layout (a few bytes per
    community) plus one street's rows. Time is linear in the rows written.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = [out / f"{name}.csv" for name in TABLE_ORDER]
    with contextlib.ExitStack() as stack:
        writers = {}
        for name, path in zip(TABLE_ORDER, files, strict=True):
            handle = stack.enter_context(open(path, "w", encoding="utf-8", newline=""))
            writers[name] = csv.writer(handle, lineterminator="\n")
            writers[name].writerow(COLUMNS[name])
        gen = _Generator(scale, random.Random(seed), writers, seed)
        gen.run()
    return GenerateResult(
        out_dir=out,
        scale=scale,
        seed=seed,
        rows=gen.rows,
        relationships=gen.rels,
        seconds=time.perf_counter() - started,
        files=files,
    )


def _no_needs(community: int) -> bool:
    """Whether community number ``community`` raises no needs: ``NO_NEEDS_SHARE`` per
    thousand, by a fixed hash so any street can tell (a pairing's community may be in another
    street)."""
    return community * 2_654_435_761 % 1_000 < NO_NEEDS_SHARE


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` sizes of at least 1, each around the mean (0.5x to 1.5x),
    summing exactly to ``total`` (largest remainders get the leftover units)."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    rest = total - parts
    scale = rest / sum(weights)
    shares = [w * scale for w in weights]
    sizes = [1 + int(s) for s in shares]
    short = total - sum(sizes)
    by_remainder = sorted(range(parts), key=lambda i: int(shares[i]) - shares[i])
    for i in by_remainder[:short]:
        sizes[i] += 1
    return sizes


_PAIRED, _UNPAIRED, _CLUSTER = 0, 1, 2


class _Generator:
    """Draws the layout, then writes each street's rows (one street in memory at a time)."""

    def __init__(
        self, scale: Scale, rng: random.Random, writers: dict[str, Any], seed: int = 0
    ) -> None:
        self.scale = scale
        self.rng = rng
        self.lists_rng = random.Random(f"lists:{seed}")
        self.w = writers
        self.rows = dict.fromkeys(TABLE_ORDER, 0)
        self.rels = dict.fromkeys(REL_TYPES, 0)
        self.next = dict.fromkeys(
            ("grid", "unit", "org", "committee", "pairing", "need", "project"), 1
        )

    def run(self) -> None:
        s, rng = self.scale, self.rng
        streets_per_district = _split(s.streets, s.districts, rng)
        communities_per_street = _split(s.communities, s.streets, rng)
        self.street_district: list[int] = []
        for d, n in enumerate(streets_per_district, 1):
            self.street_district += [d] * n
        self.street_start = [1]
        for n in communities_per_street:
            self.street_start.append(self.street_start[-1] + n)
        self.district_range: dict[int, tuple[int, int]] = {}
        for street, d in enumerate(self.street_district):
            lo, hi = self.street_start[street], self.street_start[street + 1]
            old = self.district_range.get(d, (lo, hi))
            self.district_range[d] = (min(old[0], lo), max(old[1], hi))
        self.town = [rng.random() < s.town_share for _ in range(s.streets)]
        self.village = bytearray(s.communities + 1)
        self.flag = bytearray(s.communities + 1)
        for street in range(s.streets):
            lo, hi = self.street_start[street], self.street_start[street + 1]
            share = 0.85 if self.town[street] else 0.1
            for c in range(lo, hi):
                self.village[c] = rng.random() < share
                self.flag[c] = _UNPAIRED if rng.random() < UNPAIRED_SHARE else _PAIRED
            if street % s.cluster_every == 0 and hi - lo >= 2:
                self.flag[hi - 1] = _CLUSTER
        self._write_areas(streets_per_district)
        for street in range(s.streets):
            self._street(street)

    def _emit(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        self.w[table].writerows(rows)
        self.rows[table] += len(rows)

    def _take(self, counter: str, n: int = 1) -> int:
        first = self.next[counter]
        self.next[counter] = first + n
        return first

    def _write_areas(self, streets_per_district: list[int]) -> None:
        self._emit(
            "districts", [(f"D{d}", f"合成{d}区") for d in range(1, self.scale.districts + 1)]
        )
        rows = []
        number_in_district = 0
        for street, d in enumerate(self.street_district):
            number_in_district = (
                1
                if street == 0 or self.street_district[street - 1] != d
                else (number_in_district + 1)
            )
            kind = "镇" if self.town[street] else "街道"
            rows.append((f"S{street + 1}", f"合成{d}区{number_in_district}{kind}", f"D{d}", kind))
        self._emit("streets", rows)
        self.rels[Rel.PART_OF] += len(rows)

    def _street(self, street: int) -> None:
        rng, scale = self.rng, self.scale
        sid, d = street + 1, self.street_district[street]
        lo, hi = self.street_start[street], self.street_start[street + 1]
        town = self.town[street]
        street_org = f"PS{sid}"
        communities, orgs, grids = [], [], []
        orgs.append(
            (
                street_org,
                f"合成{d}区{sid}号{'镇党委' if town else '街道党工委'}",
                "镇党委" if town else "街道党工委",
                f"S{sid}",
                "",
            )
        )
        g_lo, g_hi = scale.grids
        for c in range(lo, hi):
            kind = "村" if self.village[c] else "社区"
            pop = rng.randint(500, 3_000) if kind == "村" else rng.randint(2_000, 15_000)
            communities.append(
                (f"C{c}", f"合成{c}{kind}", f"S{sid}", kind, pop, int(pop / rng.uniform(2.3, 3.0)))
            )
            size = "党委" if pop > 8_000 else "党总支" if pop > 2_500 else "党支部"
            parent = "" if self.flag[c] == _CLUSTER else street_org
            orgs.append((f"PC{c}", f"合成{c}{kind}{size}", kind + size, f"C{c}", parent))
            basic = rng.randint(g_lo, g_hi)
            n_grids = basic + (basic > 0 and rng.random() < 0.1)
            first = self._take("grid", n_grids)
            for k in range(n_grids):
                g = first + k
                grid_kind = "专属网格" if k == basic else "基础网格"
                grids.append((f"G{g}", f"合成{c}{kind}{k + 1}号网格", f"C{c}", grid_kind))
                if rng.random() < 0.4:
                    orgs.append(
                        (
                            f"PG{g}",
                            f"合成{c}{kind}{k + 1}号网格党支部",
                            "网格党支部",
                            f"G{g}",
                            f"PC{c}",
                        )
                    )
        self._emit("communities", communities)
        self._emit("grids", grids)
        self.rels[Rel.PART_OF] += len(communities) + len(grids)
        units, degrees = self._units(street, orgs)
        pairings = self._pairings_and_reports(street, units, degrees)
        social = self._social_orgs(street)
        self._committees(street, units, degrees, social)
        self._lists(street, units, pairings)
        self._emit("party_orgs", orgs)
        self.rels[Rel.BELONGS_TO] += len(orgs)
        self.rels[Rel.LEADS] += sum(1 for o in orgs if o[4])

    def _units(self, street: int, orgs: list[tuple[Any, ...]]) -> tuple[list[int], list[int]]:
        """Write the street's units (and their party organizations into ``orgs``); return the
        unit numbers and their pairing degrees. Units of the street's isolated cluster come last
        with degree -1 (they pair only with the cluster community)."""
        rng, scale = self.rng, self.scale
        lo, hi = self.street_start[street], self.street_start[street + 1]
        mean = scale.units_per_community * (hi - lo)
        n = max(1, round(mean * rng.uniform(0.5, 1.5)))
        n_cluster = rng.randint(1, 3) if self.flag[hi - 1] == _CLUSTER else 0
        first = self._take("unit", n + n_cluster)
        rows, degrees = [], []
        for k in range(n + n_cluster):
            u = first + k
            if k >= n:
                degree = -1
            elif rng.random() < ALONE_SHARE:
                degree = 0
            else:
                degree = min(MAX_PAIRINGS, int(rng.paretovariate(PARETO_ALPHA)))
            degrees.append(degree)
            sector = _SECTORS[rng.randrange(len(_SECTORS))]
            level = _UNIT_LEVELS[rng.randrange(len(_UNIT_LEVELS))]
            capacity = degree + rng.randint(0, 3) if degree > 5 else ""
            rows.append((f"U{u}", f"合成单位{u}", sector, level, f"S{street + 1}", capacity))
            org_level = "单位党委" if degree >= 10 else _UNIT_ORG_LEVELS[rng.randrange(20)]
            orgs.append((f"PU{u}", f"合成单位{u}{_ORG_SUFFIX[org_level]}", org_level, f"U{u}", ""))
        self._emit("units", rows)
        self.rels[Rel.LOCATED_IN] += len(rows)
        return list(range(first, first + n + n_cluster)), degrees

    def _pairings_and_reports(
        self, street: int, units: list[int], degrees: list[int]
    ) -> list[tuple[Any, ...]]:
        rng = self.rng
        lo, hi = self.street_start[street], self.street_start[street + 1]
        paired = [c for c in range(lo, hi) if self.flag[c] == _PAIRED]
        own = [c for c in range(lo, hi) if self.flag[c] != _CLUSTER]
        d_lo, d_hi = self.district_range[self.street_district[street]]
        stubs = [i for i, degree in enumerate(degrees) for _ in range(max(degree, 0))]
        rng.shuffle(stubs)
        rng.shuffle(paired)
        targets = paired[: len(stubs)]
        for _ in range(len(stubs) - len(targets)):
            if paired and rng.random() < 0.8:
                targets.append(paired[rng.randrange(len(paired))])
            else:
                c = rng.randrange(d_lo, d_hi)
                if self.flag[c] == _PAIRED:
                    targets.append(c)
                elif paired:
                    targets.append(paired[rng.randrange(len(paired))])
        seen: set[tuple[int, int]] = set()
        rows, reports = [], []
        for i, c in zip(stubs, targets, strict=False):
            if (i, c) not in seen:
                seen.add((i, c))
                rows.append(self._pairing(units[i], c))
        for i, degree in enumerate(degrees):
            u = units[i]
            if degree < 0:
                rows.append(self._pairing(u, hi - 1))
                reports.append(self._report(u, hi - 1))
            elif own and rng.random() < 0.6:
                reports.append(self._report(u, own[rng.randrange(len(own))]))
        self._emit("pairings", rows)
        self._emit("reports", reports)
        self.rels[Rel.PAIRED_WITH] += len(rows)
        self.rels[Rel.REPORTS_TO] += len(reports)
        return rows

    def _pairing(self, unit: int, community: int) -> tuple[Any, ...]:
        rng = self.rng
        p = self._take("pairing")
        draw = rng.random()
        kind = (
            "结对共建"
            if draw < 0.7
            else "下沉"
            if draw < 0.85
            else "局包社区"
            if draw < 0.95
            else "联建"
        )
        draw = rng.random()
        if draw < EXPIRED_SHARE:
            start = rng.randrange(_EXPIRED_SINCE)
            since, until = _DATES[start], _DATES[start + rng.randint(365, 730)]
        else:
            since = _DATES[rng.randrange(len(_DATES))]
            until = _OPEN_UNTIL if draw < EXPIRED_SHARE + 0.2 else ""
        agreement = f"合成协议{p}号" if rng.random() < 0.6 else ""
        return (f"PR{p}", f"U{unit}", f"C{community}", kind, since, until, agreement)

    def _report(self, unit: int, community: int) -> tuple[Any, ...]:
        rng = self.rng
        members = min(200, int(rng.paretovariate(1.2) * 3))
        return (f"U{unit}", f"C{community}", members, _DATES[rng.randrange(len(_DATES))])

    def _social_orgs(self, street: int) -> list[int]:
        """Write the social organizations serving the street's communities; return their
        numbers (those of the isolated cluster excluded)."""
        rng = self.rng
        lo, hi = self.street_start[street], self.street_start[street + 1]
        own = [c for c in range(lo, hi) if self.flag[c] != _CLUSTER]
        rows, members, serves = [], [], 0
        for c in range(lo, hi):
            kind = "村" if self.village[c] else "社区"
            n = max(0, SOCIAL_ORG_MINIMUM[kind] + _SOCIAL_ORG_STEPS[rng.randrange(25)])
            first = self._take("org", n)
            cluster = self.flag[c] == _CLUSTER
            for o in range(first, first + n):
                category = _CATEGORIES[rng.randrange(len(_CATEGORIES))]
                served = f"C{c}"
                serves += 1
                if not cluster and len(own) > 1 and rng.random() < 0.05:
                    other = own[rng.randrange(len(own))]
                    if other != c:
                        served += f";C{other}"
                        serves += 1
                rows.append((f"O{o}", f"合成社会组织{o}", category, served))
                if not cluster:
                    members.append(o)
        self._emit("social_orgs", rows)
        self.rels[Rel.SERVES] += serves
        return members

    def _committees(
        self, street: int, units: list[int], degrees: list[int], social: list[int]
    ) -> None:
        rng = self.rng
        sid = street + 1
        lo, hi = self.street_start[street], self.street_start[street + 1]
        own_units = [u for u, degree in zip(units, degrees, strict=True) if degree >= 0]
        committees, members = [], []
        if rng.random() < 0.95:
            m = self._take("committee")
            committees.append(
                (f"M{m}", f"合成{sid}号街道党建工作协调委员会", "街道", f"S{sid}", f"PS{sid}")
            )
            for u, degree in zip(units, degrees, strict=True):
                if degree >= 0 and rng.random() < (0.6 if degree else 0.1):
                    role = "副主任单位" if degree >= 10 else "成员单位"
                    members.append((f"M{m}", f"U{u}", role, self._day()))
            for c in range(lo, hi):
                if self.flag[c] != _CLUSTER and rng.random() < 0.5:
                    members.append((f"M{m}", f"PC{c}", "成员单位", self._day()))
            for o in social:
                if rng.random() < 0.02:
                    members.append((f"M{m}", f"O{o}", "成员单位", self._day()))
        for c in range(lo, hi):
            if self.flag[c] == _CLUSTER or rng.random() >= self.scale.community_committee_share:
                continue
            m = self._take("committee")
            committees.append(
                (f"M{m}", f"合成{c}号社区党建工作协调委员会", "社区", f"C{c}", f"PC{c}")
            )
            if own_units:
                k = min(len(own_units), rng.randint(1, 10))
                for u in rng.sample(own_units, k):
                    members.append((f"M{m}", f"U{u}", "成员单位", self._day()))
        self._emit("committees", committees)
        self._emit("memberships", members)
        self.rels[Rel.COVERS] += len(committees)
        self.rels[Rel.CONVENED_BY] += len(committees)
        self.rels[Rel.MEMBER_OF] += len(members)

    def _lists(self, street: int, units: list[int], pairings: list[tuple[Any, ...]]) -> None:
        """The street's resources (``RESOURCE_SHARE`` of its units offer one), needs and
        projects, drawn from a random stream of their own so the other tables do not change.

        - Every pairing of the street's units but a ``DORMANT_SHARE`` left dormant (挂名结对)
          gets one need of its community claimed by the unit (已办结, or 办理中), met with the
          unit's resource 60% of the time.
        - Each community raises ``NEEDS_PER_COMMUNITY`` more on average (2 to 6), of every
          status, claimed by the street's working committee when claimed; the communities
          of ``_no_needs`` raise none (their needs list is missing).
        - A community has a project with probability ``PROJECTS_PER_COMMUNITY``, run by one of
          its working partners of the street, else by its party organization.
        """
        rng = self.lists_rng
        sid = street + 1
        lo, hi = self.street_start[street], self.street_start[street + 1]
        offers: dict[str, str] = {}
        resources = []
        for u in units:
            if rng.random() >= RESOURCE_SHARE:
                continue
            r = f"R{u}"
            offers[f"U{u}"] = r
            category = _NEED_CATEGORIES[rng.randrange(len(_NEED_CATEGORIES))]
            resources.append(
                (
                    r,
                    f"合成资源{u}",
                    f"U{u}",
                    _RESOURCE_KINDS[rng.randrange(len(_RESOURCE_KINDS))],
                    category if rng.random() < 0.7 else "",
                    rng.randint(1, 6),
                    _RESOURCE_SCOPES[rng.randrange(len(_RESOURCE_SCOPES))],
                    _DATES[rng.randrange(len(_DATES) // 2)],
                    "",
                )
            )
        needs, projects = [], []
        partners: dict[str, list[str]] = {}
        for row in pairings:
            unit, community = row[1], row[2]
            if rng.random() < DORMANT_SHARE or _no_needs(int(community[1:])):
                continue
            partners.setdefault(community, []).append(unit)
            status = "已办结" if rng.random() < 0.85 else "办理中"
            resource = offers.get(unit, "") if rng.random() < 0.6 else ""
            needs.append(self._need(community, status, unit, resource))
        for c in range(lo, hi):
            if _no_needs(c):
                continue
            resolved = []
            for _ in range(rng.randint(NEEDS_PER_COMMUNITY // 2, NEEDS_PER_COMMUNITY * 3 // 2)):
                status = _NEED_STATUSES[rng.randrange(len(_NEED_STATUSES))]
                claimer = f"PS{sid}" if status in ("办理中", "已办结") else ""
                needs.append(self._need(f"C{c}", status, claimer, ""))
                if status == "已办结":
                    resolved.append(needs[-1][0])
            if rng.random() < PROJECTS_PER_COMMUNITY:
                j = self._take("project")
                paired = partners.get(f"C{c}", [])
                runner = paired[rng.randrange(len(paired))] if paired else f"PC{c}"
                addressed = resolved[:2]
                uses = offers.get(runner, "")
                start = rng.randrange(len(_DATES) - 400, len(_DATES))
                projects.append(
                    (
                        f"J{j}",
                        f"合成项目{j}",
                        _PROJECT_KINDS[rng.randrange(len(_PROJECT_KINDS))],
                        _PROJECT_STATUSES[rng.randrange(len(_PROJECT_STATUSES))],
                        runner,
                        f"C{c}",
                        ";".join(addressed),
                        uses,
                        _DATES[start],
                        "",
                        rng.randint(20, 2_000),
                    )
                )
                self.rels[Rel.RUN_BY] += 1
                self.rels[Rel.TAKES_PLACE_IN] += 1
                self.rels[Rel.ADDRESSES] += len(addressed)
                self.rels[Rel.USES] += bool(uses)
        self._emit("resources", resources)
        self._emit("needs", needs)
        self._emit("projects", projects)
        self.rels[Rel.OFFERED_BY] += len(resources)
        self.rels[Rel.RAISED_BY] += len(needs)
        self.rels[Rel.CLAIMED_BY] += sum(1 for n in needs if n[7])
        self.rels[Rel.MET_WITH] += sum(1 for n in needs if n[8])

    def _need(self, community: str, status: str, claimer: str, resource: str) -> tuple[Any, ...]:
        """A need row raised by ``community`` in the generator's last 400 days; closed 3 to 60
        days later when 已办结 or 不予受理."""
        rng = self.lists_rng
        n = self._take("need")
        raised = rng.randrange(len(_DATES) - 400, len(_DATES))
        closed = ""
        if status in ("已办结", "不予受理"):
            closed = _DATES[min(len(_DATES) - 1, raised + rng.randint(3, 60))]
        return (
            f"N{n}",
            f"合成需求{n}",
            community,
            _NEED_CATEGORIES[rng.randrange(len(_NEED_CATEGORIES))],
            status,
            _DATES[raised],
            closed,
            claimer,
            resource,
            rng.randint(5, 300),
        )

    def _day(self) -> str:
        return _DATES[self.rng.randrange(len(_DATES))]
