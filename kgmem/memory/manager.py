"""The memory manager: turns one session's candidate facts into a :class:`SessionWrite`.

Extraction proposes (:class:`~kgmem.extraction.schema.CandidateFact`); the manager resolves
entities, builds deterministic :class:`~kgmem.models.Fact` records, and reconciles each with the
facts already in its slot through the pure :func:`~kgmem.memory.supersession.decide`. It keeps an
in-memory index of the user's slots (loaded once from the store) so a whole haystack reconciles
without re-reading the store per fact.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from kgmem import ids
from kgmem.extraction.schema import CandidateFact
from kgmem.ids import normalise_name
from kgmem.memory.entities import EntityResolver
from kgmem.memory.supersession import Action, decide
from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Tally
from kgmem.predicates import is_single_valued
from kgmem.store.base import MemoryStore

_ENTITY_TYPES = {"place", "org", "person", "item", "entity"}
#: attributes of things other than the user (meetings, orders, teams): a later statement may name
#: the thing with another head noun ("the dentist rescheduled Leo"), so their slots match by meaning
_ENTITY_ATTRIBUTES = frozenset({"scheduled_for", "due_date", "venue", "status", "person_in_charge", "amount",
                                "provider", "name"})

#: the time of a thing, said as when it happens or when it is due: one slot
_WHEN = ("scheduled_for", "due_date")


@dataclass
class ReconcileCounts(Tally):
    """What reconciliation did with a session's proposals (:meth:`add` sums another)."""

    added: int = 0
    superseded: int = 0
    merged: int = 0
    noop: int = 0


@dataclass
class PlannedWrite:
    """A SessionWrite not yet applied, with what reconciliation did."""

    write: SessionWrite
    counts: ReconcileCounts = field(default_factory=ReconcileCounts)


