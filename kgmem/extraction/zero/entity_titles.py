"""Who is in charge of a thing, said with the role noun next to the name.

"my team lead, Marcus", "the property manager, Greg", "our team lead Sven wants…", "Maria is our
team lead now": the role noun (lead, manager, contact…) names the attribute person_in_charge, the
nouns right before it name the thing ("team", "property"). spaCy often tags "lead" in "team lead"
as a verb, so the role is read by its word and position rather than by its parse alone.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import HYPOTHETICAL
from kgmem.extraction.zero.entity_refs import ATTRIBUTE_NOUNS, _proper_name
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.value_parse import NOT_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ROLE_WORDS = "|".join(sorted(k for k, v in ATTRIBUTE_NOUNS.items() if v == "person_in_charge"))
#: "Maria is our team lead now": a name, "is", the owner's word, the thing's nouns, the role (not "of/at X")
_IS_ROLE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:is|'s) (?:now )?(?:our|my|the|their) (?:new )?"
                      r"((?:[A-Za-z]+ ){1,2}?)(?:" + _ROLE_WORDS + r")\b(?! (?:of|at|for|on)\b)")


def _a_name(t: Token) -> bool:
    ent = entity_at(t)
    return t.lower_ not in NOT_NAMES and (ent is None or ent.label_ in ("PERSON", "GPE", "NORP"))


def titled_people(doc: Doc) -> list[tuple[str, str]]:
    """(thing, name) for "my team lead, Marcus" / "the property manager, Greg" / "our team lead
    Sven": a role noun of the person in charge followed by a name; the thing is the noun before
    the role. Also "Maria is our team lead now" (:data:`_IS_ROLE`)."""
    out: list[tuple[str, str]] = []
    for t in doc:
        if ATTRIBUTE_NOUNS.get(t.lemma_.lower()) != "person_in_charge" or t.i + 2 >= len(doc):
            continue
        comma, name = doc[t.i + 1], doc[t.i + 2]
        if doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].text[:1].isupper() and _a_name(doc[t.i + 1]):
            name = doc[t.i + 1]  # "Our team lead Sven wants…" (spaCy often tags this "lead" a verb)
        elif comma.text != "," or name.pos_ != "PROPN" or name.head.i not in (t.i, name.i) and name.head.head.i != t.i:
            continue
        # only the nouns right before the role word; an owner's "'s" between them is kept out
        # ("Grandma's carer Patrice": Grandma's)
        window = [w for w in doc[max(0, t.i - 4): t.i] if w.tag_ != "POS" and w.lower_ not in ("'s", "’s")]
        before = [w for w in window if w.pos_ in ("NOUN", "PROPN")]
        while before and window.index(before[0]) + len(before) != len(window):
            before.pop(0)
        if before:
            out.append((" ".join(w.text for w in before), _proper_name(name)))
    for m in _IS_ROLE.finditer(doc.text):
        out.append((m.group(2).strip(), m.group(1)))
    return out



def titled_facts(sent: Sentence, date: datetime, doc: Doc) -> list[CandidateFact]:
    """Facts of :func:`titled_people` in a sentence that is not hypothetical."""
    if HYPOTHETICAL.search(sent.text):
        return []
    out = []
    for thing, name in titled_people(doc):
        out.append(CandidateFact(
            subject=thing, subject_type="thing", predicate="person_in_charge", value=name, value_type="person",
            text=f"{thing} — who leads or is in charge of it: {name}. ({sent.text})"[:300],
            valid_from=datetime(date.year, date.month, date.day), granularity="day",
            speaker="user", source_turns=[sent.turn], confidence=0.6,
        ))
    return out


