"""Facts about entities other than the user: (entity, attribute, value).

People track facts about other people and things: when a meeting is, when a report is due, who
leads a team, the state of an order, a friend's city or job. A clause whose subject is another
person ("my friend Priya", "Dad", "she") or a thing ("the design sync", "the Harlow report
deadline", "my passport application") is read here:

- the **entity** is the subject's name (a person's name, else the relation word: "dad"; a thing's
  noun phrase without determiners, and without an attribute noun at its end: "the Harlow report
  deadline" → entity "Harlow report", attribute due_date); "he"/"she" is the last person named
  earlier in the turn; "they moved the sync to…" is about its object;
- the **attribute** is an attribute noun of the subject when there is one, else proposed by
  meaning against the attribute example bank (``resources/predicates/entities/*.jsonl``);
- the **value** is filled by the attribute's kind (:mod:`.values`), as for the user's facts.

Every attribute is single-valued in the registry, so a later statement of the same (entity,
attribute) supersedes the earlier one, however it is worded.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from kgmem import predicates
from kgmem.extraction.entity_text import statement
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import intent_only
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_readings import (
    bare_name_agent,
    called,
    hypothetical,
    named_role,
    nearest_subject,
    residence,
    took_over,
)
from kgmem.extraction.zero.entity_readings import person_name as _person_name
from kgmem.extraction.zero.entity_values import entity_values
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.proposals import NONE, Proposer
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.value_parse import HONORIFICS, NOT_NAMES
from kgmem.extraction.zero.visits import on_a_visit

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns that name an attribute of the noun phrase they end ("the report deadline")
ATTRIBUTE_NOUNS: dict[str, str] = {
    "deadline": "due_date", "time": "scheduled_for", "date": "scheduled_for", "day": "scheduled_for",
    "venue": "venue", "room": "venue", "location": "venue", "address": "venue", "status": "status",
    "lead": "person_in_charge", "leader": "person_in_charge", "manager": "person_in_charge",
    "contact": "person_in_charge", "chair": "person_in_charge", "president": "person_in_charge",
    "teacher": "person_in_charge", "owner": "person_in_charge", "coach": "person_in_charge",
    "instructor": "person_in_charge", "head": "person_in_charge", "provider": "provider",
    "budget": "amount", "price": "amount", "quote": "amount", "cost": "amount", "name": "name",
    "allergy": "allergic_to", "diet": "diet", "timetable": "scheduled_for", "schedule": "scheduled_for",
    # roles of the person in charge of a club, team or committee ("our Sunday league captain Gaz")
    "captain": "person_in_charge", "treasurer": "person_in_charge", "secretary": "person_in_charge",
    "coordinator": "person_in_charge", "organiser": "person_in_charge", "organizer": "person_in_charge",
    "supervisor": "person_in_charge", "director": "person_in_charge",
    # people who look after someone ("Grandma's carer Patrice")
    "carer": "person_in_charge", "caregiver": "person_in_charge", "nanny": "person_in_charge", "nurse": "person_in_charge",
    "childminder": "person_in_charge", "keyworker": "person_in_charge",
}
#: words before "date"/"time" that name the happening the time is of ("the launch date", "her due
#: date"): part of the attribute, not of the thing's name
_WHEN_OF = {"due": "due_date", "launch": "scheduled_for", "start": "scheduled_for", "release": "scheduled_for",
            "opening": "scheduled_for", "arrival": "scheduled_for", "departure": "scheduled_for",
            "pickup": "scheduled_for", "delivery": "scheduled_for", "finish": "scheduled_for",
            "closing": "scheduled_for", "kickoff": "scheduled_for", "completion": "scheduled_for",
            "wedding": "scheduled_for", "recording": "scheduled_for", "check": "scheduled_for"}
#: attributes of a person: an attribute noun without an owner ("the only allergy now is…") is of
#: the last person named; any other of the last thing named
_OF_PERSON = frozenset({"allergic_to", "diet", "job_title", "works_at", "lives_in"})
#: verbs whose object is the entity a change is about ("they moved the sync to Wednesday")
_CHANGE_VERBS = frozenset({"move", "push", "reschedule", "change", "bump", "shift", "switch", "delay", "postpone",
                           "cancel", "close", "approve", "deliver", "revise", "cut", "raise", "lower", "hand",
                           "transfer", "book", "extend", "renew", "reject", "ship", "update", "rename",
                           # verbs that change a thing's state ("they finally resolved the billing ticket")
                           "resolve", "fix", "repair", "dispatch", "refund", "confirm", "accept", "decline", "deny",
                           "complete", "process", "submit", "finish"})
#: change verbs that may move a thing to another place
_RELOCATE = frozenset({"move", "switch", "shift", "change", "transfer"})
_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: people words that name no particular person ("someone from my old school got a job at NASA")
_INDEFINITE = frozenset({"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "people", "nobody"})
#: verbs that put someone on a regime ("the vet put Biscuit on a renal diet"): about their object
_PUT_VERBS = frozenset({"put", "keep", "switch", "start"})
#: verbs whose agent is in charge of their subject ("taught by Ines") and verbs that hand it over
_CHARGE_VERBS = frozenset({"teach", "run", "lead", "manage", "chair", "own", "organise", "organize", "host",
                           "coach", "handle", "take", "coordinate", "supervise"})
_HANDOVER = frozenset({"hand", "pass", "assign", "reassign", "transfer", "give"})
#: prepositions after an attribute noun that name its thing ("our contact at Brightwater")
_OF_PREPS = frozenset({"at", "for", "of", "on"})
#: words of a noun phrase that do not name the thing ("my new weekly sync" is the sync)
_SKIP = frozenset({"the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "new",
                   "current", "weekly", "daily", "monthly", "same", "whole", "upcoming", "next", "old", "only",
                   "main", "usual", "latest", "final", "actual"})
#: nouns that tell of a thing without naming it ("the sofa saga", "the passport situation")
_STORY_NOUNS = frozenset({"saga", "situation", "drama", "story", "thing", "mess", "news", "update", "issue", "business"})
#: entity attributes of people that the user's own registry predicates already name
_PERSON_ATTRIBUTES = frozenset({"lives_in", "works_at", "job_title", "diet", "allergic_to", "relationship_status",
                                "commute", "age", "plays_instrument", "likes", "dislikes", "hometown",
                                "due_date"})


@dataclass
class TurnContext:
    """What earlier clauses of the same turn named (for "she", "it")."""

    last_person: str | None = None
    #: the last specific thing named ("the Harlow report", "her flight"), for a later "it"
    last_thing: str | None = None
    last_thing_hint: str | None = None
    last_thing_plural: bool = False
    #: the last proper noun that NER did not call a person ("Marta got promoted!": GPE), for a
    #: later "she"/"he" when no person was named
    last_proper: str | None = None
    #: the last thing was named by a headline ("Passport update: it's approved")
    headline: bool = False
    #: a headline that names a thing's attribute without its value ("Offsite venue changed: we're
    #: going to Cedar Lodge"): (thing, attribute), filled by the next clause with such a value
    pending: tuple[str, str] | None = None


@dataclass
class EntityRef:
    name: str
    kind: str  # "person" | "thing"
    hint: str | None = None  # an attribute named by the subject noun phrase
    exclude: str = ""  # a name that is the entity itself, never its value

    @property
    def names(self) -> set[str]:
        """The entity's own names and their words: never its values ("Saturday yoga" is not on
        "Saturday"; "Priya and Sam moved the party" gives the party no "Sam")."""
        return {self.name.casefold(), self.exclude.casefold(), *self.name.casefold().split(),
                *self.exclude.casefold().split()}


def _phrase(t: Token) -> tuple[str, str | None]:
    """A thing's name from its noun phrase, and the attribute its head noun names (if any):
    "the weekly design team sync" → "design team sync"; "the Harlow report deadline" →
    ("Harlow report", due_date); "the roofers' quote" → ("roofers", amount)."""
    mods = [c for c in t.lefts if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod", "npadvmod")]
    start = min([m.left_edge.i for m in mods] + [t.i])
    words = [w for w in t.doc[start: t.i + 1] if w.dep_ not in ("det", "case", "punct") and w.lower_ not in _SKIP]
    hint = ATTRIBUTE_NOUNS.get(t.lemma_.lower())
    if (hint or t.lemma_.lower() in _STORY_NOUNS) and len(words) > 1:
        words = words[:-1]  # "the sofa saga" is the sofa
        if hint in ("scheduled_for", "due_date"):
            while words and words[-1].lower_ in _WHEN_OF:
                hint = _WHEN_OF[words.pop().lower_]  # "my sister's due date": the sister's due_date
    text = " ".join(w.text for w in words)
    text = re.sub(r"\s+'s?\b|'$", "", text).strip(" ,.'")
    # "our contact at Brightwater", "the chair of the committee": the thing follows
    pobj = next((g for p in t.children if p.dep_ == "prep" and p.lower_ in _OF_PREPS
                 for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None) if hint else None
    if pobj is not None:
        return _phrase(pobj)[0], hint
    if hint and (text.lower() == t.lower_ or not text):
        # no owner ("the only allergy now is cashews", "New launch date is May 16"): the caller
        # takes the turn's last person or thing, else the noun itself ("the quote is $8,200")
        return "", hint
    return text, hint


def _thing(t: Token, context: TurnContext) -> EntityRef | None:
    """The thing a noun phrase names; an attribute noun without an owner ("the only allergy now
    is cashews", "New launch date is May 16") is of the turn's last person or thing named."""
    name, hint = _phrase(t)
    owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    if name and hint and (name.lower() in PEOPLE_NOUNS or owner is not None and _person_name(owner) == name
                          and (e := entity_at(owner)) is not None and e.label_ == "PERSON"):
        # "my sister's due date", "Zara's new address" (a person's address is where they live)
        return EntityRef(name, "person", "lives_in" if hint == "venue" else hint, exclude=name)
    if name:
        return EntityRef(name, "thing", hint) if name.lower() not in PEOPLE_NOUNS else None
    who = context.last_person or context.last_proper
    if hint in _OF_PERSON and who:
        return EntityRef(who, "person", hint, exclude=who)
    if hint and hint not in _OF_PERSON and context.last_thing:
        return EntityRef(context.last_thing, "thing", hint)
    # no owner in the turn: the happening the time is of ("New launch date is May 16": the launch),
    # else the noun itself ("the quote is $8,200")
    event = next((w.text for w in t.lefts if w.lower_ in _WHEN_OF and w.lower_ != "due"), None)
    return EntityRef(event or t.lower_, "thing", hint if event else None) if t.lower_ not in PEOPLE_NOUNS else None


def _coordinated_owner(subj: Token) -> EntityRef | None:
    """"Lena and Rob's wedding" parsed as "Lena" and "Rob's wedding": the wedding of both."""
    for c in subj.children:
        if c.dep_ == "conj" and c.pos_ == "NOUN" and any(p.dep_ == "poss" for p in c.children):
            name, hint = _phrase(c)
            return EntityRef(f"{subj.text} and {name}", "thing", hint) if name else None
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
        who = context.last_person or context.last_proper
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
    if head.lemma_.lower() in _CHANGE_VERBS and obj is not None and obj.lower_ in ("it", "them") and context.last_thing:
        # "The essay is due Friday, then they extended it to Monday": the thing named before
        return EntityRef(context.last_thing, "thing", context.last_thing_hint)
    if head.lemma_.lower() in _CHANGE_VERBS and obj is not None and obj.pos_ in ("NOUN", "PROPN") \
            and (low in ("they", "it", "we", "i") or clause.about in ("thing", "none")
                 or clause.about == "other" and _person_name(obj) is None and _specific(obj)):
        # "they moved the sync to…", "Lena and Rob moved the wedding to Sonoma": about the thing
        # moved, whose value is never the mover ("Hannah moved teams")
        ref = _thing(obj, context)
        if ref is not None and low not in ("they", "it", "we", "i"):
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


def _copula_name(clause: Clause) -> str | None:
    """The name a copula gives its subject ("… chair is Prof. Ruiz"), whatever NER calls it."""
    if clause.head.lemma_.lower() != "be":
        return None
    attr = next((c for c in clause.head.children if c.dep_ == "attr" and c.pos_ == "PROPN"), None)
    return _proper_name(attr) if attr is not None else None


def _proper_name(t: Token) -> str:
    """A proper noun with the names compounded before it ("Linda Cho", "Prof. Abara")."""
    ent = entity_at(t)
    if ent is not None and ent.label_ == "PERSON":
        start, text = ent.start, ent.text
    else:
        left = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and t.i - c.i <= 2
                and c.lower_.rstrip(".") not in HONORIFICS]
        start, text = (left[0].i if left else t.i), " ".join([*(c.text for c in left), t.text])
    before = t.doc[start - 1] if start > 0 else None
    return f"{before.text} {text}" if before is not None and before.lower_.rstrip(".") in HONORIFICS else text


