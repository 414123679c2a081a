"""Whether the evidence line a reply rests on answers the question, by meaning and by the value it
holds, so that no gate abstains on the question's leftover words.

A line answers when it is the user's own and holds a value of the kind the question wants (a typed
span of the plan's answer type, or the slot's value kind: a time taken for a personal best, data in
``kgmem/resources/intents/slot_values.json``), and either

- its own meaning is on the question (the line's MiniLM cosine to the question at least the pool's
  on-topic floor), or
- it ties the value to the very thing the question asks about: a name right after the question's
  relation noun ("my flatmate Lukas" for "what's my flatmate called").

Such a line makes words like "km" ("my best time in 5 km" told as "parkrun … 28 minutes and 40
seconds") leftovers, not missing content. A value of the same measure that differs from the
question's ("10 km" asked, "5 km" told) is no answer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem import packaged
from kgmem.answer import measures, stale
from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.extracted import Extracted
from kgmem.answer.match import norm, terms
from kgmem.answer.spans import RELATION_WORDS, my_relation_names, tied_relation
from kgmem.answer.whose import thing_holder
from kgmem.lexicon.people import people_noun
from kgmem.models import QueryPlan
from kgmem.retrieval.question import asked_relation

#: the line's own cosine to the question at which it is on the question (the same floor as the
#: abstention's best-sentence floor, :data:`kgmem.answer.abstain.MIN_SENTENCE_SIMILARITY`)
ON_QUESTION = 0.40

#: measures a question may state as a condition ("in 5 km", "over 10 miles", "at 80 kg")
_MEASURES = ("distance", "weight", "height")
_KIND_PATTERNS: dict[str, re.Pattern[str]] = {
    "duration": re.compile(r"\b\d+\s*(?:min(?:ute)?s?|secs?|seconds?|hours?|hrs?|h)\b|\b\d{1,2}:\d{2}(?::\d{2})?\b", re.I),
    "number": re.compile(r"\b\d+(?:[.,]\d+)?\b"),
    "money": re.compile(r"[$£€]\s?\d|\b\d[\d,.]*\s?(?:k\b|dollars|pounds|euros|quid|bucks)", re.I),
}


@lru_cache(maxsize=1)
def _slot_kinds() -> dict[str, str]:
    return packaged.entries("intents", "slot_values.json")


def slot_value(slot: str | None, text: str) -> bool:
    """Whether the text holds a value of the slot's kind (``False`` for a slot without one)."""
    kind = _slot_kinds().get(slot or "")
    return bool(kind and _KIND_PATTERNS[kind].search(text))


def _names_relation(text: str, relation: str, value: str) -> bool:
    """The value is named right after the relation noun ("my flatmate Lukas")."""
    if value not in my_relation_names(text):
        return False
    return bool(re.search(rf"\b(?:my|our)\s+(?:\w+\s+)?{re.escape(relation)}\W+{re.escape(value)}\b", text, re.I))


def _other_measure(question: str, text: str) -> bool:
    """The line states a value of a measure the question also states, and a different one ("10 km"
    asked, "5 km" told)."""
    for measure in _MEASURES:
        asked = {_key(v) for v in measures.values(question, measure)}
        told = {_key(v) for v in measures.values(text, measure)}
        if asked and told and not asked & told:
            return True
    return False


def _key(value: str) -> str:
    return re.sub(r"\s+", "", value.lower())


def leftover(question: str, word: str, told: list[str]) -> bool:
    """A question word the answering line need not repeat: the unit of a value the question itself
    states ("km" of "my best time in 5 km") when the evidence ``told`` states that same value
    elsewhere ("Yesterday I ran 5 km … 31 minutes"): the thread is that distance, and its newest
    time answers. A value memory never states ("10 km") is no leftover, nor is a content word ("half
    marathon", "anatomy"): either may name another instance of the kind."""
    w = word.lower()
    for m in _MEASURES:
        for v in measures.values(question, m):
            if (w in v.lower().split() or v.lower().endswith(w)) and any(
                    _key(v) == _key(t) for text in told for t in measures.values(text, m)):
                return True
    return False


def fits(plan: QueryPlan, text: str, values: list[str]) -> list[str]:
    """The values of a line that can answer the question: not told as stopped for a question about
    now (:mod:`kgmem.answer.stale`), and, for a question asking someone's name by relation, not a
    name the line ties to the question's possessor ("My sister Ana" is no name of "my sister's
    boyfriend"; "our puppy Biscuit" may be "my dog")."""
    values = stale.current(plan, text, values)
    things = mine_asked(plan)
    if values and things & terms(text) and thing_holder(text, things) == "other":
        return []  # "my hamster's name": a line telling of a hamster someone else holds names none of the user's
    relation = asked_relation(plan.question)
    if relation is None:
        return values
    asked = {w.lower() for w in re.findall(r"[A-Za-z]+", plan.question)}
    return [v for v in values if ((tied := tied_relation(text, v)) is None or tied == relation or tied not in asked)
            and not someone_elses_relation(text, v)]


def someone_elses_relation(text: str, name: str) -> bool:
    """The line names the person as someone else's relation ("Bianca introduced me to their grandmother
    Selin", "Tom's sister Ana"; not "Mum's sister Ana", the user's kin's kin): no name of the user's own."""
    # one adjective may stand between ("her little sister Ana"), never the user's own possessive: "I told
    # her my sister Ana …" has "her" as an object (rev21)
    m = re.search(rf"\b(?P<p>[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[A-Z][\w-]*)(?P<s>['’]s)?\s+(?:(?!(?i:my|our)\b)\w+\s+)?"
                  rf"(?P<r>\w+)\W{{1,3}}{re.escape(name)}\b", text)
    if m is None or m.group("r").lower() not in RELATION_WORDS:
        return False
    own = m.group("p").lower()
    return own in ("his", "her", "their", "your") or (m.group("s") is not None and own not in RELATION_WORDS)


def mine_asked(plan: QueryPlan) -> frozenset[str]:
    """The comparison forms of the things the question asks about as the user's own ("my tortoise",
    "our car"; a person is asked by relation, :func:`asked_relation`), empty when it asks of none."""
    words = [*plan.focus, *([plan.head] if plan.head else [])]
    # the thing right after "my"/"our" (an adjective between): "my cousin's wedding" is the cousin's
    return frozenset(norm(w) for w in words if re.fullmatch(r"[\w-]+", w) and not people_noun(w.lower())
                     and re.search(rf"\b(?:my|our)\s+(?:[\w-]+\s+)?{re.escape(w)}\b", plan.question, re.I))


def answers(ev: EvidenceSet, extracted: Extracted | None) -> bool:
    """Whether the extracted value's line answers the question (see the module's docstring)."""
    line = extracted.line if extracted is not None else None
    if extracted is None or line is None or line.role != "user" or line.actuality != "actual":
        return False
    plan = ev.result.plan
    if not (extracted.typed or slot_value(plan.slot, line.text)) or _other_measure(plan.question, line.text):
        return False
    relation = asked_relation(plan.question)
    if relation is not None and extracted.typed and _names_relation(line.text, relation, extracted.value):
        return True
    sim = ev.line_similarity([line]).get((line.turn_id, line.position), 0.0)
    return sim >= ON_QUESTION
