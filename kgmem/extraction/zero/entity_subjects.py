"""Which entity a clause not about the user is about.

The subject's name (a person's name, else the relation word: "dad"; a thing's noun phrase, see
:mod:`.entity_refs`); "he"/"she" is the last person named earlier in the turn, "it" the last
thing; "they moved the sync to…" is about its object; a passive "taught by Ines" puts its agent in
charge of the subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_readings import bare_name_agent, nearest_subject
from kgmem.extraction.zero.entity_readings import person_name as _person_name
from kgmem.extraction.zero.entity_refs import (
    ATTRIBUTE_NOUNS,
    EntityRef,
    TurnContext,
    _phrase,
    _proper_name,
    _specific,
    _thing,
)
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at, first_word
from kgmem.extraction.zero.value_parse import NOT_NAMES
from kgmem.lexicon import calendar
from kgmem.lexicon.people import THIRD_PERSON_PRONOUNS, USER_SUBJECTS, people_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs whose object is the entity a change is about ("they moved the sync to Wednesday")
_CHANGE_VERBS = frozenset({"move", "push", "reschedule", "change", "bump", "shift", "switch", "delay", "postpone",
                           "cancel", "close", "approve", "deliver", "revise", "cut", "raise", "lower", "hand",
                           "transfer", "book", "extend", "renew", "reject", "ship", "update", "rename",
                           # verbs that change a thing's state ("they finally resolved the billing ticket")
                           "resolve", "fix", "repair", "dispatch", "refund", "confirm", "accept", "decline", "deny",
                           "complete", "process", "submit", "finish"})
_PRONOUNS = THIRD_PERSON_PRONOUNS
#: people words that name no particular person ("someone from my old school got a job at NASA")
_INDEFINITE = frozenset({"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "people", "nobody"})
#: verbs that put someone on a regime ("the vet put Biscuit on a renal diet"): about their object
_PUT_VERBS = frozenset({"put", "keep", "switch", "start"})
#: verbs that move a person somewhere ("they moved Ray to the Lister ward"): where the person is now
_MOVE_SOMEONE = frozenset({"move", "transfer", "relocate"})
#: pronoun subjects of a moving verb ("they moved the sync", "we moved it to Friday"): the clause is about the thing moved
_MOVERS = USER_SUBJECTS | {"they", "it"}
#: verbs whose agent is in charge of their subject ("taught by Ines") and verbs that hand it over
_CHARGE_VERBS = frozenset({"teach", "run", "lead", "manage", "chair", "own", "organise", "organize", "host",
                           "coach", "handle", "take", "coordinate", "supervise"})
_HANDOVER = frozenset({"hand", "pass", "assign", "reassign", "transfer", "give"})


def _coordinated_owner(subj: Token) -> EntityRef | None:
    """"Lena and Rob's wedding" parsed as "Lena" and "Rob's wedding": the wedding of both."""
    for c in subj.children:
        if c.dep_ == "conj" and c.pos_ == "NOUN" and any(p.dep_ == "poss" for p in c.children):
            name, hint = _phrase(c)
            return EntityRef(f"{subj.text} and {name}", "thing", hint) if name else None
    return None


def _named_before(pronoun: Token) -> str | None:
    """The person a pronoun points back to inside its own sentence when the parse gave the name no
    clause of its own ("Oskar's jacked in kitchens, he's driving vans…": "Oskar" hung under "driving")."""
    names = [e for e in pronoun.doc.ents if e.label_ == "PERSON" and e.end <= pronoun.i]
    if names:
        return names[-1].text
    first = pronoun.doc[first_word(pronoun.doc)]  # "Milo's packed in teaching, he's…": NER left the name untyped
    if first.i < pronoun.i and first.pos_ == "PROPN" and first.text[:1].isupper() and ((e := entity_at(first)) is None or e.label_ in ("PERSON", "ORG")) \
            and first.lower_ not in NOT_NAMES and first.i + 1 < len(first.doc) and first.doc[first.i + 1].lower_ in ("'s", "’s"):
        return first.text
    return None


def entity_of(clause: Clause, context: TurnContext) -> EntityRef | None:
    """The entity a non-user clause is about (None when it names none)."""
    subj = nearest_subject(clause)
    head = clause.head
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if subj is None:
        return None
    low = subj.lower_
    if low in _PRONOUNS:
        who = context.last_person or context.last_proper or _named_before(subj)
        return EntityRef(who, "person") if who else None
    if subj.text in ("it", "It") and clause.about != "other":  # not "IT" (the department)
        # "I need to finish the Harlow report, it's due March 15": the thing named before
        if not context.last_thing:
            return None
        kind = "person" if context.last_thing.lower() in PEOPLE_NOUNS else "thing"  # "my sister's due date, it's…"
        return EntityRef(context.last_thing, kind, context.last_thing_hint)
    if subj.dep_ == "poss" and subj.head.i == head.i:
        # "Mum's flight lands at 6:40" parsed with "lands" as the noun: the thing is "Mum's flight"
        nouns = [w.text for w in head.lefts if w.dep_ == "compound" and w.pos_ == "NOUN"]
        owner = _person_name(subj) or subj.lemma_.lower()
        return EntityRef(f"{owner} {' '.join(nouns)}", "thing") if nouns else None
    if (pair := _coordinated_owner(subj)) is not None:
        return pair
    if head.lemma_.lower() in _PUT_VERBS and obj is not None and (name := _person_name(obj)):
        return EntityRef(name, "person", exclude=name)  # "the vet put Biscuit on a renal diet": Biscuit's diet
    if head.lemma_.lower() in _MOVE_SOMEONE and obj is not None and (moved := _moved(head, obj, context)) is not None:
        return moved  # "they moved Ray to the Lister ward", "we've moved my gran into Oak Lodge": the person's place now
    if head.lemma_.lower() in _CHANGE_VERBS and obj is not None and obj.lower_ in ("it", "them") and context.last_thing:
        # "The essay is due Friday, then they extended it to Monday": the thing named before
        return EntityRef(context.last_thing, "thing", context.last_thing_hint)
    if head.lemma_.lower() in _CHANGE_VERBS and obj is not None and obj.pos_ in ("NOUN", "PROPN") \
            and (low in _MOVERS or clause.about in ("thing", "none")
                 or clause.about == "other" and _person_name(obj) is None and _specific(obj)):
        # "they moved the sync to…", "Lena and Rob moved the wedding to Sonoma": about the thing
        # moved, whose value is never the mover ("Hannah moved teams")
        ref = _thing(obj, context)
        if ref is not None and low not in _MOVERS:
            ref.exclude = " ".join(w.text for w in subj.subtree)  # "Priya and Sam moved the party…"
        return ref
    if clause.about in ("thing", "mine") and subj.pos_ in ("NOUN", "PROPN") and handed_to_person(clause):
        # "Saturday yoga is taught by Ines", "the revamp was handed over to Sofia": its person in charge
        name, _ = _phrase(subj)
        return EntityRef(name, "thing", "person_in_charge") if name else None
    if low == "they" and obj is None and context.last_thing and (context.last_thing_plural or context.headline):
        # "Renewed the library books online, they're due the 30th now"; "Winter timetable at
        # Maya's school: they finish at 2:50 now": the things (or the headline's thing) named before
        return EntityRef(context.last_thing, "thing", context.last_thing_hint)
    if ATTRIBUTE_NOUNS.get(subj.lemma_.lower()) == "person_in_charge" and head.lemma_.lower() == "be":
        name, hint = _phrase(subj)  # "our account manager at Vellum is Priyanka": Vellum's, not a person's
        if hint and not name:
            # "For the community hall booking, the contact is Gemma": the thing the clause is for
            name = next((_phrase(g)[0] for p in head.children if p.dep_ == "prep" and p.lower_ in ("for", "at", "with")
                         for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), "") \
                or context.last_thing or ""
        if hint and name:
            return EntityRef(name, "thing", hint)
    if (name := bare_name_agent(clause)) is not None and clause.about != "user":
        return EntityRef(name, "person", exclude=name)  # "Aoife lives in Galway": a person all the same
    if clause.about == "other" or clause.about == "thing" and subj.lower_ in PEOPLE_NOUNS:
        # "Grandad moved into…" (NER: GPE) is a person all the same
        person = _person_name(subj) or (subj.lemma_.lower() if subj.lemma_.lower() in PEOPLE_NOUNS
                                        and subj.lemma_.lower() not in _INDEFINITE else None)
        if person and obj is not None and obj.pos_ in ("NOUN", "PROPN") and _person_name(obj) is None \
                and head.lemma_.lower() in ("run", "lead", "manage", "chair", "own", "teach", "head", "coach"):
            # "Jenna is running the platform team now": the team is the entity, Jenna its lead
            thing, _ = _phrase(obj)
            return EntityRef(thing, "thing", "person_in_charge") if thing else None
        return EntityRef(person, "person", exclude=person) if person else None
    if clause.about in ("thing", "mine"):
        if subj.pos_ not in ("NOUN", "PROPN"):
            return None
        return _thing(subj, context)
    return None


def handed_to_person(clause: Clause) -> str | None:
    """The name a passive clause puts in charge of its subject: "taught/run by X", "handed
    over/assigned to X" (X a proper noun, whatever NER calls it); None otherwise."""
    head = clause.head
    if not any(c.dep_ == "auxpass" for c in head.children):
        return None
    lemma = head.lemma_.lower()
    for p in head.children:
        if p.dep_ == "agent" and lemma in _CHARGE_VERBS or p.dep_ == "prep" and p.lower_ == "to" and lemma in _HANDOVER:
            for g in p.children:
                if g.dep_ == "pobj" and g.pos_ == "PROPN":
                    return _proper_name(g)
    return None


