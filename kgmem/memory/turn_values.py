"""One turn, one new value per slot: the values a single turn gives a single-valued slot (session 19, oe19).

A turn that tells a change often names the old value beside the new one ("I get to work on an e-scooter
now; no more on foot", "it's $2300 monthly now instead of $1850", "traded in my Pixel 7 toward the
Pixel 9"), and extraction may read both. Both come from the same turn, so time cannot order them, and
the chain would hang on which fact id sorts first. The slot's held value is what the turn moves away
from: when a turn gives a slot its held value and another one, the held value is the old one said in
passing, and only the other is the turn's news. Two readings of one value in a turn that differ only by
an article ("on an e-scooter" / "on e-scooter") are one value: the fuller one is kept.

A pure function of the candidates and the slot values held before the session: no store, no model.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.ids import normalise_name
from kgmem.predicates import is_single_valued

if TYPE_CHECKING:
    from kgmem.memory.entities import EntityResolver
    from kgmem.models import Fact

#: articles and determiners that do not change a value ("on an e-scooter" is "on e-scooter")
_ARTICLES = re.compile(r"\b(?:a|an|the|my|our)\b")


def bare_value(value: str) -> str:
    """A value without case, accents, punctuation and articles."""
    return re.sub(r"\s+", " ", _ARTICLES.sub(" ", normalise_name(value))).strip()


def news_of_turns(candidates: Sequence[CandidateFact],
                  held: Callable[[str, str], set[str]]) -> list[CandidateFact]:
    """``candidates`` without the held values a turn names beside a new value of the same slot, and
    without the shorter readings of one value of a slot in one turn. ``held(subject, predicate)``: the
    bare forms (:func:`bare_value`) of the slot's current values before this session."""
    groups: dict[tuple[str, str, int], list[CandidateFact]] = defaultdict(list)
    for c in candidates:
        if is_single_valued(c.predicate) and c.source_turns:
            groups[(normalise_name(c.subject), c.predicate, min(c.source_turns))].append(c)
    dropped: set[int] = set()
    for (_, predicate, _), group in groups.items():
        if len({bare_value(c.value) for c in group}) < 2 and len({c.value for c in group}) < 2:
            continue
        old = held(group[0].subject, predicate)
        fresh = [c for c in group if bare_value(c.value) not in old]
        if old and fresh and len(fresh) < len(group):
            dropped.update(id(c) for c in group if bare_value(c.value) in old)
        kept: dict[str, CandidateFact] = {}
        for c in fresh or group:  # one reading per value: the fullest
            key = bare_value(c.value)
            if key not in kept or len(c.value) > len(kept[key].value):
                if key in kept:
                    dropped.add(id(kept[key]))
                kept[key] = c
            else:
                dropped.add(id(c))
    return [c for c in candidates if id(c) not in dropped]


def held_by(resolver: EntityResolver, slots: Mapping[tuple[str, str], Mapping[str, Fact]]) -> Callable[[str, str], set[str]]:
    """The ``held`` of :func:`news_of_turns` over a manager's stored slots (before this session)."""
    def held(subject: str, predicate: str) -> set[str]:
        ent = resolver.user if normalise_name(subject) == "user" else resolver.lookup(subject)
        slot = slots.get((ent.id, predicate), {}) if ent is not None else {}
        return {bare_value(f.value or "") for f in slot.values() if f.invalid_at is None}
    return held
