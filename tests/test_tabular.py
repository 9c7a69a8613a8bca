"""The one tabular writer (``graphmodel.tabular``) and the rejects files written through it:
nothing the tool writes can run as a formula, and reading it back gives the original values.

The hostile ledger below has one communities table whose names start with every formula
trigger; each row is rejected (its street ``S-404`` does not exist), so every name goes into
the rejects file, which must show text and read back as the very same names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from graphmodel.cli import main
from graphmodel.errors import LedgerError
from graphmodel.ledger import read_ledger
from graphmodel.ledger.rejects import write_rejects
from graphmodel.load import load
from graphmodel.store import EmbeddedStore
from graphmodel.tabular import Sheet, guard, unguard, write_csv, write_xlsx

HOSTILE = [
    '=HYPERLINK("http://x","点我")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "''+two apostrophes",
    "'plain apostrophe",
    "a=b (not a trigger)",
]


@pytest.mark.parametrize("text", [*HOSTILE, "", "'", "-", "="])
def test_guard_then_unguard_gives_the_original(text):
    guarded = guard(text)
    assert unguard(guarded) == text
    assert not guarded or guarded[0] not in "=+-@\t\r"


def _hostile_csv_ledger(folder: Path) -> Path:
    folder.mkdir()
    with open(folder / "communities.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "name", "street", "kind"])
        for i, name in enumerate(HOSTILE, start=1):
            writer.writerow([f"C-{i}", name, "S-404", "社区"])
    return folder


def _names(ledger_path: Path) -> list[str]:
    ledger = read_ledger([ledger_path])
    sheet = ledger.sheets[0]
    return [sheet.value(row, "name") for row in sheet.rows]


def test_csv_rejects_show_text_and_read_back_as_the_original(tmp_path):
    ledger = _hostile_csv_ledger(tmp_path / "hostile")
    # a CSV ledger's own guarded cells read as what they guard: '=already quoted -> =already...
    read = _names(ledger)
    assert read == [unguard(h) for h in HOSTILE]
    assert read[6:9] == ["=already quoted", "'+two apostrophes", "'plain apostrophe"]
    report = load([ledger], EmbeddedStore(tmp_path / "g.json"))
    assert report.rejected == len(HOSTILE)
    raw = (Path(report.rejects) / "communities.csv").read_text(encoding="utf-8-sig")
    cells = [row[1] for row in csv.reader(io.StringIO(raw, newline=""))][1:]
    # what a spreadsheet sees: every trigger behind an apostrophe
    assert all(c[0] not in "=+-@\t\r" for c in cells)
    assert cells[0] == "'" + HOSTILE[0]
    assert _names(Path(report.rejects)) == read


def test_xlsx_rejects_hold_text_cells_that_read_back_as_the_original(tmp_path):
    # an .xlsx cannot hold a carriage return (XML reads it as a line feed): not in workbooks
    hostile = [h for h in HOSTILE if "\r" not in h]
    book = Workbook()
    ws = book.active
    ws.title = "社区"
    ws.append(["编号", "名称", "所属街道", "类型"])
    for i, name in enumerate(hostile, start=1):
        ws.append([f"C-{i}", name, "S-404", "社区"])
        ws.cell(i + 1, 2).data_type = "s"  # the ledger holds the text, not a formula
    book.save(tmp_path / "台账.xlsx")
    assert _names(tmp_path / "台账.xlsx") == hostile
    report = load([tmp_path / "台账.xlsx"], EmbeddedStore(tmp_path / "g.json"))
    rejects = load_workbook(report.rejects)
    names = [row[1] for row in rejects["社区"].iter_rows(min_row=2)]
    assert [c.data_type for c in names] == ["s"] * len(hostile)  # no formula
    assert [c.value for c in names] == hostile
    assert names[0].quotePrefix and not names[-1].quotePrefix
    assert _names(Path(report.rejects)) == hostile


def test_the_xlsx_writer_freezes_filters_fits_and_keeps_numbers_and_dates(tmp_path):
    path = write_xlsx(
        tmp_path / "out.xlsx",
        [
            Sheet(
                "缺口 gaps/2024",  # the slash cannot be in a sheet name
                ["编号 id", "名称 name", "人口 population", "since"],
                [
                    ["C-1", "站东社区站东社区站东社区", 5200, "2023-05-01"],
                    ["C-2", "a\x00b", 12345678901234567890, "not a date"],
                    ["C-3", "第一行\n第二行\n第三行", 1, None],
                ],
                dates=("since",),
            )
        ],
    )
    ws = load_workbook(path)["缺口 gaps_2024"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:D4"
    # three lines: wrapped in the cell, and the row three lines tall
    assert ws["B4"].alignment.wrap_text and ws.row_dimensions[4].height == 45
    assert ws.row_dimensions[2].height is None
    assert ws["C2"].value == 5200 and ws["C2"].data_type == "n"
    assert ws["D2"].value == dt.datetime(2023, 5, 1) and ws["D2"].is_date
    assert ws["D3"].value == "not a date"
    assert ws["B3"].value == "a\u2400b"  # NUL shown as a control picture
    assert ws["C3"].value == "12345678901234567890"  # beyond Excel's 15 digits: text
    # 12 CJK characters are 24 columns wide, plus a margin
    assert ws.column_dimensions["B"].width == 26
    assert ws["A1"].font.bold


def test_the_csv_writer_writes_a_bom_to_files_and_none_to_streams(tmp_path):
    write_csv(tmp_path / "a.csv", ["名称"], [["=1"], [None], [2.0], [dt.date(2024, 1, 2)]])
    raw = (tmp_path / "a.csv").read_bytes()
    # a row of one empty cell is written "" so that it is not a blank line
    assert raw == '\ufeff名称\r\n\'=1\r\n""\r\n2\r\n2024-01-02\r\n'.encode()
    out = io.StringIO()
    write_csv(out, ["a"], [["-1"], [-1]], bom=False)
    assert out.getvalue() == "a\r\n'-1\r\n-1\r\n"  # text guarded, the number not


def test_csv_output_of_a_command_is_guarded(tmp_path):
    ledger = tmp_path / "l"
    ledger.mkdir()
    (ledger / "districts.csv").write_text("id,name\nD-1,=1+1区\n", encoding="utf-8")
    db = str(tmp_path / "g.json")
    runner = CliRunner()
    assert runner.invoke(main, ["load", str(ledger), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["stats", "--db", db, "--csv"])
    assert result.exit_code == 0, result.output
    assert "'=1+1区" in result.output
    assert ",=1+1" not in result.output


def test_rejects_never_overwrite_an_input_ledger(tmp_path):
    ledger = _hostile_csv_ledger(tmp_path / "hostile")
    before = (ledger / "communities.csv").read_bytes()
    with pytest.raises(LedgerError, match="would overwrite the ledger"):
        load([ledger], EmbeddedStore(tmp_path / "g.json"), rejects=ledger)
    with pytest.raises(LedgerError, match="would overwrite the ledger"):
        load([ledger / "communities.csv"], EmbeddedStore(tmp_path / "g.json"), rejects=ledger)
    assert (ledger / "communities.csv").read_bytes() == before


def test_rejects_never_overwrite_the_input_workbook_or_another_workbook(tmp_path):
    book = Workbook()
    book.active.title = "社区"
    book.active.append(["编号", "名称", "所属街道"])
    book.active.append(["C-1", "甲社区", "S-404"])
    book.save(tmp_path / "台账.xlsx")
    before = (tmp_path / "台账.xlsx").read_bytes()
    store = EmbeddedStore(tmp_path / "g.json")
    with pytest.raises(LedgerError, match="would overwrite the ledger"):
        load([tmp_path / "台账.xlsx"], store, rejects=tmp_path / "台账.xlsx")
    assert (tmp_path / "台账.xlsx").read_bytes() == before
    # another user's workbook is not a rejects workbook: refused
    Workbook().save(tmp_path / "other.xlsx")
    with pytest.raises(LedgerError, match="not a rejects workbook"):
        load([tmp_path / "台账.xlsx"], store, rejects=tmp_path / "other.xlsx")
    # an earlier rejects workbook is replaced
    first = load([tmp_path / "台账.xlsx"], store)
    again = load([tmp_path / "台账.xlsx"], store)
    assert first.rejects == again.rejects == str(tmp_path / "台账.rejects.xlsx")


def test_an_empty_rejects_workbook_is_still_a_rejects_workbook(tmp_path):
    path = write_rejects([], tmp_path / "r.xlsx")
    assert write_rejects([], path) == path
