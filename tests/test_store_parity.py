"""The same ledger, the same answers: the seed dataset in the embedded store and in Neo4j.

Every command that reads the graph is run on both stores and its ``--json`` output compared.
The Neo4j side is the real server (tests/conftest.py), loaded through ``graphmodel load``.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from graphmodel.cli import main
from graphmodel.connection import Connection
from graphmodel.load import SEED_LEDGER
from graphmodel.store.neo4j import Neo4jStore

AS_OF = ["--as-of", "2023-06-30"]
POLICY = str(SEED_LEDGER.parent / "policy.toml")
COMMANDS = [
    ["stats"],
    ["pairings", "站东社区"],
    ["pairings", "万寿路街道党工委"],
    ["gaps", *AS_OF, "--policy", POLICY],
    ["hubs", *AS_OF, "--top", "15"],
    ["reach", "大雁塔街道", "--hops", "2", *AS_OF],
    ["whatif", *AS_OF, "--remove", "建国门街道市级下沉单位01", "--top", "5"],
    ["recommend", *AS_OF, "--policy", POLICY],
    ["needs", *AS_OF],
    ["match", *AS_OF],
]


@pytest.fixture(scope="module")
def both_stores(tmp_path_factory, neo4j_connection):
    """A runner with the seed loaded, once for this module, into an embedded file and into
    the test Neo4j (emptied first)."""
    with Neo4jStore.connect(
        Connection(neo4j_connection.uri, neo4j_connection.user, neo4j_connection.password)
    ) as s:
        s.clear()
    runner = CliRunner(env=neo4j_connection.env())
    db = str(tmp_path_factory.mktemp("parity") / "seed.json")
    for store_args in (["--db", db], ["--store", "neo4j"]):
        result = runner.invoke(main, ["load", *store_args])
        assert result.exit_code == 0, result.output
    return runner, db


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_both_stores_give_the_same_answer(both_stores, args):
    runner, db = both_stores
    embedded = runner.invoke(main, [*args, "--db", db, "--json"])
    neo4j = runner.invoke(main, [*args, "--store", "neo4j", "--json"])
    assert embedded.exit_code == 0, embedded.output
    assert neo4j.exit_code == 0, neo4j.output
    assert json.loads(neo4j.output) == json.loads(embedded.output)


def test_zhandong_is_paired_with_its_two_sinking_units_in_both_stores(both_stores):
    # 002: 站东、赵家楼、东总布社区分别与2家市级下沉单位签订结对共建协议书.
    runner, db = both_stores
    for store_args in (["--db", db], ["--store", "neo4j"]):
        result = runner.invoke(main, ["pairings", "站东社区", *store_args, "--json"])
        rows = json.loads(result.output)
        assert {r["kind"] for r in rows} == {"下沉"}
        assert sorted(r["owner_name"] for r in rows) == [
            "建国门街道市级下沉单位01",
            "建国门街道市级下沉单位02",
        ]
