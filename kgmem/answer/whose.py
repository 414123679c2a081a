"""Whose doing a user's line tells, by its parse: "priya is off to berlin for 4 nights" and "mia
went to the gig without me" are someone else's, though the user wrote them.

The line classes of :mod:`kgmem.answer.actuality` read pronouns and openers; a lower-case name
as the subject ("priya closed leeds teaching hospitals") passes them. Counts and totals ask
this second question of the lines they are about to add.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem.answer.actuality import FIRST_PERSON
from kgmem.answer.match import norm
from kgmem.answer.subjects import names_a_person
from kgmem.lexicon import people
from kgmem.lexicon.people import USER_POSSESSIVES, USER_PRONOUNS, USER_SUBJECTS, people_noun
from kgmem.nlp import has_user_possessor, known_words, load_nlp

#: the user (or nobody in particular) as a subject
_USER = USER_PRONOUNS | {"u", "you", "it", "this", "that", "there"}


#: a bracketed aside inside a line ("… (a friend had a spare ticket)"); a line that is all aside keeps its words
_ASIDE = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=4096)
def others_doing(text: str) -> bool:
    """The line's main clause has someone else as its subject: a name ("priya from the team is off
    to berlin": the parse reads the line with its first letter raised, as it would be written) or
    a people noun ("my sister spent …"); not the user, nor the user with someone ("dave and i did
    2 nights"), nor a thing ("hotel was grim"), nor a name the sentence judges ("harrogate was
    lovely", "lime cordiale at the corner hotel was unreal", "… was everything": a place or a show,
    not a doer). An aside in brackets is no main clause ("I ended up at a climbing competition (a friend had a spare
    ticket)")."""
    text = _ASIDE.sub(" ", text).strip() or text
    doc = load_nlp()(text[:1].upper() + text[1:])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    if root is None or subj is None or any(t.lower_ in _USER for t in subj.subtree):
        return False
    if subj.ent_type_ == "PERSON" or people_noun(subj.lower_):
        return True
    # "harrogate was lovely" judges a thing; "priya is off to berlin …, lucky her" tells a doing:
    # the first thing said of the subject decides
    first = next((c for c in root.children if c.i > root.i and c.dep_ in ("acomp", "prep", "advmod", "attr")), None)
    judged = root.lemma_ == "be" and first is not None and first.dep_ in ("acomp", "attr")
    return subj.pos_ == "PROPN" and not judged and subj.ent_type_ not in ("GPE", "LOC", "FAC", "ORG")


@lru_cache(maxsize=4096)
def own_clause(text: str) -> bool:
    """The line's main clause is the user's own by its parse: its subject is the user, or it has
    none (a diary line: "Spent two nights at my brother's in Leeds"), whoever else it names."""
    doc = load_nlp()(text[:1].upper() + text[1:])
    first = next((t for t in doc if not t.is_punct), None)
    if first is not None and first.tag_ == "VBD" and not any(c.dep_.startswith("nsubj") for c in first.children):
        return True  # "Spent two nights at my brother's in Leeds, his spare room is freezing": told first
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return False
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return all(c.lower_ in USER_SUBJECTS for c in subj)


#: people a thing can belong to; a role ("physio", "dentist") names the service itself in a note
_HOLDERS = people.own_life_people()
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def held_by_other(text: str, asked: frozenset[str]) -> bool:
    """A line whose asked thing has someone else right before it as its holder, in a line with no
    first-person word: "flatmate physio thurs, $60", "Mum physio mon", "Jo's dentist tues" (a
    person before a noun holds it, as "Mum's dentist" does). The holder is a kin or social noun, a
    name the parse tags as a person, or a possessive name the language does not know ("Ingrid's");
    a shop or a brand ("Aldi groceries", "Macy's", "Trader Joe's": a possessive of a known word) is
    none, and a holder the question itself names ("my sister's birthday") is what it asks about.
    ``asked``: the question's comparison forms."""
    if FIRST_PERSON.search(text):
        return False
    words = _WORD.findall(text)
    before = [words[i - 1] for i, w in enumerate(words) if i > 0 and norm(w.lower()) in asked
              and norm(re.sub(r"['’]s$", "", words[i - 1]).lower()) not in asked]
    if not before:
        return False
    if any(_holder(w) for w in before):
        return True
    people = {t.text for t in load_nlp()(text[:1].upper() + text[1:]) if t.ent_type_ == "PERSON"}
    return any(_tagged_person(w, people) for w in before)


def _tagged_person(word: str, people: set[str]) -> bool:
    """A word the parse tags as a person that reads as one: possessive ("Jo's"), or a capitalised
    name the language does not know ("Priya osteo fri"). The small tagger also tags words of terse
    notes as people ("chiro fri", a capitalised common noun): a known word alone is no holder."""
    bare = _POSSESSIVE.sub("", word)
    if bare not in people:
        return False
    return bare != word or (bare[:1].isupper() and bare.lower() not in known_words())


_POSSESSIVE = re.compile(r"['’]s$")


