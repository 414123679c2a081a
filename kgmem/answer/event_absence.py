"""A span of doing without a thing: from the day it went to the day it came back.

"How long was I without my phone?" is told as "Smashed my phone screen on Wednesday" … "Phone came
back from the repair shop today", "how many days were we without heating" as "The boiler packed in
on Sunday night" … "the heating works again". Neither line says "without", and the going is told in
any verb (smashed, packed in, was stolen, went in for repairs), so the going is not read from a word
list: the span ends at the first of the user's lines about the thing that tells it back (the
restoring words of general English: back, again, fixed, repaired, returned, working), and starts at
the nearest line before it about the thing (its words, else the sentence closest to it in meaning)
that does not.
"""

from __future__ import annotations

import re

from kgmem.answer.event_mentions import mentions
from kgmem.answer.event_spec import EventMatch, line_roles
from kgmem.answer.event_time import when as when_of
from kgmem.answer.evidence import EvidenceSet

#: "without my phone", "being without heating", "with no car"
_WITHOUT = re.compile(r"^\W*(?:(?:be|being|been|go|going|went|gone)\s+)?(?:without|with\s+no)\s+"
                      r"(?:(?:my|our|the|a|an|any)\s+)?(?P<thing>.+?)\s*$", re.I)
#: a thing told back in use: the restoring words of general English
_BACK = re.compile(r"\b(?:back|again|fixed|repaired|mended|returned|restored|replaced|sorted|working|works)\b", re.I)
#: a going line must be this close in meaning to the thing when its words do not name it
MEANING_MIN = 0.35


def absent_thing(activity: str) -> str | None:
    """The thing of a "without X" span ("without my phone" → "phone"), else ``None``."""
    m = _WITHOUT.match(activity)
    return m.group("thing") if m else None


def absence_span(activity: str, ev: EvidenceSet) -> tuple[EventMatch, EventMatch] | None:
    """The day the thing went and the day it came back, or ``None`` when no line tells it back or
    none before that tells it gone."""
    thing = absent_thing(activity)
    if thing is None:
        return None
    told = mentions(thing, ev) or mentions(thing, ev, deep=True)
    for end in sorted((m for m in told if _BACK.search(m.text)), key=lambda m: (m.when, m.said_at)):
        before = [m for m in told if m.when < end.when and m.turn_id != end.turn_id]
        # a going line may say "back" of something else ("I'm back on my old Nokia until it's fixed")
        before = [m for m in before if not _BACK.search(m.text)] or before or _by_meaning(thing, end, ev)
        if before:
            return max(before, key=lambda m: (m.when, m.said_at)), end
    return None


def _by_meaning(thing: str, end: EventMatch, ev: EvidenceSet) -> list[EventMatch]:
    """The user's actual sentences before the end whose turn is close in meaning to the thing
    ("The boiler packed in" for "heating"): the closest one."""
    sims = ev.result.phrase_similarity(thing)
    out = []
    for line in ev.all_user_lines():
        if line.actuality != "actual" or line.turn_id == end.turn_id or _BACK.search(line.text):
            continue
        when, gran, _ = when_of(line, ev)
        score = sims.get(line.turn_id, 0.0)
        if when < end.when and score >= MEANING_MIN:
            out.append(EventMatch(when, score, line.text, line.said_at, gran, line=line, roles=line_roles(line)))
    return [max(out, key=lambda m: m.score)] if out else []
