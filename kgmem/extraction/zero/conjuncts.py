"""The other items of a list: a fact's value and the values coordinated with it in the parse.

The patterns and the meaning stage each read one value per clause, the first of a list: "Picked up
a tent and a camping stove" stored the tent only, "We did Budapest and then Vienna" Budapest only.
For a user fact of a predicate that holds many values of one kind (:data:`LISTED`), every conjunct of
the value's head word in the sentence's parse (``token.conjuncts``) becomes a fact of the same predicate, time and provenance;
for a predicate whose values are names (a place, a title) only a name beside a name counts, while
things bought or liked may be branded or not ("a Dyson V15 and a Ninja air fryer"). Decided from the parse, not from words: a verb coordinated with the clause's
verb ("bought a tent and headed home") is no conjunct of the value; a name with "and" inside the
value ("Pride and Prejudice", "Klara and the Sun") is left whole.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at, noun_phrase
from kgmem.extraction.zero.phrases import valid_value
from kgmem.extraction.zero.value_parse import GENERIC_HEADS, np_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: predicates whose values are the items of a list: things bought, places visited, titles, events, tastes
LISTED = frozenset({"bought", "visited", "watched", "read_book", "attended", "likes", "dislikes"})
#: NER labels that are never an item of such a list (a price, a day, a count)
_NOT_ITEMS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "ORDINAL", "PERSON"})
#: words that join a contrast or a choice, never the items of one list
_NOT_A_LIST = frozenset({"but", "or", "yet", "nor", "not", "instead", "than", "rather"})
#: predicates whose value is a name (a place, a title): a conjunct must be a name too
_NAMED = frozenset({"visited", "watched", "read_book"})


def _value_span(doc: Doc, value: str) -> Span | None:
    """The tokens of ``value`` in the sentence (first occurrence, case-blind), or None."""
    at = doc.text.casefold().find(value.casefold())
    if at < 0:
        return None
    return doc.char_span(at, at + len(value), alignment_mode="expand")


def _named(t: Token) -> bool:
    ent = entity_at(t)
    return t.pos_ == "PROPN" or ent is not None and ent.label_ not in _NOT_ITEMS or t.text[:1].isupper()


def _phrase(t: Token, named: bool) -> str:
    """The conjunct's own phrase: its named entity or name, else its noun phrase."""
    ent = entity_at(t)
    if ent is not None and ent.label_ not in _NOT_ITEMS and ent.start <= t.i < ent.end:
        return re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE) if not named else ent.text
    return noun_phrase(t) if named else np_of(t)


def _gapped(head: Token) -> list[Token]:
    """The other objects of a verb left out after the first ("watched Barbie and then Oppenheimer"
    parses Oppenheimer as the verb's conjunct): the verb's direct object and its noun conjuncts
    with no subject of their own, whichever of them ``head`` is."""
    if head.dep_ == "dobj":
        verb = head.head
    elif head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    else:
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [c for c in verb.conjuncts if c.pos_ in ("NOUN", "PROPN") and c.i > verb.i
                and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]
    return [c for c in objects if c.i != head.i] if head in objects else []


def _conjuncts(head: Token, span: Span, lowercase: bool, titles: bool) -> list[str]:
    """Phrases of the conjuncts of ``head`` outside ``span``; for a predicate whose values are names
    (``titles``: places, films, books) only the same kind of phrase, and a name NER calls a person may
    be one of them — NER labels unknown titles and towns at random."""
    named = _named(head) and not lowercase
    out = []
    for c in [*head.conjuncts, *_gapped(head)]:
        if span.start <= c.i < span.end or c.pos_ not in ("NOUN", "PROPN"):
            continue
        between = head.doc[min(head.i, c.i) + 1: max(head.i, c.i)]
        if any(t.lower_ in _NOT_A_LIST for t in between) or not any(t.dep_ == "cc" or t.text in (",", "&") for t in between):
            continue  # "hate running but love swimming", "a tent or a hammock": a contrast or a choice; no "and": a misparse
        if c.lemma_.lower() in PEOPLE_NOUNS or c.lower_ in PEOPLE_NOUNS:
            continue  # "picked up a Dyson V15 and my niece", "a PS5 and my brother a Switch": a person is no item
        ent = entity_at(c)
        if ent is not None and ent.label_ in _NOT_ITEMS and not (titles and ent.label_ == "PERSON") \
                or c.lower_ in GENERIC_HEADS:
            continue
        if titles and not lowercase and _named(c) != named:
            continue  # "watched Barbie and a giant popcorn": a name beside a thing is no list of titles
        # "a Dyson V15 and a Ninja air fryer": things bought or liked may be branded or not, each its own phrase
        phrase = _phrase(c, named if titles else _named(c) and not lowercase)
        if phrase and valid_value(phrase):
            out.append(phrase)
    return out


def listed_values(facts: list[CandidateFact], doc: Doc | None, lowercase: bool = False) -> list[CandidateFact]:
    """Facts for the other items of the lists that ``facts``' values open (:data:`LISTED` predicates)."""
    if doc is None:
        return []
    have = {(f.predicate, f.value.casefold()) for f in facts}
    out: list[CandidateFact] = []
    for f in facts:
        if f.subject != "user" or f.predicate not in LISTED or lowercase and f.predicate in _NAMED:
            continue  # without capitals a name's kind cannot be told from the words around it
        span = _value_span(doc, f.value)
        if span is None or len(span) == 0:
            continue
        for phrase in _conjuncts(span.root, span, lowercase, f.predicate in _NAMED):
            key = (f.predicate, phrase.casefold())
            if key in have:
                continue
            if f.predicate in _NAMED and not lowercase and not phrase[:1].isupper() and not phrase[:1].isdigit():
                continue
            have.add(key)
            out.append(f.model_copy(update={"value": phrase, "text": f.text.replace(f.value, phrase)}))
    return out
