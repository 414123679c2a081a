"""The one validator of a :class:`~kgmem.models.SessionWrite`, shared by every backend.

Validation has two halves. :func:`plan_write` checks a write against itself (no store needed):
ids, user scoping, naive datetimes, references between its own nodes, embeddings. What only the
store can answer — does an id already name another kind of node, do referenced nodes outside the
write exist — comes back as a :class:`WritePlan` that the backend confirms: an in-memory backend
with :func:`check_against` and a lookup function, a server backend with one query per question
inside its write transaction. Both report the same messages, so a bad write reads the same
whichever store refused it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Literal

from kgmem.models import SessionWrite
from kgmem.store.base import EmbeddingDimensionError, StoreError

WriteKind = Literal["session", "turn", "entity", "fact"]

#: the embedding fields of a SessionWrite and the node kind each one's ids name
EMBEDDING_FIELDS: Final[tuple[tuple[str, WriteKind], ...]] = (
    ("turn_embeddings", "turn"),
    ("fact_embeddings", "fact"),
    ("entity_embeddings", "entity"),
)

# the largest float32: the embedded store keeps vectors as float32, so anything larger is inf there
_FLOAT32_MAX = 3.4028234663852886e38


@dataclass(frozen=True)
class Reference:
    """A node outside the write that must exist in the store with this kind."""

    node_id: str
    kind: WriteKind
    message: str


@dataclass
class WritePlan:
    """What a self-consistent write claims and what the store must confirm."""

    where: str
    #: node id → kind, for every node the write creates or updates
    claims: dict[str, WriteKind] = field(default_factory=dict)
    #: references to nodes the write does not carry
    refs: list[Reference] = field(default_factory=list)
    #: embedding dimension of the write's vectors (None when it carries none)
    dim: int | None = None
    #: validated vectors per kind: node id → float values
    embeddings: dict[WriteKind, dict[str, list[float]]] = field(default_factory=dict)


def check_naive(value: datetime | None, where: str) -> None:
    """Refuse a tz-aware datetime: mixing them with naive ones breaks every time comparison."""
    if value is not None and value.tzinfo is not None:
        raise StoreError(f"{where}: datetime {value.isoformat()} is tz-aware; kgmem keeps naive times")


def dim_message(stored: int, got: int, where: str) -> str:
    """The embedding-dimension mismatch message (says the two ways out; kgmem has no re-embed
    command: vectors are cheap to rebuild by ingesting again, and the ids are deterministic)."""
    return (
        f"embedding dimension mismatch: {where} holds {stored}-dim vectors but the configured "
        f"embedder makes {got}-dim vectors (the embedding model changed). Set KGMEM_EMBED_MODEL "
        f"back to the model that made them, or ingest again into an empty store (a new "
        f"KGMEM_HOME, or an empty Neo4j database)."
    )


def check_dim(stored: int | None, got: int | None, where: str) -> None:
    """Raise :class:`EmbeddingDimensionError` when both are known and differ."""
    if stored is not None and got is not None and stored != got:
        raise EmbeddingDimensionError(dim_message(stored, got, where))


def _a(kind: str) -> str:
    return ("an " if kind[:1] in "aeiou" else "a ") + kind


def kind_conflict_message(where: str, node_id: str, wanted: str, found: str) -> str:
    """The message for a write whose id already names another kind of stored node."""
    return f"{where}: {wanted} id {node_id!r} is already {_a(found)} node"


def vector(values: Any, where: str) -> list[float]:
    """Embedding values as floats; refuses empty, NaN, infinite or float32-overflowing ones."""
    vec = [float(x) for x in values]
    if not vec:
        raise StoreError(f"{where}: empty embedding")
    if not all(math.isfinite(x) and abs(x) <= _FLOAT32_MAX for x in vec):
        raise StoreError(f"{where}: embedding contains NaN or infinite values")
    return vec


def plan_write(write: SessionWrite) -> WritePlan:
    """Check a write against itself; returns what the store must confirm. Mutates nothing."""
    uid = write.user_id
    sess = write.session
    plan = WritePlan(where=f"SessionWrite(user={uid!r}, session={sess.id!r})")
    where = plan.where
    if not uid:
        raise StoreError(f"{where}: empty user_id")
    if sess.user_id != uid:
        raise StoreError(f"{where}: session.user_id is {sess.user_id!r}, expected {uid!r}")
    check_naive(sess.started_at, f"{where}: session.started_at")
    _claim_nodes(write, plan)
    _check_references(write, plan)
    _check_embeddings(write, plan)
    return plan


def _claim_nodes(write: SessionWrite, plan: WritePlan) -> None:
    """Every node of the write: non-empty ids, one kind per id, one content per id, one user."""
    uid, sess, where = write.user_id, write.session, plan.where
    seen: dict[tuple[str, str], Any] = {}

    def claim(node_id: str, kind: WriteKind, obj: Any, what: str) -> None:
        if not node_id:
            raise StoreError(f"{where}: {what} has an empty id")
        if node_id == uid:
            raise StoreError(f"{where}: {what} id {node_id!r} equals the user id")
        known = plan.claims.get(node_id)
        if known is not None and known != kind:
            raise StoreError(f"{where}: id {node_id!r} is used as both {known} and {kind}")
        if (kind, node_id) in seen and seen[(kind, node_id)] != obj:
            raise StoreError(f"{where}: {kind} {node_id!r} appears twice with different content")
        plan.claims[node_id] = kind
        seen[(kind, node_id)] = obj

    claim(sess.id, "session", None, "session")
    for i, turn in enumerate(sess.turns):
        if turn.session_id != sess.id:
            raise StoreError(f"{where}: turns[{i}] ({turn.id!r}) has session_id {turn.session_id!r}")
        claim(turn.id, "turn", turn, f"turns[{i}]")
    for i, ent in enumerate(write.entities):
        if ent.user_id != uid:
            raise StoreError(f"{where}: entities[{i}] ({ent.id!r}) has user_id {ent.user_id!r}")
        claim(ent.id, "entity", ent, f"entities[{i}]")
    for i, fact in enumerate(write.facts):
        if fact.user_id != uid:
            raise StoreError(f"{where}: facts[{i}] ({fact.id!r}) has user_id {fact.user_id!r}")
        claim(fact.id, "fact", fact, f"facts[{i}]")


def _check_references(write: SessionWrite, plan: WritePlan) -> None:
    """Facts, supersessions and invalidations point at nodes of the right kind; times naive."""
    uid, where = write.user_id, plan.where

    def ref(node_id: str, kind: WriteKind, message: str) -> None:
        claimed = plan.claims.get(node_id)
        if claimed == kind:
            return
        if claimed is not None:
            raise StoreError(f"{message} (it is {_a(claimed)} in this write)")
        plan.refs.append(Reference(node_id, kind, message))

    for i, fact in enumerate(write.facts):
        what = f"{where}: facts[{i}] ({fact.id!r})"
        for name in ("valid_from", "valid_to", "observed_at", "invalid_at"):
            check_naive(getattr(fact, name), f"{what}.{name}")
        ref(fact.subject_id, "entity", f"{what}: subject_id {fact.subject_id!r} is not a known entity")
        if fact.object_id is not None:
            ref(fact.object_id, "entity", f"{what}: object_id {fact.object_id!r} is not a known entity")
        ref(fact.session_id, "session", f"{what}: session_id {fact.session_id!r} is not a known session")
        for tid in fact.source_turn_ids:
            ref(tid, "turn", f"{what}: source_turn_ids has unknown turn {tid!r}")
    for i, sup in enumerate(write.supersessions):
        what = f"{where}: supersessions[{i}]"
        if sup.user_id != uid:
            raise StoreError(f"{what}: user_id is {sup.user_id!r}")
        if sup.new_fact_id == sup.old_fact_id:
            raise StoreError(f"{what}: fact {sup.new_fact_id!r} cannot supersede itself")
        check_naive(sup.at, f"{what}.at")
        for name, fid in (("new_fact_id", sup.new_fact_id), ("old_fact_id", sup.old_fact_id)):
            ref(fid, "fact", f"{what}: {name} {fid!r} is not a known fact")
    for i, sup in enumerate(write.retracted_supersessions):
        if sup.user_id != uid:
            raise StoreError(f"{where}: retracted_supersessions[{i}]: user_id is {sup.user_id!r}")
    for fid, at in write.invalidations.items():
        ref(fid, "fact", f"{where}: invalidations[{fid!r}] is not a known fact")
        check_naive(at, f"{where}: invalidations[{fid!r}]")


def _check_embeddings(write: SessionWrite, plan: WritePlan) -> None:
    """Vectors are finite, non-empty, of one dimension, and name nodes of their kind."""
    dims: set[int] = set()
    for field_name, kind in EMBEDDING_FIELDS:
        rows: dict[str, list[float]] = {}
        for node_id, values in getattr(write, field_name).items():
            what = f"{plan.where}: {field_name}[{node_id!r}]"
            vec = vector(values, what)
            claimed = plan.claims.get(node_id)
            if claimed is None:
                plan.refs.append(Reference(node_id, kind, f"{what}: no {kind} with that id"))
            elif claimed != kind:
                raise StoreError(f"{what}: no {kind} with that id (it is {_a(claimed)} in this write)")
            dims.add(len(vec))
            rows[node_id] = vec
        plan.embeddings[kind] = rows
    if len(dims) > 1:
        raise EmbeddingDimensionError(f"{plan.where}: embeddings of different dimensions {sorted(dims)}")
    plan.dim = dims.pop() if dims else None


def check_against(plan: WritePlan, stored_kind: Callable[[str], str | None]) -> None:
    """Confirm a plan against a store read through ``stored_kind(node_id)`` (None: absent).

    Kind conflicts with stored nodes first, then references to nodes the write does not carry.
    """
    for node_id, kind in plan.claims.items():
        found = stored_kind(node_id)
        if found is not None and found != kind:
            raise StoreError(kind_conflict_message(plan.where, node_id, kind, found))
    for ref in plan.refs:
        if stored_kind(ref.node_id) != ref.kind:
            raise StoreError(ref.message)