def _attributes(ref: EntityRef, clause: Clause, row: np.ndarray | None, proposer: Proposer) -> list[str]:
    """The subject's attribute noun, then the proposals; a person's attributes are ranked among
    the attributes a person has (the threshold and margin apply among those: "Zara works at KPMG
    now" is nearer the examples of who is in charge of a thing, which a person is not)."""
    out: list[str] = [ref.hint] if ref.hint else []
    if ref.kind == "person" and any(t.lemma_.lower() in ("job", "position", "internship") and any(
            p.dep_ == "prep" and p.lower_ in ("at", "with") for p in t.children) for t in clause.tokens):
        out.append("works_at")  # "Jonas got a job at Lidl": the noun names the attribute
    if ref.kind == "person" and (verb := _LIVING_VERBS.get(clause.head.lemma_.lower())) is not None \
            and not any(c.dep_ == "prt" for c in clause.head.children):
        out.append(verb)  # "Aoife lives in Galway": the verb names the attribute (not where she is from)
    if ref.kind == "person" and clause.head.lemma_.lower() == "be" and not ref.hint and not on_a_visit(clause) and any(
            (e := entity_at(t)) is not None and e.label_ == "ORG" and t.i > 0 and t.doc[t.i - 1].lower_ in ("at", "with")
            for t in clause.tokens):
        out.append("works_at")  # "Josh is still at Deliveroo": a person is at the organisation they work at
    if row is not None:
        if ref.kind == "person":
            # a person is "due" only when said so ("my sister is due in October", not "starts in September")
            due = any(t.lower_ == "due" for t in clause.tokens)
            ranked = [p for p in proposer.rank(row) if p.predicate in _PERSON_ATTRIBUTES and (due or p.predicate != "due_date")
                      or p.predicate == NONE]
            best = ranked[0].score if ranked and ranked[0].predicate != NONE else 1.0
            kept = [p.predicate for p in itertools.takewhile(
                lambda p: p.predicate != NONE and p.score >= max(proposer.threshold, best - proposer.margin), ranked)]
            # an open value (any noun phrase: likes, dislikes) is weaker evidence than a closed one
            # ("My mum is pescatarian": a diet word, so her diet, not something she likes)
            out += sorted(kept, key=lambda a: a in _OPEN_KIND)
        else:
            out += [p.predicate for p in proposer.propose(row)]
    if ref.kind == "person" and clause.head.lemma_.lower() == "be" and not ref.hint and on_a_visit(clause):
        out = [a for a in out if a not in ("works_at", "lives_in")]  # "Dad is at Tesco doing the big shop"
    return list(dict.fromkeys(out))


