"""The thing a payment was for: "$130 at Uniqlo, for a sleeping bag", "paid $60 for a floor lamp".

A clause the meaning stage reads as money spent often names the thing bought only as what the money was
"for"; the proposer ranks the payment first and the purchase may fall outside its margin. The thing is
read by its type: the object of "for" that WordNet knows as something one takes home (:data:`GOODS`), or a
name it does not know; a person, an act, a meal, a fee or a stay is none ("$45 for a haircut", "£12 for
lunch", "$130 for two nights", "£20 for the kids").
"""

from __future__ import annotations

from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.phrases import valid_value
from kgmem.extraction.zero.value_parse import np_of
from kgmem.extraction.zero.values_across import of_kinds

#: WordNet kinds of a thing one pays for and takes home
GOODS = ("artifact", "matter", "organism", "natural object")


def things_paid_for(clause: Clause) -> list[str]:
    """The clause's objects of "for" that are goods (best first; empty when it names none)."""
    out = []
    for t in clause.tokens:
        if t.dep_ != "pobj" or t.head.lower_ != "for" or t.pos_ not in ("NOUN", "PROPN") or t.lower_ in PEOPLE_NOUNS:
            continue
        ent = entity_at(t)
        value = np_of(t)
        if (ent is None or ent.label_ not in ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL")) and valid_value(value) \
                and of_kinds(value, GOODS):
            out.append(value)
    return out
