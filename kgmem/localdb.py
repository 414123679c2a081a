"""A small SQLite file shared by threads and processes: the one opener the on-disk caches use.

The embedding cache, the extraction cache and the LLM cache each keep their tables in a file under
the kgmem home; several threads (pipelined ingest) and processes (``--workers``) read and write it
at once. SQLite connections must not cross threads, so each thread gets its own, opened on first
use; WAL mode lets readers run beside the one writer.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

#: seconds a writer waits for another process's lock before SQLite gives up
BUSY_TIMEOUT_S = 60.0

_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
#: SQLite's fsync policy for these files (caches only: the embedding, extraction and LLM caches)
SYNCHRONOUS = "NORMAL"
_T = TypeVar("_T")


def is_busy(exc: sqlite3.OperationalError) -> bool:
    """Whether ``exc`` is SQLite's "database is locked/busy" (worth waiting for), not a real error."""
    return exc.sqlite_errorcode & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)


def retry_busy(step: Callable[[], _T], timeout_s: float = BUSY_TIMEOUT_S) -> _T:
    """Run ``step``, again after a short sleep while SQLite answers "busy", for up to ``timeout_s``.

    Why: SQLite's busy timeout does not cover every lock wait. Two processes that open a fresh file
    at once both read it, then both need the exclusive lock to switch it to WAL (or to create the
    schema); SQLite sees a possible deadlock and fails one of them at once with "database is
    locked" instead of waiting. Retrying the whole step is safe because it is idempotent.
    """
    deadline = time.monotonic() + timeout_s
    delay = 0.005
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def prepare(conn: sqlite3.Connection, schema: str) -> None:
    """Switch the file to WAL (once; the mode persists in the file) and run the ``schema`` script."""

    def setup() -> None:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(schema)

    retry_busy(setup)


class LocalDB:
    """One SQLite file, one connection per thread; the ``schema`` script is run once when opened."""

    def __init__(self, path: Path, schema: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._local = threading.local()
        prepare(self.conn(), schema)

    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
            # every LocalDB is a cache: in WAL mode NORMAL never corrupts the file and skips the fsync
            # per commit (a first question's new sentence vectors paid one); a power cut loses at most
            # the last commits, which are recomputed
            conn.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
            self._local.conn = conn
        return conn
