"""Persistent LLM response cache (SQLite at ``settings.cache_dir / "llm.sqlite"``).

Key = sha256 over (model, prompt_version, messages, JSON schema, temperature, max_tokens), so a
new prompt version, a different schema or different sampling settings never reuse an old
answer. The cache stores the raw text and usage; structured results are re-validated against
the schema on a hit (an entry that no longer validates counts as a miss and is replaced).
Hit/miss counters are kept in the same file, so ``kgmem cache stats`` sees every process's use.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kgmem.llm.base import LLM, CompletionRequest, LLMResult, Message, WrappedLLM
from kgmem.localdb import BUSY_TIMEOUT_S, prepare

CACHE_FILENAME = "llm.sqlite"

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    text TEXT NOT NULL,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    latency_s REAL NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


def cache_key(model: str, prompt_version: str, messages: list[Message],
              schema: type[BaseModel] | None, temperature: float, max_tokens: int,
              stop: tuple[str, ...] = ()) -> str:
    """The sha256 key of one request (stable across processes and Python versions); stop strings
    are part of it only when given, so keys of requests without them never change."""
    payload: dict[str, Any] = {
        "model": model,
        "prompt_version": prompt_version,
        "messages": messages,
        "schema": schema.model_json_schema() if schema is not None else None,
        "temperature": round(float(temperature), 6),
        "max_tokens": int(max_tokens),
    }
    if stop:
        payload["stop"] = list(stop)
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class LLMCache:
    """The SQLite store behind :class:`CachedLLM` and ``kgmem cache``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)
            if not self._ready:
                prepare(conn, _SCHEMA_SQL)  # WAL: parallel readers, one writer
                self._ready = True
        except sqlite3.DatabaseError as exc:
            raise RuntimeError(f"{self.path}: not a usable LLM cache ({exc}); "
                               "remove it or run `kgmem cache clear`") from exc
        return conn

    @contextmanager
    def _session(self) -> Iterator[sqlite3.Connection]:
        """One locked connection: committed on success, rolled back on error, always closed."""
        with self._lock:
            conn = self._connect()
            try:
                with conn:
                    yield conn
            finally:
                conn.close()

    def _bump(self, conn: sqlite3.Connection, name: str) -> None:
        conn.execute("INSERT INTO counters(name, value) VALUES (?, 1) "
                     "ON CONFLICT(name) DO UPDATE SET value = value + 1", (name,))

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored entry for ``key`` (no counter change), or ``None``."""
        with self._session() as conn:
            row = conn.execute(
                "SELECT text, prompt_tokens, completion_tokens, latency_s, model "
                "FROM responses WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return {"text": row[0], "prompt_tokens": row[1], "completion_tokens": row[2],
                "latency_s": row[3], "model": row[4]}

    def put(self, key: str, model: str, prompt_version: str, result: LLMResult) -> None:
        """Store (or replace) the response for ``key``."""
        with self._session() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (key, model, prompt_version, result.text, result.prompt_tokens,
                 result.completion_tokens, result.latency_s, time.time()))

    def record(self, hit: bool) -> None:
        """Count one hit or miss."""
        with self._session() as conn:
            self._bump(conn, "hits" if hit else "misses")

    def stats(self) -> dict[str, Any]:
        """Entries, per-model counts, hits, misses and file size."""
        if not self.path.exists():
            return {"path": str(self.path), "entries": 0, "hits": 0, "misses": 0,
                    "size_bytes": 0, "models": {}}
        with self._session() as conn:
            entries = conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
            models = dict(conn.execute(
                "SELECT model, COUNT(*) FROM responses GROUP BY model ORDER BY model").fetchall())
            counters = dict(conn.execute("SELECT name, value FROM counters").fetchall())
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*"))
        return {"path": str(self.path), "entries": int(entries),
                "hits": int(counters.get("hits", 0)), "misses": int(counters.get("misses", 0)),
                "size_bytes": int(size), "models": models}

    def clear(self) -> int:
        """Delete every entry and reset the counters; returns how many entries were removed."""
        if not self.path.exists():
            return 0
        with self._session() as conn:
            n = conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0]
            conn.execute("DELETE FROM responses")
            conn.execute("DELETE FROM counters")
        with self._lock:
            conn = self._connect()
            try:
                conn.execute("VACUUM")  # why: give the disk space back
            finally:
                conn.close()
        return int(n)


class CachedLLM(WrappedLLM):
    """Wraps any :class:`~kgmem.llm.base.LLM` with the persistent cache (same interface).

    ``hits``/``misses`` count this wrapper's own lookups; the SQLite counters count everyone's.
    """

    def __init__(self, inner: LLM, cache: LLMCache) -> None:
        super().__init__(inner)
        self.cache = cache
        self.hits = 0
        self.misses = 0

    def _complete(self, request: CompletionRequest) -> LLMResult:
        """Serve from the cache when the same request was answered before, else call through."""
        schema, prompt_version = request.schema, request.prompt_version
        key = cache_key(self.model, prompt_version, request.messages, schema, request.temperature,
                        request.max_tokens, request.stop)
        entry = self.cache.get(key)
        if entry is not None:
            parsed: BaseModel | None = None
            valid = True
            if schema is not None:
                from kgmem.llm.structured import parse_structured

                parsed, error = parse_structured(entry["text"], schema)
                valid = parsed is not None
            if valid:
                self.hits += 1
                self.cache.record(hit=True)
                return LLMResult(text=entry["text"], parsed=parsed,
                                 prompt_tokens=entry["prompt_tokens"],
                                 completion_tokens=entry["completion_tokens"],
                                 latency_s=0.0, cached=True, attempts=0, model=self.model,
                                 extra={"cache_key": key})
        self.misses += 1
        self.cache.record(hit=False)
        result = request.send(self.inner)
        self.cache.put(key, self.model, prompt_version, result)
        result.extra.setdefault("cache_key", key)
        return result
