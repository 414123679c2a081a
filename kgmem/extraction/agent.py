"""LLM extraction tier: the zero-LLM facts of every session, plus a model on the residual turns.

The zero-LLM tier (:class:`~kgmem.extraction.zero.RuleExtractor`) reads every session; the model
only sees the **residual** turns — user turns that say something about the user (a first-person
cue) where the zero-LLM tier stored nothing, or where it proposed a predicate but found no value
of its kind. Its facts are **added** to the zero-LLM facts (union; a fact both tiers read is kept
once), so a model can only add, never lose, what the rules found. Results are cached per session
content by :class:`~kgmem.extraction.cache.ExtractionCache` (key: model, prompt version and the
zero-LLM tier's own key).

Failures never stop ingest and never lose facts: invalid JSON after the LLM layer's repairs, a
timeout or any model error leaves the session with its zero-LLM facts and the reason in
``fallback_reason``. A configured model that cannot be reached is detected once (a quick connect
check on its server, else its first failure) and then skipped for the rest of the run, which
continues zero-LLM and reports why (:attr:`LLMExtractor.unavailable`).
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import urlparse

from kgmem import predicates
from kgmem.extraction.prompts import extract_v1 as prompt
from kgmem.extraction.schema import CandidateFact, ExtractionResult
from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.sentences import FIRST_PERSON
from kgmem.ids import normalise_name
from kgmem.llm.base import LLM, LLMError, LLMUnavailable
from kgmem.models import Speaker
from kgmem.temporal import resolve_time

_ASSISTANT_CHARS = 400
_CHUNK_CHARS = 3500
_CONNECT_TIMEOUT_S = 2.0


def _reachable(api_base: str | None) -> str | None:
    """None when ``api_base``'s host accepts a TCP connection (or there is no base), else why not."""
    if not api_base:
        return None
    url = urlparse(api_base if "://" in api_base else f"http://{api_base}")
    host, port = url.hostname, url.port or (443 if url.scheme == "https" else 80)
    if not host:
        return None
    try:
        with socket.create_connection((host, port), timeout=_CONNECT_TIMEOUT_S):
            return None
    except OSError as exc:
        return f"cannot connect to {host}:{port} ({exc.strerror or exc})"


