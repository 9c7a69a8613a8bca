"""Reading ledgers: encodings, table and header aliases, title rows, row numbers, cell values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from graphmodel.errors import LedgerError
from graphmodel.ledger import read_ledger
from graphmodel.ledger.values import parse_bool, parse_date, parse_int, split_refs

DATA = Path(__file__).parent / "data" / "ledgers"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-05-01", "2023-05-01"),
        ("2023/5/1", "2023-05-01"),
        ("2023.5.1", "2023-05-01"),
        ("2023年5月1日", "2023-05-01"),
        ("2023 年 5 月 1 日", "2023-05-01"),
        ("２０２３年５月１日", "2023-05-01"),
        ("20230501", "2023-05-01"),
        ("2023-05-01 00:00:00", "2023-05-01"),
        # a month without a day means its first day (documented in values.py and the docs)
        ("2023-05", "2023-05-01"),
        ("2023年5月", "2023-05-01"),
        (dt.datetime(2023, 5, 1, 0, 0), "2023-05-01"),
        (dt.date(2023, 5, 1), "2023-05-01"),
    ],
)
def test_dates_in_every_accepted_form(text, expected):
    assert parse_date(text) == expected


def test_excel_serial_numbers_are_dates_only_in_workbooks():
    # 45047 is 2023-05-01 in Excel's 1900 date system
    assert parse_date(45047, excel=True) == "2023-05-01"
    with pytest.raises(ValueError, match="not a date"):
        parse_date(45047)


@pytest.mark.parametrize("text", ["2023", "2023-13-01", "2023-02-30", "明年", "5/1/2023"])
def test_bad_dates_are_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("raw", "expected"), [("1,234", 1234), ("1234.0", 1234), (1234.0, 1234), ("１２", 12), (0, 0)]
)
def test_counts(raw, expected):
    assert parse_int(raw) == expected


@pytest.mark.parametrize("raw", ["12.5", 12.5, "-3", "十二", True])
def test_bad_counts_are_refused(raw):
    with pytest.raises(ValueError):
        parse_int(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("是", True),
        ("否", False),
        ("TRUE", True),
        ("false", False),
        ("1", True),
        ("0", False),
        ("Y", True),
        ("n", False),
        (True, True),
        (0, False),
    ],
)
def test_yes_and_no(raw, expected):
    assert parse_bool(raw) is expected


def test_every_reference_separator():
    assert split_refs("站东社区;赵家楼社区；东总布社区、礼士社区,青龙社区，雁西社区") == [
        "站东社区",
        "赵家楼社区",
        "东总布社区",
        "礼士社区",
        "青龙社区",
        "雁西社区",
    ]
    assert split_refs(" 站东社区 、、站东社区 ") == ["站东社区"]


def test_a_gbk_folder_with_chinese_file_names_headers_and_a_title_row():
    ledger = read_ledger([DATA / "gbk"])
    tables = {s.table.name: s for s in ledger.sheets}
    assert set(tables) == {
        "districts",
        "streets",
        "communities",
        "party_orgs",
        "units",
        "pairings",
        "reports",
    }
    assert {s.encoding for s in ledger.sheets} == {"gb18030"}
    assert ledger.warnings == []
    communities = tables["communities"]
    # "社区（村）名称" has full-width parentheses; "　所属街道　" is padded with full-width spaces
    assert communities.columns == {
        "id": 0,
        "name": 1,
        "street": 2,
        "kind": 3,
        "population": 4,
        "households": 5,
    }
    assert communities.header("street") == "所属街道"
    # 结对共建.csv has a title row: the headers are on row 2, the first pairing on row 3
    pairings = tables["pairings"]
    assert [r.number for r in pairings.rows] == [3, 4, 5]
    assert pairings.rows[0].origin == "结对共建.csv row 3"
    assert pairings.value(pairings.rows[0], "since") == "2021年3月15日"


def test_utf8_with_and_without_bom(tmp_path):
    text = "id,name\nD-DC,东城区\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "districts.csv").write_bytes(text.encode("utf-8-sig"))
    (tmp_path / "b" / "districts.csv").write_bytes(text.encode("utf-8"))
    for folder, encoding in (("a", "utf-8-sig"), ("b", "utf-8")):
        (sheet,) = read_ledger([tmp_path / folder]).sheets
        assert sheet.encoding == encoding
        assert sheet.headers == ("id", "name")
        assert sheet.value(sheet.rows[0], "name") == "东城区"


def test_a_single_csv_file_blank_rows_and_unknown_names(tmp_path):
    path = tmp_path / "Streets.csv"
    path.write_text(
        "ID , 名称 ,所属区,辖区面积\nS-1,建国门街道,D-DC,\n,,,\nS-2,朝阳门街道,D-DC,,备用\n"
    )
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")
    ledger = read_ledger([path, tmp_path / "notes.csv"])
    (sheet,) = ledger.sheets
    assert sheet.table.name == "streets"
    # the blank row 3 is skipped; numbering keeps the spreadsheet's
    assert [r.number for r in sheet.rows] == [2, 4]
    assert [(w.code, w.file, w.column) for w in ledger.warnings] == [
        ("unknown_column", str(path), "辖区面积"),
        ("unknown_column", str(path), ""),
        ("unknown_table", str(tmp_path / "notes.csv"), ""),
    ]
    assert ledger.warnings[1].message == "1 cells in columns without a header are ignored"


def test_a_workbook_skips_the_instructions_sheet_and_warns_of_unknown_sheets(tmp_path):
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["填写说明"])
    ws = book.create_sheet("社区")
    ws.append(["名称", "所属街道", "人口"])
    ws.append(["站东社区", "S-JGM", 5200.0])
    book.create_sheet("Sheet2")
    book.save(tmp_path / "台账.xlsx")
    ledger = read_ledger([tmp_path / "台账.xlsx"])
    (sheet,) = ledger.sheets
    assert (sheet.table.name, sheet.sheet, sheet.kind) == ("communities", "社区", "xlsx")
    assert sheet.rows[0].origin == "台账.xlsx:社区 row 2"
    assert sheet.value(sheet.rows[0], "population") == 5200.0
    assert [(w.code, w.sheet) for w in ledger.warnings] == [("unknown_table", "Sheet2")]


def test_unreadable_ledgers_are_errors(tmp_path):
    (tmp_path / "latin.csv").write_bytes(b"id,name\n1,\x81\xff\xfe\n")
    with pytest.raises(LedgerError, match="no such file"):
        read_ledger([tmp_path / "missing.xlsx"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(LedgerError, match=r"no \.csv files"):
        read_ledger([tmp_path / "empty"])
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "districts.csv").write_bytes(b"id,name\n1,\x81\xff\xfe\n")
    with pytest.raises(LedgerError, match="line 2 is neither UTF-8 nor GBK"):
        read_ledger([tmp_path / "bad"])
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(LedgerError, match=r"save it as \.xlsx"):
        read_ledger([tmp_path / "old.xls"])
    (tmp_path / "broken.xlsx").write_text("not a zip")
    with pytest.raises(LedgerError, match=r"not a readable \.xlsx"):
        read_ledger([tmp_path / "broken.xlsx"])
    with pytest.raises(LedgerError, match="no known table"):
        read_ledger([tmp_path / "latin.csv"])


def test_a_workbook_whose_recorded_dimensions_are_wrong_is_read_whole(tmp_path):
    """Some spreadsheet programs record a sheet's used range as A1 whatever it holds."""
    import re
    import zipfile

    book = Workbook()
    ws = book.active
    ws.title = "区"
    ws.append(["编号", "名称"])
    ws.append(["D-YT", "雁塔区"])
    ws.append(["D-LH", "莲湖区"])
    book.save(tmp_path / "good.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "good.xlsx") as src,
        zipfile.ZipFile(tmp_path / "bad.xlsx", "w") as dst,
    ):
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
                assert count == 1
            dst.writestr(item, data)
    (sheet,) = read_ledger([tmp_path / "bad.xlsx"]).sheets
    assert [sheet.value(r, "name") for r in sheet.rows] == ["雁塔区", "莲湖区"]


