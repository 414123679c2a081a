"""Values typed by their role in the parse, for the (entity, attribute, value) frame (:mod:`.entity_frames`).

The word lists of :mod:`.values` type a value by its words ("approved", "vegan", a GPE); a value
of words no list holds is still typed by where it stands in the clause:

- **state**: what a thing's clause predicates of it with a verb of its own and no object — a
  participle or a past verb ("the dishwasher arrived", "Delay Repay paid out", "the claim got
  knocked back", "the visa came through"): the verb with its particle;
- **organisation**: a proper name someone joins, switches to or is with — the object of a verb of
  joining or choosing, or of with/at/for/to ("he's joined Monzo", "we're on BT broadband now");
- **place**: a named or numbered place a thing is in or goes to ("moved into the Birch room", "on
  the Lister ward");
- **diet**: the word that qualifies "diet" ("a diabetic diet", "the low-FODMAP diet").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.value_parse import NOT_NAMES
from kgmem.lexicon.people import USER_SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs whose object is the organisation someone is with afterwards
_JOIN = frozenset({"join", "switch", "choose", "pick", "sign", "use", "go", "move", "transfer", "poach", "hire"})
_WITH = frozenset({"with", "at", "for", "to", "on", "by"})
_PLACE_PREPS = frozenset({"at", "in", "into", "to", "on", "onto"})
#: subjects whose verb tells no state of a thing ("I", "they" as the company doing it)
_NO_STATE_SUBJECTS = USER_SUBJECTS | {"you", "he", "she", "they", "who", "that", "which", "there"}
#: words after a verb that say where a thing went, not what state it is in ("moved into", "came back")
_TARGETS = frozenset({"to", "into", "onto", "from", "back", "forward", "over", "up", "down", "off", "in", "out"})
#: verbs that tell what a thing did, not what state it is in
_NOT_STATES = frozenset({"be", "have", "do", "say", "tell", "want", "need", "like", "go", "get", "make", "take",
                         "start", "keep", "seem", "look", "feel", "sound", "work", "happen", "come", "move", "push", "shift",
                         "switch", "change", "bump", "call", "ring", "email", "text"})


def _state(clause: Clause) -> list[tuple[str, str]]:
    head, subj = clause.head, clause.subject
    if subj is None or subj.lower_ in _NO_STATE_SUBJECTS or subj.pos_ not in ("NOUN", "PROPN") \
            or head.pos_ != "VERB" or head.lemma_.lower() in _NOT_STATES or head.tag_ not in ("VBN", "VBD"):
        return []
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "dative") or c.dep_ in ("prep", "prt", "advmod")
           and c.lower_ in _TARGETS for c in head.children):
        return []  # "the garage fixed the brakes", "the sync moved to Friday": a deed or a move, no state
    last = [c for c in head.children if c.dep_ == "conj" and c.tag_ in ("VBN", "VBD")]
    head = last[-1] if last else head  # "printed and dispatched": the latest state
    prt = [c.text for c in head.children if c.dep_ == "prt"]
    return [(" ".join([head.text.lower(), *(p.lower() for p in prt)]), "state")]


def _name(t: Token) -> str:
    words = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join([*(w.text for w in words), t.text])


def _org(clause: Clause) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for t in clause.tokens:
        if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.lower_ in NOT_NAMES or t.dep_ == "compound" \
                and t.head.pos_ == "PROPN":
            continue
        ent = entity_at(t)
        head = t.head
        joined = t.dep_ == "dobj" and head.lemma_.lower() in ("join", "switch")  # "joined Monzo" (NER: a person)
        modifier = t.dep_ == "compound" and head.pos_ == "NOUN"
        if ent is not None and ent.label_ in ("DATE", "TIME", "PERSON", "MONEY", "CARDINAL", "GPE") \
                and not (joined and ent.label_ == "PERSON" or modifier and ent.label_ == "GPE"):
            continue
        if t.dep_ == "dobj" and head.lemma_.lower() in _JOIN or t.dep_ == "pobj" and head.lower_ in _WITH:
            out.append((_name(t), "org"))
        elif t.dep_ == "compound" and head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ in _WITH:
            out.append((t.text, "org"))  # "we're on BT broadband": BT (whatever NER calls it)
    return out


def _place(clause: Clause) -> list[tuple[str, str]]:
    """A named or numbered place a thing is in or goes to: the object of at/in/into/to/on whose noun
    carries a proper name or a number ("into the Birch room", "on the Lister ward", "to room 4B")."""
    out: list[tuple[str, str]] = []
    for t in clause.tokens:
        if t.dep_ != "pobj" or t.pos_ != "NOUN" or t.head.lower_ not in _PLACE_PREPS:
            continue
        mods = [c for c in t.children if c.dep_ in ("compound", "nummod", "appos")
                and (c.pos_ == "PROPN" and c.text[:1].isupper() or c.pos_ == "NUM")]
        if mods:
            words = [w for w in t.subtree if w.dep_ not in ("det", "poss", "punct", "prep") and w.i >= mods[0].i
                     or w.i == t.i]
            out.append((" ".join(w.text for w in sorted(words, key=lambda w: w.i)), "where"))
    return out


def _diet(clause: Clause) -> list[tuple[str, str]]:
    for t in clause.tokens:
        if t.lemma_.lower() == "diet":
            mods = [c for c in t.lefts if c.dep_ in ("amod", "compound")]
            if mods:
                return [(t.doc[mods[0].left_edge.i: mods[-1].i + 1].text, "diet")]
    return []


def role_values(clause: Clause) -> list[tuple[str, str]]:
    """(value, class) pairs read from the clause's parse (see the module docstring)."""
    return [*_state(clause), *_org(clause), *_place(clause), *_diet(clause)]
