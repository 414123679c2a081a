"""The embedded store: one ``networkx.MultiDiGraph`` per user namespace, persisted to disk.

On-disk layout under ``root`` (``settings.store_dir / "networkx"``)::

    index.json                 user ids → file, counts; the store's embedding dimension
    <slug>-<sha16>.kgnx        one file per user (versioned format, see below)
    <slug>-<sha16>.kgnx.bm25   its keyword postings (a cache keyed by the user file's checksum, see
                               ``postings``; written by the first question, rebuilt when stale)
    locks/<file>.lock          one lock per user file (and ``index.lock``) against concurrent writers

A user file is one JSON header line (format name, version, user id, counts, payload length,
vector blocks, sha256 of the body) followed by a UTF-8 JSON payload (nodes with their kind and
model fields, edges with their type) and the embeddings as raw little-endian float32 matrices.
Files are written atomically (temp file in the same folder, fsync, ``os.replace``), so a reader
sees either the previous or the next complete file, never half of one.

Writes take the user's file lock, reload the file when another process changed it, validate the
whole :class:`SessionWrite` before touching anything, apply it in memory and persist. Inside
``with store.batch(user_id):`` the lock is held for the whole block and the file is written once
at the end — the fast path for ingesting a 50-session haystack.

Package layout: ``files`` (layout constants, atomic writes), ``diskformat`` (the user-file
format), ``graph`` (one user's graph in memory and the commit of a write), ``postings`` (the keyword-index
cache beside a user file), ``persist`` (locks,
index, loading and persisting), ``store`` (the :class:`NetworkxStore` contract: writes, reads,
search).
"""

from kgmem.store.networkx_store.files import (
    FORMAT_NAME,
    FORMAT_VERSION,
    INDEX_FORMAT_NAME,
    INDEX_FORMAT_VERSION,
    LOCK_TIMEOUT_S,
    USER_FILE_SUFFIX,
    user_file_name,
)
from kgmem.store.networkx_store.store import NetworkxStore, fact_matches

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "INDEX_FORMAT_NAME", "INDEX_FORMAT_VERSION", "LOCK_TIMEOUT_S",
           "USER_FILE_SUFFIX", "NetworkxStore", "fact_matches", "user_file_name"]