def _holder(word: str) -> bool:
    """A kin or social noun ("flatmate", "Mum"), possessive or not ("Mum's"), or a possessive name
    the language does not know ("Ingrid's"). A possessive of a known word is no holder: shops and
    brands are written so ("Macy's", "Trader Joe's", "McDonald's")."""
    bare = _POSSESSIVE.sub("", word)
    low = bare.lower()
    if bare != word and bare[:1].isupper() and low not in known_words():
        return True
    return low in _HOLDERS or low.rstrip("s") in _HOLDERS


def thing_holder(text: str, thing: frozenset[str]) -> str | None:
    """Whose the asked thing is in a line, by its parse: ``"user"`` ("my tortoise", "our dog"),
    ``"other"`` (a person holds it: "my neighbour's parrot", "Quentin's cat", or someone else is the
    subject of the verb the thing is the object of: "Quentin just adopted a tortoise named Tofu"),
    ``None`` when the line does not say. A line naming the user's and someone else's ("Jess walked her
    spaniel with my spaniel Rolo") is the user's: it tells of the user's one. ``thing``: the thing's
    comparison forms (:func:`norm`)."""
    doc = load_nlp()(text[:1].upper() + text[1:])
    holders: set[str] = set()
    for tok in doc:
        if norm(tok.lower_) not in thing or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None:
            holders.add("user" if poss.lower_ in USER_POSSESSIVES else "other")
            continue
        verb = tok.head
        if tok.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB":
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            # (a capitalised word the language does not know is a name however the small tagger reads it)
            if subj is not None and subj.lower_ not in _USER and (names_a_person(subj) or (
                    subj.text[:1].isupper() and subj.lower_ not in known_words())):
                holders.add("other")
    return "user" if "user" in holders else "other" if holders else None


#: dependency roles a thing's name takes in a line about it ("Noodle knocked my coffee off …",
#: "my tortoise Pumpkin sleeps", "the parrot …: Waffles hasn't stopped staring", "named Rex")
_NAME_ROLES = frozenset({"nsubj", "nsubjpass", "appos", "compound", "oprd", "attr", "npadvmod", "dobj"})
#: entity labels that are never a pet's or a thing's given name
_NOT_GIVEN = frozenset({"GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "QUANTITY",
                        "PERCENT", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE"})


def thing_names(text: str, thing: frozenset[str], asked: frozenset[str]) -> list[str]:
    """The given names a line tells of the user's own thing (a pet, a car, a plant) it mentions by its
    kind: capitalised words inside the sentence (a capital not owed to the sentence's start) that the
    parse makes a doer, an apposition or a naming's object ("Oh, and Noodle knocked my coffee off the
    desk again, classic tortoise behaviour"; "my tortoise Pumpkin"), none when someone else holds the
    thing (:func:`thing_holder`). ``thing``/``asked``: comparison forms of the kind and of the question."""
    if thing_holder(text, thing) == "other":
        return []
    doc = load_nlp()(text)
    if not any(norm(t.lower_) in thing for t in doc):
        return []
    out: list[str] = []
    for tok in doc:
        start = tok.i == 0 or doc[tok.i - 1].is_sent_start and doc[tok.i - 1].is_punct or tok.is_sent_start
        if start or not tok.text[:1].isupper() or tok.text in ("I", "I'm") or not tok.is_alpha:
            continue
        if tok.lower_ in _USER or norm(tok.lower_) in thing | asked or tok.ent_type_ in _NOT_GIVEN:
            continue
        if tok.dep_ == "compound" and norm(tok.head.lower_) not in thing:
            continue  # "to Hampstead Heath": part of another name, not the thing's
        if tok.dep_ == "dobj" and tok.head.lemma_ not in ("name", "call"):
            continue  # an object is a name only of a naming ("we named her Fig"), not "walked … the Common"
        if tok.dep_ in _NAME_ROLES and tok.pos_ in ("PROPN", "NOUN") and tok.text not in out:
            out.append(tok.text)
    return out


def afterthought_name(text: str, relation: str) -> str | None:
    """The one name a sentence gives before an afterthought clause whose subject is "my <relation>"
    ("Dinner at Elena's this weekend, my stepmom is trying out a new recipe"; "picking Delphine up from
    the airport tonight, my stepmom never packs light"): the clause tells of the person just named. A
    sentence naming two people, or none, tells no name this way."""
    doc = load_nlp()(text)
    rel = next((t for t in doc if t.lower_ in (relation, relation + "s") and t.dep_ in ("nsubj", "nsubjpass")
                and has_user_possessor(t)), None)
    if rel is None or rel.i == 0 or not any(t.is_punct for t in doc[:rel.i]):
        return None
    names = [t.text for t in doc[:rel.i] if t.is_alpha and t.text[:1].isupper() and t.text != "I"
             and not (t.i == 0 or doc[t.i - 1].is_punct and doc[t.i - 1].text in ".!?")
             and (t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and (
                 t.lower_ not in known_words() or any(c.dep_ == "case" for c in t.children)))  # "at Elena's"
             and t.ent_type_ not in _NOT_GIVEN - {"ORG"}]
    return names[0] if len(set(names)) == 1 else None
