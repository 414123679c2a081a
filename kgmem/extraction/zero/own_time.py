"""A deed's own time: when a line says two times, a fact is dated by the one its own clause says.

``best_time`` dates every fact of a sentence by its first past time phrase. A line often sets a scene in
one clause and tells the deed in another ("Money's tight this month and yet yesterday I still paid $260
for a guitar amp": the amp was bought yesterday, not at the start of the month). Read by the parse: the
verb the value hangs on, and the time phrases whose nearest verb is that one (of several, the one that
modifies the verb itself rather than a noun of its clause). Exactly one such phrase, not
ahead of the day said, re-dates the fact; none (the time is the sentence's: "I went to Paris last week and
bought a scarf") or several (undecided) keeps the sentence's time.

A time phrase that names what an arrangement or a purchase is for ("booked a table at Dishoom for Friday", "bought
tickets for next Friday's gig": the object of "for", or the owner of a noun) dates that thing, not the deed: the
booking or the purchase was done on the day said (:func:`for_a_day`). A stay "for Christmas" is during it, so only
deeds of getting (bought, spent, a dated event) are re-dated.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.zero.facts import INTERVAL_PREDICATES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kgmem.extraction.schema import CandidateFact
    from kgmem.extraction.zero.sentences import Sentence
    from kgmem.temporal import ResolvedTime, TimeSpan

_VERBS = frozenset({"VERB", "AUX"})


def _verb_above(t: Token) -> Token | None:
    """The nearest verb at or above ``t``."""
    cur = t
    while cur.pos_ not in _VERBS:
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return cur


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _own_times(f: CandidateFact, sent: Sentence, doc: Doc) -> list[TimeSpan]:
    at = sent.text.casefold().find(f.value.casefold())
    root = _span_root(doc, at, at + len(f.value)) if at >= 0 else None
    verb = _verb_above(root) if root is not None else None
    if verb is None:
        return []
    out, direct = [], []
    for t in sent.times:
        troot = _span_root(doc, t.start_char, t.end_char)
        tverb = _verb_above(troot) if troot is not None else None
        if troot is not None and tverb is not None and tverb.i == verb.i:
            out.append(t)
            if troot.head.i == verb.i:
                direct.append(t)
    # several under the verb: the one that modifies the verb itself, not a noun of its clause ("money's tight
    # this month and yet last week I still paid…": the parse hangs "this month" on "money")
    return direct if len(out) > 1 and len(direct) == 1 else out


def _kind_of_thing(t: TimeSpan, doc: Doc) -> bool:
    """A holiday's name that says what kind a thing is, not when ("Office Halloween party", "the Christmas market",
    "our work Christmas do"): it modifies a noun in the parse."""
    root = _span_root(doc, t.start_char, t.end_char) if t.resolved.kind == "holiday" else None
    return root is not None and root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN")


def own_time(f: CandidateFact, sent: Sentence, doc: Doc | None) -> CandidateFact:
    """``f`` dated by the one time phrase of its own clause, when the sentence says several times; a holiday that only
    names the kind of a thing gives way to the line's other time ("Office Halloween party last night")."""
    if doc is None or f.subject != "user" or f.time_text is None or len(sent.times) < 2:
        return f
    named = [t for t in sent.times if _kind_of_thing(t, doc)]
    others = [t for t in sent.times if t not in named and not t.resolved.future]
    if any(t.resolved.text == f.time_text for t in named) and len(others) == 1:
        return _dated(f, others[0].resolved)
    own = _own_times(f, sent, doc)
    if len(own) != 1 or own[0].resolved.future or own[0].resolved.text == f.time_text:
        return f
    return _dated(f, own[0].resolved)


def _dated(f: CandidateFact, when: ResolvedTime) -> CandidateFact:
    return f.model_copy(update={"time_text": when.text, "valid_from": when.point, "granularity": when.granularity,
                                "valid_to": when.end if f.predicate in INTERVAL_PREDICATES else None})


#: deeds done ahead of what they are for ("bought tickets for Friday"): a "for" time is the thing's day, not theirs
_GETTING = frozenset({"bought", "spent", "event"})


def _names_a_things_day(root: Token) -> bool:
    """The time phrase (its root) is the object of "for" or the owner of a noun ("next Friday's gig")."""
    if root.dep_ == "poss" and root.head.pos_ in ("NOUN", "PROPN"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "for"


def for_a_day(f: CandidateFact, sent: Sentence, doc: Doc | None, said: datetime) -> CandidateFact:
    """``f`` (bought, spent, an event) dated by a time phrase that names what it was for: dated the day said."""
    if doc is None or f.subject != "user" or f.predicate not in _GETTING or f.time_text is None:
        return f
    span = next((t for t in sent.times if t.resolved.text == f.time_text), None)
    root = _span_root(doc, span.start_char, span.end_char) if span is not None else None
    if root is None or not _names_a_things_day(root):
        return f
    day = datetime(said.year, said.month, said.day)
    return f.model_copy(update={"time_text": None, "valid_from": day, "granularity": "day",
                                "valid_to": day if f.predicate in INTERVAL_PREDICATES else None})
