"""The interface every evaluated system implements: what it is handed and what it returns.

The harness hands a system a haystack *without labels* (``strip_labels``) and then asks one
question; the system returns a :class:`SystemAnswer` that carries everything the metrics need
(ranked candidate sessions for recall@k, the sessions actually placed in the context for context
recall, the context and its token count, per-stage timings and LLM usage). The systems
themselves (kgmem, the baseline) and the registry that builds one by name live in
:mod:`kgmem.evaluation.systems`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from kgmem.llm.base import LLMResult
from kgmem.models import Haystack, Tally

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
class LLMUsage(Tally):
    """Model usage summed over the calls made for one answer (:meth:`add` sums another)."""

    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0

    @classmethod
    def from_result(cls, result: LLMResult) -> LLMUsage:
        """Usage of one ``LLMResult`` (a cache hit counts as a cached call, zero tokens billed)."""
        return cls(
            calls=1,
            cached_calls=1 if result.cached else 0,
            prompt_tokens=result.prompt_tokens,
            completion_tokens=result.completion_tokens,
            cost_usd=float(result.extra.get("cost_usd") or 0.0),  # litellm's cost, when it knows one
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


@runtime_checkable
class WarmingSystem(System, Protocol):
    """A system that loads models, and can do so before its first question."""

    def warmup(self) -> None:
        """Load the models now (no completion call)."""
        ...


def warm_up(system: System) -> None:
    """Load the system's models now, so the first question's latency does not include them
    (a system without models has nothing to load)."""
    if isinstance(system, WarmingSystem):
        system.warmup()
