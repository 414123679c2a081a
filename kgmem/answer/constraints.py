"""Needs a speaker states in passing: what they cannot or will not have.

Beside tastes (:mod:`kgmem.answer.taste`), a personalised suggestion must respect constraints the
user mentions on the way, often inside a request ("recommend something for the drive home? not
music"). Four grammatical frames, each read as "avoid X":

- an allergy or intolerance: "my nut allergy", "I'm lactose intolerant", "intolerant to gluten";
- a verb of consuming, negated, with the speaker as subject: "I don't eat meat", "we never drink";
- a "no X" demand opening a clause: "so no chicken pls", "and no plastic anywhere", "ask for no
  coriander" (not "no idea", "no problem", "no to the meeting": :data:`NOT_DEMANDED`);
- a verbless "not X" opening a clause: "not music, keeps me awake" (not "not sure", "not yet").

The word lists are written for the class; none is taken from a data set.
"""

from __future__ import annotations

import re
from typing import Final

from kgmem.answer.taste import thing_after

#: nouns of a bodily intolerance, after what it is to ("nut allergy", "lactose intolerant")
INTOLERANCE = ("allergy", "allergies", "intolerance", "intolerant")
#: verbs of consuming or using that, negated, state a need ("I don't eat meat")
CONSUME = ("eat", "eats", "drink", "drinks", "touch", "use", "wear")
#: after "no": words that make no demand ("no idea", "no problem", "no to the meeting")
NOT_DEMANDED = ("idea", "ideas", "problem", "problems", "worries", "worry", "way", "time", "one", "doubt", "clue",
                "matter", "thanks", "rush", "need", "pressure", "chance", "luck", "wonder", "kidding", "joke", "to",
                "longer", "more", "sign", "news", "reply", "answer", "plans", "signal", "reason", "point", "offence",
                "offense", "big", "the", "i", "we", "you", "it", "that", "this", "sleep", "energy", "money")
#: after a clause-opening "not": words of degree, time or judgement ("not sure", "not yet", "not bad")
NOT_A_THING = ("sure", "really", "bad", "yet", "too", "much", "that", "quite", "exactly", "now", "today", "tonight",
               "anymore", "always", "all", "every", "only", "just", "even", "so", "very", "at", "great", "good",
               "ideal", "a", "an", "keen", "into", "for", "me", "i", "ever", "entirely", "totally", "necessarily",
               "likely", "again", "long", "far", "enough", "once", "since", "until", "because", "if", "to", "as",
               "the", "this", "what", "how", "when", "bothered", "fussed", "happy", "impressed", "convinced")
LEXICON: Final[dict[str, tuple[str, ...]]] = {"INTOLERANCE": INTOLERANCE, "CONSUME": CONSUME,
                                              "NOT_DEMANDED": NOT_DEMANDED, "NOT_A_THING": NOT_A_THING}


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_BEFORE_INTOLERANCE = re.compile(rf"\b(?P<t>[a-z][a-z-]{{2,}})\s+(?:{_alt(INTOLERANCE)})\b", re.I)
_INTOLERANT_TO = re.compile(r"\b(?:intolerant|allergic)\s+(?:to|of)\s+", re.I)
_NEG_CONSUME = re.compile(rf"(?:^|(?<![\w']))(?:i|we)\s+(?:really\s+|just\s+)?(?:don't|dont|do\s+not|never|can't|cant|"
                          rf"cannot|won't|wont)\s+(?:{_alt(CONSUME)})\s+", re.I)
_NO_DEMAND = re.compile(rf"(?:^|[,;:!?]\s*|\b(?:so|but|and|for|with|just|pls|please|plus)\s+)no\s+"
                        rf"(?!(?:{_alt(NOT_DEMANDED)})\b)(?=[a-z])", re.I)
_NOT_FRAGMENT = re.compile(rf"^(?:but\s+|and\s+|just\s+)?not\s+(?!(?:{_alt(NOT_A_THING)})\b)(?=[a-z])", re.I)
_OPENERS = ("and", "so", "also", "oh", "ok", "okay", "but", "ya", "yeah", "well", "btw")
#: what trails a demanded thing without being it ("no chicken suggestions pls")
_TRAIL = re.compile(r"(?:\s+(?:pls|plz|please|btw|tho|though|lol|thanks|suggestions?|ideas?|options?|recipes?))+$", re.I)
_NOT_INTOLERANT = frozenset({"my", "an", "the", "his", "her", "their", "your", "our", "severe", "mild", "bad", "real"})


def read_constraint(clause: str) -> tuple[bool, str] | None:
    """``(False, what)`` for a clause stating a need to avoid something, else ``None``."""
    text = clause.replace("\u2019", "'").strip()
    m = _BEFORE_INTOLERANCE.search(text)
    if m and m.group("t").lower() not in _NOT_INTOLERANT and not m.group("t").lower().endswith("ly"):
        return False, m.group("t")
    for rx in (_INTOLERANT_TO, _NEG_CONSUME, _NO_DEMAND):
        m = rx.search(text)
        if m:
            value = _TRAIL.sub("", thing_after(text[m.end():]))
            if len(value) >= 3:
                return False, value
    opened = re.sub(rf"^(?:(?:{_alt(_OPENERS)})\b[\s,]*)+", "", text, flags=re.I)
    m = _NOT_FRAGMENT.match(opened)
    if m:
        value = _TRAIL.sub("", thing_after(opened[m.end():]))
        if len(value) >= 3 and len(value.split()) <= 4:
            return False, value
    return None
