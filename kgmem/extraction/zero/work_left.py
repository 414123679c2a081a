"""A workplace the user says they left, in any of the ways people say it (session 30, x30; invented set
job_plans_kinds_x30): "Got the sack from Halfords last week", "I was let go from Deloitte in January", "They let me go
at Argos", "got made redundant from Boots", "I was laid off from Barclays".

These lines name the employer only as where the job was left, so no reader of the current employer proposes it, and
the history ("where did I work before?") was lost; where a reader did propose it ("I packed in my job at Tesco") the
value was stored as the current employer (:func:`kgmem.extraction.zero.leaving.left_behind` now refuses that). Here
the name becomes an *earlier* value of ``works_at`` (:func:`kgmem.extraction.zero.past_values.as_earlier`).

Read from the parse: a verb that, with what it takes, says leaving work in the one leaving lexicon
(:mod:`kgmem.lexicon.called_off`, sense "leave_work": "get sack", "let go", "make redundant", "pack in", "lay off",
"resign"…), told as done, not blocked (no negation, modal, condition or wish), and the user's: the user its subject
or passive subject, its dropped subject at the line's start ("Got the sack…"), or its object ("they sacked me",
"let me go"); never with another person as its object ("I let him go"). The name is a proper noun after "at",
"from" or "with" on that verb or on the job it takes ("my job at Tesco"), no person, place or date by NER.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import blocked
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.leaving import deed_of
from kgmem.extraction.zero.nlp import entity_at, first_word
from kgmem.extraction.zero.past_values import as_earlier
from kgmem.extraction.zero.phrases import valid_value
from kgmem.extraction.zero.promotions import posts_given
from kgmem.extraction.zero.sentences import Sentence
from kgmem.lexicon import called_off
from kgmem.lexicon.people import USER_OBJECTS
from kgmem.nlp import is_user

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: prepositions that name the workplace left ("from Deloitte", "at Argos", "with Aviva")
_WHERE_LEFT = frozenset({"at", "from", "with"})
#: the prepositions that name the workplace on the verb of leaving itself ("let go from Deloitte", "let me go at Argos")
_ON_THE_VERB = frozenset({"at", "from"})
#: NER labels no employer has
_NOT_EMPLOYERS = frozenset({"PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "NORP"})


def _done(v: Token) -> bool:
    """Told as done: a past form or a past auxiliary, or a gerund after "after" / "since"."""
    if v.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in v.children):
        return True
    return v.tag_ == "VBG" and v.head.lower_ in ("after", "since")


def _the_users(deed: Token, said: Token) -> bool:
    """The user is the one who leaves: the object or the complement's subject where there is one ("they sacked me",
    "let me go"), else the subject, the passive subject or a dropped subject at the line's start."""
    if said.i != deed.i and any(c.dep_ == "nsubj" for c in said.children):
        return True  # "they let me go": :func:`deed_of` took the complement only with the user as its subject
    objects = [c for c in deed.children if c.dep_ == "dobj" and c.pos_ in ("PRON", "PROPN")]
    if objects:
        return all(o.lower_ in USER_OBJECTS for o in objects)
    subjects = [c for c in deed.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return all(is_user(s) for s in subjects)
    return deed.dep_ == "ROOT" and deed.i <= first_word(deed.doc) + 2


def _names_left(v: Token) -> list[Token]:
    """Proper nouns after at / from on the verb, or at / from / with on the noun it takes ("my job at Tesco", "my
    role with Oxfam"); "with" on the verb itself is company or means ("walked out of the Apple Store with AirPods")."""
    holders = [*(c for c in v.children if c.dep_ in ("dobj", "oprd", "acomp")),
               *(g for c in v.children if c.dep_ == "prep" and c.lower_ not in _WHERE_LEFT
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN")]
    return [g for h, preps in [(v, _ON_THE_VERB), *((h, _WHERE_LEFT) for h in holders)]
            for c in h.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]


def _name(t: Token) -> str:
    """The name at ``t``: its proper-noun compound words (never an NER span's trailing words, "Barclays yesterday"),
    unless NER calls it a person, a date or a number (NER's places are kept: it calls "Barclays" a GPE)."""
    start = t.i
    while start > 0 and t.doc[start - 1].dep_ == "compound" and t.doc[start - 1].pos_ == "PROPN":
        start -= 1
    name = t.doc[start: t.i + 1].text
    ent = entity_at(t)
    if ent is not None and ent.label_ in _NOT_EMPLOYERS:
        return ""  # a place's name is kept: after an idiom of leaving work it names the firm ("let me go at Argos")
    return name


def workplaces_left(sent: Sentence, said: datetime, doc: Doc | None, found: list[CandidateFact]) -> list[CandidateFact]:
    """Employers the sentence says the user left, as earlier values of ``works_at`` (the module's docstring)."""
    if doc is None or sent.question:
        return []
    known = {f.value.casefold() for f in found if f.subject == "user" and f.predicate == "works_at"}
    out: list[CandidateFact] = []
    for v in doc:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        deed, taken = deed_of(v)
        if not called_off.says(deed.lemma_.lower(), taken, "leave_work") or not _done(deed) or blocked(deed) \
                or not _the_users(deed, v):
            continue
        for t in _names_left(v):
            name = _name(t)
            if name and valid_value(name) and not any(k == name.casefold() or k.startswith(name.casefold() + " ")
                                                      for k in known):
                known.add(name.casefold())
                out.append(as_earlier(make_fact(sent, "works_at", name, "org", False, None, said), said))
    return out


def work_news(sent: Sentence, said: datetime, doc: Doc | None, found: list[CandidateFact],
              earlier: list[CandidateFact]) -> list[CandidateFact]:
    """News of the user's work that the sentence's other readers leave out: a post given beside the deed
    (:func:`~kgmem.extraction.zero.promotions.posts_given`) and an employer left (:func:`workplaces_left`; ``earlier``:
    the earlier values already read, never read twice)."""
    return posts_given(sent, said, doc, found) + workplaces_left(sent, said, doc, found + earlier)
