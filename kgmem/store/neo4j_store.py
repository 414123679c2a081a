"""The server store: :class:`~kgmem.store.base.MemoryStore` on Neo4j 5.26 Community.

Writes are batched: :meth:`Neo4jStore.apply_many` writes many sessions (of any users) in one
transaction of ``UNWIND $rows`` statements, so a batch lands whole or not at all and re-applying
it changes nothing (:mod:`kgmem.store.neo4j_write`). All Cypher lives in
:mod:`kgmem.store.cypher`; the connection and its fast, one-line failures in
:mod:`kgmem.store.neo4j_driver`. Times are naive Python ``datetime`` ↔ Neo4j ``LocalDateTime``.
Vector search scores one user's nodes exactly (the 5.26 vector index cannot filter by user);
full-text search restricts Lucene to the user by a one-token ``user_key``.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Turn
from kgmem.store import cypher as q
from kgmem.store import neo4j_write
from kgmem.store.base import (
    EmbeddingDimensionError,
    FactFilter,
    Hit,
    NodeKind,
    StoreError,
    StoreStats,
)
from kgmem.store.neo4j_driver import Neo4jConnection
from kgmem.store.neo4j_write import plan_batch, user_key
from kgmem.store.validate import check_dim, check_naive, dim_message
from kgmem.text import tokenize

DEFAULT_EMBEDDING_DIM = 384
#: (user, kind) BM25 indexes kept for text_search (an eval asks one user many questions)
TEXT_CACHE_USERS = 64

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')

__all__ = ["Neo4jStore", "dim_message", "lucene_escape", "lucene_query", "user_key"]


def lucene_escape(term: str) -> str:
    """Escape Lucene query syntax characters in one term."""
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def lucene_query(user_id: str, field: str, text: str) -> str | None:
    """A Lucene query: this user's nodes whose ``field`` contains any query term.

    Terms come from :func:`kgmem.text.tokenize` (casefolded, accents stripped, stopwords
    dropped) so both backends match the same words; each is escaped and quoted, so operators
    (``AND``), quotes, colons and brackets in the text are searched, never interpreted.
    None when the text has no searchable term.
    """
    terms = list(dict.fromkeys(tokenize(text)))
    if not terms:
        return None
    ors = " ".join(f'{field}:"{lucene_escape(t)}"' for t in terms)
    return f"+user_key:{user_key(user_id)} +({ors})"


def _native(value: Any) -> Any:
    """neo4j.time values → naive Python datetimes (nanoseconds are never written by kgmem)."""
    if value is not None and hasattr(value, "to_native"):
        native = value.to_native()
        if isinstance(native, datetime) and native.tzinfo is not None:
            raise StoreError(f"Neo4j returned a zoned datetime {native!r}; kgmem stores LocalDateTime only")
        return native
    return value


def _natives(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _native(v) for k, v in row.items()}


class Neo4jStore:
    """:class:`~kgmem.store.base.MemoryStore` backed by a Neo4j 5.26 server over Bolt."""

    def __init__(
        self,
        uri: str = "bolt://127.0.0.1:7687",
        user: str = "neo4j",
        password: str | None = None,
        database: str = "neo4j",
        embedding_dim: int = DEFAULT_EMBEDDING_DIM,
        migrate: bool = True,
        connection_timeout_s: float = 2.0,
    ) -> None:
        """Connect and check the server; apply the schema when it is missing (``migrate``)."""
        self.uri = uri
        self.user = user
        self.database = database
        self._configured_dim = embedding_dim
        self._dim_cache: int | None = None
        #: (user, kind) → (document count, BM25 index) for text_search
        self._text_cache: OrderedDict[tuple[str, str], tuple[int, Any]] = OrderedDict()
        self._conn = Neo4jConnection(uri, user, password, database, connection_timeout_s=connection_timeout_s)
        self._driver = self._conn.driver
        try:
            self._conn.call(self._driver.verify_connectivity)
            if migrate:
                self.ensure_schema()
        except BaseException:
            self._conn.close()
            raise

    def _read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        return self._conn.read(cypher, **params)

    def _write(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        return self._conn.write(cypher, **params)

    def _write_tx(self, work: Callable[[Any], None]) -> None:
        self._conn.write_tx(work)

    # -- lifecycle and schema --------------------------------------------------------------
    def close(self) -> None:
        self._conn.close()

    def schema_info(self) -> dict[str, Any] | None:
        """The recorded ``:KgmemSchema`` (version, embedding_dim), or None before migration."""
        rows = self._read(q.READ_SCHEMA)
        return rows[0] if rows else None

    def server_version(self) -> str:
        rows = self._read(q.SERVER_VERSION)
        return f"{rows[0]['version']} {rows[0]['edition']}" if rows else "unknown"

    def ensure_schema(self) -> None:
        """Migrate when the schema is missing or older; refuse a newer one."""
        info = self.schema_info()
        if info is None or int(info["version"]) < q.SCHEMA_VERSION:
            dim = int(info["embedding_dim"]) if info and info.get("embedding_dim") else self._configured_dim
            self.migrate(dim)
        elif int(info["version"]) > q.SCHEMA_VERSION:
            raise StoreError(
                f"Neo4j at {self.uri} has kgmem schema version {info['version']}, newer than this kgmem "
                f"understands ({q.SCHEMA_VERSION}); upgrade kgmem"
            )

    def migrate(self, embedding_dim: int | None = None, timeout_s: int = 300) -> dict[str, Any]:
        """Apply ``schemas/neo4j/*.cypher`` idempotently and record the schema version.

        A changed ``embedding_dim`` recreates the vector indexes when no vectors are stored, and
        raises :class:`EmbeddingDimensionError` (naming the re-embed command) when some are.
        """
        dim = embedding_dim or self._configured_dim
        info = self.schema_info()
        recorded = int(info["embedding_dim"]) if info and info.get("embedding_dim") else None
        if recorded is not None and recorded != dim:
            stored = self.embedding_dim()
            if stored is not None and stored != dim:
                raise EmbeddingDimensionError(dim_message(stored, dim, f"Neo4j at {self.uri}"))
            for stmt in q.DROP_VECTOR_INDEX.values():
                self._write(stmt)
        applied: list[str] = []
        for name, stmt in q.schema_statements(dim):
            self._write(stmt)
            applied.append(name)
        self._write(q.AWAIT_INDEXES, timeout_s=timeout_s)
        self._write(q.WRITE_SCHEMA, version=q.SCHEMA_VERSION, embedding_dim=dim)
        return {"version": q.SCHEMA_VERSION, "embedding_dim": dim, "statements": len(applied),
                "files": sorted(set(applied))}

    def indexes(self) -> list[dict[str, Any]]:
        return self._read(q.SHOW_INDEXES)

    def embedding_dim(self) -> int | None:
        """Dimension of stored vectors (None while the database holds none)."""
        if self._dim_cache is None:
            rows = self._read(q.ANY_EMBEDDING_DIM)
            self._dim_cache = int(rows[0]["dim"]) if rows else None
        return self._dim_cache

    def check_embedding_dim(self, dim: int) -> None:
        stored = self.embedding_dim()
        if stored is not None and stored != dim:
            raise EmbeddingDimensionError(dim_message(stored, dim, f"Neo4j at {self.uri}"))

    # -- writes ----------------------------------------------------------------------------
    def apply(self, write: SessionWrite) -> None:
        """Write one session atomically (one transaction) and idempotently."""
        self.apply_many([write])

    def apply_many(self, writes: Sequence[SessionWrite]) -> None:
        """Write many sessions (of any users) in ONE transaction: all land or none does.

        The result equals applying the writes one by one in the given order; re-applying them
        changes nothing. Validation errors name the offending write and roll the batch back."""
        if not writes:
            return
        batch = plan_batch(writes)
        if batch.dims:
            check_dim(self.embedding_dim(), next(iter(batch.dims)), f"Neo4j at {self.uri}")
        # through the module attribute: the crash tests hook write_batch
        self._write_tx(lambda tx: neo4j_write.write_batch(tx, batch))
        if batch.dims and self._dim_cache is None:
            self._dim_cache = next(iter(batch.dims))

    def delete_user(self, user_id: str) -> int:
        rows = self._write(q.DELETE_USER, user_id=user_id)
        self._dim_cache = None  # the last vectors may be gone
        for kind in q.KIND_LABEL:
            self._text_cache.pop((user_id, kind), None)
        return int(rows[0]["removed"]) if rows else 0

    # -- reads -----------------------------------------------------------------------------
    def users(self) -> list[str]:
        return [r["id"] for r in self._read(q.USERS)]

    def has_session(self, user_id: str, session_id: str) -> bool:
        return bool(self._read(q.HAS_SESSION, user_id=user_id, session_id=session_id)[0]["found"])

    def sessions(self, user_id: str) -> list[Session]:
        """Sessions in chronological order (started_at, id), turns omitted."""
        return [Session(**_natives(r["s"])) for r in self._read(q.SESSIONS, user_id=user_id)]

    def turns(self, user_id: str, ids: Sequence[str] | None = None, session_id: str | None = None) -> list[Turn]:
        """Turns in chronological order (session order, idx); unknown ids skipped."""
        rows = self._read(q.TURNS, user_id=user_id, ids=list(ids) if ids is not None else None,
                          session_id=session_id)
        return [Turn(**r["t"]) for r in rows]

    def entities(self, user_id: str, ids: Sequence[str] | None = None) -> list[Entity]:
        rows = self._read(q.ENTITIES, user_id=user_id, ids=list(ids) if ids is not None else None)
        return [Entity(**{**r["e"], "aliases": list(r["e"]["aliases"] or [])}) for r in rows]

    def facts(self, user_id: str, flt: FactFilter | None = None) -> list[Fact]:
        """Facts matching ``flt`` (bounds inclusive), sorted by (observed_at, id)."""
        flt = flt or FactFilter()
        for name in ("observed_from", "observed_to", "valid_at", "as_of"):
            check_naive(getattr(flt, name), f"FactFilter.{name}")
        rows = self._read(
            q.FACTS, user_id=user_id, ids=list(flt.ids) if flt.ids is not None else None,
            subject_id=flt.subject_id, predicate=flt.predicate, object_id=flt.object_id,
            session_id=flt.session_id, observed_from=flt.observed_from, observed_to=flt.observed_to,
            valid_at=flt.valid_at, as_of=flt.as_of, current_only=flt.current_only,
        )
        return [_fact(r["f"]) for r in rows]

    def supersessions(self, user_id: str) -> list[Supersession]:
        return [
            Supersession(user_id=user_id, new_fact_id=r["new_id"], old_fact_id=r["old_id"], at=_native(r["at"]))
            for r in self._read(q.SUPERSESSIONS, user_id=user_id)
        ]

    def supersession_chain(self, user_id: str, fact_id: str) -> list[Fact]:
        """The facts linked to ``fact_id`` through SUPERSEDES edges (either way), newest first."""
        rows = self._read(q.SUPERSESSION_COMPONENT, user_id=user_id, fact_id=fact_id)
        if not rows:
            return []
        order = _newest_first({r["id"]: (_native(r["observed_at"]), list(r["older"])) for r in rows})
        by_id = {f.id: f for f in self.facts(user_id, FactFilter(ids=order))}
        return [by_id[i] for i in order if i in by_id]

    def neighbours(self, user_id: str, node_id: str) -> list[str]:
        """Ids one relationship away in either direction (any relationship type), sorted."""
        return [r["id"] for r in self._read(q.NEIGHBOURS, user_id=user_id, node_id=node_id)]

    # -- search primitives -----------------------------------------------------------------
    def vector_search(self, user_id: str, kind: NodeKind, vector: Sequence[float], k: int) -> list[Hit]:
        """Exact top-k by cosine among this user's ``kind`` nodes; ties by id."""
        _check_kind(kind)
        vec = [float(x) for x in vector]
        stored = self.embedding_dim()
        if stored is not None and len(vec) != stored:
            raise EmbeddingDimensionError(dim_message(stored, len(vec), f"Neo4j at {self.uri}"))
        if k <= 0 or stored is None:
            return []
        norm = math.sqrt(sum(x * x for x in vec))
        if norm == 0.0 or not math.isfinite(norm):
            raise StoreError("vector_search: query vector is zero or not finite")
        rows = self._read(q.VECTOR_SEARCH_EXACT[kind], user_id=user_id, vector=vec, k=int(k))
        return [Hit(id=r["id"], score=float(r["score"])) for r in rows]

    def vector_search_index(self, user_id: str, kind: NodeKind, vector: Sequence[float], k: int,
                            oversample: int = 50) -> list[Hit]:
        """Approximate: the shared vector index asked for ``k * oversample`` candidates, then
        this user's. Misses results once many users share the index — kept for the benchmark."""
        _check_kind(kind)
        if k <= 0:
            return []
        rows = self._read(q.VECTOR_SEARCH_INDEX, index=q.VECTOR_INDEX[kind], candidates=int(k * oversample),
                          vector=[float(x) for x in vector], user_id=user_id, k=int(k))
        return [Hit(id=r["id"], score=float(r["score"])) for r in rows]

    def text_search(self, user_id: str, kind: NodeKind, query: str, k: int) -> list[Hit]:
        """Top-k BM25 matches among this user's ``kind`` nodes, ties by id — the same scores as
        the embedded store (:class:`~kgmem.store.textindex.BM25Index` over the user's texts).

        Lucene's BM25 counts documents over every user sharing the index and tokenises
        differently, so its ranking differs from the embedded store's; kgmem's retrieval must
        not depend on the backend. The user's texts are read once and kept (small: one
        haystack's turns) until their count changes; Lucene stays for the Browser and
        :meth:`text_search_index`."""
        _check_kind(kind)
        if k <= 0:
            return []
        key = (user_id, kind)
        count = int(self._read(q.TEXT_DOC_COUNT[kind], user_id=user_id)[0]["c"])
        cached = self._text_cache.get(key)
        if cached is None or cached[0] != count:
            from kgmem.store.textindex import BM25Index

            rows = self._read(q.TEXT_DOCS[kind], user_id=user_id)
            cached = (count, BM25Index((r["id"], r["text"] or "") for r in rows))
            self._text_cache[key] = cached
            while len(self._text_cache) > TEXT_CACHE_USERS:
                self._text_cache.pop(next(iter(self._text_cache)))
        else:
            self._text_cache.move_to_end(key)
        return [Hit(id=i, score=s) for i, s in cached[1].search(query, k)]

    def text_search_index(self, user_id: str, kind: NodeKind, query: str, k: int) -> list[Hit]:
        """Top-k Lucene matches among this user's ``kind`` nodes (any query term), ties by id
        (Lucene's own BM25: document statistics over all users; kept for comparison)."""
        _check_kind(kind)
        lucene = lucene_query(user_id, q.FULLTEXT_FIELD[kind], query)
        if k <= 0 or lucene is None:
            return []
        rows = self._read(q.TEXT_SEARCH, index=q.FULLTEXT_INDEX[kind], lucene=lucene, user_id=user_id, k=int(k))
        return [Hit(id=r["id"], score=float(r["score"])) for r in rows]

    def stats(self, user_id: str | None = None) -> StoreStats:
        per_user: dict[str, dict[str, int]] = {}
        for key, query in q.COUNT_BY_USER.items():
            for r in self._read(query, user_id=user_id):
                counts = per_user.setdefault(
                    r["user_id"], {"sessions": 0, "turns": 0, "entities": 0, "facts": 0, "supersessions": 0})
                counts[key] = int(r["c"])
        return StoreStats.from_per_user(per_user)


# --------------------------------------------------------------------------- pure helpers


def _check_kind(kind: str) -> None:
    if kind not in q.KIND_LABEL:
        raise StoreError(f"unknown node kind {kind!r}; expected one of {', '.join(q.KIND_LABEL)}")


def _fact(row: dict[str, Any]) -> Fact:
    data = _natives(row)
    data["source_turn_ids"] = list(data.get("source_turn_ids") or [])
    return Fact(**data)


def _newest_first(component: dict[str, tuple[datetime, list[str]]]) -> list[str]:
    """Topological order of newer → older edges; ties (and cycles) by (observed_at, id) desc."""
    rank_order = sorted(component, key=lambda i: (component[i][0], i), reverse=True)
    rank = {fid: r for r, fid in enumerate(rank_order)}
    indegree = {fid: 0 for fid in component}
    for _, (_, older) in component.items():
        for o in older:
            indegree[o] += 1
    ready = [(rank[f], f) for f, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    out: list[str] = []
    while ready:
        _, fid = heapq.heappop(ready)
        out.append(fid)
        for o in component[fid][1]:
            indegree[o] -= 1
            if indegree[o] == 0:
                heapq.heappush(ready, (rank[o], o))
    return out if len(out) == len(component) else rank_order  # a cycle (bad data)
