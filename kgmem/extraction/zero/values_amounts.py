"""Value kinds that are amounts, times and closed words: money, ages, counts, race times,
weights, phone numbers, days and times, states, diets, relationship status, commute modes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import (
    CURRENCY_RX,
    DIETS,
    alt,
)
from kgmem.extraction.zero.nlp import entity_at, word_number
from kgmem.extraction.zero.phrases import canonical_money
from kgmem.extraction.zero.value_parse import (
    Filler,
    Value,
)
from kgmem.lexicon import calendar
from kgmem.temporal.patterns import NOT_A_DAY

if TYPE_CHECKING:
    pass

_MONEY_RX = re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|K|thousand|grand)?\b|\b\d[\d,]*(?:\.\d+)?\s?(?:k|K|thousand|grand)?"
                       r"\s?" + CURRENCY_RX + r"\b|\b\d{2,3}(?:k|K)\b")
_RACE_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_WEIGHT = re.compile(r"\b(\d{2,3}(?:\.\d)?)\s*(pounds|lbs|lb|kg|kilos?|kilograms?|stone)\b", re.IGNORECASE)
_PHONE_NUMBER = re.compile(r"(?<![\w$])\+?\d[\d\s().-]{5,}\d(?![\w%])")
_DIET_RX = re.compile(r"\b(?:" + alt(DIETS) + r")\b", re.IGNORECASE)
_STATUS_RX = re.compile(r"\b(engaged|married|divorced|separated|single|widowed)\b", re.IGNORECASE)
_MODE_WORDS = {"bike": "by bike", "bicycle": "by bike", "cycle": "by bike", "walk": "on foot", "drive": "by car",
               "carpool": "by carpool", "ebike": "by e-bike", "e-bike": "by e-bike", "scooter": "by scooter"}
_MODES = ("tram", "train", "subway", "metro", "bus", "ferry", "e-scooter", "scooter", "bike", "e-bike", "car",
          "foot", "underground", "tube", "streetcar", "motorcycle", "moped", "light rail", "carpool")
#: nouns that carry the statement, not its value ("a big fan of jazz", "my favourite thing")


def fill_money(c: Clause) -> list[Value]:
    hits = list(_MONEY_RX.finditer(c.text))
    # "went from $52,000 to $118,000": the amount after "to"/"now" is the value
    hits.sort(key=lambda m: 0 if re.search(r"\b(?:to|now|is|at)\s*$", c.text[: m.start()]) else 1)
    for m in hits:
        if v := canonical_money(m.group(0)):
            return [(v, None)]
    for t in c.tokens:
        ent = entity_at(t)
        if ent is not None and ent.label_ == "MONEY" and (v := canonical_money(ent.text)):
            return [(v, None)]
    return []


def fill_age(c: Clause) -> list[Value]:
    for t in c.tokens:
        if t.like_num and t.dep_ in ("attr", "acomp", "dobj", "npadvmod", "nummod", "ROOT", "pobj"):
            n = word_number(t.text)
            nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
            if t.i > 0 and t.doc[t.i - 1].lower_ in ("at", "to", "than", "on"):
                continue  # "I'm at 31" (a count), "down to 68", "more than 40"
            if n is not None and 5 <= n <= 110 and nxt not in ("days", "weeks", "months", "books", "%", "percent",
                                                                 "minutes", "hours", "miles", "km", "pounds", "kg"):
                return [(str(n), None)]
    return []


def fill_count(noun: str) -> Filler:
    """A number of ``noun``s ("30 books")."""
    def fill(c: Clause) -> list[Value]:
        for t in c.tokens:
            if t.like_num and (n := word_number(t.text)) is not None and (
                    t.head.lemma_.lower() == noun or noun in c.text.lower()):
                return [(str(n), None)]
        return []
    return fill


def fill_race_time(c: Clause) -> list[Value]:
    hits = list(_RACE_TIME.finditer(c.text))
    if not hits:
        return []
    # "beat my old time of 23:40, new PB is 21:47": the time after "is/now/new" is the value
    hits.sort(key=lambda m: (0 if re.search(r"\b(?:is|now|new|to|in)\s*$", c.text[: m.start()]) else 1, -m.start()))
    return [(hits[0].group(0), None)]


def fill_weight(c: Clause) -> list[Value]:
    m = _WEIGHT.search(c.text)
    return [(f"{m.group(1)} {m.group(2)}", None)] if m else []


def fill_phone_number(c: Clause) -> list[Value]:
    m = _PHONE_NUMBER.search(c.text)
    if m and sum(ch.isdigit() for ch in m.group(0)) >= 7:
        return [(m.group(0).strip(), None)]
    return []



#: "on a low-sodium diet": the words before "diet" name it when the lexicon does not
_ON_A_DIET = re.compile(r"\bon\s+(?:a|an|the)\s+(?:strict\s+|new\s+|special\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+diet\b",
                        re.IGNORECASE)


def fill_diet(c: Clause) -> list[Value]:
    if any(t.dep_ in ("amod", "compound") and t.head.lemma_.lower() not in ("diet", "eater", "lifestyle")
           and _DIET_RX.fullmatch(t.text) for t in c.tokens):
        return []  # "vegetarian recipes": about recipes, not the user's diet
    m = _DIET_RX.search(c.text)
    if m is None:
        on = _ON_A_DIET.search(c.text)
        return [(f"{on.group(1).lower()} diet", None)] if on else []
    return [(m.group(0).lower().replace(" ", "-") if m.group(0).lower() in ("gluten free", "dairy free")
             else m.group(0).lower(), None)]


def fill_relationship(c: Clause) -> list[Value]:
    m = _STATUS_RX.search(c.text)
    return [(m.group(1).lower(), None)] if m else []


_WORK_CUE = re.compile(r"\b(?:work|office|commut\w*|campus|job|school|shift|workplace)\b", re.IGNORECASE)


def _goes_in(c: Clause) -> bool:
    """A verb of travelling "in" with no place after it, only a time: to work ("I cycle in", "walk in
    every morning" — the parser reads the time as the object of "in")."""
    return c.head.lemma_.lower() in _MODE_WORDS and any(
        ch.lower_ == "in" and ch.dep_ in ("prt", "advmod", "prep") and all(
            (e := entity_at(g)) is not None and e.label_ in ("DATE", "TIME") for g in ch.children if g.dep_ == "pobj")
        for ch in c.head.children)


def fill_commute(c: Clause) -> list[Value]:
    # the verb's own phrase: "I ride my bike | to work every day" is cut in two clauses (a verb
    # joined to it by "and" is another statement: "I've been driving to Exeter, and work have been…")
    phrase = " ".join(t.text for ch in c.head.children if ch.dep_ in ("advcl", "xcomp", "prep", "npadvmod", "dobj")
                      for t in ch.subtree)
    if not (_WORK_CUE.search(c.text) or _WORK_CUE.search(phrase) or _goes_in(c)):
        return []  # "I read it on the train" is not how the user gets to work
    low = c.text.lower()
    m = re.search(r"\b(by|on)\s+((?:the|an?|my)\s+)?(" + "|".join(re.escape(x) for x in _MODES) + r")s?\b", low)
    if m:
        return [(re.sub(r"\s+", " ", m.group(0)).replace("on my ", "on the "), None)]
    head = c.head.lemma_.lower()
    if head in _MODE_WORDS:
        return [(_MODE_WORDS[head], None)]
    # "I ride my bike to work", "I take the bus in": the means is the verb's object
    for ch in c.head.children:
        mode = ch.lemma_.lower()
        if ch.dep_ == "dobj" and (mode in _MODE_WORDS or mode in _MODES):
            return [(_MODE_WORDS.get(mode, "by " + mode), None)]
    return []


#: a month's name or its abbreviation as a whole word ("Dec", "December", not the "dec" of "decent")
_MONTH = rf"(?:{calendar.month_alternation()})\b\.?"  # _WHEN_RX ignores case
_DAY = rf"(?:{calendar.weekday_stem_alternation()})(?:day)?s?"
#: a clock time, or a span of them ("6-7pm", "9:30–11", "10am-2pm": one value, not its first number)
_CLOCK = (r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*[-–]\s*\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)"
          r"|\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}(?::\d{2})?"
          r"|\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midnight)")
