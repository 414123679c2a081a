"""Pure reconciliation decisions: a new candidate fact against the facts already in its slot.

A *slot* is ``(user, subject, predicate)``. No I/O, no model: the decision is a function of the
new fact, the slot's existing facts (current and superseded) and their times, so it is testable
on its own (Graphiti's invalidation as a pure function).

Ordering uses ``observed_at`` (the session that said it), then the first source turn index, then
the session and fact ids — so a session that arrives late (ingested out of order) is slotted into
the chain where it belongs in time, not at the end, and the final graph does not depend on the
order sessions arrived in: the same facts, values, times, evidence and chains (the id of a fact
whose first statement arrived after a later one may differ, and a re-assertion split out of a
stored merge has no resolved dates of its own). Nothing is ever deleted: a superseded fact keeps
its text and history and gets ``invalid_at`` = the superseding statement's ``observed_at``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from kgmem.ids import fact_id, normalise_name
from kgmem.models import Fact, Supersession
from kgmem.predicates import is_single_valued, told_as_earlier


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
    #: further facts to upsert (a stored fact split around an out-of-order statement)
    also: list[Fact] = field(default_factory=list)


def same_value(a: Fact, b: Fact) -> bool:
    """Two facts state the same value (entity id when both have one, else normalised text)."""
    if a.object_id and b.object_id:
        return a.object_id == b.object_id
    return normalise_name(a.value or "") == normalise_name(b.value or "")


def _turn_index(tid: str) -> int:
    tail = tid.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _first_turn(f: Fact) -> int:
    """The turn of the fact's first statement (in its own session; merged evidence from later
    sessions has its own turn numbers)."""
    idxs = [_turn_index(t) for t in f.source_turn_ids
            if t.rsplit(":", 1)[0] == f.session_id and t.rsplit(":", 1)[-1].isdigit()]
    return min(idxs) if idxs else 0


def earlier_value(f: Fact) -> bool:
    """``f`` states an earlier value, held until its ``valid_to`` ("back when I lived in Leeds":
    :mod:`kgmem.memory.past_values`)."""
    return told_as_earlier(f.predicate, f.valid_from, f.valid_to)


def order_key(f: Fact) -> tuple[datetime, int, str, str]:
    """Chronological order of statements in a slot (the session id, then the fact id, only
    break exact ties, so the order never depends on which statement arrived first). An earlier
    value said in passing sits where it ended, before any statement of that moment."""
    if earlier_value(f) and f.valid_to is not None:
        return (f.valid_to, -1, f.session_id, f.id)
    return (f.observed_at, _first_turn(f), f.session_id, f.id)


def _joins(before: Fact, after: Fact) -> bool:
    """Two neighbouring statements (in slot order) are one run: the same value, and not a value held again after
    it was told as an earlier one ("back when I drove a Golf" then "I drive a Golf again": a new run). A plain
    statement before an earlier value of the same value is that value held, before it ended ("The Mazda CX-5 is
    rattling again", then "the dealer took the old Mazda CX-5")."""
    return same_value(before, after) and not (earlier_value(before) and not earlier_value(after))


Times = Mapping[str, datetime]


def _evidence_key(tid: str, fact: Fact, times: Times) -> tuple[datetime, int, str]:
    """When one piece of evidence (a source turn) was said: its session's start, its turn index."""
    sid = tid.rsplit(":", 1)[0]
    return (times.get(sid, fact.observed_at), _turn_index(tid), sid)


def _combine(existing: Fact, new: Fact, times: Times) -> Fact:
    """``existing`` with ``new``'s evidence; the result is the same whichever arrived first.

    The earlier statement gives the fact its session, time and wording; source turns are kept
    in chronological order; confidence is the highest seen (max is order-independent)."""
    first, second = (new, existing) if order_key(new) < order_key(existing) else (existing, new)
    turns = sorted(set(existing.source_turn_ids) | set(new.source_turn_ids),
                   key=lambda t: _evidence_key(t, first, times))
    update: dict[str, object] = {
        "source_turn_ids": turns, "confidence": max(existing.confidence, new.confidence),
        "observed_at": first.observed_at, "session_id": first.session_id, "text": first.text,
        "speaker": first.speaker,
    }
    dated = first if first.valid_from is not None else second
    update.update(valid_from=dated.valid_from, valid_to=dated.valid_to, granularity=dated.granularity)
    return existing.model_copy(update=update)


def _sessions_times(candidate: Fact, existing: Sequence[Fact], times: Times | None) -> dict[str, datetime]:
    out = {f.session_id: f.observed_at for f in [*existing, candidate]}
    out.update(times or {})
    return out


def decide(candidate: Fact, existing: Sequence[Fact], session_times: Times | None = None) -> Decision:
    """Reconcile ``candidate`` with ``existing`` facts of the same (user, subject, predicate) slot.

    The outcome does not depend on arrival order: a single-valued slot ends up as the runs of
    equal values of all its statements sorted by time, one fact per run (the run's first
    statement gives its session and time), each superseding the run before it.

    - exact same fact (same id, no new evidence) → NOOP;
    - multi-valued predicate: same value → MERGE evidence, else ADD;
    - single-valued: the candidate joins the run of its chronological neighbour when it states
      the same value (MERGE); a different value said between two statements of one stored fact
      splits that fact (the later statements become a new fact that supersedes the candidate);
      otherwise the candidate SUPERSEDES its predecessor and, when a later statement exists
      (out-of-order arrival), is superseded by it — the direct later→predecessor edge is
      retracted, so the chain re-links.

    ``session_times`` (session id → start) dates the evidence a merged fact holds from other
    sessions; without it only each fact's own session is dated. One thing a split cannot
    restore: the resolved dates (valid_from) of a statement that was merged into an earlier
    one — a merge keeps one set of dates per fact.
    """
    times = _sessions_times(candidate, existing, session_times)
    for f in existing:
        if f.id == candidate.id:
            merged = _combine(f, candidate, times)
            if merged.source_turn_ids == f.source_turn_ids and merged.valid_from == f.valid_from:
                return Decision(Action.NOOP, reason="same fact already stored")
            return Decision(Action.MERGE, fact=merged, reason="same fact, new evidence")

    if not is_single_valued(candidate.predicate):
        return _decide_multi(candidate, existing, times)

    chain = sorted(existing, key=order_key)
    key = order_key(candidate)
    for i, f in enumerate(chain):
        if not same_value(f, candidate) and not earlier_value(f):  # an earlier value's words are no later statement
            later = [t for t in f.source_turn_ids if _evidence_key(t, f, times) > key[:3]]
            if later and order_key(f) < key:
                return _split(candidate, chain, i, later, times)
    before = [f for f in chain if order_key(f) < key]
    after = [f for f in chain if order_key(f) > key]
    prev = before[-1] if before else None
    nxt = after[0] if after else None

    if prev is not None and _joins(prev, candidate):
        return Decision(Action.MERGE, fact=_combine(prev, candidate, times),
                        reason="same value as the slot's value at that time")
    if nxt is not None and _joins(candidate, nxt):
        # an earlier statement of a stored value: that value's run now starts earlier
        merged = _combine(nxt, candidate, times)
        d = Decision(Action.MERGE, fact=merged, reason="earlier evidence for a stored value")
        if prev is not None:
            d.supersessions.append(Supersession(user_id=merged.user_id, new_fact_id=merged.id,
                                                old_fact_id=prev.id, at=merged.observed_at))
            d.invalidations[prev.id] = merged.observed_at
        return d
    return _between(candidate, prev, nxt)


def _decide_multi(candidate: Fact, existing: Sequence[Fact], times: Times) -> Decision:
    for f in sorted(existing, key=order_key):
        # the same value at a different known date is another occurrence (a second trip)
        dated_apart = (f.valid_from is not None and candidate.valid_from is not None
                       and f.valid_from.date() != candidate.valid_from.date())
        if same_value(f, candidate) and not dated_apart:
            return Decision(Action.MERGE, fact=_combine(f, candidate, times),
                            reason="multi-valued slot already holds this value")
    return Decision(Action.ADD, fact=candidate, reason="multi-valued slot: new value")


def _between(candidate: Fact, prev: Fact | None, nxt: Fact | None) -> Decision:
    """A new value slotted after ``prev`` and before ``nxt`` (either may be missing)."""
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
    else:  # the latest statement holds now, unless it tells a value held before
        new = new.model_copy(update={"invalid_at": new.observed_at if earlier_value(new) else None})
    if not sups:
        return Decision(Action.ADD, fact=new, reason="first value of a single-valued slot")
    return Decision(Action.SUPERSEDE, fact=new, supersessions=sups, retracted=retracted,
                    invalidations=inval,
                    reason="out-of-order: slotted between stored facts" if nxt is not None and prev is not None
                    else ("older than the stored value" if nxt is not None else "newer value replaces older"))


def _part(base: Fact, turns: list[str], times: Times) -> Fact:
    """``base`` restricted to ``turns`` (a stored merge split around a late statement): the first
    of those turns gives its session and time. A part that does not start with ``base``'s own
    session gets no dates: a stored merge does not keep each statement's resolved dates apart,
    and its observed_at says when the value was said again."""
    turns = sorted(turns, key=lambda t: _evidence_key(t, base, times))
    start, _, sid = _evidence_key(turns[0], base, times)
    update: dict[str, object] = {"source_turn_ids": turns, "session_id": sid, "observed_at": start}
    if sid != base.session_id:
        update.update(valid_from=None, valid_to=None, granularity="unknown")
    return base.model_copy(update=update)


def _split(candidate: Fact, chain: Sequence[Fact], i: int, later: list[str], times: Times) -> Decision:
    """``chain[i]`` holds statements from before and after ``candidate`` (another value): it
    keeps the earlier ones, the later ones become a re-assertion fact, and the chain re-links
    ``predecessor → earlier part → candidate → re-assertion → whatever superseded the stored
    fact``. Each part gets the id its first session gives it (as in-order ingest would); the
    stored id stays on the part that holds its session."""
    old = chain[i]
    prv = chain[i - 1] if i > 0 else None
    nxt = chain[i + 1] if i + 1 < len(chain) else None
    later_set = set(later)
    parts = [_part(old, [t for t in old.source_turn_ids if t not in later_set], times),
             _part(old, later, times)]
    kept, again = (p.model_copy(update={"id": fact_id(old.user_id, old.subject_id, old.predicate,
                                                       old.value or "", p.session_id)}) for p in parts)
    if old.id not in (kept.id, again.id):
        kept = kept.model_copy(update={"id": old.id})
    kept = kept.model_copy(update={"invalid_at": candidate.observed_at})
    again = again.model_copy(update={"invalid_at": old.invalid_at})
    new = candidate.model_copy(update={"invalid_at": again.observed_at})
    uid = candidate.user_id

    def edge(a: str, b: str, at: datetime) -> Supersession:
        return Supersession(user_id=uid, new_fact_id=a, old_fact_id=b, at=at)

    sups = [edge(new.id, kept.id, new.observed_at), edge(again.id, new.id, again.observed_at)]
    retracted = []
    if prv is not None and kept.id != old.id:
        retracted.append(edge(old.id, prv.id, old.observed_at))
        sups.append(edge(kept.id, prv.id, kept.observed_at))
    if nxt is not None and again.id != old.id:
        retracted.append(edge(nxt.id, old.id, nxt.observed_at))
        sups.append(edge(nxt.id, again.id, nxt.observed_at))
    return Decision(Action.SUPERSEDE, fact=new, also=[kept, again], supersessions=sups,
                    retracted=retracted, invalidations={kept.id: candidate.observed_at},
                    reason="out-of-order: said between two statements of a stored value")
