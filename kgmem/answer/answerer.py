"""Answering: computed, extractive or preference answers in code; a model only where needed.

Order of decisions for one question (the chosen ``path`` is reported in ``Answer.extra``):

1. ``computed``: durations, orderings, dates, current/previous values, counts and money totals
   (:mod:`~kgmem.answer.deterministic`, :mod:`~kgmem.answer.aggregate`), from events matched by
   meaning and role;
2. ``extractive``: a value of the expected type from typed facts or the best dated line (:mod:`~kgmem.answer.extractive`);
   ``preference``: a suggestion from the user's stated likes and needs, also for advice asked as another intent;
3. abstention decided from the evidence (:mod:`~kgmem.answer.abstain`), never from whether the
   question's words occur literally; before abstaining or hedging (embedded model or none), a
   second look (:mod:`~kgmem.answer.second_look`) decides again with the best raw message hits
   in the evidence and the context (~800 tokens): a typed value, else the model, else a hedge;
4. ``model``: otherwise the answer model reads a short dated context (≤ ~800 tokens for the
   embedded model, answer-bearing lines first; a configured larger model gets the full ≤2k
   dated timeline and may also override an extractive answer). Its output is checked
   (:mod:`~kgmem.answer.checks`); a bad one falls back to the user's own line on the question,
   quoted and dated (:func:`~kgmem.answer.quoted.own_line`), or an honest "I'm not sure; the closest
   thing you told me is …" (``fallback``).
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from kgmem.answer import abstain as abstain_mod
from kgmem.answer import checks, reply_text
from kgmem.answer.aggregate import (
    compute_aggregate,
    compute_category_order,
    compute_spend_total,
)
from kgmem.answer.deterministic import (
    Computed,
    compute_current,
    compute_duration,
    compute_ordering,
    compute_when,
    date_lines,
)
from kgmem.answer.entity_held import compute_held_slot
from kgmem.answer.entity_slot import compute_entity_slot
from kgmem.answer.event_age import compute_age_at
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.extractive import Extracted, extract
from kgmem.answer.kin_answer import kin_checked
from kgmem.answer.label_answer import labelled
from kgmem.answer.money_questions import asks_money_total, sums_money_over_time
from kgmem.answer.pool import Pool, build_pool, cite_line, confident_answer, passage, said_on
from kgmem.answer.preference import suggestion
from kgmem.answer.prompts import ANSWER_PROMPT_VERSION, load_prompt
from kgmem.answer.quoted import own_line, quoted_value
from kgmem.answer.reply_names import name_from_replies
from kgmem.answer.reply_text import best_line, extractive_text, fallback_text, fallback_turns
from kgmem.answer.second_look import SECOND_LOOK_CONTEXT, second_look, soft_abstention
from kgmem.llm.base import LLMError
from kgmem.llm.tokens import APPROX_TOKENIZER_NAME, approx_token_count
from kgmem.models import Answer, Intent
from kgmem.retrieval.context import Context, build_context, compact_context
from kgmem.retrieval.planner import plan_notes
from kgmem.retrieval.search import RetrievalResult
from kgmem.temporal import fmt_day

if TYPE_CHECKING:
    from kgmem.llm.base import LLM

#: context budget for the embedded (small) model, in its own tokens: the issue allows ~800; a
#: 135M model on a CPU reads ~40-80 tokens/s, so answer-bearing lines first and no more than needed
SMALL_MODEL_CONTEXT = 320
_TEMPORAL = (Intent.WHEN, Intent.DURATION, Intent.ORDERING)
_HINTS = {
    Intent.DURATION: "Give the number with its unit.",
    Intent.WHEN: "Give the date.",
    Intent.ORDERING: "Name which one.",
    Intent.AGGREGATE: "Count or add up every matching item across all dates, then give the total.",
    Intent.CURRENT_VALUE: "Give the most recent value.",
    Intent.PREFERENCE: "Use what the user likes and has told you to personalise the answer.",
    Intent.ASSISTANT_SAID: "Repeat what you (the assistant) said.",
}


def compute(ev: EvidenceSet) -> Computed:
    """Dispatch the plan's intent to the computation that can answer it in code."""
    plan = ev.result.plan
    intent = plan.intent
    aged = compute_age_at(ev)  # "how old was Leo when …": a birthday carried to the event's day
    if aged.answer:
        return aged
    by_entity = compute_entity_slot(ev)
    if by_entity.answer:
        return by_entity
    held = compute_held_slot(ev)  # "Which city is Tomasz in?": the one slot the named thing holds
    if held.answer:
        return held
    if intent == Intent.DURATION:
        return compute_duration(ev)
    if intent == Intent.ORDERING:
        return compute_ordering(ev) if len(plan_notes(plan, "option")) >= 2 else compute_category_order(ev)
    if intent == Intent.WHEN:
        by_slot = compute_current(ev) if plan.slot and not plan.subject else Computed()
        return by_slot if by_slot.answer else compute_when(ev)
    if intent in (Intent.CURRENT_VALUE, Intent.HISTORY) and not plan.subject:
        return compute_current(ev)
    if intent == Intent.AGGREGATE:
        return compute_aggregate(ev)
    if intent in (Intent.SINGLE_FACT, Intent.CURRENT_VALUE, Intent.HISTORY) and asks_money_total(plan.question):
        # "what have I spent on Tater so far this year", planned as one fact: still a sum of what was paid
        return compute_spend_total(ev)
    if intent in (Intent.SINGLE_FACT, Intent.CURRENT_VALUE, Intent.HISTORY) and sums_money_over_time(plan.question):
        # "What did I spend on takeaway in February?", "How much have I paid in fines?": a sum when lines carry amounts
        by_lines = compute_spend_total(ev)
        return by_lines if by_lines.answer else Computed()
    return Computed()