#: an ordinal that counts something other than days ("the 12th floor", "the 3rd row", "her 40th birthday") is no date
_NOT_A_DAY = rf"(?!\s+(?:{NOT_A_DAY})(?:s|ies)?\b)"
_WHEN_RX = re.compile(
    r"\b(?:(?:(?:early|mid|late|end\s+of)[- ])?" + _MONTH + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:\s+at\s+(?:" + _CLOCK + r"|\d{1,2}))?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH +
    r"|(?:(?:next|this|every)\s+)?" + _DAY + r"(?:\s+(?:mornings?|afternoons?|evenings?|nights?))?(?:\s+(?:at\s+)?(?:" + _CLOCK
    + r"|\d{1,2}(?!\d)))?"
    # "the 3rd of May": the whole date, not "the 3rd" of it
    r"|the\s+\d{1,2}(?:st|nd|rd|th)" + _NOT_A_DAY + r"(?:\s+of\s+" + _MONTH + r")?(?:\s+at\s+(?:" + _CLOCK
    + r"|\d{1,2}(?!\d)))?"
    r"|" + _CLOCK + r")\b|(?<=\bat\s)\d{1,2}(?![\d:%])", re.IGNORECASE)
_STATUS_WORDS = re.compile(
    r"\b(?:out\s+for\s+delivery|in\s+transit|stuck\s+in\s+customs|in\s+review|under\s+review|on\s+hold|"
    r"ready\s+(?:to\s+collect|for\s+(?:pickup|collection))|waiting\s+on\s+parts|in\s+progress|"
    r"approved|rejected|denied|declined|delivered|shipped|dispatched|processing|pending|open|closed|resolved|"
    r"fixed|cancelled|canceled|confirmed|refunded|returned|completed|complete|finished|done|ready|delayed|"
    r"accepted|submitted|received|lost|overdue|paid)\b", re.IGNORECASE)


def fill_when(c: Clause) -> list[Value]:
    """A day, date or time as said ("Wednesdays at 2", "the 19th at 3", "March 29", "9:45")."""
    hits = [m for m in _WHEN_RX.finditer(c.text) if m.group(0).strip()]
    if not hits:
        return []
    # "from Tuesday to Wednesday", "moved to 9:45": the later one is the new value
    hits.sort(key=lambda m: (0 if re.search(r"\b(?:to|now|is|at|for|on)\s*$", c.text[: m.start()]) else 1, -m.start()))
    return [(hits[0].group(0).strip(), None)]


def fill_status(c: Clause) -> list[Value]:
    hits = list(_STATUS_WORDS.finditer(c.text))
    return [(hits[-1].group(0).lower(), None)] if hits else []


