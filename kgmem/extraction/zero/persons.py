"""A person's name is no place: "We visited my aunt Florence", "I went to Victoria's party", "I met
Paris at the airport", "caught up with Jordan".

Names of people and of towns overlap (Florence, Victoria, Paris, Jordan, Austin, Chelsea), and NER
labels an unknown one at random, so the patterns and the place filler take a capitalised object of
"visited"/"went to" for a place. The parse says otherwise when the name is:

- in apposition to a word for a person, or said as a relative or friend in the same sentence
  ("my aunt Florence", "my friend Austin");
- the owner of the thing named after it ("Victoria's birthday party": the place is the party's);
- the object of "with" (a companion: "stayed with Tyler", "caught up with Jordan in Bristol");
- the object of a verb whose object is a person ("met", "married", "hugged", "texted").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: predicates whose value is a place
PLACES = frozenset({"visited", "lives_in", "hometown"})
#: predicates whose value is a person of the user's
_PERSON_FACTS = frozenset({"family_member", "friend", "partner_name", "pet_name"})
#: verbs whose object is a person, never a place (general English)
PERSON_OBJECT_VERBS = frozenset({"meet", "marry", "date", "hug", "kiss", "text", "message", "email", "phone", "call",
                                 "thank", "befriend", "babysit", "introduce", "ring", "dm", "divorce", "comfort"})


def _value_root(doc: Doc, value: str) -> Token | None:
    at = doc.text.find(value)  # case-sensitive: a name is written with its capitals
    if at < 0:
        return None
    span = doc.char_span(at, at + len(value), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _person_token(t: Token) -> bool:
    """The parse says ``t`` names a person, whatever NER says."""
    if t.dep_ == "appos" and t.head.lemma_.lower() in PEOPLE_NOUNS:
        return True  # "my aunt, Florence"
    if any(c.dep_ in ("compound", "appos") and c.lemma_.lower() in PEOPLE_NOUNS for c in t.children):
        return True  # "my aunt Florence", "Florence, my aunt"
    if t.dep_ == "poss" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i:
        return True  # "Victoria's birthday party": the owner of the thing
    if t.dep_ == "pobj" and t.head.lower_ == "with":
        return True  # "stayed with Tyler": a companion
    return t.dep_ == "dobj" and t.head.lemma_.lower() in PERSON_OBJECT_VERBS


def a_person(f: CandidateFact, doc: Doc | None, found: list[CandidateFact]) -> bool:
    """``f`` gives as a place a name the sentence says is a person's."""
    if f.subject != "user" or f.predicate not in PLACES:
        return False
    if any(g.predicate in _PERSON_FACTS and g.value.casefold() == f.value.casefold() for g in found):
        return True
    if doc is None:
        return False
    tok = _value_root(doc, f.value)
    return tok is not None and _person_token(tok)
