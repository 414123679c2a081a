"""The server store: :class:`~kgmem.store.base.MemoryStore` on Neo4j 5.26 Community.

One managed transaction per :meth:`Neo4jStore.apply` (validate, then ``UNWIND $rows`` batches
that ``MERGE`` by ``(user_id, id)``), so a session lands whole or not at all and re-applying it
changes nothing. All Cypher lives in :mod:`kgmem.store.cypher`. Times are naive Python
``datetime`` ↔ Neo4j ``LocalDateTime``. Vector search scores one user's nodes exactly (the 5.26
vector index cannot filter by user); full-text search restricts Lucene to the user by a
one-token ``user_key``.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Turn
from kgmem.store import cypher as q
from kgmem.store.base import (
    EmbeddingDimensionError,
    FactFilter,
    Hit,
    NodeKind,
    StoreError,
    StoreStats,
)
from kgmem.store.validate import (
    WritePlan,
    check_dim,
    check_naive,
    dim_message,
    kind_conflict_message,
    plan_write,
)
from kgmem.text import tokenize

DEFAULT_EMBEDDING_DIM = 384
T = TypeVar("T")

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


def user_key(user_id: str) -> str:
    """One Lucene token standing for a user id (ids contain ':' and other analysed characters)."""
    return "u" + hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:32]


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
        connection_timeout_s: float = 5.0,
    ) -> None:
        """Connect and check the server; apply the schema when it is missing (``migrate``)."""
        from neo4j import GraphDatabase

        self.uri = uri
        self.user = user
        self.database = database
        self._configured_dim = embedding_dim
        self._dim_cache: int | None = None
        auth = (user, password) if password is not None else None
        self._auth_given = auth is not None
        try:
            # notifications off: "property key does not exist" warnings on a fresh database are noise
            self._driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=connection_timeout_s,
                                                notifications_min_severity="OFF")
        except ValueError as exc:  # a malformed URI
            raise StoreError(f"invalid NEO4J_URI {uri!r}: {exc}") from exc
        try:
            self._call(self._driver.verify_connectivity)
            if migrate:
                self.ensure_schema()
        except BaseException:
            self._driver.close()
            raise

    # -- errors ----------------------------------------------------------------------------
    def _translate(self, exc: Exception) -> StoreError:
        """One clear message per failure class (connection, auth, database, schema)."""
        from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable, SessionExpired

        if isinstance(exc, AuthError):
            if self._auth_given:
                return StoreError(
                    f"Neo4j at {self.uri} rejected user {self.user!r}: wrong NEO4J_USER / NEO4J_PASSWORD "
                    f"({exc.message})"
                )
            return StoreError(
                f"Neo4j at {self.uri} requires authentication: set NEO4J_PASSWORD (and NEO4J_USER)"
            )
        if isinstance(exc, (ServiceUnavailable, SessionExpired)) or isinstance(exc, OSError):
            return StoreError(
                f"cannot reach Neo4j at {self.uri}: start it with `kgmem neo4j start` "
                f"(or `docker compose -f docker/compose.yml up -d`) ({exc})"
            )
        if isinstance(exc, ClientError):
            code = exc.code or ""
            if "DatabaseNotFound" in code:
                return StoreError(
                    f"Neo4j at {self.uri} has no database {self.database!r}: set NEO4J_DATABASE "
                    f"(Community edition has only 'neo4j')"
                )
            if "Procedure" in code or "IndexNotFound" in code or "no such fulltext schema index" in (exc.message or ""):
                return StoreError(
                    f"Neo4j at {self.uri}: the kgmem schema is missing or incomplete ({exc.message}); "
                    f"run `kgmem neo4j migrate`"
                )
            return StoreError(f"Neo4j at {self.uri} refused a kgmem query: {code}: {exc.message}")
        return StoreError(f"Neo4j at {self.uri}: {type(exc).__name__}: {exc}")

    def _call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        from neo4j.exceptions import DriverError, Neo4jError

        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise
        except (Neo4jError, DriverError, OSError) as exc:
            raise self._translate(exc) from exc

    def _read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        from neo4j import RoutingControl

        def run() -> list[dict[str, Any]]:
            records, _, _ = self._driver.execute_query(
                cypher, params, database_=self.database, routing_=RoutingControl.READ
            )
            return [r.data() for r in records]

        return self._call(run)

    def _write(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        def run() -> list[dict[str, Any]]:
            records, _, _ = self._driver.execute_query(cypher, params, database_=self.database)
            return [r.data() for r in records]

        return self._call(run)

    # -- lifecycle and schema --------------------------------------------------------------
    def close(self) -> None:
        self._driver.close()

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
        plan = plan_write(write)
        if plan.dim is not None:
            check_dim(self.embedding_dim(), plan.dim, f"Neo4j at {self.uri}")

        def work(tx: Any) -> None:
            _validate_against_db(tx, write, plan)
            _write_session(tx, write, plan)

        def run() -> None:
            with self._driver.session(database=self.database) as session:
                session.execute_write(work)

        self._call(run)
        if plan.dim is not None and self._dim_cache is None:
            self._dim_cache = plan.dim

    def delete_user(self, user_id: str) -> int:
        rows = self._write(q.DELETE_USER, user_id=user_id)
        self._dim_cache = None  # the last vectors may be gone
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
        """Top-k Lucene matches among this user's ``kind`` nodes (any query term), ties by id."""
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


