"""The user's home said in passing, inside a line about something else (session 31, oe31; invented set
home_chains_oe31): "the radiator in my flat in Sheffield is banging again", "Grocery prices around my place in Austin
keep creeping up", "my landlord here in Valencia wants to put the rent up", "still surrounded by boxes in our new flat
in Turin".

A home's place is said as often by the home it qualifies as by a verb of living: a noun of a home (or of a part of
one: a balcony, a garden) that is the user's ("my", "our") or called new with no other owner ("the new place in
Boise"), with a place after "in" on it, says where the user lives; so does a person who is only there because the user
lives there ("my landlord here in Valencia", "the neighbours in my building", "my flatmates here in Bologna"). The
readers of the user's slots take the home only where the home noun is the clause's subject ("My flat in Leeds is
freezing"), so these lines gave no home, and a later move could not supersede it (dev3's lost chains,
``eval/results/chains_oe31.md``).

Read from the parse. Never: a home of someone else's ("my sister's flat", "his new flat"), a home called old, former,
previous or last (an earlier value: :mod:`kgmem.extraction.zero.past_values`), a home under a modal, a condition or a
wish (a negation of its clause leaves the home where it is) (:func:`~kgmem.extraction.zero.checks.blocked`), a home in a question without the user's possessor
("how much is a one-bed apartment in Sydney?"), a place told with a past "be" or "have" and not called new ("my flat
in Hull had the same problem": maybe an earlier one), a place NER calls a person, an organisation or a date, or a line
where another reader already gave the user's home. A stay is no home: a hotel room, an Airbnb, a trip's night have
no noun here, and the extractor's stay and errand filters still apply.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import blocked, user_agent
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.homes import there_for_an_occasion
from kgmem.extraction.zero.leaving import left_behind
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.past_values import said_as_earlier
from kgmem.extraction.zero.sentences import Sentence
from kgmem.nlp import has_other_possessor, has_user_possessor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: nouns of the user's home and of its parts: "in" on one names the place the home is in
HOME_NOUNS = frozenset({"flat", "apartment", "house", "place", "condo", "building", "home", "bungalow", "cottage",
                        "townhouse", "maisonette", "houseshare", "flatshare", "street", "road", "balcony", "garden",
                        "neighbourhood", "neighborhood"})
#: people who are where they are because the user lives there ("my landlord here in Valencia")
HOME_PEOPLE = frozenset({"landlord", "landlady", "landlords", "neighbour", "neighbours", "neighbor", "neighbors",
                         "flatmate", "flatmates", "housemate", "housemates", "roommate", "roommates"})
#: words that make a home an earlier one
_EARLIER = frozenset({"old", "former", "previous", "last", "ex", "first", "childhood"})
#: NER labels no home's place has (a person's label is kept: after "in" on a home it is a misread place, "my
#: landlord here in Valencia", "the new flat in Madison")
_NOT_PLACES = frozenset({"ORG", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "NORP", "PRODUCT",
                         "WORK_OF_ART", "EVENT"})


#: nouns of a stay away: "in" on one names where the user is staying, not where they live
STAY_NOUNS = frozenset({"hotel", "hostel", "airbnb", "motel", "resort", "campsite", "b&b", "guesthouse"})
#: verbs that make a home the user's whatever its noun ("I live in my parents' place in Derby")
_LIVING = frozenset({"live", "move", "relocate", "settle", "rent"})
#: a line of a stay away: a home noun in it may be a holiday let ("staying at our place in Cornwall this week")
_STAY = re.compile(r"\b(?:stay\w*|holiday\w*|vacation\w*|trip|visit\w*|getaway|honeymoon|airbnb|hotel)\b",
                   re.IGNORECASE)


def _new(n: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in ("new", "brand-new") for c in n.children)


def _the_users(n: Token, question: bool) -> bool:
    """The home noun (or home person) is the user's: "my"/"our", or a home noun called new with no other owner in a
    statement ("the new place in Boise"), or a home person inside the user's home ("the neighbours in my building")."""
    if has_other_possessor(n) or any(c.dep_ == "amod" and c.lower_ in _EARLIER for c in n.children):
        return False
    if has_user_possessor(n):
        return True
    if n.lower_ in HOME_PEOPLE:
        return any(has_user_possessor(g) and g.lower_ in HOME_NOUNS for c in n.children if c.dep_ == "prep"
                   for g in c.children if g.dep_ == "pobj")
    return not question and _new(n) and any(c.dep_ == "det" and c.lower_ == "the" for c in n.children)


