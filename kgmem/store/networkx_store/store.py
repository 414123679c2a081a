"""The embedded :class:`~kgmem.store.base.MemoryStore`: validated atomic writes, reads and the
search primitives (exact cosine, BM25, neighbours) over one user's graph.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

import networkx as nx
import numpy as np

from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Turn
from kgmem.store.base import (
    EmbeddingDimensionError,
    FactFilter,
    Hit,
    NodeKind,
    StoreError,
    StoreStats,
)
from kgmem.store.networkx_store.diskformat import _read_header_loosely
from kgmem.store.networkx_store.files import _COUNT_KEYS, _SEARCH_KINDS, _stamp
from kgmem.store.networkx_store.graph import _clone, _commit, _UserGraph
from kgmem.store.networkx_store.persist import _PersistedGraphs
from kgmem.store.networkx_store.postings import postings_path
from kgmem.store.validate import check_against, check_dim, dim_message, plan_write


class NetworkxStore(_PersistedGraphs):
    """Embedded :class:`~kgmem.store.base.MemoryStore`: networkx graphs persisted per user."""

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

    def apply_many(self, writes: Sequence[SessionWrite]) -> None:
        """Write many sessions in order: per user under :meth:`batch` (one file write per user).

        A rejected write raises its :class:`StoreError` after the user's earlier writes of the
        batch were persisted; a failure to persist carries ``fatal = True``."""
        by_user: dict[str, list[SessionWrite]] = {}
        for w in writes:
            by_user.setdefault(w.user_id, []).append(w)
        for user_id, user_writes in by_user.items():
            rejected: StoreError | None = None
            try:
                with self.batch(user_id):
                    for w in user_writes:
                        try:
                            self.apply(w)
                        except StoreError as exc:
                            rejected = exc
                            raise
            except StoreError as exc:
                if exc is not rejected:
                    exc.fatal = True  # persisting the batch failed (disk full)
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
                with contextlib.suppress(FileNotFoundError):
                    postings_path(self._path(user_id)).unlink()
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
            candidates = state.select("turn", ids)
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
            chosen = state.select("entity", ids)
            return [_clone(state.obj(i)) for i in sorted(chosen)]

    def facts(self, user_id: str, flt: FactFilter | None = None) -> list[Fact]:
        """Facts matching ``flt``, sorted by (observed_at, id)."""
        flt = flt or FactFilter()
        with self._mutex:
            state = self._state(user_id)
            chosen = state.select("fact", flt.ids)
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
            index = self._text_index(self._state(user_id), kind)
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
