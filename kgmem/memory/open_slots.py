"""Slot identity for open attributes of other people and things ("attr:wifi_password").

An open attribute is named by the words of one statement, so a later statement may name the same slot in
other words or split the owner from the attribute differently: "Gran's blood pressure dose" then "Gran's
dose", "the gate for Nadia's flight" then "Nadia's flight gate", "the wifi password at the cabin" then
"the cabin wi-fi password". A candidate of an open attribute is given the slot memory holds when:

- the same entity holds an open attribute whose words are a part of the candidate's, or the other way round
  ("blood pressure dose" / "dose"), or mean the same (MiniLM cosine >= :data:`SAME_ENTITY`: "locker" /
  "locker number"; not "sort code" / "account number", 0.61, nor "bedtime" / "wake up time", 0.59); or
- another entity holds one and the whole phrases (owner and attribute) mean the same (cosine >=
  :data:`OTHER_ENTITY`), with the same proper names ("Nadia flight gate" / "Nadia flight gate", never
  "Milo shoe size" / "Ollie shoe size");

and the two values are of one type (both hold a digit, or neither does: "scratch that, 13" is a new value of
a number slot, "lates" is not). The best one is taken by cosine; two that fit
equally well ("size" when the entity holds a shoe size and a hat size) are none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from kgmem.extraction.schema import CandidateFact
from kgmem.ids import normalise_name
from kgmem.memory.entities import EntityResolver
from kgmem.models import Entity, Fact
from kgmem.predicates import attribute_words, is_open_attribute

Embed = Callable[[Sequence[str]], np.ndarray]
#: cosine of two attributes' words on one entity that names one slot
SAME_ENTITY = 0.7
#: cosine of two (owner + attribute) phrases on two entities that names one slot
OTHER_ENTITY = 0.8
Slots = Mapping[tuple[str, str], Mapping[str, Fact]]


def _digit(value: str) -> bool:
    return bool(re.search(r"\d", value))


def _proper(name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in re.findall(r"\b[A-Z][\w'-]*", name))


def _said_within(fact: Fact, owner: str, words: set[str]) -> bool:
    """The attribute words ``fact``'s statement ("Milo shoe size: 11.") said are a part of ``words``, or
    the other way round (a slot named by fewer words holds values said of one attribute only)."""
    head = fact.text.split(":", 1)[0].casefold()
    said = set(re.findall(r"[a-z0-9]+", head)) - set(re.findall(r"[a-z0-9]+", owner.casefold()))
    return not said or said <= words or words <= said


def _cos(embed: Embed | None, a: str, b: str) -> float:
    if embed is None:
        return 1.0 if normalise_name(a) == normalise_name(b) else 0.0
    va, vb = np.asarray(embed([a, b]), dtype=np.float32)
    return float(va @ vb / ((np.linalg.norm(va) * np.linalg.norm(vb)) or 1.0))


def held_slot(subject: str, predicate: str, value: str, own: Entity | None, user_id: str,
              entities: Callable[[str], Entity | None], slots: Slots, embed: Embed | None) -> tuple[str, str] | None:
    """(entity id, predicate) of the open slot memory holds that a candidate (``subject``'s
    ``predicate`` = ``value``; ``own``: the entity its name resolves to, if known) names, else None."""
    words = attribute_words(predicate)
    if not words:
        return None
    if own is not None and any(f.invalid_at is None for f in slots.get((own.id, predicate), {}).values()):
        return None  # its own name holds the slot
    fitting: list[tuple[float, tuple[str, str]]] = []
    for (eid, pred), facts in slots.items():
        if eid == user_id or not is_open_attribute(pred) or (own is not None and eid == own.id and pred == predicate):
            continue
        current = [f for f in facts.values() if f.invalid_at is None and f.value]
        if not current or _digit(current[-1].value or "") != _digit(value):
            continue
        held = attribute_words(pred)
        if own is not None and eid == own.id:
            a, b = set(held.split()), set(words.split())
            if a < b and not _said_within(current[-1], own.name, b):
                continue  # "Milo's hat size" is not the "size" slot that holds his shoe size
            score = 1.0 if a <= b or b <= a else _cos(embed, held, words)
            ok = score >= SAME_ENTITY
        else:
            ent = entities(eid)
            if ent is None or _proper(ent.name) != _proper(subject):
                continue
            score = _cos(embed, f"{ent.name} {held}", f"{subject} {words}")
            ok = score >= OTHER_ENTITY
        if ok:
            fitting.append((score, (eid, pred)))
    fitting.sort(key=lambda f: -f[0])
    if len(fitting) > 1 and fitting[0][0] == fitting[1][0]:
        return None  # "his size is 12" when he has a shoe size and a hat size: which one is not said
    return fitting[0][1] if fitting else None


def open_subject(resolver: EntityResolver, cand: CandidateFact, slots: Slots,
                 embed: Embed | None) -> tuple[Entity, CandidateFact] | None:
    """The entity and the candidate under the open slot memory holds that ``cand`` names (:func:`held_slot`)."""
    if not is_open_attribute(cand.predicate):
        return None
    found = held_slot(cand.subject, cand.predicate, cand.value, resolver.lookup(cand.subject), resolver.user.id,
                      resolver.entity, slots, embed)
    held = resolver.entity(found[0]) if found is not None else None
    if found is None or held is None:
        return None
    return held, cand.model_copy(update={"predicate": found[1]})
