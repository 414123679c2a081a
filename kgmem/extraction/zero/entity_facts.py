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

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from kgmem import predicates
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import HYPOTHETICAL, intent_only
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.proposals import Proposer
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.value_parse import HONORIFICS, NOT_NAMES
from kgmem.extraction.zero.values import fill

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: nouns that name an attribute of the noun phrase they end ("the report deadline")
ATTRIBUTE_NOUNS: dict[str, str] = {
    "deadline": "due_date", "time": "scheduled_for", "date": "scheduled_for", "day": "scheduled_for",
    "venue": "venue", "room": "venue", "location": "venue", "address": "venue", "status": "status",
    "lead": "person_in_charge", "leader": "person_in_charge", "manager": "person_in_charge",
    "contact": "person_in_charge", "chair": "person_in_charge", "president": "person_in_charge",
    "teacher": "person_in_charge", "owner": "person_in_charge", "coach": "person_in_charge",
    "instructor": "person_in_charge", "head": "person_in_charge", "provider": "provider",
    "budget": "amount", "price": "amount", "quote": "amount", "cost": "amount", "name": "name",
}
#: verbs whose object is the entity a change is about ("they moved the sync to Wednesday")
_CHANGE_VERBS = frozenset({"move", "push", "reschedule", "change", "bump", "shift", "switch", "delay", "postpone",
                           "cancel", "close", "approve", "deliver", "revise", "cut", "raise", "lower", "hand",
                           "transfer", "book", "extend", "renew", "reject", "ship", "update", "rename"})
_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: verbs whose agent is in charge of their subject ("taught by Ines") and verbs that hand it over
_CHARGE_VERBS = frozenset({"teach", "run", "lead", "manage", "chair", "own", "organise", "organize", "host",
                           "coach", "handle", "take", "coordinate", "supervise"})
_NOT_WORKPLACES = frozenset({"home", "night", "nights", "weekend", "weekends", "moment", "time", "hour", "hours",
                             "week", "day", "days", "shift", "shifts", "job", "place", "end"})
_HANDOVER = frozenset({"hand", "pass", "assign", "reassign", "transfer", "give"})
#: prepositions after an attribute noun that name its thing ("our contact at Brightwater")
_OF_PREPS = frozenset({"at", "for", "of", "on"})
#: words of a noun phrase that do not name the thing ("my new weekly sync" is the sync)
_SKIP = frozenset({"the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "new",
                   "current", "weekly", "daily", "monthly", "same", "whole", "upcoming", "next", "old"})
#: nouns that tell of a thing without naming it ("the sofa saga", "the passport situation")
_STORY_NOUNS = frozenset({"saga", "situation", "drama", "story", "thing", "mess", "news", "update", "issue", "business"})
#: entity attributes of people that the user's own registry predicates already name
_PERSON_ATTRIBUTES = frozenset({"lives_in", "works_at", "job_title", "diet", "allergic_to", "relationship_status",
                                "commute", "age", "plays_instrument", "likes", "dislikes", "hometown"})


@dataclass
class TurnContext:
    """What earlier clauses of the same turn named (for "she", "it")."""

    last_person: str | None = None
    #: the last specific thing named ("the Harlow report", "her flight"), for a later "it"
    last_thing: str | None = None
    last_thing_hint: str | None = None
    last_thing_plural: bool = False


@dataclass
class EntityRef:
    name: str
    kind: str  # "person" | "thing"
    hint: str | None = None  # an attribute named by the subject noun phrase
    exclude: str = ""  # a name that is the entity itself, never its value


