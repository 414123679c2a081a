"""Fill a proposed predicate's value by its type, from the clause's parse and named entities.

Each registry predicate declares a value kind (:attr:`kgmem.predicates.Predicate.value_kind`):
a place (GPE/LOC, or a proper noun after in/to/from), an organisation (ORG, or a proper noun
after at/for/with/by/join), a person's name, a pet species, money, a number, a race time, a
title, an event, an item (the verb's object phrase), an activity, and a few closed kinds read
from the lexicon (instrument, language, diet, commute mode, relationship status, job title).
A proposal whose clause holds no value of the right kind yields no fact: this is the main
precision control of meaning-based proposals.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import (
    DIETS,
    EVENT_NOUNS,
    FAMILY,
    GYM_WORDS,
    HOBBIES,
    INSTRUMENTS,
    JOB_HEADS,
    LANGUAGES,
    NOT_GOODS,
    NOT_HOBBIES,
    PARTNERS,
    PEOPLE_NOUNS,
    PET_HEADS_EXTRA,
    PETS,
    PHONE_BRANDS,
    VALUE_BLOCKLIST,
    VEHICLE_GENERIC,
    VEHICLES,
    alt,
)
from kgmem.extraction.zero.nlp import entity_at, event_phrase, noun_phrase, place_at, word_number
from kgmem.extraction.zero.phrases import canonical_money

if TYPE_CHECKING:
    from spacy.tokens import Token

Value = tuple[str, "str | None"]  # (value text, entity type for the memory manager)
Filler = Callable[[Clause], list[Value]]

_PLACE_PREPS = ("in", "to", "from", "at", "near", "around", "through", "into", "across", "outside", "of")
_ORG_PREPS = ("at", "for", "with", "by", "from", "to", "joined", "join")
_NOT_NAMES = frozenset({"i", "i'm", "i've", "mom", "dad", "god", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
                        "july", "august", "september", "october", "november", "december", "today", "tonight"})
_MONEY_RX = re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|K|thousand|grand)?\b|\b\d[\d,]*(?:\.\d+)?\s?(?:k|K|thousand|grand)?"
                       r"\s?(?:dollars|bucks|euros|pounds|USD|EUR|GBP)\b|\b\d{2,3}(?:k|K)\b")
_RACE_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_WEIGHT = re.compile(r"\b(\d{2,3}(?:\.\d)?)\s*(pounds|lbs|lb|kg|kilos|kilograms)\b", re.IGNORECASE)
_PHONE_NUMBER = re.compile(r"(?<![\w$])\+?\d[\d\s().-]{5,}\d(?![\w%])")
_DIET_RX = re.compile(r"\b(?:" + alt(DIETS) + r")\b", re.IGNORECASE)
_STATUS_RX = re.compile(r"\b(engaged|married|divorced|separated|single|widowed)\b", re.IGNORECASE)
_MODE_WORDS = {"bike": "by bike", "bicycle": "by bike", "cycle": "by bike", "walk": "on foot", "drive": "by car",
               "carpool": "by carpool", "ebike": "by e-bike", "e-bike": "by e-bike", "scooter": "by scooter"}
_MODES = ("tram", "train", "subway", "metro", "bus", "ferry", "e-scooter", "scooter", "bike", "e-bike", "car",
          "foot", "underground", "tube", "streetcar", "motorcycle", "moped", "light rail", "carpool")
#: nouns that carry the statement, not its value ("a big fan of jazz", "my favourite thing")
_GENERIC_HEADS = frozenset({"favourite", "favorite", "thing", "things", "go-to", "jam", "fan", "lot", "bit", "kind",
                            "sort", "type", "way", "time", "stuff", "one", "deal", "vibe", "cup", "tea"})
_QUOTED = re.compile(r"[\"“']([^\"”']{2,80})[\"”']|\*([^*]{2,80})\*")


def _np(t: Token) -> str:
    return noun_phrase(t, ("nummod", "compound", "npadvmod", "amod"))


#: prepositions that introduce the value a statement moves to / away from
_TO_PREPS = ("to", "into", "in", "at", "for", "with", "near", "around", "through", "across", "outside", "joined", "join")


def _preference(role: str) -> int:
    """Order of argument roles when a clause holds several values: "from X to Y" means Y."""
    if role.startswith("prep:"):
        p = role[5:]
        return 0 if p in _TO_PREPS else 2 if p in ("from", "of", "than", "instead") else 1
    return 1


def _ok(value: str) -> bool:
    v = value.strip().lower()
    return bool(v) and v not in VALUE_BLOCKLIST and len(v) <= 80 and any(ch.isalnum() for ch in v)


def _args(c: Clause) -> list[tuple[Token, str]]:
    """Noun arguments of the clause with their role: "obj", "attr", "subj", "prep:<p>", "appos"
    (a verbless fragment's head noun — "A road bike from Target, $780." — is its "obj")."""
    out: list[tuple[Token, str]] = []
    if c.head.pos_ in ("NOUN", "PROPN") and c.head.dep_ == "ROOT":
        out.append((c.head, "obj"))
    for t in c.tokens:
        if t.pos_ not in ("NOUN", "PROPN", "NUM", "PRON", "ADJ", "X"):
            continue
        if t.dep_ in ("dobj", "dative", "oprd"):
            out.append((t, "obj"))
        elif t.dep_ in ("attr", "acomp"):
            out.append((t, "attr"))
        elif t.dep_ in ("nsubj", "nsubjpass"):
            out.append((t, "subj"))
        elif t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent", "prt", "dative"):
            out.append((t, "prep:" + t.head.lower_))
        elif t.dep_ == "appos":
            out.append((t, "appos"))
        elif t.dep_ == "conj" and t.head.dep_ in ("dobj", "pobj", "attr"):
            out.append((t, "obj"))
    return out


def _capital(c: Clause, text: str) -> bool:
    """Capitalised as a name is (or the turn was typed without capitals)."""
    return text[:1].isupper() or text[:1].isdigit() or c.lowercase and text[:1].isalpha()


def _proper_np(t: Token, c: Clause | None = None) -> str | None:
    ent = entity_at(t)
    if ent is not None and ent.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL", "PERCENT", "QUANTITY"):
        return None
    if ent is not None and ent.label_ not in ("NORP",) and t.i >= ent.start:
        text = re.sub(r"^(?:the|my|our)\s+", "", ent.text, flags=re.IGNORECASE)
        if text[:1].isupper() or text[:1].isdigit():
            return text
    lower = c is not None and c.lowercase
    if t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") and t.i > 0 or t.pos_ == "PROPN" \
            or lower and t.pos_ in ("PROPN", "NOUN") and t.lower_ not in _GENERIC_HEADS:
        np = noun_phrase(t)
        return np if np[:1].isupper() or np[:1].isdigit() or lower and np[:1].isalpha() else None
    return None


def fill_place(c: Clause) -> list[Value]:
    found: list[tuple[int, str]] = []
    for t, role in _args(c):
        if role.startswith("prep:") and role[5:] in _PLACE_PREPS or role in ("obj", "subj", "attr", "appos"):
            ent = entity_at(t)
            if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
                found.append((_preference(role), re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)))
                continue
        if role.startswith("prep:") and role[5:] in _PLACE_PREPS and (p := place_at(t) or (
                _proper_np(t, c) if c.lowercase else None)):
            ent = entity_at(t)
            if ent is None or ent.label_ not in ("PERSON",) or len(ent) > 1:
                found.append((_preference(role) + 3, p))  # NER did not say place: after the sure ones
    return [(v, "place") for _, v in sorted(found, key=lambda x: x[0])[:1]]