class LLMExtractor:
    """Zero-LLM facts for every session, plus ``llm`` on the residual turns (see module doc)."""

    name = "llm"

    def __init__(self, llm: LLM, base: RuleExtractor | None = None, max_tokens: int = 768, *,
                 fallback: RuleExtractor | None = None) -> None:
        self.llm = llm
        self.base = base or fallback or RuleExtractor()  # ``fallback``: the old name of ``base``
        self.max_tokens = max_tokens
        #: why the model is skipped for the rest of the run (set on the first unreachable call)
        self.unavailable: str | None = None
        self._checked = False
        #: sessions whose residual turns went to the model / fell back to the zero-LLM facts only
        self.llm_sessions = 0
        self.fallbacks = 0

    @property
    def fallback(self) -> RuleExtractor:
        """The zero-LLM tier (kept for callers of the old name)."""
        return self.base

    @property
    def cache_key(self) -> str:
        return f"llm|{self.llm.model}|{prompt.PROMPT_VERSION}|{self.base.cache_key}"

    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        """The zero-LLM facts of the session plus the model's facts on its residual turns."""
        return self.extract_many([(turns, session_date)])[0]

    def extract_many(
        self, sessions: Sequence[tuple[Sequence[tuple[str, str]], datetime]]
    ) -> list[ExtractionResult]:
        """Zero-LLM extraction of all sessions at once, then the model session by session."""
        base = self.base.extract_many(sessions)
        return [self._with_llm(turns, date, res) for (turns, date), res in zip(sessions, base)]

    # -- internals -------------------------------------------------------------------------
    def residual_turns(self, turns: Sequence[tuple[str, str]], base: ExtractionResult) -> list[int]:
        """User turns that state something about the user but gave the zero-LLM tier no fact."""
        covered = {t for f in base.facts if f.speaker == "user" for t in f.source_turns}
        return [i for i, (role, text) in enumerate(turns)
                if role == "user" and i not in covered and FIRST_PERSON.search(text)]

    def _check_reachable(self) -> None:
        if self._checked:
            return
        self._checked = True
        reason = _reachable(getattr(self.llm, "api_base", None) or getattr(getattr(self.llm, "inner", None),
                                                                         "api_base", None))
        if reason:
            self.unavailable = f"model {self.llm.model!r} unreachable: {reason}"

    def _with_llm(self, turns: Sequence[tuple[str, str]], date: datetime, base: ExtractionResult) -> ExtractionResult:
        residual = self.residual_turns(turns, base)
        out = base.model_copy(update={"tier": "llm", "model": self.llm.model,
                                      "version": f"{prompt.PROMPT_VERSION}+{base.version}"})
        if not residual:
            return out
        self._check_reachable()
        if self.unavailable:
            self.fallbacks += 1
            out.fallback_reason = f"LLMUnavailable: {self.unavailable}; zero-LLM facts only"
            return out
        try:
            found = self._llm_facts(turns, residual, date)
        except LLMUnavailable as exc:
            # why: every later session would wait for the same dead server; skip it from now on
            self.unavailable = f"model {self.llm.model!r} unreachable: {exc}"[:400]
            self.fallbacks += 1
            out.fallback_reason = f"LLMUnavailable: {exc}; zero-LLM facts only"[:500]
            return out
        except (LLMError, TypeError, ValueError) as exc:
            # invalid JSON after repairs, a timeout, a refused request: the zero-LLM facts stand
            self.fallbacks += 1
            out.fallback_reason = f"{type(exc).__name__}: {exc}; zero-LLM facts only"[:500]
            return out
        self.llm_sessions += 1
        out.facts = union(base.facts, found)
        return out

    def _chunks(self, turns: Sequence[tuple[str, str]], residual: list[int]) -> list[list[tuple[int, str, str]]]:
        """Residual user turns, each with the assistant turn before it (shortened) for context."""
        wanted: list[int] = []
        for i in residual:
            if i > 0 and turns[i - 1][0] == "assistant":
                wanted.append(i - 1)
            wanted.append(i)
        chunks: list[list[tuple[int, str, str]]] = []
        cur: list[tuple[int, str, str]] = []
        size = 0
        for i in dict.fromkeys(wanted):
            role, text = turns[i]
            t = text if role == "user" else text[:_ASSISTANT_CHARS]
            if cur and size + len(t) > _CHUNK_CHARS:
                chunks.append(cur)
                cur, size = [], 0
            cur.append((i, role, t[:_CHUNK_CHARS]))
            size += len(t)
        if cur:
            chunks.append(cur)
        return chunks

    def _llm_facts(self, turns: Sequence[tuple[str, str]], residual: list[int], date: datetime) -> list[CandidateFact]:
        facts: list[CandidateFact] = []
        for chunk in self._chunks(turns, residual):
            messages = [
                {"role": "system", "content": prompt.system_prompt()},
                {"role": "user", "content": prompt.user_prompt(chunk)},
            ]
            res = self.llm.complete(messages, schema=prompt.LLMFacts, max_tokens=self.max_tokens,
                                    prompt_version=prompt.PROMPT_VERSION)
            parsed = res.parsed_as(prompt.LLMFacts)
            users = {i for i, role, _ in chunk if role == "user"}
            said = " ".join(text for i, role, text in chunk if role == "user")
            for f in parsed.facts:
                cand = self._candidate(f, users, chunk[-1][0], date)
                if cand is not None and grounded(cand.value, said):
                    facts.append(cand)
        return facts

    @staticmethod
    def _candidate(f: prompt.LLMFact, valid_turns: set[int], last: int, date: datetime) -> CandidateFact | None:
        pred = f.predicate.strip().lower().replace(" ", "_").replace("-", "_")
        value = f.value.strip()
        if not value or not pred or pred.startswith("assistant"):
            return None  # recommendations are read from assistant turns by the zero-LLM tier
        speaker: Speaker = "user"
        turn = f.turn if f.turn in valid_turns else last
        resolved = resolve_time(f.time, date) if f.time else None
        p = predicates.get(pred)
        return CandidateFact(
            predicate=pred, value=value[:200],
            value_type=p.value_type if p and p.value_type in ("place", "org", "person", "item", "entity") else None,
            text=f"User {pred.replace('_', ' ')}: {value}.",
            time_text=resolved.text if resolved else None,
            valid_from=resolved.point if resolved else None,
            valid_to=resolved.end if resolved and pred == "event" else None,
            granularity=resolved.granularity if resolved else "unknown",
            speaker=speaker, source_turns=[turn], confidence=0.7,
        )


def grounded(value: str, text: str) -> bool:
    """Most content words of ``value`` occur in ``text``: a small model copies facts from the
    prompt's example or makes them up, and a value the user never said is no fact of theirs."""
    said = set(normalise_name(text).split())
    words = [w for w in normalise_name(value).split() if len(w) > 2 or w.isdigit()]
    return bool(words) and sum(w in said for w in words) * 2 >= len(words)


def union(base: list[CandidateFact], extra: list[CandidateFact]) -> list[CandidateFact]:
    """``base`` plus the ``extra`` facts it does not already hold (same subject, predicate, value)."""
    seen = {(f.subject, f.predicate, normalise_name(f.value)) for f in base}
    out = list(base)
    for f in extra:
        key = (f.subject, f.predicate, normalise_name(f.value))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
