"""A thing's arrangement told in the future tense (oe30).

"The book swap will be at Mabel's Cafe", "All-hands will be in Room 4B this quarter", "the launch will take
place on the 14th": what a meeting, an event or a venue will be is how it stands now, not a plan or a wish of
anyone's, unlike "I'll move to Leeds" (the user's plan) or "Tomasz will probably go to Zurich" (a person's
guess). The clause checks block every modal verb; a clause about a thing whose only block is "will" ('ll,
shall) is read as a statement for the entity readers. A negation, another modal, a condition, "going to",
a hedge ("maybe") or an intention still blocks it.
"""

from __future__ import annotations

import dataclasses

from kgmem.extraction.zero.checks import intent_only, verb_chain
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_readings import hypothetical
from kgmem.extraction.zero.lexicon import BLOCK_ADV, MODALS, PEOPLE_NOUNS

#: the future auxiliaries an arrangement is told with
_WILL = frozenset({"will", "'ll", "shall"})
#: adverbs that make a future a guess
_HEDGES = frozenset({"probably", "possibly", "perhaps", "maybe", "likely", "hopefully", "supposedly"})
#: verbs an arrangement is told with ("will be at", "will take place", "will start at")
_ARRANGED = frozenset({"be", "take", "happen", "start", "begin", "kick", "run", "finish", "end", "move", "land",
                      "arrive", "open", "close", "due"})


def _only_will(clause: Clause) -> bool:
    """The clause's verbs carry "will" and nothing else that blocks a statement."""
    will = False
    for v in verb_chain(clause.head):
        for c in v.children:
            if c.dep_ == "aux" and c.lower_ in _WILL:
                will = True
            elif c.dep_ == "neg" or c.lower_ in BLOCK_ADV or c.dep_ == "aux" and c.lower_ in (MODALS | {"going", "gonna"}):
                return False
            elif c.dep_ == "advmod" and c.lower_ in _HEDGES:
                return False  # "the party will probably be at Nico's": a guess
            elif c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless"):
                return False
    return will


def arranged(clause: Clause) -> Clause:
    """``clause`` unblocked when it tells a thing's arrangement with "will" ("the book swap will be at
    Mabel's Cafe"); any other clause as it is."""
    subj = clause.subject
    if not clause.blocked or clause.about not in ("thing", "mine") or subj is None or subj.pos_ not in ("NOUN", "PROPN") \
            or subj.lemma_.lower() in PEOPLE_NOUNS or clause.head.lemma_.lower() not in _ARRANGED:
        return clause
    if not _only_will(clause) or intent_only(clause.tokens) or hypothetical(clause) or clause.text.rstrip().endswith("?"):
        return clause
    return dataclasses.replace(clause, blocked=False)