def fill_org(c: Clause) -> list[Value]:
    for t, role in sorted(_args(c), key=lambda a: _preference(a[1])):
        if role in ("obj", "appos", "attr") or role.startswith("prep:") and role[5:] in _ORG_PREPS \
                or role == "subj" and c.about == "user" and c.subject is not None and c.subject.i == t.i:
            ent = entity_at(t)
            if ent is not None and ent.label_ in ("GPE", "LOC", "NORP"):
                continue
            if ent is not None and ent.label_ == "PERSON" and len(ent) == 1 and not role.startswith("prep:at"):
                continue
            if (name := _proper_np(t, c)) and name.lower() not in _NOT_NAMES:
                return [(name, "org")]
    return []


def fill_employer(c: Clause) -> list[Value]:
    """An organisation that is not a gym or club ("joined Equinox" is a gym, not an employer)."""
    return [v for v in fill_org(c) if not GYM_WORDS.search(v[0])]


def _names(c: Clause) -> list[str]:
    out = []
    for t in c.tokens:
        ent = entity_at(t)
        if ent is not None and ent.label_ == "PERSON" and t.i == ent.start:
            out.append(ent.text.split()[0] if len(ent) > 2 else ent.text)
        elif ent is None and (t.pos_ == "PROPN" and t.text[:1].isupper() or c.lowercase and t.pos_ in ("PROPN", "NOUN")
                              and t.dep_ in ("appos", "npadvmod", "oprd")) and t.i > 0 and t.dep_ in (
                "appos", "attr", "dobj", "npadvmod", "oprd", "conj", "nsubj", "compound", "pobj"):
            out.append(t.text)
        elif c.lowercase and t.i > 0 and t.doc[t.i - 1].lower_ in ("named", "called") and t.is_alpha:
            out.append(t.text)
    return [n for n in dict.fromkeys(out) if n.lower() not in _NOT_NAMES and _capital(c, n)
            and n.lower() not in PEOPLE_NOUNS and n.lower() not in PETS]


