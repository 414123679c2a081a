"""Answering: deterministic where computable, else a small LLM over the dated context, or abstain.

Order of decisions for one question:

1. compute what code can (durations, orderings, dates, current values, counts) —
   :mod:`kgmem.answer.deterministic`; those lines also go into the context;
2. build the dated context within the token budget (the answer model's tokenizer);
3. abstain when the question's salient terms never appear in the retrieved memory and nothing
   was computed (:mod:`kgmem.answer.abstain`);
4. return the computed answer when there is one (no LLM call), else ask the LLM with a short
   time-reasoning prompt; when the LLM fails, fall back to the best memory line (extractive).
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from kgmem import predicates as predicate_registry
from kgmem.answer import abstain as abstain_mod
from kgmem.answer import deterministic
from kgmem.answer.prompts import ANSWER_PROMPT_VERSION, load_prompt
from kgmem.llm.base import LLMError
from kgmem.llm.tokens import APPROX_TOKENIZER_NAME, approx_token_count
from kgmem.models import Answer, Intent
from kgmem.retrieval.context import Context, build_context, fmt_day, trim_turn
from kgmem.retrieval.planner import plan_notes
from kgmem.retrieval.search import RetrievalResult
from kgmem.text import tokenize

if TYPE_CHECKING:
    from kgmem.llm.base import LLM

_TEMPORAL = (Intent.WHEN, Intent.DURATION, Intent.ORDERING)
#: predicates cued by very common words ("have", "like", "when"): not evidence of a topic
_WEAK_CUES = frozenset({"owns", "likes", "event", "hobby", "assistant_stated", "assistant_recommended"})


class Answerer:
    """Turns a :class:`RetrievalResult` into an :class:`Answer`.

    ``llm=None`` answers without a model: deterministic answers, abstentions, and otherwise the
    best-matching memory line (useful offline and in tests).
    """

    def __init__(self, llm: LLM | None = None, *, context_tokens: int = 2000,
                 deterministic_answers: bool = True, abstention: bool = True,
                 max_answer_tokens: int = 96, commit_aggregates: bool | None = None) -> None:
        self.llm = llm
        #: counts/lists from facts depend on extraction recall: by default they are the answer
        #: only without a model; with one they are a context line the model can correct
        self.commit_aggregates = (llm is None) if commit_aggregates is None else commit_aggregates
        self.context_tokens = context_tokens
        self.deterministic_answers = deterministic_answers
        self.abstention = abstention
        self.max_answer_tokens = max_answer_tokens

    def count_tokens(self, text: str) -> int:
        """Tokens by the answer model's tokenizer (approximation without a model)."""
        if self.llm is None:
            return approx_token_count(text)
        return self.llm.count_tokens(text)

    @property
    def tokenizer_name(self) -> str:
        return f"{self.llm.model} tokenizer" if self.llm is not None else APPROX_TOKENIZER_NAME

    def messages(self, result: RetrievalResult, ctx: Context) -> list[dict[str, str]]:
        """The chat messages sent to the answer model."""
        plan = result.plan
        today = fmt_day(plan.question_date) if plan.question_date else "unknown"
        system = load_prompt(ANSWER_PROMPT_VERSION).format(today=today)
        hint = {
            Intent.DURATION: "Give the number with its unit.",
            Intent.WHEN: "Give the date.",
            Intent.ORDERING: "Name which one.",
            Intent.AGGREGATE: "Count or add up every matching item across all dates, then give the total.",
            Intent.CURRENT_VALUE: "Give the most recent value.",
            Intent.PREFERENCE: "Use what the user likes and has told you to personalise the answer.",
            Intent.ASSISTANT_SAID: "Repeat what you (the assistant) said.",
        }.get(plan.intent, "")
        user = f"{ctx.text}\n\nQuestion: {plan.question}\n{hint}".rstrip()
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def answer(self, result: RetrievalResult) -> Answer:
        """Answer one planned and retrieved question."""
        t0 = time.perf_counter()
        plan = result.plan
        computed = deterministic.compute(result)
        lines = list(computed.lines)
        if plan.intent in _TEMPORAL and not computed.answer:
            lines += [ln for ln in deterministic.date_lines(result) if ln not in lines]
        ctx = build_context(result, count_tokens=self.count_tokens, budget=self.context_tokens, computed=lines)
        fact_ids = list(dict.fromkeys(computed.fact_ids + ctx.fact_ids))
        turn_ids = list(dict.fromkeys(computed.turn_ids + ctx.turn_ids))
        base: dict[str, Any] = dict(context=ctx.text, session_ids=ctx.session_ids,
                    extra={"retrieved_session_ids": result.session_ids, "context_tokens": ctx.tokens,
                           "tokenizer": self.tokenizer_name, "intent": plan.intent.value,
                           "recipe": result.recipe, "computed": lines})

        if plan.intent == Intent.AGGREGATE and not self.commit_aggregates and computed.answer \
                and not computed.answer.startswith("$"):
            computed.answer = None
        if self.abstention and not computed.answer:
            evidence = "\n".join([ctx.text] + [t.text for t in result.turns[:10]])
            # facts in the slot the question cues ("what drink do I always have" → favourite_drink)
            slot = {p for p in plan_notes(plan, "predicate") if p in predicate_registry.REGISTRY
                    and p not in _WEAK_CUES}
            slot_facts = sum(1 for f in result.all_facts.values() if f.predicate in slot and f.speaker == "user")
            decision = abstain_mod.decide(plan, evidence, slot_facts=slot_facts)
            if computed.abstain_reason:
                decision = abstain_mod.AbstainDecision(True, computed.unmatched, computed.abstain_reason)
            elif not decision.abstain and len(computed.unmatched) == 1 and \
                    len(plan_notes(plan, "event") or plan_notes(plan, "option")) >= 2:
                # one of two events is in memory and the other is not: the span is unknowable
                decision = abstain_mod.AbstainDecision(True, computed.unmatched,
                                                       f"event never mentioned: {computed.unmatched[0]}")
            if decision.abstain:
                return Answer(text=abstain_mod.abstain_text(plan, decision), abstained=True,
                              fact_ids=[], turn_ids=[], timings_ms={"answer": _ms(t0)},
                              **{**base, "extra": {**base["extra"], "abstain_reason": decision.reason}})
        if computed.answer and self.deterministic_answers:
            return Answer(text=computed.answer, deterministic=True, fact_ids=fact_ids, turn_ids=turn_ids,
                          timings_ms={"answer": _ms(t0)}, **base)
        text, extra = self._generate(result, ctx)
        abstained = bool(re.match(r"^\s*(i don'?t know|i do not know|i'm not sure|you haven'?t)", text, re.I))
        return Answer(text=text, abstained=abstained, fact_ids=fact_ids, turn_ids=turn_ids,
                      timings_ms={"answer": _ms(t0)}, **{**base, "extra": {**base["extra"], **extra}})

    def _generate(self, result: RetrievalResult, ctx: Context) -> tuple[str, dict[str, object]]:
        if self.llm is not None:
            try:
                res = self.llm.complete(self.messages(result, ctx), temperature=0.0,
                                        max_tokens=self.max_answer_tokens, prompt_version=ANSWER_PROMPT_VERSION)
                text = _clean(res.text)
                if text:
                    return text, {"llm": res.model, "prompt_tokens": res.prompt_tokens,
                                  "completion_tokens": res.completion_tokens, "cached": res.cached}
                reason = "empty model output"
            except LLMError as exc:
                reason = f"{type(exc).__name__}: {exc}"
        else:
            reason = "no answer model configured"
        return extractive_answer(result), {"fallback": reason}


