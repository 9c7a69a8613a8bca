"""Bad input never prints a traceback: every command, and the cases that used to; and every
message speaks the command line's language.

``graphmodel.cli.group.CommandGroup`` turns errors into one-line messages for every command.
The sweep below finds the commands by walking the click group, so a new command is covered
as soon as it is registered: each command that takes ``--policy`` gets a missing and a binary
policy file, each that takes ``--as-of`` an impossible date, each that takes ``--db`` a store
file that does not exist. The commands run in-process, where an uncaught exception shows as
``result.exception`` (what a user would see as a traceback).

The errors of each module run in Chinese (the default) and with ``--lang en``: exit code 1, no
traceback, and the key words of the message in that language (and none of the other's).
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


POLICY_WORDS = {
    "zh": ("错误：无法读取政策文件", "文件或文件夹不存在", "不是 UTF-8 文本文件"),
    "en": ("Error: cannot read policy file", "no such file or folder", "not a UTF-8 text file"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", [c for c in COMMANDS if _takes(c, "policy_file")], ids=" ".join)
def test_a_missing_or_binary_policy_file_is_a_message(path, lang, tmp_path, db):
    binary = tmp_path / "policy.toml"
    binary.write_bytes(b"\x00\x01\xff\xfe PK\x03\x04")
    missing = tmp_path / "missing.toml"
    for policy, words in ((missing, POLICY_WORDS[lang][:2]), (binary, POLICY_WORDS[lang][2:])):
        args = (*path, *_required(path, tmp_path), "--db", db, "--policy", str(policy))
        result = run(*args, "--lang", lang)
        assert_clean(result)
        assert result.exit_code == 1, result.output
        assert all(w in result.output for w in words), result.output
        assert str(policy) in result.output


@pytest.mark.parametrize("path", [c for c in COMMANDS if _takes(c, "as_of")], ids=" ".join)
def test_an_impossible_date_is_a_usage_error(path, tmp_path, db):
    args = (*path, *_required(path, tmp_path), "--db", db, "--as-of", "2023-02-30")
    zh, en = run(*args), run(*args, "--lang", "en")
    for result in (zh, en):
        assert_clean(result)
        assert result.exit_code == 2 and "2023-02-30" in result.output
    assert "错误：'--as-of' 的值无效：「2023-02-30」不是有效的日期" in zh.output
    assert "2023年5月1日" in zh.output and "Invalid" not in zh.output
    assert "Error: Invalid value for '--as-of': '2023-02-30' is not a date" in en.output


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
    assert "「pairing_review_years」最大为 100，而不是 100000" in result.output
    result = run("gaps", "--db", db, "--policy", str(policy), "--lang", "en")
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
    assert "无法为库" in result.output and "请用 --db 指向可写的位置" in result.output
    result = run("load", "--db", str(blocker / "g.json"), "--lang", "en")
    assert result.exit_code != 0 and "Name a writable place with --db" in result.output


def test_browser_serve_on_a_port_in_use_is_a_message():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        serve = ("browser", "serve", "--host", "127.0.0.1", "--port", str(port))
        zh, en = run(*serve), run(*serve, "--lang", "en")
    for result in (zh, en):
        assert_clean(result)
        assert result.exit_code == 1 and str(port) in result.output
        assert "Serving" not in result.output and "正在" not in result.output
    assert f"端口 {port} 已被占用" in zh.output and "请用 --port 另选端口" in zh.output
    assert f"port {port}" in en.output and "in use" in en.output


def test_a_policy_for_a_district_the_graph_lacks_is_named_in_a_warning(tmp_path, db):
    policy = tmp_path / "policy.toml"
    policy.write_text(
        '[districts."东城"]\nmin_social_orgs_community = 6\n'
        '[districts."东城区"]\nmin_social_orgs_community = 6\n',
        encoding="utf-8",
    )
    result = run("gaps", "--db", db, "--policy", str(policy), "--json", "--lang", "en")
    assert_clean(result)
    assert "warning: the policy sets thresholds for district '东城'" in result.output
    assert "'东城区'" not in result.output.split("warning:", 1)[1].splitlines()[0]
    result = run("gaps", "--db", db, "--policy", str(policy), "--json")
    assert "警告：政策文件为区「东城」设置了阈值" in result.output
    assert "warning" not in result.output


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# One error a user can cause in each module, with the key words of its message in Chinese and
# in English: what went wrong and what to do next. ``{tmp}`` stands for the test's folder,
# ``{db}`` for a store of the hand-built street, ``{closed}`` for a closed port.
MODULE_ERRORS = {
    "policy: an unknown key": (
        ["gaps", "--db", "{db}", "--policy", "{tmp}/p.toml"],
        ("未知的设置项「min_social_org」", "可用的设置项"),
        ("unknown key 'min_social_org'", "The known keys"),
    ),
    "ledger: a folder without CSV files": (
        ["load", "{tmp}/empty", "--db", "{tmp}/new.db"],
        ("文件夹中没有 .csv 文件", "请给出"),
        ("the folder holds no .csv files", "Name a folder"),
    ),
    "store: a missing store file": (
        ["stats", "--db", "{tmp}/typo.db"],
        ("找不到库文件", "请先载入台账"),
        ("There is no store at", "Load a ledger first"),
    ),
    "names: a street that does not exist": (
        ["gaps", "--db", "{db}", "--street", "不存在街道"],
        ("找不到名称或编号为「不存在街道」的街道", "请核对名称"),
        ("No street has the id or name '不存在街道'", "Check the name"),
    ),
    "query: an unknown query": (
        ["query", "nosuch", "--store", "neo4j"],
        ("没有名为「nosuch」的查询", "可用的查询"),
        ("no query named 'nosuch'", "the library has"),
    ),
    "query: a near name": (
        ["query", "top_hub", "--store", "neo4j"],
        ("您要找的是不是：top_hubs", "graphmodel query --list"),
        ("Did you mean: top_hubs", "graphmodel query --list"),
    ),
    "query: a parameter of the wrong type": (
        ["query", "top_hubs", "-p", "limit=ten", "--store", "neo4j"],
        ("参数 limit 应为整数", "limit=10"),
        ("parameter limit takes a whole number", "limit=10"),
    ),
    "query: a date parameter that is not a date": (
        ["query", "reach_within_hops", "-p", "ref=站东社区", "-p", "hops=2", "-p", "as_of=昨天"],
        ("参数 as_of 应为日期", "2023年5月1日"),
        ("parameter as_of takes a date", "2023/5/1"),
    ),
    "query: an unknown parameter": (
        ["query", "top_hubs", "-p", "top=3", "--store", "neo4j"],
        ("没有参数「top」", "它的参数：limit"),
        ("has no parameter 'top'", "it takes: limit"),
    ),
    "query: a missing parameter": (
        ["query", "partners", "--store", "neo4j"],
        ("需要参数 ref、as_of", "-p ref=站东社区"),
        ("needs ref, as_of", "-p ref=站东社区"),
    ),
    "query: not key=value": (
        ["query", "top_hubs", "-p", "limit", "--store", "neo4j"],
        ("不是 键=值 的形式", "-p 名称=值"),
        ("is not key=value", "-p name=value"),
    ),
    "neo4j store: nothing listens": (
        ["stats", "--store", "neo4j", "--uri", "bolt://127.0.0.1:{closed}"],
        ("无法连接 bolt://127.0.0.1:{closed} 的 Neo4j", "graphmodel neo4j start"),
        ("Neo4j is not reachable at bolt://127.0.0.1:{closed}", "graphmodel neo4j start"),
    ),
    "query on Neo4j: nothing listens": (
        ["query", "label_counts", "--store", "neo4j", "--uri", "bolt://127.0.0.1:{closed}"],
        ("无法连接 bolt://127.0.0.1:{closed} 的 Neo4j", "graphmodel neo4j start"),
        ("Neo4j is not reachable at bolt://127.0.0.1:{closed}", "graphmodel neo4j start"),
    ),
    "connection: an http URI": (
        ["stats", "--store", "neo4j", "--uri", "http://127.0.0.1:7474"],
        ("无法使用 Neo4j 地址", "bolt://"),
        ("cannot use the Neo4j URI", "bolt://"),
    ),
    "reach: an unknown tie": (
        ["reach", "u5", "--db", "{db}", "--via", "pairing,nope"],
        ("--via 只接受 pairing、membership", "而不是「nope」"),
        ("--via takes pairing, membership", "not 'nope'"),
    ),
    "template: an existing file": (
        ["template", "{tmp}/exists.xlsx"],
        ("已存在。请另选文件名，或加 --force 覆盖", "exists.xlsx"),
        ("exists; choose another name or pass --force", "exists.xlsx"),
    ),
    "generate: counts that cannot nest": (
        ["generate", "{tmp}/gen", "--districts", "2", "--streets", "1"],
        ("1 ≤ 区数 ≤ 街道数 ≤ 社区数", "请调整"),
        ("1 <= districts <= streets <= communities", "Adjust the counts"),
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", MODULE_ERRORS)
def test_each_modules_errors_speak_the_command_lines_language(case, lang, tmp_path, db):
    args, zh, en = MODULE_ERRORS[case]
    (tmp_path / "p.toml").write_text("min_social_org = 6\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "exists.xlsx").write_bytes(b"")
    values = {"tmp": str(tmp_path), "db": db, "closed": str(_closed_port())}
    result = run(*(a.format(**values) for a in args), "--lang", lang)
    assert_clean(result)
    assert result.exit_code == 1, result.output
    words, other = (zh, en) if lang == "zh" else (en, zh)
    assert result.output.startswith("错误：" if lang == "zh" else "Error: "), result.output
    for word in words:
        assert word.format(**values) in result.output, result.output
    assert other[0].format(**values) not in result.output


def test_a_bug_is_one_line_in_the_command_lines_language(monkeypatch, db):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(EmbeddedStore, "stats", broken)
    zh, en = run("stats", "--db", db), run("stats", "--db", db, "--lang", "en")
    for result in (zh, en):
        assert_clean_but_the_bug(result)
    assert "错误：意外错误，这是 graphmodel 的缺陷（RuntimeError: boom）" in zh.output
    assert "GRAPHMODEL_DEBUG=1" in zh.output
    assert "Error: unexpected error, a bug in graphmodel (RuntimeError: boom)" in en.output


def assert_clean_but_the_bug(result: Result) -> None:
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.output.count("\n") == 1


def test_the_neo4j_commands_speak_the_command_lines_language(tmp_path, monkeypatch):
    # A stopped instance: status says so (exit code 3), stop says it was not running.
    monkeypatch.setenv("GRAPHMODEL_NEO4J_HOME", str(tmp_path / "h"))
    monkeypatch.setenv("NEO4J_BOLT_PORT", str(_closed_port()))
    status_zh, status_en = run("neo4j", "status"), run("neo4j", "status", "--lang", "en")
    assert status_zh.exit_code == status_en.exit_code == 3
    assert (
        "正在运行" in status_zh.output and "否（graphmodel neo4j start 可启动）" in status_zh.output
    )
    assert (
        "running" in status_en.output
        and "no (graphmodel neo4j start starts it)" in status_en.output
    )
    assert "running" not in status_zh.output
    assert run("neo4j", "stop").output == "Neo4j 本来就没有运行。\n"
    assert run("neo4j", "stop", "--lang", "en").output == "Neo4j was not running.\n"


# click's own usage errors (exit code 2), and the commands', in each language.
USAGE_ERRORS = {
    "an unknown command": (
        ["nosuch"],
        ("用法：", "没有命令 'nosuch'", "--help' 查看帮助"),
        ("Usage: ", "No such command 'nosuch'", "--help' for help"),
    ),
    "an unknown option, with the near one": (
        ["gaps", "--ruel", "x"],
        ("没有选项 '--ruel'", "'--rule'"),
        ("No such option '--ruel'", "'--rule'"),
    ),
    "a missing argument": (
        ["reach"],
        ("缺少参数 'NAME_OR_ID'", "reach --help' 查看帮助"),
        ("Missing argument 'NAME_OR_ID'", "reach --help' for help"),
    ),
    "a ledger that does not exist": (
        ["load", "{tmp}/nowhere.xlsx"],
        ("的值无效：路径", "nowhere.xlsx' 不存在"),
        ("Invalid value for", "nowhere.xlsx' does not exist"),
    ),
    "a number out of range": (
        ["reach", "u5", "--hops", "0"],
        ("'--hops' 的值无效：0 不在范围 x>=1 内",),
        ("Invalid value for '--hops': 0 is not in the range x>=1",),
    ),
    "a report compared with an impossible date": (
        ["report", "--out", "{tmp}/r", "--compare", "2023-13-01"],
        ("「2023-13-01」不是日期：请写成 YYYY-MM-DD",),
        ("'2023-13-01' is not a date (YYYY-MM-DD",),
    ),
    "a trend from something that is not a year": (
        ["trend", "--from", "去年", "--to", "2023"],
        ("「去年」不是年份、月份或日期",),
        ("'去年' is not a year, month or date",),
    ),
    "a query without a name": (
        ["query"],
        ("请给出查询名称（graphmodel query --list 列出全部查询）",),
        ("name a query (graphmodel query --list shows them)",),
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", USAGE_ERRORS)
def test_usage_errors_speak_the_command_lines_language(case, lang, tmp_path, db):
    args, zh, en = USAGE_ERRORS[case]
    result = run(*(a.format(tmp=tmp_path) for a in args), "--db", db, "--lang", lang)
    if case == "an unknown command":  # --db belongs to no group option: said first
        result = run(*args, "--lang", lang)
    assert_clean(result)
    assert result.exit_code == 2, result.output
    words = zh if lang == "zh" else en
    for word in words:
        assert word in result.output, result.output
    assert ("错误：" if lang == "zh" else "Error: ") in result.output
    if lang == "zh":
        assert "Error" not in result.output and "Usage" not in result.output


def test_ctrl_c_is_one_line_in_the_command_lines_language(monkeypatch, db):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(EmbeddedStore, "stats", interrupted)
    zh, en = run("stats", "--db", db), run("stats", "--db", db, "--lang", "en")
    assert (zh.exit_code, zh.output) == (1, "已中止。\n")
    assert (en.exit_code, en.output) == (1, "Aborted!\n")


def test_serving_beyond_this_machine_is_a_warning_in_the_command_lines_language():
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        zh = run("browser", "serve", "--host", "0.0.0.0", "--port", port)
        en = run("browser", "serve", "--host", "0.0.0.0", "--port", port, "--lang", "en")
    assert zh.exit_code == en.exit_code == 1
    assert "警告：正在 0.0.0.0 上提供服务，而不是本机地址" in zh.output
    assert "warning: serving on 0.0.0.0, not on this machine's own address" in en.output
    assert "错误：0.0.0.0 的端口" in zh.output and "Error: port" in en.output
