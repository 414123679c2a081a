"""The open single-valued slot: an attribute of another person or thing that the registry has no name
for (issue #13 items 6-7).

People keep track of values the registry never lists: a wifi password, a door code, a child's shoe
size, a gate, a dose, a shift, a locker number. Such a statement names the attribute with a noun of
its own and the thing it belongs to, and gives the value:

- "<owner>'s <attribute> is <value>" ("Milo's shoe size is 11", "Gran's blood pressure dose is 5mg");
- "the <attribute> for / of / at <owner> is <value>" ("the wifi password at the cabin is pinecone88");
- "<owner> <attribute> changed / moved to <value>", "<someone> switched / upped <owner>'s <attribute>
  to <value>" ("the GP upped Gran's dose to 10mg").

The fact is (owner, ``attr:<attribute words>``, value): single-valued, so a later value of the same
attribute of the same owner supersedes it (the memory manager matches attributes said in other words
by meaning: :mod:`kgmem.memory.open_slots`). Read by the parse, never by wording; the registry keeps
what it names: an attribute noun it knows (a deadline, a venue, a price: :data:`.entity_refs.ATTRIBUTE_NOUNS`)
or a slot noun of the user's (a car, an address), a happening's time or place (a value that is a date,
a time or a place is a registry slot's: "the team meeting is Thursday"), a person's name, and anything
of the user's own ("my locker is 58").
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import intent_only
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_facts import _entity_fact
from kgmem.extraction.zero.entity_readings import hypothetical
from kgmem.extraction.zero.entity_readings import person_name as _person_name
from kgmem.extraction.zero.entity_refs import (
    _SKIP,
    _STORY_NOUNS,
    _WHEN_OF,
    ATTRIBUTE_NOUNS,
    EntityRef,
    TurnContext,
    _phrase,
)
from kgmem.extraction.zero.entity_subjects import _named_before
from kgmem.extraction.zero.homes import HOME_NOUNS
from kgmem.extraction.zero.lexicon import EVENT_NOUNS, PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.slot_nouns import SLOT_NOUNS
from kgmem.knowledge.kinds import is_kind_of, names_a_person
from kgmem.lexicon import calendar, people
from kgmem.predicates import OPEN_ATTRIBUTE

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs that give an attribute a new value with "to" ("changed to 23", "upped Gran's dose to 10mg")
_TO_VERBS = frozenset({"change", "move", "switch", "swap", "shift", "up", "raise", "increase", "lower", "reduce",
                       "cut", "drop", "bump", "push", "update", "reset", "put", "set", "go", "rise", "fall"})
#: the kinds of happening whose time and place the registry's slots hold (first noun sense)
_HAPPENINGS = ("event", "act", "gathering", "social_event")
#: owners that are the user ("my locker", "our code"): the user's facts, never an entity's
_USER_OWNERS = people.USER_POSSESSIVES | people.USER_OWN | {"your"} | people.USER_PRONOUNS
#: entity labels of values that are a registry slot's (a time, a date, a place, a person)
_REGISTRY_VALUES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "PERSON"})
#: words of a date said without digits ("next week", "tomorrow", "in June"): a happening's time
_CALENDAR_WORDS = frozenset({"today", "tomorrow", "tonight", "yesterday", "week", "weekend", "month", "year", "fortnight",
                             "spring", "summer", "autumn", "winter", "christmas", "easter", "noon", "midday",
                             "midnight"}) | frozenset(calendar.MONTHS)
#: words a value never is (a state or a pronoun: "the code is a nightmare", "the size is the same")
_NOT_VALUES = frozenset({"it", "this", "that", "one", "ones", "same", "thing", "nightmare", "mess", "joke", "problem",
                         "issue", "pain", "disaster", "lot", "bit", "way", "what", "something", "nothing", "anything"})
#: dependants that are part of a value's words ("the 38 route", "number 58", "07700 900123", "5mg")
_VALUE_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod", "appos", "prep", "punct", "npadvmod"})


def _attribute_noun(t: Token) -> bool:
    """A noun that may name an open attribute: not a registry attribute or slot noun, not a person or a
    happening, not a word that only tells of a thing ("the sofa saga")."""
    low = t.lemma_.lower()
    short_caps = t.pos_ == "PROPN" and t.text.isupper() and 2 <= len(t.text) <= 4  # "PIN"
    if t.pos_ != "NOUN" and not short_caps or not re.fullmatch(r"[a-z][a-z-]+", low):
        return False
    if low in ATTRIBUTE_NOUNS or low in SLOT_NOUNS or low in PEOPLE_NOUNS or low in _STORY_NOUNS or low in _SKIP \
            or low in _WHEN_OF or low in HOME_NOUNS:  # "pickup's 3:05": a happening's time; "his place is …": a home
        return False
    if names_a_person(low) is True:
        return False
    return not _happening(low)


def _happening(noun: str) -> bool:
    return noun in EVENT_NOUNS or any(is_kind_of(noun, k) for k in _HAPPENINGS)


def _owner_name(t: Token, context: TurnContext) -> str | None:
    """The person or thing a possessive or a noun of a preposition names (None: the user's, or none)."""
    if t.lower_ in _USER_OWNERS:
        return None
    if t.pos_ == "PRON":  # "Milo's feet have shot up again, his shoe size is 13 now"
        return (context.last_person or context.last_proper or _named_before(t)) if t.lower_ in ("his", "her") else None
    if any(c.dep_ == "poss" and c.lower_ in _USER_OWNERS for c in t.children):
        return None  # "the code for our shed": the user's
    if t.pos_ == "PROPN":
        return _person_name(t) or t.text
    name, _ = _phrase(t)
    return name or None


def _attribute_words(noun: Token) -> tuple[list[Token], Token | None]:
    """The attribute's words (its compounds and modifiers before it) and the owner that names it: a
    possessive ("Milo's shoe size"), else a noun after for / of / at / on ("the gate for Nadia's
    flight"), else the first of the compounds before the attribute ("the boiler pressure")."""
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None:
        poss = next((m2 for m in mods for m2 in m.children if m2.dep_ == "poss"), None)  # "Ella's school bus route"
    owned = set() if poss is None else {w.i for w in poss.subtree}
    start = min([m.left_edge.i for m in mods] + [noun.i])
    words = [w for w in noun.doc[start: noun.i + 1] if w.i not in owned and w.lower_ not in _SKIP
             and w.dep_ not in ("det", "case", "poss", "punct")]
    if poss is not None:
        return words, poss
    pobj = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "at", "on")
                 for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
    if pobj is not None:
        return words, pobj
    if len(words) > 1 and words[0].pos_ in ("NOUN", "PROPN") and words[0].dep_ == "compound":
        return words[1:], words[0]  # "the boiler pressure": the boiler's
    return [], None


