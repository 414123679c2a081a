"""The store's files: per-user locks, the index, loading user graphs (reloading when another
process replaced a file), persisting them, batches and the stored embedding dimension.
"""

from __future__ import annotations

import contextlib
import gc
import json
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from kgmem.store.base import (
    EmbeddingDimensionError,
    StoreError,
)
from kgmem.store.networkx_store.diskformat import _decode_user, _encode_user, _read_header_loosely
from kgmem.store.networkx_store.files import (
    _SEARCH_KINDS,
    INDEX_FORMAT_NAME,
    INDEX_FORMAT_VERSION,
    LOCK_TIMEOUT_S,
    USER_FILE_SUFFIX,
    _atomic_write,
    _stamp,
    user_file_name,
)
from kgmem.store.networkx_store.graph import _UserGraph
from kgmem.store.networkx_store.postings import postings_path, read_postings, write_postings
from kgmem.store.validate import dim_message
from kgmem.text import BM25Index


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a user file is decoded.

    why: decoding allocates ~20k objects (JSON values, models, graph dicts), which triggers dozens
    of collections; in a process holding models and 32 loaded users each older-generation pass walks
    hundreds of thousands of objects (a store load took 25-50 ms with collections, ~10 ms without).
    The decoded graph holds no garbage cycles; collection resumes right after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _PersistedGraphs:
    """The files side of the store: paths, locks, the index, loading and persisting user graphs."""

    def __init__(self, root: Path, max_cached_users: int = 32) -> None:
        """Open (creating if needed) the store under ``root``; keep at most
        ``max_cached_users`` users' graphs in memory (least recently used are dropped)."""
        self.root = Path(root)
        self._where = f"the store at {self.root}"  # how messages name this store
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "locks").mkdir(exist_ok=True)
        self._index_path = self.root / "index.json"
        self._index_lock = FileLock(str(self.root / "locks" / "index.lock"), timeout=LOCK_TIMEOUT_S)
        self._index: dict[str, Any] = {}
        self._index_stamp: tuple[int, int, int] | None = None
        self._states: OrderedDict[str, _UserGraph] = OrderedDict()
        self.max_cached_users = max_cached_users
        self._paths: dict[str, Path] = {}
        self._locks: dict[str, FileLock] = {}
        self._batch_depth: dict[str, int] = {}
        self._mutex = threading.RLock()
        self._reconcile_index()

    # -- paths, locks, index ---------------------------------------------------------------
    def _path(self, user_id: str) -> Path:
        path = self._paths.get(user_id)
        if path is None:
            path = self._paths[user_id] = self.root / user_file_name(user_id)
        return path

    def _user_lock(self, user_id: str) -> FileLock:
        lock = self._locks.get(user_id)
        if lock is None:
            lock_path = self.root / "locks" / (user_file_name(user_id) + ".lock")
            lock = FileLock(str(lock_path), timeout=LOCK_TIMEOUT_S)
            self._locks[user_id] = lock
        return lock

    @contextlib.contextmanager
    def _locked(self, lock: FileLock, what: str) -> Iterator[None]:
        try:
            lock.acquire()
        except Timeout as exc:
            raise StoreError(
                f"{what}: another kgmem process has held the lock {lock.lock_file} for over "
                f"{LOCK_TIMEOUT_S:.0f}s"
            ) from exc
        try:
            yield
        finally:
            lock.release()

    def _load_index(self) -> dict[str, Any]:
        stamp = _stamp(self._index_path)
        if stamp is None:
            self._index = {
                "format": INDEX_FORMAT_NAME,
                "version": INDEX_FORMAT_VERSION,
                "embedding_dim": None,
                "users": {},
            }
            self._index_stamp = None
            return self._index
        if stamp != self._index_stamp:
            try:
                data = json.loads(self._index_path.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise StoreError(f"{self._index_path}: unreadable store index: {exc}") from exc
            if data.get("format") != INDEX_FORMAT_NAME:
                raise StoreError(f"{self._index_path}: not a kgmem networkx store index")
            if data.get("version") != INDEX_FORMAT_VERSION:
                raise StoreError(
                    f"{self._index_path}: store index version {data.get('version')!r} is not "
                    f"supported by this kgmem (it reads version {INDEX_FORMAT_VERSION}); upgrade kgmem"
                )
            self._index, self._index_stamp = data, stamp
        return self._index

    def _write_index(self, index: dict[str, Any]) -> None:
        body = json.dumps(index, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        try:
            _atomic_write(self._index_path, iter([body]))
        except OSError as exc:
            # the previous index stays in place; user files are the truth and are re-read
            raise StoreError(f"{self._index_path}: could not write the store index: {exc}") from exc
        self._index, self._index_stamp = index, _stamp(self._index_path)

    def _remove_stale_temps(self) -> None:
        """Delete temp files that a writer killed mid-write left behind (``.<file>.<rand>.tmp``);
        a user file's temps only while nobody holds that file's lock (no write in progress).
        Called with the index lock held, which covers the index's own temps."""
        for tmp in self.root.glob(".*.tmp"):
            target = tmp.name[1:].removesuffix(".tmp").rsplit(".", 1)[0]
            if target == self._index_path.name:
                tmp.unlink(missing_ok=True)
                continue
            lock = FileLock(str(self.root / "locks" / (target + ".lock")), timeout=0)
            try:
                lock.acquire()
            except Timeout:
                continue  # a live writer owns it
            try:
                tmp.unlink(missing_ok=True)
            finally:
                lock.release()

    def _reconcile_index(self) -> None:
        """Bring the index in line with the user files (recovers from a crash between writes)."""
        with self._locked(self._index_lock, str(self._index_path)):
            self._remove_stale_temps()
            index = json.loads(json.dumps(self._load_index()))
            users: dict[str, Any] = index["users"]
            on_disk = {p.name for p in self.root.glob(f"*{USER_FILE_SUFFIX}")}
            changed = False
            for uid in [u for u, e in users.items() if e["file"] not in on_disk]:
                del users[uid]
                changed = True
            known = {e["file"] for e in users.values()}
            for name in sorted(on_disk - known):
                header = _read_header_loosely(self.root / name)
                users[header["user_id"]] = {"file": name, "counts": header.get("counts", {})}
                if index["embedding_dim"] is None:
                    index["embedding_dim"] = header.get("embedding_dim")
                changed = True
            if not users and index["embedding_dim"] is not None:
                index["embedding_dim"] = None
                changed = True
            if changed:
                self._write_index(index)

    def _update_index(self, user_id: str, state: _UserGraph | None) -> None:
        with self._locked(self._index_lock, str(self._index_path)):
            index = json.loads(json.dumps(self._load_index()))
            if state is None:
                index["users"].pop(user_id, None)
                if not index["users"]:
                    index["embedding_dim"] = None
            else:
                index["users"][user_id] = {
                    "file": self._path(user_id).name,
                    "counts": state.counts(),
                }
                if index["embedding_dim"] is None:
                    index["embedding_dim"] = state.dim()
            self._write_index(index)

    # -- state loading and persistence -----------------------------------------------------
    def _state(self, user_id: str) -> _UserGraph:
        """The user's graph, reloaded when another process replaced its file."""
        state = self._states.get(user_id)
        if state is not None:
            self._states.move_to_end(user_id)
            if state.dirty:
                return state  # unpersisted batch changes are newer than the file
        path = self._path(user_id)
        stamp = _stamp(path)
        if state is not None and stamp == state.stamp and not self._maybe_rewritten(path, state):
            return state
        if stamp is None:
            state = _UserGraph(user_id=user_id)
        else:
            with _gc_paused():
                state = _decode_user(path.read_bytes(), path, user_id)
            state.stamp = stamp  # taken before the read: a newer file only causes a reload
        self._states[user_id] = state
        self._evict()
        return state

    @staticmethod
    def _maybe_rewritten(path: Path, state: _UserGraph) -> bool:
        """Within a coarse timestamp tick a reused inode can repeat a stamp; for files changed
        in the last 2 s, compare the header's write id as well."""
        if state.stamp is None or time.time_ns() - state.stamp[1] > 2_000_000_000:
            return False
        try:
            with path.open("rb") as fh:
                header = json.loads(fh.readline())
        except (OSError, ValueError):
            return True
        return not isinstance(header, dict) or header.get("write_id") != state.write_id

    def _evict(self) -> None:
        # bound memory over an eval of hundreds of haystacks; dirty graphs are never dropped
        excess = len(self._states) - self.max_cached_users
        for uid in [u for u, st in self._states.items() if not st.dirty][: max(excess, 0)]:
            del self._states[uid]

    def _persist(self, state: _UserGraph) -> None:
        path = self._path(state.user_id)
        state.write_id = uuid.uuid4().hex
        header: list[bytes] = []

        def parts() -> Iterator[bytes]:
            for part in _encode_user(state):
                if not header:
                    header.append(part)  # the header line: its sha256 keys the postings cache
                yield part

        try:
            _atomic_write(path, parts())
        except OSError as exc:
            raise StoreError(f"{path}: could not write user {state.user_id!r}: {exc}") from exc
        state.stamp = _stamp(path)
        state.dirty = False
        state.content_key = str(json.loads(header[0])["sha256"])
        # built once (then updated by each write) and cached beside the file, so the first question
        # after an ingest, in this process or another, reads its keyword indexes instead of building them
        indexes: dict[str, BM25Index] = {kind: state.text_index(kind) for kind in _SEARCH_KINDS}
        state.postings_checked = True
        write_postings(postings_path(path), state.content_key, indexes)
        self._update_index(state.user_id, state)

    def _text_index(self, state: _UserGraph, kind: str) -> BM25Index:
        """The user's BM25 index of ``kind``: from memory, else from the cache beside the user
        file (when it matches the file), else built from the texts (and then cached)."""
        if not state.postings_checked and not state.dirty and state.content_key:
            state.postings_checked = True
            path = postings_path(self._path(state.user_id))
            ids: dict[str, list[str]] = {k: sorted(state.ids_of(k)) for k in _SEARCH_KINDS}
            loaded = read_postings(path, state.content_key, ids)
            if loaded is not None:
                state.set_text_indexes(loaded)
            else:
                built: dict[str, BM25Index] = {k: state.text_index(k) for k in _SEARCH_KINDS}
                write_postings(path, state.content_key, built)
        return state.text_index(kind)

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Persist pending batch changes and drop in-memory caches."""
        self.flush()
        with self._mutex:
            self._states.clear()

    def flush(self) -> None:
        """Persist every user with unpersisted changes (only batches defer writes)."""
        with self._mutex:
            for state in list(self._states.values()):
                if state.dirty:
                    self._persist(state)

    @contextlib.contextmanager
    def batch(self, user_id: str) -> Iterator[None]:
        """Hold the user's lock and write its file once at the end of the block.

        Writes applied inside the block are each atomic in memory; if the block raises, the
        writes that completed are still persisted (ingest can resume from there).
        """
        with self._locked(self._user_lock(user_id), f"user {user_id!r}"):
            with self._mutex:
                self._batch_depth[user_id] = self._batch_depth.get(user_id, 0) + 1
            try:
                yield
            finally:
                with self._mutex:
                    self._batch_depth[user_id] -= 1
                    if self._batch_depth[user_id] == 0:
                        del self._batch_depth[user_id]
                        state = self._states.get(user_id)
                        if state is not None and state.dirty:
                            try:
                                self._persist(state)
                            except BaseException:
                                # the file still holds the previous state: never serve writes
                                # that did not reach the disk (a re-run redoes them)
                                self._states.pop(user_id, None)
                                raise

    def embedding_dim(self) -> int | None:
        """Dimension of stored vectors (None while the store holds none)."""
        with self._mutex:
            for state in self._states.values():
                if state.dirty and state.dim() is not None:
                    return state.dim()
            dim = self._load_index().get("embedding_dim")
            return None if dim is None else int(dim)

    def check_embedding_dim(self, dim: int) -> None:
        """Raise :class:`EmbeddingDimensionError` when stored vectors have another dimension."""
        stored = self.embedding_dim()
        if stored is not None and stored != dim:
            raise EmbeddingDimensionError(dim_message(stored, dim, self._where))
