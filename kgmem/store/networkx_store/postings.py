"""The keyword indexes of a user file, cached next to it (``<user file>.bm25``).

A user's first question used to build its three BM25 indexes (turns, facts, entities) from the
texts: ~50 ms per 500 long turns on an idle core, several times that on a busy machine. The
postings are saved beside the user file and loaded back instead. The cache is keyed by the user
file's body checksum (its header's ``sha256``) and :data:`kgmem.text.TOKENIZER_KEY`: a cache
written for another version of the file, or under another tokenizer, is ignored and rebuilt, so
the scores are always those of an index built from the stored texts. A missing, stale or damaged
cache is never an error (the index is built as before); a store written before this cache
existed simply gets one on its first question.

Layout: one JSON header line (format, version, key, per kind the document/term/posting counts),
then per kind the vocabulary (``\\n``-joined words, in term-id order) and four little-endian int32
arrays (document lengths, posting rows, term frequencies, term starts); a CRC-32 of the body.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zlib
from pathlib import Path
from typing import Any

import numpy as np

from kgmem.text import TOKENIZER_KEY, BM25Index, BM25Parts

POSTINGS_FORMAT = "kgmem-networkx-postings"
POSTINGS_VERSION = 1
POSTINGS_SUFFIX = ".bm25"

_I4 = np.dtype("<i4")


def postings_path(user_file: Path) -> Path:
    """Where the keyword-index cache of ``user_file`` lives."""
    return user_file.with_name(user_file.name + POSTINGS_SUFFIX)


def encode_postings(store_key: str, indexes: dict[str, BM25Index]) -> bytes:
    """The cache file for ``indexes`` (kind → index) of the user file whose body hash is ``store_key``."""
    blobs: list[bytes] = []
    kinds: list[dict[str, Any]] = []
    for kind, index in indexes.items():
        parts = index.parts()
        vocab = "\n".join(parts.vocab).encode("utf-8")
        arrays = [np.asarray(a, dtype=_I4).tobytes() for a in (parts.lengths, parts.rows, parts.tfs, parts.starts)]
        kinds.append({"kind": kind, "docs": len(parts.ids), "terms": len(parts.vocab), "postings": len(parts.rows),
                      "vocab_bytes": len(vocab), "k1": index.k1, "b": index.b})
        blobs += [vocab, *arrays]
    body = b"".join(blobs)
    header = {"format": POSTINGS_FORMAT, "version": POSTINGS_VERSION, "tokenizer": TOKENIZER_KEY,
              "store_sha256": store_key, "kinds": kinds, "body_bytes": len(body), "crc32": zlib.crc32(body)}
    return json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + body


def decode_postings(raw: bytes, store_key: str, ids: dict[str, list[str]]) -> dict[str, BM25Index] | None:
    """The indexes in ``raw`` when it was written for this user file (``store_key``) under this
    tokenizer and holds one index per kind of ``ids`` (kind → the document ids, sorted); else None."""
    newline = raw.find(b"\n")
    try:
        header = json.loads(raw[:newline])
        if (not isinstance(header, dict) or header.get("format") != POSTINGS_FORMAT
                or header.get("version") != POSTINGS_VERSION or header.get("tokenizer") != TOKENIZER_KEY
                or header.get("store_sha256") != store_key):
            return None
        body = memoryview(raw)[newline + 1:]
        if len(body) != header["body_bytes"] or zlib.crc32(body) != header["crc32"]:
            return None
        out: dict[str, BM25Index] = {}
        pos = 0
        for spec in header["kinds"]:
            kind, n_docs, n_terms, n_post = spec["kind"], spec["docs"], spec["terms"], spec["postings"]
            if kind not in ids or len(ids[kind]) != n_docs:
                return None
            vocab = bytes(body[pos:pos + spec["vocab_bytes"]]).decode("utf-8").split("\n") if n_terms else []
            pos += spec["vocab_bytes"]
            arrays = []
            for count in (n_docs, n_post, n_post, n_terms + 1):
                arrays.append(np.frombuffer(body, dtype=_I4, count=count, offset=pos).astype(np.int64))
                pos += count * _I4.itemsize
            out[kind] = BM25Index.from_parts(BM25Parts(ids[kind], vocab, *arrays), spec["k1"], spec["b"])
        return out if set(out) == set(ids) else None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None  # a damaged or foreign cache: rebuilt from the texts


def read_postings(path: Path, store_key: str, ids: dict[str, list[str]]) -> dict[str, BM25Index] | None:
    """The cached indexes of a user file, or None (no cache, stale, damaged, unreadable)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    return decode_postings(raw, store_key, ids)


def write_postings(path: Path, store_key: str, indexes: dict[str, BM25Index]) -> None:
    """Replace the cache file atomically; best effort (a cache that cannot be written is skipped).

    Not fsynced: a torn file after a crash fails its length or CRC check and is rebuilt."""
    data = encode_postings(store_key, indexes)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
