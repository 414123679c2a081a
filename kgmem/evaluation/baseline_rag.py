"""``baseline-rag``: the Investigathon starter repository's RAG, reproduced with kgmem's embedder.

One chunk per message embedded as ``"<role>: <content>"``; the question embedded alone; the
top-10 messages by dot product of normalised embeddings pasted (role, content) into a
one-paragraph prompt; no session dates anywhere. Embeddings go through the embedder cache, so
haystacks that share sessions are embedded once. The full ranking of sessions (by their best
message) and of turns is exposed for recall@k.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from kgmem.embeddings import CachedEmbedder
from kgmem.evaluation.interface import LLMUsage, PrepareStats, SystemAnswer
from kgmem.evaluation.prompts import baseline_rag as prompt
from kgmem.models import Haystack

if TYPE_CHECKING:
    from kgmem.embeddings import Embedder
    from kgmem.llm.base import LLM

TOP_K = 10
#: how many ranked candidates an answer record keeps (metrics go up to k=50)
RANKED_KEEP = 50


@dataclass
class _Index:
    """One user's message index: parallel arrays of turns and their unit vectors."""

    turn_ids: list[str]
    session_ids: list[str]
    roles: list[str]
    contents: list[str]
    vectors: np.ndarray


class BaselineRAG:
    """The reference RAG system (see module docstring)."""

    name = "baseline-rag"

    def __init__(self, embedder: Embedder, llm: LLM | None, *, top_k: int = TOP_K,
                 keep_indexes: int = 4, max_tokens: int = 512,
                 timeout_s: float | None = None) -> None:
        self.embedder = embedder
        self.llm = llm
        self.top_k = top_k
        self.max_tokens = max_tokens
        self.timeout_s = timeout_s
        # a few recent indexes only: a 500-haystack run would otherwise hold ~0.5 GB of vectors
        self._indexes: OrderedDict[str, _Index] = OrderedDict()
        self._keep = keep_indexes

    def warmup(self) -> None:
        """Load the embedder and the answer model's tokenizer (no completion call)."""
        self.embedder.embed(["warm-up"])
        if self.llm is not None:
            self.llm.count_tokens("warm-up")

    # ------------------------------------------------------------------ prepare

    def prepare(self, haystack: Haystack) -> PrepareStats:
        """Embed every message of the haystack (cache hits cost nothing) and index it."""
        start = time.perf_counter()
        turn_ids: list[str] = []
        session_ids: list[str] = []
        roles: list[str] = []
        contents: list[str] = []
        for session in haystack.sessions:
            sid = session.id  # labels name sessions by kgmem session id (= dataset id)
            for turn in session.turns:
                turn_ids.append(turn.id)
                session_ids.append(sid)
                roles.append(turn.role)
                contents.append(turn.text)
        # a cached embedder counts what it had to compute; any other computes every text
        cache = self.embedder if isinstance(self.embedder, CachedEmbedder) else None
        misses_before = cache.misses if cache is not None else 0
        texts = [f"{r}: {c}" for r, c in zip(roles, contents, strict=True)]
        vectors = self.embedder.embed(texts) if texts else np.zeros((0, self.embedder.dim),
                                                                    dtype=np.float32)
        new_vectors = (cache.misses if cache is not None else len(texts)) - misses_before
        self._indexes[haystack.user_id] = _Index(turn_ids, session_ids, roles, contents,
                                                 np.asarray(vectors, dtype=np.float32))
        self._indexes.move_to_end(haystack.user_id)
        while len(self._indexes) > self._keep:
            self._indexes.popitem(last=False)
        return PrepareStats(
            did_work=new_vectors > 0,
            sessions=len(haystack.sessions),
            turns=len(texts),
            seconds=time.perf_counter() - start,
            detail={"embedded": new_vectors, "cached": len(texts) - new_vectors},
        )

    # ------------------------------------------------------------------ query

    def _index(self, user_id: str) -> _Index:
        try:
            return self._indexes[user_id]
        except KeyError:
            raise RuntimeError(f"baseline-rag: user {user_id!r} was not prepared") from None

    def _rank(self, user_id: str, question: str) -> tuple[_Index, np.ndarray]:
        index = self._index(user_id)
        qvec = np.asarray(self.embedder.embed([question]), dtype=np.float32)[0]
        scores = index.vectors @ qvec if len(index.turn_ids) else np.zeros(0, dtype=np.float32)
        # stable sort so ties keep haystack order (deterministic across runs)
        order = np.argsort(-scores, kind="stable")
        return index, order

    @staticmethod
    def _ranked_sessions(index: _Index, order: np.ndarray) -> list[str]:
        seen: dict[str, None] = {}
        for i in order:
            seen.setdefault(index.session_ids[int(i)], None)
        return list(seen)

    def retrieve(self, user_id: str, question: str, question_date: datetime) -> SystemAnswer:
        """Rank sessions and turns for the question; no model call."""
        start = time.perf_counter()
        index, order = self._rank(user_id, question)
        top = [int(i) for i in order[: self.top_k]]
        evidence = [{"role": index.roles[i], "content": index.contents[i]} for i in top]
        context = repr(evidence)
        retrieve_ms = (time.perf_counter() - start) * 1000
        if self.llm is not None:
            tokens, tok = self.llm.count_tokens(context), self.llm.tokenizer_name
        else:
            from kgmem.llm.tokens import APPROX_TOKENIZER_NAME, approx_token_count

            tokens, tok = approx_token_count(context), APPROX_TOKENIZER_NAME
        return SystemAnswer(
            answer="",
            context=context,
            context_tokens=tokens,
            tokenizer=tok,
            retrieved_session_ids=self._ranked_sessions(index, order)[:RANKED_KEEP],
            retrieved_turn_ids=[index.turn_ids[int(i)] for i in order[:RANKED_KEEP]],
            context_session_ids=list(dict.fromkeys(index.session_ids[i] for i in top)),
            turn_ids=[index.turn_ids[i] for i in top],
            timings_ms={"plan": 0.0, "retrieve": retrieve_ms},
        )

    def answer(self, user_id: str, question: str, question_date: datetime) -> SystemAnswer:
        """Retrieve the top-10 messages and ask the answer model (no dates: faithful baseline)."""
        if self.llm is None:
            raise RuntimeError("baseline-rag was built without an answer model (retrieval only)")
        result = self.retrieve(user_id, question, question_date)
        index = self._index(user_id)
        by_id = {t: i for i, t in enumerate(index.turn_ids)}
        evidence = [{"role": index.roles[by_id[t]], "content": index.contents[by_id[t]]}
                    for t in result.turn_ids]
        start = time.perf_counter()
        llm_result: Any = self.llm.complete(
            [{"role": "user", "content": prompt.render(evidence, question)}],
            max_tokens=self.max_tokens,
            prompt_version=prompt.VERSION,
            timeout_s=self.timeout_s,
        )
        result.timings_ms["answer"] = (time.perf_counter() - start) * 1000
        result.answer = str(llm_result.text).strip()
        result.llm_usage = LLMUsage.from_result(llm_result)
        return result
