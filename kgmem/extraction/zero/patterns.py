"""The pattern fast path: what a rule is, the regex fragments rules share, and their emitters.

A :class:`Rule` is a surface regex over a candidate sentence plus an ``emit`` function that turns a
match into ``(predicate, value, value_type)`` triples. Patterns are the fast path for phrasings we
know; they are never the only way to a fact (the parse readers and the meaning-based proposals
read what no pattern covers). The rule tables live in :mod:`.patterns_user`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kgmem.extraction.zero.lexicon import (
    CAR_BRANDS_CASED,
    COMMUTE_MODES,
    CURRENCY_RX,
    DIETS,
    DRINKS,
    EVENT_NOUNS_SURFACE,
    FAMILY,
    GYM_WORDS,
    HOBBIES,
    INSTRUMENTS,
    JOB_HEADS,
    LANGUAGES,
    NOT_GOODS,
    NOT_HOBBIES,
    PARTNERS,
    PETS,
    PHONE_BRANDS_CASED,
    PHRASE_BREAKS,
    alt,
)
from kgmem.extraction.zero.phrases import proper_phrase, trim_phrase
from kgmem.extraction.zero.sentences import Sentence
from kgmem.lexicon import numbers

# regex alternations of the lexicon's sets
PETS_RX = alt(PETS)
INSTRUMENTS_RX = alt(INSTRUMENTS)
LANGUAGES_RX = alt(LANGUAGES - {"asl", "sign language"}, title=True) + r"|ASL|sign\s+language"
DIETS_RX = alt(DIETS)
JOB_HEADS_RX = alt(JOB_HEADS)
CAR_BRANDS_RX = alt(CAR_BRANDS_CASED)
PHONE_BRANDS_RX = alt(PHONE_BRANDS_CASED)
EVENT_NOUNS_RX = alt(EVENT_NOUNS_SURFACE)
FAMILY_RX = alt(FAMILY)
PARTNER_RX = alt(PARTNERS)
DRINKS_RX = "(?:" + alt(DRINKS) + ")"
MODES_RX = "(?:" + alt(COMMUTE_MODES) + ")"
HOBBY_WORDS_RX = alt(HOBBIES)

ADV = r"(?:(?:just|recently|finally|also|actually|officially|now|already|even|really|totally|then|eventually|since|first|absolutely|truly|fully|strictly|mostly|completely|basically|currently|still|happily)\s+)*"
I_SUBJ = r"\b(?:I|[Ww]e|[Mm]y\s+(?:" + PARTNER_RX + r")\s+and\s+I)"
#: optional perfect/pluperfect auxiliary glued to "I" ("I've", "I had") before the verb
HAVE0 = r"(?:'ve|\s+have|\s+had|'d)?\s*"
OBJ = r"(?P<obj>[^,;:!?\n]+)"
CAP_OBJ = r"(?P<obj>[A-Z0-9\"“'][^,;:!?\n]*)"
#: an age or a count from 15 in digits or words ("twenty-six", "seventeen")
NUMWORD = (r"(?:\d{1,3}|(?:" + "|".join(numbers.TENS) + r")(?:[- ](?:"
           + "|".join(w for w, n in numbers.UNITS.items() if 1 <= n <= 9) + r"))?|"
           + "|".join(w for w, n in numbers.UNITS.items() if n >= 15) + ")")
AMOUNT = r"\$?\s?\d[\d,]*(?:\.\d+)?\s?(?:k|K|thousand|grand)?(?:\s?" + CURRENCY_RX + r"\b)?"
MONEY_ANY = r"(?:[$£€]\s?\d[\d,]*(?:\.\d{2})?|\d[\d,]*(?:\.\d{2})?\s?" + CURRENCY_RX + r"\b)"

Triple = tuple[str, str, "str | None"]
RuleFn = Callable[[re.Match[str], Sentence], list[Triple]]


@dataclass(frozen=True)
class Rule:
    """A lexical pattern; ``emit`` turns a match into (predicate, value, value_type) triples."""

    name: str
    pattern: re.Pattern[str]
    emit: RuleFn
    #: a state-change verb ("moved", "bought") dates the fact to the session when no time is said
    change: bool = True
    allow_negation: bool = False


def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a rule pattern."""
    return re.compile(pattern, flags)


