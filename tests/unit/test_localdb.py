"""kgmem.localdb: the SQLite opener the on-disk caches (embeddings, extraction, LLM responses) use."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from kgmem.embedding_cache import EmbeddingCache
from kgmem.extraction.cache import ExtractionCache
from kgmem.llm.base import LLMResult
from kgmem.llm.cache import LLMCache, cache_key
from kgmem.localdb import LocalDB, retry_busy


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


def test_retry_busy_waits_out_a_real_lock_and_raises_other_errors(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (k TEXT)")
    holder.execute("BEGIN EXCLUSIVE")  # a real lock another process could hold
    impatient = sqlite3.connect(path, timeout=0, isolation_level=None)
    tries: list[int] = []

    def write() -> int:
        tries.append(1)
        if len(tries) == 3:
            holder.execute("COMMIT")  # the holder lets go while we wait
        return impatient.execute("INSERT INTO t VALUES ('a')").rowcount

    assert retry_busy(write) == 1 and len(tries) == 3
    with pytest.raises(sqlite3.OperationalError, match="syntax"):
        retry_busy(lambda: impatient.execute("NOT SQL"))
    holder.execute("BEGIN EXCLUSIVE")
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        retry_busy(lambda: impatient.execute("INSERT INTO t VALUES ('b')"), timeout_s=0.05)
    holder.execute("ROLLBACK")


def _open_and_write(kind: str, path: str, start: Any, worker: int) -> None:
    start.wait()  # every process opens the fresh file at the same moment
    if kind == "llm":
        cache = LLMCache(Path(path))
        for i in range(10):
            key = cache_key("m", "v1", [{"role": "user", "content": f"{worker}-{i}"}], None, 0.0, 8)
            cache.put(key, "m", "v1", LLMResult(text="x", prompt_tokens=1, completion_tokens=1, latency_s=0.0))
            cache.record(hit=False)
        return
    db = LocalDB(Path(path), "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY)")
    for i in range(10):
        with db.conn() as conn:
            conn.execute("INSERT INTO t VALUES (?)", (f"{worker}-{i}",))


@pytest.mark.parametrize("kind", ["local", "llm"])
def test_processes_opening_one_fresh_file_at_once_all_succeed(kind: str, tmp_path: Path) -> None:
    # Two `--workers` processes once failed with "database is locked" when both created the same
    # cache file: switching a fresh file to WAL is a lock wait SQLite's busy timeout does not cover.
    ctx = mp.get_context("spawn")
    for round_ in range(4):
        path = tmp_path / f"{kind}{round_}.sqlite"
        start = ctx.Barrier(4)
        procs = [ctx.Process(target=_open_and_write, args=(kind, str(path), start, w)) for w in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        assert [p.exitcode for p in procs] == [0, 0, 0, 0], f"round {round_}"
        conn = sqlite3.connect(path)
        table = "responses" if kind == "llm" else "t"
        assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 40
        conn.close()


def test_cache_files_skip_the_fsync_per_commit(tmp_path: Path) -> None:
    # a first question writes its new sentence vectors to the embedding cache: with SQLite's default
    # (FULL) every such commit waited for an fsync; a cache in WAL mode is safe with NORMAL (lat8, #14)
    cache = EmbeddingCache(tmp_path / "embeddings.sqlite")
    conn = cache._db.conn()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL (FULL is 2)
