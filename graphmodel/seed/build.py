"""Build the seed ledger (``seed/ledger/*.csv``) from the hand-curated records in ``seed/named/``.

Run from the repository root::

    .venv/bin/python seed/build.py            # writes seed/ledger/
    .venv/bin/python seed/build.py OUT_DIR    # writes OUT_DIR/ instead

Inputs (written by hand, each row quoting its source sentence):

- ``seed/named/<table>.csv``: every district, street, community, unit, social organization,
  committee and party organization that one of the five source documents names, in the ledger
  format, with ``generated`` = false.
- ``seed/named/figures.csv``: every count the generated records reproduce (``key``, ``value``,
  the figure as published, and the sentence it comes from).

Output: the full ledger, one UTF-8 CSV per table of ``graphmodel.ledger.tables``. Records
filled in to reproduce a count carry ``generated`` = true and, as ``source``, the sentence with
the count. Generated names are numbered (``万寿路街道第01社区``, ``海淀区结对单位001``) so
that no one mistakes them for real organizations, and none names a person.

The build is deterministic: no randomness, fixed ordering, so running it twice gives
byte-identical files (``tests/test_seed.py`` checks the committed ledger against a rebuild).
Standard library and the checkout's ``graphmodel.ledger.tables`` (itself standard library
only), so it runs before the package's dependencies are installed.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent
NAMED = SEED / "named"
LEDGER = SEED / "ledger"

# The ledger format of the checkout this script sits in (installed or not).
if str(SEED.parent.parent) not in sys.path:
    sys.path.insert(0, str(SEED.parent.parent))
from graphmodel.ledger.tables import TABLES  # noqa: E402

COLUMNS: dict[str, tuple[str, ...]] = {
    table.name: tuple(column.name for column in table.columns) for table in TABLES
}
"""Every column of every table of the ledger format, in its order (``graphmodel.ledger.tables``
is the one definition: a column added there is written, empty, by the next build)."""

# Dates. A document gives a year or a half-year, not a day: a tie it reports gets, as
# ``since``, the last day by which the document says it was in place.
HAIDIAN_2023_H1 = "2023-06-30"  # 000 reports on the first half of 2023
DONGCHENG_REPORT = "2021-09-03"  # 002 is dated 2021-09-03

# Choices the documents leave open (each one is stated in seed/README.md).
DONGCHENG_STREETS = 17
"""东城区's streets: 002 names two and does not give the number; 东城区 has 17 streets."""
DONGCHENG_SOCIAL_ORGS = (6, 9, 11, 12, 14, 11)
"""Social organizations per 东城区 community, repeating: at least 6 each, mean 10.5."""
HAIDIAN_SECTORS = ("机关", "事业单位", "国有企业")  # 机关企事业单位, split not published
DAYANTA_SECTORS = ("科研院所", "事业单位", "国有企业", "非公企业")  # 科研院所、企事业单位
COMMUNITY_ORG_CATEGORIES = ("自治自管", "互助服务", "社区建设")  # the three 002 names
LIANHU_CATEGORIES = ("行业协会", "其他", "公益慈善", "互助服务")  # 行业协会商会类、科技类、...
DAYANTA_CATEGORIES = ("互助服务", "志愿服务", "公益慈善", "自治自管")
HAIDIAN_NEED_CATEGORIES = ("环境整治", "社区安全", "物业管理")  # 环境问题、社区安全、物业管理
STREET_WIDE_SOCIAL_ORGS = ("yanta.dayanta.xiaoshuidi", "yanta.dayanta.huanleshu")
"""Named social organizations incubated by the street itself: they serve all its communities."""


def main(argv: list[str]) -> None:
    """Build the ledger into ``argv[0]`` (default ``seed/ledger``)."""
    out = Path(argv[0]) if argv else LEDGER
    build(NAMED, out)


