"""Corrections read against the slots memory already holds (issue #13 item 7).

Extraction reports :class:`~kgmem.extraction.schema.SlotProbe`\\ s: typed values said in a clause
with the names it gives people and things. Given memory, a probe is easy to read: when one of
its names (or, for "it"/"they"/"she", a name said earlier in the session) resolves to an entity
that already holds a current single-valued attribute whose value is of the probe value's class,
and the value differs, the clause gives that slot a new value, and reconciliation supersedes the
old one. Names resolve by normalised name, by head noun and words ("the sync" = "the weekly
design team sync"; "Leo's lesson" = "Leo's piano lesson"), or by embedding similarity of the
phrase to the entity's names (MiniLM; :data:`SIMILARITY`, tuned on the development pairs only).
A correction that names nothing ("he's put it up to £30 now") picks up the held slot of its
value's class whose first sentence is closest by meaning (:mod:`.continuation`).

Precision: only slots stated in an earlier session; a person's home or workplace only when the
clause says a word of living or working; a value of a class that fits two of the entity's
attributes only when a word of the clause names one of them; a clause about the user changes a
person's attribute only with a word of change; never the entity's own name as its value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from kgmem import predicates
from kgmem.extraction.entity_text import statement
from kgmem.extraction.schema import CandidateFact, SlotProbe
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.ids import normalise_name, plain_name
from kgmem.lexicon.gone import gone_after
from kgmem.memory.continuation import continued_slot
from kgmem.memory.entities import EntityResolver, _head_kind, _name_words
from kgmem.memory.threads import another_owner, someone_elses_relative
from kgmem.memory.value_types import same_type_first
from kgmem.models import Entity, Fact

#: value class → the attributes a value of that class may be
CLASS_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "when": ("scheduled_for", "due_date"), "where": ("venue", "lives_in", "works_at"),
    "org": ("works_at", "provider", "venue"), "person": ("person_in_charge", "name"), "state": ("status",),
    "money": ("amount",), "diet": ("diet",), "job": ("job_title",), "commute": ("commute",),
}
#: a person's attributes that need a word of their own in the clause ("had lunch with Priya at
#: Nando's" is no move; "Priya lives in Leeds now" is)
NEEDS_WORD = frozenset({"lives_in", "works_at"})
#: cosine similarity of a name to an entity's name for them to be one (dev pairs, auth13 + auth5: 0.7 gave
#: 45/48, 43/48 and 31/64, 26/64; 0.8 gave 45/48, 43/48 and 30/64, 24/64; 0.9 the same as 0.8)
SIMILARITY = 0.7
#: and by how much it must beat the next entity
MARGIN = 0.05

#: words of a mention that name no particular person or thing (:meth:`Anchoring._by_statement`)
_GENERIC = frozenset({"thing", "one", "time", "day", "week", "month", "year", "today", "tomorrow", "yesterday", "now",
                      "new", "old", "update", "news", "plan", "bit", "lot", "way", "end", "place", "people", "guy",
                      "morning", "afternoon", "evening", "night", "weekend", "someone", "everyone", "they", "it"})
#: the confidence of a correction said with a word of change (one without: 0.5)
ANCHOR_CUE = 0.6

Embed = Callable[[Sequence[str]], np.ndarray]

#: attributes a slot may be named by its current value in (:meth:`Anchoring._by_old_value`), and the
#: value classes that give their new value
BY_VALUE: dict[str, tuple[str, ...]] = {
    "person_in_charge": ("person",), "name": ("person", "org"), "provider": ("org", "person"),
    "works_at": ("org", "where"), "lives_in": ("where",), "venue": ("where", "org"), "amount": ("money",),
}
#: words that say a value is the old one, before it ("instead of Falcon", "not the £480", "rename
#: Falcon", "switched from Zing"); after it: :func:`kgmem.lexicon.gone.gone_after`
_OLD_BEFORE = re.compile(r"(?:instead\s+of|rather\s+than|\bnot|\bfrom|\bleft|\bquit|\bditch(?:ed)?|\bdropp(?:ed)?|"
                         r"\brenam(?:e|ed|ing)|\breplac(?:e|ed|ing)|\bbye|no\s+more|no\s+longer(?:\s+\w+){0,2})"
                         r"\s+(?:the\s+|a\s+|at\s+|in\s+|with\s+)?$")



#: words of the sentence that name the attribute a value is of, outside the value's own clause ("a
#: band was already called The Lowlands, so they're Night Ferry now")
_NAMED_BY = {
    "name": re.compile(r"\b(?:call(?:ed|ing)?|nam(?:e|ed|ing)|renam\w*|code\s*name\w*|nickname\w*|christen\w*)\b"),
    "person_in_charge": re.compile(r"\b(?:captain\w*|treasurer|secretary|chair\w*|president|lead(?:s|er|ing)?|led|"
                                   r"run(?:s|ning)?|boss|manag\w+|coach\w*|organi[sz]\w+|coordinat\w+|in\s+charge|"
                                   r"took\s+over|taking\s+over|contact)\b"),
}


def _leading_name(value: str, text: str, said: str) -> re.Match[str] | None:
    """A held name said by its first word alone, written as a name ("left Infosys" for "Infosys Pune",
    "moved from Goals" for "Goals Wembley"): the word in ``said`` (``text`` normalised), when ``text``
    writes it capitalised and it has three letters or more. Found on au14's dev4 (oe4-044: directed)."""
    words = value.split()
    if len(words) < 2 or len(words[0]) < 3 or not words[0][:1].isupper() \
            or not re.search(r"(?<![\w'])" + re.escape(words[0]) + r"(?!\w)", text):
        return None
    return re.search(r"(?<![\w'])" + re.escape(normalise_name(words[0])) + r"(?!\w)", said)