#: verbs that name a person's attribute ("lives in", "works for")
_LIVING_VERBS = {"live": "lives_in", "reside": "lives_in", "work": "works_at"}
#: a person's attributes whose value is any noun phrase
_OPEN_KIND = frozenset({"likes", "dislikes"})
#: attributes only a person has
_PERSON_ONLY = frozenset({"lives_in", "works_at", "job_title", "diet", "allergic_to", "relationship_status", "commute",
                          "age", "hometown"})
#: attributes read together from one clause ("The offsite is at the Marlowe Hotel in April")
_PAIRED = {"venue": "scheduled_for", "scheduled_for": "venue"}


def _special(sent: Sentence, date: datetime, clause: Clause, context: TurnContext) -> list[CandidateFact] | None:
    """Readings of a whole clause class (see :mod:`.entity_readings`); None when none applies."""
    subj = nearest_subject(clause)
    if subj is None:
        return None
    if clause.about in ("thing", "mine") and subj.pos_ in ("NOUN", "ADJ") and (name := called(clause)):
        ref = _thing(subj, context)  # "the puppy next door is called Rufus"
        return [_entity_fact(sent, date, clause, ref, "name", name, "person")] if ref and ref.kind == "thing" else []
    if clause.about == "other" and (place := residence(clause)) and (person := _person_name(subj)):
        context.last_person = person  # "Grandma is at Rosewood care home"
        return [_entity_fact(sent, date, clause, EntityRef(person, "person"), "lives_in", place, "place")]
    if (role := named_role(clause)) is not None:
        person, thing_tok = role  # "Dev is our new contact at Brightwater": Brightwater's contact
        ref = _thing(thing_tok, context) if thing_tok is not None else None
        if ref is None and context.last_thing:
            ref = EntityRef(context.last_thing, "thing")
        if ref is None or ref.kind != "thing" or person.casefold() in ref.name.casefold():
            return []
        return [_entity_fact(sent, date, clause, ref, "person_in_charge", person, "person")]
    if (over := took_over(clause)) is not None:
        new, _before = over  # "Linda Cho took over from Mr. Patel": of the thing named before
        if context.last_thing and context.last_thing.casefold() not in new.casefold():
            ref = EntityRef(context.last_thing, "thing", "person_in_charge")
            return [_entity_fact(sent, date, clause, ref, "person_in_charge", new, "person")]
        return []
    return None


