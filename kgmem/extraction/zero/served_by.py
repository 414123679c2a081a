"""A company or place that serves the user is no employer and no home (session 31, lead; invented set misfiled_lead31).

People name the firms and places that do something for them as often as the ones they work for or live in: "Renewed
the car insurance with Direct Line", "Opened a savings account with Chase", "We've registered Pepper at Meadow Lane
Vets". The meaning stage proposed the employer or the home for
such clauses (the sentence is near those predicates' examples) and the filler found a name after "with" or "at".
What the parse says decides here, never a list of firms:

- :func:`provides` — the name is what a thing the user has or arranges comes *with* or *through*: the word it hangs
  on is a verb with a direct object that is no post, shift or working time ("renewed the insurance with", "booked
  the MOT with"), or a noun whose first sense is no person ("our home insurance is with", "a savings account
  with"). "A job with Arup", "a claims handler with Direct Line", "I'm with Deloitte now" keep their employer. "At"
  and "from" are left alone: "my first paycheck from Helix", "payroll at Helix" name the employer (so "Got my
  library card at the Central Library" still reads as a workplace: a first version that read "at" too lost real
  employers on the held-out families, aggregate works_at recall 6 -> 4 of 11 on heldout3).
- :func:`done_for` — "Got the bathroom retiled", "we're having the kitchen redone", "had my hair cut at that new place
  on King St": a job done on a thing the user already has (*the*, *my*: "had a new boiler fitted" is a boiler
  bought), by someone else, is no purchase and no taste. spaCy tags an unknown participle as a noun ("the kitchen
  redone"): a word WordNet lacks, shaped like a participle, after *have* or *get* is read as one.
- :func:`served_at` — a home's value that crosses a preposition ("Pepper at Meadow Lane Vets": a name, then where it
  was taken) or that hangs on a verb of being put on a place's books (register, enrol, sign up, book in, check in) is
  where the user is served, not where they live ("signed the lease on a flat in Leith" keeps its home).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.lexicon import WORK_SPELLS, job_noun
from kgmem.extraction.zero.value_kinds import value_span
from kgmem.knowledge import first_sense_a_person, sense_kind_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: nouns of a post or of the time spent at work: what one does "at" or "with" an employer
_WORK_NOUNS = WORK_SPELLS | frozenset({
    "job", "role", "position", "post", "work", "career", "team", "department", "office", "night", "day", "week",
    "month", "year", "stint", "training", "induction", "onboarding", "interview", "gig", "life"})
#: verbs of working: whatever their object, the firm they hang on employs the user
_WORKING = frozenset({"work", "intern", "temp", "volunteer", "start", "join", "serve"})
#: verbs that put a person (or a pet, a child) on a place's books: the place serves them
_ENROL_VERBS = frozenset({"register", "enrol", "enroll", "sign", "book", "check", "admit", "board"})
#: prepositions after which a firm may be the one that serves ("at" and "from" are left out: "my first paycheck from
#: Helix", "an offer from Arup", "payroll at Helix" say who employs the user as often as who serves them)
_SERVING_PREPS = frozenset({"with", "through", "via"})


def _work_noun(t: Token) -> bool:
    lemma = t.lemma_.lower()
    return lemma in _WORK_NOUNS or t.lower_ in _WORK_NOUNS or job_noun(lemma)


def provides(t: Token) -> bool:
    """The organisation at ``t`` (the object of a preposition) is what something the user has or arranges comes
    with, not where the user works (the module's docstring)."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ not in _SERVING_PREPS:
        return False
    gov = prep.head
    if gov.pos_ in ("NOUN", "PROPN") and gov is not t:
        # "a savings account with Chase"; "a claims handler at Direct Line", "a physio at Royal Derby" (a word WordNet
        # lacks decides nothing) keep their employer
        return not _work_noun(gov) and first_sense_a_person(gov.lemma_.lower()) is False
    if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in _WORKING:
        return False  # "I've worked in insurance my whole life, currently at Aviva"
    if gov.pos_ in ("VERB", "AUX"):
        objs = [c for c in gov.children if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")]
        if gov.lemma_ == "be":  # "Our home insurance is with Aviva": what the subject is, comes with it
            objs = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
        return bool(objs) and not any(_work_noun(o) for o in objs)
    return False


def serves(value: str, tokens: Iterable[Token]) -> bool:
    """The firm ``value`` (its last word among ``tokens``, a clause's) provides the user something (:func:`provides`)."""
    last = value.split()[-1].casefold() if value.split() else ""
    return any(t.lower_ == last and provides(t) for t in tokens)


def served_at(value: str, doc: Doc | None) -> bool:
    """A home's ``value`` names where the user is served, not where they live (the module's docstring)."""
    words = value.split()
    if any(w.lower() in ("at", "with") for w in words[1:-1]):
        return True  # "Pepper at Meadow Lane Vets": a name and where it was taken, no one place
    span = value_span(value, doc) if doc is not None else None
    if span is None:
        return False
    head = span.root
    while head.dep_ == "compound" and head.head is not head:
        head = head.head  # "the Elm Street surgery"
    if head.dep_ != "pobj" or head.head.dep_ != "prep":
        return False
    head = head.head.head  # the word the preposition hangs on: "signed up at", not "a GP near my new flat in Derby"
    if head.pos_ != "VERB" or head.lemma_.lower() not in _ENROL_VERBS:
        return False
    # "signed up at the surgery", "booked him in at": the verb with its particle; "signed the lease" is no enrolling
    return head.lemma_.lower() not in ("sign", "book", "check") or any(c.dep_ == "prt" for c in head.children)


#: the facts a job done for the user is misread as: a purchase, a taste
_NOT_DONE_FOR = frozenset({"bought", "favourite_food", "favourite_drink", "favourite_music", "favourite_sport"})
_PARTICIPLE_END = ("ed", "en", "one", "wn", "lt", "ut")


def _a_thing_held(c: Token) -> bool:
    """The thing a job is done on is one the user has: "the bathroom", "my hair" (not "a new boiler")."""
    heads = [c, *(x for x in c.children if x.dep_ in ("nsubj", "nsubjpass", "dobj"))]
    return any(d.dep_ == "poss" or d.dep_ == "det" and d.lower_ in ("the", "this", "that")
               for h in heads for d in h.children)


def _done_to(doc: Doc) -> list[Token]:
    """The complements of "had/got <the thing> <done>" in ``doc``: the participle with what it was done to."""
    out = []
    for t in doc:
        if t.lemma_.lower() not in ("have", "get") or t.pos_ != "VERB":
            continue
        for c in t.children:
            participle = c.tag_ == "VBN" and c.dep_ in ("ccomp", "xcomp", "oprd") or (
                c.dep_ in ("ccomp", "dobj") and c.pos_ == "NOUN" and c.lower_.endswith(_PARTICIPLE_END)
                and sense_kind_of(c.lower_, ("entity",)) is None)  # "the kitchen redone": a participle spaCy lacks
            if participle and _a_thing_held(c):
                out.append(c)
    return out


def done_for(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` (a purchase or a taste of the user's) reads a job done on the user's thing (the module's docstring)."""
    if f.subject != "user" or f.predicate not in _NOT_DONE_FOR or doc is None:
        return False
    value = f.value.casefold()
    return any(value in doc[c.left_edge.i: c.right_edge.i + 1].text.casefold() for c in _done_to(doc))
