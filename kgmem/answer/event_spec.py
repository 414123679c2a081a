"""An event phrase as an activity and a role, and what a match of it is.

"finish painting the fence" is the activity "painting the fence" at the role *finish*; "my first
negative one" carries the ordinal *first*. A match (:class:`EventMatch`) is one dated user line
(or fact) chosen for a phrase, with the roles its words carry and, when another candidate on a
different date matched as well, that candidate (``tie``). Which lines mention an activity is
:mod:`kgmem.answer.event_mentions`; which mention answers a phrase is :mod:`kgmem.answer.events`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from kgmem.answer.event_roles import event_roles
from kgmem.answer.evidence import Line
from kgmem.models import Fact

#: words that name a point of an activity, not the activity ("the *first* session", "*got back* from")
_ROLE_WORDS = re.compile(
    r"\b(?:start(?:ed|ing|s)?|beg[ia]n(?:ning|s)?|begun|kick(?:ed)?\s+off|first|initial|finish(?:ed|ing|es)?|"
    r"end(?:ed|ing|s)?|the\s+end\s+of|last|final|complet(?:e|ed|ing)|wrap(?:ped)?\s+up|done\s+with|over|"
    r"get\s+back\s+from|got\s+back\s+from|come\s+back\s+from|came\s+back\s+from|go\s+back|went\s+back|"
    r"go\s+home|went\s+home|back\s+home|leave|left|arrive(?:d)?\s+(?:at|in)?|graduat(?:e|ed|ing)\s+from|"
    r"hand(?:ed)?\s+in|submit(?:ted)?|sign(?:ed)?\s+up\s+for|sign(?:ed|ing)?\s+(?:me\s+|us\s+)?off|join(?:ed)?|"
    r"enrol+(?:ed)?\s+in|being|was|were)\b",
    re.I)


#: how the speaker feels about when it happened, not what happened ("did I *finally* have my op")
_STANCE = re.compile(r"\b(?:finally|eventually|actually|really|officially|ever|just|already|ultimately|at\s+(?:long\s+)?last|"
                     r"once\s+and\s+for\s+all)\b", re.I)


def line_roles(line: Line) -> set[str]:
    """The distinct event roles a line carries, by its words and its constructions."""
    return set(_roles(line.text))


@lru_cache(maxsize=8192)
def _roles(text: str) -> frozenset[str]:
    return frozenset(event_roles(text))


@dataclass
class EventSpec:
    """An event phrase as an activity plus the point of it asked about."""

    phrase: str
    activity: str
    role: str | None  # "start" | "finish" | another distinct role | None
    #: "first" / "last" when the phrase puts an ordinal before the activity ("my first negative one")
    ordinal: str | None = None


def parse_spec(phrase: str) -> EventSpec:
    """"finish painting the fence" → activity "painting the fence", role finish."""
    roles = event_roles(phrase)
    role = "finish" if "finish" in roles else "start" if "start" in roles else next(iter(sorted(roles)), None)
    if role is None and re.search(r"\b(?:get|got|come|came|go|went|flew|fly)\s+(?:back|home)\b|\bleave\b|\bleft\b",
                                  phrase, re.I):
        role = "finish"
    if role is None and re.search(r"\barriv|\bbegin\b|\bstart\b", phrase, re.I):
        role = "start"
    if role is None and re.search(r"\bends?\b|\bover\b", phrase, re.I):
        role = "finish"
    activity = re.sub(r"\s+", " ", _STANCE.sub(" ", _ROLE_WORDS.sub(" ", phrase))).strip(" ,.?!")
    activity = re.sub(r"^(?:the|my|our|a|an|of|to|i|we|did|do)\s+", "", activity, flags=re.I)
    # "the last time I went to the dentist", "my most recent blood donation": the doing, its ordinal said apart
    activity = re.sub(r"^(?:(?:most|more)\s+recent(?:ly)?|latest|earliest)\s+", "", activity, flags=re.I)
    activity = re.sub(r"^(?:time|occasion)\s+(?:(?:that|when)\s+)?(?:i|we|you)\s+", "", activity, flags=re.I)
    ordinal = "first" if re.search(r"\b(?:first|earliest)\b", phrase, re.I) else "last" if re.search(
        r"\b(?:last|final|latest|(?:most|more)\s+recent(?:ly)?)\b", phrase, re.I) else None
    return EventSpec(phrase, activity or phrase, role, ordinal)


@dataclass
class EventMatch:
    """The evidence chosen for an event phrase."""

    when: datetime
    score: float
    text: str
    said_at: datetime
    granularity: str = "day"
    fact: Fact | None = None
    line: Line | None = None
    #: a different-date candidate that matched as well (the answer must say so)
    tie: EventMatch | None = None
    roles: set[str] = field(default_factory=set)

    @property
    def turn_id(self) -> str | None:
        if self.line is not None:
            return self.line.turn_id
        return self.fact.source_turn_ids[0] if self.fact and self.fact.source_turn_ids else None

    def cite(self) -> str:
        """"'I finished the course three days ago' (said 2023-05-04)"."""
        return f"\"{self.text.strip()[:140]}\" (said {self.said_at.date().isoformat()})"


def one_per_turn(ms: list[EventMatch]) -> list[EventMatch]:
    """The best-scored match of each turn (a turn tells one event)."""
    best: dict[str, EventMatch] = {}
    for m in ms:
        key = m.turn_id or m.text
        if key not in best or m.score > best[key].score:
            best[key] = m
    return list(best.values())
