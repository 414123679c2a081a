"""Extraction cache: one row per (unique session content, extractor key) in SQLite.

Haystacks built like LongMemEval's reuse filler sessions, so the same content recurs across
namespaces. The key is the session content digest (:func:`kgmem.ids.session_content_digest`) and
the extractor's ``cache_key`` (tier, model, prompt/rules version). Times are stored as the text
the session said them in *and* re-resolved against each session's own date on read, because the
same content may be dated differently in two haystacks.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kgmem.extraction.schema import ExtractionResult
from kgmem.localdb import LocalDB
from kgmem.temporal import resolve_time

CACHE_FILENAME = "extraction.sqlite"


class ExtractionCache:
    """SQLite-backed cache of :class:`ExtractionResult` (safe across threads and processes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        self._db = LocalDB(path, "CREATE TABLE IF NOT EXISTS extraction (digest TEXT, extractor TEXT, "
                                 "result TEXT, PRIMARY KEY (digest, extractor))")

    def get(self, digest: str, extractor: str, session_date: datetime) -> ExtractionResult | None:
        """The cached result re-dated to ``session_date``, or None."""
        row = self._db.conn().execute(
            "SELECT result FROM extraction WHERE digest = ? AND extractor = ?", (digest, extractor)
        ).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            result = ExtractionResult.model_validate_json(row[0])
        except ValueError:
            # a row written by an incompatible version: treat as a miss and overwrite later
            self.misses += 1
            return None
        self.hits += 1
        return redate(result, session_date)

    def put(self, digest: str, extractor: str, result: ExtractionResult) -> None:
        """Store a result (never one that fell back from a failed LLM call: retry it later)."""
        if result.fallback_reason:
            return
        conn = self._db.conn()
        with conn:
            conn.execute("INSERT OR REPLACE INTO extraction (digest, extractor, result) VALUES (?, ?, ?)",
                         (digest, extractor, result.model_dump_json()))

    def clear(self) -> int:
        conn = self._db.conn()
        with conn:
            n = conn.execute("DELETE FROM extraction").rowcount
        return int(n)


def redate(result: ExtractionResult, session_date: datetime) -> ExtractionResult:
    """Re-resolve each candidate's time text against ``session_date``."""
    out = result.model_copy(deep=True)
    day = datetime(session_date.year, session_date.month, session_date.day)
    for f in out.facts:
        if f.time_text:
            r = resolve_time(f.time_text, session_date)
            if r is not None:
                is_interval = f.valid_to is not None
                f.valid_from, f.granularity = r.point, r.granularity
                f.valid_to = r.end if is_interval else None
        elif f.valid_from is not None and f.granularity == "day":
            f.valid_from = day  # dated to the session itself ("I just moved…")
    return out
