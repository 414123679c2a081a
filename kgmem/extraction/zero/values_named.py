"""A value that is a name, typed by the parse and NER alone, for the kinds whose values are names.

The fillers of :mod:`.values` know a phone by its brand, a car by its maker, an employer by its
preposition: a name they have no word for ("typing this from the new Fairphone 5", "work-wise I'm
with Tessellate Studio", "turned the last page of Piranesi") gives no value, and the proposal is
dropped although the clause's frame chose the predicate (:mod:`.masking`). Here the value is the
name the clause holds in an argument place (object, complement, appositive, a preposition's
object, or the "of" object of one of them: "the last page of X", "the first season of X"), as NER
or the parser bounds it. It is tried only after the kind's own filler found nothing, and only for
the kinds whose values are names of things: a person's name keeps its own readers (a name
anywhere in a clause is not the user's partner).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import (
    JOB_HEADS,
    PHONE_BRANDS,
    POST_NOUNS,
    VEHICLES,
    WORK_SPELLS,
    job_noun,
)
from kgmem.extraction.zero.masking import CALENDAR_WORDS, NAME_LABELS, is_name
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.served_by import serves
from kgmem.extraction.zero.value_parse import GENERIC_HEADS, NOT_NAMES, Value, args_of, ok_value

if TYPE_CHECKING:
    from spacy.tokens import Token

#: value kinds whose values are names of things (see the module's docstring), and the argument
#: places their name may stand in: a title is what is watched or read (its object, never a place
#: gone through: "rebooked through Toronto"); a phone or a car what one has (not a complement: "our
#: broadband provider is Sky"); an
#: employer or gym what one works at, for, with or in ("I'm with Tessellate Studio"; the object of a verb
#: is left to the kind's own filler: "started Piranesi" names no employer)
NAMED_KINDS: dict[str, frozenset[str]] = {
    "title": frozenset({"obj", "attr", "appos", "of"}),
    "device": frozenset({"obj", "appos", "of"}),
    "vehicle": frozenset({"obj", "appos", "of"}),
    "employer": frozenset({"prep:at", "prep:for", "prep:with", "prep:by", "prep:in"}),
    "org": frozenset({"prep:at", "prep:for", "prep:with", "prep:by", "prep:in"}),
    "gym": frozenset({"prep:at", "prep:with", "prep:to"}),
}
#: NER labels no value of the kind has: places and people are no employer, phone or car (NER often
#: labels an unknown title a person or an organisation, so titles keep every label)
_NOT_OF_KIND = frozenset({"PERSON", "GPE", "LOC", "FAC", "NORP"})


def _of_objects(t: Token) -> list[Token]:
    """The objects of "of" after ``t`` ("the last page of X", "the first season of X")."""
    return [g for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def _model_number(t: Token) -> bool:
    """A model's number or code after its name ("14", "X7", "S23")."""
    return t.like_num or any(ch.isdigit() for ch in t.text) and t.text.isalnum()


def _name_span(t: Token) -> str:
    """The whole name ``t`` is part of: its entity, or the run of name words (and the model numbers
    after them: "Fairphone 5", "iPhone 14 Pro") around it."""
    doc = t.doc
    ent = entity_at(t)
    start, end = (ent.start, ent.end) if ent is not None and ent.label_ in NAME_LABELS else (t.i, t.i + 1)
    while start > t.sent.start and (is_name(doc[start - 1]) or _model_number(doc[start - 1])
                                    and start - 2 >= t.sent.start and is_name(doc[start - 2])):
        start -= 1
    while end < t.sent.end and (is_name(doc[end]) or _model_number(doc[end]) and is_name(doc[end - 1])):
        end += 1
    text = doc[start:end].text
    return re.sub(r"^(?:the|my|our)\s+", "", text, flags=re.IGNORECASE).strip(" ,.;:!?")


