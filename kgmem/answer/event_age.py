"""How old someone was when something happened: an age told on a day, carried to the event's day.

"How old was Leo when he lost his first tooth?" rests on two lines: the birthday on which Leo
reached an age ("Leo turned four on Tuesday", "Gran turned 96 yesterday", "Turned 33 on Monday",
"it was my 40th birthday on Saturday") and the event, matched as every event is
(:func:`kgmem.answer.events.match_spec`). The age at the event is the age reached plus the
birthdays that fell between the two days. An age told without its birthday ("Leo is four") does
not say when the next birthday falls, so it answers nothing here.
"""

from __future__ import annotations

import re
from datetime import datetime

from kgmem.answer.deterministic import Computed, _use
from kgmem.answer.event_time import when as when_of
from kgmem.answer.events import match_spec, parse_spec
from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.match import second_person
from kgmem.lexicon import numbers

#: "how old was Leo when he lost his first tooth", "what age was I when I ran my first marathon"
_ASK = re.compile(r"^\W*(?:how\s+old|what\s+age)\s+(?:was|were|am|is|are)\s+(?P<who>.+?)\s+"
                  r"(?:when|at\s+the\s+time|the\s+(?:day|time)\s+(?:that\s+)?)\s*(?P<event>.+?)\s*[?.!]*$", re.I)
_NUMBER = rf"(?P<n>\d{{1,3}}|{numbers.cardinal_alternation()})"
_SELF = re.compile(r"^(?:i|me|myself|we)$", re.I)


def asked(question: str) -> tuple[str, str] | None:
    """(who, event clause) of an age-at-an-event question, else ``None``."""
    m = _ASK.match(question.strip())
    return (m.group("who"), m.group("event")) if m else None


def _reached(who: str) -> list[re.Pattern[str]]:
    """The ways a line tells that ``who`` reached an age on its day."""
    if _SELF.match(who):
        subject = r"(?:^\W*|\b(?:I|I've|I\s+have)\s+(?:just\s+|finally\s+|officially\s+)?)"
        own = r"\bmy"
    else:
        name = re.escape(re.sub(r"^(?:my|our|the)\s+", "", who, flags=re.I))
        subject = rf"\b{name}(?:\s+has|'s)?\s+(?:just\s+|finally\s+|officially\s+)?"
        own = rf"\b{name}['’]s"
    return [re.compile(rf"{subject}turned\s+{_NUMBER}\b", re.I),
            re.compile(rf"{own}\s+{_NUMBER}(?:st|nd|rd|th)?\s+birthday\b", re.I)]


def _age(text: str) -> int | None:
    return int(text) if text.isdigit() else numbers.cardinal(text)


def _years(reached: int, birthday: datetime, when: datetime) -> int:
    """The age on ``when`` of someone who reached ``reached`` on ``birthday``."""
    return reached + when.year - birthday.year - ((when.month, when.day) < (birthday.month, birthday.day))


def compute_age_at(ev: EvidenceSet) -> Computed:
    """The age ``who`` had on the event's day, from a birthday told with the age reached."""
    out = Computed(kind="age")
    q = asked(ev.result.plan.question)
    if q is None:
        return out
    who, clause = q
    # the event is the doing of the one asked about ("when he lost his first tooth": Leo's losing it)
    doer = "" if _SELF.match(who) else f"{who} "
    phrase = re.sub(r"^(?:i|we|he|she|they)\s+", doer, clause, flags=re.I)
    event = match_spec(parse_spec(phrase), ev)
    if event is None:  # the rest of the answerer may still find the age told outright ("I was 25 when …")
        return out
    told = [(line, _age(m.group("n"))) for line in ev.all_user_lines() if line.actuality in ("actual", "other")
            for rx in _reached(who) for m in [rx.search(line.text)] if m is not None]
    birthdays = [(line, n) for line, n in told if n is not None]
    if not birthdays:
        return out
    line, reached = max(birthdays, key=lambda b: b[0].said_at)
    day = when_of(line, ev)[0]  # the birthday: the line's own time, else the day it was said
    # (an event before the birthday told is as exact: "got my first tattoo on Saturday" … "my 25th birthday
    # yesterday" gives 24)
    years = _years(reached, day, event.when)
    if event.tie is not None and _years(reached, day, event.tie.when) != years:
        # two lines tell the event on days that give different ages: say so, do not pick one
        _use(event, out)
        out.ambiguous = True
        out.answer = (f"I'm not sure which time you mean: {second_person(phrase)} matches both {event.cite()} "
                      f"and {event.tie.cite()}")
        return out
    _use(event, out)
    out.cited.append(f'"{line.text}" (said {line.said_at.date()})')
    out.turn_ids.append(line.turn_id)
    person = "you" if _SELF.match(who) else who
    out.lines.append(f"{second_person(who)} turned {reached} on {day.date()}; {second_person(phrase)} on {event.when.date()}.")
    out.answer = (f"{years} years old: {person} turned {reached} on {day.date()}, and {second_person(phrase)} "
                  f"on {event.when.date()}")
    return out

