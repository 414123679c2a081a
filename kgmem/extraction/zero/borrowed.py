"""A thing used for a while is not the user's (session 31, lead; invented set misfiled_lead31, ``car_tried``).

"Borrowed my dad's Volvo for the weekend", "We hired a Fiat 500 for the week in Sicily", "took the new Kia EV6 for a
test drive": the car is driven, but it is not the car the user drives, nor one they bought. The parse says so, not a
list of cars: the thing is the object of a verb of borrowing or hiring, or of a verb with "test" on it ("test drove",
"test-drove") or a "test drive" it was taken for. Whose it is decides nothing alone: "I've been driving my sister's
Fiesta since mine broke" is the car the user drives now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: what the user has: a thing used for a while is none of these
_HAD = frozenset({"drives", "owns", "bought", "phone"})
#: verbs of having a thing for a while
_BORROWING = frozenset({"borrow", "hire", "rent", "loan", "lend"})


def _verb_of(t: Token) -> Token | None:
    while t.pos_ not in ("VERB", "AUX") and t.head is not t and t.dep_ in ("compound", "dobj", "pobj", "prep", "conj",
                                                                           "nummod", "appos", "amod"):
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


def _tried(verb: Token) -> bool:
    """The verb says a trial: "test drove", "test-drove", "took … for a test drive"."""
    before = [t.lower_ for t in verb.doc[max(0, verb.i - 2): verb.i] if t.text not in ("-", "‐")]
    if before[-1:] == ["test"]:
        return True  # "test drove", "test-drove" (however the parse hangs "test")
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                g.dep_ == "pobj" and any(d.lower_ == "test" for d in g.children) for g in c.children):
            return True
    return False


def used_awhile(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` says the user has a thing the line tells was borrowed, hired or tried."""
    if f.subject != "user" or f.predicate not in _HAD or doc is None or not f.value.split():
        return False
    words = {w.casefold() for w in f.value.split()}
    for t in doc:
        verb = _verb_of(t) if t.lower_ in words else None
        if verb is not None and (verb.lemma_.lower() in _BORROWING or _tried(verb)):
            return True
    return False