class MemoryManager:
    """Reconciles candidates of one user's sessions against the store (one instance per user)."""

    def __init__(self, store: MemoryStore, user_id: str) -> None:
        self.store = store
        self.user_id = user_id
        self.resolver = EntityResolver(user_id, store.entities(user_id))
        self._slots: dict[tuple[str, str], dict[str, Fact]] = defaultdict(dict)
        #: slot views of the last planned (not yet committed) write
        self._pending: dict[tuple[str, str], dict[str, Fact]] = {}
        for f in store.facts(user_id):
            self._slots[(f.subject_id, f.predicate)][f.id] = f
        #: session id -> start, to date the evidence a merged fact holds from other sessions
        self._times: dict[str, datetime] = {s.id: s.started_at for s in store.sessions(user_id)}

    def plan_session(self, session: Session, candidates: Sequence[CandidateFact]) -> PlannedWrite:
        """Build the write for ``session`` (nothing is stored; the index is updated only by
        :meth:`commit`, after the store accepted the write)."""
        uid = self.user_id
        counts = ReconcileCounts()
        out_facts: dict[str, Fact] = {}
        invalidations: dict[str, datetime] = {}
        sups: list[Supersession] = []
        retracted: list[Supersession] = []
        entities: dict[str, Entity] = {}
        # slot views including this session's pending changes
        pending: dict[tuple[str, str], dict[str, Fact]] = {}
        resolver_before = {e.id: e for e in self.resolver.new_entities()}

        n_turns = len(session.turns)
        self._times[session.id] = session.started_at
        for cand in sorted(candidates, key=lambda c: (min(c.source_turns or [0]), c.predicate, c.value)):
            subject = self.resolver.user if cand.subject.strip().lower() in ("user", "i", "me") \
                else self._replaced_holder(cand, session.id, pending) \
                or self.resolver.resolve(cand.subject, cand.subject_type or "person",
                                         self._holders(cand.predicate, pending), cand.text)
            cand = self._one_time(cand, subject, pending)
            entities[subject.id] = subject
            obj_id: str | None = None
            if (cand.value_type or "") in _ENTITY_TYPES:
                obj = self.resolver.resolve(cand.value, cand.value_type or "thing")
                entities[obj.id] = obj
                obj_id = obj.id
            turn_ids = [ids.turn_id(session.id, i) for i in sorted(set(cand.source_turns)) if 0 <= i < n_turns]
            fact = Fact(
                id=ids.fact_id(uid, subject.id, cand.predicate, cand.value, session.id),
                user_id=uid, subject_id=subject.id, predicate=cand.predicate, object_id=obj_id,
                value=cand.value, text=cand.text or f"{subject.name} {cand.predicate} {cand.value}",
                valid_from=cand.valid_from, valid_to=cand.valid_to, granularity=cand.granularity,
                observed_at=session.started_at, confidence=cand.confidence, speaker=cand.speaker,
                session_id=session.id, source_turn_ids=turn_ids,
            )
            slot_key = (subject.id, cand.predicate)
            if slot_key not in pending:
                pending[slot_key] = dict(self._slots.get(slot_key, {}))
            slot = pending[slot_key]
            decision = decide(fact, list(slot.values()), self._times)
            if decision.action is Action.NOOP or decision.fact is None:
                counts.noop += 1
                continue
            if decision.action is Action.MERGE:
                counts.merged += 1
            elif decision.action is Action.SUPERSEDE:
                counts.superseded += 1
            else:
                counts.added += 1
            for new in (decision.fact, *decision.also):
                slot[new.id] = new
                out_facts[new.id] = new
            for fid, at in decision.invalidations.items():
                if fid in out_facts:
                    out_facts[fid] = out_facts[fid].model_copy(update={"invalid_at": at})
                else:
                    invalidations[fid] = at
                if fid in slot:
                    slot[fid] = slot[fid].model_copy(update={"invalid_at": at})
            sups.extend(decision.supersessions)
            for r in decision.retracted:
                # an edge added earlier in this very write is dropped; it may also be stored
                # already (re-linked with a new `at` above), so the store retracts it too
                pair = (r.new_fact_id, r.old_fact_id)
                sups = [s for s in sups if (s.new_fact_id, s.old_fact_id) != pair]
                retracted.append(r)

        # entities whose aliases changed or that are new in this resolver
        for e in self.resolver.new_entities():
            if e.id not in resolver_before or resolver_before[e.id] != e:
                entities[e.id] = e
        write = SessionWrite(
            user_id=uid, session=session, entities=list(entities.values()),
            facts=list(out_facts.values()), supersessions=sups, invalidations=invalidations,
            retracted_supersessions=retracted,
        )
        self._pending = pending
        return PlannedWrite(write=write, counts=counts)

    def _holders(self, predicate: str, pending: dict[tuple[str, str], dict[str, Fact]]) -> list[tuple[str, str]]:
        """(subject id, statement text) of the current facts of a single-valued ``predicate``
        about things other than the user, for slot identity across head nouns."""
        if not is_single_valued(predicate) or predicate not in _ENTITY_ATTRIBUTES:
            return []
        user_id = self.resolver.user.id
        preds = set(_WHEN) if predicate in _WHEN else {predicate}
        out: list[tuple[str, str]] = []
        for key in {*self._slots, *pending}:
            if key[1] not in preds or key[0] == user_id:
                continue
            slot = pending.get(key, self._slots.get(key, {}))
            out.extend((key[0], f.text) for f in slot.values() if f.invalid_at is None)
        return out

    def _current(self, key: tuple[str, str], pending: dict[tuple[str, str], dict[str, Fact]]) -> bool:
        return any(f.invalid_at is None for f in pending.get(key, self._slots.get(key, {})).values())

    def _one_time(self, cand: CandidateFact, subject: Entity,
                  pending: dict[tuple[str, str], dict[str, Fact]]) -> CandidateFact:
        """A thing has one time: "the essay is due Friday" then "they moved the essay to Monday"
        (read as when it happens) is a new value of the same slot, under the slot's predicate."""
        if cand.predicate not in _WHEN or subject.type != "thing":
            return cand
        other = _WHEN[1 - _WHEN.index(cand.predicate)]
        if self._current((subject.id, other), pending) and not self._current((subject.id, cand.predicate), pending):
            return cand.model_copy(update={"predicate": other})
        return cand

    def _replaced_holder(self, cand: CandidateFact, session_id: str,
                         pending: dict[tuple[str, str], dict[str, Fact]]) -> Entity | None:
        """The thing whose current value the statement names while giving a new one ("Linda Cho
        took over from Mr. Patel", "we switched the house over to Fibrely, bye Zing", "Ines left
        the studio, Kemal teaches the Saturday class now"): a new value for that thing's slot,
        however the thing is named. Only when the candidate's own name holds no such slot, the
        named value was stated in an earlier session, and exactly one thing holds it."""
        if cand.predicate not in _ENTITY_ATTRIBUTES or not is_single_valued(cand.predicate):
            return None
        own = self.resolver.lookup(cand.subject)
        if own is not None and any(f.invalid_at is None for f in pending.get(
                (own.id, cand.predicate), self._slots.get((own.id, cand.predicate), {})).values()):
            return None
        statement = normalise_name(cand.text.split(" (", 1)[-1])
        new_value = normalise_name(cand.value)
        hits: set[str] = set()
        for key in {*self._slots, *pending}:
            if key[1] != cand.predicate or key[0] == self.resolver.user.id:
                continue
            for f in pending.get(key, self._slots.get(key, {})).values():
                value = normalise_name(f.value or "")
                if f.invalid_at is None and f.session_id != session_id and len(value) > 2 and value != new_value \
                        and re.search(r"\b" + re.escape(value) + r"\b", statement):
                    hits.add(key[0])
        if len(hits) != 1:
            return None
        return self.resolver.entity(next(iter(hits)))

    def commit(self, planned: PlannedWrite) -> None:
        """Record a write the store accepted in the slot index."""
        for key, slot in self._pending.items():
            self._slots[key] = slot
        self._pending = {}

    def rollback(self) -> None:
        """Forget a planned write the store rejected (entity aliases stay: they are harmless)."""
        self._pending = {}