def _value(v: Token) -> str | None:
    """A value's words: the token with its numbers, compounds and modifiers ("the 38 route", "number 58",
    "5mg", "07700 900123", "20-45-77"), without a clause or a phrase of place after it."""
    doc = v.doc
    parts = {v.i}
    todo = [v]
    while todo:
        t = todo.pop()
        for c in t.children:
            keep = c.dep_ in _VALUE_DEPS and (c.dep_ not in ("prep", "punct", "appos", "npadvmod") or c.pos_ in ("NUM", "SYM")
                                               or c.text == "-")
            if keep and c.lower_ not in ("the", "a", "an", "up", "down", "to") and abs(c.i - v.i) <= 5:
                parts.add(c.i)
                todo.append(c)
    lo, hi = min(parts), max(parts)
    while hi + 1 < len(doc) and doc[hi].like_num and doc[hi + 1].like_num and hi + 1 - v.i <= 4:
        hi += 1  # "0161 496 0823": a number said in groups
    while lo < v.i and (doc[lo].dep_ == "det" or doc[lo].is_punct):
        lo += 1
    span = doc[lo: hi + 1]
    if any(t.is_punct and t.text not in "-/:." for t in span):
        return None
    text = doc.text[span.start_char: span.end_char].strip(" ,.-")
    if not text or text.lower() in _NOT_VALUES or v.pos_ in ("PRON", "DET") or len(text.split()) > 5:
        return None
    return text


