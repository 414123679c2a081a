"""An event called off: a line whose predicate over the event is negated or cancels it.

"We've scrapped the half-term trip to Edinburgh", "The Elbow gig got pushed back to December",
"The spa day is off", "Didn't make it to book club": the event's own noun in the line hangs on a
predicate (its verb, with the verb it completes: "decided to *cancel* the trip"), and that
predicate either carries a negation in the parse or is a calling off. A calling off is read as the
predicate's lemma with its particle ("push back", "be off", "pull out") against the one list of
such predicates (the call_off and put_off senses of the one called-off lexicon,
:mod:`kgmem.lexicon.called_off`), never as a
word anywhere in the line ("I finally went, after two cancelled trains" calls nothing off).

Which event a line is about is the caller's judgement (the same instance: its words, names and
modifiers; :mod:`kgmem.answer.event_mentions`); this module reads only what the line does to it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem.answer.dropped_subject import reread_as_speaker
from kgmem.answer.evidence import BOOKING_VERBS, PROPOSAL_VERBS, negation_words, verb_base
from kgmem.answer.match import expand, norm
from kgmem.lexicon import calendar, called_off
from kgmem.lexicon.people import USER_PRONOUNS
from kgmem.retrieval.question import nlp as question_nlp

if TYPE_CHECKING:
    from spacy.tokens import Token

#: the predicates a calling off may hang the event on
_PREDICATE_TAGS = {"VERB", "AUX"}
#: a verb completed by another passes its calling off or negation down ("decided not to go")
_COMPLEMENT_DEPS = {"xcomp", "ccomp"}
#: the words after a verb that make it another predicate ("push back", "pull out", "be off")
_PARTICLE_DEPS = {"prt", "advmod", "prep", "acomp"}


def _called_off_predicates() -> frozenset[str]:
    return called_off.predicates("call_off", "put_off")


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


def _negation_reach(preds: list[Token]) -> list[Token]:
    """The predicates whose negation is the event's: its own verb and those it completes as an
    open complement ("didn't manage to go", "decided not to go"), not a clause a negated verb of
    thinking reports in a finite clause ("I didn't realise pottery would be so relaxing" calls no
    class off)."""
    out = preds[:1]
    for below, above in zip(preds, preds[1:]):
        if below.dep_ != "xcomp" and not _infinitive(below):
            break
        out.append(above)
    return out


def _infinitive(verb: Token) -> bool:
    """A complement with "to" and no tense of its own ("didn't make it to …"), not a finite clause
    ("… pottery would be so relaxing", "… that it was on")."""
    kids = list(verb.children)
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in kids) or (
        verb.tag_ in ("VB", "VBG") and not any(c.dep_ in ("aux", "auxpass") for c in kids))


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


#: per calling-off predicate of a word: whether it is a putting off, and the things the clause telling
#: it done acts on (``None``: no such clause)
_OffInfo = tuple[tuple[bool, "frozenset[str] | None"], ...]


@lru_cache(maxsize=4096)
def _reading(text: str) -> tuple[tuple[str, bool, _OffInfo], ...]:
    """Per word of the line (its comparison form): whether its predicate is negated, and each
    predicate over it that calls off — a putting off or not, and what a contrastive clause telling
    it done acts on."""
    nlp = question_nlp()
    if nlp is None:
        return ()
    bank, later = _called_off_predicates(), called_off.predicates("put_off")
    out = []
    for tok in nlp(text):
        if not tok.is_alpha or tok.is_stop:
            continue
        preds = _predicates(tok)
        negated = any(_negated(p) for p in _negation_reach(preds))
        offs = tuple((bool(_phrases(p) & later) or not _phrases(p) & bank, _came_after_all(p)) for p in preds
                     if _phrases(p) & bank or _moved_to_a_day(p, tok))
        out.append((norm(tok.lower_), negated, offs))
    return tuple(out)


#: verbs that shift a thing in time when they take it to a day ("the gig got moved to the 22nd")
_SHIFT_LEMMAS = frozenset({"move", "shift", "switch", "change", "bring", "push"})
#: what a shifting verb's subject or object is, for the thing shifted
_SHIFTED_DEPS = frozenset({"nsubjpass", "dobj", "nsubj"})
_DAY_WORD = re.compile(rf"^(?:\d{{1,2}}(?:st|nd|rd|th)|{calendar.weekday_alternation()}|{calendar.month_alternation()}|"
                       r"tomorrow|weekend|week|month|spring|summer|autumn|fall|winter)$", re.I)


def _moved_to_a_day(verb: Token, tok: Token) -> bool:
    """The event is the thing a verb shifts to another day ("the Fontaines gig got moved from the
    9th to the 22nd", "I switched my dentist appointment to Friday"): put off (or brought forward),
    so the line tells no doing of it. The day is the goal of the verb ("to"/"till"/"until" + a day
    word or a date); a place as the goal is a move of home ("we moved to Leeds"), and the event's
    word must be the verb's subject or object, not inside the goal."""
    if verb.lemma_.lower() not in _SHIFT_LEMMAS:
        return False
    path = tok
    while path.head.i != verb.i and path.head.i != path.i:
        path = path.head
    if path.head.i != verb.i or path.dep_ not in _SHIFTED_DEPS or path.lower_ in _USER_WORDS:
        return False
    goals = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "till", "until", "for")
             for g in c.children if g.dep_ == "pobj"]
    return any(g.ent_type_ in ("DATE", "TIME") or _DAY_WORD.match(g.lower_) for g in goals)


