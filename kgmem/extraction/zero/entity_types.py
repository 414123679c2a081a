"""A person's attribute takes a value of its type, whichever reading proposed it (rev14 M1, H5).

Every reading of a clause about another person (:mod:`.entity_facts`, :mod:`.entity_frames`,
:mod:`.entity_probes`) proposes values by the words around them; this gate checks the proposals
of one clause against the type of the attribute, decided from the parse:

- **a home is a place**: ``lives_in`` holds a place (NER GPE/LOC, a number: "14 Birch Road",
  "ward 9", a common noun: "a care home") or a name said with a word of living ("lives in
  Tooting"). A person "at" what NER calls an organisation ("Josh is still at Deliveroo") works
  there, unless the clause is a visit ("at Barclays for an interview"); any other lives_in that is
  no place is dropped ("quit her job at Ocado" is no home; "my wife is at Heathrow" is neither);
- **a job not held is no workplace**: a workplace reached in the parse through a verb or noun of
  seeking, refusing or leaving a job ("turned down the job at Barclays", "interviewed at Amazon",
  "has an interview with Deloitte", "packed in her job at Aldi") is none;
- **an age is said as one**: a word of age or the number the person "is", never a time ("visiting
  is 2 till 8") or a room's number;
- **a hometown is where one is from**: said with "from" or a verb of birth or upbringing, never
  a place someone is in now ("my cousin is in Leeds now");
- **who leads is no thing led**: "Kofi is leading the Atlas migration" gives the migration its person
  in charge (:func:`.entity_readings.in_charge_agent`), never Kofi one;
- **where a change starts is not where it ends**: a person's value said after "from" ("moved from
  Lloyds", "retired from the NHS") is the one left (a hometown excepted: "she's from Cork").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.entity_text import statement
from kgmem.extraction.zero.entity_frames import CHOOSING_WORDS
from kgmem.extraction.zero.entity_offices import OFFICE_NOUNS
from kgmem.extraction.zero.entity_probes import LEADING
from kgmem.extraction.zero.entity_readings import in_charge_agent
from kgmem.extraction.zero.entity_said import again, employer_name, working
from kgmem.extraction.zero.entity_values import leaving_verb
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.visits import on_a_visit
from kgmem.lexicon import calendar

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kgmem.extraction.schema import CandidateFact
    from kgmem.extraction.zero.clauses import Clause

#: verbs of seeking or refusing a job, and those said with a particle: the job is not (yet) held
_SEEKING = frozenset({"apply", "interview", "decline", "reject", "refuse", "shortlist", "audition"})
_SEEKING_WITH = {"turn": "down", "pass": "on"}
#: nouns of seeking a job ("an interview with Deloitte", "an offer from Arup")
_SEEKING_NOUNS = frozenset({"interview", "application", "offer", "audition", "trial", "assessment"})
#: NER labels of a place someone lives in (a FAC, "at Network Rail", "at the Royal Free", is where one
#: works or visits unless a word of living says otherwise)
_PLACE_LABELS = frozenset({"GPE", "LOC"})
#: prepositions before a name that is an organisation unless NER calls it a place
_AT = frozenset({"at", "with"})
#: prepositions of a time, not of a second place ("since 2019", "for two years")
_TIME_PREPS = frozenset({"since", "for", "until", "till", "from", "after", "before", "during"})
#: a person's attributes a value after "from" cannot be (where they are from is their hometown)
_NOT_FROM = frozenset({"lives_in", "works_at", "job_title"})


def typed_facts(facts: list[CandidateFact], clause: Clause) -> list[CandidateFact]:
    """``facts`` of one clause with each person's value checked against its attribute's type (see
    the module docstring): kept, dropped, or a home that is an organisation read as the workplace."""
    out: list[CandidateFact] = []
    people = {(f.subject.casefold(), f.value.casefold()) for f in facts if f.subject_type == "person"}
    agent = in_charge_agent(clause, LEADING)
    # only people live somewhere: the subject of a verb of living is read as a person, never as a thing
    lives = clause.head.lemma_.lower() in ("live", "reside") and clause.subject is not None
    for f in facts:
        if lives and f.subject_type == "thing" and clause.subject is not None and f.subject == clause.subject.text:
            continue  # "Benedek lives in Debrecen" (NER's PERSON is Debrecen): no thing "Benedek" led by Debrecen
        if agent is not None and f.predicate == "person_in_charge" and f.subject.casefold() == agent[1].casefold():
            continue  # "Kofi is leading the Atlas migration": Kofi leads it, nobody leads Kofi
        if f.subject_type == "thing" and (f.subject.casefold(), f.value.casefold()) in people:
            continue  # "we've moved my gran into Oak Lodge": gran is a person, her value read as one already
        if f.subject_type == "person" and f.predicate == "age" and not _an_age(f.value, clause):
            continue  # "visiting is 2 till 8", "room 27": a time or a unit's number is no age
        if f.subject_type == "person" and f.predicate == "hometown" and not _origin(clause):
            if any(g.subject == f.subject and g.predicate == "lives_in" for g in [*facts, *out]):
                continue
            # "my cousin is in Leeds now": where she is, not where she is from
            f = f.model_copy(update={"predicate": "lives_in", "text": f"{statement(f.subject, 'lives_in', f.value)} ({clause.text})"[:300]})
        if f.subject_type == "person" and f.predicate == "works_at" and f.value.casefold() in OFFICE_NOUNS:
            continue  # "Ingrid works in the office on Fridays": no workplace of its own name
        if f.subject_type != "person" or f.predicate not in _NOT_FROM:
            out.append(f)
            continue
        if f.subject.casefold() in f.value.casefold().split():
            continue  # "Auntie Val": the person's own name is none of their values
        tok = _value_token(f.value, clause)
        if tok is not None and _from(tok) and not (f.predicate == "works_at" and f.value.split()[-1].lower() in OFFICE_NOUNS):
            continue  # "she's from Cork"; but "works from the Warsaw office" is where she works
        if tok is not None and not _held(tok, clause):
            continue  # a job sought or left, a home left
        if f.predicate != "job_title" and again(clause) and _after_at(tok):
            continue  # "Mum is at Addenbrooke's again": an occasion, neither her home nor her workplace
        if f.predicate == "lives_in" and not _a_home(f.value, tok, clause):
            if tok is not None and _at_organisation(tok, clause) and _held(tok, clause) and not any(
                    g.subject == f.subject and g.predicate == "works_at" for g in [*facts, *out]):
                out.append(f.model_copy(update={"predicate": "works_at", "value_type": "org",
                                                "text": f"{statement(f.subject, 'works_at', f.value)} ({clause.text})"[:300]}))
            continue
        out.append(f)
    return out


def _value_token(value: str, clause: Clause) -> Token | None:
    """The clause's token that ends the value (its head word), None when the clause does not say it."""
    last = value.split()[-1].casefold() if value.split() else ""
    last = last[:-2] if last.endswith(("'s", "’s")) else last  # "Addenbrooke's": the name, its "'s" a token apart
    return next((t for t in clause.tokens if t.text.casefold() == last), None)


