"""Where the data that ships inside the package lives: ``graphmodel/cypher/`` (every Cypher
statement, the Browser guide and style) and ``graphmodel/seed/`` (the seed ledger and its
policy).

They are found with ``importlib.resources`` rather than beside the source tree, so they work
the same from a checkout (editable install) and from an installed wheel. The repository's
top-level ``cypher/`` and ``seed/`` are symbolic links to these folders: one copy of each file.
Wheels install unzipped, so the resources are real files that callers may glob, read and
serve; a zipped install is refused with a clear error rather than half working.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["package_dir"]


def package_dir(package: str, *parts: str) -> Path:
    """The folder ``parts`` inside ``package``, as a path on disk.

    >>> package_dir("graphmodel", "seed", "ledger").name
    'ledger'
    """
    root = files(package)
    if not isinstance(root, Path):
        raise RuntimeError(f"{package} is not installed as files on disk ({root!r})")
    return root.joinpath(*parts)
