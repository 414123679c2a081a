"""The embedded store: one ``networkx.MultiDiGraph`` per user namespace, persisted to disk.

On-disk layout under ``root`` (``settings.store_dir / "networkx"``)::

    index.json                 user ids → file, counts; the store's embedding dimension
    <slug>-<sha16>.kgnx        one file per user (versioned format, see below)
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
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx
import numpy as np
from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError

from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Turn
from kgmem.store.base import (
    EmbeddingDimensionError,
    FactFilter,
    Hit,
    NodeKind,
    StoreError,
    StoreStats,
)
from kgmem.store.textindex import BM25Index, entity_document
from kgmem.store.validate import check_against, check_dim, dim_message, plan_write

FORMAT_NAME = "kgmem-networkx"
FORMAT_VERSION = 1
INDEX_FORMAT_NAME = "kgmem-networkx-index"
INDEX_FORMAT_VERSION = 1
USER_FILE_SUFFIX = ".kgnx"
LOCK_TIMEOUT_S = 120.0

_SEARCH_KINDS: tuple[NodeKind, ...] = ("turn", "fact", "entity")
_MODEL_BY_KIND: dict[str, type[BaseModel]] = {
    "session": Session,
    "turn": Turn,
    "entity": Entity,
    "fact": Fact,
}
_COUNT_KEYS = ("sessions", "turns", "entities", "facts", "supersessions")

M = TypeVar("M", bound=BaseModel)


def user_file_name(user_id: str) -> str:
    """A filesystem-safe, collision-free file name for a user id (readable slug + hash)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", user_id).strip("._")[:48] or "user"
    digest = hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:16]
    return f"{slug}-{digest}{USER_FILE_SUFFIX}"


def _fsync_dir(path: Path) -> None:
    # makes the rename itself durable; some filesystems refuse O_RDONLY fsync on dirs
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # directory fsync is unsupported here (e.g. some network filesystems)
    finally:
        os.close(fd)