def _from(tok: Token) -> bool:
    """The value is said after "from" ("moved from Lloyds", "retired from the NHS")."""
    for t in (tok, *tok.ancestors):
        if t.dep_ == "pobj":
            return t.head.lower_ == "from"
        if t.dep_ not in ("compound", "amod", "nmod", "poss", "conj", "appos"):
            return False
    return False


def _held(tok: Token, clause: Clause) -> bool:
    """No verb or noun of seeking, refusing or leaving a job governs the value."""
    for t in _up_to(tok, clause):
        lemma = t.lemma_.lower()
        if t.pos_ == "NOUN" and lemma in _SEEKING_NOUNS:
            return False
        if t.pos_ in ("VERB", "AUX") and (lemma in _SEEKING or leaving_verb(t) or any(
                c.dep_ == "prt" and c.lower_ == _SEEKING_WITH.get(lemma) for c in t.children)):
            return False
    return True


def _up_to(tok: Token, clause: Clause) -> list[Token]:
    """The value's heads in the parse, up to the clause's verb."""
    out = []
    for t in tok.ancestors:
        out.append(t)
        if t.i == clause.head.i:
            break
    return out


def _a_home(value: str, tok: Token | None, clause: Clause) -> bool:
    """A place someone may live in: any value said with a word of living, none said with a word of
    work; else a number, a place by NER, a common noun, a name "in" ("in Nottingham"), not "at"/
    "with" a name that is no place ("at Monzo", "with EDF")."""
    lemmas = {t.lemma_.lower() for t in clause.tokens}
    if lemmas & CHOOSING_WORDS["lives_in"] and not _when(value):
        return True
    if tok is not None and _under_work(tok, clause):
        return False  # "quit her job at Ocado", "got a job in Leeds": where a job is
    if _when(value):
        return False  # "moved my physio to Thursdays at 11": a time, no place
    if any(ch.isdigit() for ch in value) or tok is None:
        return True  # "14 Birch Road", "ward 9"; a value this clause does not say is not checked here
    ent = entity_at(tok)
    if ent is not None and ent.label_ in _PLACE_LABELS:
        return True
    if ent is not None and ent.label_ == "ORG" or _named(tok) and tok.dep_ == "pobj" and tok.head.lower_ in _AT:
        return False
    return True


