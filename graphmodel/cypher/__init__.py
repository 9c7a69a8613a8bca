"""Named Cypher statements, read from this package's folder (``graphmodel/cypher/``, which the
repository also shows as ``cypher/``; see ``graphmodel.resources``).

Every Cypher statement the project runs lives in ``cypher/<group>/<name>.cypher`` and is
loaded by its name (``statement("load/merge_nodes")``). Values always travel as parameters
(``$rows``). Labels and relationship types cannot be parameters in Cypher, so a statement that
needs one writes a placeholder such as ``{{label}}``, and ``statement(name, label=...)`` fills
it with a plain identifier; callers fill placeholders only from ``graphmodel.schema``'s closed
set of labels and types, never from user input.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from graphmodel.errors import GraphmodelError
from graphmodel.resources import package_dir

__all__ = ["CYPHER_DIR", "CypherError", "names", "statement", "statements"]

CYPHER_DIR: Path = package_dir(__name__)

_NAME = re.compile(r"[a-z0-9_]+(/[a-z0-9_]+)*")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


class CypherError(GraphmodelError):
    """A named statement is missing, or its placeholders are not filled correctly."""


def statement(name: str, **identifiers: str) -> str:
    """The text of ``cypher/<name>.cypher`` with its ``{{placeholders}}`` filled.

    Every placeholder must be given and every value must be a plain identifier (letters,
    digits, underscore), so that nothing but a label or type name can enter the text.
    """
    text = _read(name)
    wanted = set(_PLACEHOLDER.findall(text))
    if wanted != set(identifiers):
        raise CypherError(
            "cypher_placeholders", name=name, wanted=sorted(wanted), given=sorted(identifiers)
        )
    for key, value in identifiers.items():
        if not _IDENTIFIER.fullmatch(value):
            raise CypherError("cypher_identifier", key=key, value=value)
    return _PLACEHOLDER.sub(lambda m: identifiers[m.group(1)], text)


def statements(name: str) -> list[str]:
    """The statements of a file holding several, each ending with ``;`` at the end of a line
    (``//`` comment lines are dropped)."""
    lines = [line for line in _read(name).splitlines() if not line.lstrip().startswith("//")]
    parts = re.split(r";[ \t]*$", "\n".join(lines), flags=re.MULTILINE)
    return [part.strip() for part in parts if part.strip()]


def names(group: str = "") -> list[str]:
    """The names of the statements under ``cypher/<group>`` (all when empty), sorted."""
    folder = CYPHER_DIR / group
    return sorted(
        p.relative_to(CYPHER_DIR).with_suffix("").as_posix() for p in folder.rglob("*.cypher")
    )


@functools.cache
def _read(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise CypherError("cypher_name", name=name)
    path = CYPHER_DIR / f"{name}.cypher"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise CypherError("cypher_missing", name=name, path=path) from e