def _holder(prep: Token) -> Token | None:
    """The noun "in" qualifies: its head, or through "here" ("my landlord here in Valencia"), or the noun just before
    it where the parse hung "in" on the verb or on another noun ("came to my new flat in Hull", "the heating in my
    flat in Liverpool")."""
    head = prep.head
    if head.lower_ == "here" and head.head.i != head.i:
        head = head.head
    for n in (head, prep.doc[prep.i - 1] if prep.i > 0 else head):
        if n.pos_ in ("NOUN", "PROPN") and n.lower_ in HOME_NOUNS | HOME_PEOPLE:
            return n
    return None


def _verb(n: Token) -> Token:
    """The verb whose clause holds the home noun (the root where none is found)."""
    v = n
    while v.dep_ != "ROOT" and v.pos_ not in ("VERB", "AUX"):
        v = v.head
    return v


def _told_before(n: Token, v: Token) -> bool:
    """A past "be" or "have" governs the home, and it is not called new ("my flat in Hull had the same problem")."""
    return v.tag_ == "VBD" and v.lemma_.lower() in ("be", "have") and not _new(n)


def _place(t: Token) -> str:
    """The place's name at ``t``: its NER span when it has one (not a person, an organisation, a date), else its
    proper-noun compound words; "" for a word that is no capitalised name."""
    ent = entity_at(t)
    if ent is not None:
        return "" if ent.label_ in _NOT_PLACES else ent.text
    if t.pos_ != "PROPN" or not t.text[:1].isupper():
        return ""
    start = t.i
    while start > 0 and t.doc[start - 1].dep_ == "compound" and t.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return t.doc[start: t.i + 1].text


def homes_said(sent: Sentence, said: datetime, doc: Doc | None, found: list[CandidateFact]) -> list[CandidateFact]:
    """The user's home said in passing on a home noun or a home person (the module's docstring); ``found``: the
    facts the sentence's other readers kept and the earlier values they read (a home among them: nothing read).

    Read after the sentence-level filters, which judge the clause's verb and subject ("the movers just left our new
    house in Raleigh" is no home left; "the broadband guy came to my new flat in Hull" no post of the guy's): here the
    home is the user's by its possessive, so the reader applies its own checks."""
    if doc is None or sent.role != "user" or _STAY.search(sent.text) \
            or any(f.subject == "user" and f.predicate == "lives_in" for f in found):
        return []
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        n = _holder(prep)
        place = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if n is None or place is None or not _the_users(n, sent.question):
            continue
        v = _verb(n)
        # a negation leaves the home where it is ("the view from my flat in Newcastle never gets old")
        if (v.pos_ in ("VERB", "AUX") and blocked(v, ignore_negation=True)) or _told_before(n, v):
            continue
        name = _place(place)
        if not name:
            continue
        fact = make_fact(sent, "lives_in", name, "place", _new(n), None, said)
        # the user leaving it or holding it before ("I moved out of my flat in Leeds"); a home gone to for an occasion
        if (user_agent(v) and (left_behind(fact, doc) or said_as_earlier(fact, doc))) \
                or there_for_an_occasion(name, doc):
            return []
        return [fact]
    return []


def _held_by_another(f: CandidateFact, doc: Doc) -> bool:
    """``f``'s place is named on someone else's home ("his new flat in Ely", "my parents' place in Derby") or on a
    stay ("the hotel room in Prague"), and no verb of living in the line makes it the user's."""
    first = f.value.split()[0] if f.value else ""
    if any(t.lemma_.lower() in _LIVING and user_agent(t) for t in doc if t.pos_ in ("VERB", "AUX")):
        return False
    for t in doc:
        if t.text != first or t.dep_ != "pobj" or t.head.lower_ != "in":
            continue
        prep = t.head
        for n in (prep.head, doc[prep.i - 1] if prep.i > 0 else prep.head):
            stay = n.lower_ in STAY_NOUNS or any(c.dep_ == "compound" and c.lower_ in STAY_NOUNS for c in n.children)
            if stay or (n.lower_ in HOME_NOUNS and has_other_possessor(n)):
                return True
    return False


def homes_read(sent: Sentence, said: datetime, doc: Doc | None, found: list[CandidateFact],
               earlier: list[CandidateFact]) -> list[CandidateFact]:
    """``found`` with the homes of the line settled: a home another reader gave that the line names as someone
    else's or as a stay dropped (:func:`_held_by_another`), the user's home said in passing added
    (:func:`homes_said`; ``earlier``: the earlier values read from the line)."""
    if doc is None:
        return found
    kept = [f for f in found if not (f.subject == "user" and f.predicate == "lives_in" and _held_by_another(f, doc))]
    return kept + homes_said(sent, said, doc, kept + earlier)
