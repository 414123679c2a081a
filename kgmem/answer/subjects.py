"""Whose doing a sentence tells: the user's, or someone else's — from the parse, not a verb list.

"Marta quit her job", "Tom ran the Boston marathon", "My sister just started a pottery class" tell
of someone else whatever the verb; "Sedona is where I grew up", "Lisbon was amazing" and "My car
broke down" are the user's own story. The grammatical subject of the sentence's main verb decides:
he/she/they, a relation ("my sister", "my friend Sam") or a person's name acting (a proper-noun
subject of a full verb) is someone else; "I"/"we" or "Sam and I" is the user. Only sentences that
open like someone else's are parsed (most open with "I"), each once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem.answer.spans import RELATION_WORDS
from kgmem.retrieval.question import nlp

#: common English words that open a sentence without being anyone's name (a parse is ~5 ms:
#: only sentences that may open with a name or a relation get one)
_OPENERS = frozenset("""i i'm i've i'd i'll we we're we've we'll it it's this that there these those the a an and but so
or then now also just still yes no oh ok okay well thanks thank great good nice sure sorry anyway honestly actually
finally today yesterday tomorrow tonight last next this after before since when while if because although though
once some any every each all most many much more another other what which who how why where can could would
should will do does did is are was were have has had be been being let please hey hi hello wow yeah yep nope
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december quick big small funny random side update note""".split())
_MAYBE_OTHER = re.compile(r"^\W*(?:(?:my|our|his|her|their)\s+\w|(?:he|she|they)\b|(?-i:[A-Z][\w'’-]*))", re.I)
#: people the user names by relation (pets tell the user's own story: "my hamster keeps stealing socks")
_PETS = frozenset("dog cat puppy kitten pup parrot rabbit hamster horse tortoise turtle".split())
_RELATIONS = (frozenset(RELATION_WORDS) - _PETS) | {"parents", "kids", "children", "family", "team", "boss", "manager",
                                          "classmate", "teammate", "neighbours", "neighbors", "friends"}


def may_be_someone_elses(sentence: str) -> bool:
    """Cheap test: could the sentence's subject be someone other than the user?"""
    m = _MAYBE_OTHER.match(sentence)
    if not m:
        return False
    first = m.group(0).strip(" \t\"'(").lower().replace("’", "'")
    return first not in _OPENERS


@lru_cache(maxsize=16384)
def someone_else(sentence: str) -> bool | None:
    """True when the sentence's main subject is someone other than the user, False when it is
    the user or a thing, ``None`` when no parser is installed (callers fall back to patterns)."""
    model = nlp()
    if model is None:
        return None
    doc = model(sentence)
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return False
    root = roots[0]
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False  # a dropped subject in chat is the speaker ("Caught Past Lives last night")
    words = {subj.lower_} | {c.lower_ for c in subj.children if c.dep_ == "conj"}
    if words & {"i", "we", "me", "us"}:
        return False  # "Sam and I went hiking"
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we") for t in doc):
        return False  # "The dentist put me on antibiotics and I took the first pill", "… where I grew up"
    if subj.lower_ in ("he", "she", "they"):
        return True
    if subj.lower_ in _RELATIONS or subj.lemma_.lower() in _RELATIONS:
        return True  # "my sister", "my neighbour Tomás" (whatever tag the noun got), not "my car"
    # a name the tagger missed at the start of a sentence ("Tariq drives …" tagged NN) is still an entity
    if subj.pos_ == "PROPN" or (subj.text[:1].isupper() and subj.ent_type_ not in ("", "DATE", "TIME", "CARDINAL",
                                                                                  "ORDINAL", "QUANTITY")):
        # a name ("Marta quit her job", "Orla is from Palermo"); a multi-word name is a thing unless
        # it is a person's ("Lumen Health hired me" / "Tom Baker ran")
        return not any(c.dep_ == "compound" for c in subj.children) or subj.ent_type_ == "PERSON"
    return False
