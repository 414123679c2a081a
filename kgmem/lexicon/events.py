"""Event roles: the points of a user's activity a line can tell (started, finished, signed up,
bought, sold, moved, visited, attended, adopted, cancelled) and the words that carry each.

Data: ``kgmem/resources/lexicon/event_roles.json`` (lemmas or surface forms, phrases allowed); the
cancel role's words come from the one called-off lexicon (``called_off.json``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kgmem import packaged
from kgmem.lexicon import called_off


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = packaged.json_data("lexicon", "event_roles.json")
    return data


def event_roles() -> dict[str, tuple[str, ...]]:
    """Each role and the words that carry it ("finish": "finished", "wrapped up", "last day" …).
    The cancel role's words are the called-off lexicon's (:mod:`kgmem.lexicon.called_off`: its
    predicates whose bare word says nothing else, as a line says them), less a word that carries
    another role ("quit" and "gave up" start an abstinence)."""
    roles = {role: tuple(words) for role, words in _data()["roles"].items()}
    other = {w for words in roles.values() for w in words}
    roles["cancel"] = tuple(w for p in sorted(called_off.predicates(bare_only=True))
                            if not set(forms := called_off.forms(p)) & other for w in forms)
    return roles


def distinct_roles() -> frozenset[str]:
    """Roles that name which point of an activity is meant: a question naming one must match it."""
    return frozenset(_data()["distinct"])
