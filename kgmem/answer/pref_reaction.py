"""A taste told by the speaker's reaction to a thing, not by a verb of liking: "show me a good thriller and I'm glued
to it for hours", "anything about golf and my eyes glaze over". The clause offers the thing (an order to present it,
or "anything with X") and, after "and", says how it leaves the speaker; the reaction's polarity is read by meaning,
as the nearer of two banks of reactions written from general English in many voices
(``kgmem/resources/preference/reactions.json``): words alone cannot list every way of being pleased or bored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

import numpy as np

from kgmem import packaged
from kgmem.answer.taste_things import without_degree, without_trailers
from kgmem.lexicon.discourse import strip_openers
from kgmem.lexicon.people import PERSONAL_WORD, relation_words

#: an order to present a thing to the speaker ("put X in front of me", "give me X", "show us X", "play me X")
_PRESENT = r"(?:put|puts|stick|plonk|give|hand|show|play|serve|bring|offer|throw|sit\s+(?:me|us)\s+(?:down\s+)?(?:in\s+front\s+of|with))"
#: a thing named by what it has ("anything with X", "something involving X")
_HAS = r"(?:anything|something|everything|any|a)\s+(?:with|involving|featuring|about|to\s+do\s+with|that\s+involves)"
#: the offer of a thing, then "and" + the speaker's reaction (the speaker's own words: I / my / me / we / our)
_SHAPE = re.compile(rf"^(?:(?P<present>{_PRESENT})\s+(?:(?:me|us)\s+)?|(?P<has>{_HAS})\s+)(?P<thing>.+?)\s+and\s+"
                    r"(?P<reaction>(?:i|i'm|im|i'll|i've|i'd|me|my|we|we're|we'll|our)\b.*)$", re.I)
#: what every clause of the shape holds, searched first
_REACTS = re.compile(r"\sand\s+(?:i|me|my|we|our)", re.I)
#: where the offered thing ends: the words that place it before the speaker ("in front of me", "my way", "on")
_PLACED = re.compile(r"\s+(?:in\s+front\s+of|before|at|to|near|under|past|my\s+way|our\s+way|on)(?:\s+(?:me|us))?\s*$"
                     r"|\s+(?:my|our)\s+way\s*$|\s+on\s*$", re.I)
#: the least margin between the two banks for a polarity to be read (a reaction near both says nothing: "I'll be
#: right down"), and the least cosine to the nearer one (a reaction near neither is no reaction: "I'll check")
MARGIN = 0.05
FLOOR = 0.4
#: a thing's leading determiner ("some Coltrane": Coltrane)
_DETERMINER = re.compile(r"^(?:a|an|the|some|any)\s+", re.I)


@cache
def _bank() -> dict[str, list[str]]:
    data: dict[str, list[str]] = packaged.json_data("preference", "reactions.json")
    return {k: data[k] for k in ("pleased", "displeased")}


def offered(clause: str) -> tuple[str, str] | None:
    """``(thing, reaction)`` for a clause that offers a thing and tells the speaker's reaction to it ("put jazz on and
    I'm a happy man" -> ("jazz", "I'm a happy man")), else ``None``."""
    if not _REACTS.search(clause):
        return None  # (the cheap test first: most clauses have no "and I …")
    m = _SHAPE.match(strip_openers(clause.replace("\u2019", "'").strip(" (\"")).rstrip(" .!)\""))
    if m is None:
        return None
    thing = m.group("thing")
    if m.group("present"):
        thing = _PLACED.sub("", thing)
    thing = _DETERMINER.sub("", without_degree(without_trailers(thing.strip(" ,"))))
    reaction = m.group("reaction")
    if len(thing) < 3 or len(thing.split()) > 6 or PERSONAL_WORD.search(thing):
        return None  # "give me a rainy afternoon and a stack of crime novels and I'm set": no one thing
    if _someone_match(reaction):
        return None  # "anything with subtitles and my husband leaves the room": his reaction, not the speaker's
    return thing, reaction


@cache
def _someone() -> re.Pattern[str]:
    return re.compile(r"^(?:my|our)\s+(?:" + "|".join(re.escape(w) for w in relation_words()) + r")s?\b", re.I)


def _someone_match(reaction: str) -> bool:
    return bool(_someone().match(reaction))


#: the banks' centroids per embedding model, computed once per process
_CENTROIDS: dict[str, np.ndarray] = {}


def _centroids(embed: Callable[[list[str]], np.ndarray | None], model: str | None) -> np.ndarray | None:
    if model is not None and model in _CENTROIDS:
        return _CENTROIDS[model]
    bank = _bank()
    vecs = embed(bank["pleased"] + bank["displeased"])
    if vecs is None:
        return None
    n = len(bank["pleased"])
    cents = np.stack([v / (np.linalg.norm(v) or 1.0) for v in (vecs[:n].mean(axis=0), vecs[n:].mean(axis=0))])
    if model is not None:
        _CENTROIDS[model] = cents
    return cents


def polarities(reactions: Sequence[str], embed: Callable[[list[str]], np.ndarray | None],
               model: str | None = None) -> list[bool | None]:
    """Per reaction: ``True`` when it is nearer the pleased bank by at least :data:`MARGIN`, ``False`` when nearer the
    displeased one, ``None`` when neither (or without an embedder)."""
    if not reactions:
        return []
    cents = _centroids(embed, model)
    vecs = embed(list(reactions)) if cents is not None else None
    if cents is None or vecs is None:
        return [None] * len(reactions)
    out: list[bool | None] = []
    for row in np.asarray(vecs) @ cents.T:
        gap = float(row[0] - row[1])
        out.append(None if abs(gap) < MARGIN or float(row.max()) < FLOOR else gap > 0)
    return out