def _value_said(value: str, said: str) -> bool:
    """A held value (three letters or more) is said in ``said`` (normalised text)."""
    plain = normalise_name(value)
    return len(re.sub(r"\W", "", plain)) >= 3 and re.search(r"(?<![\w'])" + re.escape(plain) + r"(?!\w)", said) is not None


def old_said(text: str, start: int, end: int) -> bool:
    """The value at ``text[start:end]`` (normalised text) is said as the old one (:data:`_OLD_BEFORE`)."""
    return bool(_OLD_BEFORE.search(text[max(0, start - 30): start])) or gone_after(text, end)


@dataclass
class Anchored:
    """A probe value read as the new value of an entity's slot."""

    candidate: CandidateFact
    entity: Entity
    #: the candidate's value, normalised (to match a regular candidate of the same statement)
    plain: str


def _kinds(words: list[str]) -> list[str]:
    return [*words[:-1], _head_kind(words[-1])] if words else []


def name_matches(mention: str, entity: Entity) -> bool:
    """A mention names the entity: same normalised name or alias, or its words hold the other's
    with the same head noun (kind): "the sync" / "design sync" = "weekly design team sync",
    "Leo's lesson" = "Leo's piano lesson"; "the marketing sync" ≠ "the design sync"."""
    m = _name_words(mention)
    if not m:
        return False
    for name in (entity.name, *entity.aliases):
        e = _name_words(name)
        if not e:
            continue
        if m == e:
            return True
        if entity.type == "person":
            continue  # people: the name itself ("Orla"), not a word of it
        mk, ek = _kinds(m), _kinds(e)
        if mk[-1] != ek[-1]:
            continue
        short, long_ = (mk, ek) if len(mk) <= len(ek) else (ek, mk)
        if set(short) <= set(long_):
            return True
    return False


def named_by_modifier(mention: str, entity: Entity) -> bool:
    """A thing named by the words before its head noun: "passport" for "passport renewal", "Delay
    Repay" for "Delay Repay claim" (never a person: "Leo" is not "Leo's piano lesson")."""
    m = _name_words(mention)
    if entity.type != "thing" or not m or max(len(w) for w in m) < 3 or set(m) & _GENERIC:
        return False
    return any(len(e) > 1 and set(m) <= set(e[:-1]) for e in (_name_words(n) for n in (entity.name, *entity.aliases)))


