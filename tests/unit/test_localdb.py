"""kgmem.localdb: the SQLite opener both on-disk caches (embeddings, extraction) use."""

from __future__ import annotations

import threading
from pathlib import Path

from kgmem.embeddings import EmbeddingCache
from kgmem.extraction.cache import ExtractionCache
from kgmem.localdb import LocalDB


def test_one_connection_per_thread_schema_once_wal(tmp_path: Path) -> None:
    db = LocalDB(tmp_path / "sub" / "x.sqlite", "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY)")
    assert db.conn() is db.conn()
    with db.conn() as conn:
        conn.execute("INSERT INTO t VALUES ('a')")
    seen: list[object] = []

    def other() -> None:
        conn = db.conn()
        seen.append(conn)
        seen.append(conn.execute("SELECT k FROM t").fetchall())

    t = threading.Thread(target=other)
    t.start()
    t.join()
    assert seen[0] is not db.conn() and seen[1] == [("a",)]
    assert db.conn().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    LocalDB(db.path, "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY)")  # reopening keeps the rows
    assert db.conn().execute("SELECT COUNT(*) FROM t").fetchone()[0] == 1


def test_both_caches_open_through_it(tmp_path: Path) -> None:
    for cache in (EmbeddingCache(tmp_path / "e.sqlite"), ExtractionCache(tmp_path / "x.sqlite")):
        assert isinstance(cache._db, LocalDB) and cache._db.path.exists()
