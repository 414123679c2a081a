"""Whether a question's names and focus words are in memory: by form, then by meaning.

Literal presence turns a typo, lower case or the user's own noun into "you haven't told me about X"
(review8 §3 item 1). The two questions abstention asks are answered here instead:

- **Is this name in memory?** Only a real name counts: a run of words the tagger called proper, less
  function, category ("company", "city"), calendar and discourse words, and not a nationality or a
  language (spaCy NORP / LANGUAGE: "my Chinese" names a subject, not someone memory must have met).
  A name is in memory when one of its distinctive words is, after Unicode folding, with a possessive
  or plural ending dropped ("the Harpers" ~ "the harper twins"), or one edit away for words of five
  letters or more ("Lindqvst" ~ "Lindqvist"). A multi-word name is found by any distinctive word
  ("Hillsborough Leisure Centre" ~ "the café at Hillsborough").
- **Does the evidence speak of this focus word?** By form first (inflections and compounds,
  :func:`kgmem.answer.match.norm`), then by meaning: the word's MiniLM cosine to the words of the
  evidence lines (:data:`WORD_SIMILARITY`), so "jacket" finds "coat" and "clinic" finds "hospital". Words
  for people (kin, partners, friends: :mod:`kgmem.lexicon.people`) are matched by form only: their
  co-hyponyms are as close in MiniLM as synonyms ("wife"/"husband" 0.87, "sister"/"brother" 0.65), and
  "my sister's name" must not be answered from a brother.

Meaning is only computed for words that failed the form test, i.e. on the path that would
otherwise abstain; vectors go through the embedder's content-hash cache.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from kgmem import knowledge
from kgmem.answer.match import norm
from kgmem.lexicon.calendar import MONTHS, WEEKDAYS
from kgmem.lexicon.discourse import opener_words
from kgmem.lexicon.people import people_noun
from kgmem.retrieval.question import CATEGORY_TYPES, nlp
from kgmem.text import FUNCTION_WORDS, QUESTION_FILLER, fold, words

#: MiniLM cosine at which a focus word and a word of the evidence mean the same thing. Set by hand
#: on word pairs (notes/ab9.md), checked on development data only (dev3, dev4, their perturbed-question
#: copies, the answer sets): different things of one kind reach 0.69 ("kayak"/"canoe" 0.69, "violin"/
#: "cello" 0.68, "cat"/"dog" 0.66, "guitar"/"bass" 0.61), so only closer pairs count: "job"/"work" 0.78,
#: "jacket"/"coat" 0.78, "evenings"/"nights" 0.77, "Chinese"/"Mandarin" 0.75, "clinic"/"hospital" 0.74,
#: "sofa"/"couch" 0.86. Synonyms below it are missed ("firm"/"company" 0.70, "exam"/"test" 0.67,
#: "store"/"shop" 0.66, "gift"/"present" 0.57): a missed synonym costs an abstention, a merged kind a
#: wrong answer. Swept by eval/sweep_presence.py (eval/results/presence_sweep_fa10.md, session 10):
#: flat 0.50-0.64, one perturbed-copy question lost at 0.68-0.72, one dev5 question at 0.76+; kept
WORD_SIMILARITY = 0.72
#: words of this many letters or more may differ by one edit (a typo) and still be the same name
TYPO_MIN_LETTERS = 5
#: spaCy labels of proper words that name a kind, not an individual memory must have met
_KIND_LABELS = frozenset({"NORP", "LANGUAGE"})

Embed = Callable[[Sequence[str]], "np.ndarray | None"]


def _never_names() -> frozenset[str]:
    return frozenset({*FUNCTION_WORDS, *QUESTION_FILLER, *CATEGORY_TYPES, *WEEKDAYS, *MONTHS,
                      *(w for w in opener_words() if " " not in w)})


_NEVER_NAMES = _never_names()


def _bare(tok: str) -> str:
    """A folded word without a possessive or plural ending ("harpers'" → "harper")."""
    tok = re.sub(r"['’]s?$", "", tok)
    return tok[:-1] if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss") else tok


def name_words(name: str) -> list[str]:
    """The distinctive words of a name: folded, possessives and plurals dropped, no function,
    category, calendar or discourse word."""
    return [b for w in words(name) if (b := _bare(w)) not in _NEVER_NAMES and len(b) >= 2]


def one_edit(a: str, b: str) -> bool:
    """Whether two words differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def vocabulary(texts: Iterable[str]) -> set[str]:
    """The bare folded words of some texts (what :func:`name_in` looks names up in)."""
    out: set[str] = set()
    for text in texts:
        out.update(_bare(w) for w in words(text))
    return out


def name_in(name: str, vocab: set[str]) -> bool:
    """A name is in a vocabulary when one of its distinctive words is (a typo allowed in long words);
    a name with no distinctive word is no name and never missing."""
    keys = name_words(name)
    if not keys:
        return True
    for key in keys:
        if key in vocab:
            return True
        if len(key) >= TYPO_MIN_LETTERS and any(
                abs(len(w) - len(key)) <= 1 and w[:1] == key[:1] and one_edit(key, w) for w in vocab):
            return True
    return False


