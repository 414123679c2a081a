"""A person's new workplace told by what it brought (oe30).

A friend's new job is often told by its effect, not by "works at": "Dani's first week at Guy's was chaos",
"Hana's commute to her new job at Amazon is killing her", "his first shift at the Premier Inn". The noun says
it: a first stretch of time at a place (a first day, week, month, shift) or a new job, role, position or post
at / with an organisation, owned by a person ("Dani's", "her" = the person the clause is about). The value is
the organisation's name (a proper noun after at / with); the person the owner. Not read: the user's own job
("my first week at Stripe" is the user's, read elsewhere), a job wished for or turned down (negation,
modality, hedges: the clause checks), "a new job" without a place, a place without a name of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.zero.entity_readings import person_name
from kgmem.extraction.zero.lexicon import INTENT, job_noun
from kgmem.lexicon.people import USER_POSSESSIVES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgmem.extraction.zero.clauses import Clause

#: stretches of time whose first one at a place is a new job's ("first week at Guy's")
_FIRST_STRETCH = frozenset({"day", "week", "month", "shift", "fortnight"})
#: nouns of a post held at an organisation ("her new job at Amazon")
_POSTS = frozenset({"job", "role", "position", "post", "gig", "placement"})
#: verbs of seeking a post, not holding it ("applied for a new role at Monzo")
_SEEKING = frozenset({"apply", "seek", "look", "hunt", "interview", "chase", "miss", "lose", "quit", "leave", "turn"})
_THIRD_POSSESSIVES = frozenset({"her", "his", "their"})


def _org_after(noun: Token) -> str | None:
    """The proper name after "at" / "with" on ``noun`` ("at Guy's" → "Guy's", "at the Premier Inn")."""
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in ("at", "with"):
            for g in p.children:
                if g.dep_ == "pobj" and g.pos_ == "PROPN":
                    start = min([c.left_edge.i for c in g.lefts if c.dep_ == "compound"] + [g.i])
                    end = g.i + 1 + sum(1 for c in g.rights if c.dep_ == "case")
                    return "".join(t.text_with_ws for t in g.doc[start:end]).strip()
    return None


def _owner(noun: Token, last_person: str | None) -> str | None:
    """The person who owns ``noun``: a name ("Dani's"), or "her"/"his" for the clause subject's owner or the
    person named last; None for the user's own ("my") or nobody's."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is None or poss.lower_ in USER_POSSESSIVES:
        return None
    if poss.lower_ in _THIRD_POSSESSIVES:
        # "Hana's commute to her new job": the name that owns the thing the job hangs from
        up = noun.head
        while up.head.i != up.i and up.pos_ not in ("NOUN", "PROPN"):
            up = up.head
        named = next((c for c in up.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        return person_name(named) if named is not None else last_person
    return person_name(poss) if poss.pos_ == "PROPN" else None


def new_workplace(clause: Clause, last_person: str | None) -> tuple[str, str] | None:
    """(person, organisation) a clause tells a new job of by its effect, else None."""
    if clause.head.lemma_.lower() in INTENT | _SEEKING:
        return None  # "Kit wants a new job at Lidl": wished for, not held
    for t in clause.tokens:
        lemma = t.lemma_.lower()
        first = any(c.dep_ == "amod" and c.lower_ == "first" for c in t.children)
        new = any(c.dep_ == "amod" and c.lower_ == "new" for c in t.children)
        if lemma in _FIRST_STRETCH and first or lemma in _POSTS and new:
            org = _org_after(t)
            person = _owner(t, last_person) if org else None
            if org and person and person.casefold() not in org.casefold():
                return person, org
    return None


def job_place(clause: Clause) -> str | None:
    """Where a person is said to hold an occupation ("Gwen is a receptionist at the Hilton"): the proper
    name after "at" on the copula's occupation noun, whatever NER calls it (a hotel is no home)."""
    if clause.head.lemma_.lower() != "be":
        return None
    for t in clause.head.children:
        if t.dep_ == "attr" and t.pos_ == "NOUN" and job_noun(t.lemma_.lower()):
            return _org_after(t)
    return None
