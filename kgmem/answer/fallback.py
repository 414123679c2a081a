"""What an answer says when nothing typed or computed came out: the best dated evidence, quoted.

The abstention decision (:mod:`kgmem.answer.abstain`) said memory holds what the question is about,
so the reply commits to the most relevant line of the user's own, dated, rather than declining —
unless that line names none of the question's content nouns (then it is no answer: decline).
"""

from __future__ import annotations

from typing import Any

from kgmem.answer import abstain as abstain_mod
from kgmem.answer.deterministic import Computed
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.extractive import Extracted, rank_lines
from kgmem.answer.match import contains_name, core_terms, norm, terms
from kgmem.answer.pool import passage
from kgmem.models import Intent


def extractive_text(x: Extracted, ev: EvidenceSet | None = None) -> str:
    """A typed value is the answer itself (the line it rests on is cited in ``extra["cited"]``
    and by turn id); a whole sentence is quoted with its date (and the sentences finishing it)."""
    if x.source in ("fact", "line"):
        return x.value
    if ev is not None and x.line is not None and x.line.role == "user":
        return f"You told me: \"{passage(ev, x.line)}\" (said {x.line.said_at.date()})"
    return f"You told me: {x.cited}"


def _best_line(ev: EvidenceSet) -> Line | None:
    users = [ln for ln in ev.top if ln.role == "user" and ln.actuality == "actual"]
    if users:  # ranked like extractive lines: the line's own similarity, content words, slot words
        return rank_lines(ev, users)[0][1]
    return max(ev.top, key=lambda ln: ln.score + ev.turn_similarity(ln.turn_id)) if ev.top else None


def fallback_text(ev: EvidenceSet, extracted: Extracted | None) -> str:
    """The decision was to answer but nothing typed or computed came out: the best dated evidence,
    short and quoted, is the answer (not a decline)."""
    if extracted is not None:
        return extractive_text(extracted, ev) if extracted.source == "sentence" else f"You told me {extracted.cited}."
    line = _best_line(ev)
    if line is None:
        return "I don't know: I have no memory of that."
    if line.role == "user":
        return f"You told me: \"{passage(ev, line)}\" (said {line.said_at.date()})"
    return f"I said: \"{line.text.strip()[:200]}\" (on {line.said_at.date()})"


def line_topic(ev: EvidenceSet, extracted: Extracted | None, unmatched: list[str] | None = None) -> tuple[list[str], float]:
    """What the question is about that the line a fallback would quote does not name, and that
    line's similarity to the question: a proper name of the question it lacks (similarity -1: no
    meaning makes up for a missing name), or its content nouns (and the distinctive words of an event
    no line matched) when it names no more than half of them. Nothing missing when the line is about
    the question, the question names nothing, or it asks what the assistant said."""
    plan = ev.result.plan
    about = list(dict.fromkeys([*plan.focus, *(w for p in unmatched or [] for w in sorted(core_terms(p)))]))
    if not (about or plan.named) or plan.intent == Intent.ASSISTANT_SAID:
        return [], 1.0
    line = extracted.line if extracted is not None else _best_line(ev)
    if extracted is not None:
        text = extracted.cited
    else:
        text = passage(ev, line) if line is not None and line.role == "user" else (line.text if line else "")
    have = terms(text)
    # a name as written, or its words in another form ("on Saturdays" / "every Saturday")
    unnamed = [n for n in plan.named if not contains_name(n, text) and not terms(n) <= have]
    if unnamed:
        return unnamed, -1.0
    if not about or sum(abstain_mod.has_word(norm(w), have) for w in about) * 2 > len(about):
        return [], 1.0
    # perhaps named in other words ("fly to Krakow" for Poland): how close the line is in meaning
    sim = ev.line_similarity([line]).get((line.turn_id, line.position), 0.0) if line is not None else 0.0
    return about, sim


def quoted_line(ev: EvidenceSet, computed: Computed, extracted: Extracted | None) -> dict[str, Any] | None:
    """What the abstention decision reads of the line a reply would quote (None when something
    computed or typed answers instead)."""
    if computed.answer or (extracted is not None and extracted.typed) or ev.result.plan.intent == Intent.PREFERENCE:
        return None
    missing, sim = line_topic(ev, extracted, computed.unmatched)
    return {"line_missing": bool(missing), "line_similarity": round(sim, 3), "missing": missing}


def off_topic(ev: EvidenceSet, extracted: Extracted | None, unmatched: list[str] | None = None) -> list[str]:
    """:func:`line_topic`'s missing words when the rule reads the quoted line and the line is not
    close enough in meaning to make up for them (``RULE["off_topic_line"]``, swept)."""
    floor = abstain_mod.RULE["off_topic_line"]
    if floor is None:
        return []
    missing, sim = line_topic(ev, extracted, unmatched)
    return missing if missing and sim < floor else []


def fallback_turns(ev: EvidenceSet, extracted: Extracted | None) -> list[str]:
    if extracted is not None:
        return list(extracted.turn_ids)
    line = _best_line(ev)
    return [line.turn_id] if line is not None else []
