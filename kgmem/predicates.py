"""The predicate registry: the relation vocabulary facts are normalised to.

Each predicate has a value type and says whether it is *single-valued* (a newer value for the same
subject supersedes the older one: where you live, where you work) or *multi-valued* (values
accumulate: things bought, places visited). The memory manager, the extractor, the synthetic
benchmark's gold facts and the retrieval planner all use this one registry.

Extraction may produce predicates outside the registry (free text, lower_snake_case); those are
treated as multi-valued and never supersede anything.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from kgmem import packaged

ValueType = Literal["entity", "person", "place", "org", "item", "text", "number", "date", "money"]


@dataclass(frozen=True)
class Predicate:
    name: str
    value_type: ValueType
    single_valued: bool
    description: str
    #: extra words a question may use for this relation (helps the planner; never exhaustive)
    cues: tuple[str, ...] = field(default=())
    #: how the zero-LLM tier fills the value from a clause (kgmem.extraction.zero.values.FILLERS):
    #: place, org, employer, person/family/partner/friend, pet, money, number kinds, item, title…
    kind: str = "item"


_PREDICATES: tuple[Predicate, ...] = (
    # -- slots that change over time (single-valued: new value supersedes old) -----------------
    Predicate("lives_in", "place", True, "city or place the user lives in", ("live", "home", "moved", "reside"), kind="place"),
    Predicate("works_at", "org", True, "the user's employer", ("work", "job", "employer", "company"), kind="employer"),
    Predicate("job_title", "text", True, "the user's role or position", ("role", "position", "title"), kind="job"),
    Predicate("drives", "item", True, "the car/vehicle the user drives", ("car", "vehicle", "drive"), kind="vehicle"),
    Predicate("phone", "item", True, "the user's phone model", ("phone",), kind="device"),
    Predicate("phone_number", "text", True, "the user's phone number", ("number", "phone number", "reach me"),
              kind="phone_number"),
    Predicate("relationship_status", "text", True, "single / dating / engaged / married", ("partner", "married", "engaged"), kind="status"),
    Predicate("partner_name", "person", True, "name of the user's partner", ("partner", "girlfriend", "boyfriend", "wife", "husband"), kind="partner"),
    Predicate("favourite_food", "item", True, "favourite food or cuisine", ("favorite food", "favourite food", "cuisine"), kind="item"),
    Predicate("favourite_drink", "item", True, "favourite drink", ("coffee", "drink", "tea"), kind="item"),
    Predicate("favourite_music", "item", True, "favourite band, artist or genre", ("music", "band", "artist", "genre"), kind="item"),
    Predicate("favourite_sport", "item", True, "favourite sport or team", ("sport", "team"), kind="item"),
    Predicate("diet", "text", True, "the user's diet (vegetarian, vegan, keto…)", ("diet", "vegetarian", "vegan"), kind="diet"),
    Predicate("gym", "org", True, "gym or club the user goes to", ("gym", "club"), kind="gym"),
    Predicate("commute", "text", True, "how the user commutes", ("commute",), kind="commute"),
    Predicate("pet_name", "person", True, "name of the user's pet", ("pet", "dog", "cat"), kind="pet_name"),
    Predicate("hometown", "place", True, "where the user grew up", ("grew up", "hometown"), kind="place"),
    Predicate("age", "number", True, "the user's age", ("old", "age"), kind="age"),
    Predicate("salary", "money", True, "the user's salary", ("salary", "earn", "paid"), kind="money"),
    Predicate("rent", "money", True, "the user's monthly rent", ("rent",), kind="money"),
    Predicate("weight", "number", True, "the user's body weight", ("weigh", "weight"), kind="weight"),
    Predicate("running_pb", "text", True, "the user's personal best time", ("personal best", "record", "pb"), kind="race_time"),
    Predicate("reading_goal", "number", True, "books the user aims to read", ("goal",), kind="books"),
    # -- things that accumulate (multi-valued) -----------------------------------------------
    Predicate("has_pet", "item", False, "a pet the user has (species)", ("pet",), kind="pet"),
    Predicate("bought", "item", False, "something the user bought", ("buy", "bought", "purchase", "got"), kind="item"),
    Predicate("visited", "place", False, "a place the user travelled to", ("visit", "trip", "travel", "went"), kind="place"),
    Predicate("read_book", "item", False, "a book the user read", ("book", "read"), kind="title"),
    Predicate("watched", "item", False, "a film or show the user watched", ("watch", "movie", "film", "show"), kind="title"),
    Predicate("attended", "item", False, "an event the user attended", ("attend", "concert", "wedding", "conference", "event"), kind="event"),
    Predicate("hobby", "item", False, "a hobby or activity the user does", ("hobby", "activity"), kind="activity"),
    Predicate("plays_instrument", "item", False, "an instrument the user plays", ("instrument", "play"), kind="instrument"),
    Predicate("speaks_language", "item", False, "a language the user speaks or learns", ("language", "speak", "learn"), kind="language"),
    Predicate("friend", "person", False, "a friend of the user", ("friend",), kind="friend"),
    Predicate("family_member", "person", False, "a relative of the user", ("sister", "brother", "mom", "dad", "mother", "father", "cousin"), kind="family"),
    Predicate("likes", "item", False, "something the user likes or prefers", ("like", "love", "prefer", "enjoy"), kind="item"),
    Predicate("dislikes", "item", False, "something the user dislikes or avoids", ("dislike", "hate", "avoid"), kind="item"),
    Predicate("allergic_to", "item", False, "an allergy of the user", ("allergic", "allergy"), kind="allergen"),
    Predicate("spent", "money", False, "money the user spent on something", ("spend", "spent", "cost", "paid"), kind="money"),
    Predicate("event", "text", False, "a dated event in the user's life", ("happen", "when"), kind="text"),
    Predicate("owns", "item", False, "something the user owns", ("own", "have"), kind="item"),
    # -- attributes of other entities (people, meetings, orders, teams…), read by the zero-LLM
    #    tier's entity reader; single-valued, so a correction supersedes the old value. No question cues: the planner
    #    leaves them to vector and keyword search (their fact texts name the entity) -------------
    Predicate("scheduled_for", "text", True, "when something happens (day, date, time)", (),
              kind="when"),
    Predicate("due_date", "text", True, "when something is due (deadline)", (), kind="when"),
    Predicate("venue", "place", True, "where something takes place or is (venue, room, address)",
              (), kind="where"),
    Predicate("status", "text", True, "the state of an order, ticket, application, claim or repair",
              (), kind="state"),
    Predicate("person_in_charge", "person", True, "who leads, owns, manages, teaches or is the contact for it",
              (), kind="person"),
    Predicate("amount", "money", True, "a price, cost, quote or budget", (),
              kind="money"),
    Predicate("provider", "org", True, "the company providing a service", (), kind="org"),
    Predicate("name", "person", True, "what someone or something is called", (), kind="name"),
    # -- said by the assistant ------------------------------------------------------------
    Predicate("assistant_recommended", "item", False, "something the assistant recommended", ("recommend", "suggest"), kind="item"),
    Predicate("assistant_stated", "text", False, "a fact the assistant stated", ("you said", "you told", "you mentioned"), kind="text"),
)

REGISTRY: dict[str, Predicate] = {p.name: p for p in _PREDICATES}


def get(name: str) -> Predicate | None:
    return REGISTRY.get(name)


#: the prefix of an open attribute of another person or thing ("attr:shoe_size"): a slot the registry has
#: no name for, single-valued (kgmem.extraction.zero.entity_open)
OPEN_ATTRIBUTE = "attr:"


def is_open_attribute(name: str) -> bool:
    """An open attribute of another person or thing ("attr:wifi_password")."""
    return name.startswith(OPEN_ATTRIBUTE) and len(name) > len(OPEN_ATTRIBUTE)


def attribute_words(name: str) -> str:
    """The words of an open attribute ("attr:wifi_password" → "wifi password"); "" for any other predicate."""
    return name[len(OPEN_ATTRIBUTE):].replace("_", " ") if is_open_attribute(name) else ""


def is_single_valued(name: str) -> bool:
    """True when a newer value for the same subject supersedes the older (unknown → False; an open
    attribute of another person or thing → True)."""
    p = REGISTRY.get(name)
    return bool(p and p.single_valued) or is_open_attribute(name)


#: the user's slots whose earlier value may be told in passing ("back when I lived in Leeds", "my old Honda Civic"):
#: stored as history, never as the current value (kgmem.extraction.zero.past_values, kgmem.memory.past_values)
EARLIER_VALUE_SLOTS = frozenset({"lives_in", "works_at", "job_title", "drives", "phone", "gym", "diet",
                                 "partner_name", "commute"})


def told_as_earlier(predicate: str, valid_from: datetime | None, valid_to: datetime | None) -> bool:
    """A statement of an earlier value: a slot of :data:`EARLIER_VALUE_SLOTS` held until ``valid_to``, its start
    unknown (no reader of these slots gives ``valid_to`` otherwise)."""
    return predicate in EARLIER_VALUE_SLOTS and valid_to is not None and valid_from is None


def names() -> list[str]:
    return list(REGISTRY)


@functools.cache
def _value_kinds() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in packaged.entries("predicates", "value_kinds.json").items()}


def declared_kinds(name: str) -> tuple[str, ...]:
    """The WordNet nouns a predicate's value may be a kind of (``resources/predicates/value_kinds.json``; the first
    the narrowest: a drink is a beverage, and WordNet files drinks under food too), or ``()``."""
    return _value_kinds().get(name, ())
