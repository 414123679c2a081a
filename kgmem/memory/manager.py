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
from kgmem.extraction.schema import CandidateFact, SlotProbe
from kgmem.extraction.zero.entity_lookback import asks
from kgmem.ids import normalise_name, plain_name
from kgmem.memory.anchoring import ANCHOR_CUE, Anchored, Anchoring, Embed
from kgmem.memory.entities import EntityResolver
from kgmem.memory.lookback import Lookback, correction, is_person
from kgmem.memory.open_slots import open_subject
from kgmem.memory.past_values import split_earlier, still_current, store_earlier, user_slots
from kgmem.memory.supersession import Action, decide
from kgmem.memory.turn_values import held_by, news_of_turns
from kgmem.memory.user_news import named_changes
from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Tally
from kgmem.predicates import is_single_valued
from kgmem.store.base import MemoryStore
from kgmem.text import last_sentence

_ENTITY_TYPES = {"place", "org", "person", "item", "entity"}
#: attributes of things other than the user (meetings, orders, teams): a later statement may name
#: the thing with another head noun ("the dentist rescheduled Leo"), so their slots match by meaning
_ENTITY_ATTRIBUTES = frozenset({"scheduled_for", "due_date", "venue", "status", "person_in_charge", "amount",
                                "provider", "name"})

#: the time of a thing, said as when it happens or when it is due: one slot
_WHEN = ("scheduled_for", "due_date")
#: attributes that are one slot of an entity however a statement names it (a thing's time, said as when it happens or
#: when it is due; where a thing is, said as its venue or the organisation it is with; where a person is, said as their
#: home or where they are; a person's time, as a thing's: "my sister's due on the 9th" then "they're saying the 2nd
#: now"): a later value said under another attribute of the family is a new value of the attribute the entity holds
FAMILIES: dict[str, tuple[tuple[str, ...], ...]] = {"thing": (_WHEN, ("venue", "provider")), "person": (("lives_in", "venue"), _WHEN)}


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


def _family(predicate: str) -> str:
    """A thing's time is one slot, said as when it happens or when it is due."""
    return "when" if predicate in _WHEN else predicate


def _outvoted(cand: CandidateFact, subject: Entity, anchored: list[Anchored]) -> bool:
    """A reading of a turn that gives a held slot another value than the turn's correction said
    with a word of change ("book club's on wednesdays now cos rosa's started choir on thursdays":
    wednesdays, not thursdays): the correction's value stands."""
    plain = plain_name(cand.value)
    return any(a.entity.id == subject.id and _family(a.candidate.predicate) == _family(cand.predicate)
               and set(a.candidate.source_turns) & set(cand.source_turns) and a.plain != plain
               and a.candidate.confidence >= ANCHOR_CUE for a in anchored)


@dataclass
class _Plan:
    """One session's write under construction."""

    resolver_before: dict[str, Entity]
    counts: ReconcileCounts = field(default_factory=ReconcileCounts)
    facts: dict[str, Fact] = field(default_factory=dict)
    invalidations: dict[str, datetime] = field(default_factory=dict)
    sups: list[Supersession] = field(default_factory=list)
    retracted: list[Supersession] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    #: slot views including this session's pending changes
    pending: dict[tuple[str, str], dict[str, Fact]] = field(default_factory=dict)


