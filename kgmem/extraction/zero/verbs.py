"""Parse readers by verb class: first-person verb + object → registry facts.

The regex patterns know surface phrasings; these read the spaCy parse instead, so "We ended up
settling in Asheville", "I got hired by Spotify as a data analyst" or "I've been driving a Kia Niro"
are found whatever the word order, tense or adverbs. A clause counts only when
:func:`~kgmem.extraction.zero.checks.user_agent` and not
:func:`~kgmem.extraction.zero.checks.blocked`. Objects of acquisition, travel and skill verbs are
read in :mod:`.verb_objects`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.zero.checks import blocked, user_agent
from kgmem.extraction.zero.homes import moved_someone, planned_move
from kgmem.extraction.zero.lexicon import (
    ACQUIRE,
    ATTEND,
    DEPART,
    EVENT_HEADS,
    GYM_WORDS,
    HOBBY_VERBS,
    LEARN,
    LIVE,
    NOT_TRAVEL,
    PURCHASE,
    READ,
    RELOCATE,
    TRAVEL,
    TRIP_NOUNS,
    WATCH,
    WORKPLACE_NOUNS,
    job_noun,
)
from kgmem.extraction.zero.nlp import (
    entity_at,
    has_word,
    is_person_or_place,
    noun_phrase,
    objects_of,
    particle_of,
    place_at,
    proper_at,
    word_number,
)
from kgmem.extraction.zero.verb_objects import acquire_facts, skill_facts, travel_facts
from kgmem.knowledge import readings_of
from kgmem.lexicon import called_off
from kgmem.lexicon.calendar import WEEKDAYS
from kgmem.lexicon.people import USER_OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Triple = tuple[str, str, "str | None"]
#: the value type of a catch-all reading (a place named in any past clause): a weak guess that a
#: meaning-based proposal of the same value may override (see combine.py)
WEAK_PLACE = "place?"


# --------------------------------------------------------------------------- main


def dep_facts(doc: Doc) -> list[Triple]:
    """(predicate, value, value_type) triples the parse of one user sentence supports."""
    out: list[Triple] = []
    for v in doc:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        lemma = v.lemma_.lower()
        if not user_agent(v) and not (lemma == "transfer" and any(c.dep_ == "dobj" and c.lower_ in USER_OBJECTS for c in v.children)):
            continue
        if blocked(v):
            continue
        out.extend(_verb_facts(v, lemma))
    return out


def _verb_facts(v: Token, lemma: str) -> list[Triple]:
    out: list[Triple] = []
    prt = particle_of(v)
    tag = v.tag_
    # -- relocation: "moved (out) to X", "settling in X", "made the move to X", "transferred me to X"
    out.extend(_relocation_facts(v, lemma))
    # -- residence: present or perfect "live in", "based in"
    if lemma in LIVE and (tag in ("VBP", "VBZ", "VBG") or (tag == "VBN" and any(c.lemma_ in ("have", "be") for c in v.children))):
        for t in objects_of(v, ("in", "outside", "near", "around")):
            if (p := place_at(t)):
                out.append(("lives_in", p, "place"))
                break
    # -- work
    if lemma in ("work", "start", "join", "hire", "employ", "land", "get", "accept", "be", "switch", "stay"):
        out.extend(_work_facts(v, lemma))
    # -- copular: "I'm a nurse at X", "I became a staff engineer", "I'm 29"
    if lemma in ("be", "become") or (lemma == "make" and any(c.lower_ in USER_OBJECTS for c in v.children)):
        out.extend(_copular_facts(v, lemma))
    # -- acquisition
    if lemma in ACQUIRE:
        out.extend(acquire_facts(v, lemma, prt))
    # -- consumption
    if lemma in READ or (lemma == "get" and prt == "through") or (lemma == "be" and objects_of(v, ("through",))):
        for t in (objects_of(v) if lemma in READ else objects_of(v, ("through",))):
            title = proper_at(t)
            if title and not is_person_or_place(t):
                out.append(("read_book", title, "item"))
                break
    if lemma in WATCH:
        for t in objects_of(v):
            title = proper_at(t)
            if title and not is_person_or_place(t) and not has_word(title, EVENT_HEADS):
                out.append(("watched", title, "item"))
                break
    # -- travel and attendance
    if lemma in TRAVEL or lemma in ATTEND:
        out.extend(travel_facts(v, lemma, prt))
    # -- any past first-person clause located in a named place: "I stayed in Oslo", "we ate our way through Lima"
    located = lemma not in NOT_TRAVEL or lemma in PURCHASE  # "picked up souvenirs in Oaxaca": the user was there
    if located and v.tag_ in ("VBD", "VBN") and not any(p in ("visited", "works_at") for p, _, _ in out):
        preps = ("in",) if lemma in PURCHASE else ("to", "in", "through", "around", "across", "into", "over", "at", "from")
        for t in objects_of(v, preps):
            ent = entity_at(t)
            if ent is not None and ent.label_ in ("GPE", "LOC"):  # strict NER here: the verb says nothing
                out.append(("visited", ent.text, WEAK_PLACE))
                break
        for c in v.children:  # "made a quick trip to Oslo", "booked a weekend in Rome"
            if c.dep_ == "dobj" and c.lemma_.lower() in TRIP_NOUNS:
                for t in objects_of(c, ("to", "in", "around", "through")) if False else [
                        g for p_ in c.children if p_.dep_ == "prep" and p_.lower_ in ("to", "in", "around", "through")
                        for g in p_.children if g.dep_ == "pobj"]:
                    if (pl := place_at(t)):
                        out.append(("visited", pl, "place"))
                        break
    # -- hobbies, instruments, languages
    if lemma in HOBBY_VERBS | LEARN:
        out.extend(skill_facts(v, lemma, prt))
    # -- partner
    if lemma in ("date", "marry"):
        for t in objects_of(v):
            ent = entity_at(t)
            if t.text[:1].isupper() and (ent is None or ent.label_ == "PERSON"):
                out.append(("partner_name", t.text, "person"))
                break
    return out


def _relocation_facts(v: Token, lemma: str) -> list[Triple]:
    """Where the user moved: "moved (out) to X", "settling in X", "made the move to X"; an organisation moved to
    beside a verb of working is an employer (:func:`_moved_jobs`)."""
    out: list[Triple] = []
    if moved_someone(v) or planned_move(v):
        pass  # "we moved Grandad to a care home in Hove": his home; "we're moving to Leeds in June": a plan
    elif lemma in RELOCATE or (lemma == "make" and any(c.dep_ == "dobj" and c.lemma_ == "move" for c in v.children)):
        targets = objects_of(v, ("to", "into", "in")) or [
            g for c in v.children if c.dep_ == "dobj" and c.lemma_ == "move"
            for p in c.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
        # "moved into our new place in Oakland": the place hangs under the housing noun
        targets += [g for t in list(targets) if t.lemma_.lower() in ("place", "apartment", "flat", "house", "home", "condo", "city")
                    for p in t.children if p.dep_ == "prep" and p.lower_ in ("in", "near") for g in p.children if g.dep_ == "pobj"]
        for t in targets:
            if t.lemma_.lower() in ("place", "apartment", "flat", "house", "home", "condo"):
                continue
            if _moved_jobs(v, t) and (name := proper_at(t)):
                out.append(("works_at", name, "org"))  # "worked at Aviva … and then moved to Lloyds"
                break
            if (p := place_at(t)):
                out.append(("lives_in", p, "place"))
                break
    return out


def _for_a_purpose(v: Token) -> bool:
    """Being somewhere "for" a purpose told by a noun ("for the big weekly shop", "for an interview"), not for a
    while ("for two years", "for now"), in the verb's own clause."""
    for p in v.subtree:
        if p.dep_ != "prep" or p.lower_ != "for" or next((a.i for a in p.ancestors if a.pos_ in ("VERB", "AUX")), None) != v.i:
            continue
        obj = next((c for c in p.children if c.dep_ == "pobj"), None)
        e = entity_at(obj) if obj is not None else None
        if obj is not None and obj.pos_ == "NOUN" and not (e is not None and e.label_ in ("DATE", "TIME")) \
                and obj.lemma_.lower() not in ("while", "age", "year", "month", "week", "day", "decade", "moment"):
            return True
    return False


