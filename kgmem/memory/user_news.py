"""The user's own change told by naming what it replaces (session 20, oe20): a held value said as let go,
beside a new value of its type.

People tell a change of their own by what they leave as often as by what they get ("handed back the keys
in Gdansk; tonight I'm sleeping on a mattress in Bruges", "the payslip says $118,000/year, up from
$52,000", "traded in my Pixel 7 ... toward the Galaxy S23"), and the new value may be worded so that no
reader of the user's slots takes it. Memory knows what the user holds: when a user turn names the
current value of one of the user's single-valued slots (stated in an earlier session) *as the old one*
and a stating clause of the same turn gives one other value of the slot's type, that value is the slot's
new value, however the clause is worded. The parts:

- **the slot's type**: the probe value classes its registry value type takes (a place: a where; an
  employer or a gym: an org; money: an amount within a factor of three of the held one; a job or a commute:
  the class of that name);
- **said as the old one**: the words just before the held value say it is left behind (:func:`said_as_old`:
  "no more", "instead of", "up from", "moved from", "left"; a bare "from" is a trip's start as often, and a
  value that names whose another thing is, "Deloitte's party", is not left; a verb of letting a thing go or leaving a place or a post,
  the one lexicon :mod:`kgmem.lexicon.called_off`: "traded in my Pixel 7", "sold the Golf"; "old",
  "former", "previous"), the words after it call it gone (:func:`gone_after`), or a clause of the turn
  says a word of change (a probe's ``cue``: "now", "moved", "switched") in the clause of the new value;
- **the new value**: exactly one value of the type in the turn's stating clauses (extraction's probes
  never hold a plan, a wish, a question or a negation), not the held one, in a turn that tells of no other
  person (a kin, partner or friend noun, he or she, a person memory knows: "my sister left Leiden for
  Vigo" is hers; a role that serves the user, "my landlord emailed", tells the user's own).

Nothing is read where a reader of the user's slots already gave the slot a value from that turn.

The same words also date the old value when memory holds none for the slot (its first statement was
worded so that no reader took it: "Payroll at Helix Biotech messed up again"): a turn that gives the slot
a new value through a reader and names another value of the slot as the old one ("signed with Greenfield
Schools today, my farewell card from Tessellate Studio is on the fridge", "knocked a chunk off my old best
of 25:30") recalls that value from the latest earlier user turn that says it, dated at that turn's
session, so the new value supersedes it; the old value read from the turn itself is dropped (it is not
the turn's news). Pure functions of the sessions, their probes and the slots the user holds: no store,
no model.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem import predicates
from kgmem.extraction.schema import CandidateFact, SlotProbe
from kgmem.ids import normalise_name, plain_name
from kgmem.lexicon.called_off import LEAVING, alternation, surface
from kgmem.lexicon.gone import gone_after
from kgmem.lexicon.people import own_life_people
from kgmem.lexicon.people import words as people_words
from kgmem.memory.own_times import own_times
from kgmem.memory.user_things import by_kind, things_changed
from kgmem.models import Fact, Session, Turn
from kgmem.text import STOPWORDS

if TYPE_CHECKING:
    from kgmem.memory.entities import EntityResolver
    from kgmem.memory.lookback import Lookback

#: the probe value classes a registry value type (or a predicate's value-filler kind) takes
_CLASSES: dict[str, tuple[str, ...]] = {"place": ("where",), "org": ("org",), "money": ("money",),
                                        "job": ("job",), "commute": ("commute",), "diet": ("diet",)}
#: the words that name a value as the one left behind ("instead of X", "no more X", "old X"): one list for
#: reading a held value as left (:data:`_OLD_WORDS`) and for finding the words a value left is said in (:data:`_AFTER_OLD`)
_LEFT_BEHIND = r"(?:instead\s+of|rather\s+than|not|bye|goodbye|no\s+more|no\s+longer|old|former|previous)"
#: words just before a value that say it is the one left behind
_OLD_WORDS = re.compile(rf"\b(?:{_LEFT_BEHIND}|(?:up|down|away|mov\w*|switch\w*|relocat\w*|upgrad\w*)\s+from|ex-?)"
                        r"\s+(?:[\w'-]+\s+){0,2}[$£€¥]?$")
#: a home let go by its keys ("handed back the keys in Gdansk", "gave in the keys to our place in Leeds"): the one
#: leaving lexicon has the verbs of letting a thing go, not this idiom of leaving a home
_KEYS_BACK = re.compile(r"\b(?:hand\w*|gave|give\w*|return\w*|drop\w*)\s+(?:back|in)?\s*(?:the|my|our)\s+keys\s+"
                        r"(?:in|to|for|of|at|on)\s+(?:[\w'-]+\s+){0,3}$")
#: a bare "from" before a value: where a thing came from (a card from the old employer) as often as where a
#: trip started ("took the train from Leeds to Paris"): read only to recall a first statement
_FROM = re.compile(r"\bfrom\s+(?:[\w'-]+\s+){0,2}[$£€¥]?$")
#: a third person in a turn: its change may be theirs ("he's renting in Vigo now", "my sister left Leiden")
_THIRD = re.compile(r"\b(?:he|she|him|his|her|hers|he's|she's|he'd|she'd)\b", re.IGNORECASE)
#: a first statement that names a relative, a partner or a friend may be theirs
_KIN = own_life_people()
#: people a turn may tell of as doing things of their own (roles that serve the user, "my landlord emailed",
#: "HR confirmed", tell the user's own slots)
_OTHERS = _KIN | people_words("generic")
#: the words a turn names a left-behind value with (or a bare "from"), and up to four words after them
_AFTER_OLD = re.compile(rf"\b(?:{_LEFT_BEHIND}|from)\s+((?:[\w'&-]+\s+){{0,3}}[\w'&-]+)", re.IGNORECASE)
#: the user's turns of the sessions before one, latest first
Earlier = Callable[[Session], Iterable[tuple[Session, Turn]]]
#: how confident a value read this way is (below a reader's own reading: a reading of the slot wins)
CONFIDENCE = 0.55


def slot_classes(predicate: str) -> tuple[str, ...]:
    """The probe value classes a user's slot takes (empty: none is read this way)."""
    p = predicates.get(predicate)
    if p is None or not p.single_valued:
        return ()
    return _CLASSES.get(p.kind) or _CLASSES.get(p.value_type, ())


