"""Whether a liked thing clashes with a constraint (a diet, an allergy, a condition or a refusal): named by it,
close to it in meaning, or one of its members by kind ("prawn linguine" for shellfish; pf16). Split from
:mod:`kgmem.answer.pref_reasons`, whose restrictions it reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

import numpy as np

from kgmem import knowledge
from kgmem.answer.pref_domains import bank
from kgmem.answer.pref_reasons import Restriction


def _kept_out_by(diet: str) -> tuple[str, ...]:
    """What a diet keeps out by its definition ("vegetarian": meat and fish; "lactose": dairy and milk)."""
    return _kept_out_bank().get(diet.lower(), ())


@cache
def _kept_out_bank() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in bank().get("kept_out", {}).items()}


#: the least cosine of a liked thing to a kept-out thing for the like to clash with the constraint
CLASH_FLOOR = 0.45
_FREE = re.compile(r"-free\b|\bfree\s+of\b|\bwithout\b|\bno\b|\bvegan\b|\bvegetarian\b|\bveggie\b", re.I)


def clashes(likes: Sequence[str], kept_out: Sequence[Restriction],
            embed: Callable[[list[str]], np.ndarray | None]) -> list[bool]:
    """Per liked thing: whether a constraint keeps it out ("cheese" for a lactose-intolerant user,
    "steak" for a vegetarian): a diet's kept-out thing names it or is close to it in meaning; a thing
    the user refuses only where the like names what sets it apart ("horror movies" keeps out "horror
    films", not "heist movies": the kind both share is no clash). A like that already honours the
    constraint ("vegan cheesecake") does not clash."""
    targets = [t for r in kept_out if r.kind == "diet" for t in (r.thing or r.label, *_kept_out_by(r.thing or r.label))
               if t]
    refused = [r.thing for r in kept_out if r.kind == "refusal" and r.thing]
    if not likes or not (targets or refused):
        return [False] * len(likes)
    vecs = embed(list(likes) + targets) if targets else None
    out = []
    for k, like in enumerate(likes):
        if _FREE.search(like):
            out.append(False)
            continue
        words = set(re.findall(r"[a-z]+", like.lower()))
        hit = any(set(re.findall(r"[a-z]+", t.lower())) & words for t in targets) or \
            any(_names_refused(words, r) for r in refused) or any(_names_a_member(like, t) for t in targets + refused)
        if not hit and vecs is not None and not any(_only_a_variety(like, t) for t in targets):
            # a word that only names a variety ("oyster mushroom") is no evidence by its meaning either
            hit = any(float(vecs[k] @ vecs[len(likes) + j]) >= CLASH_FLOOR for j in range(len(targets)))
        out.append(hit)
    return out


def _names_a_member(like: str, kept_out: str) -> bool:
    """A word of the like names a member of the kept-out class by any of its senses ("prawn linguine" for
    "shellfish", "lamb tagine" for "red meat" or "meat"): WordNet's kinds (:mod:`kgmem.knowledge`), with the
    classes WordNet files elsewhere made of their kinds (domains.json "members")."""
    key = kept_out.lower().strip()
    classes = (key, *_members().get(key, ()))
    # a word whose first sense is a food, a living thing or a plant's part ("prawn", "lamb", "walnut"), not one
    # that is meat only in another sense ("board game night": game is a contest first)
    return any(any(knowledge.is_kind_of(w, first) for first in _EATEN_FIRST) and not _names_a_variety(like, w, classes)
               for k in classes for w in knowledge.kinds_within(k, like, any_sense=True))


def _only_a_variety(like: str, kept_out: str) -> bool:
    """Whether the like names the kept-out class only by a word that names a variety of something else
    (:func:`_names_a_variety`)."""
    key = kept_out.lower().strip()
    classes = (key, *_members().get(key, ()))
    found = [w for k in classes for w in knowledge.kinds_within(k, like, any_sense=True)]
    return bool(found) and all(_names_a_variety(like, w, classes) for w in found)


#: what a compound names when its words name no ingredient: a living thing or fresh produce (WordNet kinds)
_NATURAL = ("organism", "produce")
_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _names_a_variety(like: str, word: str, classes: Sequence[str]) -> bool:
    """Whether ``word`` stands inside a compound WordNet knows as a whole that names a plant, a fungus or a
    fresh fruit or vegetable of no kept-out class: a living thing has no ingredients, so its words only
    name its variety ("butternut squash", "water chestnut", "oyster mushroom", "beefsteak tomato"), unlike
    a dish's ("peanut butter", "beef stew", "walnut cake": made of what they name). Whole words only."""
    words = _WORDS.findall(like.lower())
    low = word.lower()
    for i, w in enumerate(words):
        if w != low:
            continue
        for n in (2, 3):
            for start in range(max(0, i - n + 1), min(i, len(words) - n) + 1):
                compound = " ".join(words[start:start + n])
                if any(knowledge.is_kind_of(compound, k) for k in _NATURAL) and \
                        not any(knowledge.is_kind_of(compound, c) for c in classes):
                    return True
    return False


#: the first senses of a word that may name something eaten by another sense (WordNet kinds)
_EATEN_FIRST = ("food", "organism", "plant part")


@cache
def _members() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in bank().get("members", {}).items()}


def _names_refused(words: set[str], refused: str) -> bool:
    """The like's words name the refused thing by what sets it apart: its words before its last (its
    kind), or the one word of a one-word thing ("olives": "green olives"; "horror movies": "horror films")."""
    parts = [w for w in re.findall(r"[a-z]+", refused.lower()) if w != "anything"]
    marks = parts[:-1] if len(parts) > 1 else parts
    return bool(marks) and set(marks) <= words
