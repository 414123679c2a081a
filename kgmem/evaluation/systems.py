"""The evaluated systems — kgmem (through :class:`~kgmem.api.Memory`) and the baseline RAG —
and the registry that builds one by name. Their interface is :mod:`kgmem.evaluation.interface`.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from kgmem.api import Memory
from kgmem.evaluation.baseline_rag import BaselineRAG
from kgmem.evaluation.interface import (
    SYSTEM_NAMES,
    LLMUsage,
    PrepareStats,
    RetrievingSystem,
    System,
    SystemAnswer,
)
from kgmem.models import Answer, AnswerExtra, Haystack

if TYPE_CHECKING:
    from kgmem.settings import Settings

__all__ = ["SYSTEM_NAMES", "BaselineRAG", "KgmemSystem", "LLMUsage", "PrepareStats", "RetrievingSystem",
           "System", "SystemAnswer", "make_system"]


class KgmemSystem:
    """Adapter over :class:`kgmem.api.Memory`."""

    name = "kgmem"

    def __init__(self, settings: Settings, memory: Memory | None = None, *,
                 retrieval_only: bool = False) -> None:
        self.memory = memory if memory is not None else Memory(settings)
        self.settings = settings
        self.retrieval_only = retrieval_only

    def warmup(self) -> None:
        """Load the embedder and the answer model (no completion call)."""
        self.memory.embedder.embed(["warm-up"])
        llm = None if self.retrieval_only else self.memory.llm
        if llm is not None:
            llm.count_tokens("warm-up")

    def prepare(self, haystack: Haystack) -> PrepareStats:
        """Ingest through ``Memory.ingest_haystack``; reports whether any session was new."""
        start = time.perf_counter()
        report = self.memory.ingest_haystack(haystack)
        seconds = time.perf_counter() - start
        detail = {k: v for k, v in report.to_dict().items() if isinstance(v, (int, float, str, bool))}
        return PrepareStats(
            did_work=report.sessions_written > 0,
            sessions=len(haystack.sessions),
            turns=sum(len(s.turns) for s in haystack.sessions),
            seconds=seconds,
            detail=detail,
        )

    def _to_system_answer(self, ans: Answer) -> SystemAnswer:
        extra = cast(AnswerExtra, ans.extra)  # the keys the answerer promises (kgmem.models)
        usage = LLMUsage()
        if "llm" in extra:  # the answerer's one generation call
            usage = LLMUsage(calls=1, cached_calls=1 if extra.get("cached") else 0,
                             prompt_tokens=int(extra.get("prompt_tokens") or 0),
                             completion_tokens=int(extra.get("completion_tokens") or 0))
        tokens = extra.get("context_tokens")
        tok_name = str(extra.get("tokenizer", ""))
        if not isinstance(tokens, int):
            from kgmem.llm.tokens import APPROX_TOKENIZER_NAME, approx_token_count

            tokens, tok_name = approx_token_count(ans.context), APPROX_TOKENIZER_NAME
        ranked_sessions = extra.get("retrieved_session_ids") or list(ans.session_ids)
        ranked_turns = extra.get("retrieved_turn_ids") or list(ans.turn_ids)
        notes: dict[str, Any] = {k: ans.extra[k] for k in ("intent", "recipe", "fallback", "abstain_reason", "path",
                                                            "intent_score")
                                 if k in ans.extra}
        notes["deterministic"] = ans.deterministic
        return SystemAnswer(
            answer=ans.text,
            context=ans.context,
            context_tokens=tokens,
            tokenizer=tok_name,
            retrieved_session_ids=[str(s) for s in ranked_sessions],
            retrieved_turn_ids=[str(t) for t in ranked_turns],
            context_session_ids=list(ans.session_ids),
            turn_ids=list(ans.turn_ids),
            fact_ids=list(ans.fact_ids),
            timings_ms=dict(ans.timings_ms),
            llm_usage=usage,
            abstained=ans.abstained,
            notes=notes,
        )

    def answer(self, user_id: str, question: str, question_date: datetime) -> SystemAnswer:
        """Answer through ``Memory.answer`` and convert to the harness's record."""
        return self._to_system_answer(self.memory.answer(user_id, question, question_date))

    def retrieve(self, user_id: str, question: str, question_date: datetime) -> SystemAnswer:
        """Plan and retrieve through ``Memory.search`` (no answer model); no context is built."""
        start = time.perf_counter()
        result = self.memory.search(user_id, question, question_date=question_date)
        timings = {"retrieve": (time.perf_counter() - start) * 1000}
        return SystemAnswer(
            answer="",
            retrieved_session_ids=[str(s) for s in result.session_ids],
            retrieved_turn_ids=[t.id for t in result.turns],
            context_session_ids=None,
            fact_ids=[f.id for f in result.facts],
            timings_ms=timings,
            notes={"intent": result.plan.intent.value, "recipe": result.recipe},
        )


def make_system(name: str, settings: Settings, *, retrieval_only: bool = False) -> System:
    """Build a system by name (``kgmem`` or ``baseline-rag``) from settings."""
    if name == "baseline-rag":
        from kgmem.embeddings import embedder_from_settings

        llm = None
        if not retrieval_only:
            from kgmem.llm import get_llm

            llm = get_llm(settings, role="answer", cache=settings.llm_cache)
        return BaselineRAG(embedder_from_settings(settings), llm, timeout_s=settings.llm_timeout_s)
    if name == "kgmem":
        return KgmemSystem(settings, retrieval_only=retrieval_only)
    raise ValueError(f"unknown system {name!r}; choose one of {', '.join(SYSTEM_NAMES)}")
