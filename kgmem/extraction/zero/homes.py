"""Where the user lives, told apart from the places around it: a home's place, a thing's place, a place gone to.

The meaning stage proposes ``lives_in`` for any clause that sounds like home; these readers of the parse
keep the value only where it is a home's place: not where a thing is ("a small firm in Hove", "the bus
broke down outside Wetherby"), not where a verb of going goes ("these days I go to Peckham Pulse": a
place one goes to is not where one lives). Nouns of a home and of a stay are general English.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import EVENT_NOUNS, LIVE, RELOCATE, TRANSPORT, TRAVEL, TRIP_NOUNS
from kgmem.knowledge.kinds import same_thing
from kgmem.lexicon.people import USER_OBJECTS, USER_REFLEXIVES, people_noun
from kgmem.nlp import has_user_possessor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: nouns of a home: a clause about one says where the user lives ("my flat is in Leeds")
HOME_NOUNS = frozenset({"home", "flat", "house", "apartment", "place", "condo", "address", "bungalow", "cottage",
                        "studio", "townhouse", "houseboat", "narrowboat", "digs", "pad", "houseshare", "flatshare",
                        "bedsit", "room", "dorm", "halls", "bed", "semi", "terrace", "maisonette", "duplex", "loft",
                        "cabin", "farmhouse", "villa", "barn", "caravan", "estate", "area", "neighbourhood",
                        "neighborhood", "street", "road", "village", "town", "city", "suburb"})
#: nouns of time spent somewhere: "a month in Lisbon", "two years in Houston" (a stay, not a thing's place)
STAY_NOUNS = frozenset({"month", "year", "night", "summer", "winter", "spring", "autumn", "fall", "semester", "term",
                        "season", "life"})
#: prepositions of location: "in X" after a noun says where that thing is
AT_PLACE = frozenset({"in", "at", "near", "outside", "by", "on"})


def place_of_a_thing(value: str, clause: Clause, home: bool) -> bool:
    """``value`` is where a thing is, not where the user lives or went: a place in a clause about a
    thing that is not the place itself ("the bus broke down outside Wetherby"); for a home (``home``),
    also the object of "in/at/near" after a noun that is no home or stay ("a small firm in Hove") —
    a trip to a thing in a place is a visit of the place ("a wedding in Porto")."""
    first = value.split()[0].casefold()
    tok = next((t for t in clause.tokens if t.lower_ == first), None)
    if tok is None:
        return False
    subj = clause.subject
    if clause.about == "thing" and subj is not None and subj.pos_ == "NOUN" and tok not in list(subj.subtree) \
            and any(ch.dep_ in ("det", "poss", "compound", "amod") for ch in subj.children):
        return True
    if not home:
        return False
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in AT_PLACE:
        return False
    prep = tok.head
    owner = prep.head
    if owner.pos_ == "PROPN" and owner.i < prep.i:
        return _named_venue(owner)
    if owner.pos_ in ("VERB", "AUX") and owner.lemma_.lower() not in LIVE | RELOCATE and not _has_home(owner) and any(
            p.dep_ == "prep" and p.lower_ == "at" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in p.children)
            for p in owner.children):
        return True  # "we had lunch at the Fox and Hounds in Keswick": where the named venue is
    if owner.pos_ != "NOUN" or owner.i > prep.i:
        return False
    # up the chain of places: "the flat on Cowley Road in Oxford" is a home's place
    chain = [owner]
    while chain[-1].dep_ == "pobj" and chain[-1].head.dep_ == "prep" and len(chain) < 4:
        chain.append(chain[-1].head.head)
    return not any(n.lemma_.lower() in HOME_NOUNS | TRIP_NOUNS | STAY_NOUNS for n in chain)



def _has_home(verb: Token) -> bool:
    """The verb's object is a home: "we share a flat at Ashford Court in Croydon" tells a home's place."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in HOME_NOUNS for c in verb.children)


def _named_venue(name: Token) -> bool:
    """``name`` (the owner of "in <place>") is a named venue met at, not a home: "we meet at the Crown in
    Hexham" says where the Crown is. A named road or home ("the flat on Cowley Road in Oxford", "I live at
    Rose Cottage in Hexham") or a verb of living or moving above it keeps the place a home's."""
    while name.dep_ == "compound" and name.head.i > name.i or name.dep_ == "conj":  # "the Fox and Hounds"
        name = name.head
    chain = [name]
    while chain[-1].dep_ == "pobj" and chain[-1].head.dep_ == "prep" and len(chain) < 4:
        chain.append(chain[-1].head.head)
    if any(n.lemma_.lower() in HOME_NOUNS | STAY_NOUNS for n in chain):
        return False
    top = chain[-1]
    if _has_home(top):
        return False
    return len(chain) > 1 and top.pos_ in ("VERB", "AUX") and top.lemma_.lower() not in LIVE | RELOCATE

