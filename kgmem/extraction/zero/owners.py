"""Whose fact is it: a value said only in another person's clause is that person's, not the user's.

The patterns read a whole sentence, so "One of the lads from the warehouse moved to Glasgow to work at
Skyscanner" stored Skyscanner as the user's employer, and "The couple at number 7 paid £420,000 for
their house" a salary. A user fact is not kept when, in the parse, its value lies in a clause whose
subject is another person (:func:`.clauses.about_of` says ``other``, or the subject is a noun for people:
"the cleaner", "one of the lads"), outside that subject's own words,
and nothing ties the value to the user:

- the value is possessed by the user ("My mechanic fixed *my* Golf": the Golf is still the user's car —
  a possessed object in another person's clause tells the user's fact), or is the clause's named subject
  itself ("my rabbit Pixel keeps stealing socks": NER's person is the pet);
- the person is the user's own and asks the user for money ("my landlord charges $1850 a month");
- a clause of the user's refers back to it ("my friend recommended Dune, which I watched on Sunday");
- the user is in the clause as an object or companion ("Sam drove me to Leeds", "Priya and I").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.clauses import Clause, about_of
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS, job_noun

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: facts about a person of the user's, said in that person's own clause ("my sister Ana works at…")
_PERSON_FACTS = frozenset({"family_member", "friend", "partner_name", "relationship_status"})
_USER = frozenset({"i", "me", "we", "us", "myself", "ourselves"})
_MINE = frozenset({"my", "our"})


def _value_root(doc: Doc, value: str) -> Token | None:
    at = doc.text.casefold().find(value.casefold())
    if at < 0:
        return None
    span = doc.char_span(at, at + len(value), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _owned_by_user(t: Token, clause: Clause) -> bool:
    """``t`` or a noun it hangs on inside the clause is "my"/"our" something ("my Golf", "my job at X")."""
    cur: Token | None = t
    while cur is not None and cur.i in clause.index and cur.i != clause.head.i:
        if any(c.dep_ == "poss" and c.lower_ in _MINE for c in cur.children):
            return True
        cur = cur.head if cur.head.i != cur.i else None
    return False


def _user_in(clause: Clause) -> bool:
    """The user takes part in the clause: an object or companion "me"/"us", or a subject beside "I"."""
    return any(t.lower_ in _USER for t in clause.tokens)


def _told_back_by_user(t: Token) -> bool:
    """A relative clause of the user's hangs on the value ("Dune, which I watched")."""
    return any(c.dep_ in ("relcl", "acl") and about_of(c)[0] == "user" for c in t.children)


#: nouns for people by what they do or are to someone, beside the lexicon's (general English): an
#: occupation's shape is read by :func:`.lexicon.job_noun`
_PEOPLE = frozenset({"couple", "lad", "lads", "bloke", "chap", "folk", "folks", "cleaner", "groomer", "seller", "buyer",
                     "tenant", "builder", "roofer", "resident", "staff", "crew", "stranger", "lady", "gentleman",
                     "owner", "host", "guest", "member", "student", "pupil", "patient", "relative", "toddler", "baby"})
#: words that pick people out of a group ("one of the lads", "two of my friends", "both of them")
_SOME_OF = frozenset({"one", "some", "two", "three", "both", "all", "most", "many", "few", "half", "several", "none"})


def _a_person(t: Token) -> bool:
    lemma = t.lemma_.lower()
    return lemma in PEOPLE_NOUNS or t.lower_ in PEOPLE_NOUNS or lemma in _PEOPLE or t.lower_ in _PEOPLE or job_noun(lemma)


def _another_person(clause: Clause) -> bool:
    """The clause's subject is another person: the clause reader says so, or its subject is a noun for
    people ("the cleaner", "the couple at number 7", "one of the lads")."""
    subj = clause.subject
    if clause.about == "other":
        return True
    if subj is None or clause.about not in ("thing", "none") or subj.pos_ not in ("NOUN", "NUM", "PRON"):
        return False
    if subj.lower_ in _SOME_OF:
        return any(p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and _a_person(g) for g in p.children)
                   for p in subj.children)
    return subj.pos_ == "NOUN" and _a_person(subj)


#: verbs by which a person asks the user for money: with the user's own landlord or cleaner, the amount is the user's
_CHARGING = frozenset({"charge", "want", "ask", "bill", "invoice", "quote", "raise", "put", "up", "increase"})


def _the_users(subj: Token) -> bool:
    """The person is the user's own: "my/our landlord", or a bare noun as chat drops the "my" ("Landlord now wants…")."""
    return any(c.dep_ == "poss" and c.lower_ in _MINE for c in subj.children) or (
        subj.tag_ in ("NN", "NNP") and _a_person(subj) and not any(c.dep_ in ("det", "poss") for c in subj.children))


def someone_elses(f: CandidateFact, doc: Doc | None, clauses: list[Clause]) -> bool:
    """``f``, read as the user's, states a value only another person's clause says."""
    if f.subject != "user" or f.predicate in _PERSON_FACTS or doc is None or not clauses:
        return False
    tok = _value_root(doc, f.value)
    if tok is None:
        return False
    clause = next((c for c in clauses if tok.i in c.index), None)
    if clause is None:
        return False
    if clause.subject is None and clause.head.dep_ in ("advcl", "xcomp", "conj"):
        # "One of the lads moved to Glasgow to work at Skyscanner": the working is the lad's
        outer = next((c for c in clauses if clause.head.head.i in c.index), None)
        if outer is None or outer is clause or _user_in(clause):
            return False
        clause = outer
    subj = clause.subject
    if subj is None or not _another_person(clause):
        return False
    if tok.i in {x.i for x in subj.subtree} and (subj.pos_ != "NOUN" or any(x.lower_ in _MINE for x in subj.subtree)):
        return False  # "my rabbit Pixel keeps…", "24:51 is my best 5k": the subject is the value, not a person's
    if clause.head.lemma_.lower() in _CHARGING and _the_users(subj):
        return False  # "my landlord charges $1850 a month", "Landlord now wants $1850": what the user pays
    return not (_owned_by_user(tok, clause) or _user_in(clause) or _told_back_by_user(tok))
