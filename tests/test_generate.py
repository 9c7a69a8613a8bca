"""The synthetic ledger generator: determinism, the documented counts and shape, valid values.

Expected figures come from the module docstring of ``graphmodel.generate``: districts, streets
and communities are exact per scale; the shape (unpaired share, heavy-tailed degrees, social
organizations around the policy minimum, expired pairings, isolated clusters) is checked with
ranges wide enough for any seed but narrow enough that a broken draw fails. A generated
ledger loads through the project's loader with no problem and sets off every gap rule.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import statistics
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmodel import schema
from graphmodel.analysis.gaps import RULES, find_gaps
from graphmodel.analysis.policy import Policy
from graphmodel.cli import main
from graphmodel.errors import GraphmodelError
from graphmodel.generate import (
    COLUMNS,
    NODE_TABLES,
    SCALES,
    SOCIAL_ORG_MINIMUM,
    UNPAIRED_SHARE,
    generate,
    scale_for,
)
from graphmodel.ledger.tables import TABLE_ORDER, TABLES
from graphmodel.load import load
from graphmodel.store.embedded import EmbeddedStore


def read(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("district")
    generate(out, SCALES["district"], seed=7)
    return out


def test_same_seed_same_bytes_and_other_seed_other_bytes(tmp_path: Path) -> None:
    runs = (("a", 1), ("b", 1), ("c", 2))
    a, b, _ = (generate(tmp_path / n, SCALES["street"], seed=s) for n, s in runs)
    assert [p.name for p in a.files] == [f"{t}.csv" for t in TABLE_ORDER]
    for pa, pb in zip(a.files, b.files, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name
    # A different seed changes the draws: communities (population) and pairings differ.
    assert (tmp_path / "a/communities.csv").read_bytes() != (
        tmp_path / "c/communities.csv"
    ).read_bytes()
    assert (tmp_path / "a/pairings.csv").read_bytes() != (tmp_path / "c/pairings.csv").read_bytes()
    assert a.rows == b.rows


@pytest.mark.parametrize("name", ["street", "district", "city"])
def test_exact_counts_per_level(tmp_path: Path, name: str) -> None:
    result = generate(tmp_path, SCALES[name], seed=0)
    scale = SCALES[name]
    assert result.rows["districts"] == scale.districts
    assert result.rows["streets"] == scale.streets
    assert result.rows["communities"] == scale.communities
    # Every street has at least one community and belongs to a listed district.
    streets = read(tmp_path, "streets")
    districts = {r["id"] for r in read(tmp_path, "districts")}
    assert {r["district"] for r in streets} == districts
    per_street = Counter(r["street"] for r in read(tmp_path, "communities"))
    assert set(per_street) == {r["id"] for r in streets}
    # The relationship count the result reports is what the rows reference.
    assert (
        result.relationships["PART_OF"] == scale.streets + scale.communities + result.rows["grids"]
    )
    assert result.relationships["PAIRED_WITH"] == result.rows["pairings"]
    assert result.relationships["MEMBER_OF"] == result.rows["memberships"]


def test_documented_approximate_totals_of_seed_0(tmp_path: Path) -> None:
    # The docstring's table: city ~411,000 nodes and ~750,000 relationships for seed 0.
    result = generate(tmp_path, SCALES["city"], seed=0)
    assert 400_000 < result.nodes < 420_000
    assert 740_000 < result.edges < 760_000
    assert 95_000 < result.rows["needs"] < 103_000
    assert 48_000 < result.rows["resources"] < 53_000


def test_count_overrides_and_their_limits(tmp_path: Path) -> None:
    scale = scale_for("city", districts=2, streets=5, communities=40)
    result = generate(tmp_path, scale, seed=0)
    assert (result.rows["districts"], result.rows["streets"], result.rows["communities"]) == (
        2,
        5,
        40,
    )
    with pytest.raises(GraphmodelError, match="districts <= streets"):
        scale_for("city", districts=6, streets=5)
    with pytest.raises(GraphmodelError, match="unknown scale"):
        scale_for("planet")


def test_values_are_in_the_schema_vocabularies(district: Path) -> None:
    checks = {
        ("streets", "kind"): schema.STREET_KINDS,
        ("communities", "kind"): schema.COMMUNITY_KINDS,
        ("grids", "kind"): schema.GRID_KINDS,
        ("party_orgs", "level"): schema.PARTY_ORG_LEVELS,
        ("units", "sector"): schema.UNIT_SECTORS,
        ("units", "level"): schema.UNIT_LEVELS,
        ("social_orgs", "category"): schema.SOCIAL_ORG_CATEGORIES,
        ("committees", "level"): schema.COMMITTEE_LEVELS,
        ("pairings", "kind"): schema.PAIRING_KINDS,
    }
    for (table, column), choices in checks.items():
        values = {r[column] for r in read(district, table)}
        assert values <= set(choices), (table, column, values - set(choices))


def test_every_row_fills_the_ledger_columns_of_its_header(district: Path) -> None:
    """Headers are the ledger format's columns (graphmodel.ledger.tables), in its order, and
    every row is as wide as its header: a column added to a table, and so to the header,
    fails here until the generator writes it."""
    for table in TABLES:
        with open(district / f"{table.name}.csv", encoding="utf-8", newline="") as f:
            header, *rows = csv.reader(f)
        order = [c.name for c in table.columns]
        assert header == sorted(header, key=order.index), table.name
        assert {"source", "generated", "note"}.isdisjoint(header), table.name
        assert rows, table.name
        assert {len(row) for row in rows} == {len(header)}, table.name
    assert "party_org" not in COLUMNS["reports"]


def test_every_reference_names_a_record_of_an_accepted_table(district: Path) -> None:
    ids = {t: {r["id"] for r in read(district, t)} for t in TABLE_ORDER if "id" in COLUMNS[t]}
    every_id = set().union(*ids.values())
    assert sum(len(v) for v in ids.values()) == len(every_id), "ids must be unique graph-wide"
    refs = {
        ("streets", "district"): ids["districts"],
        ("communities", "street"): ids["streets"],
        ("grids", "community"): ids["communities"],
        ("party_orgs", "parent"): ids["party_orgs"],
        ("units", "street"): ids["streets"],
        ("committees", "convened_by"): ids["party_orgs"],
        ("memberships", "committee"): ids["committees"],
        ("memberships", "member"): ids["units"] | ids["social_orgs"] | ids["party_orgs"],
        ("pairings", "unit"): ids["units"],
        ("pairings", "community"): ids["communities"],
        ("reports", "unit"): ids["units"],
        ("reports", "community"): ids["communities"],
    }
    for (table, column), accepted in refs.items():
        values = {r[column] for r in read(district, table)} - {""}
        assert values and values <= accepted, (table, column)
    served = {c for r in read(district, "social_orgs") for c in r["community"].split(";")}
    assert served <= ids["communities"]
    owners = {r["belongs_to"] for r in read(district, "party_orgs")}
    assert owners <= ids["units"] | ids["communities"] | ids["streets"] | ids["grids"]


def test_each_street_working_committee_leads_its_communities(district: Path) -> None:
    orgs = {r["id"]: r for r in read(district, "party_orgs")}
    street_of = {r["id"]: r["street"] for r in read(district, "communities")}
    leaders = {
        r["belongs_to"]: r["id"] for r in orgs.values() if r["level"] in ("街道党工委", "镇党委")
    }
    assert len(leaders) == SCALES["district"].streets
    community_orgs = [r for r in orgs.values() if r["belongs_to"] in street_of]
    assert len(community_orgs) == SCALES["district"].communities
    led = [r for r in community_orgs if r["parent"]]
    assert all(r["parent"] == leaders[street_of[r["belongs_to"]]] for r in led)
    # Isolated clusters: the last community of every 3rd street (29 streets: 1st, 4th ... 28th
    # = 10 streets) has a party organization with no superior.
    assert len(community_orgs) - len(led) == 10


def test_isolated_cluster_pairs_only_inside(district: Path) -> None:
    orgs = read(district, "party_orgs")
    street_of = {r["id"]: r["street"] for r in read(district, "communities")}
    clusters = {r["belongs_to"] for r in orgs if r["belongs_to"] in street_of and not r["parent"]}
    pairings = read(district, "pairings")
    units_in = {r["unit"] for r in pairings if r["community"] in clusters}
    assert units_in
    # Units pairing with a cluster community pair with nothing else and sit on no committee.
    assert all(r["community"] in clusters for r in pairings if r["unit"] in units_in)
    members = {r["member"] for r in read(district, "memberships")}
    assert not units_in & members
    assert not {f"P{c}" for c in clusters} & members


def test_a_share_of_communities_is_unpaired(district: Path) -> None:
    communities = {r["id"] for r in read(district, "communities")}
    paired = {r["community"] for r in read(district, "pairings")}
    share = len(communities - paired) / len(communities)
    # UNPAIRED_SHARE (12%) are never paired; a few more go without when a street's units run
    # out of pairings before its communities do.
    assert UNPAIRED_SHARE - 0.04 < share < UNPAIRED_SHARE + 0.10


def test_unit_degrees_are_heavy_tailed(district: Path) -> None:
    degree = Counter(r["unit"] for r in read(district, "pairings"))
    units = [r["id"] for r in read(district, "units")]
    degrees = [degree[u] for u in units]
    assert statistics.median(degrees) <= 2
    assert max(degrees) >= 15
    alone = sum(1 for d in degrees if d == 0) / len(degrees)
    assert 0.15 < alone < 0.40  # ALONE_SHARE (25%) give none; a few lose theirs to duplicates


def test_social_orgs_around_the_policy_minimum(district: Path) -> None:
    kind = {r["id"]: r["kind"] for r in read(district, "communities")}
    count = Counter(r["community"].split(";")[0] for r in read(district, "social_orgs"))
    for k, minimum in SOCIAL_ORG_MINIMUM.items():
        counts = [count[c] for c, v in kind.items() if v == k]
        assert counts, k
        assert minimum - 1 in counts and minimum in counts and minimum + 1 in counts, k
        under = sum(1 for n in counts if n < minimum) / len(counts)
        assert 0.3 < under < 0.7, (k, under)


def test_expired_and_open_pairings(district: Path) -> None:
    pairings = read(district, "pairings")
    expired = [r for r in pairings if r["until"] and r["until"] < "2024-01-01"]
    assert 0.05 < len(expired) / len(pairings) < 0.15
    assert all(r["since"] < r["until"] for r in expired)
    assert any(not r["until"] for r in pairings)
    assert any(r["until"] == "2027-12-31" for r in pairings)


def test_committees_cover_streets_and_some_communities(district: Path) -> None:
    committees = read(district, "committees")
    street_level = [r for r in committees if r["level"] == "街道"]
    community_level = [r for r in committees if r["level"] == "社区"]
    assert 0.8 * 29 <= len(street_level) <= 29
    assert all(
        r["covers"].startswith("S") and r["convened_by"].startswith("PS") for r in street_level
    )
    assert community_level and all(r["covers"].startswith("C") for r in community_level)
    members = Counter(r["committee"] for r in read(district, "memberships"))
    sizes = [members[r["id"]] for r in community_level]
    assert min(sizes) < 5 <= max(sizes)  # some committees thin, some not


def test_no_person_and_synthetic_names(district: Path) -> None:
    for table in TABLE_ORDER:
        if "name" in COLUMNS[table]:
            assert all(r["name"].startswith("合成") for r in read(district, table)), table


def test_cli_generate_json_and_bad_counts(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["generate", str(tmp_path / "l"), "--scale", "district", "--streets", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["rows"]["streets"] == 3 and doc["rows"]["communities"] == 650
    assert doc["nodes"] == sum(doc["rows"][t] for t in NODE_TABLES)
    text = runner.invoke(main, ["generate", str(tmp_path / "m")])
    assert text.exit_code == 0 and "规模 street，种子 0" in text.output
    bad = runner.invoke(main, ["generate", str(tmp_path / "n"), "--districts", "2"])
    assert bad.exit_code == 1
    assert "1 ≤ 区数 ≤ 街道数 ≤ 社区数" in bad.output


def test_loads_without_problems_and_every_gap_rule_fires(district: Path, tmp_path: Path) -> None:
    result = generate(tmp_path / "again", SCALES["district"], seed=7)
    store = EmbeddedStore(tmp_path / "graph.json")
    report = load([district], store)
    assert report.ok and report.loaded and not report.problems
    # The node and relationship counts the generator reports are what the loader builds.
    assert (report.nodes, report.relationships) == (result.nodes, result.edges)
    gaps = find_gaps(store.graph(), Policy(), dt.date(2026, 1, 1))
    found = Counter(g.rule for g in gaps)
    assert set(found) == set(RULES)
    # One isolated cluster in every third street: the 1st, 4th, ... 28th of 29.
    assert found["isolated_cluster"] == 10
