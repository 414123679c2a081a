"""A question that asks for the thing itself, not how many: "Which museum did I go to two weeks ago?".

The meaning bank's nearest phrasing of such a question is often a count ("Count the museums I went to"): the words
are the same, only the asking differs. A "which / what <noun>" question with no counting words ("how many", "number
of", "count", "tally", "total", "how often") asks for one thing when its noun is singular ("which museum", "what
class") and for the things when it is plural ("which museums have I been to": a list, never a bare number). Read by
the parse, so "class" is singular though it ends in "s" and "gigs" plural.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem.models import Intent
from kgmem.nlp import load_nlp
from kgmem.retrieval.intents import IntentMatch

#: words that ask how many, however the plan came out
COUNTING = re.compile(r"\bhow\s+(?:many|much|often)\b|\bnumber\s+of\b|\b(?:count|tally|total|totals|sum|altogether)\b|"
                      r"\badd(?:s|ed)?\s+up\b|\bin\s+all\b", re.I)
#: the words that made an aggregate question's answer a number before this module (kept as they were)
_SHAPE_WORDS = re.compile(r"\bhow (many|much)\b|\bnumber of\b|\btotal\b|\bcount\b", re.I)
#: "which / what <noun>" opening the question (after a discourse opener: "so, which …", "remind me: what …")
_WH_NOUN = re.compile(r"(?:^|[,:;]\s*|\bme\s+)(?:which|what)\s+([a-z][\w-]*)\b", re.I)


@lru_cache(maxsize=2048)
def _asked_noun_tag(q: str) -> str | None:
    """The parse's tag of the noun a "which / what <noun>" question asks for (NN / NNS / NNP …), else ``None``."""
    m = _WH_NOUN.search(q)
    if m is None:
        return None
    for tok in load_nlp()(q):
        if tok.idx == m.start(1):
            head = tok
            while head.dep_ == "compound" and head.head.i > head.i:  # "which *day* out", "what *gym* class"
                head = head.head
            return head.tag_ if head.pos_ in ("NOUN", "PROPN") and head.tag_.startswith("NN") else None
    return None


def which_one(q: str) -> bool:
    """The question asks for one thing by "which / what <singular noun>" and does not count ("which museum did I go
    to two weeks ago", "what class did I try on the 21st")."""
    return not COUNTING.search(q) and _asked_noun_tag(q) in ("NN", "NNP")


@lru_cache(maxsize=2048)
def asks_past(q: str) -> bool:
    """The question asks about a past doing or state: its main verb or an auxiliary of it is in the past tense ("which
    museum *did* I go to", "which city *was* I in"), not "which gym do I go to these days" (a state of now, however
    long ago it was told)."""
    for tok in load_nlp()(q):
        if tok.dep_ == "ROOT":
            return any(t.tag_ == "VBD" for t in (tok, *(c for c in tok.children if c.dep_ in ("aux", "auxpass"))))
    return False


def which_things(q: str) -> bool:
    """The question asks for the things by "which / what <plural noun>" and does not count ("which museums have I
    been to", "what gigs have I been to lately")."""
    return not COUNTING.search(q) and _asked_noun_tag(q) in ("NNS", "NNPS")


def aggregate_shape(q: str, slot: str | None) -> str:
    """The answer shape of an aggregate question: a number when it counts or sums (a count / sum slot, or its words
    "how many / much", "number of", "total", "count"), a list otherwise, and a list too when a count slot came only
    from the meaning bank for "which / what <nouns>" ("which museums have I been to")."""
    counts = bool(_SHAPE_WORDS.search(q))
    if slot == "count" and not counts and which_things(q):
        return "list"
    return "number" if slot in ("count", "sum") or counts else "list"


def not_counted(q: str, rx: Intent | None, match: IntentMatch | None) -> tuple[Intent | None, IntentMatch | None]:
    """The regex intent and the meaning match of a question, without a count that a "which / what <singular noun>"
    question does not ask for (the plural-noun rule of the regex path matches "class"; the meaning bank's nearest
    phrasing of "which museum did I go to" is "count the museums I went to")."""
    if not which_one(q):
        return rx, match
    return (None if rx == Intent.AGGREGATE else rx), (None if match is not None and match.intent == Intent.AGGREGATE.value else match)
