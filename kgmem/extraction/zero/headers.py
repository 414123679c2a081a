"""A header before a colon: "Ticked one thing off: I sold my old car", "Update on my life: this
morning I passed my driving test", "Life admin done: I renewed my passport".

A short lead ending in a colon, followed by a clause with the user as its subject ("I", "my", within
the first few words, after a time phrase), titles the statement and states nothing itself: the
statement is the clause after the colon. Read whole, the lead's verb took the clause's place
("ticked one thing off" became the event; "update on my life" made "passed my driving test" a
purchase). A lead that sets the clause in a plan, a wish or a hypothesis ("My plan: I move to
Oslo", "Worst case: I lose my job") is kept, so the checks still see it; a label note ("home:
Leeds") has no subject after its colon and is read elsewhere. "We" after the colon is not enough:
"Offsite venue changed: we're going to Cedar Lodge" is a statement about the offsite, whose lead
names what changed.
"""

from __future__ import annotations

import re

from kgmem.extraction.zero.checks import HYPOTHETICAL, NEGATION
from kgmem.extraction.zero.lexicon import INTENT, INTENT_FORMS, MODALS, UNREAL_NOUNS

_HEADER = re.compile(
    r"^\W*(?P<head>[^:.!?\"“”]{2,40}?)\s*:\s+"
    r"(?=(?:[\w'-]+,?\s+){0,4}?(?:I|I'm|I've|I'd|I'll|my|My)\b)")


def strip_header(sent: str) -> str:
    """``sent`` without a header lead before its colon (capitalised again), else ``sent``."""
    m = _HEADER.match(sent)
    if m is None:
        return sent
    head = m.group("head")
    words = set(re.findall(r"[a-z']+", head.lower()))
    if HYPOTHETICAL.search(head) or NEGATION.search(head) or words & (INTENT | INTENT_FORMS | MODALS | UNREAL_NOUNS):
        return sent
    rest = sent[m.end():]
    return rest[:1].upper() + rest[1:]
