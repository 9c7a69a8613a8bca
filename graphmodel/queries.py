"""The named Cypher query library (``cypher/queries/*.cypher``): parse, list, run, export.

Each query is one ``.cypher`` file whose leading ``//`` comment lines form a header in a fixed
format, one tag per line (a ``//`` line without a tag continues the previous tag)::

    // @name partners                         required, equals the file name without .cypher
    // @zh 社区或单位的结对共建伙伴            required: the purpose in Chinese
    // @en The pairings of a community ...    required: the purpose in English
    // @param ref: string = 站东社区 -- doc    one per parameter: name, type, example, doc
    // @returns org_name, partner_name -- doc  required: the returned columns, then a doc
    // @note ...                              optional: how it counts, its limits
    // @agrees graphmodel.graphview.partners  optional: the embedded answer it agrees with
    // @mode read                             optional: read (default) or write

Parameter types are ``string``, ``int``, ``float``, ``bool``, ``date`` (an ISO ``YYYY-MM-DD``
string, as the stores keep dates) and ``list`` (of strings, comma-separated on the command line).
The rest of the file is the statement; it uses ``$name`` for every parameter, so user values
never become query text.

``run_query`` runs a query in a READ transaction after asking the server, with ``EXPLAIN``,
what kind of statement it is: anything but a read-only statement (``query_type`` ``'r'``) is
refused unless the caller passes ``allow_write=True``, which only the project's own write
steps do (the CLI never does).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from graphmodel.cypher import CYPHER_DIR
from graphmodel.errors import GraphmodelError, StoreUnavailable
from graphmodel.store import StoreConfig
from graphmodel.store.neo4j import Neo4jStore

__all__ = [
    "PARAM_TYPES",
    "QUERY_DIR",
    "Param",
    "Query",
    "QueryError",
    "QueryResult",
    "WriteRefused",
    "connect",
    "cypher_literal",
    "export_favorites",
    "favorite_text",
    "find_query",
    "library",
    "parse_params",
    "parse_query",
    "run_query",
    "to_plain",
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


@dataclass
class QueryResult:
    """What a query returned: its column names and one dict per row (values as ``to_plain``)."""

    columns: list[str]
    rows: list[dict[str, Any]]


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


@contextmanager
def connect(config: StoreConfig) -> Iterator[tuple[neo4j.Driver, str | None]]:
    """A driver, checked to answer, and the database name, for the Neo4j ``config`` describes.

    The settings fall back exactly as ``Neo4jStore.from_config`` (the environment, then the
    project's local server), because the connection is the store's. Raises
    ``StoreUnavailable`` when the server is down or refuses the credentials.
    """
    with Neo4jStore.from_config(config) as store:
        yield store.driver, store.database


def run_query(
    driver: neo4j.Driver,
    query: Query,
    params: Mapping[str, Any],
    database: str | None = None,
    allow_write: bool = False,
) -> QueryResult:
    """Run ``query`` with ``params`` and return its rows.

    First ``EXPLAIN`` asks the server what kind of statement it is; unless it is read-only
    (``query_type == 'r'``) it is refused with ``WriteRefused``, or, with ``allow_write``, run
    in a write transaction. A read-only statement runs in a READ transaction
    (``session.execute_read``; the server enforces the access mode as well). Raises
    ``StoreUnavailable`` when the server cannot be reached, ``QueryError`` for a statement the
    server rejects.
    """
    missing = [p.name for p in query.params if p.name not in params]
    if missing:
        raise QueryError(f"{query.name} needs {', '.join(missing)}")
    values = dict(params)
    try:
        with driver.session(
            database=database or None,
            default_access_mode=neo4j.READ_ACCESS,
            notifications_min_severity="OFF",
        ) as session:
            kind = session.execute_read(_query_type, query.text, values)
            if kind != "r" and not allow_write:
                raise WriteRefused(
                    f"{query.name} would write (query type {kind!r}); "
                    "graphmodel query runs read-only statements only"
                )
            work = session.execute_read if kind == "r" else session.execute_write
            columns, rows = work(_fetch, query.text, values)
    except ServiceUnavailable as e:
        raise StoreUnavailable(f"Neo4j cannot be reached: {e}") from e
    except Neo4jError as e:
        raise QueryError(f"{query.name}: the server rejected it: {e.message}") from e
    return QueryResult(columns, rows)


def to_plain(value: Any) -> Any:
    """A driver value as plain JSON types.

    A node becomes ``{"label", **properties}``, a relationship ``{"type", "start", "end",
    **properties}`` (start and end are node ids), a path ``{"nodes": [...], "relationships":
    [...]}``; temporal values become ISO strings; lists and maps are converted item by item.
    """
    if isinstance(value, neo4j.graph.Node):
        labels = sorted(value.labels)
        return {"label": labels[0] if labels else "", **{k: to_plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            **{k: to_plain(v) for k, v in value.items()},
        }
    if isinstance(value, neo4j.graph.Path):
        return {
            "nodes": [to_plain(n) for n in value.nodes],
            "relationships": [to_plain(r) for r in value.relationships],
        }
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def cypher_literal(value: Any) -> str:
    """``value`` written as a Cypher literal (for Browser's ``:param`` command)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"


def favorite_text(query: Query, params: Mapping[str, Any] | None = None) -> str:
    """The query as a Neo4j Browser favorite (.cql): a title comment, the purpose, a ``:param``
    line with ``params`` (the examples by default), then the statement.

    Browser names a favorite after its first comment line. It runs the ``:param`` line and the
    statement together when multi-statement mode is on (its default); otherwise run them one
    after the other.
    """
    values = query.example_params() if params is None else dict(params)
    lines = [f"// {query.zh}（{query.name}）", f"// {query.en}"]
    for p in query.params:
        lines.append(f"// ${p.name} ({p.type}): {p.doc}")
    if query.params:
        assigned = ", ".join(f"{k}: {cypher_literal(v)}" for k, v in values.items())
        lines.append(f":param {{{assigned}}};")
    lines.append(_body(query.text))
    return "\n".join(lines) + "\n"


def export_favorites(queries: Sequence[Query], directory: Path | str) -> list[Path]:
    """Write each query as ``NAME.cql`` (``favorite_text``) into ``directory``; returns the paths."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for query in queries:
        target = folder / f"{query.name}.cql"
        target.write_text(favorite_text(query), encoding="utf-8")
        written.append(target)
    return written


def _query_type(tx: neo4j.ManagedTransaction, text: str, params: dict[str, Any]) -> str:
    """The server's verdict on ``text``: ``r``, ``rw``, ``w`` or ``s`` (schema)."""
    return tx.run("EXPLAIN " + text, params).consume().query_type or ""


def _fetch(
    tx: neo4j.ManagedTransaction, text: str, params: dict[str, Any]
) -> tuple[list[str], list[dict[str, Any]]]:
    result = tx.run(text, params)
    columns = list(result.keys())
    return columns, [{k: to_plain(record[k]) for k in columns} for record in result]


def _body(text: str) -> str:
    """The statement with a trailing semicolon, so that it ends a multi-statement favorite."""
    stripped = text.rstrip().rstrip(";")
    return stripped + ";"


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
    return int(text)


def _to_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered in ("true", "yes", "1"):
        return True
    if lowered in ("false", "no", "0"):
        return False
    raise ValueError(f"{text!r} is not true or false")


def _to_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError as e:
        raise ValueError(f"{text!r} is not a date YYYY-MM-DD") from e


def _to_list(text: str) -> list[str]:
    if text.startswith("["):
        parsed = json.loads(text)
        if not isinstance(parsed, list):
            raise ValueError(f"{text!r} is not a list")
        return [str(v) for v in parsed]
    return [part.strip() for part in text.split(",") if part.strip()]


_CONVERTERS = {
    "string": str,
    "int": _to_int,
    "float": float,
    "bool": _to_bool,
    "date": _to_date,
    "list": _to_list,
}
