"""The Neo4j write path: many :class:`SessionWrite` s, one transaction.

:func:`plan_write` checks one write against itself (no database); :class:`BatchPlan` merges the
writes of a batch — possibly of many users — in order, so that applying the merged rows gives the
graph that applying the writes one by one would give (the last version of a node wins, an
invalidation or a SUPERSEDES edge keeps its place in the sequence); :func:`write_batch` validates
the batch against the database and sends one ``UNWIND`` statement per label and relationship
type inside the caller's transaction. Nodes the database does not hold yet are ``CREATE`` d;
nodes it holds are ``MERGE`` d and updated. A batch lands whole or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kgmem.models import Fact, SessionWrite
from kgmem.store import cypher as q
from kgmem.store.base import EmbeddingDimensionError, StoreError
from kgmem.store.validate import WritePlan, kind_conflict_message, plan_write

Key = tuple[str, str]  # (user_id, node id)


def user_key(user_id: str) -> str:
    """One Lucene token standing for a user id (ids contain ':' and other analysed characters)."""
    import hashlib

    return "u" + hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:32]


#: the shared validator's node kinds → Neo4j labels
KIND_TO_LABEL: dict[str, str] = {"session": q.SESSION, "turn": q.TURN, "entity": q.ENTITY, "fact": q.FACT}
LABEL_TO_KIND: dict[str, str] = {label: kind for kind, label in KIND_TO_LABEL.items()}


@dataclass
class BatchPlan:
    """The writes of one batch merged, in order, into rows per label and relationship type."""

    plans: list[tuple[WritePlan, SessionWrite]] = field(default_factory=list)
    #: (user, id) → (label, index of the first write claiming it)
    claims: dict[Key, tuple[str, int]] = field(default_factory=dict)
    refs: list[tuple[str, str, str, str]] = field(default_factory=list)  # (user, id, label, message)
    dims: set[int] = field(default_factory=set)
    sessions: dict[Key, SessionWrite] = field(default_factory=dict)
    entities: dict[Key, dict[str, Any]] = field(default_factory=dict)
    facts: dict[Key, Fact] = field(default_factory=dict)
    invalidations: dict[Key, datetime] = field(default_factory=dict)
    sup_add: dict[tuple[str, str, str], datetime] = field(default_factory=dict)
    sup_retract: set[tuple[str, str, str]] = field(default_factory=set)
    #: vectors by kind; the newest one of a node wins (rides along with its node's row)
    vectors: dict[str, dict[Key, list[float]]] = field(
        default_factory=lambda: {"turn": {}, "fact": {}, "entity": {}})

    @property
    def user_ids(self) -> list[str]:
        return sorted({w.user_id for _, w in self.plans})

    def add(self, plan: WritePlan, w: SessionWrite) -> None:
        """Merge one write after the ones already added (its effects come later)."""
        index = len(self.plans)
        uid = w.user_id
        for node_id, kind in plan.claims.items():
            label = KIND_TO_LABEL[kind]
            known = self.claims.get((uid, node_id))
            if known is not None and known[0] != label:
                raise StoreError(f"{plan.where}: id {node_id!r} is a {LABEL_TO_KIND[known[0]]} in an earlier "
                                 f"write of this batch")
            if known is None:
                self.claims[(uid, node_id)] = (label, index)
        for ref in plan.refs:
            label = KIND_TO_LABEL[ref.kind]
            known = self.claims.get((uid, ref.node_id))
            if known is None:
                self.refs.append((uid, ref.node_id, label, ref.message))
            elif known[0] != label:
                raise StoreError(ref.message + f" (it is a {LABEL_TO_KIND[known[0]]} in an earlier write of this batch)")
        self.plans.append((plan, w))
        if plan.dim is not None:
            self.dims.add(plan.dim)
        if len(self.dims) > 1:
            raise EmbeddingDimensionError(f"{plan.where}: embeddings of different dimensions {sorted(self.dims)}")
        self.sessions[(uid, w.session.id)] = w
        for e in w.entities:
            self.entities[(uid, e.id)] = {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                                          "search_text": " ".join([e.name, *e.aliases])}
        for f in w.facts:
            key = (uid, f.id)
            earlier = self.facts.get(key)
            if f.invalid_at is None and earlier is not None and earlier.invalid_at is not None:
                # the statement keeps a stored invalid_at when the row has none
                f = f.model_copy(update={"invalid_at": earlier.invalid_at})
            if f.invalid_at is not None:
                self.invalidations.pop(key, None)  # this row sets it, after earlier invalidations
            self.facts[key] = f
        for fid, at in w.invalidations.items():
            self.invalidations[(uid, fid)] = at
        for s in w.retracted_supersessions:
            edge = (uid, s.new_fact_id, s.old_fact_id)
            self.sup_add.pop(edge, None)
            self.sup_retract.add(edge)
        for s in w.supersessions:
            self.sup_add[(uid, s.new_fact_id, s.old_fact_id)] = s.at
        for kind, vecs in plan.embeddings.items():
            for node_id, vec in vecs.items():
                self.vectors[kind][(uid, node_id)] = vec


def plan_batch(writes: Sequence[SessionWrite]) -> BatchPlan:
    """Check every write and merge them in order (raises :class:`StoreError` naming the write)."""
    batch = BatchPlan()
    for w in writes:
        batch.add(plan_write(w), w)
    return batch


def _validate_against_db(tx: Any, batch: BatchPlan) -> set[Key]:
    """Kind conflicts and dangling references → StoreError (the transaction rolls back).
    Returns the claimed (user, id) keys that already exist."""
    claims = [{"user_id": u, "id": i, "label": label} for (u, i), (label, _) in batch.claims.items()]
    existing: set[Key] = set()
    for row in tx.run(q.EXISTING_CLAIMS, claims=claims).data():
        key = (row["user_id"], row["id"])
        if row["found"] != row["wanted"]:
            where = batch.plans[batch.claims[key][1]][0].where
            found = LABEL_TO_KIND.get(str(row["found"]), str(row["found"]).lower())
            raise StoreError(kind_conflict_message(where, row["id"], LABEL_TO_KIND[row["wanted"]], found))
        existing.add(key)
    if batch.refs:
        refs = [{"user_id": u, "id": i, "label": label} for u, i, label, _ in batch.refs]
        missing = {(r["user_id"], r["id"], r["label"]) for r in tx.run(q.MISSING_REFS, refs=refs).data()}
        for u, i, label, message in batch.refs:
            if (u, i, label) in missing:
                raise StoreError(message)
    return existing


def write_batch(tx: Any, batch: BatchPlan) -> None:
    """Validate and write a batch inside the caller's transaction (dependency order)."""
    existing = _validate_against_db(tx, batch)
    vecs = {kind: dict(v) for kind, v in batch.vectors.items()}  # leftovers are set at the end
    ukeys = {u: user_key(u) for u in batch.user_ids}
    tx.run(q.MERGE_USERS, user_ids=batch.user_ids)
    new_sessions: list[dict[str, Any]] = []
    old_sessions: list[dict[str, Any]] = []
    for (uid, sid), w in batch.sessions.items():
        s = w.session
        turns = [{"id": t.id, "session_id": t.session_id, "idx": t.idx, "role": t.role, "text": t.text,
                  "embedding": vecs["turn"].pop((uid, t.id), None)} for t in s.turns]
        row = {"user_id": uid, "user_key": ukeys[uid], "id": sid, "started_at": s.started_at,
               "source_id": s.source_id, "turns": turns}
        fresh = (uid, sid) not in existing and not any((uid, t.id) in existing for t in s.turns)
        (new_sessions if fresh else old_sessions).append(row)
    if new_sessions:
        tx.run(q.CREATE_SESSIONS, rows=new_sessions)
    if old_sessions:
        tx.run(q.MERGE_SESSIONS, rows=old_sessions)
    _write_nodes(tx, q.CREATE_ENTITIES, q.MERGE_ENTITIES, existing, [
        {**e, "user_id": u, "user_key": ukeys[u], "embedding": vecs["entity"].pop((u, i), None)}
        for (u, i), e in batch.entities.items()])
    _write_nodes(tx, q.CREATE_FACTS, q.MERGE_FACTS, existing, [
        {**f.model_dump(), "user_key": ukeys[u], "embedding": vecs["fact"].pop((u, i), None)}
        for (u, i), f in batch.facts.items()])
    if batch.sup_retract:
        tx.run(q.RETRACT_SUPERSEDES, rows=[{"user_id": u, "new_id": n, "old_id": o}
                                           for u, n, o in sorted(batch.sup_retract)])
    if batch.sup_add:
        tx.run(q.MERGE_SUPERSEDES, rows=[{"user_id": u, "new_id": n, "old_id": o, "at": at}
                                         for (u, n, o), at in batch.sup_add.items()])
    if batch.invalidations:
        tx.run(q.SET_INVALID_AT, rows=[{"user_id": u, "id": i, "at": at} for (u, i), at in batch.invalidations.items()])
    for kind, left in vecs.items():
        if left:
            tx.run(q.SET_EMBEDDINGS[kind], rows=[{"user_id": u, "id": i, "embedding": v} for (u, i), v in left.items()])
    relink_next(tx, batch.user_ids)


