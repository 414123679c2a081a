"""Titles the user got through, told with a verb that does not say how ("polished off X").

"Polished off Project Hail Mary on the flight home", "Tore through Severance in a weekend": the verb
says the user finished something, the rest of the sentence says whether it was read or watched (a
book, pages, an author; an episode, a season, a show). A clause about the user with such a verb and
a title as its object (:func:`.values_names.fill_title`) is ``read_book`` or ``watched`` by those
words; with neither, nothing is guessed (the open fact stands).
"""

from __future__ import annotations

import re
from datetime import datetime

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.sentences import Sentence, best_time
from kgmem.extraction.zero.values_names import fill_title

#: verbs of getting through something (with their particle, if any)
_THROUGH = frozenset({"finish", "polish", "tear", "devour", "plough", "plow", "blitz", "race", "breeze", "binge",
                      "inhale", "knock", "burn", "zip", "speed", "rip", "blast", "get", "work", "wrap", "catch",
                      "demolish", "smash", "crush", "cruise", "fly", "power", "chew", "rattle"})
_READ = re.compile(r"\b(?:book|books|novel|read|reading|reread|pages?|chapters?|author|audiobook|kindle|memoir|"
                   r"paperback|hardback|library|trilogy|book\s+club|sequel|prose|writing|wrote|written)\b", re.I)
_WATCH = re.compile(r"\b(?:watch\w*|episodes?|seasons?|shows?|film|films|movie|movies|cinema|netflix|hbo|disney|"
                    r"prime|stream\w*|binge\w*|finale|documentary|tv|telly|series|imax|screening|cast|acting)\b", re.I)


def consumed_fact(sent: Sentence, date: datetime, clause: Clause) -> CandidateFact | None:
    """``read_book`` / ``watched`` for a clause like "I polished off X" (see the module docstring)."""
    v = clause.head
    if clause.about != "user" or v.pos_ != "VERB" or v.lemma_.lower() not in _THROUGH or not clause.past:
        return None
    title = fill_title(clause)
    if not title or not title[0][0][:1].isupper():
        return None
    read, watch = bool(_READ.search(sent.text)), bool(_WATCH.search(sent.text))
    if read == watch:
        return None  # no word says which (or both do)
    pred = "read_book" if read else "watched"
    return make_fact(sent, pred, title[0][0], "item", True, best_time(sent.times), date, confidence=0.6)
