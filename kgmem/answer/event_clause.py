"""The clause of a line that tells the asked activity: whose doing it is, and its own time.

A line often tells more than one thing: "Went to my first Spanish class on Saturday, the teacher
talks SO fast" is the user's doing and then someone else's; "Spent New Year's Day on the sofa, but
on the 3rd I started couch to 5k" names two days. The line as a whole is read as someone else's
(the teacher) or dated by its first time ("New Year's Day"); for the activity asked about, the
clause that names its words decides both (its actuality, and the past time expression nearest its
words).
"""

from __future__ import annotations

import re
from datetime import datetime

from kgmem import temporal
from kgmem.answer.actuality import actuality
from kgmem.answer.match import expand, terms


def _words_at(text: str, core: set[str]) -> list[re.Match[str]]:
    """The words of ``text`` that are words of the activity (folded, stemmed or by synonym)."""
    out = []
    for m in re.finditer(r"[\w'’-]+", text):
        t = terms(m.group(0))
        if t and (t | expand(t)) & core:
            out.append(m)
    return out


#: where a chat line's clauses meet: a comma, semicolon, colon or a spaced dash
_CLAUSE_EDGE = re.compile(r"\s*[,;:]\s*|\s+[-–—]\s+")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|we|we're|we've|our|us)\b", re.I)


def own_clause_actual(text: str, core: set[str]) -> bool:
    """The clause naming the activity's words is the user's own actual doing ("Went to my first
    Spanish class on Saturday, the teacher is from Seville"), though another clause is not. A
    clause that is not the line's first must say "I"/"my" itself: one with no subject leans on the
    clause before it ("Priya trained for months, ran the marathon on Sunday")."""
    pieces = [p for p in _CLAUSE_EDGE.split(text) if p.strip()]
    named = [(k, p) for k, p in enumerate(pieces) if _words_at(p, core)]
    if not named or len(pieces) < 2:
        return False
    return all(len(p.split()) >= 3 and (k == 0 or _FIRST_PERSON.search(p)) and actuality(p) == "actual"
               for k, p in named)


def clause_time(text: str, said_at: datetime, core: set[str]) -> tuple[datetime, str] | None:
    """The past time expression nearest the activity's words, when the line names more than one
    ("Spent New Year's Day on the sofa, but on the 3rd I started couch to 5k" → the 3rd)."""
    spans = [s for s in temporal.find_time_expressions(text, said_at) if not s.resolved.future and not s.resolved.ahead]
    found = _words_at(text, core)
    if len(spans) < 2 or not found:
        return None
    at = found[0].start()
    best = min(spans, key=lambda s: min(abs(s.start_char - at), abs(s.end_char - at)))
    return best.resolved.point, best.resolved.granularity
