"""Entity resolution: one Entity per person/place/item of a user, across sessions.

Names are keyed by :func:`kgmem.ids.normalise_name` (casefold, accents, articles, "my"), plus a
small alias table (the user is ``"user"``: "I", "me", "myself"); two names resolve to one entity
only on an exact normalised-name/alias match or a safe variant (possessive, plural), never on a
shared word — "New York" and "York" stay two entities. Optional embedding similarity can link
near-identical spellings of the same type ("Dr. Patel" / "Dr Patel") above a strict threshold.
Entity ids are deterministic (:func:`kgmem.ids.entity_id` of the canonical name).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from kgmem.ids import entity_id, normalise_name
from kgmem.lexicon import people
from kgmem.models import Entity
from kgmem.text import FUNCTION_WORDS

USER_NAME = "user"
USER_ALIASES = ("I", "me", "myself", "the user")


def user_entity(user_id: str) -> Entity:
    """The namespace's own user, the subject of first-person facts."""
    return Entity(id=entity_id(user_id, USER_NAME), user_id=user_id, name=USER_NAME,
                  type="person", aliases=list(USER_ALIASES))


def _name_words(name: str) -> list[str]:
    """Content words of a name, singular ("books" → "book"), in order."""
    out = []
    for w in re.findall(r"[\w]+", normalise_name(name)):
        if w in FUNCTION_WORDS or w == "s":
            continue
        if len(w) > 4 and re.search(r"(?:ch|sh|x|ss)es$", w):
            w = w[:-2]  # "launches" → "launch", "boxes" → "box"
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out


#: head nouns that name the same kind of thing ("the design sync" = "the design meeting"; "the
#: parcel" = "the order"): a later name may use another word of the kind
_HEAD_KINDS: dict[str, str] = {w: kind for kind, words in {
    "meeting": ("meeting", "sync", "call", "standup", "catchup", "review", "huddle", "briefing"),
    "appointment": ("appointment", "appt", "visit", "checkup", "consultation", "session"),
    "order": ("order", "parcel", "package", "delivery", "shipment"),
    "ticket": ("ticket", "request", "case", "claim", "complaint", "application"),
    "lesson": ("lesson", "class", "course", "practice", "rehearsal"),
    "party": ("party", "celebration", "bash", "dinner", "drink", "gathering"),
    "trip": ("trip", "holiday", "vacation", "getaway", "break"),
    "flight": ("flight", "plane"),
}.items() for w in words}


#: kin, partners and peers whose word opening a thing's name says whose it is ("my flatmate's ethics essay" is not
#: "the ethics essay" the user spoke of); no word of a kin group, which also names occasions ("parents' evening",
#: "family dinner", "the baby shower")
_OWNERS = people.words("kin", "partners", "social")


def _owned_apart(short: list[str], long_: list[str]) -> bool:
    """The longer name opens with a kin or peer word the shorter lacks: another person's thing."""
    return bool(long_) and long_[0] in _OWNERS and long_[0] not in short


def _head_kind(word: str) -> str:
    return _HEAD_KINDS.get(word, word)


#: head nouns that only say a thing meets or takes place ("the book club meeting" = "book club",
#: "the physio appointment" = "physio"): a name with one of them last names what the name before it does
_OCCASION_HEADS = frozenset(w for w, kind in _HEAD_KINDS.items() if kind in ("meeting", "appointment", "lesson")) \
    | frozenset({"night", "evening"})


def _occasion_of(words: list[str], other: list[str]) -> bool:
    """One name is the other with a word of meeting or taking place after it ("book club meeting" / "book club")."""
    short, long_ = (words, other) if len(words) < len(other) else (other, words)
    return len(long_) == len(short) + 1 and long_[-1] in _OCCASION_HEADS and long_[:-1] == short


def _variants(norm: str) -> list[str]:
    """Safe spelling variants of a normalised name (possessive and simple plural)."""
    out = [norm]
    if norm.endswith("'s"):
        out.append(norm[:-2])
    if norm.endswith("s") and len(norm) > 3 and not norm.endswith("ss"):
        out.append(norm[:-1])
    return out