def _has_lemma(c: Clause, words: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in words or t.lower_ in words for t in c.tokens)


def fill_person(words: frozenset[str] | None) -> Filler:
    """A person's name in a clause that names the relation (``words``: sister, wife, friend…)."""
    def fill(c: Clause) -> list[Value]:
        if words is not None and not _has_lemma(c, words):
            return []
        names = _names(c)
        return [(names[0], "person")] if names else []
    return fill


def fill_pet_name(c: Clause) -> list[Value]:
    named = any(t.lower_ in ("named", "called", "name") for t in c.tokens)
    if not named and not _has_lemma(c, PETS):
        return []
    names = _names(c)
    return [(names[0], "person")] if names else []


def fill_pet(c: Clause) -> list[Value]:
    for t in c.tokens:
        if t.pos_ == "NOUN" and (t.lemma_.lower() in PETS or t.lemma_.lower() in PET_HEADS_EXTRA):
            return [(t.lemma_.lower(), "item")]
    return []


def fill_money(c: Clause) -> list[Value]:
    hits = list(_MONEY_RX.finditer(c.text))
    # "went from $52,000 to $118,000": the amount after "to"/"now" is the value
    hits.sort(key=lambda m: 0 if re.search(r"\b(?:to|now|is|at)\s*$", c.text[: m.start()]) else 1)
    for m in hits:
        if v := canonical_money(m.group(0)):
            return [(v, None)]
    for t in c.tokens:
        ent = entity_at(t)
        if ent is not None and ent.label_ == "MONEY" and (v := canonical_money(ent.text)):
            return [(v, None)]
    return []


def fill_age(c: Clause) -> list[Value]:
    for t in c.tokens:
        if t.like_num and t.dep_ in ("attr", "acomp", "dobj", "npadvmod", "nummod", "ROOT", "pobj"):
            n = word_number(t.text)
            nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
            if n is not None and 5 <= n <= 110 and nxt not in ("days", "weeks", "months", "books", "%", "percent",
                                                                 "minutes", "hours", "miles", "km", "pounds", "kg"):
                return [(str(n), None)]
    return []


def fill_count(noun: str) -> Filler:
    """A number of ``noun``s ("30 books")."""
    def fill(c: Clause) -> list[Value]:
        for t in c.tokens:
            if t.like_num and (n := word_number(t.text)) is not None and (
                    t.head.lemma_.lower() == noun or noun in c.text.lower()):
                return [(str(n), None)]
        return []
    return fill


