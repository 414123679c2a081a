"""Value kinds that are names: places, organisations, people, pets, titles and venues."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import (
    DEPART,
    GYM_WORDS,
    LIVE,
    PET_HEADS_EXTRA,
    PETS,
    RELOCATE,
    TRAVEL,
    job_noun,
)
from kgmem.extraction.zero.nlp import entity_at, place_at
from kgmem.extraction.zero.value_parse import (
    HONORIFICS,
    NOT_NAMES,
    Filler,
    Value,
    args_of,
    has_lemma,
    names_in,
    np_of,
    ok_value,
    preference,
    proper_np,
)
from kgmem.knowledge import readings_of
from kgmem.nlp import has_other_possessor

if TYPE_CHECKING:
    from spacy.tokens import Token

#: prepositions whose object may be a place ("in Peckham", "to Iceland", "near Keswick", "the history of Lima")
PLACE_PREPS = ("in", "to", "from", "at", "near", "around", "through", "into", "across", "outside", "of")
_ORG_PREPS = ("at", "for", "with", "by", "from", "to", "joined", "join")
_QUOTED = re.compile(r"[\"“']([^\"”']{2,80})[\"”']|\*([^*]{2,80})\*")


#: nouns of travel: the name after "a trip to", "our flight into" is a place
_TRAVEL_NOUNS = frozenset({"trip", "flight", "visit", "holiday", "vacation", "journey", "getaway", "tour", "drive",
                           "train", "ferry", "cruise", "road", "weekend", "break", "stay", "stopover", "layover"})


def _trip_to(t: Token) -> bool:
    prep = t.head
    return t.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_.lower() in _TRAVEL_NOUNS


#: prepositions of where one is or goes: a capitalised name after one of them, on a verb of going,
#: being or living, is a place whatever NER says ("went to Valencia", "was in Cartagena")
_WHERE_PREPS = frozenset({"in", "to", "into", "around", "through", "across", "from"})


def _went_to(t: Token) -> bool:
    """``t`` is the name after a preposition of place on a verb of going, being or living (NER
    often tags a city it does not know as a PERSON; a person is not gone to or been in)."""
    prep = t.head
    return t.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in _WHERE_PREPS and t.text[:1].isupper() \
        and (prep.head.lemma_.lower() in TRAVEL | RELOCATE | LIVE or prep.head.lemma_.lower() == "back")


def fill_place(c: Clause) -> list[Value]:
    found: list[tuple[int, str]] = []
    args = args_of(c)
    for t, role in args:
        if role == "prep:for" and t.head.head.lemma_.lower() in DEPART:
            role = "prep:to"  # "left London for Leeds": Leeds is where the user went
        if role.startswith("prep:") and role[5:] in PLACE_PREPS or role in ("obj", "subj", "attr", "appos"):
            ent = entity_at(t)
            if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
                # the place left is the last choice: "I left London for Leeds" is about Leeds
                rank = 6 if role == "obj" and t.head.lemma_.lower() in DEPART else preference(role)
                found.append((rank, re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)))
                continue
        if role.startswith("prep:") and role[5:] in PLACE_PREPS and (p := place_at(t) or (
                proper_np(t, c) if c.lowercase or _trip_to(t) else None)):
            ent = entity_at(t)
            # "a trip to Porto", "went to Valencia": NER's PERSON is wrong where the words say travel
            if ent is None or ent.label_ not in ("PERSON",) or len(ent) > 1 or _trip_to(t) or _went_to(t):
                found.append((preference(role) + 3, p))  # NER did not say place: after the sure ones
        if role == "attr" and c.lowercase and c.head.lemma_ == "be" and (p := proper_np(t, c)):
            found.append((preference(role) + 4, p))  # "hometown is tulsa": typed without capitals
        if role in ("subj", "attr") and c.head.lemma_ == "be" and (p := _known_place(t)):
            found.append((preference(role) + 4, p))  # "Home for me is Bristol these days": NER said ORG
    return [(v, "place") for _, v in sorted(found, key=lambda x: x[0])[:1]]


def _known_place(t: Token) -> str | None:
    """The proper name at ``t`` (its compound words before it, never the NER span's trailing words) when general
    knowledge knows it as a place."""
    if t.pos_ != "PROPN":
        return None
    start = t.i
    while start > 0 and t.doc[start - 1].dep_ == "compound" and t.doc[start - 1].pos_ == "PROPN":
        start -= 1
    name = t.doc[start: t.i + 1].text
    return name if readings_of(name)[0] else None


def fill_org(c: Clause, *, employer: bool = False) -> list[Value]:
    """An organisation's name; ``employer``: one the user works for, so never a place gone to ("these
    days I go to Peckham Pulse": where one goes is no employer)."""
    for t, role in sorted(args_of(c), key=lambda a: preference(a[1])):
        if employer and role == "prep:to" and t.head.head.lemma_.lower() in TRAVEL:
            continue
        if role in ("obj", "appos", "attr") or role.startswith("prep:") and role[5:] in _ORG_PREPS \
                or role == "subj" and c.about == "user" and c.subject is not None and c.subject.i == t.i:
            if any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") for w in c.children) for c in t.children):
                continue  # "It's Priya who runs payroll": "who" says a person, and a person is no organisation
            ent = entity_at(t)
            job = employer and _of_a_job(t, role)
            if ent is not None and ent.label_ in ("GPE", "LOC", "NORP") and not job:
                continue
            if ent is not None and ent.label_ == "PERSON" and len(ent) == 1 and not role.startswith("prep:at") and not job:
                continue
            if any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in t.children):
                continue  # "working for an MNC": a kind of organisation, not its name
            if (name := proper_np(t, c)) and name.lower() not in NOT_NAMES \
                    and name.split()[0].lower().rstrip(".") not in HONORIFICS:  # "Mrs Okonkwo" is a person
                return [(name, "org")]
    return []