_LABEL = {"session": q.SESSION, **q.KIND_LABEL}


def _validate_against_db(tx: Any, write: SessionWrite, plan: WritePlan) -> None:
    """Kind conflicts with stored nodes and dangling references → StoreError (tx rolls back)."""
    uid = write.user_id
    claims = [{"id": i, "label": _LABEL[kind]} for i, kind in plan.claims.items()]
    conflicts = tx.run(q.KIND_CONFLICTS, user_id=uid, claims=claims).data()
    if conflicts:
        c = conflicts[0]
        raise StoreError(kind_conflict_message(plan.where, c["id"], c["wanted"].lower(), str(c["found"]).lower()))
    if plan.refs:
        refs = [{"id": r.node_id, "label": _LABEL[r.kind]} for r in plan.refs]
        missing = {(r["id"], r["label"]) for r in tx.run(q.MISSING_REFS, user_id=uid, refs=refs).data()}
        for ref in plan.refs:
            if (ref.node_id, _LABEL[ref.kind]) in missing:
                raise StoreError(ref.message)


def _write_session(tx: Any, write: SessionWrite, plan: WritePlan) -> None:
    """The writes of one SessionWrite, in dependency order, inside the caller's transaction."""
    uid = write.user_id
    ukey = user_key(uid)
    sess = write.session
    # vectors ride along with their node's MERGE; leftovers (nodes not in this write) go after
    vecs = {kind: dict(rows) for kind, rows in plan.embeddings.items()}
    tx.run(q.MERGE_SESSION_TURNS, user_id=uid, user_key=ukey, session_id=sess.id, started_at=sess.started_at,
           source_id=sess.source_id,
           rows=[{**t.model_dump(), "embedding": vecs["turn"].pop(t.id, None)} for t in sess.turns])
    if write.entities:
        rows = [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                 "search_text": " ".join([e.name, *e.aliases]), "embedding": vecs["entity"].pop(e.id, None)}
                for e in write.entities]
        tx.run(q.MERGE_ENTITIES, user_id=uid, user_key=ukey, rows=rows)
    if write.facts:
        tx.run(q.MERGE_FACTS, user_id=uid, user_key=ukey,
               rows=[{**f.model_dump(), "embedding": vecs["fact"].pop(f.id, None)} for f in write.facts])
    if write.retracted_supersessions:
        tx.run(q.RETRACT_SUPERSEDES, user_id=uid, rows=[
            {"new_id": s.new_fact_id, "old_id": s.old_fact_id} for s in write.retracted_supersessions])
    if write.supersessions:
        tx.run(q.MERGE_SUPERSEDES, user_id=uid, rows=[
            {"new_id": s.new_fact_id, "old_id": s.old_fact_id, "at": s.at} for s in write.supersessions])
    if write.invalidations:
        tx.run(q.SET_INVALID_AT, user_id=uid, rows=[{"id": i, "at": at} for i, at in write.invalidations.items()])
    for kind, left in vecs.items():
        if left:
            tx.run(q.SET_EMBEDDINGS[kind], user_id=uid, rows=[{"id": i, "embedding": v} for i, v in left.items()])
    _relink_next(tx, uid, sess.id)


def _relink_next(tx: Any, uid: str, session_id: str) -> None:
    """Put one session at its place in the user's (started_at, id)-ordered NEXT chain."""
    state = tx.run(q.SESSION_NEXT_STATE, user_id=uid, session_id=session_id).single()
    want_prev, want_next = state["want_prev"], state["want_next"]
    if (state["prev_id"], state["next_id"]) == (want_prev, want_next):
        return
    tx.run(q.UNLINK_SESSION_NEXT, user_id=uid, session_id=session_id)
    if state["prev_id"] and state["next_id"]:
        # the old neighbours close the gap this session leaves
        tx.run(q.LINK_NEXT_PAIR, user_id=uid, a=state["prev_id"], b=state["next_id"])
    if want_prev and want_next:
        tx.run(q.UNLINK_NEXT_PAIR, user_id=uid, a=want_prev, b=want_next)
    if want_prev:
        tx.run(q.LINK_NEXT_PAIR, user_id=uid, a=want_prev, b=session_id)
    if want_next:
        tx.run(q.LINK_NEXT_PAIR, user_id=uid, a=session_id, b=want_next)
