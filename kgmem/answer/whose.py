"""Whose doing a user's line tells, by its parse: "priya is off to berlin for 4 nights" and "mia
went to the gig without me" are someone else's, though the user wrote them.

The line classes of :mod:`kgmem.answer.actuality` read pronouns and openers; a lower-case name
as the subject ("priya closed leeds teaching hospitals") passes them. Counts and totals ask
this second question of the lines they are about to add.
"""

from __future__ import annotations

from functools import lru_cache

from kgmem.lexicon.people import people_noun
from kgmem.nlp import load_nlp

#: the user (or nobody in particular) as a subject
_USER = frozenset({"i", "we", "me", "us", "u", "you", "it", "this", "that", "there"})


@lru_cache(maxsize=4096)
def others_doing(text: str) -> bool:
    """The line's main clause has someone else as its subject: a name ("priya from the team is off
    to berlin": the parse reads the line with its first letter raised, as it would be written) or
    a people noun ("my sister spent …"); not the user, nor the user with someone ("dave and i did
    2 nights"), nor a thing ("hotel was grim"), nor a name the sentence judges ("harrogate was
    lovely", "lime cordiale at the corner hotel was unreal", "… was everything": a place or a show,
    not a doer)."""
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
