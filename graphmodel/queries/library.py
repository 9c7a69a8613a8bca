"""The query library's files: the header format (see ``graphmodel.queries``), parsing,
listing, finding a query by name, and typing the parameters given on the command line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphmodel.cypher import CYPHER_DIR
from graphmodel.errors import GraphmodelError

__all__ = [
    "PARAM_TYPES",
    "QUERY_DIR",
    "Param",
    "Query",
    "QueryError",
    "WriteRefused",
    "find_query",
    "library",
    "parse_params",
    "parse_query",
]


QUERY_DIR = CYPHER_DIR / "queries"
"""Where the project's query library lives."""


PARAM_TYPES = ("string", "int", "float", "bool", "date", "list")


_TAG = re.compile(r"^//\s*@(\w+)\s*(.*)$")


_PARAM = re.compile(r"^(\w+)\s*:\s*(\w+)\s*=\s*(.*?)\s*(?:--\s*(.*))?$")


_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


_REQUIRED = ("name", "zh", "en", "returns")


_KNOWN = ("name", "zh", "en", "param", "returns", "note", "agrees", "mode")


class QueryError(GraphmodelError):
    """A query file is malformed, a query is unknown, or its parameters are wrong."""


class WriteRefused(QueryError):
    """The statement would write, and the caller did not allow writes."""


@dataclass(frozen=True)
class Param:
    """A query parameter: its name, type (one of ``PARAM_TYPES``), example value (as text) and doc."""

    name: str
    type: str
    example: str
    doc: str = ""

    def convert(self, text: str) -> Any:
        """The value ``text`` stands for, typed per ``type``; raises ``QueryError`` if it is not one."""
        try:
            return _CONVERTERS[self.type](text.strip())
        except ValueError as e:
            raise QueryError(f"parameter {self.name} ({self.type}): {e}") from e

    @property
    def example_value(self) -> Any:
        """The example, typed."""
        return self.convert(self.example)