def _moved_person(obj: Token) -> str | None:
    """The person an object names ("my gran", "Auntie Val", "Grandad", NER's PERSON), else None ("the sync")."""
    ent = entity_at(obj)
    titled = obj.pos_ == "PROPN" and any(c.dep_ == "compound" and people_noun(c.lower_) for c in obj.children)
    if obj.pos_ == "PROPN" and (people_noun(obj.lower_) or titled or ent is not None and ent.label_ == "PERSON"):
        return obj.text if titled else _person_name(obj) or obj.lower_  # "Auntie Val" is Val; "Grandad" (NER: GPE)
    if obj.pos_ == "NOUN" and people_noun(obj.lemma_.lower()):
        named = any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in obj.children)
        return _person_name(obj) if named else obj.lemma_.lower()  # "my aunt Mo", "my gran"
    return None


def _moved(head: Token, obj: Token, context: TurnContext) -> EntityRef | None:
    """The person a verb of moving moves, with lives_in when moved to a place; a move to a day is
    the thing's ("the clinic's moved my physio to Thursdays": the appointment)."""
    name = _moved_person(obj)
    if name is None:
        return None
    targets = [g for p in head.children if p.dep_ == "prep" and p.lower_ in ("to", "into") for g in p.children
               if g.dep_ == "pobj"]
    to = bool(targets) and not any(calendar.weekday_number(g.text.rstrip("s")) is not None or (
        e := entity_at(g)) is not None and e.label_ in ("DATE", "TIME") for g in targets)
    if targets and not to:
        return _thing(obj, context)
    return EntityRef(name, "person", "lives_in" if to else None, exclude=" ".join(w.text for w in obj.subtree))
