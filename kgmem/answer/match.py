"""Word-level matching for answers: folded stems, a few everyday synonyms, coverage.

Everything goes through the keyword tokenizer (casefold, NFKC/NFKD accent folding: "Valparaíso" ==
"valparaiso"), then a light suffix stemmer, then a small synonym map for words people swap
freely when they ask ("pup" for "dog", "jab" for "shot"). Meaning beyond that comes from the
embedder (:mod:`kgmem.answer.events`); these helpers are the cheap first pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kgmem.text import tokenize

#: everyday synonyms folded to one stem (both directions: each word maps to the canonical one)
_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("dog", "pup", "puppy", "doggo"), ("cat", "kitty", "kitten"), ("rabbit", "bunny"),
    ("mom", "mum", "mother", "mommy", "mama"), ("dad", "father", "daddy", "papa"),
    ("stepmom", "stepmum", "stepmother", "step-mom", "step-mum", "step-mother"),
    ("stepdad", "stepfather", "step-dad", "step-father"), ("stepsister", "step-sister"),
    ("stepbrother", "step-brother"), ("mil", "mother-in-law"), ("fil", "father-in-law"),
    ("grandmother", "grandma", "granny", "nan", "nana"), ("grandfather", "grandpa", "granddad", "grandad"),
    ("brother", "bro"), ("sister", "sis"), ("husband", "hubby"), ("movie", "film", "flick"),
    ("shot", "jab", "vaccine", "vaccination"), ("car", "vehicle", "automobile"), ("book", "novel"),
    ("trip", "travel", "journey", "visit"), ("course", "class", "classes", "lessons", "workshop"),
    ("buy", "purchase", "order"), ("job", "work", "employ"), ("home", "apartment", "flat", "house"),
    ("concert", "gig", "show"), ("recipe", "dish", "meal"), ("skillet", "pan", "frying pan"), ("phone", "smartphone", "mobile"), ("tv", "television"),
    ("bike", "bicycle"), ("doctor", "physician", "gp"), ("sell", "sold"), ("pottery", "ceramics"),
)
_SYNONYMS: dict[str, str] = {}


def stem(tok: str) -> str:
    """Crude suffix stripping so "lives"/"live"/"living" and "moved"/"move" compare equal."""
    for suf in ("ies", "ing", "ed", "es", "s"):
        if tok.endswith(suf) and len(tok) - len(suf) >= 3:
            tok = tok[: -len(suf)] + ("y" if suf == "ies" else "")
            if suf in ("es", "s") and tok.endswith("ing") and len(tok) >= 6:
                tok = tok[:-3]  # "meetings" is "meeting" is "meet"
            break
    return tok[:-1] if tok.endswith("e") and len(tok) > 3 else tok


for _group in _SYNONYM_GROUPS:
    for _w in _group:
        _SYNONYMS.setdefault(stem(_w), stem(_group[0]))

#: irregular word forms and their base (verbs' past forms, irregular plurals)
IRREGULAR = {"bought": "buy", "went": "go", "got": "get", "flew": "fly", "began": "begin", "begun": "begin",
              "ran": "run", "saw": "see", "seen": "see", "ate": "eat", "took": "take", "gave": "give",
              "met": "meet", "left": "leave", "sold": "sell", "paid": "pay", "made": "make", "spent": "spend",
              "brought": "bring", "thought": "think", "told": "tell", "won": "win", "drove": "drive",
              "wrote": "write", "read": "read", "did": "do", "had": "have", "came": "come", "grew": "grow",
              "raised": "raise", "born": "bear", "taught": "teach", "learnt": "learn", "kept": "keep",
              "knives": "knife", "wives": "wife", "leaves": "leaf", "shelves": "shelf", "men": "man",
              "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
              "geese": "goose", "people": "person"}


@lru_cache(maxsize=65536)
def norm(tok: str) -> str:
    """One token's comparison form: irregular verbs, stem, synonym group (kept by token: a question
    folds the same few thousand words hundreds of thousands of times)."""
    s = stem(IRREGULAR.get(tok, tok))
    return _SYNONYMS.get(s, s)


def terms(text: str) -> set[str]:
    """The comparison forms of a text's content words (a fresh set: callers may change it)."""
    return set(_terms(text))


@lru_cache(maxsize=32768)
def _terms(text: str) -> frozenset[str]:
    return frozenset(norm(t) for t in tokenize(text))


@lru_cache(maxsize=32768)
def _tokens(text: str) -> tuple[str, ...]:
    """A text's keyword tokens, kept (a name is looked for in every turn of the memory)."""
    return tuple(tokenize(text))


#: words that say a question is about an event without naming which one
GENERIC = frozenset(norm(w) for w in """attend attended go went get got do did make made start started take took
trip visit visited buy bought time event day days week weeks the thing things happen happened
finish finished sign signed join joined move moved when ago long much many manage stick keep spend spent away
without being have having take taking stay stayed hold""".split())


def core_terms(phrase: str) -> set[str]:
    """The distinctive words of an event phrase ("the day I bought my tent" → {tent})."""
    want = terms(phrase)
    return {w for w in want if w not in GENERIC} or want


def coverage(want: Iterable[str], have: set[str]) -> float:
    """Share of ``want`` present in ``have`` (1.0 for an empty ``want``)."""
    w = set(want)
    return len(w & have) / len(w) if w else 1.0


def contains_name(name: str, text: str) -> bool:
    """Whether a proper name occurs in a text after Unicode folding (all its words, in order)."""
    a = _tokens(name)
    if not a:
        return True
    b = _tokens(text)
    n = len(a)
    if any(b[i: i + n] == a for i in range(len(b) - n + 1)):
        return True
    # "Lumen Health" → "Lumen": a multi-word name may be shortened to its first word
    return n > 1 and len(a[0]) > 3 and a[0] in b


def second_person(phrase: str) -> str:
    """"the day I bought my tent" → "the day you bought your tent" (answers speak to the user)."""
    for a, b in ((r"\bI'm\b", "you're"), (r"\bI've\b", "you've"), (r"\bI\b", "you"), (r"\bmy\b", "your"),
                 (r"\bme\b", "you"), (r"\bmine\b", "yours"), (r"\bmyself\b", "yourself")):
        phrase = re.sub(a, b, phrase)
    return phrase


#: words that name a group of people, and the everyday words for its members ("my parents" ←
#: "Mum and Dad"): an event phrase using the group matches a line using a member. Kinds of things
#: ("exam" ← a named exam) are not listed here: a list of one data set's names is no class (review9 H4)
_HYPONYMS: dict[str, tuple[str, ...]] = {
    "parent": ("mum", "mom", "dad", "mother", "father", "folks"),
    "kid": ("son", "daughter", "children", "child"), "child": ("son", "daughter", "kid", "kids"),
    "sibling": ("brother", "sister"), "grandparent": ("grandma", "grandpa", "granny", "gran"),
}
_EXPAND: dict[str, str] = {norm(m): norm(k) for k, members in _HYPONYMS.items() for m in members}


def expand(words: set[str]) -> set[str]:
    """The kinds a text's words belong to ({"mum", "dad"} → {"parent"})."""
    return {_EXPAND[w] for w in words if w in _EXPAND}

