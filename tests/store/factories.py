"""Builders of SessionWrite objects for store tests, with a deterministic fake embedder.

The fake embedding hashes a text's lowercased words into a 384-dim bag-of-words vector and
normalises it, so texts sharing words are close and the same text always gets the same vector —
enough to test a store's vector search without loading a model.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

import numpy as np

from kgmem.ids import entity_id, fact_id, turn_id
from kgmem.models import Entity, Fact, Role, Session, SessionWrite, Supersession, Turn

DIM = 384
T0 = datetime(2023, 5, 20, 2, 21)


def fake_embed(text: str, dim: int = DIM) -> list[float]:
    """Deterministic unit vector: hashed bag of lowercased words (signed buckets)."""
    vec = np.zeros(dim, dtype=np.float64)
    for word in re.findall(r"\w+", text.lower()):
        digest = hashlib.sha256(word.encode("utf-8")).digest()
        bucket = int.from_bytes(digest[:4], "little") % dim
        vec[bucket] += 1.0 if digest[4] & 1 else -1.0
    norm = float(np.linalg.norm(vec))
    if norm == 0.0:
        vec[0], norm = 1.0, 1.0  # texts without words still get a valid unit vector
    return (vec / norm).astype(np.float32).tolist()


class HashEmbedder:
    """The Embedder interface over :func:`fake_embed` (deterministic; no model to load)."""

    name = "hash-384"

    def __init__(self, dim: int = DIM) -> None:
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([fake_embed(t, self.dim) for t in texts], dtype=np.float32).reshape(len(texts), self.dim)


def make_session(
    user_id: str,
    session_id: str,
    started_at: datetime,
    turns: Sequence[str | tuple[Role, str]],
    source_id: str | None = None,
) -> Session:
    """A session whose turns alternate user/assistant unless given as (role, text)."""
    built: list[Turn] = []
    for idx, item in enumerate(turns):
        role, text = (
            item if isinstance(item, tuple) else ("user" if idx % 2 == 0 else "assistant", item)
        )
        built.append(
            Turn(id=turn_id(session_id, idx), session_id=session_id, idx=idx, role=role, text=text)
        )
    return Session(
        id=session_id, user_id=user_id, started_at=started_at, turns=built, source_id=source_id
    )


def make_entity(
    user_id: str, name: str, type: str = "thing", aliases: Iterable[str] = (), id: str | None = None
) -> Entity:
    return Entity(
        id=id or entity_id(user_id, name),
        user_id=user_id,
        name=name,
        type=type,
        aliases=list(aliases),
    )


def make_fact(
    user_id: str,
    subject: Entity,
    predicate: str,
    value: str,
    session: Session,
    *,
    text: str | None = None,
    obj: Entity | None = None,
    turn_idx: Sequence[int] = (0,),
    observed_at: datetime | None = None,
    valid_from: datetime | None = None,
    valid_to: datetime | None = None,
    invalid_at: datetime | None = None,
    confidence: float = 1.0,
    id: str | None = None,
    **extra: object,
) -> Fact:
    """A fact observed in ``session`` citing its turns ``turn_idx``."""
    return Fact(
        id=id or fact_id(user_id, subject.id, predicate, value, session.id),
        user_id=user_id,
        subject_id=subject.id,
        predicate=predicate,
        object_id=obj.id if obj else None,
        value=None if obj else value,
        text=text or f"{subject.name} {predicate.replace('_', ' ')} {value}",
        valid_from=valid_from,
        valid_to=valid_to,
        observed_at=observed_at or session.started_at,
        invalid_at=invalid_at,
        confidence=confidence,
        session_id=session.id,
        source_turn_ids=[turn_id(session.id, i) for i in turn_idx],
        **extra,  # type: ignore[arg-type]
    )


def make_write(
    session: Session,
    entities: Sequence[Entity] = (),
    facts: Sequence[Fact] = (),
    supersessions: Sequence[Supersession] = (),
    invalidations: dict[str, datetime] | None = None,
    embed: bool = True,
    dim: int = DIM,
) -> SessionWrite:
    """A SessionWrite with fake embeddings for every turn, fact and entity (unless ``embed=False``)."""
    return SessionWrite(
        user_id=session.user_id,
        session=session,
        entities=list(entities),
        facts=list(facts),
        supersessions=list(supersessions),
        invalidations=dict(invalidations or {}),
        turn_embeddings={t.id: fake_embed(t.text, dim) for t in session.turns} if embed else {},
        fact_embeddings={f.id: fake_embed(f.text, dim) for f in facts} if embed else {},
        entity_embeddings=(
            {e.id: fake_embed(" ".join([e.name, *e.aliases]), dim) for e in entities}
            if embed
            else {}
        ),
    )


def supersede(new: Fact, old: Fact) -> Supersession:
    """``new`` -[:SUPERSEDES {at: new.observed_at}]-> ``old``."""
    return Supersession(
        user_id=new.user_id, new_fact_id=new.id, old_fact_id=old.id, at=new.observed_at
    )