def named_argument(kind: str, c: Clause) -> list[Value]:
    """The first name in an argument place of ``c`` for a kind of :data:`NAMED_KINDS` (else [])."""
    roles = NAMED_KINDS.get(kind)
    if roles is None:
        return []
    places = [(t, role) for t, role in args_of(c) if role in ("obj", "attr", "appos") or role.startswith("prep:")]
    places += [(g, "of") for t, role in places if role in ("obj", "attr") for g in _of_objects(t)]
    for t, role in places:
        if role not in roles or not is_name(t) or t.i not in c.index:
            continue
        if role == "obj" and t.dep_ not in ("dobj", "oprd") or any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                                                     for d in t.children):
            continue  # a conjunct of a place ("the Kennet and Avon"); "an MNC" is a kind, not a name
        ent = entity_at(t)
        if ent is not None and kind != "title" and (ent.label_ in _NOT_OF_KIND - {"PERSON"} or ent.label_ == "PERSON"
                                                    and len(ent) == 1 or ent.label_ == "PRODUCT" and kind in ("employer", "org", "gym")):
            # NER calls many two-word firms people ("Quillfeather Studio"); one word it calls a person is one
            continue
        name = _name_span(t)
        if name and name.lower() not in NOT_NAMES and ok_value(name) and re.search(r"[^\W\d_]{3}", name) \
                and (any(ch.isupper() for ch in name.split()[0]) or name[:1].isdigit()):  # a word, not a code ("T4")
            return [(name, "org" if kind in ("employer", "org", "gym") else "item")]
    return []


#: verbs whose direct object may be an employer or a club ("joined Arup", "I run Kiln & Co")
_TAKING_ON = frozenset({"join", "rejoin", "found", "run", "own", "manage", "lead", "co-found", "cofound"})


def no_workplace(value: str, c: Clause, employer: bool = False) -> bool:
    """``value`` cannot be where the user works or trains: a phone or a car by its brand ("charging
    me for the iPhone 12"), or the direct object of a verb other than one of taking on ("started
    Piranesi", "started chemo": what is started, seen or read is no employer); ``employer``: nor a firm
    that serves the user ("renewed the car insurance with Direct Line": :mod:`.served_by`)."""
    words = {w.lower() for w in re.findall(r"[\w-]+", value)}
    if there_for_a_purpose(c) or employer and serves(value, c.tokens):
        return True
    if words & (PHONE_BRANDS | VEHICLES) or value.lower().removesuffix("s") in CALENDAR_WORDS:
        return True  # "moved my physio to Thursdays": a day NER did not label
    first = value.split()[0].casefold()
    if any(t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.i == c.head.i and first in {x.lower_ for x in t.subtree}
           for t in c.tokens) and any(ch.dep_ == "dobj" and ch.pos_ == "NOUN" for ch in c.head.children):
        return True  # "we switched the broadband to Zen Internet": the thing's new provider, no workplace
    return any(t.dep_ == "dobj" and t.head.i == c.head.i and c.head.lemma_.lower() not in _TAKING_ON
               and first in {x.lower_ for x in t.doc[t.left_edge.i: t.i + 1]} for t in c.tokens)  # the object itself


def there_for_a_purpose(c: Clause) -> bool:
    """Being somewhere "for" a purpose ("I'm at Sainsbury's on Saturdays for the big weekly shop", "at the
    Apple Store for the repair"): an errand, not a workplace. The purpose is a definite noun phrase on the
    verb that is neither a span of time ("for the summer": a stint there) nor a job or a role ("for my
    placement")."""
    if c.head.lemma_.lower() != "be":
        return False
    for p in c.head.children:
        obj = next((g for g in p.children if g.dep_ == "pobj"), None) if p.dep_ == "prep" and p.lower_ == "for" else None
        # a definite purpose ("the big weekly shop", "my spin class"): "for a while", "for the time being" is a span
        if obj is None or obj.pos_ != "NOUN" or obj.lower_ in GENERIC_HEADS or not any(
                d.dep_ == "poss" or d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in obj.children):
            continue
        ent = entity_at(obj)
        lemma = obj.lemma_.lower()
        if ent is not None and ent.label_ in ("DATE", "TIME") or lemma in JOB_HEADS or job_noun(lemma) \
                or lemma in POST_NOUNS | WORK_SPELLS:
            continue
        return True
    return False
