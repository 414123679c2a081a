"""What a choice between two prefers (pf19; moved out of :mod:`kgmem.answer.taste` for its size): "I'd rather take
my Tesla Model 3 than fly" prefers the Tesla, not "take my Tesla Model 3"; "I'd rather walk" prefers walking.
"""

from __future__ import annotations

import re

from kgmem.lexicon.people import USER_SUBJECTS
from kgmem.nlp import load_nlp

#: the dependents of an object that are no part of its name: its article or owner, clauses and phrases after it
_NOT_ITS_NAME = frozenset({"prep", "relcl", "acl", "advcl", "cc", "conj", "punct", "det", "poss", "predet"})


def chosen_thing(clause: str, at: int, value: str) -> str | None:
    """What a choice between two ("I'd rather X than Y") prefers, X (read by the frames as ``value``) starting at
    ``at`` of ``clause``: when X is a doing, the thing done, the object of its verb ("take my Tesla Model 3" ->
    "Tesla Model 3", "watch a documentary" -> "documentary"), or with no object the doing itself ("walk" ->
    "walking", "cook at home" -> "cooking at home"), read from the clause's parse; a thing stays as it is ("a quiet
    pub"); ``None`` for someone else's doing ("I'd rather you didn't")."""
    doc = load_nlp()(clause)
    first = next((t for t in doc if t.idx >= at and not t.is_space), None)
    if first is None:
        return value
    if first.dep_ in ("nsubj", "nsubjpass") and first.lower_ not in USER_SUBJECTS:
        return None  # "I'd rather you didn't", "I'd rather she chose"
    verb = next((t for t in doc[first.i:] if t.pos_ == "VERB"), None) if first.pos_ == "ADV" else first
    if verb is None or verb.pos_ != "VERB" or verb.tag_ != "VB":
        return value
    objects = [t for t in verb.children if t.dep_ in ("dobj", "obj") and t.pos_ not in ("PRON", "NUM")]
    if objects:
        obj = objects[0]
        # its own words (compound, adjective, number: "Tesla Model 3")
        dropped = {t.i for c in obj.children if c.dep_ in _NOT_ITS_NAME for t in c.subtree}
        return " ".join(t.text for t in obj.subtree if t.i not in dropped)
    rest = value.split(" ", 1)[1] if " " in value and value.split(" ", 1)[0].lower() == verb.lower_ else ""
    return f"{gerund(verb.text)} {rest}".strip()


def gerund(verb: str) -> str:
    """The -ing form of a base verb: walk -> walking, ride -> riding, swim -> swimming, lie -> lying, see -> seeing."""
    v = verb.lower()
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    if len(v) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", v):
        return v + v[-1] + "ing"
    return v + "ing"
