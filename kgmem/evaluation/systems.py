"""The interface every evaluated system implements, and the registry that builds one by name.

The harness hands a system a haystack *without labels* (``strip_labels``) and then asks one
question; the system returns a :class:`SystemAnswer` that carries everything the metrics need
(ranked candidate sessions for recall@k, the sessions actually placed in the context for context
recall, the context and its token count, per-stage timings and LLM usage).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from kgmem.models import Haystack

if TYPE_CHECKING:
    from kgmem.settings import Settings

#: system names accepted by ``kgmem eval --system``
SYSTEM_NAMES = ("kgmem", "baseline-rag")


@dataclass
class PrepareStats:
    """What ``System.prepare`` did: ``did_work`` is False when everything came from a cache."""

    did_work: bool
    sessions: int = 0
    turns: int = 0
    seconds: float = 0.0
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class LLMUsage:
    """Model usage summed over the calls made for one answer."""

    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0

    def add(self, other: LLMUsage) -> None:
        """Accumulate another usage record into this one."""
        self.calls += other.calls
        self.cached_calls += other.cached_calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.cost_usd += other.cost_usd

    @classmethod
    def from_result(cls, result: Any) -> LLMUsage:
        """Usage of one ``LLMResult`` (a cache hit counts as a cached call, zero tokens billed)."""
        cached = bool(getattr(result, "cached", False))
        extra = getattr(result, "extra", None) or {}
        return cls(
            calls=1,
            cached_calls=1 if cached else 0,
            prompt_tokens=int(getattr(result, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(result, "completion_tokens", 0) or 0),
            cost_usd=float(extra.get("cost_usd", 0.0) or 0.0) if isinstance(extra, dict) else 0.0,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SystemAnswer:
    """One system's answer to one question, with what it retrieved and what it cost.

    ``retrieved_session_ids`` / ``retrieved_turn_ids`` are the *ranked* candidates (best first,
    used for recall@k / ndcg@k); ``context_session_ids`` are the sessions whose content reached
    the final prompt (used for context recall). Session ids are the dataset's session ids.
    """

    answer: str
    context: str = ""
    context_tokens: int = 0
    tokenizer: str = ""
    retrieved_session_ids: list[str] = field(default_factory=list)
    retrieved_turn_ids: list[str] = field(default_factory=list)
    #: None when the system did not build a context (retrieval-only runs of some systems)
    context_session_ids: list[str] | None = field(default_factory=list)
    turn_ids: list[str] = field(default_factory=list)
    fact_ids: list[str] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    llm_usage: LLMUsage = field(default_factory=LLMUsage)
    abstained: bool = False
    #: small JSON-able notes for analysis (intent, recipe, fallback reason, deterministic…)
    notes: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class System(Protocol):
    """A memory system under evaluation."""

    name: str

    def prepare(self, haystack: Haystack) -> PrepareStats:
        """Ingest a label-free haystack (idempotent; cached work is not redone)."""
        ...

    def answer(self, user_id: str, question: str, question_date: datetime) -> SystemAnswer:
        """Answer one question for a prepared user namespace."""
        ...


@runtime_checkable
class RetrievingSystem(System, Protocol):
    """A system that can also rank sessions without calling a model (``--retrieval-only``)."""

    def retrieve(self, user_id: str, question: str, question_date: datetime) -> SystemAnswer:
        """Rank candidates only: ``answer`` is empty and no LLM is called."""
        ...


def tokenizer_name(llm: Any) -> str:
    """The name of the tokenizer an LLM counts with (reports say which one counted)."""
    layer = llm
    for _ in range(4):  # look through wrappers (cache, recorder) for the backend's own name
        for attr in ("tokenizer_name", "tokenizer"):
            value = getattr(layer, attr, None)
            if isinstance(value, str) and value:
                return value
        layer = getattr(layer, "inner", None)
        if layer is None:
            break
    return f"{getattr(llm, 'model', 'unknown')} tokenizer"


class KgmemSystem:
    """Adapter over ``kgmem.api.Memory`` (imported lazily: it is built by other modules)."""

    name = "kgmem"

    def __init__(self, settings: Settings, memory: Any | None = None, *,
                 retrieval_only: bool = False) -> None:
        if memory is None:
            try:
                from kgmem.api import Memory
            except ImportError as exc:
                raise RuntimeError(
                    f"the kgmem system needs kgmem.api.Memory, which cannot be imported ({exc}); "
                    "use --system baseline-rag until it lands"
                ) from exc
            memory = Memory(settings)
        self.memory = memory
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
        stats = self.memory.ingest_haystack(haystack)
        seconds = time.perf_counter() - start
        detail: dict[str, Any] = {}
        did_work = True
        if stats is not None:
            # the ingest report's shape belongs to the memory module: read it defensively
            raw = stats.model_dump() if hasattr(stats, "model_dump") else (
                asdict(stats) if hasattr(stats, "__dataclass_fields__") else
                stats if isinstance(stats, dict) else {})
            detail = {k: v for k, v in raw.items() if isinstance(v, (int, float, str, bool))}
            for key in ("sessions_written", "sessions_ingested", "sessions_new", "written"):
                if key in detail:
                    did_work = bool(detail[key])
                    break
        return PrepareStats(
            did_work=did_work,
            sessions=len(haystack.sessions),
            turns=sum(len(s.turns) for s in haystack.sessions),
            seconds=seconds,
            detail=detail,
        )

    def _to_system_answer(self, ans: Any) -> SystemAnswer:
        extra: dict[str, Any] = dict(getattr(ans, "extra", {}) or {})
        usage = LLMUsage()
        if isinstance(extra.get("llm_usage"), dict):
            raw = extra["llm_usage"]
            usage = LLMUsage(**{k: raw[k] for k in LLMUsage.__dataclass_fields__ if k in raw})
        elif "llm" in extra:  # the answerer's one generation call
            usage = LLMUsage(calls=1, cached_calls=1 if extra.get("cached") else 0,
                             prompt_tokens=int(extra.get("prompt_tokens") or 0),
                             completion_tokens=int(extra.get("completion_tokens") or 0))
        context = str(getattr(ans, "context", "") or "")
        tokens = extra.get("context_tokens")
        tok_name = str(extra.get("tokenizer", ""))
        if not isinstance(tokens, int):
            from kgmem.llm.tokens import APPROX_TOKENIZER_NAME, approx_token_count

            tokens, tok_name = approx_token_count(context), APPROX_TOKENIZER_NAME
        ranked_sessions = extra.get("retrieved_session_ids") or list(ans.session_ids)
        ranked_turns = extra.get("retrieved_turn_ids") or list(ans.turn_ids)
        notes: dict[str, Any] = {k: extra[k] for k in ("intent", "recipe", "fallback", "abstain_reason")
                 if k in extra}
        notes["deterministic"] = bool(getattr(ans, "deterministic", False))
        return SystemAnswer(
            answer=str(ans.text),
            context=context,
            context_tokens=int(tokens),
            tokenizer=tok_name,
            retrieved_session_ids=[str(s) for s in ranked_sessions],
            retrieved_turn_ids=[str(t) for t in ranked_turns],
            context_session_ids=[str(s) for s in ans.session_ids],
            turn_ids=list(ans.turn_ids),
            fact_ids=list(ans.fact_ids),
            timings_ms=dict(ans.timings_ms),
            llm_usage=usage,
            abstained=bool(getattr(ans, "abstained", False)),
            notes=notes,
        )

    def answer(self, user_id: str, question: str, question_date: datetime) -> SystemAnswer:
        """Answer through ``Memory.answer`` and convert to the harness's record."""
        return self._to_system_answer(self.memory.answer(user_id, question, question_date))

    def retrieve(self, user_id: str, question: str, question_date: datetime) -> SystemAnswer:
        """Plan and retrieve through ``Memory.search`` (no answer model); no context is built."""
        start = time.perf_counter()
        result = self.memory.search(user_id, question, question_date=question_date)
        timings = {k: float(v) for k, v in (getattr(result, "timings_ms", {}) or {}).items()}
        timings.setdefault("retrieve", (time.perf_counter() - start) * 1000)
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
        from kgmem.evaluation.baseline_rag import BaselineRAG

        llm = None
        if not retrieval_only:
            from kgmem.llm import get_llm

            llm = get_llm(settings, role="answer", cache=settings.llm_cache)
        return BaselineRAG(embedder_from_settings(settings), llm, timeout_s=settings.llm_timeout_s)
    if name == "kgmem":
        return KgmemSystem(settings, retrieval_only=retrieval_only)
    raise ValueError(f"unknown system {name!r}; choose one of {', '.join(SYSTEM_NAMES)}")
