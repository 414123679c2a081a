"""The predicate registry: the relation vocabulary facts are normalised to.

Each predicate has a value type and says whether it is *single-valued* (a newer value for the same
subject supersedes the older one: where you live, where you work) or *multi-valued* (values
accumulate: things bought, places visited). The memory manager, the extractor, the synthetic
benchmark's gold facts and the retrieval planner all use this one registry.

Extraction may produce predicates outside the registry (free text, lower_snake_case); those are
treated as multi-valued and never supersede anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ValueType = Literal["entity", "person", "place", "org", "item", "text", "number", "date", "money"]


@dataclass(frozen=True)
class Predicate:
    name: str
    value_type: ValueType
    single_valued: bool
    description: str
    #: extra words a question may use for this relation (helps the planner; never exhaustive)
    cues: tuple[str, ...] = field(default=())


_PREDICATES: tuple[Predicate, ...] = (
    # -- slots that change over time (single-valued: new value supersedes old) -----------------
    Predicate("lives_in", "place", True, "city or place the user lives in", ("live", "home", "moved", "reside")),
    Predicate("works_at", "org", True, "the user's employer", ("work", "job", "employer", "company")),
    Predicate("job_title", "text", True, "the user's role or position", ("role", "position", "title")),
    Predicate("drives", "item", True, "the car/vehicle the user drives", ("car", "vehicle", "drive")),
    Predicate("phone", "item", True, "the user's phone model", ("phone",)),
    Predicate("relationship_status", "text", True, "single / dating / engaged / married", ("partner", "married", "engaged")),
    Predicate("partner_name", "person", True, "name of the user's partner", ("partner", "girlfriend", "boyfriend", "wife", "husband")),
    Predicate("favourite_food", "item", True, "favourite food or cuisine", ("favorite food", "favourite food", "cuisine")),
    Predicate("favourite_drink", "item", True, "favourite drink", ("coffee", "drink", "tea")),
    Predicate("favourite_music", "item", True, "favourite band, artist or genre", ("music", "band", "artist", "genre")),
    Predicate("favourite_sport", "item", True, "favourite sport or team", ("sport", "team")),
    Predicate("diet", "text", True, "the user's diet (vegetarian, vegan, keto…)", ("diet", "vegetarian", "vegan")),
    Predicate("gym", "org", True, "gym or club the user goes to", ("gym", "club")),
    Predicate("commute", "text", True, "how the user commutes", ("commute",)),
    Predicate("pet_name", "person", True, "name of the user's pet", ("pet", "dog", "cat")),
    Predicate("hometown", "place", True, "where the user grew up", ("grew up", "hometown")),
    Predicate("age", "number", True, "the user's age", ("old", "age")),
    Predicate("salary", "money", True, "the user's salary", ("salary", "earn", "paid")),
    Predicate("rent", "money", True, "the user's monthly rent", ("rent",)),
    Predicate("weight", "number", True, "the user's body weight", ("weigh", "weight")),
    Predicate("running_pb", "text", True, "the user's personal best time", ("personal best", "record", "pb")),
    Predicate("reading_goal", "number", True, "books the user aims to read", ("goal",)),
    # -- things that accumulate (multi-valued) -----------------------------------------------
    Predicate("has_pet", "item", False, "a pet the user has (species)", ("pet",)),
    Predicate("bought", "item", False, "something the user bought", ("buy", "bought", "purchase", "got")),
    Predicate("visited", "place", False, "a place the user travelled to", ("visit", "trip", "travel", "went")),
    Predicate("read_book", "item", False, "a book the user read", ("book", "read")),
    Predicate("watched", "item", False, "a film or show the user watched", ("watch", "movie", "film", "show")),
    Predicate("attended", "item", False, "an event the user attended", ("attend", "concert", "wedding", "conference", "event")),
    Predicate("hobby", "item", False, "a hobby or activity the user does", ("hobby", "activity")),
    Predicate("plays_instrument", "item", False, "an instrument the user plays", ("instrument", "play")),
    Predicate("speaks_language", "item", False, "a language the user speaks or learns", ("language", "speak", "learn")),
    Predicate("friend", "person", False, "a friend of the user", ("friend",)),
    Predicate("family_member", "person", False, "a relative of the user", ("sister", "brother", "mom", "dad", "mother", "father", "cousin")),
    Predicate("likes", "item", False, "something the user likes or prefers", ("like", "love", "prefer", "enjoy")),
    Predicate("dislikes", "item", False, "something the user dislikes or avoids", ("dislike", "hate", "avoid")),
    Predicate("allergic_to", "item", False, "an allergy of the user", ("allergic", "allergy")),
    Predicate("spent", "money", False, "money the user spent on something", ("spend", "spent", "cost", "paid")),
    Predicate("event", "text", False, "a dated event in the user's life", ("happen", "when")),
    Predicate("owns", "item", False, "something the user owns", ("own", "have")),
    # -- said by the assistant ------------------------------------------------------------
    Predicate("assistant_recommended", "item", False, "something the assistant recommended", ("recommend", "suggest")),
    Predicate("assistant_stated", "text", False, "a fact the assistant stated", ("you said", "you told", "you mentioned")),
)

REGISTRY: dict[str, Predicate] = {p.name: p for p in _PREDICATES}


def get(name: str) -> Predicate | None:
    return REGISTRY.get(name)


def is_single_valued(name: str) -> bool:
    """True when a newer value for the same subject supersedes the older (unknown → False)."""
    p = REGISTRY.get(name)
    return bool(p and p.single_valued)


def names() -> list[str]:
    return list(REGISTRY)
