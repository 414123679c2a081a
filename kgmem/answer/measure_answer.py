"""Measure questions ("how heavy is Isla now", "what temperature do I keep the fridge at") answered
by a value of the measure from the user's most relevant lines, or not at all."""

from __future__ import annotations

import re

from kgmem.answer import measures
from kgmem.answer.evidence import EvidenceSet, outside_window
from kgmem.answer.extracted import Extracted, cite_line
from kgmem.answer.line_rank import MIN_LINE_RELEVANCE, rank_lines
from kgmem.answer.match import contains_name, norm, terms
from kgmem.answer.spans import kin_phrases
from kgmem.models import Intent

#: a question asked in the past ("how heavy was she at birth") wants the value of then, not the newest
_PAST_TENSE = re.compile(r"\b(?:was|were|did|had|used\s+to)\b", re.I)
#: measure questions in the present: of the lines holding a value of the measure, those this close
#: to the most relevant one are the same thread told again ("isla … 8lb 2oz" … "clinic weighed her
#: this morning, 15lb 9oz"); the newest of them answers
MEASURE_BAND = 0.15


def measure_answer(ev: EvidenceSet) -> Extracted | None:
    """A measure question ("how heavy is Isla now", "what temperature do I keep the fridge at"): a
    value of that measure from the most relevant of the user's actual lines that hold one (asked in
    the present, the newest of the near-best); ``None`` when no relevant line holds one."""
    plan = ev.result.plan
    measure = measures.asked_measure(plan.question)
    if measure is None:
        return None
    # a measure is often of someone or something else ("Moss is 11 kg now"): such a line counts when
    # it names what the question names; the user's own lines count as any value would
    def names_it(text: str) -> bool:
        about = {norm(w) for w in [*plan.focus, *([plan.subject] if plan.subject else [])]}
        kin = kin_phrases(plan.question)  # "how tall is my husband": a line about "my husband"
        return any(contains_name(n, text) for n in plan.named) or bool(about & terms(text)) or \
            any(k in text.lower() for k in kin)
    lines = [ln for ln in ev.top if ln.role == "user" and not outside_window(ln.text, plan.window)
             and (ln.actuality == "actual" or ln.actuality == "other" and names_it(ln.text))
             and measures.values(ln.text, measure)]
    ranked = [(score, ln) for score, ln in rank_lines(ev, lines) if score >= MIN_LINE_RELEVANCE]
    if not ranked:
        return None
    best_score, best = ranked[0]
    score, line = best_score, best
    if plan.intent != Intent.HISTORY and not _PAST_TENSE.search(plan.question):
        # "how tall is Thabo" asks for the measure as it is now: the newest of the near-best, and of
        # the lines that name what the question names ("the nurse put Thabo at one metre fifty-one")
        named = bool(plan.named or plan.focus or plan.subject or kin_phrases(plan.question))
        score, line = max((x for x in ranked if x[0] >= best_score - MEASURE_BAND or named and names_it(x[1].text)),
                          key=lambda x: x[1].said_at)
    # the most relevant line stays part of the evidence: it is the one that says what is measured
    turns = list(dict.fromkeys([line.turn_id, best.turn_id]))
    return Extracted(measures.stated(line.text, measure) or line.text, "line", min(0.9, 0.4 + 0.4 * score),
                     cite_line(line), line=line, turn_ids=turns)