#: nouns of a post held: the name after "a job with", "a placement at" is the employer
_POSTS = frozenset({"job", "role", "position", "post", "placement", "internship", "contract", "apprenticeship"})


def _of_a_job(t: Token, role: str) -> bool:
    """``t`` names who a job is with: "a job as a project manager with Arup", "a sous chef for Nessa"
    (NER often calls a one-word firm a person or a place; neither is what a job is "with")."""
    owner = t.head.head
    if any(a.dep_ in ("relcl", "acl") for a in t.ancestors):
        return False  # "a guy who has a job as a pilot with Emirates": his job, not the user's
    return role in ("prep:with", "prep:for") and owner.pos_ == "NOUN" and (
        owner.lemma_.lower() in _POSTS or job_noun(owner.lemma_.lower()))


def fill_gym(c: Clause) -> list[Value]:
    """A gym or club: the place trained at first ("crossfit at ironworks" is Ironworks), then any org."""
    for t, role in args_of(c):
        if role in ("prep:at", "prep:to") and (name := proper_np(t, c)) and name.lower() not in NOT_NAMES:
            ent = entity_at(t)
            if ent is None or ent.label_ not in ("GPE", "LOC", "PERSON", "DATE", "TIME"):
                return [(name, "org")]
    return fill_org(c)


def fill_employer(c: Clause) -> list[Value]:
    """An organisation that is not a gym or club ("joined Equinox" is a gym, not an employer)."""
    return [v for v in fill_org(c, employer=True) if not GYM_WORDS.search(v[0])]



def fill_person(words: frozenset[str] | None) -> Filler:
    """A person's name in a clause that names the relation (``words``: sister, wife, friend…)."""
    def fill(c: Clause) -> list[Value]:
        if words is not None and not has_lemma(c, words):
            return []
        if words is not None and _others_relation(c, words):
            return []  # "my coworker Dalia, her husband Tomasz": Dalia's husband, no relative of the user's
        names = names_in(c)
        return [(names[0], "person")] if names else []
    return fill


