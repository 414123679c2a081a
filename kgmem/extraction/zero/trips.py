"""Trips told as stays: a place the user is at for a while is a visit, not a home.

"I'm in Bologna for the week", "Landing in Oslo on Friday", "Spending the week in Marseille":
the proposals and parse readers read a place the user is in as where they live (or come from),
and open facts keep the travel verb ("land_in"). A sentence that says nothing of living, moving
or growing up, but tells of a stay (a bounded time, a travel verb or noun), is a visit: the
place becomes ``visited``. A place the user goes to that is their gym is not a visit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import HYPOTHETICAL
from kgmem.extraction.zero.lexicon import GYM_WORDS
from kgmem.ids import normalise_name
from kgmem.lexicon.people import USER_OBJECTS, USER_SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kgmem.extraction.zero.clauses import Clause

#: words that make a place a home (or a hometown): the fact stands as read
_HOME = re.compile(r"\b(?:liv\w*|moved?|moving|relocat\w*|home|based|settl\w*|resid\w*|apartment|flat|house|condo|"
                   r"rent\w*|lease|neighbou?rhood|address|local|grew|grow\w*|born|raised|hometown|native|originally|"
                   r"childhood|citizen|move|family|parents|new\s+city|years?|since|back\s+(?:in|to|at))\b", re.IGNORECASE)
#: a stay: a bounded time, a travel verb or noun
_STAY = re.compile(r"\b(?:for\s+(?:the|a|two|three|four|five|six|a\s+few|a\s+couple\s+of)\s+(?:\w+\s+)?"
                   r"(?:days?|nights?|weeks?|weekend)|this\s+(?:week|weekend)|till|until|through\s+\w+day|"
                   r"trip|holiday|vacation|visit\w*|stay\w*|land\w*|arriv\w*|fl[yei]\w*|spend\w*|spent|tour\w*|"
                   r"conference|layover|stopover|getaway|sightseeing|explor\w*|wander\w*|right\s+now|at\s+the\s+moment|"
                   r"currently|for\s+now|for\s+a\s+(?:bit|while)|today|tonight|this\s+morning|"
                   r"days?\s+in|nights?\s+in|weekend\s+in|week\s+in)\b", re.IGNORECASE)
#: back from a trip: "I'm just back from Lisbon" says nothing of where the user comes from
RETURN_FROM = re.compile(r"\b(?:back|home|return\w*|got\s+in|flew\s+in|landed)\s+(?:\w+\s+)?from\b", re.IGNORECASE)
#: words that still make it a hometown or a home
_ORIGIN = re.compile(r"\b(?:grew|born|raised|hometown|originally|native|childhood|liv\w*|moved?|relocat\w*)\b",
                     re.IGNORECASE)
#: open predicates of travel ("land_in", "spend_in", "arrive_in", "stay_in", "fly_into")
_TRAVEL_OPEN = re.compile(r"^(?:land|arrive|stay|spend|fly|travel|tour|explore|wander|backpack|sightsee|head|"
                          r"drive|sail|cruise|hike|road_trip|jet|pop|nip|escape|venture|trek)"
                          r"(?:_\w+)?_(?:in|into|to|at|around|through)$")


def _places(doc: Doc | None) -> set[str]:
    if doc is None:
        return set()
    return {normalise_name(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC")}


def trips_not_homes(found: list[CandidateFact], text: str, doc: Doc | None) -> list[CandidateFact]:
    """``found`` with homes told as stays read as visits (see the module docstring)."""
    stay = bool(_STAY.search(text)) and not _HOME.search(text)
    places = _places(doc)
    gyms = {normalise_name(f.value) for f in found if f.subject == "user" and f.predicate == "gym"}
    out: list[CandidateFact] = []
    for f in found:
        if f.subject != "user":
            out.append(f)
            continue
        if f.predicate == "visited" and (normalise_name(f.value) in gyms or GYM_WORDS.search(f.value)):
            continue  # "I've been going to Iron Temple Gym": the gym, not a trip
        travel = bool(_TRAVEL_OPEN.match(f.predicate)) and normalise_name(f.value) in places \
            and not _ORIGIN.search(text)
        back = f.predicate == "hometown" and RETURN_FROM.search(text) and not _ORIGIN.search(text)
        if travel or back or stay and f.predicate in ("lives_in", "hometown"):
            f = f.model_copy(update={"predicate": "visited", "value_type": "place",
                                     "text": f"User visited {f.value}."})
        out.append(f)
    return out


def hyperbole(clause: Clause) -> bool:
    """"The flight home from Oslo nearly broke me", "that climb almost killed us": "nearly" or "almost" on a verb
    done TO the user tells how hard something hit, not that it was unreal; the subject (the flight, the climb) was
    real. Only when those are the clause's only unreal words; "I nearly bought a drone" (the user's own deed) stays
    hypothetical."""
    cues = {m.group(0).casefold() for m in HYPOTHETICAL.finditer(clause.text)}
    head = clause.head
    return bool(cues) and cues <= {"almost", "nearly"} \
        and any(c.dep_ == "advmod" and c.lower_ in cues for c in head.children) \
        and any(c.dep_ == "dobj" and c.lower_ in USER_OBJECTS for c in head.children) \
        and not (clause.subject is not None and clause.subject.lower_ in USER_SUBJECTS)