@dataclass(frozen=True)
class Query:
    """A named, parameterized Cypher statement from the library, with its parsed header."""

    name: str
    zh: str
    en: str
    text: str
    params: tuple[Param, ...] = ()
    returns: tuple[str, ...] = ()
    returns_doc: str = ""
    note: str = ""
    agrees: str = ""
    mode: str = "read"
    path: Path | None = field(default=None, compare=False)

    def example_params(self) -> dict[str, Any]:
        """Every parameter set to its example value, typed."""
        return {p.name: p.example_value for p in self.params}

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable field names (the ``--list --json`` form)."""
        return {
            "name": self.name,
            "zh": self.zh,
            "en": self.en,
            "params": [
                {"name": p.name, "type": p.type, "example": p.example, "doc": p.doc}
                for p in self.params
            ],
            "returns": list(self.returns),
            "returns_doc": self.returns_doc,
            "note": self.note,
            "agrees": self.agrees,
            "mode": self.mode,
        }


def parse_query(source: str, path: Path | None = None) -> Query:
    """Parse the text of a query file (see the module docstring); raises ``QueryError``."""
    where = str(path) if path else "query"
    lines = source.splitlines()
    tags: list[tuple[str, str]] = []
    body_start = len(lines)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("//"):
            body_start = i
            break
        match = _TAG.match(stripped)
        if match:
            if match.group(1) not in _KNOWN:
                raise QueryError(f"{where}: line {i + 1}: unknown tag @{match.group(1)}")
            tags.append((match.group(1), match.group(2).strip()))
        elif tags:
            extra = stripped[2:].strip()
            if extra:
                tag, value = tags[-1]
                tags[-1] = (tag, f"{value} {extra}")
    values: dict[str, str] = {}
    params: list[Param] = []
    for tag, value in tags:
        if tag == "param":
            params.append(_parse_param(value, where))
        elif tag in values:
            raise QueryError(f"{where}: @{tag} given twice")
        else:
            values[tag] = value
    missing = [t for t in _REQUIRED if not values.get(t)]
    if missing:
        raise QueryError(f"{where}: the header lacks {', '.join('@' + t for t in missing)}")
    name = values["name"]
    if not _NAME.match(name):
        raise QueryError(f"{where}: @name {name!r} is not lower_snake_case")
    if path is not None and path.stem != name:
        raise QueryError(f"{where}: @name {name!r} differs from the file name")
    mode = values.get("mode", "read")
    if mode not in ("read", "write"):
        raise QueryError(f"{where}: @mode must be read or write, not {mode!r}")
    text = "\n".join(lines[body_start:]).strip()
    if not text:
        raise QueryError(f"{where}: no statement after the header")
    used = set(re.findall(r"\$(\w+)", _strip_strings(text)))
    declared = {p.name for p in params}
    if used != declared:
        raise QueryError(
            f"{where}: parameters used {sorted(used)} differ from those declared {sorted(declared)}"
        )
    columns, _, returns_doc = values["returns"].partition("--")
    return Query(
        name=name,
        zh=values["zh"],
        en=values["en"],
        text=text,
        params=tuple(params),
        returns=tuple(c.strip() for c in columns.split(",") if c.strip()),
        returns_doc=returns_doc.strip(),
        note=values.get("note", ""),
        agrees=values.get("agrees", ""),
        mode=mode,
        path=path,
    )


def library(directory: Path | str = QUERY_DIR) -> list[Query]:
    """Every query in ``directory`` (``*.cypher``), sorted by name."""
    folder = Path(directory)
    if not folder.is_dir():
        raise QueryError(f"no query library at {folder}")
    return [parse_query(p.read_text(encoding="utf-8"), p) for p in sorted(folder.glob("*.cypher"))]


def find_query(name: str, directory: Path | str = QUERY_DIR) -> Query:
    """The query called ``name`` in ``directory``; raises ``QueryError`` listing the names."""
    queries = library(directory)
    for query in queries:
        if query.name == name:
            return query
    names = ", ".join(q.name for q in queries)
    raise QueryError(f"no query named {name!r}; the library has: {names}")


def parse_params(query: Query, pairs: Iterable[str]) -> dict[str, Any]:
    """Typed parameters from ``key=value`` strings; every declared parameter must be given.

    Raises ``QueryError`` naming an unknown or missing parameter (with its example) or a value
    of the wrong type.
    """
    declared = {p.name: p for p in query.params}
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep:
            raise QueryError(f"parameter {pair!r} is not key=value")
        if key not in declared:
            known = ", ".join(declared) or "none"
            raise QueryError(f"{query.name} has no parameter {key!r} (it takes: {known})")
        values[key] = declared[key].convert(text)
    missing = [p for p in query.params if p.name not in values]
    if missing:
        hint = " ".join(f"-p {p.name}={p.example}" for p in missing)
        raise QueryError(f"{query.name} needs {', '.join(p.name for p in missing)}, e.g. {hint}")
    return values


def _parse_param(value: str, where: str) -> Param:
    match = _PARAM.match(value)
    if not match:
        raise QueryError(f"{where}: @param {value!r} is not 'name: type = example -- doc'")
    name, kind, example, doc = match.groups()
    if kind not in PARAM_TYPES:
        raise QueryError(f"{where}: @param {name} has type {kind!r}, not one of {PARAM_TYPES}")
    param = Param(name, kind, example, doc or "")
    param.convert(example)
    return param


def _strip_strings(text: str) -> str:
    """``text`` without string literals and comments, so that ``$`` inside them is not a parameter."""
    text = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", text)
    return re.sub(r"//[^\n]*", "", text)


def _to_int(text: str) -> int:
    """A whole number that Cypher can hold (a signed 64-bit integer)."""
    value = int(text)
    if not -(2**63) <= value < 2**63:
        raise ValueError(f"{text} is beyond the range of a Cypher integer (64 bits)")
    return value


def _to_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered in ("true", "yes", "1"):
        return True
    if lowered in ("false", "no", "0"):
        return False
    raise ValueError(f"{text!r} is not true or false")


def _to_date(text: str) -> str:
    """A date in any form the ledgers accept (``2023-05-01``, ``2023/5/1``, ``2023年5月1日``),
    as ISO text (``ledger.values.parse_date``)."""
    from graphmodel.ledger.values import parse_date

    try:
        return parse_date(text)
    except ValueError as e:
        raise ValueError(f"{text!r} is {e}") from e


def _to_list(text: str) -> list[str]:
    if text.startswith("["):
        parsed = json.loads(text)
        if not isinstance(parsed, list):
            raise ValueError(f"{text!r} is not a list")
        return [str(v) for v in parsed]
    return [part.strip() for part in text.split(",") if part.strip()]


_CONVERTERS: dict[str, Callable[[str], Any]] = {
    "string": str,
    "int": _to_int,
    "float": float,
    "bool": _to_bool,
    "date": _to_date,
    "list": _to_list,
}