def _atomic_write(path: Path, parts: Iterator[bytes]) -> None:
    """Write ``parts`` to ``path`` atomically: temp file in the same folder, fsync, replace."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for part in parts:
                fh.write(part)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        # the previous file stays untouched; only our temp file goes
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


# --------------------------------------------------------------------------- per-user state


@dataclass
class _UserGraph:
    """One user's graph, embeddings and derived search caches (in memory)."""

    user_id: str
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    vectors: dict[str, dict[str, np.ndarray]] = field(
        default_factory=lambda: {kind: {} for kind in _SEARCH_KINDS}
    )
    stamp: tuple[int, int, int] | None = None
    #: random id of the persisted version (in the file header); disambiguates equal stamps
    write_id: str = ""
    dirty: bool = False
    _matrices: dict[str, tuple[list[str], np.ndarray]] = field(default_factory=dict)
    _text: dict[str, BM25Index] = field(default_factory=dict)
    _ids: dict[str, list[str]] = field(default_factory=dict)

    # -- derived data ----------------------------------------------------------------------
    def invalidate_caches(self) -> None:
        self._matrices.clear()
        self._text.clear()
        self._ids.clear()

    def dim(self) -> int | None:
        for kind in _SEARCH_KINDS:
            for vec in self.vectors[kind].values():
                return int(vec.shape[0])
        return None

    def matrix(self, kind: str) -> tuple[list[str], np.ndarray]:
        """Row-normalised float32 matrix of one node kind (ids sorted), rebuilt lazily."""
        cached = self._matrices.get(kind)
        if cached is None:
            vecs = self.vectors[kind]
            ids = sorted(vecs)
            if ids:
                mat = np.ascontiguousarray(np.stack([vecs[i] for i in ids]), dtype=np.float32)
                norms = np.linalg.norm(mat, axis=1, keepdims=True)
                # a zero vector scores 0 against everything instead of producing NaN
                norms[norms == 0.0] = 1.0
                mat /= norms
            else:
                mat = np.zeros((0, 0), dtype=np.float32)
            cached = (ids, mat)
            self._matrices[kind] = cached
        return cached

    def text_index(self, kind: str) -> BM25Index:
        cached = self._text.get(kind)
        if cached is None:
            docs: list[tuple[str, str]] = []
            for node_id in sorted(self.ids_of(kind)):
                obj = self.graph.nodes[node_id]["obj"]
                if kind == "turn":
                    docs.append((node_id, obj.text))
                elif kind == "fact":
                    docs.append((node_id, obj.text))
                else:
                    docs.append((node_id, entity_document(obj.name, obj.aliases)))
            cached = BM25Index(docs)
            self._text[kind] = cached
        return cached

    # -- lookups ---------------------------------------------------------------------------
    def kind_of(self, node_id: str) -> str | None:
        if node_id not in self.graph:
            return None
        return str(self.graph.nodes[node_id]["kind"])

    def ids_of(self, kind: str) -> list[str]:
        cached = self._ids.get(kind)
        if cached is None:
            cached = self._ids[kind] = [n for n, k in self.graph.nodes(data="kind") if k == kind]
        return list(cached)

    def obj(self, node_id: str) -> Any:
        return self.graph.nodes[node_id]["obj"]

    def counts(self) -> dict[str, int]:
        out = {key: 0 for key in _COUNT_KEYS}
        for _, kind in self.graph.nodes(data="kind"):
            key = {
                "session": "sessions",
                "turn": "turns",
                "entity": "entities",
                "fact": "facts",
            }.get(kind)
            if key:
                out[key] += 1
        out["supersessions"] = sum(
            1 for _, _, k in self.graph.edges(keys=True) if k == "SUPERSEDES"
        )
        return out

    # -- mutation helpers (used only after validation) -------------------------------------
    def upsert_node(self, node_id: str, kind: str, obj: Any) -> bool:
        g = self.graph
        if node_id in g:
            if g.nodes[node_id]["kind"] == kind and g.nodes[node_id]["obj"] == obj:
                return False
            g.nodes[node_id]["kind"] = kind
            g.nodes[node_id]["obj"] = obj
            return True
        g.add_node(node_id, kind=kind, obj=obj)
        self._ids.pop(kind, None)  # session_order() runs mid-commit and must see new nodes
        return True

    def set_edge(self, u: str, v: str, rel: str, **attrs: Any) -> bool:
        g = self.graph
        if g.has_edge(u, v, key=rel):
            data = g.edges[u, v, rel]
            if all(data.get(a) == b for a, b in attrs.items()):
                return False
            data.update(attrs)
            return True
        g.add_edge(u, v, key=rel, **attrs)
        return True

    def replace_out_edges(self, u: str, rel: str, targets: Sequence[str]) -> bool:
        g = self.graph
        current = {v for _, v, k in g.out_edges(u, keys=True) if k == rel}
        wanted = set(targets)
        for v in current - wanted:
            g.remove_edge(u, v, key=rel)
        for v in sorted(wanted - current):
            g.add_edge(u, v, key=rel)
        return current != wanted

    def session_order(self) -> list[str]:
        sessions = [(self.obj(s).started_at, s) for s in self.ids_of("session")]
        return [s for _, s in sorted(sessions)]

    def relink_sessions(self) -> bool:
        """Recompute the chronological (Session)-[:NEXT]->(Session) chain."""
        g = self.graph
        order = self.session_order()
        wanted = set(zip(order, order[1:], strict=False))
        current = {(u, v) for u, v, k in g.edges(keys=True) if k == "NEXT"}
        for u, v in current - wanted:
            g.remove_edge(u, v, key="NEXT")
        for u, v in sorted(wanted - current):
            g.add_edge(u, v, key="NEXT")
        return current != wanted


# --------------------------------------------------------------------------- file format