def _others_relation(c: Clause, words: frozenset[str]) -> bool:
    """Every relation word of the clause belongs to someone else: owned by "her", "his", "their" or a name."""
    rel = [t for t in c.tokens if t.pos_ == "NOUN" and (t.lemma_.lower() in words or t.lower_ in words)]
    return bool(rel) and all(has_other_possessor(t) for t in rel)


def fill_pet_name(c: Clause) -> list[Value]:
    """A pet's name: the clause names a pet of the user's (a naming word alone may name a boss,
    "her name is Ana"; "Tom's dog is called Rex" names Tom's dog), and the name is not its owner."""
    pets = [t for t in c.tokens if t.lemma_.lower() in PETS or t.lower_ in PETS]
    if not pets or any(has_other_possessor(p) for p in pets):
        return []
    owners = {ch.text for t in c.tokens if t.dep_ == "poss" for ch in t.subtree}
    names = [n for n in names_in(c) if n.split()[0] not in owners]
    return [(names[0], "person")] if names else []


def fill_pet(c: Clause) -> list[Value]:
    for t in c.tokens:
        if has_other_possessor(t):
            continue  # "Tom's dog is called Rex": Tom's
        if t.pos_ == "NOUN" and (t.lemma_.lower() in PETS or t.lemma_.lower() in PET_HEADS_EXTRA):
            return [(t.lemma_.lower(), "item")]
    return []



_PARTS_OF = frozenset({"all", "rest", "most", "season", "series", "episode", "finale", "end", "half", "bit", "part",
                       "volume", "chapter", "book", "film", "movie", "show", "whole",
                       # the parts one knows a work by having seen or read it: "the ending of Oppenheimer wrecked me"
                       "ending", "soundtrack", "scene", "credits", "twist", "plot", "cliffhanger"})


_SERIES = frozenset({"series", "trilogy", "saga", "books", "novels", "franchise", "films", "movies", "quartet"})


def fill_title(c: Clause) -> list[Value]:
    q = _QUOTED.search(c.text)
    if q:
        return [((q.group(1) or q.group(2)).strip(), "item")]
    args = args_of(c)
    # "binged all of Slow Horses", "the first season of Severance": the title is the "of" object
    args += [(g, "obj") for t, role in args if role == "obj" and t.lemma_.lower() in _PARTS_OF
             for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    # a part of a work in any role names the work ("the ending of Barbie wrecked me", "the soundtrack in Andor"):
    # the part's "of"/"in" object, read before the clause's other arguments
    args = [(g, "obj") for t, role in args if role != "obj" and t.lemma_.lower() in _PARTS_OF
            for p in t.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for g in p.children
            if g.dep_ == "pobj"] + args
    for t, role in args:
        if role == "obj" and t.pos_ == "NOUN" and t.lemma_.lower() in _SERIES and (names := [
                x for x in t.lefts if x.dep_ == "compound" and x.pos_ == "PROPN"]):
            # "the entire Discworld series": the name is the proper part
            return [(t.doc[names[0].i: names[-1].i + 1].text + " " + t.text, "item")]
        if role in ("obj", "appos", "attr") or role == "subj" and c.about == "thing" or role == "prep:through":
            # NER labels unknown titles at random (PERSON, GPE, ORG): the predicate says title
            if (name := proper_np(t, c)) and name.lower() not in NOT_NAMES:
                return [(name, "item")]
    return []



def fill_where(c: Clause) -> list[Value]:
    """A venue: a name, or a noun phrase after at/in/to ("Room 4B", "the boardroom on 6")."""
    place = fill_place(c) or fill_org(c)
    if place:
        return [(place[0][0], "place")]
    for t, role in args_of(c):
        if role in ("prep:at", "prep:to", "prep:in") and t.pos_ in ("NOUN", "PROPN"):
            np = np_of(t)
            tail = [x for x in t.rights if x.dep_ == "prep" and x.lower_ == "on"]
            if tail:
                np = t.doc[t.left_edge.i: tail[-1].right_edge.i + 1].text
            if np and ok_value(np):
                return [(re.sub(r"^(?:the|a|an)\s+", "", np), "place")]
    return []


