"""Facts about entities other than the user: (entity, attribute, value).

People track facts about other people and things: when a meeting is, when a report is due, who
leads a team, the state of an order, a friend's city or job. A clause whose subject is another
person ("my friend Priya", "Dad", "she") or a thing ("the design sync", "the Harlow report
deadline", "my passport application") is read here:

- the **entity** is the subject's name (:mod:`.entity_subjects`, named as :mod:`.entity_refs`
  says: a person's name, else the relation word: "dad"; a thing's noun phrase without an attribute
  noun at its end: "the Harlow report deadline" → entity "Harlow report", attribute due_date);
- the **attribute** is an attribute noun of the subject when there is one, else proposed by
  meaning against the attribute example bank (``resources/predicates/entities/*.jsonl``);
- the **value** is filled by the attribute's kind (:mod:`.values`), as for the user's facts.

Every attribute is single-valued in the registry, so a later statement of the same (entity,
attribute) supersedes the earlier one, however it is worded.
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime

import numpy as np

from kgmem import predicates
from kgmem.extraction.entity_text import statement
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import intent_only
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_jobs import job_place, new_workplace
from kgmem.extraction.zero.entity_offices import office_of
from kgmem.extraction.zero.entity_probes import LEADING
from kgmem.extraction.zero.entity_readings import (
    called,
    home_place,
    hypothetical,
    in_charge_agent,
    named_role,
    nearest_subject,
    residence,
    took_over,
)
from kgmem.extraction.zero.entity_readings import person_name as _person_name
from kgmem.extraction.zero.entity_refs import EntityRef, TurnContext, _proper_name, _thing
from kgmem.extraction.zero.entity_said import (
    again,
    employer_name,
    job_said,
    someones_place,
    working,
)
from kgmem.extraction.zero.entity_subjects import _CHANGE_VERBS, entity_of, handed_to_person
from kgmem.extraction.zero.entity_values import entity_values
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.proposals import NONE, Proposer
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.visits import on_a_visit
from kgmem.lexicon.gone import gone_after

#: change verbs that may move a thing to another place
_RELOCATE = frozenset({"move", "switch", "shift", "change", "transfer"})
#: entity attributes of people that the user's own registry predicates already name
_PERSON_ATTRIBUTES = frozenset({"lives_in", "works_at", "job_title", "diet", "allergic_to", "relationship_status",
                                "commute", "age", "plays_instrument", "likes", "dislikes", "hometown",
                                "due_date"})

def _copula_name(clause: Clause) -> str | None:
    """The name a copula gives its subject ("… chair is Prof. Ruiz"), whatever NER calls it."""
    if clause.head.lemma_.lower() != "be":
        return None
    attr = next((c for c in clause.head.children if c.dep_ == "attr" and c.pos_ == "PROPN"), None)
    return _proper_name(attr) if attr is not None else None

def _attributes(ref: EntityRef, clause: Clause, row: np.ndarray | None, proposer: Proposer) -> list[str]:
    """The subject's attribute noun, then the proposals; a person's attributes are ranked among
    the attributes a person has (the threshold and margin apply among those: "Zara works at KPMG
    now" is nearer the examples of who is in charge of a thing, which a person is not)."""
    out: list[str] = [ref.hint] if ref.hint else []
    if ref.kind == "person" and any(t.lemma_.lower() in ("job", "position", "internship") and any(
            p.dep_ == "prep" and p.lower_ in ("at", "with") for p in t.children) for t in clause.tokens):
        out.append("works_at")  # "Jonas got a job at Lidl": the noun names the attribute
    if ref.kind == "thing" and clause.head.lemma_.lower() == "be" and someones_place(clause):
        out.append("venue")  # "book club's at Fiona's this month"
    if ref.kind == "person" and (verb := _LIVING_VERBS.get(clause.head.lemma_.lower())) is not None \
            and not any(c.dep_ == "prt" for c in clause.head.children):
        out.append(verb)  # "Aoife lives in Galway": the verb names the attribute (not where she is from)
    at_work = (not on_a_visit(clause) or working(clause)) and not again(clause)  # not "at Tesco getting milk"
    if ref.kind == "person" and clause.head.lemma_.lower() == "be" and not ref.hint and at_work and any(
            t.i > 0 and t.doc[t.i - 1].lower_ in ("at", "with") and employer_name(t, clause.head) for t in clause.tokens):
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
    if ref.kind == "person" and "job_title" not in out and job_said(clause):
        out.append("job_title")  # "out on the rounds as a health visitor": after what the bank proposed
    if ref.kind == "person" and clause.head.lemma_.lower() == "be" and not ref.hint and not at_work:
        out = [a for a in out if a not in ("works_at", "lives_in")]  # "Dad is at Tesco doing the big shop"
    return list(dict.fromkeys(out))


#: verbs whose object is only wished for ("Kit wants a new job at Lidl"; "needs the receipts by the 20th" is a deadline)
_WISHING = frozenset({"want", "wish", "hope", "seek", "crave"})
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
    if (agent := in_charge_agent(clause, LEADING)) is not None:
        led = _thing(agent[0], context)  # "Kofi is leading the Atlas migration": the migration's, not Kofi's
        return [_entity_fact(sent, date, clause, EntityRef(led.name, "thing"), "person_in_charge", agent[1], "person")] \
            if led is not None and agent[1].casefold() not in led.name.casefold() else []
    if clause.about == "other" and (place := residence(clause)) and (person := _person_name(subj)):
        context.last_person = person  # "Grandma is at Rosewood care home"
        return [_entity_fact(sent, date, clause, EntityRef(person, "person"), "lives_in", place, "place")]
    if clause.about in ("other", "thing") and (home := home_place(clause)) is not None \
            and (person := _person_name(home[0]) if home[0].pos_ == "PROPN" else _person_name(subj)):
        context.last_person = person  # "Nkechi's settled into her place in Nottingham"
        return [_entity_fact(sent, date, clause, EntityRef(person, "person"), "lives_in", home[2], "place")]
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
    kind of the target names the attribute when no proposal did; a person moved to a place
    ("they moved Ray to the Lister ward") is there now (lives_in)."""
    for attr in ("venue",) if ref.kind == "person" else ("scheduled_for", "venue"):
        pred = predicates.get(attr)
        if attr == "venue" and clause.head.lemma_.lower() not in _RELOCATE:
            continue  # "raised my reading goal to 15 books" moves no place
        for value, vtype in entity_values(attr, pred.kind, clause, ref.names, False) if pred else []:
            if re.search(r"\b(?:to|till|until|into)\s+(?:the\s+|a\s+)?" + re.escape(value), clause.text):
                return [_entity_fact(sent, date, clause, ref, "lives_in" if ref.kind == "person" else attr, value, vtype)]
    return []


def entity_facts(sent: Sentence, date: datetime, clause: Clause, row: np.ndarray | None, proposer: Proposer,
                 context: TurnContext) -> list[CandidateFact]:
    """(entity, attribute, value) candidates of one clause not about the user."""
    if clause.blocked or intent_only(clause.tokens) or hypothetical(clause) or clause.head.lemma_.lower() in _WISHING:
        return []  # "the offsite isn't at the Riverside": no value of it (negation included); "Kit wants a job at Lidl"
    special = _special(sent, date, clause, context)
    if special is not None:
        return special
    if (job := new_workplace(clause, context.last_person)) is not None:
        context.last_person = job[0]  # "Dani's first week at Guy's was chaos": Dani works at Guy's
        return [_entity_fact(sent, date, clause, EntityRef(job[0], "person", exclude=job[0]), "works_at", job[1], "org")]
    ref = entity_of(clause, context)
    if ref is None:
        return []
    office = office_of(clause)
    if office is not None and ref.kind == "thing" and " " not in ref.name and ref.name[:1].isupper() \
            and ref.name.lower() not in office.lower() and clause.subject is not None \
            and ((e := entity_at(clause.subject)) is None or e.label_ != "ORG"):  # NER calls names places too
        ref = EntityRef(ref.name, "person", exclude=ref.name)  # "Iker transferred to our Lisbon office": a person
    if ref.kind == "person":
        context.last_person = ref.name
        if office is not None:
            return [_entity_fact(sent, date, clause, ref, "works_at", office, "org")]  # "works out of the Madrid office"
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
        if values and attr in ("scheduled_for", "due_date") and _called_gone(sent.text, values[0][0]):
            continue  # "Salon texted, Saturday 10:00 is gone": the old time, no new one
        if values:
            out.append(_entity_fact(sent, date, clause, ref, attr, *values[0]))
    if ref.kind == "person" and (place := job_place(clause)) is not None and place.casefold() not in ref.names:
        # "Gwen is a receptionist at the Hilton" (NER: GPE): where she works, not where she lives
        out = [f for f in out if f.predicate not in ("lives_in", "works_at")]
        out.insert(0, _entity_fact(sent, date, clause, ref, "works_at", place, "org"))
    if not out and (ref.kind == "thing" or ref.hint == "lives_in") and clause.head.lemma_.lower() in _CHANGE_VERBS:
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


def _called_gone(text: str, value: str) -> bool:
    """The sentence says the value is gone right after it ("10:00 is gone", "the 9:15 is off")."""
    at = text.find(value)
    return at >= 0 and gone_after(text, at + len(value))


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
