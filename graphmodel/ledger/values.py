"""Cell values: from what a spreadsheet or CSV holds to the schema's types.

Each parser takes the raw cell (text from a CSV; ``str``, ``int``, ``float``, ``bool`` or
``datetime`` from an .xlsx cell) and returns the typed value, or raises ``BadValue`` (a
``ValueError``) carrying the problem's code, detail and parameters, which ``vocabulary``
renders as a reason a user can act on (``str()`` gives it in English). Blank cells never reach them: ``is_blank`` is checked first.

Dates become ISO ``YYYY-MM-DD`` strings. Accepted: Excel date cells; Excel date serial numbers
in .xlsx number cells; text ``2023-05-01``, ``2023/5/1``, ``2023.5.1``, ``2023年5月1日``,
``20230501``, with or without a trailing time (``2023-05-01 00:00:00``). A month without a day
(``2023-05``, ``2023/5``, ``2023年5月``) means the first day of that month: ``2023-05-01``
(write the full date when the day matters, e.g. for ``until``). A year alone is rejected.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

__all__ = [
    "BOOL_FALSE",
    "BOOL_TRUE",
    "MAX_CELL_CHARS",
    "MAX_COUNT",
    "REF_SEPARATORS",
    "BadValue",
    "cell_text",
    "check_text",
    "is_blank",
    "parse_bool",
    "parse_date",
    "parse_int",
    "parse_period",
    "split_refs",
    "visible",
]

BOOL_TRUE = ("是", "true", "t", "yes", "y", "1", "√")
BOOL_FALSE = ("否", "false", "f", "no", "n", "0", "×")
REF_SEPARATORS = (";", "；", "、", ",", "，")
MAX_CELL_CHARS = 32_767
"""The longest cell a ledger may hold, in characters (Excel's own limit per cell)."""
MAX_COUNT = 1_000_000_000
"""The largest count accepted: no community, unit or report counts more, and it is far
inside the 64-bit integers that Neo4j stores (up to 9,223,372,036,854,775,807)."""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.0*)?")