class MemoryManager:
    """Reconciles candidates of one user's sessions against the store (one instance per user).
    ``embed``: the sentence embedder, for names said in other words (:mod:`.anchoring`), else by their words."""

    def __init__(self, store: MemoryStore, user_id: str, embed: Embed | None = None) -> None:
        self.store = store
        self.user_id = user_id
        self.resolver = EntityResolver(user_id, store.entities(user_id))
        self.anchoring = Anchoring(self.resolver, embed)
        self._slots: dict[tuple[str, str], dict[str, Fact]] = defaultdict(dict)
        #: slot views of the last planned (not yet committed) write
        self._pending: dict[tuple[str, str], dict[str, Fact]] = {}
        for f in store.facts(user_id):
            self._slots[(f.subject_id, f.predicate)][f.id] = f
        #: session id -> start, to date the evidence a merged fact holds from other sessions
        self._times: dict[str, datetime] = {s.id: s.started_at for s in store.sessions(user_id)}
        #: the user's earlier turns, for the first statements later corrections point back to
        self.lookback = Lookback(store, user_id)

    def plan_session(self, session: Session, candidates: Sequence[CandidateFact],
                     probes: Sequence[SlotProbe] = ()) -> PlannedWrite:
        """Build the write for ``session`` (nothing is stored; the index is updated only by
        :meth:`commit`, after the store accepted the write). ``probes``: typed values near names
        of people and things, kept where they anchor on a slot memory holds (:mod:`.anchoring`)."""
        plan = _Plan(resolver_before={e.id: e for e in self.resolver.new_entities()})
        self._times[session.id] = session.started_at
        self.lookback.remember(session)
        candidates, before = split_earlier(candidates)  # "back when I lived in Leeds": history, never the current value
        ended = store_earlier(session, before, user_slots(self._slots, self.resolver.user.id), self.lookback.user_turns_before,
                              lambda s, c: self._reconcile(plan, s, c, self.resolver.user))
        candidates, recalled = named_changes(session, probes, candidates, self.resolver, {**self._slots, **plan.pending}, self.lookback)
        candidates = news_of_turns(candidates, held_by(self.resolver, self._slots))  # "…; no more on foot": the news
        for earlier, old in recalled:  # the old value the turn names, where an earlier turn said it
            self._reconcile(plan, earlier, old, self.resolver.user)
        unread: list[SlotProbe] = []
        anchored = self._anchored(session, probes, unread=unread)
        if self._recall(plan, session, unread, candidates):
            anchored = self._anchored(session, probes, plan.pending)
        for cand in sorted(candidates, key=lambda c: (min(c.source_turns or [0]), c.predicate, c.value)):
            held = open_subject(self.resolver, cand, {**self._slots, **plan.pending}, self.anchoring.embed)  # "attr:…"
            subject, cand = held or (self._anchor_subject(cand, anchored) or self._subject(cand, session.id, plan.pending), cand)
            if _outvoted(cand, subject, anchored) or self._claimed(cand, subject, anchored, plan.pending):
                continue
            self._reconcile(plan, session, self._one_slot(cand, subject, plan.pending), subject)
        for a in anchored:
            # a slot this session already gave a value through a reading of its own keeps it
            if not any(f.subject_id == a.entity.id and _family(f.predicate) == _family(a.candidate.predicate)
                       and f.session_id == session.id for f in plan.facts.values()):
                self._reconcile(plan, session, a.candidate, a.entity)
        for f in still_current(ended, user_slots(plan.pending, self.resolver.user.id)):  # the message said it was over
            plan.facts[f.id] = plan.pending[(f.subject_id, f.predicate)][f.id] = f.model_copy(update={"invalid_at": session.started_at})
        # entities whose aliases changed or that are new in this resolver
        for e in self.resolver.new_entities():
            if e.id not in plan.resolver_before or plan.resolver_before[e.id] != e:
                plan.entities[e.id] = e
        write = SessionWrite(
            user_id=self.user_id, session=session, entities=list(plan.entities.values()),
            facts=list(plan.facts.values()), supersessions=plan.sups, invalidations=plan.invalidations,
            retracted_supersessions=plan.retracted,
        )
        self._pending = plan.pending
        return PlannedWrite(write=write, counts=plan.counts)

    def _anchored(self, session: Session, probes: Sequence[SlotProbe],
                  pending: dict[tuple[str, str], dict[str, Fact]] | None = None,
                  unread: list[SlotProbe] | None = None) -> list[Anchored]:
        """The probes' values that anchor on a slot stated in an earlier session (``pending``: slots
        this session's write changed so far; ``unread``: where to list the probes that anchor on
        nothing)."""
        holders = self.anchoring.holders({**self._slots, **(pending or {})}, session.id) if probes else {}
        best: dict[tuple[str, str], Anchored] = {}
        for probe in probes:
            got = self.anchoring.read(probe, holders, session.started_at, _before(session, probe)) if holders else []
            if not got and unread is not None:
                unread.append(probe)
            for a in got:
                # one new value per slot and session: said with a word of change, else said last
                key = (a.entity.id, _family(a.candidate.predicate))
                if key not in best or a.candidate.confidence >= best[key].candidate.confidence:
                    best[key] = a
        return list(best.values())

    def _recall(self, plan: _Plan, session: Session, unread: list[SlotProbe],
                candidates: Sequence[CandidateFact]) -> bool:
        """Store the first statement a correction that anchored on nothing points back to
        (:mod:`.lookback`), dated at its own session, so the correction supersedes it. True when
        one was stored."""
        found = False
        for probe in unread:
            read = False
            for corr in correction(probe, candidates, self._person):
                if corr.alternative and read:
                    continue  # the pronoun's first referent found its statement
                kind = "person" if corr.kind == "person" else "thing"
                family = {p for fam in FAMILIES.get(kind, ()) if set(fam) & set(corr.attributes) for p in fam}
                # the entity the correction's fact would resolve to, looked up without creating one
                held = self._known(corr.fact, session.id, plan.pending) if corr.fact is not None \
                    else self.resolver.lookup(corr.entity)
                if held is not None and any(self._current((held.id, a), plan.pending)
                                            for a in {*corr.attributes, *family}):
                    continue  # the entity holds the slot: anchoring or reconciliation reads it
                rec = self.lookback.find(corr, session)
                if rec is None:
                    continue
                subject = self._subject(corr.fact, session.id, plan.pending) if corr.fact is not None \
                    else self.resolver.resolve(corr.entity, kind)
                self._reconcile(plan, rec.session, rec.candidate, subject)
                found = read = True
        return found

    def _subject(self, cand: CandidateFact, session_id: str,
                 pending: dict[tuple[str, str], dict[str, Fact]]) -> Entity:
        """The entity a candidate is about: the user, the thing whose value it replaces, or its
        name resolved (by slot identity across head nouns where it names a thing)."""
        if cand.subject.strip().lower() in ("user", "i", "me"):
            return self.resolver.user
        return self._replaced_holder(cand, session_id, pending) or self.resolver.resolve(
            cand.subject, cand.subject_type or "person", self._holders(cand.predicate, pending, cand.value), cand.text)

    def _known(self, cand: CandidateFact, session_id: str,
               pending: dict[tuple[str, str], dict[str, Fact]]) -> Entity | None:
        """The entity :meth:`_subject` would give ``cand`` if it is known already (nothing created)."""
        typ = cand.subject_type or "person"
        return self._replaced_holder(cand, session_id, pending) or self.resolver.lookup(cand.subject) \
            or self.resolver._same_thing(cand.subject, typ) or (self.resolver.same_slot(
                cand.subject, cand.text, self._holders(cand.predicate, pending, cand.value)) if typ == "thing" else None)

    def _person(self, name: str) -> bool:
        known = self.resolver.lookup(name)
        return is_person(name, known.type if known is not None else None)

    def _claimed(self, cand: CandidateFact, subject: Entity, anchored: list[Anchored],
                 pending: dict[tuple[str, str], dict[str, Fact]]) -> bool:
        """Another reading of a turn gives a correction's value to a new slot of another thing
        ("legal made us rename Falcon (trademark clash), it's Project Kestrel now": the app's new
        name, not the trademark clash's venue; "mum went for Penzance, the Falmouth sale fell through":
        where she lives, not where she works): the value is the anchored slot's, and a slot that
        holds no value yet gets nothing from it."""
        plain = plain_name(cand.value)
        return subject.id != self.resolver.user.id and not self._current((subject.id, cand.predicate), pending) \
            and any((a.entity.id != subject.id or a.candidate.predicate != cand.predicate) and a.plain == plain
                    and set(a.candidate.source_turns) & set(cand.source_turns) for a in anchored)

    def _anchor_subject(self, cand: CandidateFact, anchored: list[Anchored]) -> Entity | None:
        """Slot identity through a probe: a reading of the same statement that gives the same value
        to a name holding no such slot ("the sync" read as a new thing) is about the anchored
        entity ("the weekly design team sync"); the probe's own candidate is then not needed."""
        if cand.subject.strip().lower() in ("user", "i", "me") or not anchored:
            return None
        own = self.resolver.lookup(cand.subject)
        for a in anchored:
            if a.plain == plain_name(cand.value) \
                    and set(cand.source_turns) & set(a.candidate.source_turns) \
                    and _family(a.candidate.predicate) == _family(cand.predicate) \
                    and (own is None or own.id == a.entity.id
                         or not self._current((own.id, cand.predicate), {})):
                anchored.remove(a)
                return a.entity
        return None

    def _reconcile(self, plan: _Plan, session: Session, cand: CandidateFact, subject: Entity) -> None:
        """One candidate of ``subject`` against its slot (with this session's changes so far)."""
        uid = self.user_id
        plan.entities[subject.id] = subject
        obj_id: str | None = None
        if (cand.value_type or "") in _ENTITY_TYPES:
            obj = self.resolver.resolve(cand.value, cand.value_type or "thing")
            plan.entities[obj.id] = obj
            obj_id = obj.id
        n_turns = len(session.turns)
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
        if slot_key not in plan.pending:
            plan.pending[slot_key] = dict(self._slots.get(slot_key, {}))
        slot = plan.pending[slot_key]
        decision = decide(fact, list(slot.values()), self._times)
        counts = plan.counts
        if decision.action is Action.NOOP or decision.fact is None:
            counts.noop += 1
            return
        if decision.action is Action.MERGE:
            counts.merged += 1
        elif decision.action is Action.SUPERSEDE:
            counts.superseded += 1
        else:
            counts.added += 1
        for new in (decision.fact, *decision.also):
            slot[new.id] = new
            plan.facts[new.id] = new
        for fid, at in decision.invalidations.items():
            if fid in plan.facts:
                plan.facts[fid] = plan.facts[fid].model_copy(update={"invalid_at": at})
            else:
                plan.invalidations[fid] = at
            if fid in slot:
                slot[fid] = slot[fid].model_copy(update={"invalid_at": at})
        plan.sups.extend(decision.supersessions)
        for r in decision.retracted:
            # an edge added earlier in this very write is dropped; it may also be stored
            # already (re-linked with a new `at` above), so the store retracts it too
            pair = (r.new_fact_id, r.old_fact_id)
            plan.sups = [s for s in plan.sups if (s.new_fact_id, s.old_fact_id) != pair]
            plan.retracted.append(r)

    def _holders(self, predicate: str, pending: dict[tuple[str, str], dict[str, Fact]],
                 value: str = "") -> list[tuple[str, str]]:
        """(subject id, statement text) of the current facts of a single-valued ``predicate``
        about things other than the user, for slot identity across head nouns; not a holder whose
        statement said ``value`` of something else ("swimming is Saturdays at 9 and football's
        Saturday at 11": "football" at 11 is not the swimming)."""
        said = re.sub(r"\s+", " ", normalise_name(value))
        if not is_single_valued(predicate) or predicate not in _ENTITY_ATTRIBUTES:
            return []
        user_id = self.resolver.user.id
        preds = set(_WHEN) if predicate in _WHEN else {predicate}
        out: list[tuple[str, str]] = []
        for key in {*self._slots, *pending}:
            if key[1] not in preds or key[0] == user_id:
                continue
            slot = pending.get(key, self._slots.get(key, {}))
            out.extend((key[0], f.text) for f in slot.values() if f.invalid_at is None
                       and not (len(said) > 2 and said not in normalise_name(f.value or "")
                                and said in normalise_name(f.text.split(" (", 1)[-1])))
        return out

    def _current(self, key: tuple[str, str], pending: dict[tuple[str, str], dict[str, Fact]]) -> bool:
        return any(f.invalid_at is None for f in pending.get(key, self._slots.get(key, {})).values())

    def _one_slot(self, cand: CandidateFact, subject: Entity,
                  pending: dict[tuple[str, str], dict[str, Fact]]) -> CandidateFact:
        """One slot per attribute family (:data:`FAMILIES`): "the essay is due Friday" then "they
        moved the essay to Monday" (read as when it happens) is a new value of the same slot, under
        the slot's predicate; so is "the panel is with Zoom" then "the panel is on Google Meet"."""
        kind = "person" if subject.type == "person" else "thing"
        family = next((f for f in FAMILIES.get(kind, ()) if cand.predicate in f), ())
        if subject.id == self.resolver.user.id or self._current((subject.id, cand.predicate), pending):
            return cand
        held = [p for p in family if p != cand.predicate and self._current((subject.id, p), pending)]
        return cand.model_copy(update={"predicate": held[0]}) if len(held) == 1 else cand

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


def _before(session: Session, probe: SlotProbe) -> str:
    """The sentence said just before the probe's own: in its message, or, when the probe's sentence
    opens the message, the last sentence of the user's message just before it in the session ("Just
    had the garage on the phone" | "they can't do Tuesday now…": the conversation is about what that
    sentence named), unless that message asked the assistant something; "" when there is none."""
    n = probe.source_turns[0] if probe.source_turns else -1
    turn = session.turns[n] if 0 <= n < len(session.turns) else None
    if turn is None or not probe.text:
        return ""
    i = turn.text.find(probe.text[:40])
    if i < 0 or turn.text[:i].strip():
        return last_sentence(turn.text[:i]) if i > 0 else ""
    # a message that asked the assistant something is another conversation ("how do I stop my
    # glasses steaming up" names nothing the next message's "they" is)
    earlier = [t for t in session.turns[max(0, n - 2):n] if t.role == "user"]
    return last_sentence(earlier[-1].text) if earlier and not asks(earlier[-1].text) else ""
