"""A request for a suggestion, read by its words and its mood (the planner's preference rule): "recommend",
"any ideas", "what should I …", and — whatever the thing asked for — an order to the assistant to choose,
find or offer, a thing asked for by its worth to the user, a want told as one (pf16). One pattern, read by
:mod:`kgmem.retrieval.question` (the regex fast path) and, through it, by the answer's advice path."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import numpy as np

from kgmem import packaged

#: a request for a suggestion by its words ("recommend", "any ideas", "what should I …", "which … would I like")
_WORDS = re.compile(
    r"\b(recommend|suggest|suggestions?|recommendations?|ideas?|tips|advice|any advice|"
    r"what should i|should i|can you (help me )?(find|pick|choose|plan)|what would you|"
    r"something (to|for)|looking for|inspiration|options for|what could i|what can i|where could i|"
    r"where should i|how should i|could you suggest|any good|what's the pick|what is the pick|"
    r"what's next for me|what next|what to (read|watch|cook|try|do|make|listen|play|eat|get|buy))\b|"
    # a suggestion asked for by what the user would like, not by "recommend" ("which restaurant
    # would I like", "what workout would suit me", "what should we watch", "any recs?")
    r"\b(?:would|will)\s+(?:i|we)\s+(?:like|enjoy|love|prefer|dig)\b|\b(?:suits?|fit)\s+(?:me|us)\b|"
    r"\bup\s+(?:my|our)\s+(?:alley|street)\b|\b(?:should|could|shall)\s+(?:we|i)\s+(?:watch|read|cook|make|do|go|try|"
    r"listen|eat|play|visit|see|put\s+on)\b|\b(?:i|we)\s+(?:could|should|might)\s+(?:watch|read|cook|make|do|try|"
    r"listen|eat|play|visit)\b|\brecs\b|\bany\s+rec\b|\b(?:any|some)\s+thoughts\b|,\s*thoughts\s*\?\s*$|\bin\s+the\s+mood\s+for\b|"
    r"\b(?:that|which)?\s*(?:i|we)'d\s+(?:actually\s+|really\s+)?(?:enjoy|love|like|dig)\s*[?.!]*\s*$|"
    r"\bfor\s+(?:me|us)\s+to\s+(?:put\s+on|watch|read|try|cook|make|do|listen\s+to|play)\b", re.I)
#: a request by its mood, whatever the thing asked for (pf16): an order to the assistant to choose, find
#: or offer ("pick a movie for me", "hit me with a book", "could you come up with a plan"), a thing asked
#: for by its worth to the user ("what's worth watching", "which hike is right for me", "my next read"),
#: a want told as one ("I'm after something light", "I'm stuck for something to do", "can't decide what")
#: an order to the assistant to choose, find or offer, opening any clause: the request is the main clause, so a
#: past verb in a clause of the thing ("pick me a film like the one we watched") recalls nothing (rev16)
_ORDER = re.compile(
    r"(?:^|[,;:.!?]|\b(?:so|and|but|then)\b)\W*(?:(?:please|so|ok(?:ay)?|hey|right|now|and)\W+)?(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|"
    r"(?:do\s+you\s+)?(?:mind|fancy)\s+)?(?:(?:pick(?:ing)?(?:\s+out)?|choos(?:e|ing)|find(?:ing)?|nam(?:e|ing)|propos(?:e|ing)|"
    r"suggest(?:ing)?|recommend(?:ing)?|lin(?:e|ing)\s+up)(?:\s+(?:me|us))?\s+(?:a|an|some|something|one|anything|a\s+few|the\s+best)\b|surpris(?:e|ing)\s+(?:me|us)|throw(?:ing)?\s+(?:me|us)|hit(?:ting)?\s+(?:me|us)\s+with|point(?:ing)?\s+(?:me|us)|"
    r"steer(?:ing)?\s+(?:me|us)|put(?:ting)?\s+together|come\s+up\s+with|coming\s+up\s+with|think(?:ing)?\s+(?:up|of)|"
    r"help(?:ing)?\s+(?:me|us)\s+(?:to\s+)?(?:decide|choose|find|plan|pick|figure|sort|work\s+out)|"
    r"(?:tell|give|show|send|get|find)(?:ing)?\s+(?:me|us)\s+(?:a|an|some|something|one|what\s+to|which\s+\w+\s+to|"
    r"where\s+to|how\s+to))\b", re.I)
_MOOD = re.compile(
    r"\b(?:what(?:'s|\s+is|\s+would\s+be|\s+might\s+be|'d\s+be|\s+could\s+be)|where(?:'s|\s+is|\s+would\s+be|'d\s+be)|"
    r"which\s+\w+(?:\s+\w+)?\s+(?:is|are|would\s+be|might\s+be))\s+(?:a\s+|an\s+|some\s+)?"
    r"(?:(?!(?:my|our|your|his|her|their|the)\b)\w+\s+)?"
    r"(?:good|nice|fun|great|decent|ideal|perfect|best|worth|fitting|suitable)\b(?!\s+(?:time|day|date|number)\b)|"
    r"\b(?:right|ideal|perfect|best|good)\s+(?:\w+\s+)?for\s+(?:me|us)\b|\bworth\s+(?:\w+ing)\b|"
    r"\b(?:my|our)\s+next\s+(?:read|watch|listen|book|show|series|film|movie|game|trip|meal|project|hobby)\b(?!\s+(?:was|is\s+called))|"
    r"\b(?:might|could)\s+(?:i|we)\s+(?:like|enjoy|love|prefer|dig|fancy)\b|"
    r"\b(?:something|anything)\s+(?:\w+\s+)?(?:(?:i|we)\s+(?:might|would|could|'d)\s+(?:like|enjoy|love|fancy)|to\s+\w+|for\s+(?:me|us))\b|"
    r"\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:after|stuck\s+for|looking\s+to|hunting\s+for|on\s+the\s+hunt\s+for|keen\s+(?:on|for)\s+"
    r"(?:a|an|some|something))\b|\b(?:can't|cannot|can\s+not)\s+decide\s+(?:what|which|where|on|between)\b|"
    r"\b(?:in\s+mind|up\s+your\s+sleeve)\s+for\s+(?:me|us)\b|^\W*how\s+about\s+(?:a|an|some)\b|\bany\s+(?:picks|pointers)\b|"
    r"\bwhat\s+do\s+you\s+reckon\b|\bi\s+(?:want|need|fancy)\s+(?:something|a\s+new|some\s+new)\b|\bpointers\b|"
    r"\b(?:suit|fit|work\s+for|go\s+down\s+well\s+(?:with|at|for))\s+(?:me|us|my|our)\b|"
    r"^\W*(?:what|which|where)\b(?![^?]*\b(?:did|was|were|had)\b)[^?]*\b(?:i|we)'d\s+(?:\w+\s+)?(?:enjoy|like|love|dig)\b|"
    r"\b(?:which|what)\s+\w+\s+would\s+you\b|\bif\s+you\s+were\s+me\b|"
    r"^\W*what(?:'s|\s+is)\s+(?:a|an|some)\s+\w+(?:\s+\w+)?\s+to\s+(?!do\s+with\b)\w+|"
    r"\byou'd\s+(?:send|take|point|steer|recommend|suggest|pick|choose|go\s+for)\b|^\W*(?:line\s+up|plan)\s+(?:me|us|a|an|some)\b|"
    r"\b(?:might|could)\s+(?:i|we)\s+(?:get\s+into|try|take\s+up)\b|"
    r"\b(?:i|we)'d\s+(?:like|love)\s+(?:a|an|some)\s+(?:\w+\s+){0,2}to\s+(?:try|read|watch|listen|play|cook|make|do|visit|see)\b", re.I)
#: a subject and a past form ("I moved", "my cousin took", "we watched")
_DONE = (r"\b(?:i|we|you|he|she|they|my\s+[\w-]+|our\s+[\w-]+)\s+(?:\w*[^\We]ed|found|took|gave|went|got|bought|saw|"
         r"made|met|ate|told|said|left|brought|sent|paid|spent|won|lost|read\s+(?:last|in|on|before|after))\b")
#: what a request by its mood never is: a recollection of the past ("what was my next read after …", "the taqueria my
#: cousin took me to", "the plumber I hired"), a name asked for ("… called?", "the name of …"), a fact of the user's
#: own ("what do you reckon my commute is") (rev16 H)
_RECALL = re.compile(r"\b(?:was|were|did|had|wasn't|weren't|didn't)\b(?!\s+me\b)|" + _DONE + "|"
                     r"\bname\s+of\b|\b(?:called|named)\s*\??\s*$|\b(?:my|our)\s+[\w-]+\s+(?:is|are)\b", re.I)
#: a past clause on a noun of the request's setting, not on the thing asked for: the noun is governed by a
#: preposition or by a verb of the thing ("worth seeing in the city I moved to", "a recipe that uses the spices I
#: bought", "a book like the one I read"), so the clause says which of the user's places or things is meant and
#: recalls nothing; "the best restaurant I went to" (the thing asked for itself) still recalls (rev16)
_SETTING_CLAUSE = re.compile(
    r"\b(?:in|at|near|around|for|with|like|from|to|into|on|onto|about|by|than|uses?|using|matches|match|suits?)\s+"
    r"(?:the|my|our|that|this|those|these)\s+(?:[\w-]+\s+){0,2}?(?:(?:that|which)\s+)?" + _DONE.removeprefix(r"\b"), re.I)
#: a question about what the user or theirs did: a recollection, whatever request it is near in meaning (the
#: planner's guard on its meaning path: "what did I cook for the party?")
RECOLLECTED = re.compile(r"\b(?:did|had)\s+(?:i|we|my|our)\b", re.I)
#: the whole rule, for the planner's table of fast paths (a question it matches is also read by
#: :func:`asks_for_suggestion`, which rules a recollection out of the mood)
PREFERENCE_REQUEST = re.compile(f"(?:{_WORDS.pattern})|(?:{_ORDER.pattern})|(?:{_MOOD.pattern})", re.I)
#: a question in the past itself ("did you find me a …"): no order now
_ASKED_PAST = re.compile(r"^\W*(?:\w+\s+)?(?:was|were|did|had)\b|\b(?:name\s+of|called\s*\??\s*$)", re.I)


def asks_for_suggestion(q: str) -> bool:
    """A request for a suggestion: by its words, or by its mood where the question recalls nothing."""
    return bool(_WORDS.search(q)) or (bool(_ORDER.search(q)) and not _ASKED_PAST.search(q)) or \
        (bool(_MOOD.search(q)) and not _RECALL.search(_SETTING_CLAUSE.sub(" ", q)))


# --------------------------------------------------------------------------- by meaning

#: a modal of choice or advice: a request for a suggestion asks what should, could or would be ("what should be
#: playing?", "where would you send me?"); "what do I drink most?" asks what is
_CHOICE_MOOD = re.compile(r"\b(?:should|could|would|might|shall|ought)\b|(?<=\w)'d\b", re.I)
#: how much nearer a question must be to the requests than to the other questions (the mean cosine of its nearest three)
REQUEST_MARGIN = 0.05
#: the nearest examples each side that speak for it
_NEAREST = 3
#: the examples' vectors per embedding model, computed once per process (the examples are fixed)
_BANK_VECTORS: dict[str, tuple[np.ndarray, np.ndarray]] = {}


@cache
def _bank() -> dict[str, list[str]]:
    """The request bank (``kgmem/resources/preference/requests.json``), read once."""
    data: dict[str, list[str]] = packaged.json_data("preference", "requests.json")
    return data


def _bank_vectors(embed: Callable[[list[str]], np.ndarray | None], model: str | None) -> tuple[np.ndarray, np.ndarray] | None:
    if model is not None and model in _BANK_VECTORS:
        return _BANK_VECTORS[model]
    asked, other = _bank()["requests"], _bank()["not_requests"]
    vecs = embed(asked + other)
    if vecs is None:
        return None
    out = (vecs[:len(asked)], vecs[len(asked):])
    if model is not None:
        _BANK_VECTORS[model] = out
    return out


def requested_by_meaning(question: str, embed: Callable[[list[str]], np.ndarray | None], model: str | None = None) -> bool:
    """A request for a suggestion whatever its words: in the mood of a choice (a modal: "what should be playing?"),
    recalling nothing (the mood path's guard), and nearer in meaning to requests of every kind than to questions of a
    fact, a recollection, a count or a task (the bank's examples). ``model``: the embedder's name, to compute the
    bank's vectors once per process."""
    if not _CHOICE_MOOD.search(question) or _RECALL.search(_SETTING_CLAUSE.sub(" ", question)) or \
            RECOLLECTED.search(question) or _ASKED_PAST.search(question):
        return False
    vecs = _bank_vectors(embed, model)
    q = embed([question]) if vecs is not None else None
    if vecs is None or q is None:
        return False
    near = [float(np.sort(side @ q[0])[::-1][:_NEAREST].mean()) for side in vecs]
    return near[0] - near[1] >= REQUEST_MARGIN
