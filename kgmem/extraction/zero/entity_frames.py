"""One general frame for statements about other people and things: (entity, attribute, value).

Readings of sentence classes (:mod:`.entity_facts`, :mod:`.entity_names`…) reach the language they
were written for; this frame reads any statement clause of a user turn that holds a typed value
(its :class:`~kgmem.extraction.schema.SlotProbe`) the same way, whatever the wording:

- **entity**: the clause's topic — its subject when that is another person or a thing (a person by
  name: "my niece Amara" is Amara; an attribute noun gives the attribute and its owner the entity:
  "Dan's address", "the audit report deadline"); "it"/"they"/"he"/"she" are the thing or person
  named before (in the turn, else earlier in the session, else the previous turn's topic); with
  "I"/"we" as the subject, a particular thing or named being the user acts on ("we switched
  Biscuit to…", "they moved Ray to…"); a note without a verb is about its opening noun phrase;
- **attribute**: the value's class, read by what the entity is (:data:`PERSON_ATTRIBUTES`,
  :data:`THING_ATTRIBUTES`), with the words of the clause choosing among the attributes a class
  may be (a deadline is a due date, "lives"/"moved" a home, "works"/"job"/"joined" an employer);
- **value**: the clause's first value of that class that is not said as the old one.

The memory manager supersedes the slot's earlier value with a later one of the same (entity,
attribute), however either was worded. The tables below are the whole of the frame's knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kgmem.extraction.schema import SlotProbe
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_first import ROLE_NOUNS, _at_place, _specific
from kgmem.extraction.zero.entity_readings import person_name as _person_name
from kgmem.extraction.zero.entity_refs import ATTRIBUTE_NOUNS, _phrase
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.value_parse import HONORIFICS, NOT_NAMES
from kgmem.lexicon.people import THIRD_PERSON_PRONOUNS, USER_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a person's attribute by the class of its value; a class with two attributes is chosen by words
PERSON_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "where": ("lives_in", "works_at"), "org": ("works_at", "lives_in"), "job": ("job_title",),
    "diet": ("diet",), "commute": ("commute",),
}
#: a thing's attribute by the class of its value
THING_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "when": ("scheduled_for", "due_date"), "where": ("venue",), "org": ("provider", "venue"),
    "person": ("person_in_charge", "name"), "state": ("status",), "money": ("amount",),
}
#: the class a value said in several is read as (closed classes first; a name last: "the Orchid room"
#: is a place, "with Virgin" an organisation, before either is a person)
CLASS_ORDER = ("when", "money", "state", "diet", "job", "commute", "where", "org", "person")
#: words (lemmas) that choose an attribute among those a value class may be
CHOOSING_WORDS: dict[str, frozenset[str]] = {
    "due_date": frozenset({"due", "deadline", "submit", "hand", "return", "expire", "renew", "renewal"}),
    "works_at": frozenset({"work", "job", "join", "hire", "employ", "poach", "intern", "internship", "office",
                           "employer", "company", "recruit", "position", "school", "study", "start",
                           "attend", "student", "pupil", "enrol", "enroll"}),
    "lives_in": frozenset({"live", "move", "relocate", "home", "address", "house", "flat", "settle",
                           "base", "emigrate", "reside"}),
    "venue": frozenset({"at", "in", "venue", "room", "hold", "host", "location", "move", "switch", "relocate"}),
    "name": frozenset({"call", "name", "rename", "codename", "nickname", "christen"}),
}
#: pronouns that point back to a thing, to a person
_IT = frozenset({"it", "they", "them", "that", "this"})
_HE = THIRD_PERSON_PRONOUNS
_USER = USER_PRONOUNS
#: verbs whose past tense tells a value that holds now ("Tomasz moved to Wrocław", "Raj joined Monzo")
_CHANGES = frozenset({"move", "relocate", "join", "switch", "transfer", "shift", "push", "bump", "reschedule",
                      "change", "rename", "retime"})
#: verbs that put their subject somewhere ("is at", "moved to", "joined", "starts at"): not "was
#: volunteering at the food bank", whose place is the deed's
_PLACING = frozenset({"be", "hold", "host", "move", "switch", "relocate", "shift", "transfer", "change", "meet",
                      "live", "work", "join", "start", "study", "attend", "base", "settle", "play", "perform"})
_WH = frozenset({"how", "why", "what", "whether", "if", "when", "where", "which", "who"})
#: verbs whose object is the thing a user's clause changes ("we switched Biscuit to Parkside",
#: "they moved Ray to the Lister ward", "had to move the delivery to Wednesday")
_ACT_ON = frozenset({"move", "switch", "shift", "transfer", "push", "bump", "reschedule", "change", "put", "rebook",
                     "book", "get", "have", "take"})


@dataclass
class Topic:
    """What a clause is about: a name, whether a person or a thing, and an attribute its noun names."""

    name: str
    kind: str  # "person" | "thing"
    hint: str | None = None


def _pronoun_topic(word: str, it: str | None, person: str | None, probe: SlotProbe) -> Topic | None:
    if word in _HE:
        return Topic(person, "person") if person else None
    if word in _IT:
        name = it or (probe.context[0] if probe.context else None)
        return Topic(name, "person" if name.lower() in PEOPLE_NOUNS else "thing") if name else None
    return None


def _kin_titled(t: Token) -> bool:
    """A name after a word of kinship or role ("Cousin Ines", "Uncle Ray"): a person, whatever NER says."""
    return t.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in PEOPLE_NOUNS for c in t.children)


def _is_person(t: Token) -> bool:
    ent = entity_at(t)
    return ent is not None and ent.label_ == "PERSON" or t.lemma_.lower() in PEOPLE_NOUNS or t.lower_ in PEOPLE_NOUNS \
        or _kin_titled(t)


def _person_topic_name(t: Token) -> str | None:
    """A person's name: the name itself without its kin word ("Cousin Ines" is Ines), the name said
    right after a relation noun ("my old housemate Bilal works…", parsed as two subjects), else the
    relation noun ("dad")."""
    if _kin_titled(t):
        return t.text
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if t.pos_ == "NOUN" and nxt is not None and nxt.pos_ == "PROPN" and nxt.dep_ in ("nsubj", "appos", "compound") \
            and nxt.lower_ not in NOT_NAMES:
        return nxt.text
    return _person_name(t) or t.lemma_.lower()


def _noun_topic(t: Token, person: str | None) -> Topic | None:
    """The topic a noun names: a person by name, or a thing by its phrase (an attribute noun at its
    end is the attribute: "Dan's address" is Dan's home, "his new place" the last person's)."""
    if _is_person(t):
        name = _person_topic_name(t)
        return Topic(name, "person") if name and name.lower() not in ("people", "everyone", "someone", "somebody") \
            else None
    name, hint = _phrase(t)
    owner = next((c for c in t.children if c.dep_ == "poss"), None)
    if owner is not None and hint is None and t.lemma_.lower() in ("place", "house", "flat", "home"):
        hint = "venue"  # "his new place is 14 Hawthorn Close"
    if owner is not None and (owner.lower_ in ("his", "her") or _is_person(owner)) and hint is not None:
        who = person if owner.lower_ in ("his", "her") else (_person_name(owner) or owner.lemma_.lower())
        if who:
            return Topic(who, "person", "lives_in" if hint == "venue" else hint)
    if not name:
        return None
    if t.pos_ == "PROPN" and t.text[:1].isupper() and " " not in name and t.lower_ not in NOT_NAMES \
            and (e := entity_at(t)) is not None and e.label_ in ("GPE", "NORP"):
        return Topic(name, "person")  # "Grandad moved…", "Marta got…": NER's place is a person here
    return Topic(name, "thing", hint)


def frame_topic(clause: Clause, probe: SlotProbe, it: str | None, person: str | None) -> Topic | None:
    """The entity a stated clause is about (None: the user, or nothing named)."""
    subj = clause.subject
    if subj is None:
        return None
    low = subj.lower_
    if low in ("they", "them") or "same" in {t.lower_ for t in clause.tokens}:
        return None  # "they" may be anyone; "it's the same" names no value of a thing
    if low in _IT or low in _HE:
        return _pronoun_topic(low, it, person, probe)
    if low in _USER:
        obj = next((c for c in clause.head.children if c.dep_ in ("dobj", "nsubjpass")
                    and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in _USER), None)
        if obj is None or clause.head.lemma_.lower() not in _ACT_ON:
            return None
        if obj.pos_ == "NOUN" and not any(c.dep_ in ("poss", "det", "compound") for c in obj.children):
            return None  # "we booked tickets": no particular thing
        return _noun_topic(obj, person)
    if subj.pos_ in ("NUM", "X") and any(c.dep_ == "prep" for c in subj.children):
        # "My 1:1 with Kate is Fridays at 2": a thing named by a code and what it is with
        name = " ".join(w.text for w in subj.subtree if w.dep_ not in ("det", "poss"))
        return Topic(name, "thing") if len(name) > 3 else None
    if subj.pos_ not in ("NOUN", "PROPN") or subj.lower_ in NOT_NAMES or subj.lemma_.lower() in ROLE_NOUNS:
        return None  # "my GP is Dr Okafor": the role's holder, read by the role reading
    if not (_is_person(subj) or _specific(subj)):
        return None  # "arvo footy at the oval", "a Goa wedding": no particular thing named
    return _noun_topic(subj, person)


def _placed(value: str, clause: Clause, topic: Topic) -> bool:
    """A place or organisation is the entity's when the clause puts it there: the object of
    at/in/on, what "is" says, or (a person moving, a thing moved) the object of "to"/"into"."""
    if _at_place(value, clause):
        return True
    first = value.split()[0]
    return any(t.text == first or t.text == value.split()[-1] for t in clause.tokens
               if t.dep_ == "pobj" and t.head.lower_ in ("to", "into", "with", "for") or t.dep_ == "compound"
               and t.head.dep_ == "pobj" and t.head.head.lower_ in ("to", "into", "with", "for"))


def _copula_name(value: str, clause: Clause) -> bool:
    """The value is what "is" names its subject ("the tortoise is Sheldon"): a name, not a place."""
    return clause.head.lemma_.lower() == "be" and any(
        t.dep_ == "attr" and t.text in value.split() for t in clause.head.children)


def _named(value: str, clause: Clause) -> bool:
    """A place or organisation has a name or a number ("the Orchid room", "ward 7", "Hever Castle"),
    unless the user types without capitals; "in detail", "at work" name nothing."""
    return clause.lowercase or any(ch.isupper() or ch.isdigit() for ch in value)


def _chosen(attrs: tuple[str, ...], words: set[str]) -> str:
    """The first attribute whose choosing words the clause says, else the class's first."""
    return next((a for a in attrs if CHOOSING_WORDS.get(a, frozenset()) & words), attrs[0])