def _letting_go() -> re.Pattern[str]:
    words = alternation(surface(*LEAVING, bare_only=False))
    return re.compile(r"\b(?:" + words + r")(?:\s+(?:in|out|back|up|off|away))?\s+(?:[\w'-]+\s+){0,3}[$£€¥]?$")


_LET_GO: re.Pattern[str] | None = None


def _numbers(text: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of each number written in ``text`` ("$52,000" → 52000)."""
    return [(int(m.group().replace(",", "")), m.start(), m.end())
            for m in re.finditer(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?!\d|,\d)|(?<![\w.,])\d+(?!\d|,\d)", text)]


def _said_at(value: str, text: str, money: bool) -> list[tuple[int, int]]:
    """Where ``text`` (normalised) says ``value``: a number by its amount, a name by its words."""
    if money:
        want = _numbers(value)
        return [(s, e) for n, s, e in _numbers(text) if want and n == want[0][0]]
    plain = normalise_name(value)
    if len(re.sub(r"\W", "", plain)) < 3:
        return []
    return [(m.start(), m.end()) for m in re.finditer(r"(?<![\w'])" + re.escape(plain) + r"(?!\w)", text)]


def said_as_old(text: str, start: int, end: int, bare_from: bool = False) -> bool:
    """The value at ``text[start:end]`` (normalised) is said as the one left behind; never a value that
    names whose another thing is ("left Deloitte's Christmas party early"); ``bare_from``: "from" alone
    counts (a card from the old employer; without it only "up from", "moved from"…)."""
    global _LET_GO
    if _LET_GO is None:
        _LET_GO = _letting_go()
    if re.match(r"(?:'s|’s| s)\b", text[end:end + 3]):
        return False
    before = text[max(0, start - 40): start]
    return bool(_OLD_WORDS.search(before) or _LET_GO.search(before) or _KEYS_BACK.search(before)
                or bare_from and _FROM.search(before)) \
        or gone_after(text, end)


def _written_like(value: str, held: str, money: bool) -> str:
    """A new value written as the held one is ("$2,300" for a rent held as "1850" is "2300"; "place in
    Leipzig" for a home is "Leipzig")."""
    if money:
        n = _numbers(value)[0][0]
        out = f"{n:,}" if "," in held else str(n)
        return ("$" + out) if held.strip().startswith("$") else out
    m = re.search(r"\b(?:in|at)\s+((?:[A-Z][\w'&.-]*\s*)+)$", value)
    return m.group(1).strip() if m else value


def user_held(resolver: EntityResolver, slots: Mapping[tuple[str, str], Mapping[str, Fact]]) -> dict[str, Fact]:
    """predicate → the user's current fact, for each single-valued slot of the user's."""
    uid = resolver.user.id
    return {pred: f for (eid, pred), slot in slots.items() if eid == uid and predicates.is_single_valued(pred)
            for f in slot.values() if f.invalid_at is None}


def named_changes(session: Session, probes: Sequence[SlotProbe], candidates: Sequence[CandidateFact],
                  resolver: EntityResolver, slots: Mapping[tuple[str, str], Mapping[str, Fact]],
                  lookback: Lookback) -> tuple[list[CandidateFact], list[tuple[Session, CandidateFact]]]:
    """The session's candidates with the new values of the user's slots told by naming the held value as
    the old one, less the old values a turn says in passing; and the old values recalled from earlier
    sessions (module docstring). Over a manager's entity resolver and stored slots (before this session);
    ``lookback``: the user's turns of earlier sessions."""
    def someone(name: str) -> bool:  # another person: a kin or social noun, or a known person
        known = resolver.lookup(name)
        return bool(set(normalise_name(name).split()) & _OTHERS) or known is not None and known.type == "person"
    held = user_held(resolver, slots)
    candidates = by_kind(session, candidates)  # no phone as a home; a phone's name read in full
    told = _named(session, probes, candidates, held, someone)
    # a phone or car let go and another named ("sold my iPhone 11 and bought a Pixel 8"): kgmem.memory.user_things
    things, again = things_changed(session, candidates, held, lambda raw: _others_told(raw, [], someone), said_as_old)
    candidates = [c for c in candidates if id(c) not in again]
    kept, recalled = _recalled(session, probes, candidates, held, someone, lookback.user_turns_before)
    return [*kept, *told, *things, *own_times(session, resolver, slots)], recalled  # "10:00 is gone, I've got 11:30"


def _named(session: Session, probes: Sequence[SlotProbe], candidates: Sequence[CandidateFact],
           held: Mapping[str, Fact], someone: Callable[[str], bool]) -> list[CandidateFact]:
    by_turn: dict[int, list[SlotProbe]] = defaultdict(list)
    for p in probes:
        if p.source_turns:
            by_turn[p.source_turns[0]].append(p)
    # a reader's own new value of the slot from the turn (not the held one read again) stands
    read = {(c.predicate, t) for c in candidates if normalise_name(c.subject) == "user" and c.predicate in held
            and plain_name(c.value) != plain_name(held[c.predicate].value or "") for t in c.source_turns}
    out: list[CandidateFact] = []
    for turn, ps in sorted(by_turn.items()):
        if not 0 <= turn < len(session.turns) or session.turns[turn].role != "user":
            continue
        raw = session.turns[turn].text
        if _others_told(raw, ps, someone):
            continue  # a turn that tells of another person: the change may be theirs
        for pred, fact in held.items():
            classes = slot_classes(pred)
            if not classes or (pred, turn) in read or fact.session_id == session.id:
                continue
            money = classes == ("money",)
            text = re.sub(r"\s+", " ", raw.casefold()) if money else normalise_name(raw)  # "$52,000" keeps its comma
            at = _said_at(fact.value or "", text, money)
            # the held value said as left behind, else the new value's own clause says a word of change
            # ("Boston's freezing now, flew to Miami for the weekend" is no move)
            told = ps if any(said_as_old(text, s, e) for s, e in at) else [p for p in ps if p.cue]
            if not at or not told:
                continue
            found = _new_values(told, classes, fact.value or "", money)
            if len(found) != 1:
                continue
            (value, probe), = found.values()
            day = session.started_at
            out.append(CandidateFact(
                subject="user", predicate=pred, value=value, text=probe.text[:300],
                valid_from=datetime(day.year, day.month, day.day), granularity="day", speaker="user",
                source_turns=[turn], confidence=CONFIDENCE))
    return out


def _others_told(text: str, probes: Sequence[SlotProbe], someone: Callable[[str], bool]) -> bool:
    """The turn tells of another person (he or she, a kin or social noun, a person memory knows)."""
    return bool(_THIRD.search(text) or any(someone(m) for p in probes for m in p.mentions) or _names(text, _OTHERS))


def _names(text: str, people: frozenset[str]) -> bool:
    """The text says one of the ``people`` words."""
    return bool(set(re.findall(r"[a-z'-]+", text.casefold())) & people)


def _recalled(session: Session, probes: Sequence[SlotProbe], candidates: Sequence[CandidateFact],
              held: Mapping[str, Fact], someone: Callable[[str], bool],
              earlier: Earlier) -> tuple[list[CandidateFact], list[tuple[Session, CandidateFact]]]:
    """A reader's new value of a slot the user holds nothing of, in a turn that names one other value of the
    slot as the old one: that value is dropped from the turn and recalled from the latest earlier user turn
    that says it."""
    drop: set[int] = set()
    out: list[tuple[Session, CandidateFact]] = []
    done: set[str] = set()
    for c in candidates:
        pred, turn = c.predicate, min(c.source_turns or [-1])
        if normalise_name(c.subject) != "user" or pred in held or pred in done or not predicates.is_single_valued(pred) \
                or not 0 <= turn < len(session.turns) or session.turns[turn].role != "user":
            continue
        raw = session.turns[turn].text
        ps = [p for p in probes if p.source_turns[:1] == [turn]]
        if _others_told(raw, ps, someone):
            continue
        money = slot_classes(pred) == ("money",)
        text = re.sub(r"\s+", " ", raw.casefold()) if money else normalise_name(raw)
        same = [o for o in candidates if o.predicate == pred and normalise_name(o.subject) == "user"
                and min(o.source_turns or [-1]) == turn]
        typed = [(v, None) for p in ps for v, cls in p.values if cls in slot_classes(pred)]
        olds = {plain_name(v): (v, o) for v, o in [*((o.value, o) for o in same), *typed]
                if plain_name(v) != plain_name(c.value) and any(said_as_old(text, s, e, True) for s, e in _said_at(v, text, money))}
        if not olds and not money:  # "my farewell card from Tessellate Studio", "goodbye sous chef, hello …"
            olds = {plain_name(v): (v, None) for v in _old_named(raw, c.value, session, earlier)}
        fresh = {plain_name(o.value) for o in same} - set(olds)
        if len(olds) != 1 or not fresh:
            continue
        (value, said), = olds.values()
        done.add(pred)
        drop.update(id(o) for o in same if plain_name(o.value) in olds)
        found = _said_before(value, money, session, earlier)
        if found is not None:
            s, t = found
            day = s.started_at
            out.append((s, CandidateFact(
                subject="user", predicate=pred, value=_written_like(value, value, money) if money else value,
                text=t.text[:300], valid_from=datetime(day.year, day.month, day.day), granularity="day",
                speaker="user", source_turns=[t.idx], confidence=CONFIDENCE)))
    return [c for c in candidates if id(c) not in drop], out


def tells_of_others(text: str) -> bool:
    """The turn names another person (he or she, a relative, a partner or a friend): its change may be theirs."""
    return bool(_THIRD.search(text)) or _names(text, _KIN)


def recall_turn(value: str, session: Session, earlier: Earlier) -> tuple[Session, Turn] | None:
    """The latest earlier user turn that says ``value`` (a name, not an amount) and tells of no other person."""
    return _said_before(value, False, session, earlier)


def _said_before(value: str, money: bool, session: Session, earlier: Earlier) -> tuple[Session, Turn] | None:
    """The latest earlier user turn that says ``value`` and tells of no other person ("everyone at Beacon
    Credit Union" is the user's workplace still)."""
    for s, t in earlier(session):
        text = re.sub(r"\s+", " ", t.text.casefold()) if money else normalise_name(t.text)
        if _said_at(value, text, money):
            return None if _THIRD.search(t.text) or _names(t.text, _KIN) else (s, t)
    return None


def _old_named(raw: str, new: str, session: Session, earlier: Earlier) -> list[str]:
    """The words right after a word that leaves a value behind, as far as an earlier user turn says them
    (longest first, a word of content in them, not the new value's): "from Tessellate Studio is on the
    fridge" → "Tessellate Studio" where an earlier turn said it."""
    found: list[str] = []
    for m in _AFTER_OLD.finditer(raw):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            span = " ".join(words[:n])
            plain = plain_name(span)
            if not set(normalise_name(span).split()) - STOPWORDS or len(plain) < 4 \
                    or plain in plain_name(new) or plain_name(new) in plain:
                continue
            if _said_before(span, False, session, earlier) is not None:
                found.append(span)
                break
    return list(dict.fromkeys(found))


def _near(new: int, old: int) -> bool:
    """An amount of the held amount's order: within a factor of three (a rent or a salary changes by less)."""
    return old > 0 and old / 3 <= new <= old * 3


def _new_values(probes: Sequence[SlotProbe], classes: tuple[str, ...], old: str,
                money: bool) -> dict[str, tuple[str, SlotProbe]]:
    """The turn's values of the slot's type other than the held one, by their plain form."""
    found: dict[str, tuple[str, SlotProbe]] = {}
    old_plain = plain_name(old)
    old_numbers = {n for n, _, _ in _numbers(old)}
    for p in probes:
        for value, cls in p.values:
            if cls not in classes or money and not _numbers(value):
                continue
            if cls == "where" and " in " in value:
                value = value.rsplit(" in ", 1)[1]  # "the floor in Auckland": the place is Auckland
            value = _written_like(value, old, money)
            plain = plain_name(value)
            if not plain or plain == old_plain or plain in old_plain or old_plain in plain \
                    or money and {n for n, _, _ in _numbers(value)} & old_numbers:
                continue
            if money and old_numbers and not _near(_numbers(value)[0][0], max(old_numbers)):
                continue  # "I blew $2,000 on a holiday" is no new salary of $60,000's

            found.setdefault(plain, (value, p))
    return found
