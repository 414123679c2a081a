"""Hybrid temporal retrieval: several retrievers over the store's primitives, fused with RRF.

Retrievers (each a ranked list of ids, kept for ``--explain``):

- ``vec_turn`` / ``vec_fact``: cosine top-k of the question embedding over turns / facts;
- ``bm25_turn`` / ``bm25_fact``: keyword top-k over turns / fact text;
- ``predicate``: facts whose predicate the question's words cue (single-valued slots first);
- ``graph``: facts one hop from entities matching the question's entities and keywords, plus
  facts from the same turns as the top vector facts;
- ``temporal``: facts and turns dated inside the plan's time window;

then the projected lists ``facts→turns`` (fact-augmented keys: a turn is found through the facts
extracted from it) and ``turns→facts``. Candidates dated outside the window are down-weighted,
sessions are ranked from their turns and facts (for recall@k), and supersession is resolved by
intent (:func:`kgmem.retrieval.fusion.resolve_supersession`).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from kgmem import predicates as predicate_registry
from kgmem.models import Fact, Intent, QueryPlan, Session, Turn
from kgmem.retrieval.fusion import project, resolve_supersession, rrf
from kgmem.retrieval.planner import plan_notes
from kgmem.retrieval.recipes import Recipe, get_recipe
from kgmem.store.base import FactFilter

if TYPE_CHECKING:
    from kgmem.embeddings import Embedder
    from kgmem.store.base import MemoryStore


@dataclass
class RetrievalResult:
    """Everything retrieval found for one plan, ranked, plus the per-retriever lists."""

    plan: QueryPlan
    facts: list[Fact]
    turns: list[Turn]
    session_ids: list[str]
    sessions: dict[str, Session]
    fact_scores: dict[str, float] = field(default_factory=dict)
    turn_scores: dict[str, float] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    #: all facts visible to the query (as-of applied), by id — for deterministic answers
    all_facts: dict[str, Fact] = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)
    recipe: str = ""
    #: cosine similarity of the question to each vector hit (turn and fact ids)
    similarity: dict[str, float] = field(default_factory=dict)
    user_id: str = ""
    store: MemoryStore | None = field(default=None, repr=False)
    embedder: Embedder | None = field(default=None, repr=False)
    _all_turns: list[Turn] | None = field(default=None, repr=False)

    def session_date(self, session_id: str) -> datetime | None:
        s = self.sessions.get(session_id)
        return s.started_at if s else None

    @property
    def scan_turns(self) -> list[Turn]:
        """Every user turn visible to the query (loaded on first use)."""
        return [t for t in self.all_turns() if t.role == "user"]

    def all_turns(self) -> list[Turn]:
        """Every turn visible to the query (as-of applied), loaded once: counts and event
        matching must not depend on what made the top-k."""
        if self._all_turns is None:
            turns = self.store.turns(self.user_id) if self.store is not None else list(self.turns)
            self._all_turns = [t for t in turns if t.session_id in self.sessions]
        return self._all_turns

    def embed(self, texts: Sequence[str]) -> np.ndarray | None:
        """Embeddings of ``texts`` with the retrieval embedder (``None`` without one)."""
        if self.embedder is None or not texts:
            return None
        return np.asarray(self.embedder.embed(list(texts)), dtype=np.float32)

    def phrase_similarity(self, phrase: str, kind: str = "turn", k: int = 60) -> dict[str, float]:
        """Cosine of a phrase to the user's nearest turns (or facts), by id."""
        vecs = self.embed([phrase])
        if vecs is None or self.store is None:
            return {}
        hits = self.store.vector_search(self.user_id, kind, [float(x) for x in vecs[0]], k)  # type: ignore[arg-type]
        return {h.id: float(h.score) for h in hits}


def fact_date(fact: Fact) -> datetime:
    """When a fact happened in the user's world: ``valid_from`` when resolved, else when said."""
    return fact.valid_from or fact.observed_at


def _in_window(when: datetime | None, plan: QueryPlan) -> bool:
    w = plan.window
    if w is None or when is None:
        return True
    return (w.start is None or when >= w.start) and (w.end is None or when <= w.end)