def _person_name(t: Token) -> str | None:
    ent = entity_at(t)
    if ent is not None and ent.label_ == "PERSON":
        return ent.text
    for c in t.children:  # "my friend Priya", "my brother Ahmed"
        if c.dep_ in ("appos", "compound", "npadvmod") and c.pos_ == "PROPN" and c.lower_ not in NOT_NAMES \
                and not ((e := entity_at(c)) is not None and e.label_ in ("DATE", "TIME", "ORG", "GPE")):
            e2 = entity_at(c)
            return e2.text if e2 is not None and e2.label_ == "PERSON" else c.text
    if t.pos_ == "PROPN" and t.text[:1].isupper():
        return t.text
    return None


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
    text = " ".join(w.text for w in words)
    text = re.sub(r"\s+'s?\b|'$", "", text).strip(" ,.'")
    # "our contact at Brightwater", "the chair of the committee": the thing follows
    pobj = next((g for p in t.children if p.dep_ == "prep" and p.lower_ in _OF_PREPS
                 for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None) if hint else None
    if pobj is not None:
        return _phrase(pobj)[0], hint
    if hint and text.lower() == t.lower_:
        hint = None  # "the quote is $8,200" without whose quote: the thing is "quote"
    return text, hint


def entity_of(clause: Clause, context: TurnContext) -> EntityRef | None:
    """The entity a non-user clause is about (None when it names none)."""
    subj = clause.subject
    head = clause.head
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if subj is None:
        return None
    low = subj.lower_
    if low in _PRONOUNS:
        return EntityRef(context.last_person, "person") if context.last_person else None
    if subj.text in ("it", "It") and clause.about != "other":  # not "IT" (the department)
        # "I need to finish the Harlow report, it's due March 15": the thing named before
        return EntityRef(context.last_thing, "thing", context.last_thing_hint) if context.last_thing else None
    if head.lemma_.lower() in _CHANGE_VERBS and obj is not None and obj.pos_ in ("NOUN", "PROPN") \
            and (low in ("they", "it", "we", "i") or clause.about in ("thing", "none")):
        name, hint = _phrase(obj)
        return EntityRef(name, "thing", hint) if name else None
    if clause.about in ("thing", "mine") and subj.pos_ in ("NOUN", "PROPN") and handed_to_person(clause):
        # "Saturday yoga is taught by Ines", "the revamp was handed over to Sofia": its person in charge
        name, _ = _phrase(subj)
        return EntityRef(name, "thing", "person_in_charge") if name else None
    if low == "they" and obj is None and context.last_thing and context.last_thing_plural:
        # "Renewed the library books online, they're due the 30th now": the things named before
        return EntityRef(context.last_thing, "thing", context.last_thing_hint)
    if ATTRIBUTE_NOUNS.get(subj.lemma_.lower()) == "person_in_charge" and head.lemma_.lower() == "be":
        name, hint = _phrase(subj)  # "our account manager at Vellum is Priyanka": Vellum's, not a person's
        if hint:
            return EntityRef(name, "thing", hint)
    if clause.about == "other":
        person = _person_name(subj) or (subj.lemma_.lower() if subj.lemma_.lower() in PEOPLE_NOUNS else None)
        if person and obj is not None and obj.pos_ in ("NOUN", "PROPN") and _person_name(obj) is None \
                and head.lemma_.lower() in ("run", "lead", "manage", "chair", "own", "teach", "head", "coach"):
            # "Jenna is running the platform team now": the team is the entity, Jenna its lead
            thing, _ = _phrase(obj)
            return EntityRef(thing, "thing", "person_in_charge") if thing else None
        return EntityRef(person, "person", exclude=person) if person else None
    if clause.about in ("thing", "mine"):
        if subj.pos_ not in ("NOUN", "PROPN"):
            return None
        name, hint = _phrase(subj)
        return EntityRef(name, "thing", hint) if name and name.lower() not in PEOPLE_NOUNS else None
    return None


def _workplace(clause: Clause) -> list[tuple[str, str | None]]:
    """"works at a bakery", "teaches at the local primary": the place after a verb of working."""
    for t in clause.tokens:
        if t.lemma_.lower() in ("work", "teach", "nurse", "volunteer") and t.pos_ == "VERB":
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("at", "in", "for"):
                    for g in p.children:
                        if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lower_ not in _NOT_WORKPLACES:
                            words = [w.text for w in g.subtree if w.dep_ not in ("det", "poss", "punct", "prep")
                                     and w.i <= g.i]
                            return [(" ".join(words), "org")]
    return []


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


def titled_people(doc: Doc) -> list[tuple[str, str]]:
    """(thing, name) for "my team lead, Marcus" / "the property manager, Greg": a role noun of
    the person in charge followed by a name in apposition; the thing is the noun before the role."""
    out: list[tuple[str, str]] = []
    for t in doc:
        if ATTRIBUTE_NOUNS.get(t.lemma_.lower()) != "person_in_charge" or t.i + 2 >= len(doc):
            continue
        comma, name = doc[t.i + 1], doc[t.i + 2]
        if comma.text != "," or name.pos_ != "PROPN" or name.head.i not in (t.i, name.i) and name.head.head.i != t.i:
            continue
        before = [w for w in doc[max(0, t.i - 3): t.i] if w.pos_ in ("NOUN", "PROPN")]
        while before and before[0].i + len(before) != t.i:
            before.pop(0)  # only the nouns right before the role word
        if before:
            out.append((" ".join(w.text for w in before), _proper_name(name)))
    return out


def _attributes(ref: EntityRef, clause: Clause, row: np.ndarray | None, proposer: Proposer) -> list[str]:
    out: list[str] = [ref.hint] if ref.hint else []
    if row is not None:
        for p in proposer.propose(row):
            if ref.kind == "person" and p.predicate not in _PERSON_ATTRIBUTES:
                continue
            out.append(p.predicate)
    return list(dict.fromkeys(out))


def entity_facts(sent: Sentence, date: datetime, clause: Clause, row: np.ndarray | None, proposer: Proposer,
                 context: TurnContext) -> list[CandidateFact]:
    """(entity, attribute, value) candidates of one clause not about the user."""
    if clause.blocked and not clause.negated_only or intent_only(clause.tokens) or HYPOTHETICAL.search(clause.text):
        return []
    ref = entity_of(clause, context)
    if ref is None:
        return []
    if ref.kind == "person":
        context.last_person = ref.name
    handed = handed_to_person(clause) or _copula_name(clause) if ref.hint == "person_in_charge" else None
    for attr in _attributes(ref, clause, row, proposer):
        pred = predicates.get(attr)
        if pred is None:
            continue
        if handed and attr == "person_in_charge":
            return [_entity_fact(sent, date, clause, ref, attr, handed, "person")]
        # a value is never the entity itself, nor a word of its name ("Saturday yoga" is not on "Saturday")
        own = {ref.name.casefold(), ref.exclude.casefold(), *ref.name.casefold().split()}
        values = [v for v in fill(pred.kind, clause) if v[0].casefold() not in own]
        if not values and attr == "works_at" and ref.kind == "person":
            values = _workplace(clause)
        if not values:
            continue
        value, vtype = values[0]
        return [_entity_fact(sent, date, clause, ref, attr, value, vtype)]
    return []


def _entity_fact(sent: Sentence, date: datetime, clause: Clause, ref: EntityRef, attr: str, value: str,
                 vtype: str | None) -> CandidateFact:
    pred = predicates.get(attr)
    label = pred.description.split(" (")[0] if pred is not None else attr
    return CandidateFact(
        subject=ref.name, subject_type=ref.kind, predicate=attr, value=value, value_type=vtype,
        text=f"{ref.name} — {label}: {value}. ({clause.text})"[:300],
        valid_from=datetime(date.year, date.month, date.day), granularity="day",
        speaker="user", source_turns=[sent.turn], confidence=0.6,
    )


def titled_facts(sent: Sentence, date: datetime, doc: Doc) -> list[CandidateFact]:
    """Facts of :func:`titled_people` in a sentence that is not hypothetical."""
    if HYPOTHETICAL.search(sent.text):
        return []
    out = []
    for thing, name in titled_people(doc):
        out.append(CandidateFact(
            subject=thing, subject_type="thing", predicate="person_in_charge", value=name, value_type="person",
            text=f"{thing} — who leads or is in charge of it: {name}. ({sent.text})"[:300],
            valid_from=datetime(date.year, date.month, date.day), granularity="day",
            speaker="user", source_turns=[sent.turn], confidence=0.6,
        ))
    return out


def _specific(t: Token) -> bool:
    """A noun naming one particular thing: "the/my/her X" or a proper-noun compound, not "a plan"."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that")
               or c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)


def note_people(clause: Clause, context: TurnContext) -> None:
    """Remember the last person and the last particular thing a clause names, for a later
    "she"/"he"/"it" in the turn."""
    for t in clause.tokens:
        if t.lemma_.lower() in PEOPLE_NOUNS or (ent := entity_at(t)) is not None and ent.label_ == "PERSON":
            name = _person_name(t)
            if name:
                context.last_person = name
        elif t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and _specific(t):
            name, hint = _phrase(t)
            if name and name.lower() not in PEOPLE_NOUNS:
                context.last_thing, context.last_thing_hint = name, hint
                context.last_thing_plural = t.tag_ in ("NNS", "NNPS")
