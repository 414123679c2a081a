"""Clause-level readings of facts about other people and things (helpers of :mod:`.entity_facts`).

Each reading is one class of English statement, justified by its class and not by a sentence:

- **the user arranges a thing at a time**: "I do spin class Thursday at 6pm", "we record the
  podcast on Sundays", "booked a table at Ostra for 7:30" — a habitual (present simple) or
  booking verb whose object is a thing, with a day or time: the thing's ``scheduled_for``;
- **someone takes over a role**: "Linda Cho took over from Mr. Patel", "Dev replaced Omar";
- **a thing's name**: "the puppy next door is called Rufus", "the puppy is actually Rupert";
- **where a person lives when it is an institution**: "Grandma is at Rosewood care home"; or the
  place of a home they own: "his flat in Rotterdam" (:func:`home_place`);
- **a place with its qualifier**: "a vineyard in Napa", "the boardroom on 6";
- **the nearest subject** of a comma splice ("The garage rang, the car is ready": the car);
- **modality**: "may" inside a date ("launches on May 2") is the month, not a modal verb;
- **a person's name**: "my friend Priya", "my best mate Mei" (:func:`person_name`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.checks import HYPOTHETICAL
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.homes import HOME_NOUNS
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.value_parse import NOT_NAMES
from kgmem.extraction.zero.values_amounts import _WHEN_RX

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs of doing or holding something on a schedule ("I do spin class Thursday at 6pm")
_SCHEDULE_VERBS = frozenset({"do", "have", "take", "attend", "record", "host", "hold", "run", "teach", "play",
                             "practise", "practice", "stream", "coach", "lead", "chair"})
#: verbs of booking something for a time (their past tense still tells a coming time)
_BOOKING_VERBS = frozenset({"book", "reserve", "schedule", "arrange"})
#: objects that are no scheduled thing ("I have a cold on Mondays" is no appointment)
_NOT_SCHEDULED = frozenset({"time", "day", "week", "weekend", "cold", "headache", "question", "idea", "problem",
                            "lot", "bit", "chance", "feeling", "look", "break", "nap", "shower", "breakfast",
                            "lunch", "dinner", "coffee"})
#: heads of a place where someone lives rather than visits ("at Rosewood care home")
_RESIDENCES = frozenset({"home", "residence", "hall", "halls", "dorm", "dormitory", "hostel", "village",
                         "facility", "accommodation", "flat", "apartment", "house"})
#: units of a building a person stays in, told by their number ("room 14", "Ward 7"): a home's nouns and a care unit's
_UNITS = HOME_NOUNS | frozenset({"ward", "bay", "unit", "wing", "suite", "cell", "cubicle"})
_TAKE_OVER = re.compile(r"\b(?:took|takes|taking|has taken|have taken)\s+over\b", re.IGNORECASE)


def hypothetical(clause: Clause) -> bool:
    """The clause is hypothetical or modal; a word inside a date ("May 2") is no modal verb."""
    words = [t.text if (e := entity_at(t)) is None or e.label_ not in ("DATE", "TIME") else "_"
             for t in clause.tokens]
    return bool(HYPOTHETICAL.search(" ".join(words)))


def nearest_subject(clause: Clause) -> Token | None:
    """The subject nearest before the head when a comma splice gives it two ("The garage rang,
    the car is ready to collect": the car is ready, not the garage)."""
    subs = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.head.i]
    if len(subs) < 2:
        return clause.subject
    # "her flight's delayed, it's landing at 9:15": "it" is that flight
    nouns = [c for c in subs if c.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else subs[-1]


def _object(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)


def scheduled_object(clause: Clause) -> Token | None:
    """The thing the user does or books at a time: the object of a habitual verb in the present
    simple ("I do spin class…", "we record the podcast…") or of a booking verb in any tense."""
    if clause.about != "user" or clause.blocked:
        return None
    head = clause.head
    lemma = head.lemma_.lower()
    habitual = lemma in _SCHEDULE_VERBS and head.tag_ in ("VBP", "VBZ") \
        and not any(c.dep_ == "aux" for c in head.children) \
        or lemma == "get" and any(c.dep_ == "aux" and c.lower_ in ("'ve", "have", "'s", "has") for c in head.children)
    # "I've got the dentist Thursday at 3:20": a coming appointment, said as what one has
    if not (habitual or lemma in _BOOKING_VERBS):
        return None
    obj = _object(head)
    if obj is None or obj.lemma_.lower() in _NOT_SCHEDULED or obj.lemma_.lower() in PEOPLE_NOUNS:
        return None
    ent = entity_at(obj)
    if ent is not None and ent.label_ in ("PERSON", "DATE", "TIME"):
        return None
    return obj


def place_owner(obj: Token) -> str | None:
    """The proper noun a booked thing is at ("a table at Ostra" → "Ostra"), the preposition
    attached to the thing or to the booking verb."""
    for p in [*obj.children, *(c for c in obj.head.children if c.i > obj.i)]:
        if p.dep_ == "prep" and p.lower_ in ("at", "with"):
            for g in p.children:
                if g.dep_ == "pobj" and g.pos_ == "PROPN":
                    return " ".join(w.text for w in g.subtree if w.pos_ == "PROPN")
    return None


def took_over(clause: Clause) -> tuple[str, str | None] | None:
    """(new person, predecessor) for "X took over (from Y)" / "X replaced Y" (X a proper noun)."""
    head = clause.head
    subj = clause.subject
    if subj is None or subj.pos_ != "PROPN":
        return None
    lemma = head.lemma_.lower()
    over = lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in head.children)
    if not over and not (lemma in ("replace", "succeed") and _object(head) is not None):
        return None
    if over and not _TAKE_OVER.search(clause.text):
        return None
    before: str | None = None
    if over:
        before = next((_name(g) for p in head.children if p.dep_ == "prep" and p.lower_ == "from"
                       for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
    else:
        obj = _object(head)
        before = _name(obj) if obj is not None and obj.pos_ == "PROPN" else None
    return _name(subj), before


def _name(t: Token) -> str:
    """A proper noun with its compounds and a title before it ("Linda Cho", "Mr. Patel")."""
    left = [c for c in t.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    start = left[0].i if left else t.i
    return t.doc[start: t.i + 1].text


def called(clause: Clause) -> str | None:
    """The name a clause gives a thing: "is called/named Rufus", "the puppy is actually Rupert"."""
    head = clause.head
    lemma = head.lemma_.lower()
    if lemma in ("call", "name") and any(c.dep_ == "auxpass" for c in head.children):
        name = next((c for c in head.children if c.dep_ in ("oprd", "attr", "dobj") and c.pos_ == "PROPN"), None)
    elif lemma == "be" and any(c.lower_ in ("actually", "really", "officially") for c in head.children):
        name = next((c for c in head.children if c.dep_ == "attr" and c.pos_ == "PROPN"), None)
    else:
        return None
    if name is None or name.lower_ in NOT_NAMES:
        return None
    ent = entity_at(name)
    return None if ent is not None and ent.label_ in ("DATE", "TIME", "GPE") else _name(name)


def residence(clause: Clause) -> str | None:
    """The institution a person lives in: "is at / in / lives at Rosewood care home" (a place
    noun of living, named by a proper noun); the numbered unit a person stays in ("Nan's in room 14
    at Beechwood", "Mum's on Ward 7 at the Royal"): where they are now, not their workplace."""
    if clause.head.lemma_.lower() not in ("be", "live", "stay"):
        return None
    for p in clause.head.children:
        if p.dep_ == "prep" and p.lower_ in ("in", "on"):
            for g in p.children:
                if g.dep_ == "pobj" and (unit := numbered_unit(g)) is not None:
                    return unit
        if p.dep_ == "prep" and p.lower_ in ("at", "in"):
            for g in p.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in _RESIDENCES \
                        and any(w.pos_ == "PROPN" and w.i < g.i for w in g.subtree):
                    words = [w for w in g.subtree if w.i <= g.i and w.dep_ not in ("det", "poss", "case")]
                    return " ".join(w.text for w in words)
    return None


#: owners whose home is someone else's: "his flat", "her place" (the user's own, "my flat in Leeds", is :mod:`.homes`')
_THEIR = frozenset({"his", "her", "their"})


def home_place(clause: Clause) -> tuple[Token, Token, str] | None:
    """Where a person lives said by the place of a home they own: a noun of a home with an owner
    ("his", "her", "their" or a name's) and "in" a proper name ("a video call with Tomasz from his flat
    in Rotterdam", "Nkechi's settled into her place in Nottingham"): the owner, the home noun and the
    place. NER may call the place anything (it calls Nottingham a person there): "in" after the home
    says what it is."""
    for t in clause.tokens:
        # the parse may tag the home an adjective ("from her flat") when it is an object all the same
        if t.lower_ not in HOME_NOUNS and t.lemma_.lower() not in HOME_NOUNS \
                or not (t.pos_ == "NOUN" or t.pos_ == "ADJ" and t.dep_ in ("pobj", "dobj")):
            continue
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is None or not (owner.lower_ in _THEIR or owner.pos_ == "PROPN" and owner.lower_ not in NOT_NAMES):
            continue
        after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None  # "in" right after the home, wherever it hangs
        for p in [*t.children, *([after] if after is not None and after.dep_ == "prep" else [])]:
            if p.dep_ != "prep" or p.lower_ != "in":
                continue
            g = next((c for c in p.children if c.dep_ == "pobj" and c.pos_ == "PROPN" and c.lower_ not in NOT_NAMES
                      and ((e := entity_at(c)) is None or e.label_ not in ("DATE", "TIME", "MONEY"))), None)
            if g is not None:
                start = min((c.i for c in g.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < g.i),
                            default=g.i)
                return owner, t, t.doc[start: g.i + 1].text
    return None


def numbered_unit(tok: Token) -> str | None:
    """A numbered unit of a building one stays in ("room 14", "Ward 7", "bed 3"): a noun of a home or a
    stay's unit with its number, never a time ("Year 9", "day 3": NER's DATE)."""
    if tok.lemma_.lower() not in _UNITS and tok.lower_ not in _UNITS:
        return None
    num = next((c for c in tok.children if c.dep_ in ("nummod", "appos", "npadvmod") and c.like_num and c.i > tok.i), None)
    if num is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].like_num:
        num = tok.doc[tok.i + 1]
    if num is None or (e := entity_at(num)) is not None and e.label_ in ("DATE", "TIME", "MONEY", "QUANTITY"):
        return None
    return tok.doc[tok.i: num.i + 1].text


def extend_place(value: str, clause: Clause) -> str:
    """A common-noun place with its qualifier: "vineyard" → "vineyard in Napa", "boardroom" →
    "boardroom on 6" (a proper name is kept as it is)."""
    for t in clause.tokens:
        if t.text == value.split()[-1] and t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ == "in" \
                and t.head.head.pos_ in ("NOUN", "PROPN") and t.head.head.dep_ == "pobj":
            # "at a vineyard in Napa", "at the Taj in Colaba": the place, in its town
            noun = t.head.head
            return t.doc[noun.i: t.i + 1].text
        if t.text != value.split()[-1] or t.pos_ != "NOUN":
            continue
        quals = [p for p in t.rights if p.dep_ == "prep" and p.lower_ in ("in", "on", "at")
                 and any(g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.like_num) for g in p.children)]
        if quals:
            end = quals[0].right_edge.i
            return f"{value} {t.doc[t.i + 1: end + 1].text}"
        nxt = t.doc[t.i + 1: t.i + 3]
        if len(nxt) == 2 and nxt[0].lower_ == "on" and nxt[1].like_num:
            return f"{value} on {nxt[1].text}"  # "the boardroom on 6" (the floor), however it is attached
    return value


def proper_after(clause: Clause, preps: frozenset[str]) -> str | None:
    """A proper noun after one of ``preps`` whatever NER calls it ("our internet is with Zing")."""
    for t in clause.tokens:
        if t.dep_ == "prep" and t.lower_ in preps and (t.head.i == clause.head.i or t.head.dep_ == "prt"):
            for g in t.children:
                # "over to Fibrely" (tagged ADV): a capitalised word inside the sentence is a name
                if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.text[:1].isupper() and g.i > 0) \
                        and g.lower_ not in NOT_NAMES:
                    return _name(g)
    return None