def is_small_model(llm: LLM | None) -> bool:
    """The embedded llama.cpp model (and other tiny local ones) get the short context."""
    return llm is not None and str(getattr(llm, "model", "")).startswith("local/")


class Answerer:
    """Turns a :class:`RetrievalResult` into an :class:`Answer`.

    ``llm=None`` answers without a model: computed, extractive and preference answers,
    abstentions, and otherwise the best dated memory line.
    """

    def __init__(self, llm: LLM | None = None, *, context_tokens: int = 2000,
                 deterministic_answers: bool = True, abstention: bool = True,
                 max_answer_tokens: int = 48, small_context_tokens: int = SMALL_MODEL_CONTEXT) -> None:
        self.llm = llm
        self.context_tokens = context_tokens
        self.small_context_tokens = small_context_tokens
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
        system = load_prompt(ANSWER_PROMPT_VERSION)  # the same for every question (prefix reuse)
        text = ctx.text if ctx.text.startswith("Today") else f"Today is {today}.\n{ctx.text}"
        user = f"{text}\n\nQuestion: {plan.question}\n{_HINTS.get(plan.intent, '')}".rstrip()
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    # ------------------------------------------------------------------ main

    def answer(self, result: RetrievalResult) -> Answer:
        """Answer one planned and retrieved question."""
        return labelled(result, kin_checked(result, self._answer(result)))

    def _answer(self, result: RetrievalResult) -> Answer:
        t0 = time.perf_counter()
        plan = result.plan
        ev = EvidenceSet(result)
        computed = compute(ev) if self.deterministic_answers else Computed()
        # what the decisions below read: retrieval's turns plus the plain message hits, by sentence;
        # a computed answer stands whatever the sentences say, so they then only order the context
        pool = build_pool(result, measure=not (computed.answer and not computed.unmatched), share=ev)
        extracted: Extracted | None = None
        if not computed.answer and plan.intent not in (Intent.PREFERENCE, *_TEMPORAL) \
                and plan.intent != Intent.AGGREGATE and computed.kind != "sum":
            extracted = extract(pool.ev)
        decision = abstain_mod.decide(pool.ev, computed, extracted, sentence_similarity=pool.best_similarity)
        base = _base_info(result, computed, decision, pool, self.tokenizer_name)
        small = self.llm is None or is_small_model(self.llm)
        if small and not computed.answer and (chosen := suggestion(
                ev, abstains=decision.abstain, direct=extracted is not None and reply_text.direct(plan, extracted))):
            text, pref, via = chosen  # a preference question, or advice asked as another intent (pr10)
            ctx = self._context(result, ev, computed, None, pool=pool)
            return self._finish(ctx, base, t0, text, "preference", pref.fact_ids, pref.turn_ids, cited=pref.cited,
                                extra=via)
        if self.abstention and decision.abstain and not (computed.answer and not computed.unmatched):
            return self._abstain(result, pool, computed, decision, base, t0)
        if computed.answer:
            ctx = self._context(result, ev, computed, extracted, pool=pool, evidence=_used_lines(pool, ev, computed))
            return self._finish(ctx, base, t0, computed.answer, "computed", computed.fact_ids, computed.turn_ids,
                                cited=computed.cited, deterministic=not computed.ambiguous)
        hedging = decision.evidence.get("hedge") or (extracted is not None and not reply_text.direct(plan, extracted))
        if small and hedging:
            looked = self._second_look(result, base, t0, abstained=False, pool=pool)
            if looked is not None:
                return looked
        if decision.evidence.get("hedge") and small:
            # no value of the asked-for type: the confident evidence sentence, else the closest line as a hedge
            return self._hedge(pool, extracted, base, t0, "no typed value: closest line cited")
        # a whole line of the user's own is the right kind of answer to an item/text question: quote
        # it rather than hedge (typed questions — who, where, how much — still need a typed value)
        direct = extracted is not None and reply_text.direct(plan, extracted)
        if extracted is not None and not direct and is_small_model(self.llm):
            # a 135M model re-reading one evidence sentence adds seconds and errors, not meaning
            return self._hedge(pool, extracted, base, t0, "evidence line (small model skipped)")
        if extracted is not None and direct and small:
            ctx = self._context(result, pool.ev, computed, extracted, pool=pool)
            fids = [extracted.fact.id] if extracted.fact is not None else []
            return self._finish(ctx, base, t0, extractive_text(extracted, pool.ev), "extractive", fids,
                                extracted.turn_ids, cited=[extracted.cited])
        return self._model_path(result, pool.ev, computed, extracted, base, t0, pool=pool)

    def _abstain(self, result: RetrievalResult, pool: Pool, computed: Computed,
                 decision: abstain_mod.AbstainDecision, base: dict[str, Any], t0: float) -> Answer:
        """Decline, after a second look where the abstention is soft; the reply carries the
        evidence the decision read (the pool's best lines) as its context."""
        plan = result.plan
        # raw hits ignore the question's time window: they cannot vouch for a time-bound question
        if soft_abstention(decision, computed) and plan.window is None and \
                (self.llm is None or is_small_model(self.llm)):
            looked = self._second_look(result, base, t0, abstained=True, pool=pool)
            if looked is not None:
                return looked
        ctx = self._context(result, pool.ev, Computed(), None, pool=pool)
        base.update(abstain_reason=decision.reason, path="abstain", context_tokens=ctx.tokens)
        return Answer(text=abstain_mod.abstain_text(plan, decision), abstained=True, context=ctx.text,
                      turn_ids=ctx.turn_ids, session_ids=ctx.session_ids, timings_ms={"answer": _ms(t0)}, extra=base)

    def _hedge(self, pool: Pool, extracted: Extracted | None, base: dict[str, Any], t0: float,
               why: str, *, commit: bool = True) -> Answer:
        """No direct value: a confidently on-topic evidence sentence answers (its typed value, or
        the dated line itself), or (``commit``) the user's own line on the question; otherwise the
        closest line, said as such (a hedge)."""
        result, ev = pool.result, pool.ev
        sure = confident_answer(pool)
        if sure is not None:
            text, line, sim = sure
            ctx = self._context(result, ev, Computed(), None, pool=pool, first=line)
            return self._finish(ctx, base, t0, text, "extractive", [], [line.turn_id], cited=[cite_line(line)],
                                extra={"via": "confident sentence", "sentence_similarity": round(sim, 3)})
        quoted = quoted_value(ev, [extracted.line if extracted is not None else None, best_line(ev)])
        if quoted is not None:  # the line a hedge would quote holds a value of the asked-for type
            value, line = quoted
            ctx = self._context(result, ev, Computed(), None, pool=pool, first=line)
            quote = said_on(line)
            return self._finish(ctx, base, t0, f"{value} ({quote[0].lower()}{quote[1:]})", "extractive", [],
                                [line.turn_id], cited=[cite_line(line)], extra={"via": "typed value of the quoted line"})
        replied = name_from_replies(ev, [extracted.line if extracted is not None else None, best_line(ev),
                                         *(r.line for r in pool.ranked[:3])])
        if replied is not None:  # "what's her name?" — "biscuit. the rescue named her": the name given
            name, line = replied
            ctx = self._context(result, ev, Computed(), None, pool=pool, first=line)
            return self._finish(ctx, base, t0, f"{name} (o{said_on(line, passage(ev, line))[1:]})", "extractive",
                                [], [line.turn_id], cited=[cite_line(line)], extra={"via": "name given when asked"})
        ctx = self._context(result, ev, Computed(), extracted, pool=pool)
        return self._fall_back(ctx, pool, ev, extracted, base, t0, {"fallback": why}, commit=commit)

    def _fall_back(self, ctx: Context, pool: Pool | None, ev: EvidenceSet, extracted: Extracted | None,
                   base: dict[str, Any], t0: float, extra: dict[str, Any], *, commit: bool = True) -> Answer:
        """No answer read: the user's own line on the question, quoted and dated (:func:`~kgmem.answer.quoted.own_line`),
        else the honest "I'm not sure; the closest thing you told me is …"."""
        own = own_line(pool, [extracted.line if extracted else None, best_line(ev)], extra.get("rejected", "")) \
            if commit and pool else None
        if own is not None:
            ctx = self._context(pool.result, ev, Computed(), None, pool=pool, first=own[0]) if pool else ctx
            return self._finish(ctx, base, t0, reply_text.own_reply(ev, own[0]), "extractive", [], [own[0].turn_id],
                                cited=[cite_line(own[0])], extra={**extra, "via": "own line", "sentence_similarity": round(own[1], 3)})
        return self._finish(ctx, base, t0, fallback_text(ev, extracted), "fallback", [], fallback_turns(ev, extracted),
                            cited=[extracted.cited] if extracted else [], extra=extra)

    # ------------------------------------------------------------------ paths

    def _second_look(self, result: RetrievalResult, base: dict[str, Any], t0: float, *,
                     abstained: bool, pool: Pool) -> Answer | None:
        """Before abstaining or hedging: decide again with the best raw message hits in the
        evidence (:mod:`~kgmem.answer.second_look`); ``None`` keeps the original reply."""
        look = second_look(result, pool.turn_best())
        base["second_look"] = {"added_turns": look.added, "abstain": look.decision.abstain,
                               "reason": look.decision.reason, "was_abstention": abstained}
        info = base
        if look.decision.abstain:
            return None
        x = look.extracted
        if x is not None and x.typed and not look.decision.evidence.get("hedge"):
            ctx = self._context(look.result, look.ev, Computed(), x, budget=SECOND_LOOK_CONTEXT, pool=pool)
            fids = [x.fact.id] if x.fact is not None else []
            return self._finish(ctx, info, t0, extractive_text(x), "extractive", fids, x.turn_ids, cited=[x.cited],
                                extra={"via": "second_look"})
        if self.llm is not None and result.plan.answer_type not in abstain_mod.TYPED:
            # (a who/where/how-much question with no value of its type even in the raw hits gets no
            # model reading: a small model would pick some other value from the lines)
            answer = self._model_path(look.result, look.ev, Computed(), x, info, t0, budget=SECOND_LOOK_CONTEXT,
                                      pool=pool)
            base["second_look"]["model"] = answer.extra.get("fallback") or answer.text[:80]
            if answer.extra.get("path") == "model" and not answer.abstained:
                answer.extra["via"] = "second_look"
                return answer
        if abstained and look.decision.evidence.get("hedge"):
            # memory does talk about it (the raw hits say so): the confident sentence, else what is closest
            answer = self._hedge(pool, x, info, t0, "second look: closest raw hit cited", commit=False)
            answer.extra["via"] = answer.extra.get("via") or "second_look"
            return answer
        return None  # the original reply stands

    def _model_path(self, result: RetrievalResult, ev: EvidenceSet, computed: Computed, extracted: Extracted | None,
                    base: dict[str, Any], t0: float, budget: int | None = None, *, pool: Pool | None = None) -> Answer:
        lines = list(computed.lines)
        if result.plan.intent in _TEMPORAL:
            lines += [ln for ln in date_lines(ev) if ln not in lines]
        if extracted is not None:
            lines.append(f"Best match in memory: {extracted.value} — {extracted.cited}")
        ctx = self._context(result, ev, Computed(lines=lines), extracted, budget=budget, pool=pool)
        if self.llm is None:
            return self._fall_back(ctx, pool, ev, extracted, base, t0, {"fallback": "no answer model configured"})
        try:
            # the embedded model stops at its first line break (the prompt asks for one or two sentences)
            res = self.llm.complete(self.messages(result, ctx), temperature=0.0, max_tokens=self.max_answer_tokens,
                                    prompt_version=ANSWER_PROMPT_VERSION,
                                    stop=("\n",) if is_small_model(self.llm) else ())
        except LLMError as exc:
            return self._fall_back(ctx, pool, ev, extracted, base, t0, {"fallback": f"{type(exc).__name__}: {exc}"})
        text = checks.clean(res.text)
        problem = checks.check_output(text, result.plan.question, ctx.text)
        usage = {"llm": res.model, "prompt_tokens": res.prompt_tokens, "completion_tokens": res.completion_tokens,
                 "cached": res.cached}
        if problem is not None:
            return self._fall_back(ctx, pool, ev, extracted, base, t0,
                                   {**usage, "fallback": f"model output rejected: {problem}", "rejected": res.text[:200]})
        abstained = bool(re.match(r"^\s*(i don'?t know|i do not know|you haven'?t)", text, re.I))
        return self._finish(ctx, base, t0, text, "model", [], ctx.turn_ids, extra=usage, abstained=abstained)

    def _context(self, result: RetrievalResult, ev: EvidenceSet, computed: Computed,
                 extracted: Extracted | None, budget: int | None = None, *, pool: Pool | None = None,
                 first: Line | None = None, evidence: list[Line] | None = None) -> Context:
        if self.llm is not None and not is_small_model(self.llm):
            return build_context(result, count_tokens=self.count_tokens, budget=self.context_tokens,
                                 computed=computed.lines)
        answer_lines: list[tuple[Any, str, str, str]] = []
        for ln in (first, extracted.line if extracted is not None else None, *(evidence or [])):
            if ln is not None:
                answer_lines.append((ln.said_at, ln.role, ln.text, ln.turn_id))
        if pool is not None:  # every candidate turn's best sentence first, then the rest by meaning
            ranked = pool.spread(30)
        else:
            ranked = sorted(ev.top, key=lambda ln: -(ln.score + ev.turn_similarity(ln.turn_id)))
        support = [(ln.said_at, ln.role, ln.text, ln.turn_id) for ln in ranked
                   if ln.role == "user" or result.plan.intent == Intent.ASSISTANT_SAID][:30]
        return compact_context(result, count_tokens=self.count_tokens, budget=budget or self.small_context_tokens,
                               computed=computed.lines, answer_lines=answer_lines, support_lines=support)

    def _finish(self, ctx: Context, base: dict[str, Any], t0: float, text: str, path: str, fact_ids: list[str],
                turn_ids: list[str], *, cited: list[str] | None = None, deterministic: bool = False,
                extra: dict[str, Any] | None = None, abstained: bool = False) -> Answer:
        info = {**base, **(extra or {}), "path": path, "context_tokens": ctx.tokens, "cited": cited or []}
        info["decision"] = {**base["decision"], "path": path, "cited": cited or []}
        return Answer(text=text, abstained=abstained, deterministic=deterministic or path in ("computed",),
                      fact_ids=list(dict.fromkeys(fact_ids + ctx.fact_ids)),
                      turn_ids=list(dict.fromkeys(turn_ids + ctx.turn_ids)), session_ids=ctx.session_ids,
                      context=ctx.text, timings_ms={"answer": _ms(t0)}, extra=info)


