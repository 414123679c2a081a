"""Parses kept on disk: a sentence parsed at ingest is read back, not parsed again, by the first
question that reads it.

A first question reads a few of the user's sentences with the parser (whose doing is this line,
is it a plan or a booking); each parse costs ~5-10 ms and a read of the stored parse ~0.3 ms.
Ingest reads those sentences as a question would (:func:`kgmem.answer.parse_prime.prime_parses`) and
keeps them here, like the embedding cache keeps sentence vectors. Keyed by the text's content hash
and the pipeline (model name and version, spaCy version): another model or a changed sentence is
simply parsed when asked. The annotations are kept (tags, lemmas, the dependency tree, entities,
sentence starts), not the model's internal tensor, which kgmem never reads.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgmem.localdb import LocalDB

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

_log = logging.getLogger(__name__)

#: the file under the kgmem cache folder
PARSE_CACHE_FILENAME = "parses.sqlite"
#: what a kept parse leaves out (the tensor is ~70% of a Doc's bytes; user data is per process)
_EXCLUDE = ["tensor", "user_data"]


@lru_cache(maxsize=1)
def _object_hook() -> Callable[[Any], Any] | None:
    """srsly's msgpack decoders chained as ``srsly.msgpack_loads`` chains them on every call (it
    asks its registry, ~2 ms a call, each time): the same decoders, asked once."""
    from srsly.msgpack import msgpack_decoders

    hook: Callable[[Any], Any] | None = None
    for decoder in msgpack_decoders.get_all().values():
        hook = functools.partial(decoder, chain=hook)
    return hook


@lru_cache(maxsize=1)
def _unpacker() -> Callable[[bytes], Any]:
    """srsly's msgpack reader with the decoders looked up once: the vendored ``unpackb`` behind its
    public wrapper (a private name of srsly 2, pinned ``<3`` in pyproject.toml). Should a release drop
    it, the public ``srsly.msgpack_loads`` reads the same dict, only slower (~2 ms a parse)."""
    try:
        from srsly.msgpack import _unpackb
    except ImportError:
        import srsly

        _log.warning("srsly.msgpack._unpackb is gone: stored parses are read with srsly.msgpack_loads (slower)")
        return functools.partial(srsly.msgpack_loads, use_list=True)
    return functools.partial(_unpackb, raw=False, use_list=True, object_hook=_object_hook())


def _unpack(data: bytes) -> Any:
    """What ``Doc.from_bytes`` reads before ``Doc.from_dict`` (``srsly.msgpack_loads``), with the
    decoders looked up once (latency, issue #14; tests/unit/test_parse_cache.py compares the docs)."""
    return _unpacker()(data)


class ParseCache:
    """Content-hash → serialized spaCy ``Doc`` in SQLite, keyed by pipeline (safe across processes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: LocalDB | None = None  # opened on first use: a home that never parsed gets no file

    def _open(self, create: bool) -> LocalDB | None:
        if self._db is None and (create or self.path.exists()):
            self._db = LocalDB(self.path, "CREATE TABLE IF NOT EXISTS parse (pipeline TEXT, key TEXT, doc BLOB,"
                                          " PRIMARY KEY (pipeline, key))")
        return self._db

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, pipeline: str, texts: Sequence[str], vocab: Vocab) -> dict[str, Doc]:
        """The kept parses of ``texts`` (those found), by text."""
        from spacy.tokens import Doc

        by_key = {self.key(t): t for t in texts}
        keys = list(by_key)
        out: dict[str, Doc] = {}
        try:
            db = self._open(create=False)
            if db is None or not texts:
                return {}
            conn = db.conn()
            for start in range(0, len(keys), 500):
                chunk = keys[start: start + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(f"SELECT key, doc FROM parse WHERE pipeline = ? AND key IN ({marks})",
                                    [pipeline, *chunk]).fetchall()
                for key, blob in rows:
                    out[by_key[key]] = Doc(vocab).from_dict(_unpack(zlib.decompress(blob)))
        except (sqlite3.Error, zlib.error, ValueError):
            # a cache only: a file gone with its home, unreadable or damaged means "parse it"
            _log.debug("parse cache %s unreadable; parsing instead", self.path, exc_info=True)
        return out

    def put_many(self, pipeline: str, docs: dict[str, Doc]) -> None:
        """Keep these parses (by their text)."""
        if not docs:
            return
        rows = [(pipeline, self.key(t), zlib.compress(d.to_bytes(exclude=_EXCLUDE), 1)) for t, d in docs.items()]
        try:
            db = self._open(create=True)
            assert db is not None
            conn = db.conn()
            with conn:
                conn.executemany("INSERT OR REPLACE INTO parse (pipeline, key, doc) VALUES (?, ?, ?)", rows)
        except (sqlite3.Error, OSError):
            # ingest has stored the memory already; a first question will parse what is not kept
            _log.warning("could not keep %d parses in %s", len(rows), self.path, exc_info=True)
