"""What changed (report --compare) and the trend (graphmodel trend), on a hand-built street
whose answers are worked out in the comments."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from graphmodel.analysis.policy import Policy
from graphmodel.analysis.trend import period_ends, trend
from graphmodel.cli import main
from graphmodel.records import EdgeRecord, GraphBatch, NodeRecord
from graphmodel.report import build_report
from graphmodel.report.docx import write_docx
from graphmodel.store import EmbeddedStore

THEN = dt.date(2022, 12, 31)
NOW = dt.date(2023, 12, 31)
n = NodeRecord
e = EdgeRecord


def changing_street() -> tuple[list, list]:
    """甲街道 with communities A, B, C, D and units U1, U2, U3 (each with its party branch,
    each community with its party committee):

    - U1 pairs with A from 2022-01-01 until 2023-06-01 (ended before NOW);
    - U2 pairs with B and with D from 2023-03-01 (started after THEN);
    - U3 pairs with C from 2020-01-01 (in force both times).

    THEN: paired A, C (2 of 4, 50%); unpaired B, D; U2 works alone.
    NOW: paired B, C, D (3 of 4, 75%); unpaired A, whose pairing ended less than three years
    ago (expired_pairing); C's pairing has run three years (expired_pairing, review due); U1
    works alone.
    So 2 pairings started (U2-B, U2-D), 1 ended (U1-A); 4 gaps opened (unpaired A, expired A
    and C, U1 alone), 3 closed (unpaired B and D, U2 alone).
    Hubs: THEN U1 and U3 have one partner each (ranks 1 and 2 by id), U2 none (unranked); NOW
    U2 has two (1), U3 one (2), U1 none (unranked): U2 rose from unranked to 1, U1 fell from 1
    to unranked.
    """
    nodes = [n("Street", "s", {"name": "甲街道"})]
    edges = []
    for c, name in (("a", "A社区"), ("b", "B社区"), ("c", "C社区"), ("d", "D社区")):
        nodes += [
            n("Community", c, {"name": name, "kind": "社区"}),
            n("PartyOrg", f"{c}#po", {"name": f"{name}党委"}),
        ]
        edges += [e("PART_OF", c, "s"), e("BELONGS_TO", f"{c}#po", c)]
    for u in ("u1", "u2", "u3"):
        nodes += [
            n("MemberUnit", u, {"name": u.upper()}),
            n("PartyOrg", f"{u}#po", {"name": f"{u.upper()}党支部"}),
        ]
        edges += [e("LOCATED_IN", u, "s"), e("BELONGS_TO", f"{u}#po", u)]
    edges += [
        e("PAIRED_WITH", "u1#po", "a#po", "p1", {"since": "2022-01-01", "until": "2023-06-01"}),
        e("PAIRED_WITH", "u2#po", "b#po", "p2", {"since": "2023-03-01"}),
        e("PAIRED_WITH", "u2#po", "d#po", "p3", {"since": "2023-03-01"}),
        e("PAIRED_WITH", "u3#po", "c#po", "p4", {"since": "2020-01-01"}),
    ]
    return nodes, edges


def _store(path):
    store = EmbeddedStore(path)
    store.write(GraphBatch(*changing_street()))
    return store


def _section(report, key):
    return next(s for s in report.sections if s.key == key)


def test_the_changes_section_names_what_started_ended_opened_and_closed(tmp_path):
    g = _store(tmp_path / "g.db").graph()
    report = build_report(g, Policy(), NOW, compare=(g, THEN))
    changes = report.data["changes"]
    assert [(p["unit_name"], p["community_name"]) for p in changes["pairings_started"]] == [
        ("U2", "B社区"),
        ("U2", "D社区"),
    ]
    assert [(p["unit_name"], p["community_name"]) for p in changes["pairings_ended"]] == [
        ("U1", "A社区")
    ]
    assert sorted((g["rule"], g["name"]) for g in changes["gaps_opened"]) == [
        ("expired_pairing", "A社区"),
        ("expired_pairing", "C社区"),
        ("unpaired_community", "A社区"),
        ("working_alone", "U1"),
    ]
    assert sorted((g["rule"], g["name"]) for g in changes["gaps_closed"]) == [
        ("unpaired_community", "B社区"),
        ("unpaired_community", "D社区"),
        ("working_alone", "U2"),
    ]
    assert [(m["name"], m["then"], m["now"]) for m in changes["hubs_moved"]] == [
        ("U2", None, 1),
        ("U1", 1, None),
    ]
    section = _section(report, "changes")
    assert section.paragraphs[0] == (
        "与2022-12-31相比：新增结对2对，终止1对；缺口新增4个，消除3个。"
    )
    streets = dict(section.tables)["各街道结对率的变化（变化最大的在前）"]
    # 区, 街道, 社区数, 结对率 then, now, 缺口 then, now
    assert streets.rows[0][1:5] == ["甲街道", 4, "50%", "75%"]
    # The first page names the largest changes.
    front = _section(report, "changes_front").bullets
    assert front[0] == section.paragraphs[0]
    assert "结对率变化最大的是甲街道：由50%变为75%。" in front
    assert "枢纽排名上升最多的是U2（未上榜→第1名）。" in front
    assert "枢纽排名下降最多的是U1（第1名→未上榜）。" in front
    # In the first page, before the table of contents.
    assert report.sections.index(_section(report, "changes_front")) < report.front
    # The Word document holds the summary and the changes.
    from docx import Document

    path = write_docx(report, tmp_path / "r.docx")
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "摘要" in text and "与2022-12-31相比" in text
    assert _section(report, "problems").bullets[0] in text


def test_report_compare_takes_a_date_or_another_store(tmp_path):
    db = tmp_path / "now.db"
    _store(db)
    runner = CliRunner()
    args = ["report", "--db", str(db), "--as-of", "2023-12-31"]
    dated = runner.invoke(main, [*args, "--out", str(tmp_path / "a"), "--compare", "2022-12-31"])
    assert dated.exit_code == 0, dated.output
    data = json.loads((tmp_path / "a" / "report.json").read_text(encoding="utf-8"))
    assert data["changes"]["then"] == "2022-12-31"
    assert len(data["changes"]["pairings_started"]) == 2
    # Another store read on the same date: an empty-handed copy (only U3-C) as last year.
    other = EmbeddedStore(tmp_path / "then.db")
    nodes, edges = changing_street()
    other.write(GraphBatch(nodes, [x for x in edges if x.type != "PAIRED_WITH" or x.key == "p4"]))
    stored = runner.invoke(
        main, [*args, "--out", str(tmp_path / "b"), "--compare", str(tmp_path / "then.db")]
    )
    assert stored.exit_code == 0, stored.output
    data = json.loads((tmp_path / "b" / "report.json").read_text(encoding="utf-8"))
    assert [p["community_name"] for p in data["changes"]["pairings_started"]] == ["B社区", "D社区"]
    assert data["changes"]["pairings_ended"] == []
    bad = runner.invoke(main, [*args, "--out", str(tmp_path / "c"), "--compare", "no-such.db"])
    assert bad.exit_code != 0 and "no-such.db" in bad.output


def test_trend_counts_coverage_and_gaps_per_year(tmp_path):
    # Paired at the end of 2021: C (1 of 4); 2022: A, C (2); 2023: B, C, D (3).
    g = _store(tmp_path / "g.db").graph()
    points = trend(g, Policy(), period_ends(dt.date(2021, 1, 1), dt.date(2023, 1, 1)))
    assert [p.date for p in points] == ["2021-12-31", "2022-12-31", "2023-12-31"]
    assert [p.paired for p in points] == [1, 2, 3]
    assert [p.gaps["unpaired_community"] for p in points] == [3, 2, 1]
    result = CliRunner().invoke(
        main,
        [
            "trend",
            "--db",
            str(tmp_path / "g.db"),
            "--from",
            "2021",
            "--to",
            "2023",
            "--xlsx",
            str(tmp_path / "t.xlsx"),
            "--chart",
            str(tmp_path / "t.png"),
            "--csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("\ufeff")  # the BOM Chinese Excel needs
    # the periods written as the ledgers write dates: a month (to its last day), a date
    same = CliRunner().invoke(
        main,
        ["trend", "--db", str(tmp_path / "g.db"), "--from", "2021年1月", "--to", "2023/12/31"],
    )
    years = CliRunner().invoke(
        main, ["trend", "--db", str(tmp_path / "g.db"), "--from", "2021", "--to", "2023"]
    )
    assert same.exit_code == 0 and same.output == years.output
    lines = result.output.removeprefix("\ufeff").splitlines()
    assert lines[0].startswith("截至,社区数,已结对（%）")
    assert lines[1].startswith("2021-12-31,4,25")
    assert (tmp_path / "t.png").stat().st_size > 10_000
    from openpyxl import load_workbook

    rows = list(load_workbook(tmp_path / "t.xlsx").active.iter_rows(values_only=True))
    assert rows[3][:3] == ("2023-12-31", 4, 75)
