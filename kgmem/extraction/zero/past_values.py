"""An earlier value of the user's own slot, said in passing: history, never the current value.

People name what they had before while telling something else: "back when I lived in Manchester I never needed
a car", "my old Honda Civic never made this noise", "my previous phone, a Pixel 5, had better battery", "I used
to work at Tesco", "since leaving Barclays I've got my evenings back", "I was pescatarian for years before
that". The readers take the value as if it held now (it then replaced the real current value), or a check
drops it (:mod:`.leaving`, :mod:`.ended`) and the history is lost. Here such a value of a single-valued slot of
the user's (:data:`kgmem.predicates.EARLIER_VALUE_SLOTS`) becomes an *earlier value*: the same candidate with
``valid_to`` = the day it was said and no ``valid_from`` (:func:`kgmem.predicates.told_as_earlier`), which
memory stores as a fact that held before the message and slots into the chain before the current value
(:mod:`kgmem.memory.past_values`).

Told as earlier, by the parse of the value's own clause (never by a phrase list of a data set):

- a verb of leaving or letting go above it, or a closed past period (:func:`.leaving.left_behind`,
  :func:`.ended.ended`), told as done (a past verb, or "since/after leaving": "thinking about leaving Aviva"
  is a plan and leaves the value where it was);
- "used to" on its verb ("I used to work at Tesco", "As a paralegal I used to do the filing");
- its verb a state in the past, in a clause of "when" or "while" ("back when I lived in Manchester", "when I
  was still living in Galway", "when I was vegetarian");
- a noun it names or places, the user's ("my", "our"), called former, previous, ex- or last ("my previous
  phone, a Pixel 5", "my last flat … was in Edinburgh"), or old with a past verb or one of missing ("my old
  Honda never made this noise", "I miss our old place in Bristol"; "my old Corolla still runs" is an aged car
  still held).

Never under a modal, a wish or a plan, and never the user's where the clause is another person's (the checks
the current reading gets still apply: :func:`kgmem.extraction.zero.sentence_stages.still_holds`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import hedged, quoted_from_another
from kgmem.extraction.zero.ended import ended, reported, someone_elses, sought
from kgmem.extraction.zero.homes import there_for_an_occasion
from kgmem.extraction.zero.leaving import left_behind
from kgmem.extraction.zero.persons import a_person
from kgmem.nlp import has_user_possessor, has_user_subject
from kgmem.predicates import EARLIER_VALUE_SLOTS
from kgmem.temporal import periods

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kgmem.extraction.zero.sentence_stages import Work

#: adjectives that call the user's thing a former one whatever the verb's tense
_FORMER = frozenset({"former", "previous", "ex", "last", "erstwhile", "prior"})
#: verbs of a state held (a state in the past, in a "when" clause, is over; a verb of beginning is not: "I took a
#: job at Accenture for six months" begins what holds, as :mod:`.ended` reads it)
_STATES = frozenset({"be", "live", "work", "have", "stay", "use", "drive", "own", "rent", "reside", "base", "date",
                     "train", "eat", "ride", "run"})
#: verbs of wishing, planning or weighing: a value under them is not left yet ("thinking about leaving Aviva")
_WISHING = frozenset({"think", "consider", "plan", "want", "hope", "wish", "intend", "debate", "mull", "weigh",
                      "threaten", "dream", "imagine", "contemplate"})
#: how a verb hangs on the verb that governs it (a "when" clause or a second clause is not governed)
_GOVERNED = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj"})
_VERBS = frozenset({"VERB", "AUX"})
T = TypeVar("T")


def _root(f: CandidateFact, doc: Doc) -> Token | None:
    at = doc.text.casefold().find(f.value.casefold())
    span = doc.char_span(at, at + len(f.value), alignment_mode="expand") if at >= 0 else None
    return span.root if span is not None and len(span) else None


def _path(tok: Token) -> tuple[list[Token], Token | None]:
    """The nouns from the value up to its clause's verb, and that verb."""
    nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else []
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in _VERBS:
            return nouns, cur
        if cur.pos_ in ("NOUN", "PROPN"):
            nouns.append(cur)
    return nouns, None


def _past(verb: Token) -> bool:
    """The verb is told as done: a past form, a past auxiliary, or a gerund after "since"/"after"."""
    if verb.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN")
                                           for c in verb.children):
        return True
    return verb.tag_ == "VBG" and verb.head.lower_ in ("since", "after")


def _wished(verb: Token) -> bool:
    """A modal on the verb or a verb of wishing or planning above it."""
    chain = [verb]
    while chain[-1].dep_ in _GOVERNED and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return any(c.tag_ == "MD" for v in chain for c in v.children if c.dep_ == "aux") \
        or any(v.lemma_.lower() in _WISHING for v in chain[1:] if v.pos_ in _VERBS)


