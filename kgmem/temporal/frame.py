"""The frame a yearless date is told in, read from the parse: a past one, or not.

"the 19th of April" names a day once a year and "on the 15th" once a month; which one the speaker
means depends on the clause the date belongs to, not on the date. The verb the date hangs from
decides: a past-tense verb ("I ran the half on the 3rd") puts it in the past; a present or future
one ("the wedding is on the 26th") or a non-finite one ("…, leaving on the 28th") does not, nor a
date of what something is *for* ("a hike for Saturday the 12th", "tickets for the trip on the
19th"). A date on a thing ("a gig on the 28th of March", "my wrist aches from the crash on the 3rd")
is that thing's time, read as before. :mod:`kgmem.temporal.resolvers`
reads a date outside a past frame as the nearer of the coming and the most recent one.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem import packaged
from kgmem.lexicon.discourse import strip_openers
from kgmem.nlp import load_nlp
from kgmem.temporal import periods
from kgmem.temporal.dates import midnight
from kgmem.temporal.patterns import CLAUSE_BREAK, FUTURE_TENSE
from kgmem.temporal.types import ResolvedTime

if TYPE_CHECKING:
    from spacy.tokens import Token


def told_in_past(text: str, start: int, end: int) -> bool:
    """Whether the date at characters ``start``–``end`` of ``text`` belongs to a past-tense clause."""
    return _told_in_past(text, start, end)


def _date_head(text: str, start: int, end: int) -> Token | None:
    """The date's own head in the sentence's parse: its token whose head lies outside it, taken up
    through the date's own "of" and "on"."""
    doc = load_nlp()(text)
    inside = [t for t in doc if start <= t.idx < end and t.lower_ not in ("on", "the", "of")]
    words = {t.i for t in inside}
    tok = next((t for t in inside if t.head.i not in words or t.head.i == t.i), None)
    while tok is not None and start <= tok.head.idx < end and tok.head.i != tok.i:
        tok = tok.head
    return tok


@lru_cache(maxsize=4096)
def _told_in_past(text: str, start: int, end: int) -> bool:
    if re.match(r"\W*since\b", text[start:end], re.I):
        return True  # "since the 31st" counts from a day gone
    tok = _date_head(text, start, end)
    if tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "for":
        return False  # the time a thing is booked or meant for ("a hike for Saturday the 12th")
    if tok is None:
        return True
    # the word the date (through its preposition) belongs to; spaCy makes a new Token on each
    # access, so roots are found by index, never by identity
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head
    if gov.pos_ not in ("VERB", "AUX"):
        # a date on a thing ("the bike crash on the 3rd", "a gig on the 28th of March") is that
        # thing's own time, read as before (the most recent), unless the thing is what something
        # is for ("tickets for the gig on the 15th")
        node = gov
        while node.pos_ not in ("VERB", "AUX"):
            if node.pos_ in ("NOUN", "PROPN") and node.dep_ == "pobj" and node.head.lower_ == "for" \
                    and node.head.head.tag_ not in ("VBD", "VBN"):
                return False  # not "paid for the service on the 2nd": a past verb's own "for"
            if node.head.i == node.i:
                break
            node = node.head
        return True
    if any(c.dep_ == "advmod" and c.lower_ == "still" for c in gov.children):
        return True  # a state that lasts on from what the date dates ("my wrist still aches from the crash on the 3rd")
    if gov.tag_ == "VBN" and not _auxes(gov) and gov.head.i != gov.i and gov.head.pos_ in ("VERB", "AUX"):
        gov = gov.head  # a bare participle takes its tense from the verb it hangs from ("had her hip done")
    return gov.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in _auxes(gov))


#: a state told now that lingers from an event: a degree or continuance adverb, then "from" / "after" / "since" and the
#: event, its day right after it ("still ringing from the Foals gig on Saturday", "so sore after the hike on Saturday",
#: "totally hungover from Dan's stag do on Friday")
_LINGERING = r"(?:still|so|totally|completely|absolutely|utterly|properly|really|very|pretty|a\s+bit|bit)"
_AFTERMATH = re.compile(rf"\b{_LINGERING}\b[^,;.!?]*?\b(?:from|after|since)\s+(?:[\w'’-]+\s+){{1,5}}?(?:on\s+|last\s+)?$", re.I)
#: what is still ahead ("I'm still going to the party after work on Friday", "really looking forward to getting away
#: after the exams on Friday"), or a going still to be done ("I'm still flying home after the conference on Saturday")
_AHEAD = re.compile(r"\b(?:going\s+to|gonna|will|won't|shall|about\s+to|looking\s+forward|can'?t\s+wait|cannot\s+wait|"
                    r"excited|plan\w*|hop(?:e|ing)|want\w*|need\s+to|have\s+to|got\s+to|"
                    r"(?:fly|driv|head|leav|travel|com|go|walk|cycl|sail|return|set)ing\b)\b|'ll\b", re.I)


def lingering_aftermath(text: str, at: int) -> bool:
    """Whether the day at character ``at`` dates an event whose aftermath the sentence tells in the present (see
    ``_AFTERMATH``): the event came before, so the day is the most recent one. A plan ("I'm flying home after the
    conference on Saturday") tells no lingering state."""
    return bool(_AFTERMATH.search(text[:at])) and not _AHEAD.search(text)