def _named(tok: Token) -> bool:
    """The word is a name: a proper noun, or a noun written capitalised inside the sentence (the tagger
    calls "Arup" in "my dad is at Arup these days" a common noun)."""
    return tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_sent_start


def _after_at(tok: Token | None) -> bool:
    """The value is the object of "at" ("at Addenbrooke's", "at the Royal Free")."""
    while tok is not None and tok.dep_ in ("compound", "amod", "poss", "case") and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "at"


def _under_work(tok: Token, clause: Clause) -> bool:
    """A word of work governs the value: one of its heads, or the object of the verb it hangs on ("took a
    job in Lyon"), not a word of work elsewhere in the clause ("is in Leeds now, working from home")."""
    heads = _up_to(tok, clause)
    near = [*heads, *(c for h in heads for c in h.children if c.dep_ in ("dobj", "attr", "nsubj"))]
    return any(t.lemma_.lower() in CHOOSING_WORDS["works_at"] for t in near)


def _an_age(value: str, clause: Clause) -> bool:
    """An age is said as one ("turned six", "is 91", "aged 40", "40 years old", "her 60th"): a word of age in
    the clause, or the number the person's copula says (its attribute), not a number inside a time or a unit."""
    if any(t.lemma_.lower() in ("turn", "age", "aged", "old", "birthday") for t in clause.tokens):
        return True
    tok = _value_token(value, clause)
    return tok is not None and tok.dep_ in ("attr", "acomp") and tok.head.i == clause.head.i \
        and clause.head.lemma_.lower() == "be"


def _origin(clause: Clause) -> bool:
    """The clause says where someone is from: "from", a verb of birth or upbringing ("grew up in", "born
    in", "raised in"), the noun itself ("her hometown is Cork")."""
    return any(t.lower_ in ("from", "originally", "hometown") or t.lemma_.lower() in ("grow", "bear", "raise", "native")
               for t in clause.tokens)


def _at_organisation(tok: Token, clause: Clause) -> bool:
    """ "X is at <ORG>" said of a person, its only place ("Jean is on Ward 14 at the Royal": the ward's), not
    of a visit ("at Barclays for an interview"); "with <name>" may be a supplier ("Mum's with EDF")."""
    head = tok.head
    others = [c for c in clause.head.children if c.dep_ == "prep" and c.i != head.i and c.lower_ not in _TIME_PREPS]
    return tok.dep_ == "pobj" and head.lower_ == "at" and head.head.i == clause.head.i and not others \
        and clause.head.lemma_.lower() == "be" and _named(tok) and employer_name(tok, tok.head.head) \
        and (not on_a_visit(clause) or working(clause)) and not again(clause)


def _when(value: str) -> bool:
    """The value is a day: a weekday ("Thursdays")."""
    words = value.split()  # not NER's DATE: it calls "14 Elm Road" one
    return len(words) == 1 and calendar.weekday_number(words[0].rstrip("s")) is not None
