"""The two stores behind one interface, and how to open one from settings or the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from graphmodel.store.base import AreaStats, Partner, Stats, Store
from graphmodel.store.embedded import EmbeddedStore

__all__ = [
    "DEFAULT_DB",
    "AreaStats",
    "EmbeddedStore",
    "Partner",
    "Stats",
    "Store",
    "StoreConfig",
    "open_store",
]

DEFAULT_DB = Path(".graphmodel") / "graph.db"
"""Where the embedded store lives unless ``--db`` or ``GRAPHMODEL_DB`` says otherwise."""


@dataclass(frozen=True)
class StoreConfig:
    """Which store to open and how to reach it.

    ``password`` is never printed (``repr`` hides it). When it is empty, the Neo4j store takes
    ``NEO4J_PASSWORD`` or else the password file of the project's local server.
    """

    store: str = "embedded"
    db: str = ""
    uri: str = ""
    user: str = ""
    password: str = ""
    database: str = ""

    def __repr__(self) -> str:
        return (
            f"StoreConfig(store={self.store!r}, db={self.db!r}, uri={self.uri!r}, "
            f"user={self.user!r}, password=***, database={self.database!r})"
        )

    @property
    def db_path(self) -> Path:
        """The embedded store's file."""
        return Path(self.db or os.environ.get("GRAPHMODEL_DB") or DEFAULT_DB)


def open_store(config: StoreConfig | None = None) -> Store:
    """Open the store ``config`` describes (the embedded default when ``None``)."""
    config = config or StoreConfig()
    if config.store == "neo4j":
        from graphmodel.store.neo4j import Neo4jStore

        return Neo4jStore.from_config(config)
    return EmbeddedStore(config.db_path)
