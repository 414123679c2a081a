"""A thing's state quoted from a tracker or portal, read on the whole sentence.

"My passport renewal tracker says 'documents received'", "the Sage coffee machine I sent off is
'received at the repair centre'", "Order #4411 status: 'out for delivery'", "the refund is stuck at
'pending review'": the quoted words are
the state whole (the parse splits them into clauses of their own: "documents received" is no
statement about documents), and the thing is the subject noun phrase before the verb, without
the word of the reporter ("passport renewal", not "passport renewal tracker").
"""

from __future__ import annotations

import re
from datetime import datetime

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_facts import _entity_fact
from kgmem.extraction.zero.entity_refs import EntityRef, _phrase
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.sentences import Sentence

_QUOTE = re.compile(r"\b(?:says|said|shows|showed|reads|is|was|=|"
                    # a thing that stays in a state ("the ticket is still sitting at 'awaiting triage'")
                    r"(?:sitting|sat|stuck|parked)\s+(?:at|on|in))\s*:?\s*(?:just\s+|now\s+|still\s+)?"
                    r"['\"‘“]([a-zA-Z][^'\"’”]{2,45})['\"’”]", re.IGNORECASE)
_REPORTER_WORDS = frozenset({"tracker", "tracking", "status", "portal", "app", "page", "website", "site", "system",
                             "email", "update", "screen"})
_HEDGED = re.compile(r"\b(?:if|whether|might|could|would|should|supposed|hope|hopefully)\b", re.IGNORECASE)


def quoted_state(sent: Sentence, date: datetime, clause: Clause) -> list[CandidateFact]:
    """The thing's ``status`` when the sentence of ``clause`` quotes it (see the module docstring);
    empty when the subject is no particular thing, or the sentence asks or supposes."""
    doc = clause.head.doc
    m = _QUOTE.search(doc.text)
    if m is None or sent.question or _HEDGED.search(doc.text[: m.start()]):
        return []
    verb = next((t for t in doc if t.idx >= m.start()), None)
    if verb is None:
        return []
    head = verb if verb.dep_ not in ("aux", "auxpass") else verb.head  # "is 'received…'" parsed as a passive
    subj = next((t for t in head.children if t.dep_ in ("nsubj", "nsubjpass") and t.i < verb.i), None)
    if subj is None or subj.lemma_.lower() in PEOPLE_NOUNS \
            or subj.pos_ not in ("NOUN", "PROPN") and subj.lower_ not in _REPORTER_WORDS:
        return []
    words = _phrase(subj)[0].split() if subj.pos_ in ("NOUN", "PROPN") else []
    words = words or [subj.text]
    while words and words[-1].lower() in _REPORTER_WORDS:
        words.pop()  # "my passport renewal tracker": the passport renewal
    if not words:
        # "still waiting on the parcel from Halden, tracking just says 'in transit'": the thing before
        before = next((w for w in reversed(list(doc[: subj.i])) if w.pos_ == "NOUN" and w.dep_ in ("dobj", "pobj", "nsubj")
                       and w.lemma_.lower() not in PEOPLE_NOUNS and w.lower_ not in _REPORTER_WORDS), None)
        words = _phrase(before)[0].split() if before is not None else []
    state = m.group(1).strip().lower()
    if not words or state in " ".join(words).lower():
        return []
    return [_entity_fact(sent, date, clause, EntityRef(" ".join(words), "thing"), "status", state, None)]