def frame_attributes(topic: Topic, probe: SlotProbe, clause: Clause) -> list[tuple[str, str]]:
    """(attribute, value) pairs the clause gives its topic: one per attribute, by value class."""
    words = {t.lemma_.lower() for t in clause.tokens} | {t.lower_ for t in clause.tokens}
    table = PERSON_ATTRIBUTES if topic.kind == "person" else THING_ATTRIBUTES
    out: dict[str, str] = {}
    used: list[str] = []
    for value, cls in sorted(probe.values, key=lambda v: CLASS_ORDER.index(v[1]) if v[1] in CLASS_ORDER else 99):
        low = value.casefold()
        if cls in ("where", "org") and low.split()[0].rstrip(".") in HONORIFICS:
            continue  # "Dr Okafor" is a person wherever the place filler found it
        if low in topic.name.casefold() or topic.name.casefold() in low or any(low in u or u in low for u in used):
            continue  # a value is of one class ("with Virgin": a provider, not a person), never the entity
        used.append(low)
        attrs = table.get(cls, ())
        if topic.hint is not None:
            hinted = [a for a in attrs if a == topic.hint or {a, topic.hint} <= {"scheduled_for", "due_date"}]
            attrs = (topic.hint,) if hinted else ()
        if not attrs or cls in ("where", "org") and not (clause.head.lemma_.lower() in _PLACING
                                                         and _placed(value, clause, topic) and _named(value, clause)
                                                         and (topic.hint or not _copula_name(value, clause))):
            continue
        if topic.kind == "person" and topic.hint is None and cls == "where" and (value, "org") in probe.values \
                and any(c == "job" for _, c in probe.values):
            attrs = ("works_at", "lives_in")  # "my sister's a staff nurse at the Royal Free": where she works
        attr = _chosen(attrs, words) if topic.hint is None else attrs[0]
        if attr in ("lives_in", "works_at") and topic.hint is None and not CHOOSING_WORDS[attr] & words \
                and not (clause.head.lemma_.lower() == "be" and clause.head.tag_ in ("VBZ", "VBP")):
            continue  # "my brother flew to Paris" says nothing of where he lives; "Ray is on ward 7" does
        out.setdefault(attr, value)
    return list(out.items())


def frame_facts(clause: Clause, probe: SlotProbe, it: str | None, person: str | None) -> list[tuple[str, str, str, str]]:
    """(entity, kind, attribute, value) of one stated clause (see the module docstring)."""
    if clause.about == "request" or clause.head.tag_ == "VBD" and clause.head.lemma_.lower() not in _CHANGES:
        return []  # "Last Saturday was Tomas's wedding", "the printer jammed": past, no slot to correct later
    if any(t.lower_ in _WH and t.dep_ in ("advmod", "mark", "nsubj", "dobj") for t in clause.tokens[:2]):
        return []  # "(explain) how photosynthesis works": a question's clause states nothing
    topic = frame_topic(clause, probe, it, person)
    if topic is None:
        return []
    return [(topic.name, topic.kind, attr, value) for attr, value in frame_attributes(topic, probe, clause)]


__all__ = ["ATTRIBUTE_NOUNS", "Topic", "frame_attributes", "frame_facts", "frame_topic"]