def when_span(clause: Clause) -> str | None:
    """The day and time a clause gives, joined when said apart ("for 7:30 on Friday")."""
    hits = [m for m in _WHEN_RX.finditer(clause.text) if m.group(0).strip()]
    if not hits:
        return None
    start, end = hits[0].start(), hits[0].end()
    for m in hits[1:]:
        if re.fullmatch(r"\s*(?:on|at|,)?\s*", clause.text[end: m.start()]):
            end = m.end()
        else:
            break
    return clause.text[start:end].strip()


#: role nouns of the person in charge of a thing ("Dev is our new contact at Brightwater")
_ROLES = frozenset({"lead", "leader", "manager", "contact", "chair", "president", "teacher", "owner", "coach",
                    "instructor", "head", "director", "captain", "organiser", "organizer", "supervisor", "tutor"})


def named_role(clause: Clause) -> tuple[str, Token | None] | None:
    """(name, the thing's noun or None) for "<Name> is the/our (new) <role> (at/of/for <thing>)":
    the name is in charge of the thing after the role noun (or of the thing named before)."""
    head, subj = clause.head, clause.subject
    if head.lemma_.lower() != "be" or subj is None or subj.pos_ != "PROPN":
        return None
    ent = entity_at(subj)
    if ent is not None and ent.label_ not in ("PERSON", "GPE", "ORG"):
        return None
    attr = next((c for c in head.children if c.dep_ == "attr" and c.lemma_.lower() in _ROLES), None)
    if attr is None or not any(c.dep_ in ("det", "poss") for c in attr.children):
        return None
    thing = next((g for p in attr.children if p.dep_ == "prep" and p.lower_ in ("at", "of", "for", "on")
                  for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
    if thing is None:
        # "Olga is the new office manager": the noun before the role noun
        thing = next((c for c in attr.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)
    return _name(subj), thing


#: verbs of what only people do where they live or work ("Aoife lives in Galway", "Tunde works for Deliveroo")
_PEOPLE_VERBS = frozenset({"live", "work", "reside", "commute"})
#: what NER may call a name that is never a person's
_NO_PERSON = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT",
                        "EVENT", "LANGUAGE", "LAW"})


def bare_name_agent(clause: Clause) -> str | None:
    """The name of a person said by their bare name as the subject of a verb only people do
    ("Aoife lives in Galway", "Tunde works for Deliveroo"),
    whatever the tagger and NER call the name (a capitalised word without determiner or owner);
    None otherwise ("The office works…", "Rent works out at…")."""
    subj, head = clause.subject, clause.head
    if subj is None or subj.dep_ != "nsubj" or subj.i > head.i or head.lemma_.lower() not in _PEOPLE_VERBS:
        return None
    if not subj.text[:1].isupper() or subj.text.isupper() or subj.tag_ in ("NNS", "NNPS") or subj.lower_ in PEOPLE_NOUNS \
            or subj.lower_ in NOT_NAMES or subj.pos_ not in ("NOUN", "PROPN") \
            or any(c.dep_ in ("det", "poss", "amod") for c in subj.children) \
            or any(c.dep_ == "prt" for c in head.children):  # "works out"
        return None
    e = entity_at(subj)
    if e is not None and e.label_ in _NO_PERSON and not (head.lemma_.lower() in ("live", "reside")
                                                          and e.label_ in ("GPE", "LOC", "FAC")):
        return None  # "Tuesday works for me", "Paris works for me"; a place lives nowhere ("Siobhan", NER: GPE)
    return e.text if e is not None and e.label_ == "PERSON" else subj.text


def in_charge_agent(clause: Clause, verbs: frozenset[str]) -> tuple[Token, str] | None:
    """(the thing, the person) when a person is the subject of one of ``verbs`` (of leading, running,
    teaching) and a definite thing its object: "Kofi is leading the Atlas migration", "Mr Lee teaches
    the Tuesday class" — the person is in charge of the thing, never the other way round. Not a
    passive ("is led by…": the thing is the subject) nor an indefinite object ("runs marathons")."""
    head, subj = clause.head, clause.subject
    if head.pos_ != "VERB" or head.lemma_.lower() not in verbs or subj is None or subj.dep_ != "nsubj" \
            or any(c.dep_ in ("auxpass", "agent", "prt") for c in head.children):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that") or
                              c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children):
        return None
    who = person_name(subj) or bare_name(subj)
    titles = [w.text for w in subj.lefts if w.dep_ == "compound" and w.text[:1].isupper() and w.i == subj.i - 1]
    return (obj, " ".join([*titles, who]) if who == subj.text else who) if who else None  # "Prof. Abara", "Coach Dimitri"


