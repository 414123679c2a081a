"""Open facts: what the user says about themself that no registry predicate covers.

A clause about the user that passed the checks, stored nothing through the patterns or the
meaning-based proposals, and has a content verb with an object becomes a fact with an **open
predicate**: the verb's lemma plus its particle and the preposition that introduces the object,
lower_snake_case ("I've been volunteering at the Eastside food bank" → ``volunteer_at`` =
"Eastside food bank"; "I signed up for a pottery course" → ``sign_up_for``). Its value is the
object's noun phrase; it is dated by the time the sentence says, else the session day. Open
predicates are not in the registry, so they are multi-valued and never supersede anything (the
memory manager treats unknown predicates that way); they serve the long tail of questions ("the
shelter I volunteered at") and counting across sessions.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem import predicates
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.lexicon import MENTAL_VERBS, NOT_GOODS, VALUE_BLOCKLIST
from kgmem.extraction.zero.nlp import noun_phrase
from kgmem.extraction.zero.sentences import Sentence, best_time

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs too light to name a relation on their own ("I have a question", "I got it", "I did that")
_LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "go", "take", "let", "give", "say", "tell", "ask",
                          "need", "want", "try", "use", "look", "see", "put", "keep", "come", "call", "help",
                          "think", "know", "feel", "mean", "seem", "hope", "guess", "wonder", "like", "love"})
_PREPS = ("at", "for", "with", "in", "on", "to", "into", "from", "about", "through", "as")
_PRONOUNS = frozenset({"it", "this", "that", "them", "one", "something", "anything", "everything", "you", "me",
                       "myself", "us", "him", "her", "lot", "bit", "stuff", "things", "thing", "time", "way"})


def _is_time(t: Token) -> bool:
    ent = t.ent_type_
    return ent in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT")


def _object(v: Token) -> tuple[str, Token] | None:
    """The verb's first object after it, and the preposition that introduces it ("" for a direct
    object); durations and dates ("for the last six months") are adjuncts, not objects."""
    found: list[tuple[int, str, Token]] = []
    for c in v.children:
        if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not _is_time(c):
            found.append((c.i, "", c))
        if c.dep_ in ("prep", "prt") and c.lower_ in _PREPS and c.i > v.i:
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None and not _is_time(obj):
                found.append((c.i, c.lower_, obj))
    if not found:
        return None
    _, prep, obj = min(found, key=lambda x: x[0])
    return prep, obj


def open_predicate(v: Token, prep: str) -> str:
    """``volunteer_at``, ``sign_up_for``: verb lemma, particle, preposition, lower_snake_case."""
    parts = [v.lemma_.lower()]
    parts += [c.lower_ for c in v.children if c.dep_ == "prt" and c.lower_ != prep]
    if prep:
        parts.append(prep)
    return re.sub(r"[^a-z_]", "", "_".join(parts))


def open_fact(sent: Sentence, date: datetime, clause: Clause) -> CandidateFact | None:
    """The open fact a clause states, if it has a content verb with an object (else None)."""
    v = clause.head
    # "I've been volunteering…": the content verb, not the auxiliary chain around it
    if v.pos_ != "VERB" or v.lemma_.lower() in _LIGHT_VERBS or v.lower_ in MENTAL_VERBS or v.tag_ == "VB":
        return None  # a base form is a request or a plan ("Write a short bio…"), not a deed
    found = _object(v)
    if found is None:
        return None
    prep, obj = found
    value = noun_phrase(obj, ("nummod", "compound", "npadvmod", "amod"))
    low = value.lower()
    if not value or low in _PRONOUNS or low in VALUE_BLOCKLIST or obj.lower_ in NOT_GOODS or len(value) > 80:
        return None
    pred = open_predicate(v, prep)
    if not pred or predicates.get(pred) is not None:
        return None  # a registry name would borrow the registry's single-valued slot
    when = best_time(sent.times)
    phrase = pred.replace("_", " ")
    return make_fact(sent, pred, value, "item", True, when, date, confidence=0.5,
                     text=f"User {phrase} {value}.")
