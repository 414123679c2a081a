"""A thing named in the user's own question, its doing told in the next sentence without naming it.

"Is $210 too much for a winter coat? Too late anyway, I paid Target last Wednesday." tells the
buying of the coat, though the sentence naming the coat is a request and the sentence telling the
deed names no coat. The request names the activity in full; the sentence after it in the same turn
is the user's own actual doing of the activity's kind (its role words, or, for a purchase, paying
or getting with no other thing named), and dates the event by itself.
"""

from __future__ import annotations

import re

from kgmem.answer.actuality import FIRST_PERSON
from kgmem.answer.event_names import names_head
from kgmem.answer.event_spec import line_roles
from kgmem.answer.evidence import EvidenceSet, Line, roles_of
from kgmem.answer.match import core_terms, coverage, expand, terms

#: a purchase told by its paying or getting, the thing left unsaid ("I paid Target", "got it", "ordered one")
_BOUGHT_UNNAMED = re.compile(r"\b(?:I|we)\s+(?:just\s+|already\s+)?(?:paid|got\s+(?:it|one|them)|bought\s+(?:it|one|them)|"
                             r"ordered\s+(?:it|one|them)|picked\s+(?:it|one|them)\s+up|grabbed\s+(?:it|one|them))\b", re.I)


def deed_after_request(request: Line, activity: str, ev: EvidenceSet) -> Line | None:
    """The sentence right after ``request`` (one of the two next in its turn) that tells the activity
    ``request`` names in full, done by the user; ``None`` when there is none."""
    core = core_terms(activity)
    have = terms(request.text)
    if not core or coverage(core, have | expand(have)) < 1.0 or not names_head(activity, request.text):
        return None
    wanted = roles_of(activity)
    for s in ev.turn_lines(request.turn_id):
        if not 0 < s.position - request.position <= 2 or s.actuality != "actual" or not FIRST_PERSON.search(s.text):
            continue
        if wanted & line_roles(s) or ("buy" in wanted and _BOUGHT_UNNAMED.search(s.text)):
            return s
    return None


def told_deed(line: Line, activity: str, ev: EvidenceSet) -> Line:
    """The line itself, or for a request naming the activity, the deed told right after it."""
    return (deed_after_request(line, activity, ev) or line) if line.actuality == "request" else line
