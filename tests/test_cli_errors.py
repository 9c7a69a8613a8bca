"""Bad input never prints a traceback: every command, and the cases that used to.

``graphmodel.cli.group.CommandGroup`` turns errors into one-line messages for every command.
The sweep below finds the commands by walking the click group, so a new command is covered
as soon as it is registered: each command that takes ``--policy`` gets a missing and a binary
policy file, each that takes ``--as-of`` an impossible date, each that takes ``--db`` a store
file that does not exist. The commands run in-process, where an uncaught exception shows as
``result.exception`` (what a user would see as a traceback).
"""

from __future__ import annotations

import socket
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from graphmodel import queries
from graphmodel.cli import main
from graphmodel.store import EmbeddedStore
from tests.test_gaps import jianguomen


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    ctx = click.Context(group)
    found: list[tuple[str, ...]] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        sub = command.get_command(click.Context(command), name)
        assert sub is not None
        command = sub
    return command


COMMANDS = _commands(main)


def _takes(path: tuple[str, ...], param: str) -> bool:
    return any(p.name == param for p in _command(path).params)


def _required(path: tuple[str, ...], tmp_path: Path) -> list[str]:
    """Values for the command's required arguments and options: a path in ``tmp_path`` (which
    also serves as a name that matches nothing), the first choice of a choice."""
    args: list[str] = []
    for param in _command(path).params:
        if not param.required:
            continue
        value = str(tmp_path / "out")
        if isinstance(param.type, click.Choice):
            value = str(param.type.choices[0])
        if isinstance(param, click.Option):
            args += [param.opts[0], value]
        else:
            args.append(value)
    return args


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def assert_clean(result: Result) -> None:
    """No traceback: the command ended by a message and an exit code, not an exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}\n{result.output}"
    )
    assert "Traceback" not in result.output
    assert "unexpected error" not in result.output, result.output


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    """Each command runs in an empty folder, on the embedded store, never on a user's."""
    monkeypatch.chdir(tmp_path)
    for var in ("GRAPHMODEL_DB", "GRAPHMODEL_STORE", "NEO4J_URI", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def db(tmp_path) -> str:
    path = tmp_path / "g.json"
    EmbeddedStore(path).write(jianguomen().batch)
    return str(path)


def test_the_sweep_finds_the_commands_that_take_each_option():
    assert ("gaps",) in COMMANDS and ("neo4j", "start") in COMMANDS
    assert _takes(("analyze",), "policy_file") and _takes(("report",), "policy_file")
    assert _takes(("stats",), "db") and _takes(("gaps",), "as_of")


@pytest.mark.parametrize("path", [c for c in COMMANDS if _takes(c, "policy_file")], ids=" ".join)
def test_a_missing_or_binary_policy_file_is_a_message(path, tmp_path, db):
    binary = tmp_path / "policy.toml"
    binary.write_bytes(b"\x00\x01\xff\xfe PK\x03\x04")
    for policy, words in ((tmp_path / "missing.toml", "cannot read"), (binary, "UTF-8")):
        result = run(*path, *_required(path, tmp_path), "--db", db, "--policy", str(policy))
        assert_clean(result)
        assert result.exit_code == 1, result.output
        assert words in result.output and str(policy) in result.output


@pytest.mark.parametrize("path", [c for c in COMMANDS if _takes(c, "as_of")], ids=" ".join)
def test_an_impossible_date_is_a_usage_error(path, tmp_path, db):
    result = run(*path, *_required(path, tmp_path), "--db", db, "--as-of", "2023-02-30")
    assert_clean(result)
    assert result.exit_code == 2 and "2023-02-30" in result.output


@pytest.mark.parametrize("path", [c for c in COMMANDS if _takes(c, "db")], ids=" ".join)
def test_a_missing_store_file_prints_no_traceback(path, tmp_path):
    result = run(*path, *_required(path, tmp_path), "--db", str(tmp_path / "none" / "g.json"))
    assert_clean(result)


def test_a_review_period_of_a_hundred_thousand_years_is_refused(tmp_path, db):
    policy = tmp_path / "policy.toml"
    policy.write_text("pairing_review_years = 100000\n", encoding="utf-8")
    result = run("gaps", "--db", db, "--policy", str(policy))
    assert_clean(result)
    assert result.exit_code == 1
    assert "'pairing_review_years' must be at most 100, got 100000" in result.output


def test_a_pairing_until_the_last_day_of_year_9999(tmp_path):
    # u5 pairs with c7 until 9999-12-31: on that day the pairing is still in force, and its
    # review falls after the year 9999, so gaps reports no expired pairing for it.
    led = jianguomen()
    led.pair("u5", "c7", "9990-01-01", "9999-12-31")
    EmbeddedStore(tmp_path / "g.json").write(led.batch)
    for command in (["gaps", "--rule", "expired_pairing"], ["report", "--out", "r"]):
        result = run(*command, "--db", "g.json", "--as-of", "9999-12-31")
        assert_clean(result)
        assert result.exit_code == 0, result.output


def test_a_twenty_digit_limit_is_a_parameter_error(tmp_path):
    top_hubs = queries.find_query("top_hubs")
    with pytest.raises(queries.QueryError, match="64 bits"):
        queries.parse_params(top_hubs, ["limit=" + "9" * 20])
    result = run(
        "query",
        "top_hubs",
        "-p",
        "limit=" + "9" * 20,
        "--store",
        "neo4j",
        "--uri",
        "bolt://127.0.0.1:9",
    )
    assert_clean(result)
    assert result.exit_code == 1


def test_an_http_uri_is_refused_with_the_schemes_that_work():
    result = run("stats", "--store", "neo4j", "--uri", "http://127.0.0.1:7474")
    assert_clean(result)
    assert result.exit_code == 1 and "bolt://" in result.output


def test_an_unwritable_store_file_is_a_message(tmp_path, db):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run("load", "--db", str(blocker / "g.json"))
    assert_clean(result)
    assert result.exit_code != 0 and str(blocker) in result.output


def test_browser_serve_on_a_port_in_use_is_a_message():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("browser", "serve", "--host", "127.0.0.1", "--port", str(port))
    assert_clean(result)
    assert result.exit_code == 1 and f"port {port}" in result.output and "in use" in result.output


def test_a_policy_for_a_district_the_graph_lacks_is_named_in_a_warning(tmp_path, db):
    policy = tmp_path / "policy.toml"
    policy.write_text(
        '[districts."东城"]\nmin_social_orgs_community = 6\n'
        '[districts."东城区"]\nmin_social_orgs_community = 6\n',
        encoding="utf-8",
    )
    result = run("gaps", "--db", db, "--policy", str(policy), "--json")
    assert_clean(result)
    assert "warning: the policy sets thresholds for district '东城'" in result.output
    assert "'东城区'" not in result.output.split("warning:", 1)[1].splitlines()[0]
