"""The relation a question names decides a person slot its wording came near.

"What's my daughter's name?" is closest, as a whole, to the bank's "What's my wife's name?" (the
``partner_name`` slot): the two differ in one word, and that word is the question. The relation noun
after "my"/"our" is read with :mod:`kgmem.lexicon.people`: a kin noun (daughter, stepson, gran, the
kids) asks for a relative (``family_member``), a partner noun keeps ``partner_name``.

"What's my apartment number?" is as near "Where's my apartment?" (``lives_in``): a thing's number
("my flat number", "my locker number", "the number of my room") is the thing's label, no slot of a
home or a phone; only a phone's number is the phone's.
"""

from __future__ import annotations

import re

from kgmem.lexicon.people import people_noun, words
from kgmem.retrieval.question import label_number

#: the words after "my"/"our": the noun, or a describing word and the noun ("my eldest daughter's")
_MY_WORDS = re.compile(r"\b(?:my|our)\s+([a-z][a-z-]*)(?:['’]s|s['’])?(?:\s+([a-z][a-z-]*?)(?:['’]s|s['’])?)?(?=\W|$)", re.I)


def _kin(noun: str) -> bool:
    """A relative, not a partner or a former one, a friend or a role: "daughter", "stepson", "in-laws"."""
    n = noun.lower()
    if n in words("partners", "former") or n.rstrip("s") in words("partners", "former"):
        return False
    if n in words("kin", "kin_groups") or n.rstrip("s") in words("kin", "kin_groups") or n.endswith("-in-law"):
        return True
    # a kin prefix on a relative ("stepdaughter", "grandson"), not on a partner ("ex-wife")
    return people_noun(n) and not any(n.endswith(p) for p in words("partners", "former", "social", "roles", "clientele", "services",
                                                                    "generic"))


def relation_slot(q: str, slot: str | None) -> str | None:
    """``slot``, or ``family_member`` where a ``partner_name`` question names a relative and no partner."""
    if slot != "partner_name":
        return slot
    nouns = [w for m in _MY_WORDS.finditer(q) for w in m.groups() if w]
    if any(n.lower() in words("partners") for n in nouns):
        return slot
    return "family_member" if any(_kin(n) for n in nouns) else slot


#: "my <noun> number" (a describing word allowed: "my hotel room number")
_NOUN_NUMBER = re.compile(r"\b(?:my|our|the)\s+(?:[a-z-]+\s+)?([a-z-]+)\s+(?:number\b|no\b\.?|#)(?!\s+of\b)", re.I)


def label_slot(q: str, slot: str | None, phone_words: frozenset[str]) -> str | None:
    """``slot``, or ``None`` where the question asks a thing's number ("my apartment number"), not a phone's."""
    return None if slot is not None and label_noun(q, phone_words) is not None else slot


_NUMBER_OF_MY = re.compile(r"\bnumber\s+of\s+(?:my|our|the)\s+(?:[a-z-]+\s+)?([a-z-]+)\b", re.I)


def label_noun(q: str, phone_words: frozenset[str]) -> str | None:
    """The thing whose number (label) the question asks ("apartment" in "What's my apartment number?", "flat" in
    "the number of my flat"), a phone's number not (``phone_words``, the phone slot's: "my mobile number")."""
    m = _NOUN_NUMBER.search(q)
    if m is not None:
        return None if m.group(1).lower() in phone_words else m.group(1).lower()
    m = _NUMBER_OF_MY.search(q)
    return m.group(1).lower() if m is not None and label_number(q) else None