def test_merged_cells_hold_their_value_in_every_row(tmp_path):
    """A title merged over the headers, and the street merged down its communities' rows."""
    book = Workbook()
    ws = book.active
    ws.title = "社区"
    ws.append(["建国门街道社区台账"])
    ws.merge_cells("A1:C1")
    ws.append(["社区名称", "所属街道", "人口"])
    ws.append(["站东社区", "建国门街道", 5200])
    ws.append(["赵家楼社区", None, None])
    ws.append(["东总布社区", None, 3100])
    ws.merge_cells("B3:B5")
    book.save(tmp_path / "台账.xlsx")
    (sheet,) = read_ledger([tmp_path / "台账.xlsx"]).sheets
    assert [r.number for r in sheet.rows] == [3, 4, 5]
    assert [sheet.value(r, "street") for r in sheet.rows] == ["建国门街道"] * 3
    assert [sheet.value(r, "population") for r in sheet.rows] == [5200, None, 3100]


def test_a_utf8_file_with_one_gbk_line_is_refused_naming_the_line(tmp_path):
    """Pasting a row from a GBK file into a UTF-8 one: the file as a whole is valid GB18030,
    but reading it so would turn every UTF-8 name into mojibake (站东社区 -> 绔欎笢绀惧尯)."""
    data = "id,name\nD-1,东城区\nD-2,西城区\n".encode() + "D-3,朝阳区\n".encode("gbk")
    (tmp_path / "districts.csv").write_bytes(data)
    with pytest.raises(LedgerError, match=r"mixed encodings: line 4 is not UTF-8 \(GBK\?\)"):
        read_ledger([tmp_path / "districts.csv"])


