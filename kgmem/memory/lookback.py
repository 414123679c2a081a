"""The first statement a later correction points back to (issue #13 item 7).

A first statement about another person or thing is stored only when extraction is sure of it; many
are not ("the tracking says awaiting dispatch", "Nate's flight lands at 6:50, what time should I
leave?"). A later correction of it ("the flight lands at 9:20 now") then finds no slot to supersede.
Given the correction, the statement is easy to find: the user's earlier turns that name the same
entity (its name's words, a plural or a possessive apart) and say a value of the same class. This
module finds it and gives it as the fact its own session would have stored; the memory manager
writes it dated at that session and lets the correction supersede it as any later value does.

Only for a correction: a clause that gave no held slot a new value and either says a word of change
or gave a fact of its own (a new slot, which the earlier statement would have held); only from the
user's own turns, only the latest earlier turn that names the entity and says one value
of the class (two different values there: none).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from kgmem.extraction.entity_text import statement
from kgmem.extraction.schema import CandidateFact, SlotProbe
from kgmem.extraction.zero.entity_frames import CHOOSING_WORDS, PERSON_ATTRIBUTES, THING_ATTRIBUTES
from kgmem.extraction.zero.entity_lookback import Said, said_values
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.ids import normalise_name, plain_name
from kgmem.lexicon import calendar
from kgmem.memory.value_types import same_type
from kgmem.models import Session, Turn
from kgmem.predicates import is_open_attribute, is_single_valued
from kgmem.store.base import MemoryStore

#: words of a name that say nothing of which thing it is
_GENERIC = frozenset({"the", "a", "an", "my", "our", "his", "her", "their", "your", "new", "old", "thing", "one",
                      "time", "day", "week", "today", "now", "update", "news", "plan", "bit", "way", "place",
                      "people", "guy", "someone", "everyone", "it", "they", "this", "that"})
#: how many earlier turns naming the entity are read (latest first)
TURNS = 3
#: how many names said before a pronoun (latest first) may be what it refers to
REFERENTS = 2
#: a turn can say a value of these classes only if it holds such a word (checked before it is parsed)
_DAY_MONTH = "(?:" + "|".join([*(d[:3] for d in calendar.WEEKDAYS), *calendar.SHORT_MONTHS]) + ")"  # a prefix: "tues"
_MAY_SAY = {"when": re.compile(r"\d|\b(?:" + _DAY_MONTH + "|"
                               r"noon|midday|midnight|morning|afternoon|evening|night|tonight|tomorrow|today|week|"
                               r"month|year|spring|summer|autumn|fall|winter)", re.IGNORECASE),
            "money": re.compile(r"\d|\b(?:hundred|thousand|grand|k)\b", re.IGNORECASE)}

Read = Callable[[str, datetime], list[Said]]


@dataclass
class Correction:
    """What a correction says: the entity, its kind, the attributes its value may be, the value."""

    entity: str
    kind: str  # "person" | "thing"
    attributes: tuple[str, ...]
    value: str
    cls: str
    #: the fact of the correction's own turn that names the entity and value, if one does
    fact: CandidateFact | None = None
    #: another name said before a pronoun, tried only when no reading before it found a statement
    alternative: bool = False
    #: every class the clause gives the value ("Bristol": a place and an organisation); an earlier
    #: value of any of them may be the one it replaces (:attr:`cls` alone when empty)
    classes: tuple[str, ...] = ()
    #: told with no word of change: only an earlier value of the same type is the one it replaces
    typed: bool = False

    def takes(self, cls: str) -> bool:
        """An earlier value of class ``cls`` may be this value's old one."""
        return cls in (self.classes or (self.cls,))


@dataclass
class Recovered:
    """An earlier statement's fact and the session it was said in."""

    candidate: CandidateFact
    session: Session


def _words(text: str) -> set[str]:
    """Words of a text, plurals and possessives folded ("potholes" = "pothole")."""
    out = set()
    for w in re.findall(r"[a-z0-9]+", normalise_name(text).replace("'s", "")):
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


