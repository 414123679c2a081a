"""First statements about a named thing or person, read from a clause's probe (issue #13 item 7).

A correction needs a slot to correct: the first time a clause gives a named or definite person or thing a
typed value with a word or a class that names the attribute ("the Henderson proposal is due on the 14th",
"the gala is at the Grand Pavilion", "my GP is Dr Okafor", "it's led by Farah"), it is stored. The probe of
the clause (:mod:`.entity_probes`) holds the values by class and the names; this module decides the entity
and the attribute. Split from :mod:`.entity_probes` (session 17): probes are what a correction says, these
are what a first statement says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.schema import SlotProbe
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_probes import _PRONOUNS, LEADING, _mention
from kgmem.extraction.zero.entity_readings import bare_name_agent, in_charge_agent
from kgmem.extraction.zero.entity_readings import person_name as _person_name
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at

if TYPE_CHECKING:
    from spacy.tokens import Token


#: nouns of a person known by their role ("my GP is Dr Okafor", "our landlord is Brightlet"): the
#: role is the thing, the name its value
ROLE_NOUNS = frozenset({"gp", "doctor", "dentist", "landlord", "landlady", "boss", "manager", "contact", "tutor",
                        "teacher", "coach", "accountant", "lawyer", "solicitor", "agent", "therapist", "trainer",
                        "mechanic", "plumber", "builder", "childminder", "nanny", "cleaner", "vet", "consultant",
                        "surgeon", "physio", "midwife", "advisor", "adviser", "caseworker", "supervisor", "mentor",
                        # a group's or a thing's people ("our supper club host is Ngozi", "the PTA treasurer is Lou")
                        "treasurer", "secretary", "captain", "chair", "host", "organiser", "organizer", "coordinator",
                        "walker", "sitter", "babysitter", "president"})
#: a thing's attribute by the class of its value when no word names one
#: verbs whose object is where a show takes place ("playing the Fleece")
_PLAY = ("play", "perform", "headline")
#: verbs whose "at"/"in" place is where the thing is or goes from ("the shuttle picks up at Terminal 2")
_PLACE_VERBS = ("pick", "meet", "leave", "depart", "start", "stop", "run", "take", "happen", "gather")
_THING_DEFAULT = {"when": "scheduled_for", "state": "status", "money": "amount"}
#: a person's attribute by the class of its value (closed classes only)
_PERSON_DEFAULT = {"job": "job_title", "diet": "diet", "commute": "commute"}
_PLACE_PREPS = frozenset({"at", "in", "on"})


def _specific(t: Token) -> bool:
    """A noun naming one particular thing: a name, "the/my/our X", "X's Y", a proper compound."""
    return t.pos_ == "PROPN" or any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that")
        or c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)


def _at_place(value: str, clause: Clause) -> bool:
    """The value is the object of "at"/"in" or what the clause's "is" says ("is at the Grand
    Pavilion", "is the Assembly Rooms"), not any noun of the clause."""
    words = value.split()
    if not words:
        return False
    for t in clause.tokens:
        if t.text not in (words[0], words[0].split("'")[0], words[-1]):
            continue
        h = t  # up to the head of the value's phrase
        while h.dep_ in ("compound", "amod", "det", "nummod", "poss") and h.head.i != h.i and h.head.i in clause.index:
            h = h.head
        if h.dep_ == "pobj" and h.head.lower_ in _PLACE_PREPS and (h.head.lower_ != "on" or h.pos_ == "PROPN") \
                or h.dep_ == "attr" and h.pos_ == "PROPN" or h.dep_ == "dobj" and h.head.lemma_.lower() in _PLAY:
            return True  # "on Zoom" (a name; "on the 12th" is a time), "the band is playing the Fleece"
    return False


def first_attributes(probe: SlotProbe, clause: Clause, person: bool, role: bool) -> list[tuple[str, str]]:
    """(attribute, value) pairs of a first statement about a named thing or person: a word of the
    clause names the attribute and a value of its class is there, else the class names it (a
    thing's time, state or amount; a person's job or diet; a role's name; a thing's place after
    at/in: "the gala is at the Grand Pavilion on the 18th" gives both its venue and its time)."""
    by_class: dict[str, str] = {}
    for value, cls in probe.values:
        by_class.setdefault(cls, value)
    out: dict[str, str] = {}
    if role:
        who = by_class.get("person") or by_class.get("org")
        return [("name", who)] if who and clause.head.lemma_.lower() == "be" else []
    for attr in probe.attribute_words:
        if person != (attr in ("lives_in", "works_at")):
            continue
        for cls, attrs in _CLASS_ATTRS.items():
            if attr in attrs and cls in by_class and (cls != "where" or _at_place(by_class[cls], clause)):
                out.setdefault(attr, by_class[cls])
    for cls, attr in (_PERSON_DEFAULT if person else _THING_DEFAULT).items():
        if cls in by_class and not (attr == "scheduled_for" and "due_date" in out):
            out.setdefault(attr, by_class[cls])
    if not person and "venue" not in out and "where" in by_class and _at_place(by_class["where"], clause) \
            and clause.head.lemma_.lower() in ("be", "hold", "host", "move", "relocate", *_PLAY, *_PLACE_VERBS):
        out["venue"] = by_class["where"]
    return list(out.items())