_SPLIT = re.compile("|".join(re.escape(s) for s in REF_SEPARATORS))
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TIME = re.compile(r"[\sT]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
# Excel serial numbers of 1950-01-01 and 2099-12-31: a plain number in that range in a date
# column of an .xlsx is a date whose cell lost its date format.
_SERIAL_RANGE = (18264, 73415)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def is_blank(value: Any) -> bool:
    """Whether a cell holds nothing (``None``, or only whitespace, full-width spaces included)."""
    return value is None or (isinstance(value, str) and not _clean(value))


def cell_text(value: Any) -> str:
    """The cell as trimmed text: integral floats lose their ``.0`` (Excel stores 1001 as
    1001.0), dates print as ISO, full-width spaces count as whitespace."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _clean(str(value))


class BadValue(ValueError):
    """A cell that cannot be read as its column's type: the ledger problem ``code``
    (``bad_int``, ``out_of_range``...), which of its messages (``detail``), and the message's
    ``params``."""

    def __init__(self, code: str, detail: str = "", **params: Any) -> None:
        self.code, self.detail, self.params = code, detail, params
        super().__init__(code, detail)

    def text(self, lang: str) -> str:
        """What is wrong with the value, in ``lang``."""
        from graphmodel.vocabulary import problem_message

        return problem_message(self.code, self.detail, self.params, lang)

    def __str__(self) -> str:
        return self.text("en")


def visible(text: str, limit: int = 60) -> str:
    """``text`` for a message: control characters shown as ``<U+001B>``, cut to ``limit``
    characters with an ellipsis."""
    shown = _CONTROL.sub(lambda m: f"<U+{ord(m[0]):04X}>", text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def check_text(value: Any) -> None:
    """Raise ``BadValue`` if the cell ``value`` is longer than ``MAX_CELL_CHARS`` or holds a
    control character (NUL, escape, DEL, C1 controls, bidirectional overrides; tab and line
    breaks are allowed), which would hide or rewrite text on a screen."""
    if not isinstance(value, str):
        return
    if len(value) > MAX_CELL_CHARS:
        raise BadValue("bad_text", "too_long", chars=len(value), limit=MAX_CELL_CHARS)
    match = _CONTROL.search(value)
    if match:
        raise BadValue("bad_text", "control", char=f"U+{ord(match[0]):04X}", at=match.start() + 1)


def parse_int(value: Any) -> int:
    """A count from 0 to ``MAX_COUNT``: ``1234``, ``"1,234"`` (commas only between groups
    of three digits: ``"1,2,3"`` is a list, not 123), ``"1234.0"``, ``1234.0``."""
    if isinstance(value, bool):
        raise BadValue("bad_int", "yes_no")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise BadValue("bad_int", "fraction")
        number = int(value)
    else:
        text = unicodedata.normalize("NFKC", cell_text(value)).replace(" ", "")
        if "," in text and not _THOUSANDS.fullmatch(text):
            raise BadValue("bad_int", "commas")
        text = text.replace(",", "")
        if not re.fullmatch(r"[+-]?\d+(\.0*)?", text):
            raise BadValue("bad_int")
        if len(text) > 20:
            raise BadValue("out_of_range", "digits", digits=len(text), max=MAX_COUNT)
        number = int(text.split(".")[0])
    if number < 0:
        raise BadValue("bad_int", "negative")
    if number > MAX_COUNT:
        raise BadValue("out_of_range", number=number, max=MAX_COUNT)
    return number


def parse_bool(value: Any) -> bool:
    """Yes or no: 是/否, true/false, 1/0, y/n (any case), or an Excel TRUE/FALSE cell."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = cell_text(value).lower()
    if text in BOOL_TRUE:
        return True
    if text in BOOL_FALSE:
        return False
    raise BadValue("bad_bool")


def parse_date(value: Any, *, excel: bool = False) -> str:
    """The date in ``value`` as ``YYYY-MM-DD`` (see the module docstring for what is accepted).

    ``excel`` says the value comes from an .xlsx cell, where a plain number is a date serial.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if excel and isinstance(value, (int, float)) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return (_EXCEL_EPOCH + dt.timedelta(days=int(value))).isoformat()
        raise BadValue("bad_date", "serial")
    text = _TIME.sub("", unicodedata.normalize("NFKC", cell_text(value))).strip()
    match = _DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if not match:
        raise BadValue("bad_date")
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        iso = f"{year}-{month:02d}-{day:02d}"
        raise BadValue("bad_date", "unreal", date=iso, year=year, month=month, day=day) from None


def parse_period(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the period ``value`` names: a year (``2019``), a month
    (``2023-05``, ``2023/5``, ``2023年5月``) or a day, written as for ``parse_date``.

    >>> parse_period("2019"), parse_period("2024年2月")[1], parse_period("2023/6/30")[0]
    ((datetime.date(2019, 1, 1), datetime.date(2019, 12, 31)), datetime.date(2024, 2, 29), \
datetime.date(2023, 6, 30))
    """
    text = unicodedata.normalize("NFKC", value).strip().removesuffix("年")
    if text.isdigit() and len(text) == 4:
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    first = dt.date.fromisoformat(parse_date(value))
    match = _DATE.fullmatch(_TIME.sub("", text).strip())
    if match and match[3] is None:  # a month: to its last day
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return first, first


def split_refs(text: str) -> list[str]:
    """The references in a multi-reference cell, in order, blanks and repeats dropped."""
    seen: list[str] = []
    for part in _SPLIT.split(text):
        part = _clean(part)
        if part and part not in seen:
            seen.append(part)
    return seen


def _clean(text: str) -> str:
    return text.replace("\u3000", " ").replace("\ufeff", "").strip()