#: objects of a moving verb that are the speaker or nothing in particular ("moved myself", "moved everything")
_NOT_MOVED = USER_OBJECTS | USER_REFLEXIVES | {"everything", "stuff"}


def moved_someone(v: Token) -> bool:
    """A verb of moving whose object is someone other than the speaker ("moved Grandad to Hove", "moved
    her into a flat"): the errand of moving another person, whose home it is."""
    return v.lemma_.lower() in RELOCATE and any(
        c.dep_ == "dobj" and c.lower_ not in _NOT_MOVED
        and (c.pos_ in ("PROPN", "PRON") or people_noun(c.lemma_)) for c in v.children)


def planned_move(v: Token) -> bool:
    """A verb of moving in the present progressive ("we're moving to Leeds in June", "I'm relocating to
    Porto"): an arrangement ahead, not where the user lives now."""
    return v.lemma_.lower() in RELOCATE and v.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("am", "'m", "’m", "is", "'s", "’s", "are", "'re", "’re") for c in v.children)


#: verbs of a stay: where someone stays or visits is not their home or workplace
_STAY_VERBS = frozenset({"stay", "visit", "spend", "holiday", "vacation"})
#: doings at a place that make it one's home or workplace ("is at Tesco working the tills")
_HOLDING = frozenset({"work", "live", "base", "teach", "serve", "run", "manage"})


def stay_or_errand(value: str, doc: Doc | None) -> bool:
    """``value`` is where someone stays or runs an errand, not their home or workplace: the place of a verb of
    staying ("my parents are staying with me in Pune"), or where someone "is at" doing something for now
    ("my nan is at Boots picking up her prescription")."""
    if doc is None:
        return False
    first = value.split()[0].casefold()
    tok = next((t for t in doc if t.lower_ == first), None)
    verb = tok.head if tok is not None else None
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lemma_.lower() in _STAY_VERBS:
        return True
    if verb.lemma_.lower() == "be" and _for_an_occasion(verb):
        return True  # "Dad's in room 12 at the Premier Inn for the conference": there for an occasion
    return verb.lemma_.lower() == "be" and any(c.dep_ in ("advcl", "xcomp", "acl") and c.tag_ == "VBG"
                                               and c.lemma_.lower() not in _HOLDING for c in verb.children)


def there_for_an_occasion(value: str, doc: Doc | None) -> bool:
    """``value`` is where someone is "for" an occasion ("We're in Bath for the wedding"): a stay, not a home."""
    if doc is None:
        return False
    first = value.split()[0].casefold()
    tok = next((t for t in doc if t.lower_ == first), None)
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None) if tok is not None else None
    return verb is not None and verb.lemma_.lower() == "be" and _for_an_occasion(verb)


def _for_an_occasion(verb: Token) -> bool:
    """Being somewhere "for" an occasion (an event noun: "for the conference", "for a wedding"), said in the
    verb's own clause (on the verb, the place or the venue: "in room 12 at the Premier Inn for the conference")."""
    for p in verb.subtree:
        if p.dep_ != "prep" or p.lower_ != "for" or not any(
                g.dep_ == "pobj" and g.lemma_.lower() in EVENT_NOUNS for g in p.children):
            continue
        if next((a.i for a in p.ancestors if a.pos_ in ("VERB", "AUX")), None) == verb.i:
            return True
    return False


def gone_to(value: str, clause: Clause) -> bool:
    """``value`` is where a verb of going goes ("these days I go to Peckham Pulse", "flew to Porto"): a place
    one goes to is not where one lives (moving there is told by a verb of moving, not of going)."""
    tok = _token(value, clause)
    while tok is not None and tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ not in ("to", "into"):
        return False
    if any(a.dep_ == "prep" and a.lower_ == "from" for a in tok.head.ancestors):
        return True  # a route's end: "the train from Reading to Paddington", "commute from Woking into Waterloo"
    goer = tok.head.head
    while goer.dep_ == "pobj" and goer.head.dep_ == "prep":  # "the train from Reading to Paddington"
        goer = goer.head.head
    # a journey's end: "our flight into Faro", "I catch the 7:10 train to Leeds" (a verb that takes a ride)
    if goer.pos_ in ("VERB", "AUX"):
        return goer.lemma_.lower() in TRAVEL or any(c.dep_ == "dobj" and c.lemma_.lower() in TRANSPORT - {"car"}
                                                    for c in goer.children)
    return goer.lemma_.lower() in TRANSPORT | TRIP_NOUNS