def fill_race_time(c: Clause) -> list[Value]:
    m = _RACE_TIME.search(c.text)
    return [(m.group(0), None)] if m else []


def fill_weight(c: Clause) -> list[Value]:
    m = _WEIGHT.search(c.text)
    return [(f"{m.group(1)} {m.group(2)}", None)] if m else []


def fill_phone_number(c: Clause) -> list[Value]:
    m = _PHONE_NUMBER.search(c.text)
    if m and sum(ch.isdigit() for ch in m.group(0)) >= 7:
        return [(m.group(0).strip(), None)]
    return []


def _object_tokens(c: Clause) -> list[Token]:
    """The clause's object noun phrases: direct objects, then objects of on/for/in/with."""
    args = _args(c)
    objs = [t for t, r in args if r == "obj"]
    objs += [t for t, r in args if r in ("prep:on", "prep:for", "prep:in", "prep:with", "prep:to", "prep:into",
                                         "prep:of", "prep:about", "prep:up", "prep:out", "prep:off", "prep:than")]
    # a copula's complement is the value, its subject the slot ("my usual order is an oat flat white")
    attrs = [t for t, r in args if r == "attr"]
    subjects = [t for t, r in args if r == "subj" and c.about in ("mine", "thing")]
    objs += attrs + subjects if c.head.lemma_.lower() == "be" else subjects + attrs
    return [t for t in objs if t.pos_ in ("NOUN", "PROPN", "X") and t.lower_ not in NOT_GOODS]


def fill_item(c: Clause) -> list[Value]:
    for t in _object_tokens(c):
        ent = entity_at(t)
        if ent is not None and ent.label_ in ("DATE", "TIME", "MONEY", "CARDINAL", "PERSON", "GPE", "PERCENT"):
            continue
        np = _np(t)
        if np and _ok(np) and np.lower() not in _GENERIC_HEADS:
            return [(np, "item")]
    return []


def fill_title(c: Clause) -> list[Value]:
    q = _QUOTED.search(c.text)
    if q:
        return [((q.group(1) or q.group(2)).strip(), "item")]
    for t, role in _args(c):
        if role in ("obj", "appos", "attr") or role == "subj" and c.about == "thing" or role == "prep:through":
            # NER labels unknown titles at random (PERSON, GPE, ORG): the predicate says title
            if (name := _proper_np(t, c)) and name.lower() not in _NOT_NAMES:
                return [(name, "item")]
    return []


def fill_event(c: Clause) -> list[Value]:
    for t, role in _args(c):
        if role in ("obj", "subj", "attr") or role.startswith("prep:"):
            right = [c for c in t.rights if c.dep_ in ("amod", "compound") and c.i == t.i + 1]
            if t.lemma_.lower() in EVENT_NOUNS or t.lower_ in EVENT_NOUNS or right and right[0].lower_ in EVENT_NOUNS:
                ev = event_phrase(t) + (" " + right[0].text if right else "")
                if _ok(ev) and ev.lower() not in EVENT_NOUNS | {"night"}:
                    return [(ev, "item")]
    return []


def _lexicon(words: frozenset[str], *, capital: bool = False) -> Filler:
    def fill(c: Clause) -> list[Value]:
        toks = [t.lower_ for t in c.tokens]
        for i, w in enumerate(toks):
            two = f"{w} {toks[i + 1]}" if i + 1 < len(toks) else ""
            hit = two if two in words else w if w in words else None
            if hit:
                return [(hit.title() if capital and hit != "asl" else hit.upper() if hit == "asl" else hit, "item")]
        return []
    return fill


def fill_activity(c: Clause) -> list[Value]:
    for t in c.tokens:
        low = t.lower_
        if low in HOBBIES:
            return [(low, "item")]
        if t.tag_ == "VBG" and t.dep_ in ("xcomp", "dobj", "pcomp") and low.endswith("ing") and low not in NOT_HOBBIES:
            return [(low, "item")]
    return []


def fill_job(c: Clause) -> list[Value]:
    for t, role in _args(c):
        if role in ("attr", "oprd", "obj", "prep:as", "prep:to", "appos") and t.lemma_.lower() in JOB_HEADS:
            np = noun_phrase(t)
            if np and _ok(np):
                return [(np if np.isupper() else np.lower(), None)]
    return []