def test_a_utf8_line_that_is_also_valid_gb18030_is_not_read_as_mojibake(tmp_path):
    """UTF-8 社区 is valid GB18030 too (绀惧尯), so the whole file below is valid GB18030;
    line 2 reads as common characters only as UTF-8, so the file mixes encodings."""
    data = "编号,名称\n".encode("gbk") + "D-1,社区\n".encode() + "D-2,东城区\n".encode("gbk")
    assert data.decode("gb18030").splitlines()[1] == "D-1,绀惧尯"
    (tmp_path / "districts.csv").write_bytes(data)
    with pytest.raises(
        LedgerError, match=r"mixed encodings: line 1 is not UTF-8 \(GBK\?\) though line 2"
    ):
        read_ledger([tmp_path / "districts.csv"])


def test_a_gbk_file_whose_short_line_happens_to_be_utf8_is_read_as_gbk(tmp_path):
    """The GBK bytes of 隆平 are also valid UTF-8 (¡ƽ): a line, not the file, is ambiguous."""
    (tmp_path / "districts.csv").write_bytes("编号,名称\nD-1,东城区\nD-2,隆平\n".encode("gbk"))
    assert "隆平".encode("gbk").decode("utf-8") == "¡ƽ"
    (sheet,) = read_ledger([tmp_path / "districts.csv"]).sheets
    assert sheet.encoding == "gb18030"
    assert [sheet.value(r, "name") for r in sheet.rows] == ["东城区", "隆平"]


def test_a_file_in_neither_encoding_names_its_first_bad_lines(tmp_path):
    data = "id,name\nD-1,东城区\n".encode() + b"D-2,\x81\xff\n" + "D-3,西".encode("gbk")
    (tmp_path / "districts.csv").write_bytes(data)
    with pytest.raises(LedgerError, match="line 3 is neither UTF-8 nor GBK/GB18030"):
        read_ledger([tmp_path / "districts.csv"])