def kind_names(question: str, names: Sequence[str]) -> set[str]:
    """The names of ``names`` that the question's entities label a nationality or a language."""
    if not names:
        return set()
    model = nlp()
    if model is None:
        return set()
    kinds = {fold(e.text) for e in model(question).ents if e.label_ in _KIND_LABELS}
    return {n for n in names if fold(n) in kinds}


def _content_words(texts: Iterable[str]) -> list[str]:
    out: dict[str, None] = {}
    for text in texts:
        for w in words(text):
            if len(w) >= 3 and w.isalpha() and w not in FUNCTION_WORDS:
                out.setdefault(w, None)
    return list(out)


def unsupported(focus: Sequence[str], texts: Sequence[str], embed: Embed, *,
                formed: set[str] | None = None) -> tuple[list[str], dict[str, float]]:
    """The focus words that the texts speak of neither by form nor by meaning, and each
    checked word's best cosine to a word of the texts.

    ``formed``: the texts' comparison forms (``match.terms``) when the caller has them."""
    from kgmem.answer.match import terms

    have = formed if formed is not None else terms(" ".join(texts))
    missing = [w for w in focus if not _formed(norm(w), have)]
    by_form = [w for w in missing if not people_noun(w)]
    if not by_form:
        return missing, {}
    pool = _content_words(texts)
    vecs = embed([*by_form, *pool]) if pool else None
    if vecs is None:
        return missing, {}
    q, e = vecs[: len(by_form)], vecs[len(by_form):]
    best = (q @ e.T).max(axis=1)
    sims = {w: round(float(s), 3) for w, s in zip(by_form, best, strict=True)}
    return [w for w in missing if w not in sims or sims[w] < WORD_SIMILARITY], sims


def _formed(key: str, have: set[str]) -> bool:
    """A comparison form in a set, whole or as part of a compound ("hair" in "haircut")."""
    return key in have or (len(key) >= 4 and any(
        len(e) > len(key) + 2 and (e.startswith(key) or (len(key) >= 5 and e.endswith(key))) for e in have))


def asked_about(question: str, named: Sequence[str], value: str, *, yes_no: bool = False) -> bool:
    """A value the question itself names (one of its names, or only its own words: "amy" for "what
    does amy do for work") is whom or what it asks about, never the answer."""
    from kgmem.answer.match import contains_name, terms

    if any(contains_name(n, value) for n in named):
        return True
    own = terms(value)
    return not yes_no and bool(own) and own <= terms(question)


def told_within(word: str, texts: Sequence[str]) -> bool:
    """Whether some text names a place within the region ``word`` ("Portugal": "we land in Porto")
    or a kind or instance of the kind ``word`` ("dog": "Collie, 6"), by general knowledge
    (:mod:`kgmem.knowledge`), or a city under another of its names ("Seville": "a week in Sevilla");
    a sibling never counts ("Spain" is not told by "Porto")."""
    if any(knowledge.named_otherwise(word, t) for t in texts):
        return True
    if knowledge.is_region(word):
        return any(knowledge.places_within(word, t) for t in texts)
    if " " in word.strip() or not word.isalpha() or people_noun(word):
        return False  # words for people by form only (see the module's docstring)
    return any(not _others(t, w) for t in texts for w in knowledge.kinds_within(word, t))


#: a possessor just before a noun (one modifier may stand between): "her collie", "my neighbour's old collie"
_POSSESSOR = re.compile(r"\b(\w+)(['’]s|s['’])?\s+(?:\w+\s+)?$")
_OTHER_POSSESSIVES = frozenset({"his", "her", "their", "your", "its"})


def _others(text: str, word: str) -> bool:
    """Whether every mention of ``word`` in a text is someone else's ("my neighbour's collie", "her
    collie"): another's instance tells nothing of "my dog". "it's a collie" is a contraction, not a
    possessor (the word before 's is a function word)."""
    found = False
    for m in re.finditer(rf"\b{re.escape(word)}\b", text):
        found = True
        p = _POSSESSOR.search(text[:m.start()])
        owner = p is not None and (p.group(1).lower() in _OTHER_POSSESSIVES or (
            p.group(2) is not None and p.group(1).lower() not in FUNCTION_WORDS))
        if not owner:
            return False
    return found


#: the thing whose name a question asks: "what does my neighbour's *cat* go by", "what's my *tortoise*
#: called", "what did I name my *puppy*" (the noun right before the naming words, or right after "call/name my")
_NAMED_THING = re.compile(
    r"\b(?:my|our|the|\w+['’]s)\s+(?:[\w-]+\s+)?(?P<a>[a-z][\w-]*?)(?:['’]s\s+name\b|\s+(?:is\s+|was\s+)?(?:called|named)\b|"
    r"\s+go(?:es)?\s+by\b|\s+answers?\s+to\b)|"
    r"\b(?:call|name|named|calling)\s+(?:my|our|the)\s+(?:[\w-]+\s+)?(?P<b>[a-z][\w-]*)\s*(?:[?.!]|$)", re.I)


def named_thing(question: str) -> str | None:
    """The noun whose own name the question asks (a pet, a car, a boat), lower-cased; ``None`` when it
    asks no name or names a person by relation ("my sister's name": people are matched by form apart)."""
    m = _NAMED_THING.search(question)
    if m is None:
        return None
    word = (m.group("a") or m.group("b") or "").lower()
    return None if not word or word in FUNCTION_WORDS or people_noun(word) else word
