"""A trip's span from its setting off and its coming back, when no line names both.

People tell a trip in two turns that rarely share its name: "Sunday I fly to São Paulo!!" a few days
ahead, then "I arrived back in Rotterdam on Saturday" — the question asks "how many days was I in
Brazil?". The trip is read from its structure, not its wording:

- a **setting off** is a line that sets off (:func:`kgmem.answer.event_roles.setting_off`: "off to …",
  "flying out", the user's own journey told ahead of its day), dated by the coming day it names;
- its **coming back** is the first return home (:func:`kgmem.answer.event_roles.returns_home`) told
  after it, dated by its own time ("back since Sunday"), within ``CONTINUATION_DAYS`` — with no other
  setting off told between them (that one would be the trip's start);
- the pair is the asked trip when either end's sentence is a mention of the activity or names a place
  inside a region the activity names ("São Paulo" for "Brazil", by the gazetteer, read only then); a
  mention elsewhere in its turn ("Got back from Lisbon. … Cambridge invited me, I said no") is not.

Two such trips on different days are a tie: no span (an honest abstention, never a guess).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from kgmem import knowledge, temporal
from kgmem.answer.actuality import actuality as read_actuality
from kgmem.answer.event_mentions import CONTINUATION_DAYS
from kgmem.answer.event_roles import departed, returns_home, setting_off, users_own
from kgmem.answer.event_spec import EventMatch, line_roles
from kgmem.answer.event_time import scheduled_text
from kgmem.answer.event_time import when as when_of
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.lexicon.people import USER_SUBJECTS


def _own(line: Line) -> bool:
    """The user's own setting off or coming back (a "no" tells nothing). A setting off needs the
    user as its subject, outside an unreal frame ("Mum and Dad fly to Rome", "One day I fly to
    Japan", "Jo asked if I'd drive down to …" are none); a question after it in its own sentence is
    no matter ("Flying out to Oslo on Thursday, any tips?"), nor a "no" in another clause."""
    at = setting_off(line.text)
    if at is None:
        return line.actuality == "actual"
    clause = _clause(line.text, at)
    # what the setting off's own clause is: "flying to Rome on Friday, cannot wait" is no "no"
    if read_actuality(clause) not in ("actual", "plan", "other") or clause.rstrip().endswith("?"):
        return False
    return users_own(clause[:max(0, at.start() - line.text.find(clause))])


def _clause(text: str, at: re.Match[str]) -> str:
    """The clause of ``text`` around a match, with the punctuation that ends it."""
    cuts = [m.end() for m in _CLAUSE_END.finditer(text) if m.end() <= at.start()]
    end = next((m.end() for m in _CLAUSE_END.finditer(text) if m.start() >= at.end()), len(text))
    return text[(cuts[-1] if cuts else 0):end]


def _set_off_day(line: Line, ev: EvidenceSet) -> datetime | None:
    """The day a setting off names: a coming day told in its own clause ("Sunday I fly to …", "off to
    the caravan a week tomorrow, [packing since Easter]"), else in a later sentence of its turn ("we
    are off to Spain! We take the ferry a week on Sunday"), else the line's own time."""
    at = setting_off(line.text)
    clause = _clause(line.text, at) if at is not None else line.text
    for text in [clause] + [s.text for s in ev.turn_lines(line.turn_id) if s.position > line.position]:
        day = _coming_day(text, line.said_at)
        if day is not None:
            return day
    # a journey told ahead with no coming day is no setting off; "left for …" tells its own time
    return when_of(line, ev)[0] if departed(line.text) else None


#: where a clause ends inside a sentence
_CLAUSE_END = re.compile(r"[;,:!?.]+(?:\s|$)")


def _coming_day(text: str, said_at: datetime) -> datetime | None:
    """A coming day a clause names: told ahead or as a plan ("a week on Sunday"), or a bare day in a
    clause with no past verb (:func:`kgmem.answer.event_time.scheduled`)."""
    spans = [s for s in temporal.find_time_expressions(text, said_at) if s.resolved.granularity == "day"]
    ahead = next((s.resolved.start for s in spans if s.resolved.future or s.resolved.ahead), None)
    if ahead is None:
        told = scheduled_text(text, said_at)
        ahead = told[0] if told else None
    return ahead if ahead is not None and ahead.date() > said_at.date() else None


def trip_span(activity: str, ev: EvidenceSet, named: list[EventMatch]) -> tuple[EventMatch, EventMatch] | None:
    """The setting off and the coming back of the one trip that is the activity's, else ``None``
    (no such pair, or two on different days)."""
    lines = [ln for ln in ev.all_user_lines() if _own(ln)]
    offs = [ln for ln in lines if setting_off(ln.text) and not returns_home(ln.text)]
    backs = sorted((ln for ln in lines if ln.actuality == "actual" and returns_home(ln.text) and not setting_off(ln.text)),
                   key=lambda ln: ln.said_at)
    pairs: list[tuple[Line, datetime, Line, datetime]] = []
    for off in offs:
        back = next((b for b in backs if b.said_at > off.said_at and b.turn_id != off.turn_id), None)
        if back is None or any(off.said_at < o.said_at < back.said_at for o in offs):
            continue
        start, end = _set_off_day(off, ev), when_of(back, ev)[0]
        # a coming back is told after it happened: one dated after its own telling is misread
        if start is not None and start < end <= start + timedelta(days=CONTINUATION_DAYS) and end.date() <= back.said_at.date():
            pairs.append((off, start, back, end))
    pairs = [p for p in pairs if not elsewhere(activity, p[0], p[2])]
    if not pairs:
        return None
    told = {(m.line.turn_id, m.line.position) for m in named if m.line is not None}  # the sentence, not its turn
    pairs = [p for p in pairs if {(p[0].turn_id, p[0].position), (p[2].turn_id, p[2].position)} & told] or [
        p for p in pairs if _in_region(activity, p[0], p[2])]
    if len({(p[1].date(), p[3].date()) for p in pairs}) != 1:
        return None  # none is the activity's, or two trips are: a tie
    off, start, back, end = pairs[0]
    return (EventMatch(start, 0.5, off.text, off.said_at, "day", line=off, roles=line_roles(off)),
            EventMatch(end, 0.5, back.text, back.said_at, "day", line=back, roles=line_roles(back)))


def _in_region(activity: str, *ends: Line) -> bool:
    """Whether either end names a region the activity names or a place inside it (the sentence itself:
    another sentence of its turn may tell another story)."""
    regions = knowledge.regions_in(activity)
    return any(re.search(rf"\b{re.escape(r)}\b", ln.text, re.I) or knowledge.places_within(r, ln.text)
               for r in regions for ln in ends)


#: a place where the trip was: after "from", or after "in" / "at" / "to" that no coming back governs
#: ("after the work trip to Glasgow", "camping in the Peak District"; not "arrived back in Bristol")
_WHERE = re.compile(r"\b(?:from|in|at|to)\s+(?:the\s+)?(?P<place>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")
_HOME_VERB = re.compile(r"\b(?:back|home|arrived|landed)\s*$", re.I)


def elsewhere(activity: str, *ends: Line) -> bool:
    """Whether an end tells being in a place the activity's place is not (a coming back "after the
    work trip to Glasgow" ends no trip to Japan); a place the gazetteer cannot place says nothing."""
    asked = knowledge.regions_in(activity) + re.findall(r"\b[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*", activity)
    asked = [a for a in asked if a.lower() not in USER_SUBJECTS]
    if not asked:
        return False
    for ln in ends:
        for m in _WHERE.finditer(ln.text):
            place = m.group("place")
            if _HOME_VERB.search(ln.text[:m.start()]):
                continue  # "back in Leeds": home, not where the trip was
            if any(place.lower() == a.lower() or knowledge.within(place, a, ln.text) for a in asked):
                continue
            if any(knowledge.within(place, a, ln.text) is False for a in asked):
                return True
    return False
