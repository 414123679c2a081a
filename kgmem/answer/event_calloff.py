"""An event called off: a line whose predicate over the event is negated or cancels it.

"We've scrapped the half-term trip to Edinburgh", "The Elbow gig got pushed back to December",
"The spa day is off", "Didn't make it to book club": the event's own noun in the line hangs on a
predicate (its verb, with the verb it completes: "decided to *cancel* the trip"), and that
predicate either carries a negation in the parse or is a calling off. A calling off is read as the
predicate's lemma with its particle ("push back", "be off", "pull out") against the one list of
such predicates (``structure.called_off`` of kgmem/resources/lexicon/event_roles.json), never as a
word anywhere in the line ("I finally went, after two cancelled trains" calls nothing off).

Which event a line is about is the caller's judgement (the same instance: its words, names and
modifiers; :mod:`kgmem.answer.event_mentions`); this module reads only what the line does to it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from kgmem.answer.evidence import BOOKING_VERBS, PROPOSAL_VERBS, verb_base
from kgmem.answer.match import norm
from kgmem.retrieval.question import nlp as question_nlp

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the predicates a calling off may hang the event on
_PREDICATE_TAGS = {"VERB", "AUX"}
#: a verb completed by another passes its calling off or negation down ("decided not to go")
_COMPLEMENT_DEPS = {"xcomp", "ccomp"}
#: the words after a verb that make it another predicate ("push back", "pull out", "be off")
_PARTICLE_DEPS = {"prt", "advmod", "prep", "acomp"}


@lru_cache(maxsize=1)
def _called_off_predicates() -> frozenset[str]:
    path = resources.files("kgmem").joinpath("resources", "lexicon", "event_roles.json")
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["structure"]["called_off"])


def _predicates(tok: Token) -> list[Token]:
    """The predicate the token hangs on (the first verb above it) and the verbs that predicate
    completes ("decided to give the tasting a miss": give, decided)."""
    head = tok
    while head.pos_ not in _PREDICATE_TAGS and head.head.i != head.i:
        head = head.head
    if head.pos_ not in _PREDICATE_TAGS:
        return []
    out = [head]
    while head.dep_ in _COMPLEMENT_DEPS and head.head.i != head.i and head.head.pos_ in _PREDICATE_TAGS:
        head = head.head
        out.append(head)
    return out


def _phrases(verb: Token) -> set[str]:
    """The verb's lemma alone and with each particle that follows it ("pushed back" → push, push back)."""
    lemma = verb.lemma_.lower()
    parts = {lemma}
    for c in verb.children:
        if c.dep_ in _PARTICLE_DEPS and c.i > verb.i and len(c.text) > 1 and c.pos_ in ("ADP", "ADV", "PART"):
            parts.add(f"{lemma} {c.lower_}")
    dobj = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    parts |= {f"{lemma} the {c.lower_}" for c in dobj}  # "pull the plug"
    return parts


#: a negated ability is a state, not an event called off ("I can't drive till the optician says so"),
#: nor is a negated "be" ("hope tenerife isn't windy")
_ABILITY = {"can", "ca"}


def _negated(verb: Token) -> bool:
    """The predicate is a verb that carries a negation ("didn't make it", "never went", "ended up
    not going"), not of an ability."""
    kids = list(verb.children)
    return (verb.pos_ == "VERB" and any(c.dep_ == "neg" for c in kids)
            and not any(c.dep_ == "aux" and c.lower_ in _ABILITY for c in kids))


@lru_cache(maxsize=4096)
def _reading(text: str) -> tuple[tuple[str, bool, bool], ...]:
    """Per word of the line (its comparison form): whether its predicate is negated, and whether
    it calls off."""
    nlp = question_nlp()
    if nlp is None:
        return ()
    bank = _called_off_predicates()
    out = []
    for tok in nlp(text):
        if not tok.is_alpha or tok.is_stop:
            continue
        preds = _predicates(tok)
        negated = any(_negated(p) for p in preds)
        cancels = any(_phrases(p) & bank for p in preds)
        out.append((norm(tok.lower_), negated, cancels))
    return tuple(out)


#: the user, or nobody named: the doer of a diary line ("Went bouldering this morning")
_USER_WORDS = frozenset({"i", "we", "me", "us"})
#: a verb that describes a noun or sits under "if/when" tells no doing of the line's own
_NOT_OWN_DEPS = frozenset({"relcl", "acl", "amod", "compound", "pcomp"})


def _done_verb(verb: Token) -> bool:
    """A verb telling the user's own past doing: past tense (or a perfect: "have done"), not
    negated, not a booking or someone's offer, not a calling off, its doer the user or unnamed."""
    kids = list(verb.children)
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids))
    if verb.pos_ != "VERB" or not past or verb.dep_ in _NOT_OWN_DEPS or any(c.dep_ == "mark" for c in kids):
        return False
    if verb_base(verb.lemma_.lower()) in BOOKING_VERBS | PROPOSAL_VERBS or _negated(verb):
        return False
    if _phrases(verb) & _called_off_predicates():
        return False
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":  # "Booked a table and went": the first verb's doer
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(c.lower_ in _USER_WORDS for c in subjects)


@lru_cache(maxsize=4096)
def tells_done(text: str) -> bool:
    """Whether the line tells, by its own verb, something the user did ("Went bouldering at the
    Castle this morning", "Ran the parkrun in 27 minutes") — not only booked, offered, planned or
    called off ("Booked a spa day for Saturday!"). A calling off told later undoes what was only
    arranged shortly before it, never what a line tells as done."""
    nlp = question_nlp()
    if nlp is None:
        return False
    doc = nlp(text)
    if any(_done_verb(tok) for tok in doc):
        return True
    # a diary line opening with its verb is often tagged an order ("Ran the parkrun" as VB): read
    # it with the user as its doer ("I ran the parkrun")
    first = next((t for t in doc if t.is_alpha), None)
    if first is None or first.tag_ != "VB" or any(c.dep_ == "nsubj" for c in first.children):
        return False
    return any(_done_verb(tok) for tok in nlp(f"I {text[first.idx:first.idx + 1].lower()}{text[first.idx + 1:]}"))


def calls_off(text: str, core: set[str]) -> bool:
    """Whether the line's predicate over one of the event's words (``core``: comparison forms)
    is negated or calls the event off."""
    return any((negated or cancels) for word, negated, cancels in _reading(text) if word in core)