def _weekly(v: Token) -> bool:
    """The verb is told over days of the week ("Monday to Thursday", "on Tuesdays", "weekdays")."""
    days = set(WEEKDAYS) | {d + "s" for d in WEEKDAYS} | {"weekday", "weekdays"}
    return any(t.lower_ in days for c in v.children if c.dep_ in ("npadvmod", "prep", "advmod", "obl")
               for t in c.subtree)


#: verbs of working somewhere or of leaving a post ("left Aviva and moved to Lloyds")
_WORK_OR_LEAVE = frozenset({"work"}) | DEPART | called_off.lemmas("leave_work")


def _moved_jobs(v: Token, t: Token) -> bool:
    """A move to a name that is no place (NER, general knowledge) told beside a clause naming where one worked
    or left ("worked at Aviva and then moved to Lloyds", "left Aviva and moved to Lloyds"): a change
    of employer, not of home."""
    ent = entity_at(t)
    name = ent.text if ent is not None else (proper_at(t) if t.pos_ == "PROPN" else None)
    if name is None or readings_of(name)[0]:
        return False  # a place general knowledge knows is a place ("moved to Leeds")
    # NER calls many firms places ("quit Barclays … moved to Monzo": both GPE); a name only NER calls a place is
    # taken for an employer when the name moved from is no place either
    ner_place = ent is not None and ent.label_ in ("GPE", "LOC", "FAC")
    near = [v.head] if v.dep_ == "conj" else []
    near += [c for c in v.children if c.dep_ in ("conj", "advcl")]
    near += [g for c in v.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
    # the other clause names where one worked or left by name ("worked at Aviva", "left Aviva"); "working at a
    # bakery round the corner" names no employer moved from
    return any(o.pos_ == "PROPN" and (n.lemma_.lower() in _WORK_OR_LEAVE or not ner_place and (e := entity_at(o)) is not None
                                      and e.label_ == "ORG") and not (ner_place and readings_of(o.text)[0])
               for n in near if n.pos_ == "VERB" for o in objects_of(n, ("at", "from", "for", "with")) + objects_of(n)
               + [g for x in objects_of(n) for p in x.children if p.dep_ == "prep" and p.lower_ in ("at", "with", "for")
                  for g in p.children if g.dep_ == "pobj"])  # "quit my job at HSBC"


_MOVE_ON = frozenset({"walk", "run", "ride", "hike", "swim", "row", "paddle", "finish", "end", "continue"})


def _travels_on(v: Token) -> bool:
    """A verb of travel is coordinated with ``v`` ("we started at Brighton and walked to Hove")."""
    return any(c.dep_ == "conj" and c.lemma_.lower() in TRAVEL | _MOVE_ON for c in v.children)


def _work_facts(v: Token, lemma: str) -> list[Triple]:
    out: list[Triple] = []
    org_preps: tuple[str, ...] = ()
    if lemma in ("work", "stay"):
        org_preps = ("at", "for", "with")
    elif lemma in ("start", "join") and not any(c.dep_ == "xcomp" for c in v.children):
        org_preps = ("at", "with")
        for c in v.children:
            if c.dep_ == "dobj" and lemma == "join" and (name := proper_at(c)):
                if GYM_WORDS.search(name):
                    out.append(("gym", name, "org"))
                elif not is_person_or_place(c):
                    out.append(("works_at", name, "org"))
    elif lemma in ("hire", "employ"):
        org_preps = ("by", "at", "with")
    elif lemma in ("land", "get", "accept"):
        for c in v.children:
            if c.dep_ == "dobj" and c.lemma_ in ("job", "position", "role", "offer", "gig", "internship"):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("at", "with", "from"):
                        for g in p.children:
                            if g.dep_ == "pobj" and (name := proper_at(g)):
                                out.append(("works_at", name, "org"))
                org_preps = ("at", "with")
    elif lemma == "be":
        # "I'm now with Shopify" (an ORG entity only), "I've been at Acme for years"; "I'm at Sainsbury's on
        # Saturdays for the big weekly shop" is an errand (a purpose), not a workplace
        if _for_a_purpose(v):
            return out
        for t in objects_of(v, ("with", "at")):
            ent = entity_at(t)
            if ent is not None and ent.label_ == "ORG" and not GYM_WORDS.search(ent.text):
                out.append(("works_at", ent.text, "org"))
            elif t.pos_ == "PROPN" and t.head.lower_ == "at" and _weekly(v) and (name := proper_at(t)) \
                    and not GYM_WORDS.search(name) and (ent is None or ent.label_ in ("GPE", "ORG")) \
                    and not readings_of(name)[0]:
                out.append(("works_at", name, "org"))  # "I'm at PwC Monday to Thursday": a working week
        return out
    elif lemma == "switch":
        for t in objects_of(v, ("to",)):
            ent = entity_at(t)
            if ent is not None and ent.label_ == "ORG" and any(c.lemma_ in ("job", "employer", "company") for c in v.children):
                out.append(("works_at", ent.text, "org"))
        return out
    if org_preps:
        for t in objects_of(v, org_preps):
            if t.lemma_.lower() in WORKPLACE_NOUNS and not proper_at(t) and lemma in ("work", "start", "stay"):
                out.append(("works_at", t.lemma_.lower(), "org"))  # "working at a bakery round the corner"
                break
            name = proper_at(t)
            ent = entity_at(t)
            # NER often calls a two-word employer a PERSON; after "at" it is a workplace
            at_ok = ent is not None and ent.label_ == "PERSON" and t.head.lower_ == "at" and len(ent) > 1
            # "I started at Monzo": starting (no object) at a bare name is joining it; NER's place
            # label on an unknown name is a guess, unless the clause travels on ("started at X and walked to Y")
            at_ok = at_ok or (lemma == "start" and ent is not None and ent.label_ == "GPE" and t.head.lower_ == "at"
                              and t.pos_ == "PROPN" and not _travels_on(v))
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
                continue  # "working in Gurgaon for an MNC": a kind of employer, not its name
            if name and (not is_person_or_place(t) or at_ok):
                # a gym's name is a gym worked out at or joined; "I work at PureGym" is a workplace
                working = lemma == "work" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children)
                if GYM_WORDS.search(name) and not working:
                    if lemma in ("work", "join", "start"):
                        out.append(("gym", name, "org"))
                    continue
                out.append(("works_at", name, "org"))
                break
    for t in objects_of(v, ("as",)):
        title = noun_phrase(t)
        if title and job_noun(t.lemma_.lower()):
            out.append(("job_title", title.lower() if not title.isupper() else title, None))
            break
    return out


def _copular_facts(v: Token, lemma: str) -> list[Triple]:
    out: list[Triple] = []
    for c in v.children:
        if c.dep_ in ("attr", "oprd", "ccomp", "dobj", "xcomp", "acomp") and c.pos_ in ("NOUN", "PROPN"):
            if job_noun(c.lemma_.lower()) or job_noun(c.lower_):
                title = noun_phrase(c)
                if title:
                    out.append(("job_title", title.lower(), None))
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("at", "for", "with"):
                        for g in p.children:
                            if g.dep_ == "pobj" and (name := proper_at(g)) and not is_person_or_place(g):
                                out.append(("works_at", name, "org"))
                            elif g.dep_ == "pobj" and g.lemma_.lower() in WORKPLACE_NOUNS:
                                out.append(("works_at", g.lemma_.lower(), "org"))  # "a nurse at the local hospital"
        if c.dep_ in ("attr", "acomp") and c.like_num and lemma == "be":
            n = word_number(c.text)
            if n is not None and 5 <= n <= 110 and not any(x.dep_ == "prep" for x in c.children):
                out.append(("age", str(n), None))
    return out