def correction(probe: SlotProbe, facts: Sequence[CandidateFact], person: Callable[[str], bool]) -> list[Correction]:
    """The (entity, value) a probe that anchored on nothing gives: a fact of the same turn with one of
    its values names both (a new slot: "the funder extended the grant deadline to 7 March"); else,
    only for a correction (a word of change), its first name (or, for "it"/"she", the names said
    before it, :data:`REFERENTS` of them: the next only when the one before finds no statement,
    the fact's own subject first) and the attributes the value's class may be for that kind of
    entity, chosen by the clause's attribute words."""
    values = {plain_name(v): (v, cls) for v, cls in probe.values}
    classes: dict[str, tuple[str, ...]] = {}
    for v, cls in probe.values:
        classes[plain_name(v)] = (*classes.get(plain_name(v), ()), cls)
    out: list[Correction] = []
    for f in facts:
        if f.subject.strip().lower() not in ("user", "i", "me") and set(f.source_turns) & set(probe.source_turns) \
                and plain_name(f.value) in values and is_single_valued(f.predicate) and not is_open_attribute(f.predicate):
            # (an open attribute's first statement is found by its words: kgmem.memory.open_slots)
            v, cls = values[plain_name(f.value)]
            out.append(Correction(f.subject, "person" if f.subject_type == "person" else "thing", (f.predicate,), v, cls,
                                  f, classes=classes[plain_name(f.value)]))
    bare = not probe.mentions and probe.cue and not probe.user_clause
    if out and not bare:
        return out
    names = [m for m in probe.mentions if plain_name(m) not in values] or list(probe.context[:REFERENTS])
    if not names or probe.user_clause:
        return out
    if not probe.cue:
        # told with no word of change ("camera club was packed this Thursday night"): the name the clause says
        # itself, and an earlier value of the same type only
        named = [m for m in probe.mentions if plain_name(m) not in values]
        return out + (_corrections(probe, named[0], "person" if person(named[0]) else "thing", alternative=bool(out),
                                   typed=True) if named else [])
    # "the recruiter moved my Octopus interview, it's Tuesday at 9:30 now": the pronoun's referent
    # may be any name said before it; the first is read first, the others only when it finds nothing
    taken = {plain_name(c.entity) for c in out}
    for i, name in enumerate(names if bare else names[:1]):
        if plain_name(name) in taken:
            continue
        kind = "person" if person(name) else "thing"
        out.extend(_corrections(probe, name, kind, alternative=bool(out) or i > 0))
    return out


def _corrections(probe: SlotProbe, name: str, kind: str, alternative: bool, typed: bool = False) -> list[Correction]:
    """The attributes each value of the probe may be of the named entity, chosen by the clause's
    attribute words (``typed``: the earlier value must be of the value's own type, :func:`.value_types.same_type`)."""
    out: list[Correction] = []
    table = PERSON_ATTRIBUTES if kind == "person" else THING_ATTRIBUTES
    for v, cls in probe.values:
        attrs = table.get(cls, ())
        named = [a for a in attrs if a in probe.attribute_words]
        if named:
            attrs = tuple(named[:1])
        elif kind == "person" and cls in ("where", "org"):
            continue  # where a person lives or works: only when a word of the clause says which
        attrs = tuple(a for a in attrs if is_single_valued(a))
        if attrs and plain_name(v) not in plain_name(name):
            out.append(Correction(name, kind, attrs, v, cls, alternative=alternative, typed=typed))
    return out


