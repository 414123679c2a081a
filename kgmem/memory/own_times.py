"""The user's own time for a thing, told by calling the held time gone (issue #13 item 7: "the user's
own time or stay").

"Haircut is Saturday at 10:00." … later: "Salon texted, Saturday 10:00 is gone, I've got 11:30 now";
"Dentist is 11:20 on the 6th." … "11:20 is gone, I've got 14:50"; "LNER cancelled my 17:32, I've been
put on the 18:04". The new time is said in a clause about the user ("I've got", "I've been put on"),
which names neither the thing nor its attribute, so no reading of the clause gives the thing's slot a
value. The sentence does name the slot, by its held time of day, and says it is gone or cancelled;
the one other time of day the sentence says is the slot's new value.

Only a held time of another person's or thing's single-valued time slot (``scheduled_for``, ``due_date``)
stated in an earlier session, said as a time of day; only when exactly one held slot's time is said
so, and the sentence says exactly one other time of day; never in a question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.entity_text import statement
from kgmem.extraction.schema import CandidateFact
from kgmem.lexicon.gone import gone_after
from kgmem.models import Fact, Session
from kgmem.text import SENTENCE_OR_LINE_GAP

if TYPE_CHECKING:
    from kgmem.memory.entities import EntityResolver

#: a time of day written as one ("11:20", "7.45pm", "6pm"); its digits and separator
_CLOCK = re.compile(r"(?<![\w:.])\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?(?![\w:])", re.IGNORECASE)
#: words before a time that call it off ("cancelled my 17:32", "lost the 9:15")
_CALLED_OFF = re.compile(r"\b(?:cancel+(?:ed|led)?|scrapp?(?:ed)?|lost|dropp?ed|bumped\s+(?:me\s+)?off)\s+(?:my|our|the|his|her|their)?\s*$")
_TIME_SLOTS = ("scheduled_for", "due_date")


def _clocks(text: str) -> list[re.Match[str]]:
    """Times of day in a text: with a colon or dot and minutes, or with am/pm."""
    return [m for m in _CLOCK.finditer(text) if re.search(r"[:.]\d\d|am|pm", m.group(0), re.IGNORECASE)]


def _key(clock: str) -> str:
    """A time of day without its separator, leading zero and spaces ("06:40" = "6.40")."""
    return re.sub(r"[\s:.]", "", clock.casefold()).lstrip("0")


def _gone(text: str, m: re.Match[str]) -> bool:
    return gone_after(text, m.end()) or bool(_CALLED_OFF.search(text[max(0, m.start() - 30): m.start()]))


def own_times(session: Session, resolver: EntityResolver,
              slots: Mapping[tuple[str, str], Mapping[str, Fact]]) -> list[CandidateFact]:
    """The new times of held time slots the session's user sentences give (module docstring)."""
    held: dict[str, list[tuple[str, Fact]]] = {}  # a time of day -> (entity id, its current fact)
    for (eid, pred), slot in slots.items():
        if eid == resolver.user.id or pred not in _TIME_SLOTS:
            continue
        for f in slot.values():
            if f.invalid_at is None and f.session_id != session.id:
                for m in _clocks(f.value or ""):
                    held.setdefault(_key(m.group(0)), []).append((eid, f))
    if not held:
        return []
    out: list[CandidateFact] = []
    for turn in session.turns:
        if turn.role != "user":
            continue
        for sentence in SENTENCE_OR_LINE_GAP.split(turn.text):
            if sentence.strip().endswith("?"):
                continue
            text = re.sub(r"\s+", " ", sentence.casefold())
            clocks = _clocks(text)
            old = [(m, held[_key(m.group(0))]) for m in clocks if _key(m.group(0)) in held and _gone(text, m)]
            new = {_key(m.group(0)): m.group(0) for m in clocks if _key(m.group(0)) not in held}
            if len(old) != 1 or len(old[0][1]) != 1 or len(new) != 1:
                continue
            eid, fact = old[0][1][0]
            ent = resolver.entity(eid)
            if ent is None:
                continue
            value = next(iter(new.values()))
            day = session.started_at
            out.append(CandidateFact(
                subject=ent.name, subject_type=ent.type, predicate=fact.predicate, value=value,
                text=f"{statement(ent.name, fact.predicate, value)} ({sentence.strip()})"[:300],
                valid_from=datetime(day.year, day.month, day.day), granularity="day", speaker="user",
                source_turns=[turn.idx], confidence=0.6))
    return out


__all__ = ["own_times"]