class EntityResolver:
    """Resolves names to entities of one user, remembering what it has seen.

    Seed it with the user's stored entities; :meth:`resolve` returns the existing entity or a new
    one, and :meth:`new_entities` lists entities created (or given new aliases) since the start.
    """

    def __init__(self, user_id: str, existing: Iterable[Entity] = (),
                 embed: Callable[[Sequence[str]], np.ndarray] | None = None,
                 threshold: float = 0.93) -> None:
        self.user_id = user_id
        self._by_key: dict[str, Entity] = {}
        self._by_id: dict[str, Entity] = {}
        self._touched: dict[str, Entity] = {}
        self._embed = embed
        self._threshold = threshold
        self._vecs: dict[str, np.ndarray] = {}
        for ent in existing:
            self._index(ent)
        user = user_entity(user_id)
        if user.id not in self._by_id:
            self._index(user)
            self._touched[user.id] = user

    def _index(self, ent: Entity) -> None:
        self._by_id[ent.id] = ent
        for name in (ent.name, *ent.aliases):
            norm = normalise_name(name)
            if norm:
                self._by_key.setdefault(norm, ent)

    @property
    def user(self) -> Entity:
        return self._by_id[entity_id(self.user_id, USER_NAME)]

    def entity(self, entity_id_: str) -> Entity | None:
        """The entity with this id, if known."""
        return self._by_id.get(entity_id_)

    def lookup(self, name: str) -> Entity | None:
        """The entity a name already resolves to, if any."""
        norm = normalise_name(name)
        if norm in ("i", "me", "myself"):
            return self.user
        for v in _variants(norm):
            if v in self._by_key:
                return self._by_key[v]
        return None

    def _same_thing(self, name: str, type_: str) -> Entity | None:
        """A thing or person already known under a shorter or longer name with the same head word
        ("the design sync" = "the weekly design team sync"; "Ava's recital" = "Ava's piano
        recital"; "Prof. Ruiz" = "Ruiz"): every word of the shorter name is in the longer one, the
        head words being of one kind for things ("the design meeting" = "the design sync")."""
        words = _name_words(name)
        if not words or type_ not in ("thing", "person"):
            return None
        best: Entity | None = None
        for ent in self._by_id.values():
            if ent.type != type_ or ent.name == USER_NAME:
                continue
            other = _name_words(ent.name)
            if other and type_ == "thing" and _occasion_of(words, other):
                return ent
            if not other or _head_kind(other[-1]) != _head_kind(words[-1]) or other[-1] != words[-1] and type_ != "thing":
                continue
            a, b = [*words[:-1], _head_kind(words[-1])], [*other[:-1], _head_kind(other[-1])]
            short, long_ = (a, b) if len(a) <= len(b) else (b, a)
            if _owned_apart(short, long_):
                continue  # "flatmate ethics essay" is not the user's "essay"
            if set(short) <= set(long_) and (best is None or len(_name_words(best.name)) < len(other)):
                best = ent
        return best

    def same_slot(self, name: str, context: str, holders: Sequence[tuple[str, str]]) -> Entity | None:
        """The one thing already holding the same attribute that ``name`` plausibly names under a
        different head noun ("the dentist … rescheduled Leo" = "Leo's dentist appointment";
        "the basement claim" = "our insurance claim for the flooded basement").

        ``holders``: (entity id, text of its statement) for the things that have a fact of the
        candidate's attribute; ``context``: the candidate's own statement. A holder matches when
        every content word of one name occurs in the other's name or statement; None unless
        exactly one holder matches (two meetings with a time stay two meetings).
        """
        words = set(_name_words(name))
        if not words:
            return None
        mine = words | set(_name_words(context))
        said = context.split(" (", 1)[-1]
        hits: dict[str, Entity] = {}
        for eid, text in holders:
            ent = self._by_id.get(eid)
            if ent is None or ent.type != "thing" or ent.name == USER_NAME or said and text.split(" (", 1)[-1] == said:
                continue  # two things priced in one sentence ("the cottage is £95 a night and the B&B £110") are two
            other = set(_name_words(ent.name))
            if _owned_apart([*other, *_name_words(text)], _name_words(name)):
                continue  # "flatmate ethics essay" names no slot of the user's "essay"
            if other and (words <= other | set(_name_words(text)) or other <= mine):
                hits[ent.id] = ent
        return next(iter(hits.values())) if len(hits) == 1 else None

    def resolve(self, name: str, type_: str = "thing", holders: Sequence[tuple[str, str]] = (),
                context: str = "") -> Entity:
        """The entity for ``name`` (created when new); the spelling is kept as an alias.

        ``holders``/``context``: see :meth:`same_slot` (tried after the name matches)."""
        found = self.lookup(name)
        if found is not None and found.type != type_ and holders and type_ == "thing":
            # "the Japan parcel" read as something bought (an item) and as the thing whose status changes
            found = self._same_thing(name, type_) or self.same_slot(name, context, holders) or found
        if found is None:
            found = self._same_thing(name, type_)
        if found is None and holders and type_ == "thing":
            found = self.same_slot(name, context, holders)
        if found is None and self._embed is not None:
            found = self._similar(name, type_)
        if found is not None:
            if name != found.name and name not in found.aliases and normalise_name(name) != normalise_name(found.name):
                found = found.model_copy(update={"aliases": [*found.aliases, name]})
                self._by_id[found.id] = found
                self._index(found)
                for key, ent in list(self._by_key.items()):
                    if ent.id == found.id:
                        self._by_key[key] = found
                self._touched[found.id] = found
            return found
        clean = re.sub(r"\s+", " ", name).strip()
        ent = Entity(id=entity_id(self.user_id, clean), user_id=self.user_id, name=clean, type=type_)
        self._index(ent)
        self._touched[ent.id] = ent
        return ent

    def _similar(self, name: str, type_: str) -> Entity | None:
        """Embedding match among entities of the same type (strict threshold)."""
        assert self._embed is not None
        pool = [e for e in self._by_id.values() if e.type == type_ and e.name != USER_NAME]
        if not pool:
            return None
        missing = [e for e in pool if e.id not in self._vecs]
        if missing:
            for e, v in zip(missing, self._embed([e.name for e in missing])):
                self._vecs[e.id] = v
        q = self._embed([name])[0]
        best, score = None, -1.0
        for e in pool:
            s = float(np.dot(q, self._vecs[e.id]))
            if s > score:
                best, score = e, s
        if best is None or score < self._threshold:
            return None
        # a shared word alone is not identity ("New York" ≠ "York"): same token count and
        # near-identical spelling only
        a, b = normalise_name(name), normalise_name(best.name)
        if len(a.split()) != len(b.split()):
            return None
        return best if difflib.SequenceMatcher(None, a, b).ratio() >= 0.9 else None

    def new_entities(self) -> list[Entity]:
        """Entities created or updated (aliases) through this resolver."""
        return list(self._touched.values())
