"""People nouns: the words that name people around the speaker ("my sister", "a friend of
mine", "the landlord", "my godson"), and the pets a speaker calls "my X".

Data: ``kgmem/resources/lexicon/people.json`` (kin, partners and former partners, social, roles, generic person
words, kin prefixes, pets, the spellings of one relation), and the titles and abbreviations written with a full stop inside a
name ("Dr. Okafor", "St. Brigid's").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from kgmem import packaged

#: the speaker (the user) as a subject: "I moved", "we adopted a cat"
USER_SUBJECTS = frozenset({"i", "we"})
#: the speaker as an object: "Acme hired me", "she drove us"
USER_OBJECTS = frozenset({"me", "us"})
#: the speaker's possessive determiners: "my rent", "our flat"
USER_POSSESSIVES = frozenset({"my", "our"})
#: the speaker's possessive pronouns: "a friend of mine", "the blue one is ours"
USER_OWN = frozenset({"mine", "ours"})
#: the speaker's reflexives: "treated myself to", "we taught ourselves"
USER_REFLEXIVES = frozenset({"myself", "ourselves"})
#: the speaker alone, never a group, in a coordination: "Sam and I", "my wife and me"
USER_SINGULAR = frozenset({"i", "me"})
#: the speaker (the user) as a subject or an object: whose a line is when no one else is named
USER_PRONOUNS = USER_SUBJECTS | USER_OBJECTS
#: a third person as a subject or an object ("he drove me", "we told her")
THIRD_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: a word by which a phrase speaks of the speaker or the one spoken to ("my friends bring cheesecake to", "give me
#: a rainy afternoon"): such a phrase is no thing the user likes
PERSONAL_WORD = re.compile(r"\b(?:i|me|my|we|us|our|you|your)\b", re.I)


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    raw: dict[str, Any] = packaged.json_data("lexicon", "people.json")
    return raw


@lru_cache(maxsize=1)
def _data() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in _raw().items() if isinstance(v, list)}


@lru_cache(maxsize=1)
def kin_spellings() -> Mapping[str, str]:
    """One word for each relation however it is written: each other spelling → its canonical word ("mum" →
    "mother", "nana" → "grandmother", "hubby" → "husband"); the canonical words themselves are not keys."""
    table: dict[str, list[str]] = _raw()["kin_spellings"]
    return MappingProxyType({other: word for word, others in table.items() for other in others})


def words(*kinds: str) -> frozenset[str]:
    """The nouns of the named kinds ("kin": one named relative; "kin_groups": "parent", "kids", "baby", "family";
    "partners", "former", "social", "roles" (teacher, landlord), "clientele" (client, tenant), "services" (plumber, physio),
    "generic", "pets")."""
    d = _data()
    return frozenset(w for k in kinds for w in d[k])


@lru_cache(maxsize=1)
def own_life_people() -> frozenset[str]:
    """People with lives of their own around the speaker (kin, partners and former ones, friends), not a
    role or a service that serves the user ("my landlord emailed", "the plumber came" tell the user's own)."""
    return words("kin", "kin_groups", "partners", "former", "social")


@lru_cache(maxsize=1)
def relation_words() -> tuple[str, ...]:
    """People and pets a speaker calls "my X", longest first (a name right after one is theirs:
    "my stepmum Petra", "our puppy Biscuit")."""
    return tuple(sorted(words("kin", "kin_groups", "partners", "former", "social", "roles", "clientele", "services", "pets"), key=len, reverse=True))


@lru_cache(maxsize=4096)
def people_noun(word: str) -> bool:
    """A noun (a lemma or a plural) naming people, not pets: a listed one, an in-law, or a kin
    prefix on one ("godson", "step-daughter", "ex-husband", "great-grandmother")."""
    w = word.lower().strip()
    people = words("kin", "kin_groups", "partners", "former", "social", "roles", "clientele", "services", "generic")
    if w in people or w.rstrip("s") in people or w.endswith("-in-law") or w.endswith("-in-laws"):
        return True
    for prefix in sorted(_data()["kin_prefixes"], key=len, reverse=True):
        rest = w[len(prefix):].lstrip("-")
        if w.startswith(prefix) and rest and rest != w and (rest in people or rest.rstrip("s") in people):
            return True
    return False


def titles() -> tuple[str, ...]:
    """Titles before a person's name ("Mr", "Dr", "Prof", "Dame"), longest first."""
    return tuple(sorted(_data()["titles"], key=len, reverse=True))


def abbreviations() -> tuple[str, ...]:
    """Abbreviations that end in a full stop inside a name or a phrase ("St", "Mt", "Jr", "vs") and the
    titles written short, longest first: a full stop after one ends no sentence. A title is short when it
    has no vowel ("Mr", "Dr", "Mx") or heads a longer title ("Prof"); one written whole ("Sir", "Miss",
    "Dame") ends a sentence like any word ("We call him Sir. He loves it.")."""
    whole = titles()
    short = {t for t in whole if not set(t.lower()) & set("aeiouy") or any(o != t and o.startswith(t) for o in whole)}
    return tuple(sorted(set(_data()["abbreviations"]) | short, key=len, reverse=True))
