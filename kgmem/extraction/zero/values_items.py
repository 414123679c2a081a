"""Value kinds that are things: items (a verb's object phrase), events, activities, instruments,
languages, job titles, vehicles, phones and allergens."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import (
    ATTENDING,
    CURRENCY_WORDS,
    DEPART,
    EVENT_NOUNS,
    HOBBIES,
    INVITATIONS,
    JOB_HEADS,
    NOT_HOBBIES,
    PHONE_BRANDS,
    POST_NOUNS,
    STUDY_PLACES,
    VEHICLE_GENERIC,
    VEHICLES,
    WHICH_ONE,
    WORK_AS,
    job_noun,
)
from kgmem.extraction.zero.nlp import entity_at, event_phrase, noun_phrase, proper_at
from kgmem.extraction.zero.value_parse import (
    GENERIC_HEADS,
    Filler,
    Value,
    args_of,
    np_of,
    object_tokens,
    ok_value,
)
from kgmem.knowledge import sense_kind_of
from kgmem.nlp import has_user_possessor, is_user

if TYPE_CHECKING:
    from spacy.tokens import Token

_TASTE_PEOPLE = frozenset({"person", "lover", "addict", "snob", "fiend", "junkie", "nut", "guy", "girl", "fanatic", "fan",
                           "supporter"})
_DEGREE = frozenset({"big", "huge", "total", "massive", "real", "true", "complete", "bit", "proper", "serious"})


#: pronouns standing for the thing itself: with one as the object, no other phrase of the clause is the thing
_STAND_INS = frozenset({"it", "one", "them"})
#: prepositions that say where a thing came from or was got: their object is a shop, not the thing ("in" and
#: "into" also tell tastes and interests: "I got into Wordle", "interested in Stoicism")
_SOURCE_PREPS = frozenset({"from", "at"})
#: WordNet kinds of a thing one pays for and takes home
GOODS = ("artifact", "matter", "organism", "natural object")
#: WordNet kinds of a place of trade ("a thrift shop", "the hardware store", "a market stall", "a boutique")
SHOP_KINDS = ("mercantile establishment", "marketplace")


def payee(t: Token) -> bool:
    """``t`` is whom a payment went to ("I paid Costco", "paid the seller", "paid Argos £40"): the one paid is
    never the thing bought."""
    return t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() == "pay"


def shop_at(t: Token) -> bool:
    """``t`` is where a thing was got ("walked out of REI with a lamp", "picked it up from the hardware store",
    "a tent at Decathlon"): the object of a preposition of source or place ("of" only after "out") that is a
    named organisation or place, or a noun WordNet knows as a place of trade."""
    prep = t.head
    if t.dep_ != "pobj" or not (prep.lower_ in _SOURCE_PREPS or prep.lower_ == "of" and prep.head.lower_ == "out"):
        return False
    ent = entity_at(t)
    return ent is not None and ent.label_ in ("ORG", "FAC", "GPE", "LOC") or t.pos_ == "PROPN" \
        or bool(sense_kind_of(t.lemma_.lower(), SHOP_KINDS))


def users_share(t: Token, c: Clause) -> bool:
    """``t`` is a share of the user's that something else gets or has ("Anything with jazz gets my vote", "that
    band has my heart"): the object of a verb with another subject, the user's, and no goods to WordNet. It is how the
    user rates the subject, never the thing liked or got (session 29, x29)."""
    subj = c.subject
    return t.dep_ == "dobj" and t.head.i == c.head.i and subj is not None and not is_user(subj) \
        and has_user_possessor(t) \
        and sense_kind_of(t.lemma_.lower(), GOODS) is False


def fill_item(c: Clause) -> list[Value]:
    if any(t.dep_ == "dobj" and t.lower_ in _STAND_INS and t.head.i == c.head.i for t in c.tokens):
        return []  # "got one for the garden": the thing is what "one" stands for, never the garden
    toks = object_tokens(c)
    if c.verbless and (labels := [a for a in c.head.children if a.dep_ == "appos"]):
        # "Latest splurge: a Dyson stick vacuum for $399": the head labels the thing named after it
        toks = labels + [t for t in toks if t.i != c.head.i and t not in labels]
    for t in toks:
        if payee(t) or shop_at(t) or t.dep_ == "dobj" and t.head.lemma_.lower() in DEPART or users_share(t, c):
            continue  # "I left the market with a rug": the place left is no thing bought
        if t.lemma_.lower() in _TASTE_PEOPLE:
            # "a big oat latte person", "a total sourdough snob": the taste is the modifier
            mods = [x for x in t.lefts if x.dep_ in ("compound", "amod", "nmod") and x.lower_ not in _DEGREE]
            if mods and ok_value(taste := t.doc[mods[0].i: mods[-1].i + 1].text):
                return [(taste, "item")]
        ent = entity_at(t)
        if ent is not None and ent.label_ in ("DATE", "TIME", "MONEY", "CARDINAL", "PERSON", "GPE", "PERCENT") \
                or t.lower_ in CURRENCY_WORDS:
            continue  # "600 quid" is the price, not the thing
        np = np_of(t)
        if np and ok_value(np) and np.lower() not in GENERIC_HEADS:
            return [(np, "item")]
    return []

def invited_to(t: Token) -> bool:
    """``t`` is what an invitation is to ("the invite to Priya's wedding", "I was invited to Tom's party"):
    an occasion still to come, not one attended."""
    if t.dep_ != "pobj" or t.head.lower_ != "to":
        return False
    owner = t.head.head  # "to" on the invitation, or on the verb whose object it is ("got an invite to X")
    return owner.lemma_.lower() in INVITATIONS or owner.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in INVITATIONS for c in owner.children)


def fill_event(c: Clause) -> list[Value]:
    for t, role in args_of(c):
        if invited_to(t):
            continue
        if role in ("obj", "subj", "attr") or role.startswith("prep:"):
            right = [c for c in t.rights if c.dep_ in ("amod", "compound") and c.i == t.i + 1]
            if t.lemma_.lower() in EVENT_NOUNS or t.lower_ in EVENT_NOUNS or right and right[0].lower_ in EVENT_NOUNS:
                ev = event_phrase(t) + (" " + right[0].text if right else "")
                if ok_value(ev) and ev.lower() not in EVENT_NOUNS | {"night"}:
                    return [(ev, "item")]
    return attended_occasion(c)


def attended_occasion(c: Clause) -> list[Value]:
    """The occasion a verb of attending names, whatever it is called: "I attended TechCrunch Disrupt",
    "competed in the Bath Half" (the verb says it is an occasion; a place of study or a person is none)."""
    prep = ATTENDING.get(c.head.lemma_.lower())
    if prep is None:
        return []
    if prep:
        objs = [g for p in c.head.children if p.dep_ == "prep" and p.lower_ == prep for g in p.children if g.dep_ == "pobj"]
    else:
        objs = [t for t in c.head.children if t.dep_ == "dobj"]
    for t in objs:
        ent = entity_at(t)
        if invited_to(t) or t.pos_ not in ("NOUN", "PROPN") or ent is not None and ent.label_ in ("DATE", "TIME", "MONEY", "CARDINAL") \
                or any(w.lemma_.lower() in STUDY_PLACES for w in t.subtree) or t.lower_ in GENERIC_HEADS:
            continue  # "attended Leeds University", "attended church": a place of study or worship
        ev = proper_at(t) or event_phrase(t)
        if ok_value(ev):
            return [(ev, "item")]
    return []


def modifies_another_noun(t: Token) -> bool:
    """"yoga" in "a yoga mat", "guitar" in "a guitar amp": a modifier, not the thing itself."""
    return t.dep_ in ("compound", "amod", "nmod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i


def lexicon_filler(words: frozenset[str], *, capital: bool = False) -> Filler:
    def fill(c: Clause) -> list[Value]:
        toks = [t.lower_ for t in c.tokens]
        for i, w in enumerate(toks):
            # the longest lexicon entry starting here ("te reo maori", "sign language", "spanish")
            hit = next((h for n in (3, 2, 1) if i + n <= len(toks) and (h := " ".join(toks[i: i + n])) in words), None)
            if hit is None:
                continue
            if hit == w and modifies_another_noun(c.tokens[i]) and c.tokens[i].head.lower_ not in (
                    "lessons", "lesson", "class", "classes", "course", "tutor", "practice", "teacher"):
                continue  # "a Spanish omelette", "a guitar amp"
            return [(hit.title() if capital and hit != "asl" else hit.upper() if hit == "asl" else hit, "item")]
        return []
    return fill


def fill_activity(c: Clause) -> list[Value]:
    for t in c.tokens:
        low = t.lower_
        if low in HOBBIES and not modifies_another_noun(t):
            return [(low, "item")]
        if t.tag_ == "VBG" and t.dep_ in ("xcomp", "dobj", "pcomp") and low.endswith("ing") and low not in NOT_HOBBIES:
            return [(low, "item")]
    return []




def _titled_role(t: Token) -> str:
    """The title a role noun holds: its modifiers ("a senior analyst position") or its "of" object."""
    mods = [x for x in t.lefts if x.dep_ in ("compound", "amod", "nmod") and x.pos_ in ("NOUN", "PROPN", "ADJ")
            and x.lower_ not in ("new", "current", "old", "first", "dream", "full", "part", "permanent", "temporary")]
    if mods:
        return t.doc[mods[0].i: mods[-1].i + 1].text
    of = next((x for x in t.children if x.dep_ == "prep" and x.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return noun_phrase(obj) if obj is not None and obj.pos_ in ("NOUN", "PROPN") else ""


def fill_job(c: Clause) -> list[Value]:
    for t, role in args_of(c):
        if role in ("attr", "oprd", "obj", "prep:as", "prep:to", "appos") and (t.lemma_.lower() in JOB_HEADS or job_noun(t.lemma_.lower())):
            np = noun_phrase(t)
            if np and ok_value(np):
                return [(np if np.isupper() else np.lower(), None)]
    for t, role in args_of(c):
        if role in ("attr", "obj", "prep:into", "prep:to", "prep:as", "appos") and t.lemma_.lower() in POST_NOUNS:
            title = _titled_role(t)
            if title and ok_value(title):
                return [(title if title.isupper() else title.lower(), None)]
    # the frame names the occupation whatever the word: "I work as a physio", "started as a buyer",
    # "I am working like nurse" (non-native "like" for "as")
    if c.subject is not None and c.subject.lower_ == "we":
        return []  # an occupation is one's own ("we started as a joke at uni")
    for t, role in args_of(c):
        prep = t.head
        if role in ("prep:as", "prep:like") and t.pos_ in ("NOUN", "PROPN") and t.lower_ not in GENERIC_HEADS and (
                prep.head.lemma_.lower() in WORK_AS or prep.head.lemma_.lower() in POST_NOUNS):
            np = noun_phrase(t)
            if np and ok_value(np):
                return [(np if np.isupper() else np.lower(), None)]
    return []


def _model_name(np: str, brands: frozenset[str]) -> str:
    """The brand and model words of a phrase ("iPhone 12 battery" → "iPhone 12")."""
    words = np.split()
    start = next((i for i, w in enumerate(words) if w.lower().strip(",.") in brands), None)
    if start is None:
        return np
    out = [words[start]]
    for w in words[start + 1:]:
        if not (w[:1].isupper() or w[:1].isdigit() or w.lower() in brands) or w == "I":
            break
        out.append(w)
    lead = words[:start]
    if lead and lead[-1][:1].isupper():  # "Honda Civic", "Samsung Galaxy S22": keep the maker
        out = [lead[-1], *out]
    return " ".join(out)


def fill_vehicle(c: Clause) -> list[Value]:
    for t in object_tokens(c) + [t for t, r in args_of(c) if r == "subj" and c.about != "user"]:
        np = noun_phrase(t)
        words = {w.lower() for w in re.findall(r"[\w-]+", np)}
        if words & VEHICLES and not words <= VEHICLE_GENERIC and (c.lowercase or any(w[:1].isupper() for w in np.split())):
            return [(_model_name(re.sub(r"^(?:19|20)\d\d\s+", "", np), VEHICLES), "item")]
    return []


def fill_device(c: Clause) -> list[Value]:
    for t in object_tokens(c) + [t for t, r in args_of(c) if r == "subj" and c.about != "user"]:
        np = noun_phrase(t)
        if {w.lower() for w in re.findall(r"[\w-]+", np)} & PHONE_BRANDS:
            return [(_model_name(np, PHONE_BRANDS), "item")]
    return []



_ALLERGY_NOUNS = frozenset({"allergy", "allergies", "intolerance", "sensitivity", "reaction"})


#: what an allergen does to the user
_REACTIONS = frozenset({"hive", "hives", "rash", "reaction", "swell", "itchy", "itch", "sick", "wheezy", "wheeze",
                        "anaphylaxis", "breakout", "ill"})


def fill_allergen(c: Clause) -> list[Value]:
    """What the user reacts to: "allergic to X", "my X allergy", "X gives me a reaction"."""
    for t in c.tokens:
        low = t.lemma_.lower()
        if low in ("allergic", "intolerant"):
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                    if obj is not None and (np := np_of(obj)):
                        return [(np, "item")]
            left = [x for x in t.lefts if x.dep_ in ("npadvmod", "compound", "nmod")]  # "lactose intolerant"
            if left:
                return [(left[0].text, "item")]
        if low in ("give", "make", "bring") and t.lemma_ != "be" and any(
                x.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "acomp") and x.lemma_.lower() in _REACTIONS for x in t.subtree):
            subj = next((x for x in t.children if x.dep_ == "nsubj" and x.pos_ in ("NOUN", "PROPN")), None)
            if subj is not None and (np := np_of(subj)):
                return [(np, "item")]  # "Peanuts give me hives", "shellfish makes my throat swell"
        if t.lower_ in _ALLERGY_NOUNS or low in _ALLERGY_NOUNS:
            # a modifier saying how bad or which one ("severe", "only") is not the allergen ("peanut")
            mods = [x for x in t.lefts if x.dep_ in ("compound", "amod", "nmod", "npadvmod")
                    and x.lower_ not in ("bad", "severe", "mild", "serious", "terrible", "slight", "food")
                    and x.lower_ not in WHICH_ONE]
            if mods:
                return [(t.doc[mods[0].i: mods[-1].i + 1].text, "item")]
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("to", "from"):
                    obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                    if obj is not None and (np := np_of(obj)):
                        return [(np, "item")]
    return []


