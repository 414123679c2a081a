"""What general knowledge says about a name: which places lie within a region, which things are a kind
of another. One place that every gate asks "is X within / an instance of Y" (the presence gate of
:mod:`kgmem.answer.abstain`, the event matcher), decided from two compact tables built once by
:mod:`kgmem.knowledge.build` (GeoNames places, WordNet 3.0 nouns), never from a phrase list.

- :func:`within` ("Porto" within "Portugal", "Tenby" within "Wales", "Hobart" within "Tasmania"):
  a place name has readings (every place of that name, with its admin-1 region, admin-2 region,
  country and population). A reading counts when the context names one of its regions ("Paris,
  Texas"), else when it dominates its name (:data:`DOMINANT_SHARE` of the population of all places
  so named: Paris is the French one); an ambiguous name with no support decides nothing (``None``).
- :func:`is_kind_of` ("collie" a "dog", "monstera" a "plant"): the thing's most frequent WordNet
  noun sense has a sense of the kind among its hypernyms; kinds near the top of the hierarchy
  ("thing", "object") are no kind (:data:`MIN_KIND_DEPTH`). The WordNet readers live in
  :mod:`kgmem.knowledge.kinds`; this module holds the places and re-exports them.

MiniLM cannot stand in for either: containment and neighbours score alike (Norway~Oslo 0.781 <
Norway~Sweden 0.798; dog~collie 0.590 < dog~cat 0.661; notes/fa14.md).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kgmem.knowledge import tables
from kgmem.knowledge.kinds import (
    MIN_KIND_DEPTH,
    WORD,
    first_sense_a_person,
    is_kind_of,
    kind_table,
    kinds_within,
    names_a_person,
    sense_kind_of,
)
from kgmem.text import fold

__all__ = ["DOMINANT_SHARE", "MAX_NAME_WORDS", "MIN_KIND_DEPTH", "MIN_OUTSIDE_POPULATION", "Reading", "common_word",
           "first_sense_a_person",
           "is_kind_of", "is_region", "kinds_within", "named_otherwise", "names_a_person", "places_within",
           "readings_of", "regions_in", "sense_kind_of", "warm_up", "within"]

#: a place name with no support in its context means its most populous place only when that place
#: holds this share of the population of all places so named (Hobart, Tasmania 0.84 of the Hobarts;
#: Queenstown, South Africa 0.90 of the Queenstowns: "queenstown" alone is not New Zealand's)
DOMINANT_SHARE = 0.75
#: a place read outside the region must be at least this big to say so: the tables hold each place
#: under its GeoNames name, often the local one ("Sevilla", "Köln"), so a small namesake elsewhere
#: (Seville, Ohio; Cologne, Minnesota) is no evidence that the name lies outside
MIN_OUTSIDE_POPULATION = 50_000
#: the longest run of words read as one place name ("Santa Cruz de Tenerife"; longer GeoNames names
#: are administrative spellings nobody says)
MAX_NAME_WORDS = 4

_SENTENCE_END = re.compile(r"[.!?:;\n]")


@dataclass(frozen=True)
class Reading:
    """One place a name may mean: its country code, admin-1 and admin-2 region (indices, -1: none)."""

    country: str
    state: int
    county: int
    population: int


class _Places:
    """The place tables: raw rows by folded name, readings built when a name is looked up."""

    def __init__(self) -> None:
        data, aliases = tables.load("places.json.gz"), tables.load("place_aliases.json")
        self.rows: dict[str, list[list[int]]] = data["places"]
        self.states: list[tuple[str, str, int]] = [(cc, n, p) for cc, n, p in data["states"]]
        self.others: dict[str, set[str]] = {}  # a big city's names, each to the others ("seville" ~ "sevilla")
        for other, cities in tables.load("exonyms.json.gz")["exonyms"].items():  # "Seville" is also Sevilla's
            for own, cc in cities:
                row = max((r for r in self.rows.get(own, []) if self.states[r[1]][0] == cc), key=lambda r: r[2], default=None)
                if row is not None and row not in self.rows.setdefault(other, []):
                    self.rows[other].append(row)
                    self.others.setdefault(other, set()).add(own)
                    self.others.setdefault(own, set()).add(other)
        self.counties: list[tuple[int, str, int]] = [(s, n, p) for s, n, p in data["counties"]]
        #: a region's names → the regions: ("country", code) | ("state", index) | ("county", index)
        self.regions: dict[str, set[tuple[str, Any]]] = {}
        self.country_names: dict[str, list[str]] = {}
        for code, name in data["countries"].items():
            self._region(name, ("country", code))
            if "," in name:  # "Korea, Republic of" is also "Korea"
                self._region(name.split(",")[0], ("country", code))
        for alias, code in aliases["countries"].items():
            self._region(alias, ("country", code))
        self.state_names: dict[str, list[int]] = {}
        for i, (_cc, name, _) in enumerate(self.states):
            self._region(name, ("state", i))
            self.state_names.setdefault(fold(name), []).append(i)
        self.county_names: dict[str, list[int]] = {}
        for i, (_, name, _) in enumerate(self.counties):
            self._region(name, ("county", i))
            self.county_names.setdefault(fold(name), []).append(i)
        for key in [k for k in self.regions if k.startswith("the ")]:  # "the cook islands" ~ "cook islands"
            self.regions.setdefault(key[4:], set()).update(self.regions[key])
        for key, regions in self.regions.items():
            for kind, ref in regions:
                if kind == "country":
                    self.country_names.setdefault(ref, []).append(key)
        self.known = frozenset((*self.rows, *self.state_names, *self.county_names))
        #: the first words of the names of several words (a run is read on only from one of them)
        self.openers = frozenset(n.split()[0] for n in (*self.known, *self.regions) if " " in n)
        self.longest = max(len(n.split()) for n in (*self.rows, *self.regions))

    def _region(self, name: str, region: tuple[str, Any]) -> None:
        self.regions.setdefault(fold(name), set()).add(region)

    def knows(self, key: str) -> bool:
        return key in self.known

    @lru_cache(maxsize=4096)  # noqa: B019 - one instance for the process
    def readings(self, key: str) -> tuple[Reading, ...]:
        """Every place a folded name may mean: towns, admin-1 and admin-2 regions so named."""
        out = [Reading(self.states[s][0], s, c, pop) for c, s, pop in self.rows.get(key, [])]
        out += [Reading(self.states[s][0], s, -1, self.states[s][2]) for s in self.state_names.get(key, [])]
        out += [Reading(self.states[self.counties[c][0]][0], self.counties[c][0], c, self.counties[c][2])
                for c in self.county_names.get(key, [])]
        return tuple(out)

    def names(self, r: Reading) -> list[str]:
        """The folded names of a reading's regions (admin-1, admin-2, country)."""
        out = [fold(self.states[r.state][1])]
        if r.county >= 0:
            out.append(fold(self.counties[r.county][1]))
        return out + self.country_names.get(r.country, [])


