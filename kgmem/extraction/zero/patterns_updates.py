"""Rules for slot values told by the shape of an update or a goal, not by a verb of having:
"new PB is 23:12", "trying to beat my 5k time of 23:40" (the current best, said while aiming past
it), "I want to hit 25 books by December" (a goal is wanted by nature), "my landlord charges $1850 a
month" (rent told through who charges it).

Rules named in :data:`PRESUPPOSED` are read inside a wish or a plan: what they state is what the
wish presupposes or what the goal is.
"""

from __future__ import annotations

import re

from kgmem.extraction.zero.lexicon import CAR_BRANDS_CASED, PHONE_BRANDS_CASED, alt
from kgmem.extraction.zero.patterns import Rule, rx

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
#: an amount in any of the usual currencies ("£1,450", "$1850", "1.2k")
_AMOUNT = r"[£$€]?\s?\d[\d,]*(?:\.\d+)?\s?(?:k|K|grand)?"
_RACE = r"(?:5k|10k|5\s*km|10\s*km|half(?:[- ]marathon)?|marathon|parkrun|mile|run)"

UPDATE_RULES = [
    # "new PB is 23:12", "new personal best: 1:41" (the old time said before it is not the value)
    Rule("pb_new", rx(r"\bnew\s+(?:PB|PR|personal\s+best|personal\s+record|best\s+time)\s*(?:is|of|was|:|=|-)\s*(?:now\s+)?(?P<v>"
                      + _TIME + r")"),
         lambda m, s: [("running_pb", m.group("v"), None)], change=False),
    # "my 5k time of 23:40", "my parkrun PB is 27:45": the current best, also while trying to beat it
    Rule("pb_current", rx(r"\b[Mm]y\s+(?!old\b|previous\b|former\b)(?:current\s+)?" + _RACE
                          + r"\s+(?:time|PB|PR|best|record)\s+(?:of|is|:)\s+(?P<v>" + _TIME + r")"),
         lambda m, s: [("running_pb", m.group("v"), None)], change=False),
    # "I want to hit 25 books by December", "aiming to read 40 books this year"
    Rule("goal_wanted", rx(r"\b(?i:want|wanna|aim(?:ing)?|hop(?:e|ing)|plan(?:ning)?|trying|going|goal\s+is)\s+to\s+"
                           r"(?:hit|read|get\s+through|finish|reach|do)\s+(?P<v>\d{1,3})\s+books\b"),
         lambda m, s: [("reading_goal", m.group("v"), None)], change=False),
    # "my landlord charges $1850 a month", "the landlord wants £1,200 now", and in chat without the
    # article ("Landlord now wants $1850 monthly")
    Rule("rent_landlord", rx(r"(?:\b(?:[Mm]y|[Oo]ur|[Tt]he)\s+|^\W*)[Ll]andlord\s+(?:now\s+|still\s+|just\s+)?(?:charges|is\s+charging|wants|"
                             r"asks\s+for|raised\s+(?:it|the\s+rent|our\s+rent|my\s+rent)\s+to|put\s+(?:it|the\s+rent)\s+up\s+to)"
                             r"\s+(?:us\s+|me\s+)?(?P<v>" + _AMOUNT + r")"),
         lambda m, s: [("rent", m.group("v"), None)], change=False),
]


def _swapped_in(m: re.Match[str], s: object) -> list[tuple[str, str, str | None]]:
    """The thing swapped in takes the slot its brand names (a car: drives; a phone: phone)."""
    new = m.group("new").strip()
    if _CAR.search(new):
        return [("drives", new, "item")]
    if _PHONE.search(new):
        return [("phone", new, "item")]
    return []


_CAR = re.compile(r"^(?:" + alt(CAR_BRANDS_CASED) + r")\b", re.IGNORECASE)
_PHONE = re.compile(r"^(?:" + alt(PHONE_BRANDS_CASED) + r")\b", re.IGNORECASE)

UPDATE_RULES.append(
    # "I swapped my Golf for a Jeep Wrangler", "replaced my iPhone 12 with a Pixel 9", "switched from my
    # Golf to a Tesla": the swap's new side is the value (the old side is what was let go)
    Rule("swapped_for", rx(r"\b(?:I|[Ww]e)\s+(?:have\s+|'ve\s+)?(?:just\s+|finally\s+|recently\s+)?(?:swapped|traded(?:\s+in)?|"
                           r"replaced|switched|exchanged|upgraded)\s+(?:from\s+)?(?:my|our|the)\s+(?:old\s+)?[^,.;!?]{1,40}?\s+"
                           r"(?:for|with|to)\s+(?:a|an|the|my)?\s*(?:new\s+|shiny\s+|used\s+|\d{4}\s+)*"
                           r"(?P<new>[A-Za-z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3})"),
         _swapped_in))

_APPOSED_SLOTS = {"gym": "gym", "employer": "works_at", "company": "works_at", "firm": "works_at",
                  "partner": "partner_name", "wife": "partner_name", "husband": "partner_name",
                  "boyfriend": "partner_name", "girlfriend": "partner_name", "hometown": "hometown"}


def _apposed(m: re.Match[str], s: object) -> list[tuple[str, str, str | None]]:
    pred = _APPOSED_SLOTS[m.group("noun").lower()]
    return [(pred, m.group("name"), "person" if pred == "partner_name" else "place" if pred == "hometown" else "org")]


UPDATE_RULES += [
    # a slot of the user's named, then its value in apposition: "my climbing gym, Crux Hall, has…",
    # "my employer, Halvorsen Design, is going remote" (a noun phrase: read in questions too)
    Rule("slot_apposed", rx(r"\b(?:[Mm]y|[Oo]ur)\s+(?:[a-z]+\s+)?(?P<noun>" + "|".join(_APPOSED_SLOTS)
                            + r"),\s+(?:the\s+)?(?P<name>[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|&|of)){0,3})\s*(?=[,.;:!?)(—–]|\s[-–—]\s|$)"),
         _apposed, change=False),
    # a named race the user ran: "I ran the Harbour Half yesterday", "did the Great North Run"
    Rule("race_run", rx(r"\b(?:I|[Ww]e)\s+(?:just\s+|finally\s+)?(?:ran|did|completed|finished|raced)\s+(?:the|my\s+first)\s+"
                        r"(?P<obj>(?:[A-Z][\w'-]*\s+){1,3}(?:Half|Marathon|10[Kk]|5[Kk]|Run|Ultra|Triathlon|Sportive|Relay|Trail)"
                        r"(?:\s+Marathon)?)\b"),
         lambda m, s: [("attended", m.group("obj"), "item")]),
    # "goal this year is 52 books", "my 2025 goal: 40 books"
    Rule("goal_books", rx(r"\b(?i:goal)\s+(?:this\s+year\s+|for\s+(?:the\s+year|\d{4})\s+)?(?:is|was|:|=)\s+(?:to\s+read\s+)?(?P<v>\d{1,3})\s+books"),
         lambda m, s: [("reading_goal", m.group("v"), None)], change=False),
]
#: rules whose statement is presupposed by a wish or plan around it
PRESUPPOSED = frozenset({"pb_current", "goal_wanted", "goal_books", "slot_apposed"})
#: noun-phrase rules among these (read in questions and requests too)
NOUN_PHRASE_UPDATES = frozenset({"slot_apposed"})
