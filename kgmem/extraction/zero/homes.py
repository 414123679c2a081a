"""Where the user lives, told apart from the places around it: a home's place, a thing's place, a place gone to.

The meaning stage proposes ``lives_in`` for any clause that sounds like home; these readers of the parse
keep the value only where it is a home's place: not where a thing is ("a small firm in Hove", "the bus
broke down outside Wetherby"), not where a verb of going goes ("these days I go to Peckham Pulse": a
place one goes to is not where one lives). Nouns of a home and of a stay are general English.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import TRAVEL, TRIP_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

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
    if owner.pos_ != "NOUN" or owner.i > prep.i:
        return False  # a named road or area holds the place ("the flat on Cowley Road in Oxford")
    # up the chain of places: "the flat on Cowley Road in Oxford" is a home's place
    chain = [owner]
    while chain[-1].dep_ == "pobj" and chain[-1].head.dep_ == "prep" and len(chain) < 4:
        chain.append(chain[-1].head.head)
    return not any(n.lemma_.lower() in HOME_NOUNS | TRIP_NOUNS | STAY_NOUNS for n in chain)



def gone_to(value: str, clause: Clause) -> bool:
    """``value`` is where a verb of going goes ("these days I go to Peckham Pulse", "flew to Porto"): a place
    one goes to is not where one lives (moving there is told by a verb of moving, not of going)."""
    tok = _token(value, clause)
    while tok is not None and tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into") \
        and tok.head.head.lemma_.lower() in TRAVEL


def _token(value: str, clause: Clause) -> Token | None:
    first = value.split()[0].casefold()
    return next((t for t in clause.tokens if t.lower_ == first), None)


def home_subject(clause: Clause) -> bool:
    """The clause's subject is a home ("my flat is in Leeds") or its words say where one lives or comes from."""
    subj = clause.subject
    return subj is not None and subj.lemma_.lower() in HOME_NOUNS or bool(
        re.search(r"\b(?:home|hometown|we\s+live|I\s+live|living|grew\s+up|born|raised|originally)\b", clause.text, re.IGNORECASE))