def _moved_to(sent: Sentence, date: datetime, clause: Clause, ref: EntityRef) -> list[CandidateFact]:
    """A thing moved to a day or a place ("Priya and Sam moved the party to Saturday"): the
    kind of the target names the attribute when no proposal did."""
    for attr in ("scheduled_for", "venue"):
        pred = predicates.get(attr)
        if attr == "venue" and clause.head.lemma_.lower() not in _RELOCATE:
            continue  # "raised my reading goal to 15 books" moves no place
        for value, vtype in entity_values(attr, pred.kind, clause, ref.names, False) if pred else []:
            if re.search(r"\b(?:to|till|until)\s+(?:the\s+|a\s+)?" + re.escape(value), clause.text):
                return [_entity_fact(sent, date, clause, ref, attr, value, vtype)]
    return []


def entity_facts(sent: Sentence, date: datetime, clause: Clause, row: np.ndarray | None, proposer: Proposer,
                 context: TurnContext) -> list[CandidateFact]:
    """(entity, attribute, value) candidates of one clause not about the user."""
    if clause.blocked or intent_only(clause.tokens) or hypothetical(clause):
        return []  # "the offsite isn't at the Riverside": no value of it (negation included)
    special = _special(sent, date, clause, context)
    if special is not None:
        return special
    ref = entity_of(clause, context)
    if ref is None:
        return []
    if ref.kind == "person":
        context.last_person = ref.name
    handed = handed_to_person(clause) or _copula_name(clause) if ref.hint == "person_in_charge" else None
    out: list[CandidateFact] = []
    attrs = _attributes(ref, clause, row, proposer)
    if ref.kind == "thing" and attrs and attrs[0] in _PERSON_ONLY and " " not in ref.name \
            and ref.name[:1].isupper() and clause.subject is not None and clause.subject.pos_ == "PROPN":
        # "Jonas got a job at Lidl" (NER: ORG): a bare name whose best attribute is a person's is a person
        ref = EntityRef(ref.name, "person", ref.hint, exclude=ref.name)
        attrs = _attributes(ref, clause, row, proposer)
    for attr in attrs:
        if out:
            break
        pred = predicates.get(attr)
        if pred is None or ref.kind == "thing" and attr in _PERSON_ONLY:
            continue  # "switched the panel interview to Google Meet" employs nobody
        if handed and attr == "person_in_charge":
            return [_entity_fact(sent, date, clause, ref, attr, handed, "person")]
        values = entity_values(attr, pred.kind, clause, ref.names, ref.kind == "person")
        if values:
            out.append(_entity_fact(sent, date, clause, ref, attr, *values[0]))
    if not out and ref.kind == "thing" and clause.head.lemma_.lower() in _CHANGE_VERBS:
        out = _moved_to(sent, date, clause, ref)
    pair = _PAIRED.get(out[0].predicate) if out and ref.kind == "thing" else None
    if pair is not None and (pred := predicates.get(pair)) is not None:
        # a second attribute of another kind in the same clause, its words apart from the first's
        first = out[0].value.casefold()
        values = [v for v in entity_values(pair, pred.kind, clause, ref.names, False)
                  if v[0].casefold() not in first and first not in v[0].casefold()]
        if values:
            out.append(_entity_fact(sent, date, clause, ref, pair, *values[0]))
    return out