def bare_name(subj: Token) -> str | None:
    """A capitalised subject without determiner or owner, not what NER calls a place, date or amount:
    a person's name however the tagger reads it ("Kofi", NER: nothing)."""
    if not subj.text[:1].isupper() or subj.text.isupper() or subj.pos_ not in ("NOUN", "PROPN") \
            or subj.lower_ in NOT_NAMES or subj.lower_ in PEOPLE_NOUNS or any(c.dep_ in ("det", "poss") for c in subj.children):
        return None
    e = entity_at(subj)
    return None if e is not None and e.label_ in _NO_PERSON else subj.text


#: what NER may call a name that is no person's ("my sister Paris trip", "my friend Monday")
_NOT_PEOPLE = frozenset({"DATE", "TIME", "GPE", "LOC", "ORG", "FAC", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY",
                         "PERCENT", "EVENT"})


def person_name(t: Token) -> str | None:
    """The name of the person a token is: a PERSON, a proper noun, or the name a people noun is
    given ("my friend Priya", "my brother Ahmed")."""
    ent = entity_at(t)
    if ent is not None and ent.label_ == "PERSON":
        return ent.text
    for c in t.children:  # "my friend Priya", "my brother Ahmed"; after the noun NER's "GPE" is a name too
        if c.dep_ in ("appos", "compound", "npadvmod") and c.pos_ == "PROPN" and c.lower_ not in NOT_NAMES \
                and not ((e := entity_at(c)) is not None and e.label_ in ("DATE", "TIME", "ORG", "GPE")
                         and not (c.i > t.i and e.label_ == "GPE")):
            e2 = entity_at(c)
            return e2.text if e2 is not None and e2.label_ == "PERSON" else c.text
    if t.pos_ == "PROPN" and t.text[:1].isupper():
        return t.text
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if t.pos_ == "NOUN" and t.lower_ in PEOPLE_NOUNS and nxt is not None and nxt.text[:1].isupper() \
            and (e := entity_at(nxt)) is not None and e.label_ == "PERSON" and e.start == nxt.i:
        return e.text  # "my mate Olly" with "Olly" tagged an adverb: NER's person all the same
    if t.pos_ == "NOUN" and t.lower_ in PEOPLE_NOUNS and nxt is not None and nxt.pos_ == "PROPN" \
            and nxt.text[:1].isupper() and nxt.lower_ not in NOT_NAMES \
            and ((e := entity_at(nxt)) is None or e.label_ not in _NOT_PEOPLE):
        # a people noun said just before a name is that person, however the parse hangs the name ("my
        # best mate Mei lives in…": "Mei" a compound of the verb; "my old flatmate Raj": an advmod;
        # "my friend Ines", NER: a product)
        return e.text if e is not None and e.label_ == "PERSON" else nxt.text
    return None
