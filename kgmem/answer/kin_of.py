"""Whose relation a line states, by its parse: "my husband Rafael" is the user's husband, "her husband
Tomasz" (her = "my coworker Dalia") is Dalia's, "Suki's boyfriend Leo" is Suki's; the relation of one
of the user's own kin is the user's kin by composition ("Dad rang, his sister Marguerite …" → the
user's aunt).

A question asking a person by relation ("What's my husband called?") may only be answered by a name a
line ties to the user's relation: not by the person who holds another's ("Dalia" for "my husband"), nor
by another's relative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem.lexicon import people
from kgmem.nlp import known_words, load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Token

#: one word for each relation however it is written ("gran", "nana" and "grandma" are one person): lexicon.people's
_SAME = people.kin_spellings()
_PARENT = frozenset({"mother", "father", "stepmother", "stepfather", "stepmom", "stepmum", "stepdad"})
_SPOUSE = frozenset({"wife", "husband", "partner", "spouse", "fiance", "girlfriend", "boyfriend"})
_SIBLING = frozenset({"sister", "brother"})
_CHILD = frozenset({"son", "daughter"})
#: the user's relation's relation that is the user's own, by the first relation's group
_COMPOSED: dict[frozenset[str], dict[str, str]] = {
    _PARENT: {"sister": "aunt", "brother": "uncle", "mother": "grandmother", "father": "grandfather"},
    _SPOUSE: {"mother": "mother-in-law", "father": "father-in-law", "sister": "sister-in-law",
              "brother": "brother-in-law"},
    _SIBLING: {"son": "nephew", "daughter": "niece", "husband": "brother-in-law", "wife": "sister-in-law"},
    _CHILD: {"son": "grandson", "daughter": "granddaughter", "wife": "daughter-in-law", "husband": "son-in-law"},
}
_PRONOUNS = frozenset({"his", "her", "their"})
#: entity labels a person's given name never has (the small tagger calls many a place or a firm)
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT"})
_IN_LAW = re.compile(r"\b([A-Za-z]+)\s*-\s*in\s*-\s*laws?\b", re.I)


def canonical(word: str) -> str:
    """One spelling per relation ("Mum" → mother, "nana" → grandmother, "mothers-in-law" → mother-in-law)."""
    w = word.lower().strip().replace("’", "'")
    if "-in-law" in w:  # "mothers-in-law", "mother-in-laws"
        return w.split("-in-law")[0].rstrip("s") + "-in-law"
    if w not in _SAME and w.endswith("s") and w[:-1] in _people():
        w = w[:-1]
    return _SAME.get(w, w)


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return people.words("kin", "partners", "former", "social", "roles", "clientele")


def _relation_word(word: str) -> bool:
    w = word.lower()
    return w in _people() or w in _SAME or w.endswith("-in-law")


def kind(word: str) -> str:
    """The kind of relation, for telling two apart: partners are one kind ("my partner Sam" is a fine
    answer to "my boyfriend"), and so are parents, siblings, children and the social words."""
    w = canonical(word)
    for group in (_PARENT, _SPOUSE, _SIBLING, _CHILD):
        if w in group:
            return min(group)
    return "social" if w in people.words("social") else w


def compose(first: str, second: str) -> str | None:
    """The user's relation to the ``second`` of the user's ``first`` ("father", "sister" → aunt), or
    ``None`` when it is no relation of the user's own (a friend's husband)."""
    for group, table in _COMPOSED.items():
        if canonical(first) in group:
            return table.get(canonical(second))
    return None


@dataclass(frozen=True)
class KinMention:
    """One relation noun of a line: ``relation`` (canonical; composed to the user's own where the holder
    is the user's kin), ``mine`` (the user's relation), ``name`` (the person named by it, if any) and
    ``holder`` (the name of someone else who holds it, if any)."""

    relation: str
    mine: bool
    name: str | None
    holder: str | None


@lru_cache(maxsize=4096)
def kin_mentions(text: str) -> tuple[KinMention, ...]:
    """The relation nouns a line states, each with whose relation it is (see the module doc)."""
    flat = _IN_LAW.sub(lambda m: m.group(1) + "_in_law", text)  # one token for the parse
    doc = load_nlp()(flat)
    toks = list(doc)
    out: list[KinMention] = []
    for tok in toks:
        word = tok.text.replace("_in_law", "-in-law")
        if tok.pos_ not in ("NOUN", "PROPN") or not _relation_word(word):
            continue
        poss = _possessor(toks, tok.i)
        if poss is None:
            continue
        mine, holder = _owner(toks, poss)
        rel = canonical(word)
        if not mine and holder is not None and (via := _user_relation_of(toks, holder)) is not None:
            composed = compose(via, rel)
            if composed is not None:
                rel, mine, holder = composed, True, None
        out.append(KinMention(rel, mine, _named(toks, tok.i), _holder_name(toks, holder)))
    return tuple(out)


def _possessor(toks: list[Token], i: int) -> int | None:
    """The index of the word holding the relation noun at ``i``: "my"/"her"/"Suki's" right before it,
    one adjective or "best" between ("her little sister", "my best friend")."""
    j = i - 1
    if j >= 0 and toks[j].pos_ == "ADJ" and toks[j].lower_ not in people.USER_POSSESSIVES | _PRONOUNS:
        j -= 1
    if j < 0:
        return None
    if toks[j].lower_ in people.USER_POSSESSIVES | _PRONOUNS:
        return j
    if toks[j].tag_ == "POS" and j >= 1:  # "Suki 's boyfriend"
        return j - 1
    return None


def _owner(toks: list[Token], p: int) -> tuple[bool, int | None]:
    """Whether the possessor at ``p`` is the user, else the index of the person it stands for (a
    pronoun's antecedent: the nearest person told before it in the line)."""
    low = toks[p].lower_
    if low in people.USER_POSSESSIVES:
        return True, None
    if low in _PRONOUNS:
        for k in range(p - 1, -1, -1):
            if _person_word(toks, k):
                return False, k
        return False, None
    return False, p


def _person_word(toks: list[Token], k: int) -> bool:
    """A name, or a relation noun, that a pronoun after it may stand for."""
    t = toks[k]
    if t.lower_ in people.USER_PRONOUNS:
        return False
    if _relation_word(t.text.replace("_in_law", "-in-law")) and t.pos_ in ("NOUN", "PROPN"):
        return True
    # (the small tagger calls many given names a place or a firm: "Tomasz", "Marek")
    return t.pos_ == "PROPN" and t.text[:1].isupper() and (t.ent_type_ == "PERSON" or t.lower_ not in known_words()) \
        and t.ent_type_ not in _NOT_NAMES


def _user_relation_of(toks: list[Token], k: int) -> str | None:
    """The user's relation the person at ``k`` is: "my mum", "Dad" (a kin word written as a name),
    "my friend Oye" (Oye → friend), "my partner's" (partner)."""
    t = toks[k]
    word = t.text.replace("_in_law", "-in-law")
    if _relation_word(word):
        if t.text[:1].isupper() and canonical(word) in _PARENT | {"grandmother", "grandfather"}:
            return canonical(word)  # "Dad rang", "Mum phoned": the user's own
        p = _possessor(toks, k)
        return canonical(word) if p is not None and toks[p].lower_ in people.USER_POSSESSIVES else None
    # a name in apposition to, or right after, "my <relation>"
    head = t.head if t.dep_ in ("appos", "compound") else None
    if head is not None and _relation_word(head.text):
        p = _possessor(toks, head.i)
        return canonical(head.text) if p is not None and toks[p].lower_ in people.USER_POSSESSIVES else None
    if k >= 1 and _relation_word(toks[k - 1].text):
        p = _possessor(toks, k - 1)
        return canonical(toks[k - 1].text) if p is not None and toks[p].lower_ in people.USER_POSSESSIVES else None
    return None


def _holder_name(toks: list[Token], k: int | None) -> str | None:
    """The holder's name: the name itself, or the name its relation noun gives ("my friend Oye")."""
    if k is None:
        return None
    t = toks[k]
    return (_named(toks, k) or t.text) if _relation_word(t.text.replace("_in_law", "-in-law")) else t.text


def _named(toks: list[Token], i: int) -> str | None:
    """The name right after the relation noun ("husband Tomasz", "mother, Beatriz,")."""
    j = i + 1
    if j < len(toks) and toks[j].text == ",":
        j += 1
    if j < len(toks) and (toks[j].pos_ == "PROPN" or toks[j].ent_type_ == "PERSON" or toks[j].lower_ not in known_words()) \
            and toks[j].is_alpha and toks[j].text[:1].isupper() \
            and toks[j].ent_type_ not in _NOT_NAMES:
        name = [toks[j].text]
        if j + 1 < len(toks) and toks[j + 1].pos_ == "PROPN" and toks[j + 1].text[:1].isupper():
            name.append(toks[j + 1].text)
        return " ".join(name)
    return None