def _write_nodes(tx: Any, create: str, merge: str, existing: set[Key], rows: list[dict[str, Any]]) -> None:
    new = [r for r in rows if (r["user_id"], r["id"]) not in existing]
    old = [r for r in rows if (r["user_id"], r["id"]) in existing]
    if new:
        tx.run(create, rows=new)
    if old:
        tx.run(merge, rows=old)


def relink_next(tx: Any, user_ids: Sequence[str]) -> None:
    """Make each user's NEXT chain follow (started_at, id) order (only differences are written)."""
    by_user: dict[str, list[tuple[Any, str, list[str]]]] = {}
    for r in tx.run(q.SESSION_CHAINS, user_ids=list(user_ids)).data():
        by_user.setdefault(r["user_id"], []).append((r["started_at"], r["id"], list(r["next_ids"])))
    unlink: list[dict[str, str]] = []
    link: list[dict[str, str]] = []
    for uid, sessions in by_user.items():
        sessions.sort(key=lambda x: (x[0].to_native() if hasattr(x[0], "to_native") else x[0], x[1]))
        want = {a[1]: b[1] for a, b in zip(sessions, sessions[1:])}
        for _, sid, nexts in sessions:
            for n in nexts:
                if want.get(sid) != n:
                    unlink.append({"user_id": uid, "a": sid, "b": n})
            if sid in want and want[sid] not in nexts:
                link.append({"user_id": uid, "a": sid, "b": want[sid]})
    if unlink:
        tx.run(q.UNLINK_NEXT, rows=unlink)
    if link:
        tx.run(q.LINK_NEXT, rows=link)