def extractive_answer(result: RetrievalResult) -> str:
    """Without a model: the best memory line for the question.

    Assistant-said questions: the assistant reply to the user turn that best matches the
    question; preference questions: a suggestion built from the user's stated likes/dislikes;
    otherwise the best-overlapping user sentence among the top turns, else the top fact.
    """
    plan = result.plan
    focus = set(tokenize(" ".join([plan.question, *plan.keywords]))) - {"recommend", "suggest", "remind"}
    if plan.intent == Intent.ASSISTANT_SAID:
        reply = _assistant_reply(result, focus)
        if reply:
            return reply
    if plan.intent == Intent.PREFERENCE:
        likes = [f.value or f.text for f in result.facts if f.predicate in ("likes", "hobby", "favourite_food",
                 "favourite_music", "diet") and f.invalid_at is None][:3]
        dislikes = [f.value or f.text for f in result.facts if f.predicate == "dislikes"][:2]
        if likes or dislikes:
            text = "Based on what you've told me"
            text += f", I'd suggest something around {', '.join(likes)}" if likes else ", here are some ideas"
            text += f", avoiding {', '.join(dislikes)}." if dislikes else "."
            return text
    best: tuple[int, str] | None = None
    for t in result.turns[:10]:
        if t.role != "user":
            continue
        for sent in re.split(r"(?<=[.!?])\s+", t.text):
            score = len(focus & set(tokenize(sent)))
            if score and (best is None or score > best[0]):
                best = (score, sent.strip())
    if best is not None and (not result.facts or best[0] >= 2):
        return best[1]
    if result.facts:
        f = result.facts[0]
        return f"{f.text} ({f.observed_at.date().isoformat()})"
    if result.turns:
        t = result.turns[0]
        return trim_turn(t.text, focus, 40)
    return "I don't know: I have no memory of that."


def _assistant_reply(result: RetrievalResult, focus: set[str]) -> str | None:
    """The assistant turn answering the user turn that best matches the question, trimmed."""
    by_id = {t.id: t for t in result.turns}
    best: tuple[float, str] | None = None
    for t in result.turns:
        if t.role != "assistant":
            continue
        prev = by_id.get(f"{t.session_id}:{t.idx - 1}")
        score = result.turn_scores.get(t.id, 0.0) + (result.turn_scores.get(prev.id, 0.0) if prev else 0.0)
        score += 0.01 * len(focus & set(tokenize(prev.text if prev else "")))
        if best is None or score > best[0]:
            best = (score, t.id)
    if best is None:
        return None
    # replies to "recommend me X" usually lead with the pick: keep the opening sentences
    return trim_turn(by_id[best[1]].text, set(), 40)


def _clean(text: str) -> str:
    """Strip chat-template debris and reasoning tags small models sometimes emit."""
    text = re.sub(r"<think>.*?</think>", "", text, flags=re.S)
    text = re.sub(r"^\s*(answer|assistant)\s*:\s*", "", text.strip(), flags=re.I)
    # small models restate the answer in a loop: the prompt asks for one short answer, so keep
    # the first paragraph that says something beyond an apology
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    for para in paragraphs:
        if not re.fullmatch(r"(i'?m sorry|sorry)[^.!]*[.!]?", para, flags=re.I):
            return para
    return paragraphs[0] if paragraphs else ""


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000