def _base_info(result: RetrievalResult, computed: Computed, decision: abstain_mod.AbstainDecision, pool: Pool,
               tokenizer: str) -> dict[str, Any]:
    """What every answer reports: the plan, the abstention decision with its evidence, the pool."""
    plan = result.plan
    decision_info: dict[str, Any] = {
        "intent": plan.intent.value, "intent_score": plan.intent_score, "intent_source": plan.intent_source,
        "exemplar": plan.exemplar, "slot": plan.slot, "answer_type": plan.answer_type,
        "abstain": {"decision": decision.abstain, "reason": decision.reason, "evidence": decision.evidence},
    }
    best = pool.best(actual=False)
    return {"retrieved_session_ids": result.session_ids, "tokenizer": tokenizer,
            "intent": plan.intent.value, "intent_score": plan.intent_score,
            "recipe": result.recipe, "computed": computed.lines, "decision": decision_info,
            "pool": {"added_turns": pool.added, "raw_turns": pool.raw,
                     "best_sentence": best.line.text[:120] if best else None,
                     "best_similarity": round(pool.best_similarity, 3)}}


def _used_lines(pool: Pool, ev: EvidenceSet, computed: Computed) -> list[Line]:
    """The lines a computed answer rests on, one per turn it used (its best-ranked line there,
    else the turn's first, from the evidence the computation scanned): they lead the context,
    whatever the ranking."""
    ranked: dict[str, Line] = {}
    for r in pool.ranked:
        ranked.setdefault(r.line.turn_id, r.line)
    out: list[Line] = []
    for tid in dict.fromkeys(computed.turn_ids):
        line = ranked.get(tid) or next(iter(ev.turn_lines(tid)), None)
        if line is not None:
            out.append(line)
    return out


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000