def _places() -> _Places:
    places: _Places = tables.table("places", _Places)
    return places


def warm_up() -> threading.Thread | None:
    """Read both tables in a background thread (a :class:`kgmem.api.Memory` starts one) so that no
    question waits on them (0.6 s on a quiet machine, several seconds under load); ``None`` when
    they are already read. Nothing waits for the thread: a start that never asks pays nothing."""
    if tables.ready("places", "kinds"):
        return None
    thread = threading.Thread(target=lambda: (_places(), kind_table()), name="kgmem-knowledge-warm-up", daemon=True)
    thread.start()
    return thread


def _key(name: str) -> str:
    key = " ".join(WORD.findall(fold(name)))
    return key[4:] if key.startswith("the ") else key


def is_region(name: str) -> bool:
    """Whether a name is a country or a country's region (admin-1, admin-2) general knowledge knows."""
    return _key(name) in _places().regions


def _inside(r: Reading, region: tuple[str, Any]) -> bool:
    kind, ref = region
    if kind == "country":
        return bool(r.country == ref)
    if kind == "state":
        return bool(r.state == ref)
    return bool(r.county == ref)


def _context(text: str) -> str:
    """A text's folded words, space-padded, for whole-word look-ups of region names."""
    return f" {' '.join(WORD.findall(fold(text)))} " if text else ""


def _supported(readings: Sequence[Reading], ctx: str, own: str) -> list[Reading]:
    """The readings the context (:func:`_context`) names a region of (other than by the name itself)."""
    if not ctx.strip():
        return []
    places = _places()
    return [r for r in readings if any(n != own and f" {n} " in ctx for n in places.names(r))]


def _dominant(readings: Sequence[Reading], level: Callable[[Reading], Any]) -> list[Reading]:
    """The readings of the group (by ``level``: country, then admin-1 region) that holds
    :data:`DOMINANT_SHARE` of the population; none when no group does."""
    groups: dict[Any, list[Reading]] = {}
    for r in readings:
        groups.setdefault(level(r), []).append(r)
    weight = {g: max(r.population for r in rs) for g, rs in groups.items()}
    total = sum(weight.values())
    best = max(weight, key=lambda g: weight[g])
    return groups[best] if total and weight[best] >= DOMINANT_SHARE * total else []


def readings_of(part: str, context: str = "", *, depth: str = "country") -> tuple[list[Reading], bool]:
    """The readings a place name has in its context, and whether the context chose them: those the
    context supports, else those of the dominant country (and, for ``depth="state"``, of its dominant
    admin-1 region), else none (an ambiguous name decides nothing)."""
    return _readings(_key(part), _context(context), depth)


