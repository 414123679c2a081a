"""A clause read without its names: the predicate is chosen by what the clause says of a name,
not by the name's own words.

A name's words carry meanings of their own for the sentence embedding: "streamed Severance
finally" sits nearer the employer examples than the watching ones ("severance pay"), "turned the
last page of Piranesi" nearer a place, "childhood was in Lisbon" nearer a trip. The clause's
frame ("streamed X finally", "turned the last page of X", "childhood was in X") says what kind of
thing the name is. So a clause that holds a name is scored twice, as written and with each name
replaced by one neutral word, and the proposer reads the better of the two scores for the
predicates whose value is a name (a place, an employer, a title, a phone…): the frame may raise
a predicate the name's words hid, and a name that tells its kind itself ("Anytime Fitness",
"iPhone 14 Pro") still counts as written.
The other predicates keep the clause's own score (a name is not their value; the mask must not
promote them). Which value the fact gets is decided afterwards, from the clause as written, by the
predicate's value kind (:mod:`.values`).

A name is what the parse and NER say is one (no word list): a token inside a named entity of a
naming label, or a capitalised proper noun that does not open the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from kgmem import predicates
from kgmem.extraction.zero.clauses import Clause
from kgmem.lexicon import calendar

if TYPE_CHECKING:
    from spacy.tokens import Token

#: NER labels of names (dates, amounts and nationalities are no names: they are read as written)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"})
#: the neutral word a name is replaced by
MASK = "something"
#: value kinds of the registry whose values are names
NAME_VALUE_KINDS = frozenset({"place", "employer", "org", "gym", "title", "device", "vehicle", "pet_name", "partner",
                              "friend", "family", "person", "name"})
#: weekday and month names, lower case
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.WEEKDAYS, *calendar.MONTHS))


def is_name(t: Token) -> bool:
    """``t`` is part of a name: inside a named entity of a naming label, or a proper noun written
    with a capital ("Tessellate", "iPhone") that does not open its sentence ("I" is none)."""
    if t.ent_type_:
        return t.ent_type_ in NAME_LABELS  # "at 3pm", "$400": a date or an amount is no name
    if t.lower_.removesuffix("s") in CALENDAR_WORDS:
        return False  # "to Thursdays at 11": a day NER did not label
    return t.pos_ == "PROPN" and any(ch.isupper() for ch in t.text) and not t.is_sent_start and t.lower_ != "i"


def masked_text(clause: Clause) -> str:
    """The clause's text with every run of name tokens replaced by :data:`MASK` ("" when it holds
    no name, or only names)."""
    parts: list[str] = []
    named = plain = False
    prev_name = False
    for t in clause.tokens:
        if is_name(t):
            named = True
            if not prev_name:
                parts.append(MASK + (t.whitespace_ or ""))
            elif t.whitespace_ and parts and not parts[-1].endswith(" "):
                parts[-1] += t.whitespace_
            prev_name = True
            continue
        plain = plain or t.is_alpha
        if prev_name and parts and not parts[-1].endswith(" ") and t.text[:1].isalnum():
            parts[-1] += " "
        parts.append(t.text_with_ws)
        prev_name = False
    if not named or not plain:
        return ""
    return "".join(parts).strip(" ,;:-–—")


@lru_cache(maxsize=8)
def _name_columns(labels: tuple[str, ...]) -> np.ndarray:
    preds = [predicates.get(label) for label in labels]
    return np.array([p is not None and p.kind in NAME_VALUE_KINDS for p in preds])


def framed_row(labels: Sequence[str], row: np.ndarray, masked: np.ndarray | None) -> np.ndarray:
    """A clause's score row: as written, raised to its name-masked reading's score for the
    predicates whose value is a name (``labels``: the proposer's columns)."""
    if masked is None:
        return row
    return np.where(_name_columns(tuple(labels)), np.maximum(row, masked), row)
