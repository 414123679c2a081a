"""A small hand-built memory (real networkx store, deterministic embedder) for retrieval and
answering tests, written through ``store.apply(SessionWrite(...))`` so the tests do not depend
on extraction or ingestion."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import numpy as np

from kgmem.ids import entity_id
from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Turn
from kgmem.store.networkx_store import NetworkxStore
from kgmem.text import tokenize

USER = "test:u1"
QUESTION_DATE = datetime(2023, 5, 1, 10, 0)


class HashEmbedder:
    """Deterministic bag-of-words embedder (hashed stems → 256 dims, unit length)."""

    name = "test/hash-bow"
    dim = 256

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for tok in tokenize(text):
                tok = re.sub(r"(ing|ed|es|s)$", "", tok) if len(tok) > 4 else tok
                h = int(hashlib.md5(tok.encode()).hexdigest(), 16)
                out[i, h % self.dim] += 1.0
            n = np.linalg.norm(out[i])
            out[i] = out[i] / n if n else out[i]
            if not n:
                out[i, 0] = 1.0
        return out


def _session(sid: str, when: datetime, turns: list[tuple[str, str]]) -> Session:
    return Session(id=sid, user_id=USER, started_at=when,
                   turns=[Turn(id=f"{sid}:{i}", session_id=sid, idx=i, role=r, text=t)  # type: ignore[arg-type]
                          for i, (r, t) in enumerate(turns)])


def _fact(fid: str, sid: str, when: datetime, pred: str, value: str, text: str, turn: int = 0,
          speaker: str = "user", invalid_at: datetime | None = None, valid_from: datetime | None = None,
          granularity: str = "unknown") -> Fact:
    return Fact(id=fid, user_id=USER, subject_id=entity_id(USER, "user"), predicate=pred, value=value,
                text=text, observed_at=when, session_id=sid, source_turn_ids=[f"{sid}:{turn}"],
                speaker=speaker, invalid_at=invalid_at, valid_from=valid_from,  # type: ignore[arg-type]
                granularity=granularity)  # type: ignore[arg-type]


FILLER = ("Sure! Here is a long poem about the ocean. The waves roll in and out under the moon. "
          "Sailors sing of salt and wind. The tide keeps time for the shore. " * 6).strip()


def build_store(root: Path, embedder: HashEmbedder | None = None) -> NetworkxStore:
    """Six sessions: a move (later superseded), a concert, a bike purchase, an assistant
    recommendation and filler chat."""
    emb = embedder or HashEmbedder()
    store = NetworkxStore(root)
    d1, d2, d3 = datetime(2023, 1, 10, 9), datetime(2023, 2, 14, 20), datetime(2023, 3, 20, 8)
    d4, d5, d6 = datetime(2023, 4, 2, 12), datetime(2023, 4, 15, 18), datetime(2023, 4, 20, 7)
    me = Entity(id=entity_id(USER, "user"), user_id=USER, name="user", type="person")
    s1 = _session("s1", d1, [("user", "I just moved to Boston for my new job at Acme Corp."),
                             ("assistant", "Congratulations on the move to Boston and the new job!")])
    s2 = _session("s2", d2, [("user", "Last night I went to a jazz concert at the Blue Note with my sister Maya."),
                             ("assistant", "That sounds lovely. The Blue Note is a legendary venue.")])
    s3 = _session("s3", d3, [("user", "Big news: I moved to Seattle, I love the coffee here."),
                             ("assistant", "Seattle is great for coffee lovers.")])
    s4 = _session("s4", d4, [("user", "I bought a new road bike for $1200 today, a Trek Domane."),
                             ("assistant", "Nice purchase! Remember to get a helmet.")])
    s5 = _session("s5", d5, [("user", "Can you recommend a hotel in Paris for my trip?"),
                             ("assistant", "I recommend Hotel Le Marais Inn, a small boutique hotel near the Seine.")])
    s6 = _session("s6", d6, [("user", "Can you write me a poem about the ocean?"), ("assistant", FILLER)])
    f1 = _fact("f1", "s1", d1, "lives_in", "Boston", "The user lives in Boston.", invalid_at=d3)
    f2 = _fact("f2", "s1", d1, "works_at", "Acme Corp", "The user works at Acme Corp.")
    f3 = _fact("f3", "s2", d2, "attended", "jazz concert", "The user attended a jazz concert at the Blue Note with sister Maya.",
               valid_from=datetime(2023, 2, 13), granularity="day")
    f4 = _fact("f4", "s3", d3, "lives_in", "Seattle", "The user lives in Seattle.")
    f5 = _fact("f5", "s4", d4, "bought", "road bike", "The user bought a Trek Domane road bike for $1200.")
    f6 = _fact("f6", "s5", d5, "assistant_recommended", "Hotel Le Marais Inn",
               "The assistant recommended Hotel Le Marais Inn in Paris.", turn=1, speaker="assistant")
    writes = [
        SessionWrite(user_id=USER, session=s1, entities=[me], facts=[f1, f2]),
        SessionWrite(user_id=USER, session=s2, entities=[me], facts=[f3]),
        SessionWrite(user_id=USER, session=s3, entities=[me], facts=[f4],
                     supersessions=[Supersession(user_id=USER, new_fact_id="f4", old_fact_id="f1", at=d3)],
                     invalidations={"f1": d3}),
        SessionWrite(user_id=USER, session=s4, entities=[me], facts=[f5]),
        SessionWrite(user_id=USER, session=s5, entities=[me], facts=[f6]),
        SessionWrite(user_id=USER, session=s6, entities=[me], facts=[]),
    ]
    for w in writes:
        turn_vecs = emb.embed([t.text for t in w.session.turns])
        fact_vecs = emb.embed([f.text for f in w.facts]) if w.facts else []
        w.turn_embeddings = {t.id: v.tolist() for t, v in zip(w.session.turns, turn_vecs)}
        w.fact_embeddings = {f.id: v.tolist() for f, v in zip(w.facts, fact_vecs)}
        w.entity_embeddings = {me.id: emb.embed([me.name])[0].tolist()}
        # f1 is written before its invalidation: store the original, the later write invalidates it
        if w.session.id == "s1":
            w.facts = [f.model_copy(update={"invalid_at": None}) for f in w.facts]
        store.apply(w)
    return store