def _token(value: str, clause: Clause) -> Token | None:
    first = value.split()[0].casefold()
    return next((t for t in clause.tokens if t.lower_ == first), None)


def home_subject(clause: Clause) -> bool:
    """The clause's subject is a home ("my flat is in Leeds") or its words say where one lives or comes from."""
    subj = clause.subject
    return subj is not None and subj.lemma_.lower() in HOME_NOUNS or bool(
        re.search(r"\b(?:home|hometown|we\s+live|I\s+live|living|grew\s+up|born|raised|originally)\b", clause.text, re.IGNORECASE))


#: words that make a home noun someone's past or a second home: "my old flat in Leeds", "our holiday cottage in Wales"
_NOT_NOW = frozenset({"old", "former", "previous", "last", "first", "childhood", "holiday", "summer", "weekend", "rental",
                      "student", "parents", "family"})


def owned_home_in(value: str, clause: Clause) -> bool:
    """``value`` is where a home of the user's is: a home noun the user owns ("my", "our", "the new") with "in <value>"
    ("grocery prices around my place in Austin", "the movers dropped the last box at our new place in Leipzig"),
    whatever the clause's subject; not an old, childhood or holiday home ("my old flat in Leeds")."""
    first = value.split()[0].casefold()
    for t in clause.tokens:
        if t.lower_ != first or t.dep_ != "pobj" or t.head.lower_ not in ("in", "near", "outside"):
            continue
        noun = t.head.head
        if noun.lemma_.lower() in HOME_NOUNS and _users_now(noun) \
                and not any(c.dep_ in ("amod", "compound") and c.lower_ in _NOT_NOW for c in noun.children):
            return True
    return False


def _users_now(noun: Token) -> bool:
    """A home noun of the user's: "my"/"our", or "the new" with no other owner ("my first bill at the new address in
    Cork": a new home told by its own words is the user's; "my sister's new address" has an owner)."""
    kids = list(noun.children)
    return has_user_possessor(noun) or (
        any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and any(c.dep_ == "amod" and c.lower_ == "new" for c in kids)
        and not any(c.dep_ == "poss" for c in kids))


#: the years one grows up in, to WordNet (a kind of either, or the same): childhood, boyhood, infancy, adolescence
_YOUNG_YEARS = ("childhood", "adolescence")


def _young_years(t: Token) -> bool:
    """``t`` (or a noun modifying it: "my childhood home") names the years one grows up in."""
    return any(x.pos_ == "NOUN" and any(same_thing(x.lemma_.lower(), k) for k in _YOUNG_YEARS)
               for x in (t, *(c for c in t.children if c.dep_ in ("compound", "amod", "nmod", "poss"))))


def upbringing(v: Token) -> bool:
    """Verb ``v`` tells where one grew up: "grew up in", "Growing up in", "was born / raised / brought up in", or a
    clause over the years one grew up in ("I spent my whole childhood in Leeds", "My childhood home was in Swansea")."""
    lemma, up = v.lemma_.lower(), any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children)
    if lemma == "grow" and up or lemma in ("raise", "bear") and v.tag_ == "VBN" or lemma == "bring" and up \
            and v.tag_ == "VBN":
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "npadvmod", "attr") and _young_years(c) for c in v.children)


def origins_not_homes(found: list[CandidateFact], doc: Doc | None) -> list[CandidateFact]:
    """A home or a trip of the user's told as where the user grew up (:func:`upbringing` on the verb the place hangs
    on) is the user's hometown, not where the user lives now or went ("i grew up in Aberdeen but my last flat …";
    session 29, x29)."""
    if doc is None or not any(f.predicate in ("lives_in", "visited") for f in found):
        return found
    out: list[CandidateFact] = []
    for f in found:
        at = doc.text.casefold().find(f.value.casefold()) if f.subject == "user" and f.predicate in (
            "lives_in", "visited") else -1
        span = doc.char_span(at, at + len(f.value), alignment_mode="expand") if at >= 0 else None
        verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None) if span else None
        if verb is None or not upbringing(verb):
            out.append(f)
        elif not any(g.predicate == "hometown" and g.value.casefold() == f.value.casefold() for g in found + out):
            out.append(f.model_copy(update={"predicate": "hometown", "valid_from": None, "valid_to": None,
                                            "time_text": None, "granularity": "unknown",
                                            "text": f"User hometown: {f.value}."}))
    return out