class Retriever:
    """Runs a :class:`Recipe` against a store for one user and plan."""

    def __init__(self, store: MemoryStore, embedder: Embedder | None, recipe: str | Recipe | None = None,
                 *, top_facts: int = 40, top_turns: int = 30) -> None:
        self.store = store
        self.embedder = embedder
        self.recipe = recipe if isinstance(recipe, Recipe) else get_recipe(recipe)
        self.top_facts = top_facts
        self.top_turns = top_turns

    # ------------------------------------------------------------------ helpers

    def _vector(self, text: str) -> list[float] | None:
        if self.embedder is None or not self.recipe.vector:
            return None
        return [float(x) for x in self.embedder.embed([text])[0]]

    def _query_text(self, plan: QueryPlan) -> str:
        extra = [e for e in plan.entities if e.lower() not in plan.question.lower()]
        return " ".join([plan.question, *extra])

    # ------------------------------------------------------------------ main

    def retrieve(self, user_id: str, plan: QueryPlan, vector: Sequence[float] | None = None) -> RetrievalResult:
        """Run every retriever of the recipe, fuse, filter by time and resolve supersession.

        ``vector``: the question's embedding when the caller already has it (the planner does)."""
        t0 = time.perf_counter()
        sessions, all_facts = self._visible(user_id, plan)
        vec = ([float(x) for x in vector] if vector is not None and self.recipe.vector
               else self._vector(self._query_text(plan)))
        lists_f, lists_t, similarity = self._lists(user_id, plan, vec, sessions, all_facts)
        t_lists = time.perf_counter()
        fused_f, fused_t = self._augmented(lists_f, lists_t, sessions, all_facts)
        fact_scores = dict(rrf(fused_f, weights=self.recipe.weights))
        turn_scores = dict(rrf(fused_t, weights=self.recipe.weights))
        self._soft_window(plan, fact_scores, turn_scores, sessions, all_facts)
        ranked_f = sorted(fact_scores, key=lambda i: (-fact_scores[i], i))
        ranked_t = sorted(turn_scores, key=lambda i: (-turn_scores[i], i))
        session_ids = _rank_sessions(ranked_f, ranked_t, fact_scores, turn_scores, all_facts)
        resolved = self._resolved(user_id, plan, ranked_f, sessions, all_facts)
        for f in resolved:
            all_facts.setdefault(f.id, f)
            fact_scores.setdefault(f.id, 0.0)
        turn_ids = _with_replies(plan, ranked_t[: self.top_turns], turn_scores)
        turns_by_id = {t.id: t for t in self.store.turns(user_id, ids=turn_ids)}
        turns = [turns_by_id[t] for t in turn_ids if t in turns_by_id]
        t_end = time.perf_counter()
        return RetrievalResult(
            plan=plan, facts=resolved, turns=turns, session_ids=session_ids, sessions=sessions,
            fact_scores=fact_scores, turn_scores=turn_scores,
            lists={**{f"fact:{n}": v for n, v in fused_f.items()}, **{f"turn:{n}": v for n, v in fused_t.items()}},
            all_facts=all_facts, recipe=self.recipe.name, similarity=similarity, user_id=user_id,
            store=self.store, embedder=self.embedder,
            timings_ms={"lists": (t_lists - t0) * 1000, "fuse": (t_end - t_lists) * 1000},
        )

    def _visible(self, user_id: str, plan: QueryPlan) -> tuple[dict[str, Session], dict[str, Fact]]:
        """The sessions and facts the query may see (as-of applied)."""
        sessions = {s.id: s for s in self.store.sessions(user_id)}
        if plan.as_of is not None:
            sessions = {sid: s for sid, s in sessions.items() if s.started_at <= plan.as_of}
        all_facts: dict[str, Fact] = {}
        for f in self.store.facts(user_id, FactFilter(as_of=plan.as_of) if plan.as_of else None):
            if f.session_id not in sessions:
                continue
            if plan.as_of is not None and f.invalid_at is not None and f.invalid_at > plan.as_of:
                f = f.model_copy(update={"invalid_at": None})  # still true at the as-of time
            all_facts[f.id] = f
        return sessions, all_facts

    def _lists(self, user_id: str, plan: QueryPlan, vec: list[float] | None, sessions: dict[str, Session],
               all_facts: dict[str, Fact]) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, float]]:
        """Each retriever's ranked ids (facts, turns) and the question's cosine to the vector hits."""
        r, k = self.recipe, self.recipe.k

        def turn_ok(tid: str) -> bool:
            return tid.rsplit(":", 1)[0] in sessions

        lists_f: dict[str, list[str]] = {}
        lists_t: dict[str, list[str]] = {}
        similarity: dict[str, float] = {}
        if vec is not None:
            t_hits = [h for h in self.store.vector_search(user_id, "turn", vec, k) if turn_ok(h.id)]
            f_hits = [h for h in self.store.vector_search(user_id, "fact", vec, k) if h.id in all_facts]
            lists_t["vec_turn"] = [h.id for h in t_hits]
            lists_f["vec_fact"] = [h.id for h in f_hits]
            similarity = {h.id: float(h.score) for h in [*t_hits, *f_hits]}
        if r.bm25:
            kw_query = " ".join([self._query_text(plan), *plan.keywords])
            lists_t["bm25_turn"] = [h.id for h in self.store.text_search(user_id, "turn", kw_query, k) if turn_ok(h.id)]
            lists_f["bm25_fact"] = [h.id for h in self.store.text_search(user_id, "fact", kw_query, k) if h.id in all_facts]
        if r.predicate:
            ranked: list[str] = []
            for p in (p for p in plan_notes(plan, "predicate") if p in predicate_registry.REGISTRY):
                same = sorted((f for f in all_facts.values() if f.predicate == p),
                              key=lambda f: (f.invalid_at is not None, -f.observed_at.timestamp(), f.id))
                ranked += [f.id for f in same if f.id not in ranked]
            if ranked:
                lists_f["predicate"] = ranked[:k]
        if r.graph:
            lists_f["graph"] = self._graph_list(user_id, plan, all_facts, lists_f.get("vec_fact", [])[:5], k)
        if r.temporal and plan.window is not None:
            base = lists_f.get("vec_fact") or lists_f.get("bm25_fact") or []
            order = {fid: i for i, fid in enumerate(base)}
            in_win = sorted((f for f in all_facts.values() if _in_window(fact_date(f), plan)),
                            key=lambda f: (order.get(f.id, len(order)), fact_date(f)))
            lists_f["temporal"] = [f.id for f in in_win][:k]
            tbase = lists_t.get("vec_turn") or lists_t.get("bm25_turn") or []
            lists_t["temporal"] = [t for t in tbase if _in_window(sessions[t.rsplit(":", 1)[0]].started_at, plan)]
        return lists_f, lists_t, similarity

    def _augmented(self, lists_f: dict[str, list[str]], lists_t: dict[str, list[str]],
                   sessions: dict[str, Session], all_facts: dict[str, Fact]
                   ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Fact-augmented keys: facts vote for their source turns and turns for their facts."""
        fused_t, fused_f = dict(lists_t), dict(lists_f)
        if not self.recipe.fact_augmented:
            return fused_f, fused_t
        turn_facts: dict[str, list[str]] = defaultdict(list)
        for f in all_facts.values():
            for tid in f.source_turn_ids:
                turn_facts[tid].append(f.id)
        fact_lists = [ids for name, ids in lists_f.items() if name != "predicate"]
        merged_f = [fid for fid, _ in rrf({str(i): ids for i, ids in enumerate(fact_lists)})]
        fused_t["facts→turns"] = project(
            merged_f, lambda fid: [t for t in all_facts[fid].source_turn_ids if t.rsplit(":", 1)[0] in sessions])
        merged_t = [tid for tid, _ in rrf({str(i): ids for i, ids in enumerate(lists_t.values())})]
        fused_f["turns→facts"] = project(merged_t, lambda tid: turn_facts.get(tid, []))
        return fused_f, fused_t

    def _soft_window(self, plan: QueryPlan, fact_scores: dict[str, float], turn_scores: dict[str, float],
                     sessions: dict[str, Session], all_facts: dict[str, Fact]) -> None:
        """Down-weight candidates dated outside the plan's time window (soft: loose phrases)."""
        if plan.window is None or self.recipe.outside_window >= 1.0:
            return
        for fid in fact_scores:
            if not _in_window(fact_date(all_facts[fid]), plan):
                fact_scores[fid] *= self.recipe.outside_window
        for tid in turn_scores:
            if not _in_window(sessions[tid.rsplit(":", 1)[0]].started_at, plan):
                turn_scores[tid] *= self.recipe.outside_window

    def _resolved(self, user_id: str, plan: QueryPlan, ranked_f: list[str], sessions: dict[str, Session],
                  all_facts: dict[str, Fact]) -> list[Fact]:
        """Supersession resolved by intent over the top facts."""
        top = [all_facts[i] for i in ranked_f[: self.top_facts]]
        chains: dict[str, list[Fact]] = {}
        for f in top:
            if predicate_registry.is_single_valued(f.predicate) or f.invalid_at is not None:
                chain = [all_facts[c.id] if c.id in all_facts else c
                         for c in self.store.supersession_chain(user_id, f.id)]
                chains[f.id] = [c for c in chain if c.session_id in sessions]
        return resolve_supersession(top, plan.intent, chains)

    def _graph_list(self, user_id: str, plan: QueryPlan, all_facts: dict[str, Fact],
                    seed_facts: Sequence[str], k: int) -> list[str]:
        """Facts one hop from matched entities, then facts sharing a turn with the seed facts."""
        out: dict[str, None] = {}
        names = plan.entities + plan.keywords
        if names:
            ents = self.store.text_search(user_id, "entity", " ".join(names), 8)
            for hit in ents:
                for nid in self.store.neighbours(user_id, hit.id):
                    if nid in all_facts:
                        out.setdefault(nid, None)
        for fid in seed_facts:
            f = all_facts.get(fid)
            if f is None:
                continue
            for other in all_facts.values():
                if other.id != fid and set(other.source_turn_ids) & set(f.source_turn_ids):
                    out.setdefault(other.id, None)
        return list(out)[:k]


def _rank_sessions(ranked_f: list[str], ranked_t: list[str], fact_scores: dict[str, float],
                   turn_scores: dict[str, float], all_facts: dict[str, Fact]) -> list[str]:
    """Sessions by their best turn plus a share of the rest, plus the facts stated there."""
    sess_score: dict[str, float] = defaultdict(float)
    per_sess: dict[str, list[float]] = defaultdict(list)
    for tid in ranked_t:
        per_sess[tid.rsplit(":", 1)[0]].append(turn_scores[tid])
    for sid, scores in per_sess.items():
        sess_score[sid] = scores[0] + 0.3 * sum(scores[1:4])
    for fid in ranked_f[:50]:
        sess_score[all_facts[fid].session_id] += 0.5 * fact_scores[fid]
    return sorted(sess_score, key=lambda s: (-sess_score[s], s))


def _with_replies(plan: QueryPlan, turn_ids: list[str], turn_scores: dict[str, float]) -> list[str]:
    """"What did you recommend for X": the answer is the reply to the turn about X."""
    if plan.intent not in (Intent.ASSISTANT_SAID, Intent.PREFERENCE):
        return turn_ids
    extra: list[str] = []
    for tid in turn_ids[:8]:
        sid, idx = tid.rsplit(":", 1)
        nxt = f"{sid}:{int(idx) + 1}"
        if nxt not in turn_ids and nxt not in extra:
            extra.append(nxt)
            turn_scores.setdefault(nxt, 0.9 * turn_scores[tid])
    return turn_ids + extra


def search(store: MemoryStore, embedder: Embedder | None, user_id: str, plan: QueryPlan,
           recipe: str | None = None) -> RetrievalResult:
    """One-call retrieval with a named recipe."""
    return Retriever(store, embedder, recipe).retrieve(user_id, plan)


__all__ = ["Retriever", "RetrievalResult", "search", "fact_date", "Intent"]


#: the plain message hits a second look reads: what a top-10 cosine RAG would have held
RAW_TURN_HITS = 10


def raw_turn_hits(result: RetrievalResult, k: int = RAW_TURN_HITS) -> list[Turn]:
    """The best plain message hits over the user's turns: the vector and keyword lists fused
    (RRF) with no fact votes, time window or supersession — the evidence a plain RAG would read."""
    lists = {n: ids for n, ids in result.lists.items() if n in ("turn:vec_turn", "turn:bm25_turn")}
    by_id = {t.id: t for t in result.all_turns()}
    ranked = [by_id[tid] for tid, _ in rrf(lists) if tid in by_id]
    return [t for t in ranked if t.role == "user"][:k]