def build(named: Path, out: Path) -> None:
    """Read the named records and figures in ``named`` and write the full ledger to ``out``."""
    seed = Seed(named)
    seed.haidian()
    seed.changping()
    seed.dongcheng()
    seed.lianhu()
    seed.yanta()
    seed.write(out)


def spread(total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` near-equal whole numbers, the larger ones first."""
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def pick_evenly(n: int, k: int) -> list[int]:
    """``k`` of the indices ``0 .. n-1``, spread evenly (the steps of a line of slope k/n)."""
    if k > n:
        raise ValueError(f"cannot pick {k} of {n}")
    return [i for i in range(n) if (i + 1) * k // n > i * k // n]


class Seed:
    """The ledger being built: the named rows first, then the generated ones in build order."""

    def __init__(self, named: Path) -> None:
        self.rows: dict[str, list[dict[str, str]]] = {t: [] for t in COLUMNS}
        for table in COLUMNS:
            path = named / f"{table}.csv"
            if path.exists():
                self.rows[table] = _read(path)
        self.figures = {row["key"]: row for row in _read(named / "figures.csv")}
        self.ids = {row["id"] for rows in self.rows.values() for row in rows if row.get("id")}

    # figures and lookups

    def figure(self, key: str) -> tuple[int, str]:
        """The value of figure ``key`` and the source of the sentence it comes from."""
        row = self.figures[key]
        return int(row["value"]), row["source"]

    def named(self, table: str, **match: str) -> list[dict[str, str]]:
        """The named rows of ``table`` whose columns equal ``match``."""
        return [
            row
            for row in self.rows[table]
            if row["generated"] == "false" and all(row[k] == v for k, v in match.items())
        ]

    def street_ids(self, district: str) -> list[str]:
        """The ids of the streets in ``district``, in ledger order."""
        return [r["id"] for r in self.rows["streets"] if r["district"] == district]

    def name_of(self, table: str, record: str) -> str:
        """The name of the record ``record`` of ``table``."""
        return next(r["name"] for r in self.rows[table] if r["id"] == record)

    # writers of one record (a party organization comes with its street or community)

    def add(self, table: str, **values: str) -> None:
        """Append a generated row to ``table``; a repeated id is a bug in this script."""
        if values.get("id"):
            if values["id"] in self.ids:
                raise ValueError(f"duplicate id {values['id']}")
            self.ids.add(values["id"])
        row = {column: values.get(column, "") for column in COLUMNS[table]}
        row["generated"] = "true"
        self.rows[table].append(row)

    def add_street(self, street: str, name: str, district: str, source: str) -> None:
        """A generated street (kind 街道) and its party working committee."""
        self.add("streets", id=street, name=name, district=district, kind="街道", source=source)
        self.street_org(street)

    def street_org(self, street: str) -> str:
        """The id of the street's working committee (街道党工委), generated if none is named."""
        org = f"{street}.po"
        if org not in self.ids:
            row = next(r for r in self.rows["streets"] if r["id"] == street)
            self.add(
                "party_orgs",
                id=org,
                name=f"{row['name']}党工委",
                level="街道党工委",
                belongs_to=street,
                source=row["source"],
            )
        return org

    def communities(self, street: str, count: int, kind: str, source: str) -> list[str]:
        """``count`` communities of ``kind`` in ``street``: the named ones first, then generated
        ones numbered after them (``<street>第05社区``); each with its party organization
        (社区党委 or 村党支部, led by the street's working committee). Returns their ids."""
        named = [r["id"] for r in self.named("communities", street=street, kind=kind)]
        if len(named) > count:
            raise ValueError(f"{street}: {len(named)} named {kind} but the figure is {count}")
        street_name = self.name_of("streets", street)
        prefix = "c" if kind == "社区" else "v"
        made = []
        for number in range(len(named) + 1, count + 1):
            community = f"{street}.{prefix}{number:02d}"
            self.add(
                "communities",
                id=community,
                name=f"{street_name}第{number:02d}{kind}",
                street=street,
                kind=kind,
                source=source,
            )
            made.append(community)
        ids = named + made
        for community in ids:
            self.community_org(community)
        return ids

    def community_org(self, community: str) -> None:
        """The party organization of ``community``, led by its street's working committee."""
        row = next(r for r in self.rows["communities"] if r["id"] == community)
        village = row["kind"] == "村"
        self.add(
            "party_orgs",
            id=f"{community}.po",
            name=row["name"] + ("党支部" if village else "党委"),
            level="村党支部" if village else "社区党委",
            belongs_to=community,
            parent=self.street_org(row["street"]),
            source=row["source"],
        )

    def unit(self, unit: str, name: str, source: str, **values: str) -> str:
        """A generated unit and its party branch (单位党支部); returns the branch's id."""
        self.add("units", id=unit, name=name, source=source, **values)
        org = f"{unit}.po"
        self.add(
            "party_orgs",
            id=org,
            name=f"{name}党支部",
            level="单位党支部",
            belongs_to=unit,
            source=source,
        )
        return org

    def social_orgs(
        self, community: str, count: int, categories: tuple[str, ...], source: str
    ) -> None:
        """``count`` generated social organizations serving ``community`` (named after it)."""
        name = self.name_of("communities", community)
        for number in range(1, count + 1):
            self.add(
                "social_orgs",
                id=f"{community}.so{number:02d}",
                name=f"{name}社会组织{number:02d}",
                category=categories[(number - 1) % len(categories)],
                community=community,
                source=source,
            )

    def serving(self, community: str) -> int:
        """How many social organizations already serve ``community``."""
        return sum(community in r["community"].split(";") for r in self.rows["social_orgs"])

    # one method per source document

    def haidian(self) -> None:
        """000 海淀区, 2023 H1: 29 streets and towns; 667 district-level unit branches paired
        with 626 community party organizations; 504 community committees; 万寿路's committee
        of 92 member units, 33 of them new in 2023."""
        total, source = self.figure("haidian_streets")
        named = self.street_ids("haidian")
        for street in named:
            self.street_org(street)
        for number in range(len(named) + 1, total + 1):
            self.add_street(
                f"haidian.s{number:02d}", f"海淀区第{number:02d}街道", "haidian", source
            )
        streets = self.street_ids("haidian")

        total, source = self.figure("haidian_community_orgs")
        communities: list[str] = []
        for street, count in zip(streets, spread(total, len(streets)), strict=True):
            communities += self.communities(street, count, "社区", source)

        branches, source = self.figure("haidian_unit_branches")
        street_of = {r["id"]: r["street"] for r in self.rows["communities"]}
        for i in range(branches):
            community = communities[i * len(communities) // branches]
            org = self.unit(
                f"haidian.u{i + 1:03d}",
                f"海淀区结对单位{i + 1:03d}",
                source,
                sector=HAIDIAN_SECTORS[i % len(HAIDIAN_SECTORS)],
                level="区",
                street=street_of[community],
            )
            self.add(
                "pairings",
                id=f"haidian.p{i + 1:03d}",
                unit=org,
                community=f"{community}.po",
                kind="结对共建",
                since=HAIDIAN_2023_H1,
                source=source,
            )

        total, source = self.figure("haidian_community_committees")
        for index in pick_evenly(len(communities), total):
            community = communities[index]
            self.add(
                "committees",
                id=f"{community}.committee",
                name=self.name_of("communities", community) + "党建工作协调委员会",
                level="社区",
                covers=community,
                convened_by=f"{community}.po",
                source=source,
            )

        needs, source = self.figure("haidian_resolved_needs")
        committees = [c for c in communities if f"{c}.committee" in self.ids]
        number = 0
        for community, count in zip(committees, spread(needs, len(committees)), strict=True):
            for _ in range(count):
                number += 1
                self.add(
                    "needs",
                    id=f"haidian.n{number:03d}",
                    name=f"海淀区社区需求{number:03d}",
                    raised_by=community,
                    category=HAIDIAN_NEED_CATEGORIES[(number - 1) % 3],
                    status="已办结",
                    closed=HAIDIAN_2023_H1,
                    claimed_by=f"{community}.committee",
                    source=source,
                )

        members, source = self.figure("wanshoulu_members")
        new, _ = self.figure("wanshoulu_new_members")
        for i in range(members):
            unit = f"haidian.wanshoulu.m{i + 1:02d}"
            name = f"万寿路地区成员单位{i + 1:02d}"
            self.add("units", id=unit, name=name, street="haidian.wanshoulu", source=source)
            self.add(
                "memberships",
                committee="haidian.wanshoulu.committee",
                member=unit,
                role="成员单位",
                since=HAIDIAN_2023_H1 if i >= members - new else "",
                source=source,
            )

    def changping(self) -> None:
        """001 昌平区 回龙观街道, 2023: 26 communities, 263 community social organizations."""
        street = "changping.huilongguan"
        self.street_org(street)
        total, source = self.figure("huilongguan_communities")
        communities = self.communities(street, total, "社区", source)
        total, source = self.figure("huilongguan_social_orgs")
        for community, count in zip(communities, spread(total, len(communities)), strict=True):
            self.social_orgs(community, count, COMMUNITY_ORG_CATEGORIES, source)

        demands, source = self.figure("huilongguan_demands")
        resolved, _ = self.figure("huilongguan_demands_resolved")
        for number in range(1, demands + 1):
            self.add(
                "needs",
                id=f"{street}.n{number:03d}",
                name=f"回龙观街道企业诉求{number:03d}",
                raised_by=street,
                category="其他",
                status="已办结" if number <= resolved else "办理中",
                claimed_by=street,
                source=source,
            )
        total, source = self.figure("huilongguan_community_projects")
        for number, index in enumerate(pick_evenly(len(communities), total), 1):
            community = communities[index]
            self.add(
                "projects",
                id=f"{street}.p{number:02d}",
                name=f"回龙观街道社区项目{number:02d}",
                kind="服务项目",
                status="已完成",
                run_by=community,
                communities=community,
                source=source,
            )

    def dongcheng(self) -> None:
        """002 东城区, 2021: 168 communities, each with at least 6 social organizations and
        more than 10 on average; 30多 central ministries and 100多 national bureau-level units
        in the coordination committees; 站东, 赵家楼, 东总布 each paired with 2 sinking units."""
        total, source = self.figure("dongcheng_communities")
        named = self.street_ids("dongcheng")
        for street in named:
            self.street_org(street)
        for number in range(len(named) + 1, DONGCHENG_STREETS + 1):
            self.add_street(
                f"dongcheng.s{number:02d}", f"东城区第{number:02d}街道", "dongcheng", source
            )
        streets = self.street_ids("dongcheng")
        communities: list[str] = []
        for street, count in zip(streets, spread(total, len(streets)), strict=True):
            communities += self.communities(street, count, "社区", source)

        least, _ = self.figure("dongcheng_min_social_orgs")
        mean, source = self.figure("dongcheng_mean_social_orgs")
        pattern = DONGCHENG_SOCIAL_ORGS
        wanted = [pattern[i % len(pattern)] for i in range(len(communities))]
        if min(wanted) < least or sum(wanted) <= mean * len(wanted):
            raise ValueError("DONGCHENG_SOCIAL_ORGS does not meet the published figures")
        for community, count in zip(communities, wanted, strict=True):
            self.social_orgs(
                community, count - self.serving(community), COMMUNITY_ORG_CATEGORIES, source
            )

        committees = {}
        _, source = self.figure("dongcheng_central_organs")
        for street in streets:
            committees[street] = f"{street}.committee"
            self.add(
                "committees",
                id=committees[street],
                name=self.name_of("streets", street) + "党建工作协调委员会",
                level="街道",
                covers=street,
                convened_by=f"{street}.po",
                source=source,
            )
        organs, source = self.figure("dongcheng_central_organs")
        bureaus, _ = self.figure("dongcheng_bureau_units")
        central = [
            (f"dongcheng.central{i:02d}", f"东城区驻区中央部委机关{i:02d}", "机关")
            for i in range(1, organs + 1)
        ] + [
            (f"dongcheng.bureau{i:03d}", f"东城区驻区国家局级单位{i:03d}", "")
            for i in range(1, bureaus + 1)
        ]
        for i, (unit, name, sector) in enumerate(central):
            street = streets[i % len(streets)]
            self.add(
                "units",
                id=unit,
                name=name,
                sector=sector,
                level="中央",
                street=street,
                source=source,
            )
            self.add(
                "memberships",
                committee=committees[street],
                member=unit,
                role="成员单位",
                since=DONGCHENG_REPORT,
                source=source,
            )

        per_community, source = self.figure("jianguomen_sinking_units")
        number = 0
        for listed in self.named("communities", street="dongcheng.jianguomen"):
            for _ in range(per_community):
                number += 1
                org = self.unit(
                    f"dongcheng.jianguomen.sink{number:02d}",
                    f"建国门街道市级下沉单位{number:02d}",
                    source,
                    level="市",
                )
                self.add(
                    "pairings",
                    id=f"dongcheng.jianguomen.p{number:02d}",
                    unit=org,
                    community=f"{listed['id']}.po",
                    kind="下沉",
                    since=DONGCHENG_REPORT,
                    agreement="结对共建协议书",
                    source=source,
                )

    def lianhu(self) -> None:
        """003 西安市 莲湖区, 2020: 9 streets, each with its 大工委; 230 social organizations
        (district-wide: the document names no community, so they serve none)."""
        total, source = self.figure("lianhu_streets")
        _, committee_source = self.figure("lianhu_street_committees")
        for number in range(1, total + 1):
            street = f"lianhu.s{number:02d}"
            self.add_street(street, f"莲湖区第{number:02d}街道", "lianhu", source)
            self.add(
                "committees",
                id=f"{street}.dagongwei",
                name=f"莲湖区第{number:02d}街道大工委",
                level="街道",
                covers=street,
                convened_by=f"{street}.po",
                source=committee_source,
            )
        total, source = self.figure("lianhu_party_projects")
        people, _ = self.figure("lianhu_beneficiaries")
        streets = self.street_ids("lianhu")
        for i, count in enumerate(spread(people, total)):
            street = streets[i * len(streets) // total]
            self.add(
                "projects",
                id=f"lianhu.p{i + 1:04d}",
                name=f"莲湖区党建项目{i + 1:04d}",
                kind="党建项目",
                run_by=f"{street}.po",
                beneficiaries=str(count),
                source=source,
            )
        total, source = self.figure("lianhu_social_orgs")
        for i in range(total):
            self.add(
                "social_orgs",
                id=f"lianhu.so{i + 1:03d}",
                name=f"莲湖区社会组织{i + 1:03d}",
                category=LIANHU_CATEGORIES[i % len(LIANHU_CATEGORIES)],
                source=source,
            )

    def yanta(self) -> None:
        """004 西安市 雁塔区 大雁塔街道, 2022: 23 communities and 6 villages; 75 basic and 13
        dedicated grids; 43 units and the 23 communities in the linkage platform; 2,076
        in-service members reported; 18 community social organizations."""
        _, source = self.figure("yanta_district")
        self.add("districts", id="yanta", name="雁塔区", source=source)
        street = "yanta.dayanta"
        self.street_org(street)
        total, _ = self.figure("dayanta_communities_and_villages")
        villages, village_source = self.figure("dayanta_villages")
        _, community_source = self.figure("dayanta_linkage_communities")
        communities = self.communities(street, total - villages, "社区", community_source)
        everywhere = communities + self.communities(street, villages, "村", village_source)

        total, source = self.figure("dayanta_basic_grids")
        for community, count in zip(everywhere, spread(total, len(everywhere)), strict=True):
            self.grids(community, count, "基础网格", "g", source)
        total, source = self.figure("dayanta_dedicated_grids")
        for index in pick_evenly(len(everywhere), total):
            self.grids(everywhere[index], 1, "专属网格", "x", source)

        units, source = self.figure("dayanta_linkage_units")
        self.add(
            "committees",
            id=f"{street}.linkage",
            name="大雁塔街道联动单位(社会治理资源数据库)",
            level="街道",
            covers=";".join(communities),
            convened_by=f"{street}.po",
            source=source,
        )
        orgs = []
        for i in range(units):
            unit = f"{street}.u{i + 1:02d}"
            orgs.append(
                self.unit(
                    unit,
                    f"大雁塔街道驻区单位{i + 1:02d}",
                    source,
                    sector=DAYANTA_SECTORS[i % len(DAYANTA_SECTORS)],
                    street=street,
                )
            )
            self.add(
                "memberships",
                committee=f"{street}.linkage",
                member=unit,
                role="联动单位",
                source=source,
            )

        members, source = self.figure("dayanta_reported_members")
        for i, (org, count) in enumerate(zip(orgs, spread(members, len(orgs)), strict=True)):
            self.add(
                "reports",
                unit=org,
                community=everywhere[i % len(everywhere)],
                members=str(count),
                source=source,
            )

        for row in self.rows["social_orgs"]:
            if row["id"] in STREET_WIDE_SOCIAL_ORGS:
                row["community"] = ";".join(everywhere)
        total, source = self.figure("dayanta_social_orgs")
        serving = {
            r["id"]
            for r in self.rows["social_orgs"]
            if set(r["community"].split(";")) & set(everywhere)
        }
        for number, index in enumerate(pick_evenly(len(everywhere), total - len(serving)), 1):
            self.add(
                "social_orgs",
                id=f"{street}.so{number:02d}",
                name=f"大雁塔街道社区社会组织{number:02d}",
                category=DAYANTA_CATEGORIES[(number - 1) % len(DAYANTA_CATEGORIES)],
                community=everywhere[index],
                source=source,
            )

        total, source = self.figure("dayanta_brand_projects")
        named = {r["run_by"] for r in self.named("projects", kind="品牌项目")}
        number = 0
        for community in communities[:total]:
            if f"{community}.po" in named:
                continue
            number += 1
            self.add(
                "projects",
                id=f"{street}.brand{number:02d}",
                name=f"大雁塔街道品牌项目{number:02d}",
                kind="品牌项目",
                run_by=f"{community}.po",
                communities=community,
                source=source,
            )
        total, source = self.figure("dayanta_problems")
        for number in range(1, total + 1):
            self.add(
                "needs",
                id=f"{street}.problem{number:02d}",
                name=f"大雁塔街道问题清单{number:02d}",
                raised_by=street,
                category="其他",
                status="已办结",
                claimed_by=street,
                source=source,
            )

    def grids(self, community: str, count: int, kind: str, prefix: str, source: str) -> None:
        """``count`` grids of ``kind`` in ``community``, numbered after it."""
        name = self.name_of("communities", community)
        for number in range(1, count + 1):
            self.add(
                "grids",
                id=f"{community}.{prefix}{number:02d}",
                name=f"{name}{kind}{number:02d}",
                community=community,
                kind=kind,
                source=source,
            )

    def write(self, out: Path) -> None:
        """Write every table to ``out/<table>.csv`` (UTF-8, ``\\n`` line ends)."""
        out.mkdir(parents=True, exist_ok=True)
        for table, columns in COLUMNS.items():
            with open(out / f"{table}.csv", "w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow(columns)
                writer.writerows([row.get(c, "") for c in columns] for row in self.rows[table])


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [dict(row) for row in csv.DictReader(f)]


if __name__ == "__main__":
    main(sys.argv[1:])