def obj_rule(group: str = "obj", *, predicate: str, vtype: str | None, proper: bool = False,
         max_words: int = 8) -> RuleFn:
    def emit(m: re.Match[str], s: Sentence) -> list[Triple]:
        raw = m.group(group)
        value = proper_phrase(raw) if proper else trim_phrase(raw, max_words)
        return [(predicate, value, vtype)] if value else []

    return emit


_EVENT_NOUN_MATCH = re.compile(rf"\b(?:{EVENT_NOUNS_RX})s?\b", re.IGNORECASE)


def attended_emit(m: re.Match[str], s: Sentence) -> list[Triple]:
    """An attended event: the object phrase must name an event ("a board game night")."""
    phrase = m.group("obj")
    # keep the determiner/possessive: gold-style values ("my cousin's wedding")
    words: list[str] = []
    for raw in phrase.split():
        bare = raw.strip(",.;:!?\"'()").lower()
        if words and bare in PHRASE_BREAKS:
            break
        words.append(raw.strip(",.;:!?\"()"))
        if len(words) >= 8:
            break
    value = " ".join(words)
    if not _EVENT_NOUN_MATCH.search(value):
        return []
    value = trim_phrase(value, 8)
    return [("attended", value, "item")] if value else []


def job_emit(m: re.Match[str], s: Sentence) -> list[Triple]:
    out: list[Triple] = []
    org = m.groupdict().get("org")
    if org:
        name = proper_phrase(org) or trim_phrase(org, 5)
        if name and not GYM_WORDS.search(name) and not re.search(r"\b(?:team|class|league|choir|band)\b", name, re.IGNORECASE):
            out.append(("works_at", name, "org"))
    title = m.groupdict().get("title")
    if title:
        t = trim_phrase(title, 5)
        if t and re.search(rf"\b(?:{JOB_HEADS_RX})s?\b", t, re.IGNORECASE):
            out.append(("job_title", t, None))
    return out


def title_only(m: re.Match[str], s: Sentence) -> list[Triple]:
    t = trim_phrase(m.group("title"), 5)
    if t and re.search(rf"\b(?:{JOB_HEADS_RX})s?(?:$|\s+of\b)", t, re.IGNORECASE):
        return [("job_title", t, None)]
    return []


def pet_emit(m: re.Match[str], s: Sentence) -> list[Triple]:
    out: list[Triple] = [("has_pet", m.group("species").lower(), "item")]
    name = m.groupdict().get("name")
    if name:
        out.append(("pet_name", name, "person"))
    return out


def bought_emit(m: re.Match[str], s: Sentence) -> list[Triple]:
    value = trim_phrase(m.group("obj"))
    if not value or value.lower() in {"it", "one", "them", "that", "this", "something", "some"}:
        return []
    if value.split()[-1].lower() in NOT_GOODS or value.split()[0].lower() in NOT_HOBBIES | HOBBIES:
        return []  # "got an email", "picked up running": not purchases
    if re.match(r"(?i)(?:finally|just|already|yesterday|today|recently|again|back|promotion|promoted|job|raise)\b", value) \
            or re.search(r"\b(?:showed\s+up|arrived|came|finally)\b", value):
        return []  # "the machine I ordered finally showed up" is handled by the relative-clause rule
    out: list[Triple] = [("bought", value, "item")]
    if re.search(rf"\b(?:{CAR_BRANDS_RX})\b", value) and not re.search(r"\b(?:toy|model kit|poster)\b", value, re.I):
        out.append(("drives", value, "item"))
    elif re.search(rf"\b(?:{PHONE_BRANDS_RX})\b", value):
        out.append(("phone", value, "item"))
    return out


