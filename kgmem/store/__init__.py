"""Memory stores: one contract (:mod:`kgmem.store.base`), two backends.

``open_store(settings)`` picks the backend from ``settings.store`` (``--store`` / ``KGMEM_STORE``):
``networkx`` (embedded, files under ``settings.store_dir / "networkx"``) or ``neo4j`` (a server).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.store.base import (
    EmbeddingDimensionError,
    FactFilter,
    Hit,
    MemoryStore,
    NodeKind,
    StoreError,
    StoreStats,
)

if TYPE_CHECKING:
    from kgmem.settings import Settings

BACKENDS = ("networkx", "neo4j")

__all__ = [
    "BACKENDS",
    "EmbeddingDimensionError",
    "FactFilter",
    "Hit",
    "MemoryStore",
    "NodeKind",
    "StoreError",
    "StoreStats",
    "open_store",
]


def open_store(settings: Settings, backend: str | None = None) -> MemoryStore:
    """Open the configured store (``backend`` overrides ``settings.store``)."""
    name = backend or settings.store
    if name == "networkx":
        # imported lazily: networkx/numpy stay out of `kgmem --help`
        from kgmem.store.networkx_store import NetworkxStore

        return NetworkxStore(settings.store_dir / "networkx")
    if name == "neo4j":
        from kgmem.store.neo4j_store import Neo4jStore

        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
        store: MemoryStore = Neo4jStore(
            uri=settings.neo4j_uri,
            user=settings.neo4j_user,
            password=password,
            database=settings.neo4j_database,
        )
        return store
    raise StoreError(f"unknown store backend {name!r}; choose one of: {', '.join(BACKENDS)}")