def told_ahead(text: str, start: int, end: int) -> str:
    """How the clause a weekday belongs to tells it, by the tense of the verb the weekday hangs from
    (the verb may come after it: "On Saturday I take the train"): ``"plan"`` in the future tense or
    the progressive ("On Friday we're flying to Rome", "Saturday I'll ring her"), ``"scheduled"``
    in the present simple, which with one named day tells an arrangement ahead ("On Saturday I
    take the train", "my sister arrives on Saturday"), else ``""`` (a past or perfect verb, a
    participle, no verb; "since Saturday I sleep in my own flat" counts from a day gone; a habit, "every
    Friday", "our weekly sync is on Friday", names no one day)."""
    return _told_ahead(text, start, end)


@lru_cache(maxsize=4096)
def _told_ahead(text: str, start: int, end: int) -> str:
    if re.search(r"\bsince\W*$", text[:start], re.I) or lingering_aftermath(text, start):
        return ""  # "since Saturday" counts from a day gone; "still ringing from the gig on Saturday" tells its aftermath
    tok = _date_head(text, start, end)
    if tok is None:
        return ""
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head
    if gov.pos_ not in ("VERB", "AUX") or gov.i == tok.i:
        return ""  # a day on a thing ("the gig on Saturday") is that thing's, read as before
    if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "since"):
        return ""  # "I'm back in Munich from Thursday": a start point, either side of today
    day = tok if tok.dep_ != "prep" else next((c for c in tok.children if c.dep_ == "pobj"), tok)
    if any(t.lower_ in periods.bank()["frequency"] | {"every", "each"} for t in gov.subtree) \
            or any(c.dep_ == "det" and c.lower_ in ("a", "every", "each") for c in day.children):
        return ""  # a habit ("our weekly sync is on Wednesday", "the van runs on a Saturday"), no one day
    auxes = _auxes(gov)
    if any(a.lemma_.lower() == "have" or a.tag_ == "VBD" for a in auxes) or gov.tag_ in ("VBD", "VBN"):
        return ""
    if any(a.tag_ == "MD" and a.lower_ in ("will", "shall", "'ll", "wo") for a in auxes) \
            or (gov.tag_ == "VBG" and any(a.lemma_.lower() == "be" for a in auxes)):
        return "plan"
    if gov.tag_ not in ("VBP", "VBZ") or auxes or (gov.tag_ == "VBP" and gov.lower_ in same_past_verbs()):
        return ""  # "I quit coffee on Friday": past or present by the form alone
    return "" if _narrated(text, tok) else "scheduled"


def _narrated(text: str, day: Token) -> bool:
    """The present of a story told of days gone (the historic present of chat): a past verb anywhere
    in the sentence ("… is on Saturday and it was packed"), a perfect after the day ("… and he tells
    me they've sold out"), "now" ("I get my cast off, my arm looks so thin now"), or a discourse
    opener before the day ("So on Saturday I go …", "Funnily enough on Tuesday Jess texts me")."""
    sent = day.sent
    for t in sent:
        if t.tag_ == "VBD" or t.lower_ == "now" or (t.i > day.i and t.tag_ == "VBN" and any(
                a.lemma_.lower() == "have" for a in _auxes(t))):
            return True
    before = re.split(r"[.!?]\s", text[:day.idx])[-1].strip() + " x"  # the sentence up to the day
    return strip_openers(before) != before


@lru_cache(maxsize=1)
def same_past_verbs() -> frozenset[str]:
    """Verbs whose simple past is spelled like the base ("quit", "put"): event_roles.json's
    ``same_past_verbs``, the one list of them."""
    return frozenset(packaged.json_data("lexicon", "event_roles.json")["structure"]["same_past_verbs"])


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
    clause = CLAUSE_BREAK.split(m.string[: m.start()])[-1]
    future = bool(FUTURE_TENSE.search(clause + " " + m.group(0)))
    return ResolvedTime(m.group(0), midnight(d), midnight(d), "day", future=future, ahead=True)


#: a verb that sends a thing to a day (moving, putting off, booking) ...
_SENDS = re.compile(r"\b(?:mov|shift|switch|chang|push|postpon|reschedul|delay|put|bring|brought|book|reserv|schedul|"
                    r"arrang)\w*\b(?:(?!\b(?:and|but|so)\b)[^.;!?]){0,60}$", re.I)
#: ... unless the sentence goes on to tell the day as past ("moved to the 22nd and it was great")
_TOLD_PAST_AFTER = re.compile(r"\b(?:was|were|did|had)\b", re.I)


def sent_to(m: re.Match[str]) -> bool:
    """"moved my op from the 12th to the 22nd", "booked the car in for the 23rd": the day a thing is
    sent to is where it is going, the coming one (the day it is moved from is read as any day)."""
    lead = m.group(0).split()[0].lower()
    return lead in ("to", "for") and bool(_SENDS.search(m.string[: m.start()])) and not _TOLD_PAST_AFTER.search(
        m.string[m.end():])
