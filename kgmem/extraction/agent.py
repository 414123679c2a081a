"""LLM extraction tier: schema-constrained extraction through the LLM layer.

Sessions are sent in chunks of numbered turns (assistant turns shortened: small models lose the
user's statements in long assistant answers). The model copies time expressions verbatim; they
are resolved in code against the session date. Any LLM failure (unavailable, timeout, invalid
output after retries) is recorded in the result and the rules tier answers instead — ingest
never crashes on a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from kgmem import predicates
from kgmem.extraction.prompts import extract_v1 as prompt
from kgmem.extraction.rules import RuleExtractor
from kgmem.extraction.schema import CandidateFact, ExtractionResult
from kgmem.llm.base import LLM, LLMError
from kgmem.models import Speaker
from kgmem.temporal import resolve_time

_ASSISTANT_CHARS = 400
_CHUNK_CHARS = 3500


class LLMExtractor:
    """Extract with ``llm``; fall back to ``fallback`` (the rules tier) on any LLM error."""

    name = "llm"

    def __init__(self, llm: LLM, fallback: RuleExtractor | None = None, max_tokens: int = 768) -> None:
        self.llm = llm
        self.fallback = fallback or RuleExtractor()
        self.max_tokens = max_tokens

    @property
    def cache_key(self) -> str:
        return f"llm|{self.llm.model}|{prompt.PROMPT_VERSION}"

    def _chunks(self, turns: Sequence[tuple[str, str]]) -> list[list[tuple[int, str, str]]]:
        chunks: list[list[tuple[int, str, str]]] = []
        cur: list[tuple[int, str, str]] = []
        size = 0
        for i, (role, text) in enumerate(turns):
            if role not in ("user", "assistant"):
                continue
            t = text if role == "user" else text[:_ASSISTANT_CHARS]
            if cur and size + len(t) > _CHUNK_CHARS:
                chunks.append(cur)
                cur, size = [], 0
            cur.append((i, role, t[: _CHUNK_CHARS]))
            size += len(t)
        if cur:
            chunks.append(cur)
        return chunks

    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        """Extract candidates; on an LLM error return the rules tier's result with the reason."""
        facts: list[CandidateFact] = []
        try:
            for chunk in self._chunks(turns):
                messages = [
                    {"role": "system", "content": prompt.system_prompt()},
                    {"role": "user", "content": prompt.user_prompt(chunk)},
                ]
                res = self.llm.complete(messages, schema=prompt.LLMFacts, max_tokens=self.max_tokens,
                                        prompt_version=prompt.PROMPT_VERSION)
                parsed = res.parsed_as(prompt.LLMFacts)
                valid_turns = {i for i, _, _ in chunk}
                for f in parsed.facts:
                    cand = self._candidate(f, valid_turns, chunk[0][0], session_date)
                    if cand is not None:
                        facts.append(cand)
        except (LLMError, TypeError, ValueError) as exc:
            # why: extraction must never stop ingest; the failure is recorded, rules answer
            result = self.fallback.extract(turns, session_date)
            result.fallback_reason = f"{type(exc).__name__}: {exc}"[:500]
            return result
        return ExtractionResult(facts=facts, tier="llm", model=self.llm.model, version=prompt.PROMPT_VERSION)

    @staticmethod
    def _candidate(f: prompt.LLMFact, valid_turns: set[int], first: int, date: datetime) -> CandidateFact | None:
        pred = f.predicate.strip().lower().replace(" ", "_").replace("-", "_")
        value = f.value.strip()
        if not value or not pred:
            return None
        speaker: Speaker = "assistant" if f.speaker.strip().lower() == "assistant" else "user"
        if pred == "assistant_recommended":
            speaker = "assistant"
        turn = f.turn if f.turn in valid_turns else first
        resolved = resolve_time(f.time, date) if f.time else None
        p = predicates.get(pred)
        return CandidateFact(
            predicate=pred, value=value,
            value_type=p.value_type if p and p.value_type in ("place", "org", "person", "item", "entity") else None,
            text=f"{'User' if speaker == 'user' else 'The assistant'} {pred.replace('_', ' ')}: {value}.",
            time_text=resolved.text if resolved else None,
            valid_from=resolved.point if resolved else None,
            valid_to=resolved.end if resolved and pred == "event" else None,
            granularity=resolved.granularity if resolved else "unknown",
            speaker=speaker, source_turns=[turn], confidence=0.7,
        )