def visit_emit(m: re.Match[str], s: Sentence) -> list[Triple]:
    value = proper_phrase(m.group("obj"))
    return [("visited", value, "place")] if value else []


def fav_emit(m: re.Match[str], s: Sentence) -> list[Triple]:
    kind = m.group("kind").lower()
    value = trim_phrase(m.group("obj"), 6)
    if not value:
        return []
    if re.search(r"food|dish|meal|cuisine|snack|dessert|restaurant", kind):
        pred = "favourite_food"
    elif re.search(r"\b(?:drink|coffee|tea|beer|wine|cocktail|beverage)s?\b", kind):
        pred = "favourite_drink"
    elif re.search(r"band|artist|singer|music|genre|song|album|musician|composer", kind):
        pred = "favourite_music"
    elif re.search(r"\b(?:sport|team|club)s?\b", kind):
        pred = "favourite_sport"
    else:
        pred = "likes"
    return [(pred, value, "item")]


def likes_emit(pred: str) -> RuleFn:
    def emit(m: re.Match[str], s: Sentence) -> list[Triple]:
        value = trim_phrase(m.group("obj"), 6)
        if not value or value.lower() in {"it", "that", "this", "them", "you", "to", "one", "the idea"}:
            return []
        return [(pred, value, "item")]

    return emit


def family_emit(m: re.Match[str], s: Sentence) -> list[Triple]:
    rel = m.group("rel").lower()
    name = m.group("name")
    if rel in PARTNERS:
        return [("partner_name", name, "person")]
    if rel == "friend" or rel == "best friend":
        return [("friend", name, "person")]
    return [("family_member", name, "person")]


def const_rule(pred: str, value_group: str, vtype: str | None = None, lower: bool = True) -> RuleFn:
    def emit(m: re.Match[str], s: Sentence) -> list[Triple]:
        v = m.group(value_group).strip()
        return [(pred, v.lower() if lower else v, vtype)] if v else []

    return emit



def pet_called(m: re.Match[str], s: Sentence) -> list[Triple]:
    """"my dog is called Max" / "Max (our cat)": species and name, when the pet is the user's."""
    if not (m.group("name") or re.search(r"\b(?:my|our)\b", s.text, re.I)):
        return []
    species = (m.group("species") or m.group("species2") or m.group("species3") or "").lower()
    name = m.group("name") or m.group("name2") or ""
    return [("has_pet", species, "item"), ("pet_name", name, "person")]


_COMMUTE_CUE = re.compile(r"\b(?:commut\w*|get(?:ting)?\s+to\s+(?:work|the\s+office|campus)|go(?:ing)?\s+in|head(?:ing)?\s+in|"
                          r"travel(?:l?ing)?\s+to\s+(?:work|the\s+office)|ride\s+in|to\s+(?:work|the\s+office))\b", re.IGNORECASE)


def commute_mode(m: re.Match[str], s: Sentence) -> list[Triple]:
    """A transport phrase ("on the subway", "by tram") in a first-person commuting clause."""
    if not _COMMUTE_CUE.search(s.text) and not re.search(r"\bI\s+(?:usually|always|mostly|now)\s+(?:travel|go|get\s+around)\b", s.text):
        return []
    head = s.masked[: m.start()]
    if re.search(r"\binstead\s+of\s*$", head):
        return []  # "commuting by tram instead of on the subway": the old mode
    return [("commute", re.sub(r"\s+", " ", m.group(0)).strip().lower().replace("e bike", "e-bike"), None)]


PURCHASE_CUE: re.Pattern[str] = re.compile(r"\b(?:bought|buy|purchased|ordered|picked\s+up|grabbed|got|paid|spent|cost|splurged|set\s+me\s+back|snagged|nabbed|scored|dropped|shelled\s+out|sprang\s+for|forked\s+out|treated\s+myself|came\s+to|ran\s+me|price[d]?|blew|bagged)\b", re.IGNORECASE)
