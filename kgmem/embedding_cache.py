"""The content-hash → vector cache on disk (SQLite under ``KGMEM_HOME/cache``), keyed by model name.

:class:`kgmem.embeddings.CachedEmbedder` reads it before embedding and writes what it embedded;
any process may read and write it at once (:class:`kgmem.localdb.LocalDB`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from kgmem.localdb import LocalDB


class EmbeddingCache:
    """Content-hash → vector cache in SQLite, keyed by model name (safe across processes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = LocalDB(path, "CREATE TABLE IF NOT EXISTS emb (model TEXT, key TEXT, dim INTEGER,"
                                 " vec BLOB, PRIMARY KEY (model, key))")

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        conn = self._db.conn()
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT key, vec FROM emb WHERE model = ? AND key IN ({marks})", [model, *chunk]
            ).fetchall()
            for key, blob in rows:
                out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        conn = self._db.conn()
        with conn:
            conn.executemany(
                "INSERT OR REPLACE INTO emb (model, key, dim, vec) VALUES (?, ?, ?, ?)",
                [(model, k, int(v.shape[0]), v.astype(np.float32).tobytes()) for k, v in items.items()],
            )
