"""Earlier statements read again for a later correction (issue #13 item 7: the first statement).

The extractor reports a first statement about another person or thing as a fact only when its
own reading is sure of it (a value typed only by its place in the parse never starts a slot, and a
statement said inside a question or a request is no fact). When a later correction ("the kettle
is out for delivery today", "Nate texted, the flight lands at 9:20 now") finds no slot memory
holds, the memory manager (:mod:`kgmem.memory.lookback`) looks for the statement it corrects among
the user's earlier turns: this module gives, for one such turn, every typed value its clauses say
with the names those clauses give people and things.

Read more loosely than a first statement is, because a later correction of the same topic
vouches for it: a statement inside a question or a request counts ("my brother's flight lands at
6:50, what time should I leave?"). Still no value of a question ("is the standup at 9:15?"), nor of a
clause that is negated, modal, conditional, hypothetical or that only floats it ("they offered 6:45"). A sentence's parts between commas are
also read as statements of their own, since a parse across them joins a statement to the question
or the plan beside it ("I need to get the grant in, the portal closes on 28 February": "closes" is
parsed under "need"). A state a tracker reports without quotes is read too ("the tracking just says
awaiting dispatch").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kgmem.extraction.zero.clauses import Clause, clauses_of
from kgmem.extraction.zero.entity_probes import _OFFERS, clause_values, inner_clauses, mentions_of
from kgmem.extraction.zero.entity_quoted import _REPORTER_WORDS
from kgmem.extraction.zero.entity_readings import hypothetical
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.sentences import user_sentences

#: where a sentence's parts are cut to be read alone (not inside a number: "£2,400")
_PARTS = re.compile(r"(?<!\d)[,;]\s+|\s+[-–—]\s+")
#: a part that asks something ("what time should I leave for the airport")
_ASKS = re.compile(r"^(?:what|when|where|which|who|why|how|should|could|can|would|will|do|does|did|is|are|any)\b",
                   re.IGNORECASE)


def asks(text: str) -> bool:
    """A message that asks something ("how do I stop my glasses steaming up", "any tips?")."""
    return text.rstrip().endswith("?") or bool(_ASKS.match(text.strip()))


#: a state a tracker reports without quotes ("the tracking just says awaiting dispatch")
_REPORTED = re.compile(r"\b(?:" + "|".join(sorted(_REPORTER_WORDS)) + r")\s+(?:\w+\s+)?(?:says|shows|reads)\s*:?\s*"
                       r"(?:just\s+|still\s+|now\s+)?([a-z][a-z -]{2,40}?)\s*(?=[.,;!?()]|$|\s+(?:but|and|so|since)\b)",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Said:
    """A typed value one clause of an earlier turn says, with the names that clause gives."""

    value: str
    cls: str
    mentions: tuple[str, ...]
    clause: str
    #: the sentence the clause is part of
    sentence: str = ""


def _stating(clause: Clause) -> list[Clause]:
    """The clause, or where it is blocked (a modal, an intent) the statements buried in it
    ("I need to get the grant in, the portal closes on 28 February": the portal's)."""
    if clause.blocked:
        return [c for c in inner_clauses(clause) if not hypothetical(c)]
    if clause.about == "request" or hypothetical(clause) or clause.head.lemma_.lower() in _OFFERS:
        return []
    return [clause]


def said_values(text: str, date: datetime) -> list[Said]:
    """Every typed value the clauses of one user turn state (see the module docstring)."""
    texts: list[tuple[str, str]] = []  # (text to parse, its sentence)
    for sent in user_sentences(0, text, date):
        parts = [p.strip() for p in _PARTS.split(sent.text) if p.strip()]
        texts.extend([(t, sent.text) for t in ([] if sent.question else [sent.text])
                      + ([p for p in parts if not _ASKS.match(p)] if len(parts) > 1 else [])])
    out = [Said(m.group(1).strip(), "state", (), m.group(0), whole) for t, whole in texts for m in _REPORTED.finditer(t)]
    for (_, whole), doc in zip(texts, load_nlp().pipe([t for t, _ in texts])):
        for clause in clauses_of(doc):
            for c in _stating(clause):
                mentions = tuple(mentions_of(c)[0])
                out.extend(Said(value, cls, mentions, c.text, whole) for value, cls in clause_values(c))
    return list({(s.value, s.cls): s for s in reversed(out)}.values())[::-1]


__all__ = ["Said", "asks", "said_values"]
