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
    "missing_params",
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
        value = text.strip()
        try:
            return _CONVERTERS[self.type](value)
        except _BeyondCypher as e:
            raise QueryError("param_int_range", name=self.name, value=value) from e
        except ValueError as e:
            raise QueryError(
                "param_value",
                name=self.name,
                param_type=self.type,
                value=value,
                example=self.example,
            ) from e

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
                raise QueryError("query_file_tag", where=where, line=i + 1, tag=match.group(1))
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
            raise QueryError("query_file_twice", where=where, tag=tag)
        else:
            values[tag] = value
    missing = [t for t in _REQUIRED if not values.get(t)]
    if missing:
        raise QueryError("query_file_lacks", where=where, tags=["@" + t for t in missing])
    name = values["name"]
    if not _NAME.match(name):
        raise QueryError("query_file_name_case", where=where, name=name)
    if path is not None and path.stem != name:
        raise QueryError("query_file_name_differs", where=where, name=name)
    mode = values.get("mode", "read")
    if mode not in ("read", "write"):
        raise QueryError("query_file_mode", where=where, mode=mode)
    text = "\n".join(lines[body_start:]).strip()
    if not text:
        raise QueryError("query_file_empty", where=where)
    used = set(re.findall(r"\$(\w+)", _strip_strings(text)))
    declared = {p.name for p in params}
    if used != declared:
        raise QueryError(
            "query_file_params", where=where, used=sorted(used), declared=sorted(declared)
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
        raise QueryError("query_library_missing", folder=folder)
    return [parse_query(p.read_text(encoding="utf-8"), p) for p in sorted(folder.glob("*.cypher"))]


def find_query(name: str, directory: Path | str = QUERY_DIR) -> Query:
    """The query called ``name`` in ``directory``; raises ``QueryError`` listing the names."""
    queries = library(directory)
    for query in queries:
        if query.name == name:
            return query
    from graphmodel.suggest import closest

    names = [q.name for q in queries]
    near = closest(name, names)
    if near:
        raise QueryError("query_unknown_suggest", name=name, suggestions=near)
    raise QueryError("query_unknown", name=name, names=names)


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
            raise QueryError("param_not_pair", pair=pair)
        if key not in declared:
            raise QueryError("param_unknown", query=query.name, key=key, known=list(declared))
        values[key] = declared[key].convert(text)
    missing_params(query, values)
    return values


def missing_params(query: Query, given: Iterable[str]) -> None:
    """Raise ``QueryError`` naming the parameters of ``query`` not in ``given``, with an
    example of each."""
    names = set(given)
    missing = [p for p in query.params if p.name not in names]
    if missing:
        raise QueryError(
            "param_missing",
            query=query.name,
            missing=[p.name for p in missing],
            hint=" ".join(f"-p {p.name}={p.example}" for p in missing),
        )


def _parse_param(value: str, where: str) -> Param:
    match = _PARAM.match(value)
    if not match:
        raise QueryError("query_file_param", where=where, value=value)
    name, kind, example, doc = match.groups()
    if kind not in PARAM_TYPES:
        raise QueryError(
            "query_file_param_type", where=where, name=name, kind=kind, types=list(PARAM_TYPES)
        )
    param = Param(name, kind, example, doc or "")
    param.convert(example)
    return param


def _strip_strings(text: str) -> str:
    """``text`` without string literals and comments, so that ``$`` inside them is not a parameter."""
    text = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", text)
    return re.sub(r"//[^\n]*", "", text)


class _BeyondCypher(ValueError):
    """A whole number beyond what Cypher can hold."""


def _to_int(text: str) -> int:
    """A whole number that Cypher can hold (a signed 64-bit integer)."""
    value = int(text)
    if not -(2**63) <= value < 2**63:
        raise _BeyondCypher(text)
    return value


def _to_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered in ("true", "yes", "1"):
        return True
    if lowered in ("false", "no", "0"):
        return False
    raise ValueError(text)


def _to_date(text: str) -> str:
    """A date in any form the ledgers accept (``2023-05-01``, ``2023/5/1``, ``2023年5月1日``),
    as ISO text (``ledger.values.parse_date``)."""
    from graphmodel.ledger.values import parse_date

    return parse_date(text)


def _to_list(text: str) -> list[str]:
    if text.startswith("["):
        parsed = json.loads(text)
        if not isinstance(parsed, list):
            raise ValueError(text)
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
