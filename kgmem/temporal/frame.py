"""The frame a yearless date is told in, read from the parse: a past one, or not.

"the 19th of April" names a day once a year and "on the 15th" once a month; which one the speaker
means depends on the clause the date belongs to, not on the date. The verb the date hangs from
decides: a past-tense verb ("I went to a gig on the 28th of March", "the half marathon on the 3rd
was brutal") puts it in the past; a present or future one ("the wedding is on the 26th"), a
non-finite one ("…, leaving on the 28th", "went to buy tickets for the trip on the 19th") or a
date a booking is *for* ("booked a table for the 19th") does not. :mod:`kgmem.temporal.resolvers`
reads a date outside a past frame as the nearer of the coming and the most recent one.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem.nlp import load_nlp
from kgmem.temporal.dates import midnight
from kgmem.temporal.patterns import FUTURE_TENSE
from kgmem.temporal.types import ResolvedTime

if TYPE_CHECKING:
    from spacy.tokens import Token


def told_in_past(text: str, start: int, end: int) -> bool:
    """Whether the date at characters ``start``–``end`` of ``text`` belongs to a past-tense clause."""
    return _told_in_past(text, start, end)


@lru_cache(maxsize=4096)
def _told_in_past(text: str, start: int, end: int) -> bool:
    if re.match(r"\W*since\b", text[start:end], re.I):
        return True  # "since the 31st" counts from a day gone
    doc = load_nlp()(text)
    inside = [t for t in doc if start <= t.idx < end and t.lower_ not in ("on", "the", "of")]
    # the date's own head: its token whose head lies outside it
    words = {t.i for t in inside}
    tok = next((t for t in inside if t.head.i not in words or t.head.i == t.i), None)
    while tok is not None and start <= tok.head.idx < end and tok.head.i != tok.i:
        tok = tok.head  # up through the date's own "of" and "on"
    if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "for":
        return False  # the time a thing is booked or meant for ("a hike for Saturday the 12th")
    # spaCy makes a new Token on each access: the root is found by index, never by identity
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ == "for":
            return False  # the date of a thing something is for ("tickets for the gig on the 15th")
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ == "VBN" and not _auxes(tok) and tok.head.i != tok.i:
            tok = tok.head  # a bare participle takes its tense from the verb it hangs from ("had her hip done")
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return True  # no verb to hang from (a bare expression, a note): read as before, the most recent
    return tok.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in _auxes(tok))


def _auxes(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("aux", "auxpass")]


def nearer(m: re.Match[str], recent: date, coming: date, today: date) -> date:
    """A yearless (or monthless) date: the most recent one, unless the coming one is nearer and
    the date is not told in a past frame (:mod:`kgmem.temporal.frame`)."""
    if coming - today < today - recent and not told_in_past(m.string, m.start(), m.end()):
        return coming
    return recent


def framed(m: re.Match[str], d: date, today: date) -> ResolvedTime:
    """A day read forward is told ahead; a plan's when its clause is in the future tense."""
    if d <= today:
        return ResolvedTime(m.group(0), midnight(d), midnight(d), "day")
    clause = re.split(r"\s[-–—]\s|[,;:]|\b(?:and|but|so|because)\b", m.string[: m.start()])[-1]
    future = bool(FUTURE_TENSE.search(clause + " " + m.group(0)))
    return ResolvedTime(m.group(0), midnight(d), midnight(d), "day", future=future, ahead=True)
