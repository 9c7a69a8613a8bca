"""The library as Neo4j Browser favorites: one ``.cql`` file per query, its parameters set by
``:param`` lines from the examples.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from graphmodel.queries.library import Query

__all__ = ["cypher_literal", "export_favorites", "favorite_text"]


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


def _body(text: str) -> str:
    """The statement with a trailing semicolon, so that it ends a multi-statement favorite."""
    stripped = text.rstrip().rstrip(";")
    return stripped + ";"