#: the conjunctions that turn a sentence against its first clause ("… but we got there in the end")
_CONTRAST = frozenset({"but", "yet", "though", "although", "still"})
#: words that point back at the event ("did *it*", "got *there*", "made *it*")
_BACK = frozenset({"it", "that", "this", "there", "them", "one"})
#: prepositions of where a doing goes or what it is for ("went *to* the pub"), not of when or how
_GOAL_PREPS = frozenset({"to", "into", "at", "for", "on"})


def _came_after_all(verb: Token) -> frozenset[str] | None:
    """A putting off ("got postponed twice", "pushed back") that the sentence goes on to tell done
    in a contrastive clause of the user's own past doing: the things that doing acts on (its
    object, where it went), less the words that point back at the event ("… but we finally did
    *it*", "… though we got *there* in the end"); ``None`` without such a clause, or when the doing
    was put in its place ("… but we went to the pub instead")."""
    for clause in verb.children:
        if clause.dep_ not in ("conj", "advcl") or clause.i < verb.i:
            continue
        marks = {c.lower_ for c in (*verb.children, *clause.children) if c.dep_ in ("cc", "mark", "advmod")}
        if marks & _CONTRAST and "instead" not in {c.lower_ for c in clause.children} and _done_verb(clause):
            objs = [c for c in clause.children if c.dep_ in ("dobj", "attr")]
            objs += [g for c in clause.children if c.dep_ == "prep" and c.lower_ in _GOAL_PREPS
                     for g in c.children if g.dep_ == "pobj"]
            return frozenset(norm(o.lower_) for o in objs if o.lower_ not in _BACK and not o.like_num)
    return None


def _came_true(offs: _OffInfo, core: set[str]) -> bool:
    """Every calling off of the word is a putting off that a later clause tells done on the event
    itself: acting on nothing else than the event's words (or a word pointing back at it)."""
    event = core | expand(core)
    return bool(offs) and all(put and things is not None and things <= event for put, things in offs)


#: the user, or nobody named: the doer of a diary line ("Went bouldering this morning")
_USER_WORDS = USER_PRONOUNS
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
    return any(_done_verb(tok) for tok in reread_as_speaker(text[first.idx:]))


def calls_off(text: str, core: set[str]) -> bool:
    """Whether the line's predicate over one of the event's words (``core``: comparison forms)
    is negated or calls the event off (a putting off the line then tells done does not: "the
    class got postponed twice but we finally did it"; "the gig got postponed but we went to the
    pub" still calls the gig off)."""
    return any(negated or (offs and not _came_true(offs, core)) for word, negated, offs in _reading(text) if word in core)


def put_off_then_done(text: str, core: set[str]) -> bool:
    """Whether the line puts the event off and then tells it done ("Our Porto trip got pushed back
    a couple of times but we got there in the end"): the event, on the line's own day, and no
    day told for it before."""
    return any(not negated and _came_true(offs, core) for word, negated, offs in _reading(text) if word in core)


def only_cancel(text: str) -> bool:
    """The line's only negation is a cancelling ("I finally cancelled my gym membership")."""
    found = negation_words(text)
    return bool(found) and all(re.match(r"cancel", w, re.I) for w in found)