class Lookback:
    """The user's earlier turns, read again for the statements later corrections point back to."""

    def __init__(self, store: MemoryStore, user_id: str, read: Read = said_values) -> None:
        self.store = store
        self.user_id = user_id
        self.read = read
        #: sessions with their turns: planned by this manager, or loaded from the store on first need
        self._sessions: dict[str, Session] = {}
        self._loaded = False
        self._said: dict[str, list[Said]] = {}

    def remember(self, session: Session) -> None:
        self._sessions[session.id] = session

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        turns: dict[str, list[Turn]] = {}
        for t in self.store.turns(self.user_id):
            turns.setdefault(t.session_id, []).append(t)
        for s in self.store.sessions(self.user_id):
            if s.id not in self._sessions:
                self._sessions[s.id] = s.model_copy(update={"turns": sorted(turns.get(s.id, []), key=lambda t: t.idx)})

    def user_turns_before(self, before: Session) -> list[tuple[Session, Turn]]:
        """The user's turns of the sessions before ``before``, latest first."""
        self._load()
        earlier = sorted((s for s in self._sessions.values() if s.started_at < before.started_at),
                         key=lambda s: s.started_at, reverse=True)
        return [(s, t) for s in earlier for t in reversed(s.turns) if t.role == "user"]

    def find(self, corr: Correction, before: Session) -> Recovered | None:
        """The latest earlier statement of ``corr``'s entity with another value of its class."""
        self._load()
        topic = _words(corr.entity) - _GENERIC
        if not topic:
            return None
        # a thing named as someone's ("Jo's leaving do", "Mum's MOT"): an earlier turn must say whose
        # (Sam's leaving drinks are not Jo's), or, for a name, a word for a relative it may be ("my
        # daughter's passport" / "Daisy's passport")
        first = corr.entity.split()[0] if len(corr.entity.split()) > 1 else ""
        owner = _words(first) if first[:1].isupper() or first.lower() in PEOPLE_NOUNS else set()
        named = bool(owner) and first.lower() not in PEOPLE_NOUNS
        # ... but never a turn that names the thing as another person's ("Sam's leaving drinks")
        others = re.compile(r"\b(?!" + re.escape(re.sub(r"'s$", "", first)) + r"\b)[A-Z][a-z]+'s\b") if named else None
        earlier = sorted((s for s in self._sessions.values() if s.started_at < before.started_at),
                         key=lambda s: s.started_at, reverse=True)
        read = 0
        for s in earlier:
            for turn in reversed(s.turns):
                if turn.role != "user" or not topic & _words(turn.text) \
                        or not (owner <= _words(turn.text) or named and _words(turn.text) & PEOPLE_NOUNS
                                and not (others and others.search(turn.text))) \
                        or corr.cls in _MAY_SAY and not _MAY_SAY[corr.cls].search(turn.text):
                    continue
                read += 1
                got = self._value(corr, turn, s.started_at)
                if got is not None:
                    return Recovered(self._candidate(corr, got, turn, s), s)
                if read >= TURNS:
                    return None
        return None

    def _value(self, corr: Correction, turn: Turn, day: datetime) -> Said | None:
        if turn.id not in self._said:
            self._said[turn.id] = self.read(turn.text, day)
        new, own = plain_name(corr.value), _words(corr.entity)
        said = [s for s in self._said[turn.id] if corr.takes(s.cls) and plain_name(s.value)
                and plain_name(s.value) != new and new not in plain_name(s.value) and plain_name(s.value) not in new
                and not _words(s.value) <= own and (not corr.typed or same_type(s.value, corr.value, s.cls))]
        # the clause that says the value names the entity; else it names nothing but its value (a
        # pronoun, a tracker's words; the turn names the entity): never a value said of another
        # person ("Ines is vegan and Kofi's gluten-free": not Kofi's diet)
        if corr.kind == "person":  # a clause naming another person says whose value it is no better
            said = [s for s in said if not any(m[:1].isupper() and not _words(m) & own and not _words(m) <= _words(s.value)
                                               for m in s.mentions)]
        near = [s for s in said if any(_words(m) & own for m in s.mentions)] or [
            s for s in said if not any(_words(m) - _words(s.value) for m in s.mentions)] or [
            s for s in said if _pronoun_of(s, own, corr.kind)]
        return near[0] if len({plain_name(s.value) for s in near}) == 1 else None

    def _candidate(self, corr: Correction, said: Said, turn: Turn, session: Session) -> CandidateFact:
        attr = next((a for a in corr.attributes if CHOOSING_WORDS.get(a, frozenset()) & _words(said.clause)),
                    corr.attributes[0])
        day = session.started_at
        return CandidateFact(
            subject=corr.entity, subject_type=corr.kind, predicate=attr, value=said.value,
            text=f"{statement(corr.entity, attr, said.value)} ({turn.text})"[:300],
            valid_from=datetime(day.year, day.month, day.day), granularity="day", speaker="user",
            source_turns=[turn.idx], confidence=0.5)


#: a clause whose subject is a pronoun of a person or of a thing ("he's pescatarian", "it's booked for …")
_PRONOUN = {"person": re.compile(r"(?:he|she|they)\b", re.IGNORECASE), "thing": re.compile(r"(?:it|they)\b", re.IGNORECASE)}


def _pronoun_of(said: Said, own: set[str], kind: str) -> bool:
    """The clause's subject is a pronoun and what its sentence says before the clause names the entity
    and no other person ("Cooking for my dad on Sunday, he's pescatarian, any ideas?": dad's diet; the
    pronoun refers to what was said just before it)."""
    start = said.sentence.find(said.clause)
    if start <= 0 or not _PRONOUN[kind].match(said.clause):
        return False
    ahead = said.sentence[:start]
    names = [n for n in re.findall(r"\b[A-Z][a-z]+\b", ahead[1:]) if not re.match(_DAY_MONTH, n, re.IGNORECASE)]
    return bool(own & _words(ahead)) and not any(not _words(n) & own for n in names)


def is_person(name: str, known_type: str | None) -> bool:
    """A name is a person's: known as one, a word of kinship or role, or one capitalised word."""
    if known_type is not None:
        return known_type == "person"
    low = name.strip().lower()
    return low in PEOPLE_NOUNS or bool(re.fullmatch(r"[A-Z][a-z]+", name.strip()))


__all__ = ["Correction", "Lookback", "Recovered", "correction", "is_person"]