def _encode_user(state: _UserGraph) -> Iterator[bytes]:
    """Serialise one user's graph: header line, JSON payload, float32 vector blocks."""
    g = state.graph
    nodes: list[dict[str, Any]] = []
    for node_id in sorted(g.nodes, key=lambda n: (g.nodes[n]["kind"], n)):
        kind = g.nodes[node_id]["kind"]
        obj = g.nodes[node_id]["obj"]
        if kind == "user":
            data: dict[str, Any] = {"id": node_id}
        elif kind == "session":
            data = obj.model_dump(mode="json", exclude={"turns"})
        else:
            data = obj.model_dump(mode="json")
        nodes.append({"kind": kind, "data": data})
    edges: list[list[Any]] = []
    for u, v, rel, attrs in sorted(g.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
        enc = {a: (b.isoformat() if isinstance(b, datetime) else b) for a, b in attrs.items()}
        edges.append([u, v, rel, enc])
    vector_ids: dict[str, list[str]] = {}
    blobs: list[bytes] = []
    blocks: list[dict[str, Any]] = []
    offset = 0
    for kind in _SEARCH_KINDS:
        vecs = state.vectors[kind]
        ids = sorted(vecs)
        vector_ids[kind] = ids
        if not ids:
            continue
        mat = np.stack([vecs[i] for i in ids]).astype("<f4", copy=False)
        blob = mat.tobytes(order="C")
        blocks.append(
            {
                "kind": kind,
                "count": len(ids),
                "dim": int(mat.shape[1]),
                "offset": offset,
                "nbytes": len(blob),
            }
        )
        blobs.append(blob)
        offset += len(blob)
    payload = json.dumps(
        {"nodes": nodes, "edges": edges, "vector_ids": vector_ids},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    digest = hashlib.sha256(payload)
    for blob in blobs:
        digest.update(blob)
    header = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "user_id": state.user_id,
        "counts": state.counts(),
        "embedding_dim": state.dim(),
        "payload_bytes": len(payload),
        "vectors": blocks,
        "sha256": digest.hexdigest(),
        "write_id": state.write_id,
    }
    yield json.dumps(header, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"
    yield payload
    yield from blobs


def _parse_header(line: bytes, path: Path) -> dict[str, Any]:
    try:
        header = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StoreError(
            f"{path}: not a kgmem networkx store file (unreadable header: {exc})"
        ) from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        found = header.get("format") if isinstance(header, dict) else None
        raise StoreError(
            f"{path}: not a kgmem networkx store file (format {found!r}, expected {FORMAT_NAME!r})"
        )
    version = header.get("version")
    if version != FORMAT_VERSION:
        raise StoreError(
            f"{path}: store format {FORMAT_NAME} version {version!r} is not supported by this kgmem "
            f"(it reads version {FORMAT_VERSION}); upgrade kgmem, or delete the file and re-ingest"
        )
    return header


def _read_header_loosely(path: Path) -> dict[str, Any]:
    """The header's user id and counts, even from a newer format version (which then fails
    with a clear error only when that user is read, instead of breaking the whole store)."""
    with path.open("rb") as fh:
        line = fh.readline()
    try:
        header = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StoreError(
            f"{path}: not a kgmem networkx store file (unreadable header: {exc})"
        ) from exc
    if (
        not isinstance(header, dict)
        or header.get("format") != FORMAT_NAME
        or not isinstance(header.get("user_id"), str)
    ):
        raise StoreError(f"{path}: not a kgmem networkx store file; move it out of {path.parent}")
    return header


def _decode_user(raw: bytes, path: Path, user_id: str) -> _UserGraph:
    """Parse a user file (verifying format, version, user id and checksum)."""
    newline = raw.find(b"\n")
    if newline < 0:
        raise StoreError(f"{path}: truncated kgmem store file (no header line)")
    header = _parse_header(raw[:newline], path)
    if header.get("user_id") != user_id:
        raise StoreError(f"{path}: file belongs to user {header.get('user_id')!r}, not {user_id!r}")
    body = raw[newline + 1 :]
    if hashlib.sha256(body).hexdigest() != header.get("sha256"):
        raise StoreError(
            f"{path}: checksum mismatch (file corrupted); delete it and re-ingest {user_id!r}"
        )
    n_payload = int(header["payload_bytes"])
    try:
        payload = json.loads(body[:n_payload].decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StoreError(f"{path}: corrupted payload: {exc}") from exc

    state = _UserGraph(user_id=user_id, write_id=str(header.get("write_id", "")))
    g = state.graph
    for i, rec in enumerate(payload["nodes"]):
        kind, data = rec["kind"], rec["data"]
        if kind == "user":
            g.add_node(data["id"], kind="user", obj=None)
            continue
        model = _MODEL_BY_KIND.get(kind)
        if model is None:
            raise StoreError(f"{path}: node #{i} has unknown kind {kind!r}")
        try:
            obj = model.model_validate(data)
        except ValidationError as exc:
            raise StoreError(
                f"{path}: node #{i} ({kind} {data.get('id')!r}) is invalid: {exc}"
            ) from exc
        g.add_node(data["id"], kind=kind, obj=obj)
    for u, v, rel, attrs in payload["edges"]:
        if rel == "SUPERSEDES" and "at" in attrs:
            attrs = {**attrs, "at": datetime.fromisoformat(attrs["at"])}
        g.add_edge(u, v, key=rel, **attrs)
    blob_start = n_payload
    for block in header.get("vectors", []):
        kind, count, dim = block["kind"], int(block["count"]), int(block["dim"])
        start = blob_start + int(block["offset"])
        mat = np.frombuffer(body, dtype="<f4", count=count * dim, offset=start).reshape(count, dim)
        mat = mat.astype(np.float32)  # own, writable, native-endian copy
        ids = payload["vector_ids"][kind]
        if len(ids) != count:
            raise StoreError(f"{path}: vector block {kind!r} has {count} rows for {len(ids)} ids")
        state.vectors[kind] = {node_id: mat[row] for row, node_id in enumerate(ids)}
    return state


# --------------------------------------------------------------------------- the store


class NetworkxStore:
    """Embedded :class:`~kgmem.store.base.MemoryStore`: networkx graphs persisted per user."""

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
        try:
            _atomic_write(path, _encode_user(state))
        except OSError as exc:
            raise StoreError(f"{path}: could not write user {state.user_id!r}: {exc}") from exc
        state.stamp = _stamp(path)
        state.dirty = False
        self._update_index(state.user_id, state)

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

    # -- writes ----------------------------------------------------------------------------
    def apply(self, write: SessionWrite) -> None:
        """Write one session atomically and idempotently (durable when this returns,
        or at the end of an enclosing :meth:`batch`)."""
        user_id = write.user_id
        with self._mutex:
            if user_id in self._batch_depth:
                state = self._state(user_id)
                self._apply_to(state, write)
                return
        with self._locked(self._user_lock(user_id), f"user {user_id!r}"):
            with self._mutex:
                state = self._state(user_id)
                changed = self._apply_to(state, write)
                if changed:
                    try:
                        self._persist(state)
                    except BaseException:
                        # the file still holds the previous state; forget the in-memory change
                        self._states.pop(user_id, None)
                        raise

    def _apply_to(self, state: _UserGraph, write: SessionWrite) -> bool:
        plan = plan_write(write)
        check_against(plan, state.kind_of)
        check_dim(self.embedding_dim(), plan.dim, self._where)
        try:
            changed = _commit(state, write)
        except Exception as exc:
            # validation should make this unreachable; never keep a half-applied graph
            self._states.pop(state.user_id, None)
            raise StoreError(
                f"user {state.user_id!r}: applying session {write.session.id!r} failed midway "
                f"({exc!r}); in-memory changes since the last persisted state were discarded"
            ) from exc
        if changed:
            state.dirty = True
        return changed

    def delete_user(self, user_id: str) -> int:
        """Remove one user's file and index entry; returns the number of nodes removed."""
        with self._locked(self._user_lock(user_id), f"user {user_id!r}"):
            with self._mutex:
                try:
                    removed = int(self._state(user_id).graph.number_of_nodes())
                except StoreError:
                    # deleting is the remedy for an unreadable or newer-format file
                    header = _read_header_loosely(self._path(user_id))
                    removed = 1 + sum(
                        int(header.get("counts", {}).get(k, 0)) for k in _COUNT_KEYS[:4]
                    )
                with contextlib.suppress(FileNotFoundError):
                    self._path(user_id).unlink()
                self._states.pop(user_id, None)
                if user_id in self._load_index()["users"]:
                    self._update_index(user_id, None)
                return removed

    # -- reads -----------------------------------------------------------------------------
    def users(self) -> list[str]:
        """Every user id with data in this store, sorted."""
        with self._mutex:
            ids = set(self._load_index()["users"])
            ids.update(u for u, s in self._states.items() if s.dirty)
            return sorted(ids)

    def has_session(self, user_id: str, session_id: str) -> bool:
        with self._mutex:
            return self._state(user_id).kind_of(session_id) == "session"

    def sessions(self, user_id: str) -> list[Session]:
        """Sessions in chronological order (started_at, then id), turns omitted."""
        with self._mutex:
            state = self._state(user_id)
            return [_clone(state.obj(s)) for s in state.session_order()]

    def turns(
        self, user_id: str, ids: Sequence[str] | None = None, session_id: str | None = None
    ) -> list[Turn]:
        """Turns (all, by id, or of one session) in chronological order; unknown ids skipped."""
        with self._mutex:
            state = self._state(user_id)
            if ids is not None:
                candidates = [i for i in dict.fromkeys(ids) if state.kind_of(i) == "turn"]
            else:
                candidates = state.ids_of("turn")
            turns: list[Turn] = [state.obj(i) for i in candidates]
            if session_id is not None:
                turns = [t for t in turns if t.session_id == session_id]
            rank = {s: r for r, s in enumerate(state.session_order())}
            turns.sort(key=lambda t: (rank.get(t.session_id, len(rank)), t.session_id, t.idx, t.id))
            return [_clone(t) for t in turns]

    def entities(self, user_id: str, ids: Sequence[str] | None = None) -> list[Entity]:
        """Entities (all or by id), sorted by id; unknown ids skipped."""
        with self._mutex:
            state = self._state(user_id)
            if ids is not None:
                chosen = [i for i in dict.fromkeys(ids) if state.kind_of(i) == "entity"]
            else:
                chosen = state.ids_of("entity")
            return [_clone(state.obj(i)) for i in sorted(chosen)]

    def facts(self, user_id: str, flt: FactFilter | None = None) -> list[Fact]:
        """Facts matching ``flt``, sorted by (observed_at, id)."""
        flt = flt or FactFilter()
        with self._mutex:
            state = self._state(user_id)
            if flt.ids is not None:
                chosen = [i for i in dict.fromkeys(flt.ids) if state.kind_of(i) == "fact"]
            else:
                chosen = state.ids_of("fact")
            facts = [f for f in (state.obj(i) for i in chosen) if fact_matches(f, flt)]
            facts.sort(key=lambda f: (f.observed_at, f.id))
            return [_clone(f) for f in facts]

    def supersessions(self, user_id: str) -> list[Supersession]:
        """Every SUPERSEDES edge of the user, sorted by (at, new, old)."""
        with self._mutex:
            state = self._state(user_id)
            out = [
                Supersession(user_id=user_id, new_fact_id=u, old_fact_id=v, at=data["at"])
                for u, v, k, data in state.graph.edges(keys=True, data=True)
                if k == "SUPERSEDES"
            ]
            out.sort(key=lambda s: (s.at, s.new_fact_id, s.old_fact_id))
            return out

    def supersession_chain(self, user_id: str, fact_id: str) -> list[Fact]:
        """The facts linked to ``fact_id`` through SUPERSEDES edges (either way), newest first."""
        with self._mutex:
            state = self._state(user_id)
            if state.kind_of(fact_id) != "fact":
                return []
            g = state.graph
            seen = {fact_id}
            todo = [fact_id]
            while todo:
                node = todo.pop()
                linked = [v for _, v, k in g.out_edges(node, keys=True) if k == "SUPERSEDES"]
                linked += [u for u, _, k in g.in_edges(node, keys=True) if k == "SUPERSEDES"]
                for other in linked:
                    if other not in seen:
                        seen.add(other)
                        todo.append(other)
            sub = nx.DiGraph()
            sub.add_nodes_from(seen)
            sub.add_edges_from(
                (u, v) for u, v, k in g.edges(seen, keys=True) if k == "SUPERSEDES" and v in seen
            )
            newest_first = sorted(seen, key=lambda i: (state.obj(i).observed_at, i), reverse=True)
            rank = {fid: r for r, fid in enumerate(newest_first)}
            try:
                # newer → older edges: a topological order is newest first; time breaks ties
                order = list(nx.lexicographical_topological_sort(sub, key=lambda n: rank[n]))
            except nx.NetworkXUnfeasible:
                order = newest_first  # a cycle (bad data): fall back to observed time
            return [_clone(state.obj(i)) for i in order]

    def neighbours(self, user_id: str, node_id: str) -> list[str]:
        """Ids one relationship away in either direction (any relationship type), sorted."""
        with self._mutex:
            g = self._state(user_id).graph
            if node_id not in g:
                return []
            out = set(g.successors(node_id)) | set(g.predecessors(node_id))
            out.discard(node_id)
            return sorted(out)

    # -- search primitives -----------------------------------------------------------------
    def vector_search(
        self, user_id: str, kind: NodeKind, vector: Sequence[float], k: int
    ) -> list[Hit]:
        """Exact top-k by cosine similarity among the user's ``kind`` nodes; ties by id."""
        _check_kind(kind)
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        with self._mutex:
            ids, mat = self._state(user_id).matrix(kind)
        stored = self.embedding_dim()
        if stored is not None and query.shape[0] != stored:
            raise EmbeddingDimensionError(dim_message(stored, int(query.shape[0]), self._where))
        if k <= 0 or not ids:
            return []
        norm = float(np.linalg.norm(query))
        if norm == 0.0 or not np.isfinite(norm):
            raise StoreError("vector_search: query vector is zero or not finite")
        # einsum's own loop, not BLAS: multithreaded OpenBLAS gemv stalls for ms on busy cores
        scores = np.einsum("ij,j->i", mat, query / norm)
        n = len(ids)
        if k < n:
            kth = np.partition(scores, n - k)[n - k]
            cand = np.flatnonzero(scores >= kth)
        else:
            cand = np.arange(n)
        # rows are in id order, so a stable sort on -score breaks ties by id
        order = cand[np.argsort(-scores[cand], kind="stable")][:k]
        return [Hit(id=ids[i], score=float(scores[i])) for i in order]

    def text_search(self, user_id: str, kind: NodeKind, query: str, k: int) -> list[Hit]:
        """Top-k BM25 keyword matches among the user's ``kind`` nodes (score > 0)."""
        _check_kind(kind)
        with self._mutex:
            index = self._state(user_id).text_index(kind)
        return [Hit(id=i, score=s) for i, s in index.search(query, k)]

    def stats(self, user_id: str | None = None) -> StoreStats:
        """Node/edge counts, totals and per user (from the index; live for loaded users)."""
        with self._mutex:
            index_users: dict[str, Any] = self._load_index()["users"]
            wanted = [user_id] if user_id is not None else self.users()
            per_user: dict[str, dict[str, int]] = {}
            for uid in wanted:
                state = self._states.get(uid)
                if state is not None and (state.dirty or state.stamp == _stamp(self._path(uid))):
                    if state.graph.number_of_nodes():
                        per_user[uid] = state.counts()
                elif uid in index_users:
                    per_user[uid] = {
                        k: int(index_users[uid]["counts"].get(k, 0)) for k in _COUNT_KEYS
                    }
            return StoreStats.from_per_user(per_user)


# --------------------------------------------------------------------------- pure helpers


def _clone(obj: M) -> M:
    """A copy callers may mutate freely: shallow model copy plus fresh list fields
    (a deep copy costs ~30x more and strings are immutable anyway)."""
    copy = obj.model_copy()
    for name, value in copy.__dict__.items():
        if isinstance(value, list):
            copy.__dict__[name] = list(value)
    return copy


def _check_kind(kind: str) -> None:
    if kind not in _SEARCH_KINDS:
        raise StoreError(f"unknown node kind {kind!r}; expected one of {', '.join(_SEARCH_KINDS)}")


def fact_matches(fact: Fact, flt: FactFilter) -> bool:
    """The :class:`FactFilter` semantics shared by every backend (bounds inclusive)."""
    if flt.subject_id is not None and fact.subject_id != flt.subject_id:
        return False
    if flt.predicate is not None and fact.predicate != flt.predicate:
        return False
    if flt.object_id is not None and fact.object_id != flt.object_id:
        return False
    if flt.session_id is not None and fact.session_id != flt.session_id:
        return False
    if flt.observed_from is not None and fact.observed_at < flt.observed_from:
        return False
    if flt.observed_to is not None and fact.observed_at > flt.observed_to:
        return False
    if flt.valid_at is not None:
        # unknown bounds are open: a fact with no validity interval is valid at any time
        if fact.valid_from is not None and fact.valid_from > flt.valid_at:
            return False
        if fact.valid_to is not None and fact.valid_to < flt.valid_at:
            return False
    if flt.as_of is not None:
        if fact.observed_at > flt.as_of:
            return False
        if fact.invalid_at is not None and fact.invalid_at <= flt.as_of:
            return False
    if flt.current_only and fact.invalid_at is not None:
        return False
    return True


def _commit(state: _UserGraph, write: SessionWrite) -> bool:
    """Apply a validated SessionWrite to the in-memory graph; returns whether anything changed."""
    uid = write.user_id
    changed = False
    if uid not in state.graph:
        state.graph.add_node(uid, kind="user", obj=None)
        changed = True
    session = write.session.model_copy(update={"turns": []}, deep=True)
    changed |= state.upsert_node(session.id, "session", session)
    changed |= state.set_edge(session.id, uid, "OF_USER")
    for turn in write.session.turns:
        changed |= state.upsert_node(turn.id, "turn", _clone(turn))
        changed |= state.replace_out_edges(turn.id, "IN_SESSION", [turn.session_id])
    for ent in write.entities:
        changed |= state.upsert_node(ent.id, "entity", _clone(ent))
    for fact in write.facts:
        old = state.obj(fact.id) if state.kind_of(fact.id) == "fact" else None
        if old is not None and old.invalid_at is not None and fact.invalid_at is None:
            # re-applying an earlier session must not erase a later invalidation
            fact = fact.model_copy(update={"invalid_at": old.invalid_at})
        changed |= state.upsert_node(fact.id, "fact", _clone(fact))
        changed |= state.replace_out_edges(fact.id, "SUBJECT", [fact.subject_id])
        changed |= state.replace_out_edges(
            fact.id, "OBJECT", [fact.object_id] if fact.object_id else []
        )
        changed |= state.replace_out_edges(fact.id, "FROM_TURN", fact.source_turn_ids)
    for sup in write.retracted_supersessions:
        # removed before the additions, so a write may re-link an edge with a new `at`
        if state.graph.has_edge(sup.new_fact_id, sup.old_fact_id, key="SUPERSEDES"):
            state.graph.remove_edge(sup.new_fact_id, sup.old_fact_id, key="SUPERSEDES")
            changed = True
    for sup in write.supersessions:
        changed |= state.set_edge(sup.new_fact_id, sup.old_fact_id, "SUPERSEDES", at=sup.at)
    for fid, at in write.invalidations.items():
        fact = state.obj(fid)
        if fact.invalid_at != at:
            state.graph.nodes[fid]["obj"] = fact.model_copy(update={"invalid_at": at})
            changed = True
    for field_name, kind in (
        ("turn_embeddings", "turn"),
        ("fact_embeddings", "fact"),
        ("entity_embeddings", "entity"),
    ):
        store = state.vectors[kind]
        for node_id, values in getattr(write, field_name).items():
            vec = np.asarray(values, dtype=np.float32).reshape(-1)
            if node_id not in store or not np.array_equal(store[node_id], vec):
                store[node_id] = vec
                changed = True
    changed |= state.relink_sessions()
    if changed:
        state.invalidate_caches()
    return changed
