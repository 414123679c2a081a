"""A period told as over, read from the parse: the one reader of closed past periods for extraction
(:mod:`kgmem.extraction.zero.ended`: a held slot is not asserted) and the answer side
(:mod:`kgmem.answer.stale`: a value is not current).

- **a past tense**: a simple past ("worked"), a past perfect or progressive ("had lived", "was
  living"); a present perfect ("I've worked there for six years") still holds;
- **a closed period** on the verb: a bound ("until 2022"), a span counted in years or months ("for
  six years"; "for two hours" tells an event's length), a range ("from 2015 to 2019"); or, for a
  verb of a state, a later event it came before ("before moving to York", "before that");
- **ending aspect**: a negation with an ending adverb ("no longer", "not … anymore", "not any more").

The closed word classes the parse cannot know (the bounds, the period units, the ending adverbs) are
the meaning bank of stopped states, ``kgmem/resources/intents/stopped.json``. Whether a verb holds a
state, and which slots a period closes, is the caller's policy.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kgmem import packaged

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATIONS = frozenset({"not", "n't", "nt", "no", "never"})


@lru_cache(maxsize=1)
def bank() -> dict[str, Any]:
    """The stopped-states bank (``kgmem/resources/intents/stopped.json``), its lists as frozensets."""
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in packaged.entries("intents", "stopped.json").items()}


def past_tense(verb: Token) -> bool:
    """A simple past ("worked", "was"), a past perfect ("had lived") or a past progressive ("was
    living"); not a present perfect ("have worked")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() == "have" and a.tag_ in ("VBP", "VBZ") for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def closed_period(verb: Token) -> bool:
    """The verb carries a period that ended: "until 2022", "for six years", "from 2015 to 2019" (the
    tense is the caller's to check)."""
    b = bank()
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        word = c.lower_
        if word in b["bounds"]:
            return True
        if word == "for" and any(g.dep_ == "pobj" and g.lower_ in b["period_units"] for g in c.children):
            return True
        if word == "from" and any(g.dep_ == "prep" and (g.lower_ == "to" or g.lower_ in b["bounds"]) for g in c.children):
            return True
    return False


def came_before(verb: Token) -> bool:
    """The verb is placed before a later event: "before moving to York", "before I moved", "before
    that". It closes a state ("I lived in Leeds before …"), not a beginning ("started at Google
    before Christmas" begins what holds): whether the verb holds a state is the caller's to check."""
    return any(c.lower_ == "before" and c.dep_ in ("prep", "mark") or c.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ == "before" for g in c.children) for c in verb.children)


def ending_negation(tokens: Iterable[Token]) -> bool:
    """A negation with an ending adverb among the tokens: "no longer", "not … anymore", "not any more"."""
    words = list(tokens)
    still = bank()["still"]
    negated = any(t.dep_ == "neg" or t.lower_ in NEGATIONS for t in words)
    return negated and any(t.lower_ in still or (t.lower_ == "more" and t.i > 0 and t.doc[t.i - 1].lower_ == "any")
                           for t in words)
