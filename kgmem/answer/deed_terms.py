"""The event nouns a verb names the doing of, from WordNet's derivational links (``deed_nouns.json.gz``,
built by :mod:`kgmem.knowledge.build_deeds`): "married" → wedding, "graduated" → graduation,
"retired" → retirement. A question names the event by its noun where the user told the doing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kgmem.answer.match import GENERIC, expand, norm, terms
from kgmem.knowledge import tables

_DOING = re.compile(r"\b[A-Za-z]+(?:ed|ing)\b")


def _inflections(verb: str) -> set[str]:
    """A verb's regular forms ("marry" → marries, married, marrying; "plan" → planned)."""
    forms = {verb, verb + "s", verb + "ed", verb + "ing", verb + "d"}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb.endswith("e"):
        forms.add(verb[:-1] + "ing")
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


def _build() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for verb, nouns in tables.load("deed_nouns.json.gz")["verbs"].items():
        for form in _inflections(verb):
            key = norm(form)
            if key not in GENERIC:  # a light verb ("go", "get", "do") names no one event
                out.setdefault(key, set()).update(norm(n) for n in nouns)
    return {k: frozenset(v) for k, v in out.items()}


def deed_nouns(words: Iterable[str]) -> set[str]:
    """The comparison forms (:func:`kgmem.answer.match.norm`) of the event nouns that a text's comparison words
    name the doing of; a word that is one of those nouns already adds nothing new."""
    table: dict[str, frozenset[str]] = tables.table("deed_nouns", _build)
    return {n for w in words for n in table.get(w, ())}


def line_terms(text: str) -> set[str]:
    """A told line's comparison words, the kinds they belong to and the event nouns its verbs name the doing of
    ("we got married" tells "the wedding"). Only a word inflected as a doing ("-ed", "-ing") names one: a bare
    form may be the noun itself ("passed my driving test" tells no "exam")."""
    words = terms(text)
    return words | expand(words) | deed_nouns(terms(" ".join(_DOING.findall(text))))