def _readings(own: str, ctx: str, depth: str) -> tuple[list[Reading], bool]:
    readings = _places().readings(own)
    if not readings:
        return [], False
    supported = _supported(readings, ctx, own)
    if supported:
        return supported, True
    out = _dominant(readings, lambda r: r.country)
    if out and depth != "country":
        out = _dominant(out, lambda r: r.state)
    return out, False


def within(part: str, whole: str, context: str = "") -> bool | None:
    """Whether the place ``part`` lies within the region ``whole`` ("Porto", "Portugal": True;
    "Porto", "Spain": False); ``None`` when either is no known place or ``part`` is ambiguous in
    ``context`` (the text it was said in)."""
    regions = _places().regions.get(_key(whole))
    if not regions or _key(part) == _key(whole):
        return None
    return _verdict(_key(part), regions, _context(context))


def _verdict(own: str, regions: set[tuple[str, Any]], ctx: str) -> bool | None:
    depth = "country" if all(kind == "country" for kind, _ in regions) else "state"
    readings, chosen = _readings(own, ctx, depth)
    if not readings:
        return None
    if any(_inside(r, g) for r in readings for g in regions):
        return True
    # a name known only as small towns elsewhere may be a big place under its local name ("Seville":
    # GeoNames says "Sevilla"; the Sevilles it knows are in Ohio and Victoria): no verdict, unless
    # the context itself placed it ("Paris, Texas")
    return False if chosen or max(r.population for r in readings) >= MIN_OUTSIDE_POPULATION else None


def named_otherwise(name: str, text: str) -> bool:
    """Whether a text names the big city ``name`` under another of its names ("Sevilla" for "Seville")."""
    others, ctx = _places().others.get(_key(name), ()), _context(text)
    return any(f" {o} " in ctx for o in others)


def _spans(text: str) -> Iterable[tuple[str, str, bool]]:
    """Runs of one to a few words of a text: (as written, folded key, whether every word is written
    capitalised mid-sentence). Each word is folded once; a run does not cross punctuation."""
    toks = list(WORD.finditer(text))
    folded = [fold(t.group(0)) for t in toks]
    upper = [t.group(0)[:1].isupper() for t in toks]
    gaps = [text[toks[i - 1].end():toks[i].start()] if i else text[:toks[0].start()] for i in range(len(toks))]
    initial = [i == 0 or bool(_SENTENCE_END.search(gaps[i])) for i in range(len(toks))]
    places = _places()
    longest = min(places.longest, MAX_NAME_WORDS)
    for i in range(len(toks)):
        for n in range(1, longest + 1 if folded[i] in places.openers or folded[i] == "the" else 2):
            if i + n > len(toks) or (n > 1 and gaps[i + n - 1].strip() not in ("", "-")):
                break
            key = " ".join(folded[i:i + n])
            yield (text[toks[i].start():toks[i + n - 1].end()], key[4:] if key.startswith("the ") else key,
                   not initial[i] and all(upper[i:i + n]))


def common_word(name: str) -> bool:
    """Whether every word of a name is also a common English word ("Nice", "Bath", "New Town"):
    such a name is a place only where it is written as one."""
    common = kind_table().common
    return all(w in common for w in _key(name).split())


def places_within(whole: str, text: str) -> list[str]:
    """The place names of a text (as written) that lie within the region ``whole``, each read in the
    text as its context. A name that is also a common English word ("Bath", "Nice", "Reading") counts
    only written capitalised mid-sentence."""
    regions = _places().regions.get(_key(whole))
    if not regions:
        return []
    out: list[str] = []
    places, common, own, ctx = _places(), kind_table().common, _key(whole), _context(text)
    for said, key, capital in _spans(text):
        if not places.knows(key) or key == own or said in out:
            continue
        if all(w in common for w in key.split()) and not capital:
            continue
        if _verdict(key, regions, ctx):
            out.append(said)
    return out


def regions_in(text: str) -> list[str]:
    """The names of countries and regions a text names (as written, longest first: "the Cook Islands",
    "my tasmania trip" → tasmania); a common English word ("turkey", "china") only capitalised mid-sentence."""
    regions, common = _places().regions, kind_table().common
    out: list[str] = []
    taken: list[tuple[int, int]] = []
    for said, key, capital in sorted(_spans(text), key=lambda s: -len(s[1])):
        if key not in regions or (all(w in common for w in key.split()) and not capital):
            continue
        at = text.find(said)
        if any(a <= at < b for a, b in taken):
            continue
        taken.append((at, at + len(said)))
        out.append(said)
    return out


def towns_in(text: str) -> list[str]:
    """The town and city names of a text the gazetteer knows, written capitalised ("walking round Seville"), a
    common English word ("Bath", "Nice") only capitalised mid-sentence; for when the entity recogniser reads none."""
    places, common = _places(), kind_table().common
    return [said for said, key, capital in _spans(text) if said[:1].isupper()
            and places.knows(key) and (capital or not all(w in common for w in key.split()))]