def _registry_value(v: Token, text: str, noun: Token) -> bool:
    """A value the registry's slots hold: a price (amount), a date (a happening's time), a clock time of
    anything but a time itself ("bedtime is 7:30" is the bedtime's), a place, a person's name; and a
    state, not a value, of a thing one can stand in ("the kitchen is a building site")."""
    start = v.doc.text.find(text, v.left_edge.idx)
    ents = [e for t in v.doc if start <= t.idx < start + len(text) and (e := entity_at(t)) is not None]
    labels = {e.label_ for e in ents}
    words = re.findall(r"[a-z]+", text.lower())
    if labels & {"MONEY", "GPE", "LOC", "FAC"} or re.search(r"[£$€¥]", text):
        return True  # "£58 a month", "Lisbon", "14 Hawthorn Close"
    if any(calendar.weekday_number(w.rstrip("s")) is not None or w in _CALENDAR_WORDS for w in words) \
            or re.search(r"\d(?:st|nd|rd|th)\b", text, re.IGNORECASE):
        return True  # "Thursday", "12 March", "the 5th", "next week"
    if re.search(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b", text, re.IGNORECASE):
        return not _time_noun(noun)  # "pickup is 3:15" (but "nights", "lates": a shift's, not a date)
    if v.pos_ == "PROPN" and "PERSON" in labels and not re.search(r"\d", text):
        return True
    if not re.search(r"\d|[A-Z]", text):  # a value in plain words: of an attribute, not of a thing one stands in
        return any(is_kind_of(noun.lemma_.lower(), k) for k in ("artifact", "structure", "time_period"))
    return False


def _up_to(head: Token) -> Token | None:
    """The object a verb of change reaches "up to" / "down to" (the parser's quantity modifiers)."""
    return next((c for c in head.children if c.dep_ == "dobj" and any(
        q.dep_ == "quantmod" and q.lower_ == "to" for n in c.children for q in n.children)), None)


def _conj_subject(head: Token) -> Token | None:
    """The subject the parser hung on an earlier object ("Keisha switched networks and her mobile number is
    now …": "number" a conjunct of "networks"): the noun just before a verb that has no subject."""
    before = [t for t in head.doc[max(0, head.i - 2): head.i] if t.dep_ != "advmod"]
    t = before[-1] if before else None
    return t if t is not None and t.dep_ == "conj" and t.pos_ == "NOUN" and t.head.i < t.i else None


def _time_noun(noun: Token) -> bool:
    """An attribute that is itself a time of day ("bedtime", "curfew"): a time is its value."""
    return is_kind_of(noun.lemma_.lower(), "time")


def open_reading(clause: Clause, context: TurnContext) -> tuple[str, str, str] | None:
    """(owner, attribute words, value) of a clause stating an open attribute, else None."""
    head = clause.head
    lemma = head.lemma_.lower()
    if any(c.dep_ == "neg" for c in head.children):
        return None
    if lemma == "be":
        noun = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None) or _conj_subject(head)
        value = next((c for c in head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN", "NUM")), None)
        if value is None:  # "his sort code is 30-12-09": a number the parser hung off the verb
            value = next((c for c in head.children if c.dep_ == "npadvmod" and c.pos_ == "NUM"), None)
    elif lemma in _TO_VERBS and (value := _up_to(head)) is not None:  # "went up to 12 units"
        noun = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif lemma in _TO_VERBS:
        noun = next((c for c in head.children if c.dep_ == "dobj"), None) \
            or next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # "pushed Zoe's bedtime back to 8:15": the "to" of a particle or adverb of direction
        preps = [*head.children, *(g for a in head.children if a.dep_ in ("advmod", "prt") for g in a.children)]
        value = next((g for p in preps if p.dep_ == "prep" and p.lower_ == "to" for g in p.children
                      if g.dep_ == "pobj"), None) \
            or next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ in ("NOUN", "NUM")
                     and any(a.lower_ == "to" for a in c.children)), None)  # "moved to number 102"
    else:
        return None
    if noun is None or value is None or not _attribute_noun(noun):
        return None
    words, owner_tok = _attribute_words(noun)
    if owner_tok is None or not words:
        return None
    if owner_tok.pos_ == "NOUN" and _happening(owner_tok.lemma_.lower()):
        return None  # "doors for the gig are 7": a happening's time (the registry's)
    owner = _owner_name(owner_tok, context)
    text = _value(value)
    if owner is None or text is None or text.casefold() in owner.casefold():
        return None
    if _registry_value(value, text, noun):
        return None  # "the team meeting is Thursday": the meeting's time (scheduled_for)
    attribute = " ".join(w.lemma_.lower() if w is noun else w.lower_ for w in words)
    return owner, attribute, text


def predicate_of(attribute: str) -> str:
    """The open predicate of attribute words ("wi-fi code" → ``attr:wi_fi_code``)."""
    return OPEN_ATTRIBUTE + "_".join(re.findall(r"[a-z0-9]+", attribute.lower()))


def open_slot_facts(sent: Sentence, date: datetime, clause: Clause, context: TurnContext) -> list[CandidateFact]:
    """The open attribute a clause states of another person or thing ([] when none)."""
    if sent.question or clause.blocked or intent_only(clause.tokens) or hypothetical(clause):
        return []
    found = open_reading(clause, context)
    if found is None:
        return []
    owner, attribute, value = found
    kind = "person" if owner.lower() in PEOPLE_NOUNS or (
        (t := next((x for x in clause.tokens if x.text == owner.split()[0]), None)) is not None
        and (e := entity_at(t)) is not None and e.label_ == "PERSON") else "thing"
    return [_entity_fact(sent, date, clause, EntityRef(owner, kind), predicate_of(attribute), value, None)]