def fill_vehicle(c: Clause) -> list[Value]:
    for t in _object_tokens(c) + [t for t, r in _args(c) if r == "subj" and c.about != "user"]:
        np = noun_phrase(t)
        words = {w.lower() for w in re.findall(r"[\w-]+", np)}
        if words & VEHICLES and not words <= VEHICLE_GENERIC and any(w[:1].isupper() for w in np.split()):
            return [(re.sub(r"^(?:19|20)\d\d\s+", "", np), "item")]
    return []


def fill_device(c: Clause) -> list[Value]:
    for t in _object_tokens(c) + [t for t, r in _args(c) if r == "subj" and c.about != "user"]:
        np = noun_phrase(t)
        if {w.lower() for w in re.findall(r"[\w-]+", np)} & PHONE_BRANDS:
            return [(np, "item")]
    return []


def fill_diet(c: Clause) -> list[Value]:
    if any(t.dep_ in ("amod", "compound") and t.head.lemma_.lower() not in ("diet", "eater", "lifestyle")
           and _DIET_RX.fullmatch(t.text) for t in c.tokens):
        return []  # "vegetarian recipes": about recipes, not the user's diet
    m = _DIET_RX.search(c.text)
    return [(m.group(0).lower().replace(" ", "-") if m.group(0).lower() in ("gluten free", "dairy free")
             else m.group(0).lower(), None)] if m else []


def fill_relationship(c: Clause) -> list[Value]:
    m = _STATUS_RX.search(c.text)
    return [(m.group(1).lower(), None)] if m else []


_WORK_CUE = re.compile(r"\b(?:work|office|commut\w*|campus|job|school|shift|workplace)\b", re.IGNORECASE)


def fill_commute(c: Clause) -> list[Value]:
    if not _WORK_CUE.search(c.text):
        return []  # "I read it on the train" is not how the user gets to work
    low = c.text.lower()
    m = re.search(r"\b(by|on)\s+((?:the|an?|my)\s+)?(" + "|".join(re.escape(x) for x in _MODES) + r")s?\b", low)
    if m:
        return [(re.sub(r"\s+", " ", m.group(0)).replace("on my ", "on the "), None)]
    head = c.head.lemma_.lower()
    if head in _MODE_WORDS:
        return [(_MODE_WORDS[head], None)]
    return []


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?s?"
_CLOCK = r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midnight)"
_WHEN_RX = re.compile(
    r"\b(?:(?:(?:early|mid|late|end\s+of)[- ])?" + _MONTH + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:\s+at\s+(?:" + _CLOCK + r"|\d{1,2}))?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH +
    r"|(?:(?:next|this|every)\s+)?" + _DAY + r"(?:\s+(?:mornings?|afternoons?|evenings?|nights?))?(?:\s+(?:at\s+)?(?:" + _CLOCK
    + r"|\d{1,2}(?!\d)))?"
    r"|the\s+\d{1,2}(?:st|nd|rd|th)(?:\s+at\s+(?:" + _CLOCK + r"|\d{1,2}(?!\d)))?"
    r"|" + _CLOCK + r")\b|(?<=\bat\s)\d{1,2}(?![\d:%])", re.IGNORECASE)
_STATUS_WORDS = re.compile(
    r"\b(?:out\s+for\s+delivery|in\s+transit|stuck\s+in\s+customs|in\s+review|under\s+review|on\s+hold|"
    r"ready\s+(?:to\s+collect|for\s+(?:pickup|collection))|waiting\s+on\s+parts|in\s+progress|"
    r"approved|rejected|denied|declined|delivered|shipped|dispatched|processing|pending|open|closed|resolved|"
    r"fixed|cancelled|canceled|confirmed|refunded|returned|completed|complete|finished|done|ready|delayed|"
    r"accepted|submitted|received|lost|overdue|paid)\b", re.IGNORECASE)