#: the attributes a value class may fill (the manager's table, for first statements)
_CLASS_ATTRS: dict[str, tuple[str, ...]] = {
    "when": ("scheduled_for", "due_date"), "where": ("venue", "lives_in", "works_at"),
    "org": ("works_at", "provider", "venue"), "person": ("person_in_charge",), "state": ("status",),
    "money": ("amount",),
}


def first_statements(clause: Clause, probe: SlotProbe, it: str | None = None) -> list[tuple[str, str, str, str]]:
    """(entity, kind, attribute, value) when a clause gives a named or definite person or thing
    (its subject; "it" is ``it`` or the thing named just before) a typed value with a word or class that
    names the attribute ("the Henderson proposal is due on the 14th", "the gala is at the Grand
    Pavilion", "my GP is Dr Okafor", "it's led by Farah"): something a later correction can
    anchor to."""
    subj = clause.subject
    if clause.head.tag_ == "VBD":
        return []  # "Last Saturday was Tomas's wedding, in a barn": a thing past, no slot to correct later
    if subj is not None and subj.lower_ in _REPORTERS and clause.head.lemma_.lower() in ("say", "show", "read") \
            and probe.context and (state := next((v for v, c in probe.values if c == "state"), None)):
        # "ordered a sofa from Loaf, it says 'in production'": the tracker tells the thing's state
        return [(probe.context[0], "thing", "status", state)] if state.casefold() not in probe.context[0].casefold() else []
    if (agent := in_charge_agent(clause, LEADING)) is not None and (thing := _mention(agent[0])) is not None:
        return [(thing, "thing", "person_in_charge", agent[1])]  # "Kofi is leading the Atlas migration"
    if subj is None and clause.about == "none" and (lost := _lost_subject(clause)) is not None:
        return [(lost, "thing", attr, value) for attr, value in first_attributes(probe, clause, False, False)
                if value.casefold() not in lost.casefold()]
    if subj is None or clause.about in ("user", "request") or subj.lemma_.lower() in ("name", "codename", "nickname"):
        return []  # "our book club's name is The Page Turners" is its name (entity_names), no venue
    said = {v.casefold() for v, _ in probe.values}
    if subj.lower_ in ("it", "they") and (it or probe.context) and all(m.casefold() in said for m in probe.mentions):
        # "It's led by Farah": the thing named before ("it": ``it``, the turn's most salient thing)
        name, person, role = it or probe.context[0], False, False
    elif clause.about == "none" or subj.pos_ not in ("NOUN", "PROPN") or subj.lower_ in _PRONOUNS or not probe.mentions:
        return []
    else:
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lower_ not in PEOPLE_NOUNS
                      and any(g.dep_ == "poss" for g in c.children)), None)
        if appos is not None and (band := _mention(appos)):
            # "My friend Maya's band is playing…" parsed with "friend" as the subject: the band plays
            return [(band, "thing", attr, value) for attr, value in first_attributes(probe, clause, False, False)
                    if value.casefold() not in band.casefold()]
        ent = entity_at(subj)
        low = subj.lemma_.lower()
        role = low in ROLE_NOUNS and subj.pos_ == "NOUN"
        person = not role and (ent is not None and ent.label_ == "PERSON" or low in PEOPLE_NOUNS
                               or bare_name_agent(clause) is not None)  # "Aoife lives in Galway"
        if not (_specific(subj) or person):
            return []
        # a person by their name when the clause gives it ("My brother Idris works at Meta": Idris)
        name = (_person_name(subj) if person else None) or probe.mentions[0]
    return [(name, "person" if person else "thing", attr, value)
            for attr, value in first_attributes(probe, clause, person, role)
            if value.casefold() not in name.casefold() and name.casefold() not in value.casefold()]


#: what reports a thing's state ("tracking just says 'in transit'")
_REPORTERS = frozenset({"it", "tracking", "tracker", "status", "app", "website", "portal", "system", "email", "site"})
_DEFINITE = frozenset({"the", "my", "our", "this", "that", "your", "their"})


def _lost_subject(clause: Clause) -> str | None:
    """The noun phrase that opens the sentence when the parse lost it as the subject ("The team
    offsite is at…" parsed with "offsite" as the root, "The venue hire costs $2,000" with "hire" as
    an auxiliary): a definite phrase of nouns (and adjectives) right before the clause's verb."""
    doc = clause.head.doc
    toks = [t for t in doc[: clause.head.i] if not t.is_punct]
    if not 2 <= len(toks) <= 5 or toks[0].lower_ not in _DEFINITE and toks[0].pos_ != "PROPN":
        return None
    if any(t.pos_ in ("PRON", "VERB", "ADP", "SCONJ", "CCONJ", "NUM") or t.lower_ in _PRONOUNS
           or (e := entity_at(t)) is not None and e.label_ in ("DATE", "TIME", "PERSON") for t in toks[1:]):
        return None
    words = [t.text for t in toks if t.lower_ not in _DEFINITE]
    return " ".join(words) if words else None
