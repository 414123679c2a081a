"""Naming the other people and things a clause speaks of, and remembering them through a turn.

A thing is named by its noun phrase without determiners, and without an attribute noun at its
end ("the Harlow report deadline" → entity "Harlow report", attribute due_date); a person by name
(else the relation word: "dad"). :class:`TurnContext` keeps the last person and the most salient
particular thing a turn named, for a later "she"/"he"/"it"; :class:`EntityRef` is the entity a
clause is about (read by :mod:`.entity_subjects`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_readings import person_name as _person_name
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.value_parse import HONORIFICS, NOT_NAMES

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
#: prepositions after an attribute noun that name its thing ("our contact at Brightwater")
_OF_PREPS = frozenset({"at", "for", "of", "on"})
#: words of a noun phrase that do not name the thing ("my new weekly sync" is the sync)
_SKIP = frozenset({"the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "new",
                   "current", "weekly", "daily", "monthly", "same", "whole", "upcoming", "next", "old", "only",
                   "main", "usual", "latest", "final", "actual"})
#: nouns that tell of a thing without naming it ("the sofa saga", "the passport situation")
_STORY_NOUNS = frozenset({"saga", "situation", "drama", "story", "thing", "mess", "news", "update", "issue", "business"})


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
    text = hyphened(text, t.doc.text)
    return f"{before.text} {text}" if before is not None and before.lower_.rstrip(".") in HONORIFICS else text

def hyphened(name: str, text: str) -> str:
    """A name with the rest of it written on after hyphens ("Hyun-woo" where NER's PERSON, or the tagger's
    proper noun, is "Hyun"): a name written with hyphens is one name."""
    m = re.search(r"(?<![\w-])" + re.escape(name) + r"((?:-[^\W\d_]+)+)", text) if name else None
    return name + m.group(1) if m else name


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
