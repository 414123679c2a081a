"""An answer about now that rests on a statement memory holds as superseded takes the statement that
replaced it ("My sister's due on the 9th of November" … a month later "Sister had her scan, they're
saying the 2nd of November": memory links the second to the first by a SUPERSEDES edge, so "When is my
sister's baby due?" is the 2nd).

The reply stands unless all of these hold: the value is another person's or thing's; the question asks of now (no earlier-value words, no
simple-past deed); the reply quotes or computes from a line that is the source of a fact a later fact
superseded before the question; the reply carries that old fact's value (its numbers and words); and
the superseding fact is current and has a value of its own the reply lacks.
"""

from __future__ import annotations

import re

from kgmem.answer.current import LINE_FLOOR
from kgmem.ids import entity_id
from kgmem.models import Answer, Fact, Intent
from kgmem.retrieval.search import RetrievalResult

#: questions that ask an earlier value or a past deed keep the value told then
_EARLIER = re.compile(r"\b(?:before|previously|originally|at first|initially|old|previous|former|first|used to|"
                      r"change[ds]?|moved|switch(?:ed)?|did|was|were|had)\b", re.I)
_FILLER = frozenset({"the", "of", "on", "at", "by", "in", "a", "an", "to", "is", "be", "until", "for"})
_ASKS = (Intent.WHEN, Intent.SINGLE_FACT, Intent.CURRENT_VALUE)


def _tokens(text: str) -> set[str]:
    words = re.findall(r"[a-z]+|\d+", text.lower().replace("’", "'"))
    return {w for w in words if w not in _FILLER and w not in ("st", "nd", "rd", "th")}


def _carries(text: str, value: str) -> bool:
    """The reply carries the value: every number and word of it ("the 9th of November" in "On
    Thursday, November 9, 2028")."""
    need = _tokens(value)
    return bool(need) and need <= _tokens(text)


def newer_statement(result: RetrievalResult, ans: Answer) -> Answer:
    """The reply, or the superseding statement's value (see the module doc)."""
    plan = result.plan
    if ans.abstained or plan.intent not in _ASKS or _EARLIER.search(plan.question) or result.store is None:
        return ans
    used = set(ans.turn_ids)
    if not used:
        return ans
    asked = plan.question_date
    me = entity_id(result.user_id, "user")
    # another person's or thing's value only: the user's own are read by the current-value path, and a
    # supersession of the user's slot by someone else's line ("Emeka pays $1250 in rent", an extraction
    # slip) is no news of the user's (dev3, directed)
    stale = [f for f in result.all_facts.values() if f.invalid_at is not None and used & set(f.source_turn_ids)
             and f.subject_id != me and f.value and (asked is None or f.invalid_at <= asked) and _carries(ans.text, f.value)]
    if not stale:
        return ans
    newer: Fact | None = None
    edges = {e.old_fact_id: e.new_fact_id for e in result.store.supersessions(result.user_id)}
    for old in stale:
        new = result.all_facts.get(edges.get(old.id, ""))
        if new is None or new.invalid_at is not None or not new.value or _carries(ans.text, new.value) \
                or new.subject_id == me:
            continue
        if not _on_question(result, new):
            continue
        if newer is None or new.observed_at > newer.observed_at:
            newer = new
    if newer is None:
        return ans
    text = f"{newer.value} (you told me on {newer.observed_at.date().isoformat()}{_quote(result, newer)})"
    extra = {**ans.extra, "superseded_reply": ans.text[:160], "path": "computed"}
    return ans.model_copy(update={"text": text, "turn_ids": list(newer.source_turn_ids), "fact_ids": [newer.id],
                                  "deterministic": True, "extra": extra})


#: the superseding sentence's cosine to the question must reach the floor of a line on the question's
#: thread (:data:`kgmem.answer.current.LINE_FLOOR`): a correction speaks of the same thing ("what's a
#: quick way to chill a bottle of wine" is no new broadband provider, whatever the extraction made of
#: it: -0.07 to "Who do we get broadband from?"; the corrections of the development pairs: 0.42-0.70)
FLOOR = LINE_FLOOR


def _on_question(result: RetrievalResult, new: Fact) -> bool:
    """The superseding statement's sentence is on the question."""
    vecs = result.embed([result.plan.question, _sentence(result, new)])
    return vecs is None or float(vecs[0] @ vecs[1]) >= FLOOR


def _sentence(result: RetrievalResult, fact: Fact) -> str:
    """The sentence of the fact's source turn that holds its value (the turn, else the fact's text)."""
    text = _turn_text(result, fact) or fact.text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return next((x for x in sentences if fact.value and fact.value.lower() in x.lower()), text)


def _turn_text(result: RetrievalResult, fact: Fact) -> str:
    turns = {t.id: t for t in result.turns}
    found = [turns[t] for t in fact.source_turn_ids if t in turns]
    if not found and result.store is not None and fact.source_turn_ids:
        found = result.store.turns(result.user_id, ids=fact.source_turn_ids)
    return found[0].text if found else ""


def _quote(result: RetrievalResult, fact: Fact) -> str:
    """': "<the line that said it>"', when the turn is at hand."""
    text = _turn_text(result, fact)
    return f': "{text.strip()[:200]}"' if text else ""
