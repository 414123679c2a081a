"""The words of an extractive or fallback reply: a typed value, a quoted dated sentence, or an
honest "I'm not sure; the closest thing you told me is …" naming the closest line."""

from __future__ import annotations

import re
from typing import Any

from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.extractive import Extracted, rank_lines
from kgmem.answer.match import contains_name
from kgmem.answer.pool import passage, said_on

#: a whole evidence sentence this relevant is the answer itself (no model needed to read it)
DIRECT_SENTENCE = 0.55


def direct(plan: Any, x: Extracted) -> bool:
    """The extracted value is itself an answer: a typed span, a line picked by the asked time, a very relevant sentence, or, for an
    item/text question, the user's own actual line or a line telling the doings of what the question
    names ("What does Ledger eat these days?" — "Ledger will only touch the Lily's Kitchen pouches")."""
    return x.typed or x.at is not None or x.confidence >= DIRECT_SENTENCE or (
        plan.answer_type in ("item", "text") and x.line is not None and (x.line.actuality == "actual" or (
            x.line.actuality == "other" and bool(plan.named) and all(contains_name(n, x.line.text) for n in plan.named))))


def extractive_text(x: Extracted, ev: EvidenceSet | None = None) -> str:
    """A typed value is the answer itself (the line it rests on is cited in ``extra["cited"]``
    and by turn id); a whole sentence is quoted with its date (and the sentences finishing it)."""
    if x.source in ("fact", "line"):
        return x.value
    if ev is not None and x.line is not None and x.line.role == "user":
        return f"You told me: \"{passage(ev, x.line)}\" (said {x.line.said_at.date()})"
    return f"You told me: {x.cited}"


def best_line(ev: EvidenceSet, *, others: bool = False) -> Line | None:
    """The user's line a hedge would quote: their own actual lines; with ``others``, for a
    who-question, lines about someone else too ("My dad used to take Mia to ballet") — a quote
    only, never read for a value (their names are no answer: "their grandmother Selin")."""
    plan = ev.result.plan
    who = others and bool(re.match(r"\s*who\b", plan.question, re.I))
    ok = ("actual", "other") if who else ("actual",)
    users = [ln for ln in ev.top if ln.role == "user" and ln.actuality in ok]
    if users:  # ranked like extractive lines: the line's own similarity, content words, slot words
        return rank_lines(ev, users)[0][1]
    return max(ev.top, key=lambda ln: ln.score + ev.turn_similarity(ln.turn_id)) if ev.top else None


def own_reply(ev: EvidenceSet, line: Line) -> str:
    """The user's own line that answers, quoted with the sentences finishing it and dated:
    'On 2027-08-08 you said: "We got engaged at the top of Arthur's Seat at sunrise …"'."""
    return said_on(line, passage(ev, line))


def fallback_text(ev: EvidenceSet, extracted: Extracted | None) -> str:
    if extracted is not None:
        return f"I'm not sure; the closest thing you told me is {extracted.cited}."
    line = best_line(ev, others=True)
    if line is None:
        return "I don't know: I have no memory of that."
    return f"I'm not sure; the closest thing you told me is \"{line.text.strip()[:200]}\" (said {line.said_at.date()})."


def fallback_turns(ev: EvidenceSet, extracted: Extracted | None) -> list[str]:
    if extracted is not None:
        return list(extracted.turn_ids)
    line = best_line(ev, others=True)
    return [line.turn_id] if line is not None else []
