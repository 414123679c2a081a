"""Fill a proposed predicate's value by its type, from the clause's parse and named entities.

Each registry predicate declares a value kind (:attr:`kgmem.predicates.Predicate.value_kind`):
a place (GPE/LOC, or a proper noun after in/to/from), an organisation (ORG, or a proper noun
after at/for/with/by/join), a person's name, a pet species, money, a number, a race time, a
title, an event, an item (the verb's object phrase), an activity, and a few closed kinds read
from the lexicon (instrument, language, diet, commute mode, relationship status, job title).
A proposal whose clause holds no value of the right kind yields no fact: this is the main
precision control of meaning-based proposals.
"""

from __future__ import annotations

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import FAMILY, INSTRUMENTS, LANGUAGES, PARTNERS, PEOPLE_NOUNS
from kgmem.extraction.zero.value_parse import Filler, Value
from kgmem.extraction.zero.values_amounts import (
    fill_age,
    fill_commute,
    fill_count,
    fill_diet,
    fill_money,
    fill_phone_number,
    fill_race_time,
    fill_relationship,
    fill_status,
    fill_weight,
    fill_when,
)
from kgmem.extraction.zero.values_items import (
    fill_activity,
    fill_allergen,
    fill_device,
    fill_event,
    fill_item,
    fill_job,
    fill_vehicle,
    lexicon_filler,
)
from kgmem.extraction.zero.values_names import (
    fill_employer,
    fill_gym,
    fill_org,
    fill_person,
    fill_pet,
    fill_pet_name,
    fill_place,
    fill_title,
    fill_where,
)

FILLERS: dict[str, Filler] = {
    "place": fill_place, "org": fill_org, "gym": fill_gym, "employer": fill_employer, "person": fill_person(None), "family": fill_person(FAMILY),
    "partner": fill_person(PARTNERS | {"date", "marry", "married"}), "friend": fill_person(frozenset({"friend", "buddy", "pal"})),
    "pet_name": fill_pet_name, "pet": fill_pet, "money": fill_money, "age": fill_age, "books": fill_count("book"),
    "race_time": fill_race_time, "weight": fill_weight, "phone_number": fill_phone_number, "item": fill_item,
    "title": fill_title, "event": fill_event, "activity": fill_activity, "instrument": lexicon_filler(INSTRUMENTS),
    "language": lexicon_filler(LANGUAGES, capital=True), "job": fill_job, "vehicle": fill_vehicle, "device": fill_device,
    "diet": fill_diet, "status": fill_relationship, "commute": fill_commute,
    "allergen": fill_allergen, "when": fill_when, "where": fill_where, "state": fill_status, "name": fill_person(None),
}


def fill(kind: str, clause: Clause) -> list[Value]:
    """Values of ``kind`` in ``clause`` (best first; empty when the clause holds none)."""
    filler = FILLERS.get(kind)
    if filler is None:
        return []
    out = filler(clause)
    # a people noun is no name, place or thing ("my brother"), but it is a job ("I'm a nurse")
    return [v for v in out if v[0] and (kind == "job" or v[0].lower() not in PEOPLE_NOUNS)]
