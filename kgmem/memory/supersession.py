"""Pure reconciliation decisions: a new candidate fact against the facts already in its slot.

A *slot* is ``(user, subject, predicate)``. No I/O, no model: the decision is a function of the
new fact, the slot's existing facts (current and superseded) and their times, so it is testable
on its own (Graphiti's invalidation as a pure function).

Ordering uses ``observed_at`` (the session that said it), then the first source turn index, then
the id — so a session that arrives late (ingested out of order) is slotted into the chain where
it belongs in time, not at the end. Nothing is ever deleted: a superseded fact keeps its text and
history and gets ``invalid_at`` = the superseding statement's ``observed_at``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from kgmem.ids import normalise_name
from kgmem.models import Fact, Supersession
from kgmem.predicates import is_single_valued


class Action(str, enum.Enum):
    ADD = "add"  # a new fact; nothing replaced
    SUPERSEDE = "supersede"  # a new fact that replaces (and/or is replaced by) slot neighbours
    MERGE = "merge"  # the same fact again: more evidence on an existing fact
    NOOP = "noop"  # nothing new (the exact same fact, same evidence)


@dataclass
class Decision:
    """What to write for one candidate.

    ``fact``: the fact to upsert (the new one for ADD/SUPERSEDE, the updated existing one for
    MERGE, None for NOOP). ``supersessions``/``retracted``: SUPERSEDES edges to add/remove.
    ``invalidations``: existing fact id → its new ``invalid_at``.
    """

    action: Action
    fact: Fact | None = None
    supersessions: list[Supersession] = field(default_factory=list)
    retracted: list[Supersession] = field(default_factory=list)
    invalidations: dict[str, datetime] = field(default_factory=dict)
    reason: str = ""


def same_value(a: Fact, b: Fact) -> bool:
    """Two facts state the same value (entity id when both have one, else normalised text)."""
    if a.object_id and b.object_id:
        return a.object_id == b.object_id
    return normalise_name(a.value or "") == normalise_name(b.value or "")


def _first_turn(f: Fact) -> int:
    idxs = []
    for tid in f.source_turn_ids:
        tail = tid.rsplit(":", 1)[-1]
        if tail.isdigit():
            idxs.append(int(tail))
    return min(idxs) if idxs else 0


def order_key(f: Fact) -> tuple[datetime, int, str]:
    """Chronological order of statements in a slot."""
    return (f.observed_at, _first_turn(f), f.id)


def _merge_into(existing: Fact, new: Fact) -> Fact:
    turns = list(dict.fromkeys([*existing.source_turn_ids, *new.source_turn_ids]))
    update: dict[str, object] = {
        "source_turn_ids": turns,
        # repeated evidence raises confidence, bounded
        "confidence": min(1.0, max(existing.confidence, new.confidence) + 0.05),
    }
    if existing.valid_from is None and new.valid_from is not None:
        update.update(valid_from=new.valid_from, valid_to=new.valid_to, granularity=new.granularity)
    return existing.model_copy(update=update)


def decide(candidate: Fact, existing: Sequence[Fact]) -> Decision:
    """Reconcile ``candidate`` with ``existing`` facts of the same (user, subject, predicate) slot.

    - exact same fact (same id, no new evidence) → NOOP;
    - multi-valued predicate: same value → MERGE evidence, else ADD;
    - single-valued: place the candidate in the slot's chronology. If its chronological
      predecessor states the same value → MERGE into it. Otherwise the candidate SUPERSEDES the
      predecessor (predecessor.invalid_at = candidate.observed_at); and if a later statement
      exists (out-of-order arrival), that later one supersedes the candidate instead of the
      predecessor — the direct later→predecessor edge is retracted, so the chain re-links.
    """
    for f in existing:
        if f.id == candidate.id:
            merged = _merge_into(f, candidate)
            if merged.source_turn_ids == f.source_turn_ids and merged.valid_from == f.valid_from:
                return Decision(Action.NOOP, reason="same fact already stored")
            return Decision(Action.MERGE, fact=merged, reason="same fact, new evidence")

    if not is_single_valued(candidate.predicate):
        for f in sorted(existing, key=order_key):
            # the same value at a different known date is another occurrence (a second trip)
            dated_apart = (f.valid_from is not None and candidate.valid_from is not None
                           and f.valid_from.date() != candidate.valid_from.date())
            if same_value(f, candidate) and not dated_apart:
                return Decision(Action.MERGE, fact=_merge_into(f, candidate),
                                reason="multi-valued slot already holds this value")
        return Decision(Action.ADD, fact=candidate, reason="multi-valued slot: new value")

    chain = sorted(existing, key=order_key)
    key = order_key(candidate)
    before = [f for f in chain if order_key(f) < key]
    after = [f for f in chain if order_key(f) > key]
    prev = before[-1] if before else None
    nxt = after[0] if after else None

    if prev is not None and same_value(prev, candidate):
        return Decision(Action.MERGE, fact=_merge_into(prev, candidate),
                        reason="same value as the slot's value at that time")
    if nxt is not None and same_value(nxt, candidate) and prev is None:
        # an earlier statement of the value already stored later: fold it into that fact
        return Decision(Action.MERGE, fact=_merge_into(nxt, candidate),
                        reason="earlier evidence for the first stored value")

    new = candidate
    sups: list[Supersession] = []
    retracted: list[Supersession] = []
    inval: dict[str, datetime] = {}
    if prev is not None:
        sups.append(Supersession(user_id=new.user_id, new_fact_id=new.id, old_fact_id=prev.id,
                                 at=new.observed_at))
        inval[prev.id] = new.observed_at
    if nxt is not None:
        new = new.model_copy(update={"invalid_at": nxt.observed_at})
        sups.append(Supersession(user_id=new.user_id, new_fact_id=nxt.id, old_fact_id=new.id,
                                 at=nxt.observed_at))
        if prev is not None:
            retracted.append(Supersession(user_id=new.user_id, new_fact_id=nxt.id,
                                          old_fact_id=prev.id, at=nxt.observed_at))
    else:
        new = new.model_copy(update={"invalid_at": None})
    if not sups:
        return Decision(Action.ADD, fact=new, reason="first value of a single-valued slot")
    return Decision(Action.SUPERSEDE, fact=new, supersessions=sups, retracted=retracted,
                    invalidations=inval,
                    reason="out-of-order: slotted between stored facts" if nxt is not None and prev is not None
                    else ("older than the stored value" if nxt is not None else "newer value replaces older"))