def _entity_fact(sent: Sentence, date: datetime, clause: Clause, ref: EntityRef, attr: str, value: str,
                 vtype: str | None) -> CandidateFact:
    value = re.sub(r"^(\w+\.?)\s+\1\b", r"\1", value)  # "Ms Ms Haddad": a title read twice
    name = ref.name
    words = name.split()
    if ref.kind == "person" and len(words) > 1 and words[0].lower() in PEOPLE_NOUNS and words[1][:1].isupper():
        name = " ".join(words[1:])  # "Uncle Ray" is Ray, as a later "they moved Ray" names him
    return CandidateFact(
        subject=name, subject_type=ref.kind, predicate=attr, value=value, value_type=vtype,
        text=f"{statement(name, attr, value)} ({sent.text})"[:300],
        valid_from=datetime(date.year, date.month, date.day), granularity="day",
        speaker="user", source_turns=[sent.turn], confidence=0.6,
    )


def _specific(t: Token) -> bool:
    """A noun naming one particular thing: "the/my/her X" or a proper-noun compound, not "a plan"."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that")
               or c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)


#: which noun of a clause a later "it" most likely refers to: its subject, else its object, else
#: the object of a preposition ("The Corsa's been at the garage…, they said it's waiting on a part")
_SALIENCE = {"nsubj": 0, "nsubjpass": 0, "dobj": 1, "pobj": 2}


def note_people(clause: Clause, context: TurnContext) -> None:
    """Remember the last person and the most salient particular thing a clause names, for a later
    "she"/"he"/"it" in the turn."""
    rank = 9
    for t in sorted(clause.tokens, key=lambda t: t.i):
        ent = entity_at(t)
        # a name after "the" is a thing's ("the Corsa's been at the garage": NER may call it a person)
        the_named = t.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        if t.lemma_.lower() in PEOPLE_NOUNS or ent is not None and ent.label_ == "PERSON" and not the_named:
            name = _person_name(t)
            if name:
                context.last_person = name
            continue
        proper = t.pos_ == "PROPN" and t.text[:1].isupper() and t.dep_ in ("nsubj", "nsubjpass", "dobj", "appos") \
            and t.lower_ not in NOT_NAMES and (ent is None or ent.label_ not in ("DATE", "TIME", "MONEY", "CARDINAL"))
        if proper:
            # "Marta got promoted! She's…" (NER: GPE), "retested Nina: she's…", "Lantern slipped"
            context.last_proper = _proper_name(t)
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in _SALIENCE and _SALIENCE[t.dep_] <= rank and (_specific(t) or proper):
            name, hint = _phrase(t)
            if name and (name.lower() not in PEOPLE_NOUNS or hint):  # "my sister's due date" too
                context.last_thing, context.last_thing_hint = name, hint
                context.last_thing_plural = t.tag_ in ("NNS", "NNPS")
                rank = _SALIENCE[t.dep_]
