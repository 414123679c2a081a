"""The thing a payment was for: "$130 at Uniqlo, for a sleeping bag", "paid $60 for a floor lamp".

A clause the meaning stage reads as money spent often names the thing bought only as what the money was
"for"; the proposer ranks the payment first and the purchase may fall outside its margin. The thing is
read by its type: the object of "for" that WordNet knows as something one takes home (:data:`GOODS`), or a
name it does not know; a person, an act, a meal, a fee or a stay is none ("$45 for a haircut", "£12 for
lunch", "$130 for two nights", "£20 for the kids").

A payment also names its goods by where they went (:func:`things_taken_home`): the clause's subject that came
to the user ("a drone came home with me for $650", "a lamp followed me home", "my new grinder arrived, $210") or
what the user left a place with ("walked out of Costco with a tent and $72 less in my account").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.leaving import idiom_object
from kgmem.extraction.zero.lexicon import (
    ACQUIRE,
    DEPART,
    PEOPLE_NOUNS,
    POST_NOUNS,
    PURCHASE,
    WORK_SPELLS,
    job_noun,
)
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.phrases import valid_value
from kgmem.extraction.zero.value_parse import np_of
from kgmem.extraction.zero.values_across import of_kinds
from kgmem.extraction.zero.values_items import GOODS
from kgmem.knowledge import is_kind_of, sense_kind_of
from kgmem.lexicon.people import USER_OBJECTS
from kgmem.nlp import has_user_possessor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token



def _goods(t: Token) -> str | None:
    """The noun phrase of ``t`` when it names goods (not a person, a date or an amount), else None."""
    if t.pos_ not in ("NOUN", "PROPN") or t.lower_ in PEOPLE_NOUNS:
        return None
    ent = entity_at(t)
    value = np_of(t)
    if ent is not None and ent.label_ in ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "GPE", "ORG", "LOC") \
            or not valid_value(value) or not of_kinds(value, GOODS):
        return None
    return value


#: prepositions of where a thing went with the user ("home with me", "into my trolley", "to my flat")
_TO_USER = frozenset({"with", "to", "into", "in"})
def _to_the_user(verb: Token) -> bool:
    """The clause tells the thing going to the user: "home" ("came home"), "with me", "into my trolley"."""
    for c in verb.children:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ == "home":
            return True  # "followed me home", "came home with me"
        if c.dep_ == "prep" and c.lower_ in _TO_USER:
            for g in c.children:
                if g.dep_ == "pobj" and (g.lower_ in USER_OBJECTS or has_user_possessor(g)):
                    return True
    return False


def _newly_mine(t: Token) -> bool:
    """"my new grinder": a thing the user holds that is new."""
    return has_user_possessor(t) and any(d.dep_ == "amod" and d.lower_ == "new" for d in t.children)


def things_taken_home(clause: Clause) -> list[str]:
    """Goods a payment's clause tells by where they went: its subject that came to the user ("a drone came home
    with me for $650", "my new grinder arrived this morning, $210"), or what the user left with ("walked out of
    Costco with a tent and $72 less in my account"). Read only on a clause the meaning stage already read as
    money spent."""
    verb = clause.head
    out = []
    subj = clause.subject
    if subj is not None and subj.dep_ in ("nsubj", "nsubjpass") and (_to_the_user(verb) or _newly_mine(subj)) \
            and (value := _goods(subj)) is not None:
        out.append(value)
    if clause.about == "user" or subj is None:
        # "walked out of Costco with a tent": what the user came away with, on a verb with a place left behind
        left = any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("out", "away", "back", "home") for c in verb.children) \
            or any(c.dep_ == "dobj" for c in verb.children) and verb.lemma_.lower() in DEPART
        for c in verb.children if left else ():
            if c.dep_ == "prep" and c.lower_ == "with":
                out += [v for g in c.children if g.dep_ == "pobj" and (v := _goods(g)) is not None]
    return out


#: verbs of paying out: a place after their "at" is where money went ("splurged $300 at Sephora")
_PAYING = frozenset({"pay", "spend", "splurge", "drop", "blow", "shell", "fork"})
#: slots a shop of a purchase never fills: where one works, trains, lives or travelled to
SHOP_BLIND = frozenset({"works_at", "gym", "visited", "lives_in"})


def _money(t: Token) -> bool:
    ent = entity_at(t)
    return ent is not None and ent.label_ == "MONEY" or t.tag_ == "$"


def _goods_not_work(t: Token) -> bool:
    """A noun of goods that is no post or stint ("got a job at Costco" tells an employer, not a purchase)."""
    lemma = t.lemma_.lower()
    return _goods(t) is not None and lemma not in POST_NOUNS | WORK_SPELLS and not job_noun(lemma)


def place_of_purchase(value: str, doc: Doc) -> bool:
    """``value`` is where the user bought or paid: after "at"/"from" (or "out of") on an amount ("$64 at
    Walgreens"), on a verb of paying ("splurged $300 at Sephora"), on a verb of getting that got goods ("picked up a
    yoga mat at Decathlon", "walked out of Costco with a tent"), or on the goods themselves ("a tent from REI").
    A shop is no employer, gym, home or trip; "got a job at Costco" and "I work at Costco" are not purchases."""
    first = value.split()[0].casefold()
    for t in doc:
        if t.lower_ != first:
            continue
        while t.dep_ in ("compound", "amod") and t.head.i > t.i:
            t = t.head
        prep = t.head
        if t.dep_ != "pobj" or not (prep.lower_ in ("at", "from") or prep.lower_ == "of" and prep.head.lower_ == "out"):
            continue
        owner = prep.head.head if prep.lower_ == "of" and prep.head.dep_ in ("prep", "prt", "advmod") else prep.head
        if _money(owner):
            return True
        if owner.pos_ in ("NOUN", "PROPN"):
            # "a tent from REI": goods WordNet knows, got by a verb of getting or priced in the sentence
            if _goods_not_work(owner) and sense_kind_of(owner.lemma_.lower(), GOODS) and (
                    owner.dep_ == "dobj" and owner.head.lemma_.lower() in ACQUIRE | PURCHASE | _PAYING
                    or any(_money(x) for x in owner.sent)):
                return True
            continue
        lemma = owner.lemma_.lower()
        objs = [c for c in owner.children if c.dep_ == "dobj"] + [
            g for c in owner.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        if lemma in _PAYING and (any(_money(c) for c in owner.subtree) or objs):
            return True
        if (lemma in ACQUIRE | PURCHASE or prep.lower_ == "of") and any(_goods_not_work(o) for o in objs):
            return True
    return False


def bought_there(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is a workplace, gym, trip or home whose value is where something was bought (:func:`place_of_purchase`)."""
    return f.predicate in SHOP_BLIND and doc is not None and place_of_purchase(f.value, doc)


#: what the body or a day leaves one with, to WordNet (first sense; no sense goods): a sunburn, a cold, a rash, a
#: blister is got, not bought ("I got a sunburn after Lisbon", "Came back with a nasty cold"; session 29, x29)
_AILMENTS = ("condition", "symptom", "imperfection")


#: what one catches: an illness or a germ, by any sense of the word (a bug, a virus)
_CATCHABLE = ("illness", "microorganism")
#: what is bought: made things and stuff (a germ is an organism, which GOODS holds for pets and plants)
_STUFF = ("artifact", "matter")
#: words that name a kind of what their "of" phrase names
_KIND_WORDS = frozenset({"kind", "sort", "type", "form", "strain", "bout", "case", "touch", "dose"})


def _ailment(word: str) -> bool:
    """WordNet knows ``word`` first as an ailment and in no sense as goods ("vacuum" is an absence first, and a
    cleaner too: goods)."""
    return any(is_kind_of(word, k) for k in _AILMENTS) and sense_kind_of(word, GOODS) is False


def no_goods(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is a purchase of the user's whose thing is an ailment (:func:`_ailment`): the phrase itself ("food
    poisoning") or its head noun ("a blister the size of a coin")."""
    if f.predicate != "bought" or f.subject != "user" or doc is None:
        return False
    if _ailment(f.value):
        return True
    at = doc.text.casefold().find(f.value.casefold())
    span = doc.char_span(at, at + len(f.value), alignment_mode="expand") if at >= 0 else None
    if span is None or not len(span) or span.root.pos_ != "NOUN":
        return False
    head = _kind_of_what(span.root)
    return _ailment(head.lemma_.lower()) or _caught(head) or idiom_object(span.root)


def _kind_of_what(t: Token) -> Token:
    """The noun a "kind / sort / type of" phrase names ("some kind of virus": virus)."""
    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return of[0] if of and t.lemma_.lower() in _KIND_WORDS else t


def _caught(t: Token) -> bool:
    """A germ or an illness by one of its senses, no goods or stuff by any ("virus"; "yeast" is a leaven too, "bug" a
    listening device), or one named by the part of the body it is in ("a stomach bug", "an ear infection")."""
    word = t.lemma_.lower()
    if not sense_kind_of(word, _CATCHABLE):
        return False
    return not sense_kind_of(word, _STUFF) or any(
        c.dep_ in ("compound", "amod") and is_kind_of(c.lemma_.lower(), "body part") for c in t.children)


def things_paid_for(clause: Clause) -> list[str]:
    """The clause's objects of "for" that are goods (best first; empty when it names none)."""
    out = []
    for t in clause.tokens:
        if t.dep_ != "pobj" or t.head.lower_ != "for" or t.pos_ not in ("NOUN", "PROPN") or t.lower_ in PEOPLE_NOUNS:
            continue
        ent = entity_at(t)
        value = np_of(t)
        if (ent is None or ent.label_ not in ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL")) and valid_value(value) \
                and of_kinds(value, GOODS):
            out.append(value)
    return out
