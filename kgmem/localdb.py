"""A small SQLite file shared by threads and processes: the one opener the on-disk caches use.

The embedding cache and the extraction cache each keep one table in a file under the kgmem home;
several threads (pipelined ingest) and processes (``--workers``) read and write it at once.
SQLite connections must not cross threads, so each thread gets its own, opened on first use;
WAL mode lets readers run beside the one writer.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

#: seconds a writer waits for another process's lock before SQLite gives up
BUSY_TIMEOUT_S = 60


class LocalDB:
    """One SQLite file, one connection per thread; ``schema`` is run once when opened."""

    def __init__(self, path: Path, schema: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._local = threading.local()
        with self.conn() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(schema)

    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
            self._local.conn = conn
        return conn
