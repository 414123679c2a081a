"""Objects of acquisition, travel and skill verbs read off the parse (used by :mod:`.verbs`).

"I snagged a used Kia Niro" → a car and a purchase; "we took the train to Porto" → a visit;
"I picked up the ukulele" → an instrument, never a purchase.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.lexicon import (
    EVENT_HEADS,
    HOBBIES,
    INSTRUMENTS,
    LANGUAGES,
    NOT_GOODS,
    PET_HEADS_EXTRA,
    PETS,
    PHONE_BRANDS,
    PURCHASE,
    TRANSPORT,
    TRAVEL,
    VEHICLE_GENERIC,
    VEHICLES,
)
from kgmem.extraction.zero.nlp import (
    entity_at,
    event_phrase,
    has_word,
    is_person_or_place,
    noun_phrase,
    objects_of,
    place_at,
)
from kgmem.extraction.zero.slot_nouns import SLOT_NOUNS
from kgmem.lexicon.people import USER_OBJECTS, USER_REFLEXIVES

if TYPE_CHECKING:
    from spacy.tokens import Token

Triple = tuple[str, str, "str | None"]
PETS_PARSE = PETS | PET_HEADS_EXTRA


def acquire_facts(v: Token, lemma: str, prt: str) -> list[Triple]:
    out: list[Triple] = []
    if lemma == "pick" and prt != "up":
        return out
    if lemma in ("drop", "blow") and not any(c.dep_ == "prep" and c.lower_ == "on" for c in v.children):
        return out
    if lemma in ("splurge", "invest", "drop", "blow"):
        objs = objects_of(v, ("on", "in"))
    elif lemma in ("shell", "spring", "fork"):
        objs = objects_of(v, ("for", "on"))
    elif lemma == "treat":
        objs = objects_of(v, ("to",))
    elif lemma in ("upgrade", "switch"):
        objs = objects_of(v, ("to",))
    elif lemma == "get" and prt in ("back", "through", "into", "over", "up", "out", "off", "on", "along"):
        return out
    else:
        objs = [c for c in v.children if c.dep_ in ("dobj",)]
        objs += [a for o in objs for a in o.children if a.dep_ == "appos"]
    for t in objs:
        if t.lower_ in USER_OBJECTS or t.lower_ in USER_REFLEXIVES:
            continue
        np = noun_phrase(t)
        if not np:
            continue
        head = t.lemma_.lower()
        if lemma == "get" and head in TRANSPORT - {"car", "flight"} and any(d.lower_ == "the" for d in t.children):
            continue  # "I get the train to Leeds": a ride, nothing bought
        words = {w.lower() for w in re.findall(r"[\w-]+", np)}
        if head in NOT_GOODS or t.pos_ == "PRON" or ((ent := entity_at(t)) is not None and ent.label_ in ("PERSON", "DATE", "TIME", "GPE")):
            continue
        if head in PETS_PARSE or (words & PETS_PARSE and t.pos_ == "NOUN" and head in PETS_PARSE):
            if lemma in ("get", "adopt", "rescue", "bring", "buy"):
                out.append(("has_pet", head if head != "rescue" else np.lower(), "item"))
                name = named_after(v, t)
                if name:
                    out.append(("pet_name", name, "person"))
            continue
        if lemma in ("adopt", "rescue"):
            continue
        brand_car = bool(words & VEHICLES) and not (words <= VEHICLE_GENERIC)
        # a phone maker's other goods ("a Samsung fridge freezer"): a common-noun head must name a phone
        brand_phone = bool(words & PHONE_BRANDS) and not (
            t.pos_ == "NOUN" and t.lower_ not in PHONE_BRANDS and SLOT_NOUNS.get(head) != "phone")
        if brand_car and t.text[:1].isupper() or (brand_car and any(w[:1].isupper() for w in np.split())):
            out.append(("drives", np, "item"))
            if lemma in PURCHASE:
                out.append(("bought", np, "item"))
            break
        if brand_phone:
            out.append(("phone", np, "item"))
            if lemma in PURCHASE:
                out.append(("bought", np, "item"))
            break
        if lemma == "pick" and (head in INSTRUMENTS or head in HOBBIES or t.tag_ == "VBG" or head.endswith("ing")):
            break  # a skill, handled by skill_facts
        if lemma in ("upgrade", "switch", "bring"):
            continue
        if lemma == "get" and not (t.pos_ in ("NOUN", "PROPN") and (t.tag_ in ("NN", "NNS", "NNP", "NNPS"))):
            continue
        out.append(("bought", np, "item"))
        break
    return out


def named_after(v: Token, obj: Token) -> str | None:
    for tok in v.doc[obj.i:]:
        if tok.lower_ in ("named", "called", "name") and tok.i + 1 < len(v.doc):
            nxt = v.doc[tok.i + 1]
            if nxt.lower_ in ("him", "her", "it", "them") and tok.i + 2 < len(v.doc):
                nxt = v.doc[tok.i + 2]
            if nxt.text[:1].isupper():
                return nxt.text
    return None


def travel_facts(v: Token, lemma: str, prt: str) -> list[Triple]:
    out: list[Triple] = []
    if lemma == "be" and v.tag_ not in ("VBD",):
        return out
    if lemma == "get" and "back" not in prt.split():
        return out
    if lemma == "take" and prt not in ("", "part"):
        return out
    if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_ in TRANSPORT for c in v.children):
        for t in objects_of(v, ("to",)):  # "took the train to Porto"
            if (p := place_at(t)) and not _is_person_or_place_other(t):
                return [("visited", p, "place")]
    preps: tuple[str, ...] = ("to", "in", "from", "through", "around", "across", "at") if lemma != "visit" else ()
    if lemma in ("visit", "tour", "explore", "check", "attend", "catch", "run", "join"):
        preps = ()
    if lemma == "check" and prt != "out":
        return out
    if lemma in ("take", "participate", "compete", "volunteer"):
        preps = ("in", "part", "at")
    if lemma == "make" and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in v.children):
        return out
    objs = objects_of(v, preps) if preps else [c for c in v.children if c.dep_ == "dobj"]
    if lemma == "take" and prt == "part":
        objs = objects_of(v, ("in",))
    for t in objs:
        np = noun_phrase(t)
        if not np:
            continue
        if has_word(np, EVENT_HEADS) and not is_person_or_place(t):
            if lemma in ("visit", "spend", "fly", "drive", "travel"):
                continue
            out.append(("attended", event_phrase(t), "item"))
            break
        if lemma in TRAVEL and lemma not in ("take",) and (p := place_at(t)):
            ent = entity_at(t)
            if ent is not None and ent.label_ in ("PERSON", "ORG") and lemma in ("be", "go", "get"):
                continue
            # "spent a week in X": the place is under the duration noun's prep or the verb's
            out.append(("visited", p, "place"))
            break
    if not out and lemma == "spend":
        for c in v.children:
            if c.dep_ == "dobj":
                for prep in c.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                        for g in prep.children:
                            if g.dep_ == "pobj" and (pl := place_at(g)):
                                out.append(("visited", pl, "place"))
    return out


def _is_person_or_place_other(t: Token) -> bool:
    ent = entity_at(t)
    return ent is not None and ent.label_ in ("PERSON", "DATE", "TIME")




def skill_facts(v: Token, lemma: str, prt: str) -> list[Triple]:
    out: list[Triple] = []
    objs = [c for c in v.children if c.dep_ in ("dobj", "xcomp", "attr")]
    objs += [g for c in v.children if c.dep_ == "prep" and c.lower_ in ("into", "in") for g in c.children if g.dep_ == "pobj"]
    for t in objs:
        low = t.lower_
        words = [w.lower_ for w in t.subtree if not w.is_punct]
        inst = next((w for w in words if w in INSTRUMENTS), None)
        lang = next((w for w in words if w in LANGUAGES), None)
        if inst and lemma in ("learn", "practice", "practise", "take", "teach", "start", "play", "pick", "begin"):
            if lemma == "take" and not any(w in ("lessons", "lesson", "classes", "class") for w in words) and prt != "up":
                continue
            out.append(("plays_instrument", inst, "item"))
            break
        if lang and lemma in ("learn", "study", "practice", "practise", "take", "teach", "start", "speak", "pick", "begin"):
            out.append(("speaks_language", lang.capitalize() if lang != "asl" else "ASL", "item"))
            break
        if lemma in ("take", "get", "pick", "start", "begin", "do", "try"):
            if lemma == "take" and prt != "up":
                continue
            if lemma == "get" and not any(c.dep_ == "prep" and c.lower_ == "into" for c in v.children):
                continue
            if lemma in ("start", "begin", "try") and t.dep_ != "xcomp" and t.tag_ != "VBG" and low not in HOBBIES:
                continue
            if lemma == "do" and low not in HOBBIES:
                continue
            np = noun_phrase(t) if t.dep_ != "xcomp" else t.lower_
            if t.dep_ == "xcomp":
                if low not in HOBBIES:
                    continue
                np = low
            if np and (low in HOBBIES or np.split()[-1].lower() in HOBBIES):
                out.append(("hobby", np.lower(), "item"))
                break
    # "grew up speaking Tagalog"
    if lemma == "speak" and not out:
        for c in v.children:
            if c.dep_ == "dobj" and c.lower_ in LANGUAGES:
                out.append(("speaks_language", c.text.capitalize(), "item"))
    return out