def _used_to(verb: Token) -> bool:
    """"used to" on the verb ("I used to work at Tesco") or the verb is that "used" itself."""
    def used(v: Token) -> bool:
        return v.lemma_.lower() == "use" and v.tag_ == "VBD" and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in v.children)
    return used(verb) or (verb.dep_ == "xcomp" and used(verb.head))


def _when_clause(verb: Token) -> bool:
    """A state in the past in a clause of "when"/"while" ("back when I lived in Manchester")."""
    if verb.dep_ != "advcl" or verb.lemma_.lower() not in _STATES or not _past(verb):
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "mark")}
    return bool(marks & {"when", "while", "whilst"}) and has_user_subject(verb)


def _called_former(nouns: list[Token], verb: Token | None) -> bool:
    """A noun the value names or places is the user's and called former (or old, with a past verb or one of
    missing)."""
    if verb is not None and verb.lemma_.lower() == "be":
        nouns = nouns + [c for c in (*verb.children, verb.head) if c.pos_ in ("NOUN",) and c.dep_ in ("nsubj", "conj", "ROOT")]
    for n in nouns:
        mods = {c.lower_ for c in n.children if c.dep_ in ("amod", "compound", "nmod")}
        if not has_user_possessor(n):
            continue
        if mods & _FORMER:
            return True
        if "old" in mods and verb is not None and (_past(verb) or verb.lemma_.lower() in ("miss", "remember")):
            return True
    return False


def said_as_earlier(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is a value of a slot of the user's that the sentence tells as held before (module docstring)."""
    if doc is None or f.subject != "user" or f.predicate not in EARLIER_VALUE_SLOTS:
        return False
    tok = _root(f, doc)
    if tok is None:
        return False
    nouns, verb = _path(tok)
    if verb is not None and _wished(verb):
        return False
    if verb is not None and (_used_to(verb) or _when_clause(verb)):
        return True
    if _called_former(nouns, verb):
        return True
    if verb is None or not _past(verb):
        return False
    return left_behind(f, doc) or ended(f, doc) or _closed_state(verb)


def _closed_state(verb: Token) -> bool:
    """A state verb in the past with a closed period ("I was pescatarian for years before that")."""
    return verb.lemma_.lower() in _STATES and periods.past_tense(verb) and (
        periods.closed_period(verb) or periods.came_before(verb))


def as_earlier(f: CandidateFact, said: datetime) -> CandidateFact:
    """``f`` as an earlier value: held until the day it was said (memory may date its end earlier)."""
    day = datetime(said.year, said.month, said.day)
    what = f.predicate.replace("_", " ")
    return f.model_copy(update={"valid_from": None, "valid_to": day, "granularity": "unknown", "time_text": None,
                                "text": f"User {what} (before {day.date().isoformat()}): {f.value}.",
                                "confidence": min(f.confidence, 0.7)})


def earlier_values(found: list[CandidateFact], w: Work, said: datetime) -> list[CandidateFact]:
    """The sentence's readings of the user's slots told as held before, as earlier values; not where the
    clause is someone else's words, a post sought, another person's, a person's name or a stay for an
    occasion (the checks a current reading gets)."""
    doc = w.doc
    return [as_earlier(f, said) for f in found
            if said_as_earlier(f, doc) and not reported(f, doc) and not sought(f, doc) and not someone_elses(f, doc)
            and not a_person(f, doc, found) and not (f.predicate == "lives_in" and there_for_an_occasion(f.value, doc))]


Holds = Callable[[CandidateFact, "Work", list[CandidateFact]], bool]


def held_or_earlier(items: list[T], w: Work, said: datetime, holds: Holds,
                    found: list[CandidateFact] | None = None) -> tuple[list[T], list[CandidateFact]]:
    """(the readings — candidates, or proposals holding one as ``.fact`` — that ``holds(fact, w, found)`` keeps (``found``:
    the sentence's readings so far, default the items' own), the readings told as held before, as earlier values)."""
    facts = [_fact(i) for i in items]
    seen = facts if found is None else found
    return [i for i, f in zip(items, facts, strict=True) if holds(f, w, seen)], earlier_values(facts, w, said)


def _fact(item: object) -> CandidateFact:
    fact = getattr(item, "fact", item)
    if not isinstance(fact, CandidateFact):
        raise TypeError(f"not a reading: {item!r}")
    return fact


def earlier_kept(earlier: list[CandidateFact], found: list[CandidateFact], w: Work) -> list[CandidateFact]:
    """One earlier value per slot and value, none the sentence also gives as current, hedged or quoted."""
    now = {(f.predicate, f.value.casefold()) for f in found if f.subject == "user"}
    out: dict[tuple[str, str], CandidateFact] = {}
    for f in earlier:
        key = (f.predicate, f.value.casefold())
        if key in now or key in out or hedged(f.value, w.sent.text, w.doc) or quoted_from_another(f.value, w.sent.text):
            continue
        out[key] = f
    return list(out.values())
