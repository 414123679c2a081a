"""Earlier values of the user's slots said in passing, stored as history (session 28, oe28).

Extraction gives a value the user tells as held before ("back when I lived in Manchester", "my previous phone,
a Pixel 5", "since leaving Barclays": :mod:`kgmem.extraction.zero.past_values`) as an *earlier value*: the
candidate carries ``valid_to`` and no ``valid_from`` (:func:`kgmem.predicates.told_as_earlier`). Memory never
makes it the current value; it joins the slot's history before what the slot already holds:

- said before: where an earlier user turn said the value (the latest one, before the slot's first stored
  value, telling of no other person: "Cracked the screen on my Pixel 8a again" before "Traded in my Pixel 8a"),
  it is recalled from that turn, dated at that turn's session, as :mod:`.user_news` recalls a value a change
  names; a value recalled so that nothing later in the slot supersedes it ends when the message said it was
  over (:func:`still_current`);
- else it is stored from the message, held until the slot's first stored value began (or until the day it was
  said, when the slot holds nothing), so that value supersedes it, by the one out-of-order linking of
  :func:`kgmem.memory.supersession.decide`; with nothing after it, it is not current from the start.

A value the slot already holds (current or past) is left alone: the message adds no history, and the current
value is not ended by a word of the past alone. Pure functions of the sessions and the slots; no store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta

from kgmem.extraction.schema import CandidateFact
from kgmem.ids import plain_name
from kgmem.memory.user_news import Earlier, recall_turn, said_as_old, tells_of_others
from kgmem.memory.user_things import let_go_unheld
from kgmem.models import Fact, Session
from kgmem.predicates import told_as_earlier

#: how long before the slot's first known value an earlier value is dated to end (strictly before it, so every
#: reader of the slot's order puts it first)
_JUST = timedelta(seconds=1)
#: how confident a recalled first statement is (as a value a change names: below a reader's own reading)
CONFIDENCE = 0.55


def split_earlier(candidates: Sequence[CandidateFact]) -> tuple[list[CandidateFact], list[CandidateFact]]:
    """(the candidates that tell what holds, the user's earlier values)."""
    now: list[CandidateFact] = []
    before: list[CandidateFact] = []
    for c in candidates:
        (before if c.subject == "user" and told_as_earlier(c.predicate, c.valid_from, c.valid_to) else now).append(c)
    return now, before


def user_slots(slots: Mapping[tuple[str, str], Mapping[str, Fact]], user_id: str) -> dict[str, Mapping[str, Fact]]:
    """The user's slots of a manager's index (entity id, predicate) → facts, by predicate."""
    return {pred: slot for (eid, pred), slot in slots.items() if eid == user_id}


def placed(session: Session, earlier: Sequence[CandidateFact], slots: Mapping[str, Mapping[str, Fact]],
           turns_before: Earlier) -> list[tuple[Session, CandidateFact, bool]]:
    """Each earlier value the slot does not hold yet, with the session to store it under and whether it was
    recalled from an earlier turn. ``slots``: the user's facts by predicate."""
    out: list[tuple[Session, CandidateFact, bool]] = []
    seen: set[tuple[str, str]] = set()
    for c in earlier:
        slot = list(slots.get(c.predicate, {}).values())
        key = (c.predicate, plain_name(c.value))
        if key in seen or any(plain_name(f.value or "") == key[1] for f in slot):
            continue
        seen.add(key)
        first = min((f.observed_at for f in slot), default=None)
        found = recall_turn(c.value, session, turns_before)
        if found is not None and (first is None or found[0].started_at < first):
            s, t = found
            day = s.started_at
            out.append((s, CandidateFact(
                subject="user", predicate=c.predicate, value=c.value, value_type=c.value_type, text=t.text[:300],
                valid_from=datetime(day.year, day.month, day.day), granularity="day", speaker="user",
                source_turns=[t.idx], confidence=CONFIDENCE), True))
            continue
        # the day this session said it (a cached reading of the same words said on another day carries that day)
        end = datetime(session.started_at.year, session.started_at.month, session.started_at.day)
        # held until just before the first value memory knows of (that one supersedes it), or until said
        out.append((session, c.model_copy(update={"valid_to": min(end, first - _JUST) if first else end}), False))
    return out


def store_earlier(session: Session, earlier: Sequence[CandidateFact], slots: Mapping[str, Mapping[str, Fact]],
                  turns_before: Earlier, reconcile: Callable[[Session, CandidateFact], None]) -> list[tuple[str, str]]:
    """Reconcile each earlier value :func:`placed` keeps (``reconcile(session, candidate)``: into the user's
    slot); return the (predicate, plain value) of those recalled from an earlier turn."""
    recalled: list[tuple[str, str]] = []
    held = {p: f for p, slot in slots.items() for f in slot.values() if f.invalid_at is None}
    earlier = [*earlier, *let_go_unheld(session, held, tells_of_others, said_as_old)]  # "Traded in my Pixel 8a …"
    for s, c, again in placed(session, earlier, slots, turns_before):
        reconcile(s, c)
        if again:
            recalled.append((c.predicate, plain_name(c.value)))
    return recalled


def still_current(recalled: Sequence[tuple[str, str]], slots: Mapping[str, Mapping[str, Fact]]) -> list[Fact]:
    """The recalled values nothing in their slot superseded: the message that named them said they were over."""
    return [f for pred, value in recalled for f in slots.get(pred, {}).values()
            if f.invalid_at is None and plain_name(f.value or "") == value]