class Anchoring:
    """Reads a session's probes against one user's current slots (see the module docstring)."""

    def __init__(self, resolver: EntityResolver, embed: Embed | None = None) -> None:
        self.resolver = resolver
        self.embed = embed
        self._vecs: dict[str, np.ndarray] = {}

    def holders(self, slots: dict[tuple[str, str], dict[str, Fact]], session_id: str) -> dict[str, dict[str, Fact]]:
        """entity id → attribute → its current fact, for single-valued attributes of entities other
        than the user stated in an earlier session."""
        user = self.resolver.user.id
        out: dict[str, dict[str, Fact]] = {}
        for (eid, pred), slot in slots.items():
            if eid == user or not predicates.is_single_valued(pred):
                continue
            for f in slot.values():
                if f.invalid_at is None and f.session_id != session_id:
                    out.setdefault(eid, {})[pred] = f
        return out

    def _entity(self, mention: str, holders: dict[str, dict[str, Fact]]) -> Entity | None:
        """The one holder a mention names (by name and words, then by embedding)."""
        ents = [e for eid in holders if (e := self.resolver.entity(eid)) is not None]
        found = self.resolver.lookup(mention)
        if found is not None and found.id in holders:
            return found
        hits = [e for e in ents if name_matches(mention, e)]
        if len(hits) == 1:
            return hits[0]
        if not hits and not self._someone(normalise_name(mention)):
            # a thing named by what its name says of it ("my passport" for the passport renewal,
            # "Delay Repay" for the Delay Repay claim), when one thing only is so named
            hits = [e for e in ents if named_by_modifier(mention, e)]
            if len(hits) == 1:
                return hits[0]
        if hits or self.embed is None or not ents:
            return None
        return self._similar(mention, ents)

    def _similar(self, mention: str, ents: list[Entity]) -> Entity | None:
        assert self.embed is not None
        todo = [e for e in ents if e.id not in self._vecs]
        if todo:
            for e, v in zip(todo, self.embed([e.name for e in todo])):
                self._vecs[e.id] = np.asarray(v)
        q = np.asarray(self.embed([mention])[0])
        scored = sorted(((float(np.dot(q, self._vecs[e.id])), e) for e in ents), key=lambda x: -x[0])
        best, ent = scored[0]
        second = scored[1][0] if len(scored) > 1 else -1.0
        if best < SIMILARITY or best - second < MARGIN:
            return None
        # two things told apart by their own words ("the marketing sync" / "the design sync")
        mine, theirs = set(_name_words(mention)), set(_name_words(ent.name))
        if ent.type == "thing" and mine - theirs and theirs - mine and _head_kind(_name_words(mention)[-1]) == _head_kind(
                _name_words(ent.name)[-1]):
            return None
        return ent

    def read(self, probe: SlotProbe, holders: dict[str, dict[str, Fact]], day: datetime,
             before: str = "") -> list[Anchored]:
        """The slot values a probe gives (empty when no mention anchors); ``before``: the sentence of
        the same message just before the probe's (a comma splice the splitter cut: "Dr Okafor's
        left the Elms, | I've been given Dr Lindqvist instead")."""
        return [a for a in self._read(probe, holders, day, before)
                if not another_owner(probe, a.entity, holders[a.entity.id].get(a.candidate.predicate))
                and not someone_elses_relative(probe, a.entity)]

    def _read(self, probe: SlotProbe, holders: dict[str, dict[str, Fact]], day: datetime,
              before: str = "") -> list[Anchored]:
        names = [*probe.mentions, *probe.context]
        for mention in names:
            ent = self._entity(mention, holders)
            if ent is None or probe.user_clause and ent.type != "thing" and not probe.cue:
                continue  # "I had lunch with Priya at Nando's" says nothing of where Priya lives
            got = self._values(probe, ent, holders[ent.id], day)
            if got:
                return got
        for ent in self._owned(names, holders) if probe.cue else []:
            # "Maya texted, they've moved it to the Louisiana": a thing of a person named ("Maya band"),
            # only with a word of change ("she's got netball Monday" is not Nia's tutor's new day)
            got = self._values(probe, ent, holders[ent.id], day)
            if got:
                return got
        return self._by_old_value(probe, holders, day, before) or self._by_statement(probe, holders, day) \
            or self._continued(probe, holders, day, before)

    def _continued(self, probe: SlotProbe, holders: dict[str, dict[str, Fact]], day: datetime,
                   before: str = "") -> list[Anchored]:
        """A correction that names nothing picks up an earlier thread (:mod:`.continuation`): its names
        hold no word ("he", "they", "it" only). A sentence that names a thing is about that thing ("the gym
        has put the fee up to £38 now" is not the plumber's quote: rev11's near misses)."""
        if self.embed is None or not probe.cue or any(re.search(r"[^\W\d_]{2}", m) for m in probe.mentions):
            return []
        classes = {cls for _, cls in probe.values}
        said = normalise_name(probe.text)
        # a sentence that says a slot's current value is read by _by_old_value only ("Mr Okonjo and Ms
        # Haddad are both coming now" is no new person in charge)
        slots = [(ent, attr, fact) for eid, held in holders.items() if (ent := self.resolver.entity(eid)) is not None
                 for attr, fact in held.items() if any(attr in CLASS_ATTRIBUTES.get(c, ()) for c in classes)
                 and not _value_said(fact.value or "", said)]
        found = continued_slot(probe, slots, self.embed, MARGIN, before, _GENERIC)
        return self._new_value(probe, found[0], found[1], found[2], day, by_class=True) if found else []

    def _by_statement(self, probe: SlotProbe, holders: dict[str, dict[str, Fact]], day: datetime) -> list[Anchored]:
        """A slot whose first statement named what the probe names: the words of the probe's
        mentions (its nouns and names, not its values) that the held fact's own sentence says,
        beyond the fact's value ("he's joined Monzo" after "my old flatmate Raj works for
        Deloitte": Raj; "we're on BT broadband now" after "our broadband is with Virgin"). The
        slot with the most such words takes the probe's value of its class, when it is the only
        one with that many and the probe says a word of change or two words are shared."""
        said = {w for m in probe.mentions for w in _name_words(m)} - {w for v, _ in probe.values for w in _name_words(v)}
        said -= _GENERIC
        names = {w.casefold() for w in re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+", probe.text)}
        scored: list[tuple[int, str, str]] = []
        for eid, slots in holders.items():
            ent = self.resolver.entity(eid)
            if ent is None or probe.user_clause and ent.type != "thing" and not probe.cue:
                continue
            for attr, fact in slots.items():
                classes = [c for c, attrs in CLASS_ATTRIBUTES.items() if attr in attrs]
                if not any(cls in classes for _, cls in probe.values):
                    continue
                source = fact.text.split(" (", 1)[-1]
                shared = said & (set(_name_words(source)) | set(_name_words(ent.name))) - set(_name_words(fact.value or ""))
                if shared:  # a name shared (capitalised where the first statement said it) weighs two
                    scored.append((sum(1 + (w in names) for w in shared), eid, attr))
        if not scored:
            return []
        scored.sort(reverse=True)
        best = scored[0][0]
        if len([s for s in scored if s[0] == best]) != 1 or not (probe.cue or best >= 2):
            return []
        _, eid, attr = scored[0]
        ent = self.resolver.entity(eid)
        return self._new_value(probe, ent, attr, holders[eid][attr], day, by_class=True) if ent is not None else []

    def _by_old_value(self, probe: SlotProbe, holders: dict[str, dict[str, Fact]], day: datetime,
                      before: str = "") -> list[Anchored]:
        """A slot named by its current value: the sentence says the old value is old ("Lou's
        stepped down, Harpreet's treasurer now", "the Falmouth sale fell through, mum went for
        Penzance", "£640, not the £480"), a word names the attribute ("a band called The
        Lowlands… they're Night Ferry now") or, but for who is in charge, a word of change ("went
        for Ripon in the end, the Harrogate flat was too dear"), and the clause gives a new value of
        its class, about no other person ("my sister left Zing for Brightgrid" is hers). Only
        when exactly one slot's value is said, for names, places and amounts (a day or a state is
        said of too many things). The old value may also be in ``before``, the sentence just before
        in the same message, when that sentence calls it gone and the probe says a word of change
        ("Dr Okafor's left the Elms, I've been given Dr Lindqvist instead")."""
        said = normalise_name(probe.text)
        prior = normalise_name(before) if probe.cue else ""
        hits: list[Anchored] = []
        values = {normalise_name(v) for v, _ in probe.values}
        first = normalise_name(probe.mentions[0]) if probe.mentions else ""
        for eid, slots in holders.items():
            ent = self.resolver.entity(eid)
            if ent is None or probe.user_clause and ent.type != "thing" and not probe.cue:
                continue
            if first and first not in values and not set(first.split()) & set(normalise_name(ent.name).split()) \
                    and self._someone(first):
                continue  # "my sister left Zing for Brightgrid": her provider, not ours ("my brother's lot": his band's)
            for attr, fact in slots.items():
                old = normalise_name(fact.value or "")
                if attr not in BY_VALUE or len(re.sub(r"\W", "", old)) < 3:
                    continue
                rx = re.compile(r"(?<![\w'])" + re.escape(old) + r"(?!\w)")
                m = rx.search(said) or _leading_name(fact.value or "", probe.text, said)
                if m is None and prior and any(gone_after(prior, p.end()) for p in rx.finditer(prior)):
                    hits.extend(self._new_value(probe, ent, attr, fact, day))
                    continue
                if m and (attr in probe.attribute_words or old_said(said, m.start(), m.end())
                          or attr in _NAMED_BY and _NAMED_BY[attr].search(said)
                          or probe.cue and attr != "person_in_charge"):
                    hits.extend(self._new_value(probe, ent, attr, fact, day))
        return hits if len({(a.entity.id, a.plain) for a in hits}) == 1 else []

    def _someone(self, name: str) -> bool:
        """The name is a person's: a kin or people noun ("sister") or a known person."""
        known = self.resolver.lookup(name)
        return name in PEOPLE_NOUNS or known is not None and known.type == "person"

    def _new_value(self, probe: SlotProbe, ent: Entity, attr: str, fact: Fact, day: datetime,
                   by_class: bool = False) -> list[Anchored]:
        """The probe's first value of a class ``attr`` takes that is not the old one, as the slot's
        new value (``by_class``: the classes of :data:`CLASS_ATTRIBUTES`, else of :data:`BY_VALUE`)."""
        own = {w for name in (ent.name, *ent.aliases) for w in normalise_name(name).split()}
        old = plain_name(fact.value or "")
        for value, cls in same_type_first(probe.values, fact.value or ""):
            plain = plain_name(value)
            takes = attr in CLASS_ATTRIBUTES.get(cls, ()) if by_class else cls in BY_VALUE[attr]
            if not takes or not plain or set(normalise_name(value).split()) <= own \
                    or plain == old or plain in old or old in plain:
                continue
            cand = CandidateFact(
                subject=ent.name, subject_type=ent.type, predicate=attr, value=value,
                text=f"{statement(ent.name, attr, value)} ({probe.text})"[:300],
                valid_from=datetime(day.year, day.month, day.day), granularity="day", speaker="user",
                source_turns=list(probe.source_turns), confidence=ANCHOR_CUE)
            return [Anchored(cand, ent, plain)]
        return []

    def _owned(self, names: list[str], holders: dict[str, dict[str, Fact]]) -> list[Entity]:
        """Things whose name starts with a person's name the probe gives ("Maya" → "Maya band"),
        when exactly one such thing is held."""
        people = {normalise_name(n) for n in names if (e := self.resolver.lookup(n)) is not None and e.type == "person"
                  or n[:1].isupper() and " " not in n}
        hits = [e for eid in holders if (e := self.resolver.entity(eid)) is not None and e.type == "thing"
                and len(e.name.split()) > 1 and normalise_name(e.name).split()[0] in people]
        return hits if len(hits) == 1 else []

    def _values(self, probe: SlotProbe, ent: Entity, slots: dict[str, Fact], day: datetime) -> list[Anchored]:
        own = {w for name in (ent.name, *ent.aliases) for w in normalise_name(name).split()}
        out: list[Anchored] = []
        done: set[str] = set()
        for value, cls in same_type_first(probe.values, " ".join(f.value or "" for f in slots.values())):
            plain = plain_name(value)
            if not plain or set(normalise_name(value).split()) <= own:
                continue  # "Jordan runs Tuesday spin": neither Tuesday nor spin is a value of it
            attrs = [a for a in CLASS_ATTRIBUTES.get(cls, ()) if a in slots and a not in done
                     and (a not in NEEDS_WORD or a in probe.attribute_words or probe.cue and not probe.user_clause)]
            if len(attrs) > 1:
                named = [a for a in attrs if a in probe.attribute_words]
                attrs = named if len(named) == 1 else attrs
            if len(attrs) != 1:
                continue
            attr = attrs[0]
            old = plain_name(slots[attr].value or "")
            if plain == old or plain in old or old and old in plain:
                if not probe.cue:
                    done.add(attr)  # said again, not changed ("moved it from Tuesday to Wednesday": go on)
                continue
            cand = CandidateFact(
                subject=ent.name, subject_type=ent.type, predicate=attr, value=value,
                text=f"{statement(ent.name, attr, value)} ({probe.text})"[:300],
                valid_from=datetime(day.year, day.month, day.day), granularity="day", speaker="user",
                source_turns=list(probe.source_turns), confidence=ANCHOR_CUE if probe.cue else 0.5)
            out.append(Anchored(cand, ent, plain))
            done.add(attr)
        return out
