"""A value said earlier in the sentence and referred back to: "films like Past Lives, I watched it
twice", "podcasts about Rome — we popped over there", "a review of The Midnight Library, I got
through it on the flight".

The meaning stage proposes the predicate for the clause ("I watched it twice" is close to the
watched examples) but the clause's own object is a pronoun, so the value filler finds nothing. For
the event predicates that name a thing, a title or a place (:data:`REFERRED`), when the clause's object or place is a
pronoun of the value's kind ("it"/"one"/"them" for a thing or a title, "there" for a place, or a return
that names no place: "we only got back last week"), the value is
the nearest phrase of that kind BEFORE the clause in the same sentence: a name (an entity or a
proper noun) for a title, a place entity for a place, a noun phrase for a thing. Decided from the
parse; nothing across sentences (a referent there is too often something else).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.value_parse import GENERIC_HEADS, NOT_NAMES, Value, np_of
from kgmem.knowledge import readings_of
from kgmem.nlp import is_user

if TYPE_CHECKING:
    from spacy.tokens import Token

#: predicates whose pronoun object refers back to an earlier phrase of their value kind
REFERRED = frozenset({"watched", "read_book", "visited", "bought"})
#: pronouns that stand for a value of each kind
_PRONOUNS = {"title": frozenset({"it", "them"}), "item": frozenset({"it", "one", "them"}),
             "place": frozenset({"there"})}
#: every pronoun of :data:`_PRONOUNS` (values_across: a clause holding one points back)
POINTING = frozenset().union(*_PRONOUNS.values())
#: NER labels of places
_PLACES = frozenset({"GPE", "LOC", "FAC"})
#: NER labels that name no thing, title or place
_NOT_THINGS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "ORDINAL", "NORP"})


def _pronoun(kind: str, clause: Clause) -> Token | None:
    """The clause's object ("watched it") or place adverb ("went there") when it is a pronoun; for a
    place, also a return told without the place returned from ("…sand from Valencia in my shoes, and we
    only got back last week"): the verb stands in for it."""
    words = _PRONOUNS.get(kind, frozenset())
    said = next((t for t in clause.tokens if t.lower_ in words and t.head.i == clause.head.i
                 and t.dep_ in ("dobj", "advmod", "npadvmod") or t.lower_ in words and t.dep_ == "pobj"
                 and t.head.head.i == clause.head.i), None)
    return said if said is not None or kind != "place" else _bare_return(clause)


def _bare_return(clause: Clause) -> Token | None:
    """The head of a user's clause of coming back ("we returned", "I got back", "we flew home") that names no
    place of its own (no preposition's object on the verb but a time: "on Sunday")."""
    h = clause.head
    back = h.lemma_.lower() == "return" or any(c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "home")
                                               for c in h.children)
    if not back or clause.subject is None or not is_user(clause.subject):
        return None  # "my parents … they only got back": someone else's return is no trip of the user's
    if any(c.dep_ == "prep" and any(g.dep_ == "pobj" and not _a_time(g) for g in c.children) for c in h.children):
        return None
    return h


def _a_time(t: Token) -> bool:
    """``t`` is inside a date or time entity ("on Sunday", "at nine")."""
    ent = entity_at(t)
    return ent is not None and ent.label_ in ("DATE", "TIME")


#: small words inside a title's run of capitalised words ("The Song of Achilles", "Pride and Prejudice")
_INSIDE = frozenset({"of", "and", "the", "&", "a", "in", "on", "to"})


def _capital(t: Token) -> bool:
    return t.i > 0 and t.text[:1].isupper() and t.lower_ not in NOT_NAMES and t.pos_ in ("PROPN", "NOUN", "ADJ", "NUM")


def _name_run(t: Token) -> str:
    """The run of capitalised words that ends at ``t`` (small words inside kept; never the
    sentence's first word, which is capitalised whatever it is)."""
    start = t.i
    while start - 1 > 0 and (_capital(t.doc[start - 1]) or t.doc[start - 1].lower_ in _INSIDE
                             and start - 2 > 0 and _capital(t.doc[start - 2])):
        start -= 1
    return t.doc[start: t.i + 1].text


def _earlier(kind: str, t: Token, returned: bool = False) -> str:
    """The value of ``kind`` that token ``t`` (before the clause) ends, or "" (``returned``: the clause is a
    return that names no place)."""
    ent = entity_at(t)
    if ent is not None and ent.label_ in _NOT_THINGS:
        return ""
    if kind == "place":
        if ent is not None and ent.label_ in _PLACES and t.i == ent.end - 1:
            return ent.text
        if not (_capital(t) and t.pos_ == "PROPN" and t.dep_ == "pobj"):
            return ""
        # "photos from Santorini": NER calls it anything; a person by NER is a place where general knowledge knows one,
        # or where a return points back to what came "from" it ("sand from Valencia …, we only got back")
        return _name_run(t) if ent is None or ent.label_ != "PERSON" or readings_of(_name_run(t))[0] \
            or returned and t.head.lower_ == "from" else ""
    if kind == "title":
        if not _capital(t) or t.i + 1 < len(t.doc) and _capital(t.doc[t.i + 1]):
            return ""
        return ent.text if ent is not None and ent.start > 0 and t.i == ent.end - 1 else _name_run(t)
    if t.pos_ != "NOUN" or t.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass") or t.lower_ in GENERIC_HEADS \
            or t.lemma_.lower() in PEOPLE_NOUNS:
        return ""
    return np_of(t)


def referent(predicate: str, kind: str, clause: Clause) -> list[Value]:
    """The value an earlier phrase of the sentence gives a clause whose object is a pronoun (the
    nearest first); empty when the predicate is not one of :data:`REFERRED` or no pronoun stands in."""
    if predicate not in REFERRED or (stand_in := _pronoun(kind, clause)) is None:
        return []
    start = min(t.i for t in clause.tokens)
    for t in reversed(clause.head.doc[:start]):
        if value := _earlier(kind, t, stand_in.pos_ in ("VERB", "AUX")):
            return [(value, "place" if kind == "place" else "item")]
    return []
