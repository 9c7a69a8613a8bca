"""Hostile workbooks are refused at once, with the cell or range that crosses a bound.

Each file is built here by editing a small real workbook's XML: a cell at XFD1048576 (the
last cell Excel has), a merged range over the whole sheet, many small merged ranges that
together cover too much, a part that unpacks beyond the limit. Each is a few kilobytes and
would, read naively, take memory without bound; each is refused before any row is read, also
by ``load --dry-run``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from graphmodel.cli import main
from graphmodel.errors import LedgerError
from graphmodel.ledger import read_ledger
from graphmodel.ledger import workbook as bounds

SHEET = "xl/worksheets/sheet1.xml"


def _workbook(path: Path, edit=None) -> Path:
    """A districts sheet with two rows; ``edit`` rewrites its sheet XML."""
    book = Workbook()
    ws = book.active
    ws.title = "区"
    ws.append(["编号", "名称"])
    ws.append(["D-1", "东城区"])
    ws.append(["D-2", "西城区"])
    book.save(path)
    if edit is None:
        return path
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    parts[SHEET] = edit(parts[SHEET])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return path


def _far_cell(xml: bytes) -> bytes:
    row = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xml.replace(b"</sheetData>", row + b"</sheetData>")


def _merge(*refs: bytes):
    def edit(xml: bytes) -> bytes:
        cells = b"".join(b'<mergeCell ref="' + ref + b'"/>' for ref in refs)
        merges = b'<mergeCells count="%d">' % len(refs) + cells + b"</mergeCells>"
        return xml.replace(b"</sheetData>", b"</sheetData>" + merges)

    return edit


def test_a_cell_at_the_last_cell_of_excel_is_refused(tmp_path):
    path = _workbook(tmp_path / "far.xlsx", _far_cell)
    assert path.stat().st_size < 10_000
    with pytest.raises(LedgerError, match=r"row 1048576 lies beyond the 1,000,000 rows"):
        read_ledger([path])


def test_a_cell_far_to_the_right_is_refused(tmp_path):
    def edit(xml: bytes) -> bytes:
        return re.sub(
            rb"</row>",
            b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>',
            xml,
            count=2,
        )

    path = _workbook(tmp_path / "wide.xlsx", edit)
    with pytest.raises(LedgerError, match=r"wide\.xlsx:区: .*cell XFD2 lies beyond"):
        read_ledger([path])


def test_a_merged_range_over_the_whole_sheet_is_refused(tmp_path):
    path = _workbook(tmp_path / "merged.xlsx", _merge(b"A1:XFD1048576"))
    with pytest.raises(LedgerError, match=r"merged range too large: A1:XFD1048576"):
        read_ledger([path])


def test_many_small_merged_ranges_count_together(tmp_path, monkeypatch):
    # 3 ranges of 2 x 2 = 12 merged cells, over a bound of 10
    monkeypatch.setattr(bounds, "MAX_MERGED_CELLS", 10)
    read_ledger([_workbook(tmp_path / "merges.xlsx", _merge(b"C1:D2"))])  # 4: within
    edit = _merge(b"C1:D2", b"E1:F2", b"G1:H2")
    with pytest.raises(LedgerError, match=r"merged cells to 12, over the 10"):
        read_ledger([_workbook(tmp_path / "more.xlsx", edit)])


def test_a_part_that_unpacks_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    # the largest part of the small workbook (its theme) is about 10 KB; the sheet is made 1 MB
    monkeypatch.setattr(bounds, "MAX_PART_BYTES", 100_000)
    path = _workbook(tmp_path / "big.xlsx", lambda xml: xml + b" " * 2**20)
    assert path.stat().st_size < 20_000
    with pytest.raises(LedgerError, match=r"too large: its part xl/worksheets/sheet1.xml unpacks"):
        read_ledger([path])


def test_too_many_cells_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_CELLS", 5)  # the sheet has 6
    with pytest.raises(LedgerError, match=r"sheet too large: over 5 cells"):
        read_ledger([_workbook(tmp_path / "cells.xlsx")])


def test_a_dry_run_refuses_the_bomb_with_a_message_not_a_traceback(tmp_path):
    path = _workbook(tmp_path / "far.xlsx", _far_cell)
    result = CliRunner().invoke(
        main, ["load", str(path), "--dry-run", "--db", str(tmp_path / "g.json")]
    )
    assert result.exit_code == 1
    assert "超出台账范围" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_merged_range_still_fills_its_rows(tmp_path):
    """The bounded reader keeps merged values: B2:B3 holds 东城区 in both rows."""
    book = Workbook()
    ws = book.active
    ws.title = "街道"
    ws.append(["编号", "所属区", "名称"])
    ws.append(["S-1", "东城区", "建国门街道"])
    ws.append(["S-2", None, "朝阳门街道"])
    ws.merge_cells("B2:B3")
    book.save(tmp_path / "s.xlsx")
    (sheet,) = read_ledger([tmp_path / "s.xlsx"]).sheets
    assert [sheet.value(r, "district") for r in sheet.rows] == ["东城区", "东城区"]