def fill_when(c: Clause) -> list[Value]:
    """A day, date or time as said ("Wednesdays at 2", "the 19th at 3", "March 29", "9:45")."""
    hits = [m for m in _WHEN_RX.finditer(c.text) if m.group(0).strip()]
    if not hits:
        return []
    # "from Tuesday to Wednesday", "moved to 9:45": the later one is the new value
    hits.sort(key=lambda m: (0 if re.search(r"\b(?:to|now|is|at|for|on)\s*$", c.text[: m.start()]) else 1, -m.start()))
    return [(hits[0].group(0).strip(), None)]


def fill_status(c: Clause) -> list[Value]:
    hits = list(_STATUS_WORDS.finditer(c.text))
    return [(hits[-1].group(0).lower(), None)] if hits else []


def fill_where(c: Clause) -> list[Value]:
    """A venue: a name, or a noun phrase after at/in/to ("Room 4B", "the boardroom on 6")."""
    place = fill_place(c) or fill_org(c)
    if place:
        return [(place[0][0], "place")]
    for t, role in _args(c):
        if role in ("prep:at", "prep:to", "prep:in") and t.pos_ in ("NOUN", "PROPN"):
            np = _np(t)
            tail = [x for x in t.rights if x.dep_ == "prep" and x.lower_ == "on"]
            if tail:
                np = t.doc[t.left_edge.i: tail[-1].right_edge.i + 1].text
            if np and _ok(np):
                return [(re.sub(r"^(?:the|a|an)\s+", "", np), "place")]
    return []


_ALLERGY_NOUNS = frozenset({"allergy", "allergies", "intolerance", "sensitivity", "reaction"})


def fill_allergen(c: Clause) -> list[Value]:
    """What the user reacts to: "allergic to X", "my X allergy", "X gives me a reaction"."""
    for t in c.tokens:
        low = t.lemma_.lower()
        if low in ("allergic", "intolerant"):
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ == "to":
                    obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                    if obj is not None and (np := _np(obj)):
                        return [(np, "item")]
            left = [x for x in t.lefts if x.dep_ in ("npadvmod", "compound", "nmod")]  # "lactose intolerant"
            if left:
                return [(left[0].text, "item")]
        if t.lower_ in _ALLERGY_NOUNS or low in _ALLERGY_NOUNS:
            mods = [x for x in t.lefts if x.dep_ in ("compound", "amod", "nmod", "npadvmod")
                    and x.lower_ not in ("bad", "severe", "mild", "serious", "terrible", "slight", "food")]
            if mods:
                return [(t.doc[mods[0].i: mods[-1].i + 1].text, "item")]
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in ("to", "from"):
                    obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                    if obj is not None and (np := _np(obj)):
                        return [(np, "item")]
    return []


FILLERS: dict[str, Filler] = {
    "place": fill_place, "org": fill_org, "employer": fill_employer, "person": fill_person(None), "family": fill_person(FAMILY),
    "partner": fill_person(PARTNERS | {"date", "marry", "married"}), "friend": fill_person(frozenset({"friend", "buddy", "pal"})),
    "pet_name": fill_pet_name, "pet": fill_pet, "money": fill_money, "age": fill_age, "books": fill_count("book"),
    "race_time": fill_race_time, "weight": fill_weight, "phone_number": fill_phone_number, "item": fill_item,
    "title": fill_title, "event": fill_event, "activity": fill_activity, "instrument": _lexicon(INSTRUMENTS),
    "language": _lexicon(LANGUAGES, capital=True), "job": fill_job, "vehicle": fill_vehicle, "device": fill_device,
    "diet": fill_diet, "status": fill_relationship, "commute": fill_commute,
    "allergen": fill_allergen, "when": fill_when, "where": fill_where, "state": fill_status, "name": fill_person(None),
}


def fill(kind: str, clause: Clause) -> list[Value]:
    """Values of ``kind`` in ``clause`` (best first; empty when the clause holds none)."""
    filler = FILLERS.get(kind)
    if filler is None:
        return []
    out = filler(clause)
    return [v for v in out if v[0] and v[0].lower() not in PEOPLE_NOUNS]
