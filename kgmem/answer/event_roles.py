"""Which point of an activity a sentence tells, read from constructions rather than idioms.

:mod:`kgmem.lexicon.events` lists the verbs that carry a role ("started", "finished", "signed up",
"bought" …). Many lines carry it by construction instead, whatever the activity:

- an **ordinal before what is done**: "my first pill", "first Saturday on the till", "LAST ONE EVER",
  "the final coat" — *first* starts, *last* / *final* finishes ("last week" and "last Monday" are
  times, not roles; "the first coffee in weeks" resumes something, so it ends the abstinence);
- **coming back**: a verb of being or moving followed by *back* / *home* ("flew home", "first day
  back at work", "home from hospital since Thursday", "home again") ends a trip or an absence;
- **setting off**: "flying out to …", "off to …" starts a trip, and so does a journey told ahead of
  its day: a verb of travelling in a non-past form, then *to* and where ("Sunday I fly to …",
  "driving up to Leeds on Thursday"; a road or sea journey only to a name, never "to work"). A past
  "flew to Porto" may be the way home, so it sets nothing off.

An arrival that is a coming back ("arrived home", "landed back in …") ends the trip: the arrival
verb's own start role is not read inside the return construction.

The words of each construction are data (``structure`` in
``kgmem/resources/lexicon/event_roles.json``); no entry names one conversation's idiom.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kgmem import packaged
from kgmem.answer.event_time import past_marked
from kgmem.answer.evidence import DISTINCT_ROLES, roles_of
from kgmem.lexicon import calendar

#: being released from a treatment ends it ("the physio signed me off", "being signed off"); being
#: signed off a duty ("signed me off work", "signed off sick") begins the time away from it
_SIGNED_OFF = re.compile(r"\bsign(?:ed|ing|s)?\s+(?:me\s+|us\s+|him\s+|her\s+)?off\b(?P<duty>\s+(?:work|sick|school|college|"
                         r"uni|duty|duties|from\s+\w+))?", re.I)


@lru_cache(maxsize=1)
def _structure() -> dict[str, Any]:
    data: dict[str, Any] = packaged.json_data("lexicon", "event_roles.json")["structure"]
    return data


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    s = _structure()
    stop = _alt(s["ordinal_not_before"])
    times = _alt(s["last_is_time_before"]) + "|" + calendar.weekday_alternation() + "|" + calendar.month_alternation()
    ret = s["return"]
    return {
        # an ordinal, then a word that names what is done (not "first of all", "last but one")
        "start": re.compile(rf"\b(?:{_alt(s['ordinal']['start'])})\s+(?!(?:{stop})\b)[a-z]", re.I),
        "finish": re.compile(rf"\b(?:{_alt(s['ordinal']['finish'])})\s+(?!(?:{stop})\b)(?!(?:{times})\b)[a-z]", re.I),
        "resumed": re.compile(rf"\b(?:{_alt(s['ordinal']['start'])})\s+(?:[\w'-]+\s+){{0,3}}?(?:{_alt(s['resumed_after'])})\b",
                              re.I),
        "return": re.compile(rf"(?:\b(?:{_alt(ret['after_verb'])})\s+(?:{_alt(ret['words'])})\b|"
                             rf"(?:^|[^\w\s]\s*)(?:{_alt(ret['words'])})\b|"
                             rf"\b(?:{_alt(ret['words'])})\s+(?:{_alt(ret['before'])})\b|"
                             rf"\b(?:{_alt(ret['plain'])})\b)", re.I),
        "departure": re.compile(rf"\b(?:{_alt(s['departure'])})\b", re.I),
        "travel_ahead": _travel_ahead(s["travel_ahead"]),
        "unreal": re.compile(rf"(?:\b(?:{_alt(s['unreal_before'])})\b|'d\b)", re.I),
    }


def _travel_ahead(t: dict[str, list[str]]) -> re.Pattern[str]:
    """A verb of travelling in a non-past form + *to* + where: by air to anywhere but back/home, or
    on a day ("Fly Thursday."); by
    road or sea to a name (a capitalised word within the next few words: "to my parents in Regensburg")."""
    part = rf"(?:\s+(?:{_alt(t['particles'])}))?"
    # a dropped g is the same word ("flyin'", "drivin"): every -ing form also without its g
    flight = t["flight"] + [w[:-1] + e for w in t["flight"] if w.endswith("ing") for e in ("", "'")]
    road = t["by_road_or_sea"] + [w[:-1] + e for w in t["by_road_or_sea"] if w.endswith("ing") for e in ("", "'")]
    cal = rf"(?i:{calendar.weekday_alternation()}|{calendar.month_alternation()})"  # "to work on Monday"
    # "off to" with a particle between ("off up to …") is a journey told ahead as well
    return re.compile(rf"\b(?:(?i:off\s+(?:{_alt(t['particles'])})\s+to)\s+\w|(?i:{_alt(flight)}){part}\s+(?:(?i:to)\s+(?!(?i:back|home)\b)\w|(?i:on\s+)?{cal}\b)|"
                      rf"(?i:{_alt(road)}){part}\s+(?i:to)\s+(?:[a-z'-]+\s+){{0,3}}?(?!{cal}\b)[A-Z]\w)")


def structural_roles(text: str) -> set[str]:
    """The roles a sentence carries by construction (ordinal, coming back, setting off)."""
    p = _patterns()
    found: set[str] = set()
    if p["resumed"].search(text):
        found.add("finish")  # "my first flat white in weeks": the break is over
    elif p["start"].search(text):
        found.add("start")
    signed = _SIGNED_OFF.search(text)
    if p["finish"].search(text) or p["return"].search(text) or (signed and not signed.group("duty")):
        found.add("finish")
    if signed and signed.group("duty"):
        found.add("start")
    if departs(text):
        found.add("start")
    return found


def returns_home(text: str) -> bool:
    """Whether a sentence tells coming back ("home since Tuesday", "we flew back")."""
    return bool(_patterns()["return"].search(text))


def departs(text: str) -> bool:
    """Whether a sentence tells setting off in so many words ("flying out to …", "off to …"). A
    journey told ahead ("Sunday I fly to Lima") is read only where a coming back pairs it with a
    coming day (:func:`setting_off`, :mod:`kgmem.answer.event_trips`)."""
    return departed(text)


def departed(text: str) -> bool:
    """Whether a sentence tells setting off in words that carry their own time ("left for …",
    "off to …"), not only a journey told ahead."""
    return bool(_patterns()["departure"].search(text))


def unreal_frame(text: str) -> bool:
    """Whether a clause's words before its verb make it no real event: a modal, a condition, a wish,
    a habit or a some-day ("one day I fly to …", "asked if I'd drive …", "every summer we drive …")."""
    return bool(_patterns()["unreal"].search(text))


#: the user as the one who travels: the journey opens its clause ("Flying out to Oslo …", "Fly
#: Thursday."), or "I" / "we" is its subject ("Lindiwe and I fly out", "Sunday I fly to …")
_USER_SUBJECT = re.compile(r"(?:^\W*|\b(?:I|we)(?:'m|'re|\s+am|\s+are)?\s+)$", re.I)


def users_own(before: str) -> bool:
    """Whether the words of a clause before its journey verb make it the user's real journey: the
    user its subject, no unreal frame ("Mum and Dad fly to …", "One day I fly to …" are none)."""
    return bool(_USER_SUBJECT.search(before)) and not unreal_frame(before)


def setting_off(text: str) -> re.Match[str] | None:
    """Where a sentence tells setting off (:func:`departs`), else ``None``. A journey told ahead
    counts only as the user's own (:func:`users_own`)."""
    p = _patterns()
    found = p["departure"].search(text)
    if found or past_marked(text):
        return found
    ahead = p["travel_ahead"].search(text)
    if ahead is None:
        return None
    before = re.split(r"[;,:!?.]+\s", text[:ahead.start()])[-1]
    return ahead if users_own(before) else None


def event_roles(text: str) -> set[str]:
    """The distinct roles of a sentence or phrase: its role words (:mod:`kgmem.lexicon.events`)
    and its constructions. The words of a coming back are read as that alone ("arrived home":
    no start of anything)."""
    back = _patterns()["return"].search(text)
    worded = roles_of(text[:back.start()] + " " + text[back.end():] if back else text)
    return (worded & DISTINCT_ROLES) | structural_roles(text)


@lru_cache(maxsize=1)
def time_nouns() -> frozenset[str]:
    """Words that name a time, not a thing ("an *evening* class", "the *summer* term", "the *Monday*
    session"): the time words of the ordinal rule, weekdays and months."""
    s = _structure()
    return frozenset(w.lower() for w in s["last_is_time_before"]) | set(calendar.WEEKDAYS) | set(calendar.MONTH_NUMBERS)
