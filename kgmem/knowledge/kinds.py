"""What WordNet says about a word: which things are a kind of another (:func:`is_kind_of`: "collie" a
"dog"), whether a noun names a person (:func:`names_a_person`), the words of a text that name a kind
(:func:`kinds_within`), and the common English words (:func:`kgmem.knowledge.common_word`). Read from
the compact kinds table built once by :mod:`kgmem.knowledge.build` (WordNet 3.0 nouns); the package
(:mod:`kgmem.knowledge`) re-exports the public functions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem.knowledge import tables
from kgmem.text import fold

#: a kind this close to WordNet's root ("entity" 0, "object" 2, "whole" 3) is no kind at all
MIN_KIND_DEPTH = 4

#: a word of a text or a name (letters and digits, an inner apostrophe): the one tokenisation of places and kinds
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class _Kinds:
    """The kinds table: WordNet noun lemmas to their senses, each sense's hypernyms, the common words."""

    def __init__(self) -> None:
        data = tables.load("kinds.json.gz")
        self.lemmas: dict[str, list[int]] = data["lemmas"]
        self.up: list[list[int]] = data["hypernyms"]
        self.common: frozenset[str] = frozenset(data["common"])
        self._depth: dict[int, int] = {}

    def depth(self, s: int) -> int:
        """The shortest path from a synset to the root."""
        if s not in self._depth:
            self._depth[s] = 0 if not self.up[s] else 1 + min(self.depth(u) for u in self.up[s])
        return self._depth[s]

    def ancestors(self, s: int) -> set[int]:
        seen: set[int] = set()
        todo = list(self.up[s])
        while todo:
            u = todo.pop()
            if u not in seen:
                seen.add(u)
                todo.extend(self.up[u])
        return seen


def kind_table() -> _Kinds:
    """The kinds table, read once for the process."""
    kinds: _Kinds = tables.table("kinds", _Kinds)
    return kinds


def _senses(word: str) -> list[int]:
    kinds = kind_table()
    key = " ".join(WORD.findall(fold(word)))
    for form in (key, key[:-1] if key.endswith("s") else None, key[:-2] if key.endswith("es") else None):
        if form and form in kinds.lemmas:
            return kinds.lemmas[form]
    return []


@lru_cache(maxsize=8192)
def _first_sense_ancestors(word: str, every: bool = False) -> frozenset[int]:
    senses = _senses(word)
    if every:  # every sense, each sense itself included
        return frozenset(k for s in senses for k in (s, *kind_table().ancestors(s)))
    return frozenset(kind_table().ancestors(senses[0])) if senses else frozenset()


def is_kind_of(thing: str, kind: str) -> bool:
    """Whether ``thing``'s most frequent noun sense is a kind, or an instance, of a sense of
    ``kind`` ("collie" a "dog", "monstera" a "plant"; "cat" no "dog"; nothing is a "thing")."""
    kinds_ = _senses(kind)
    if not kinds_:
        return False
    data = kind_table()
    wanted = {k for k in kinds_ if data.depth(k) >= MIN_KIND_DEPTH}
    return bool(wanted & _first_sense_ancestors(thing.casefold()))


def same_thing(a: str, b: str) -> bool:
    """Whether two nouns name one thing: the same word, a sense in common ("flat", "apartment"), or the first a
    kind of the second ("suite" a "room")."""
    a, b = a.casefold(), b.casefold()
    return a == b or bool(set(_senses(a)) & set(_senses(b))) or is_kind_of(a, b)


def sense_kind_of(thing: str, kinds: tuple[str, ...]) -> bool | None:
    """Whether any noun sense of ``thing`` is, or is a kind or instance of, a sense of one of ``kinds``
    ("white": white wine is a "beverage"); ``None`` when WordNet does not know ``thing`` as a noun."""
    if not _senses(thing.casefold()):
        return None
    data = kind_table()
    wanted = {k for kind in kinds for k in _senses(kind) if data.depth(k) >= MIN_KIND_DEPTH}
    return bool(wanted & _first_sense_ancestors(thing.casefold(), True))


def names_a_person(noun: str) -> bool | None:
    """Whether a noun names a person: ``True`` when every noun sense of it is one ("registrar",
    "dentist"), ``False`` when none is ("school", "firm", "hospital"), ``None`` when some are and some
    are not ("coach", "builder", "name") or WordNet does not know the word."""
    senses = _senses(noun.casefold())
    if not senses:
        return None
    person = _senses("person")[0]  # person.n.01, WordNet's first sense of the word
    data = kind_table()
    people = [s == person or person in data.ancestors(s) for s in senses]
    return True if all(people) else False if not any(people) else None


def first_sense_a_person(noun: str) -> bool | None:
    """Whether a noun's most frequent sense names a person ("handler", "nurse"; not "card", "insurance"); ``None``
    when WordNet does not know the word ("physio")."""
    senses = _senses(noun.casefold())
    if not senses:
        return None
    person = _senses("person")[0]
    return senses[0] == person or person in kind_table().ancestors(senses[0])


def kinds_within(kind: str, text: str, *, any_sense: bool = False) -> list[str]:
    """The words of a text (as written) that name a kind or an instance of ``kind``; with ``any_sense``, by
    any of a word's noun senses ("lamb" is an animal first and meat too; "prawn" is food as "shrimp")."""
    senses = _senses(kind)
    if not senses:
        return []
    data = kind_table()
    wanted = {k for k in senses if data.depth(k) >= MIN_KIND_DEPTH}
    out: list[str] = []
    for m in WORD.finditer(text):
        w = m.group()
        if w in out or len(w) < 3 or _a_name(text, m.start(), w):
            continue
        if wanted & _first_sense_ancestors(w.casefold(), any_sense):
            out.append(w)
    return out


#: the end of a sentence, or of a text's start: what may stand before a capitalised common word
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“(]\s*)$")


def _a_name(text: str, start: int, word: str) -> bool:
    """Whether a capitalised ``word`` at ``start`` is a name, not a kind: written with a capital
    inside a sentence ("a Jaguar F-Type", "my Puma trainers": a brand's word is no animal), or
    followed by a capitalised or numbered word ("Jaguar F-Type was a dream"). Lower-case words and
    a capital that only opens a sentence ("Collie, 6.") are words of the language."""
    if not word[:1].isupper():
        return False
    if not _SENTENCE_START.search(text[:start]):
        return True
    after = text[start + len(word):].lstrip(" -")
    return bool(after) and (after[:1].isupper() or after[:1].isdigit())
