"""Building a :class:`CandidateFact` from a (predicate, value, type) reading and the sentence's time."""

from __future__ import annotations

from datetime import datetime

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.sentences import Sentence
from kgmem.temporal import ResolvedTime

#: predicates of one-off happenings: a resolved time is their interval, not their start
INTERVAL_PREDICATES = frozenset({"attended", "visited", "watched", "read_book", "spent", "bought"})


def make_fact(sent: Sentence, pred: str, value: str, vtype: str | None, change: bool,
              when: ResolvedTime | None, date: datetime, *, subject: str = "user",
              confidence: float = 0.8, text: str | None = None) -> CandidateFact:
    """A candidate said in ``sent`` on ``date``, dated by ``when`` when the sentence said a time.

    With no time said, a state change ("I moved…", ``change``) is dated to the session's day and
    a lasting state ("I live in…") is left undated."""
    text = text or (f"User {pred.replace('_', ' ')}: {value}." if subject == "user"
                    else f"{subject} {pred.replace('_', ' ')}: {value}.")
    if when is not None:
        vt = when.end if pred in INTERVAL_PREDICATES else None
        return CandidateFact(subject=subject, predicate=pred, value=value, value_type=vtype, text=text,
                             time_text=when.text, valid_from=when.point, valid_to=vt,
                             granularity=when.granularity, speaker="user",
                             source_turns=[sent.turn], confidence=confidence)
    vf = datetime(date.year, date.month, date.day) if change else None
    return CandidateFact(subject=subject, predicate=pred, value=value, value_type=vtype, text=text,
                         valid_from=vf, granularity="day" if change else "unknown",
                         speaker="user", source_turns=[sent.turn], confidence=confidence)
