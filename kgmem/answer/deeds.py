"""Which of the user's lines tell a done deed of the asked kind, by meaning over a many-voice bank.

"How many films have I watched" must count "Cried through the end of Past Lives" and "Blasted
through every series of Line of Duty": neither says "watch" nor "film", and the cosine of such a
line to the counted phrase ("I have watched films") is no higher than "That helps." (ms18 note).
So a line is read by its nearest neighbours in the predicate example bank — the hand-written
sentences of every registry predicate (``resources/predicates/*.jsonl``), the mined many-voice
bank (``resources/predicates/mined``) and this module's own sentences of deeds told by what
happened (``resources/lexicon/deeds.jsonl``: endings, episodes, chapters, a row at a screening) —
and a line whose neighbours vote most for the asked predicate tells that deed; a line whose
neighbours vote clearly for another predicate of the user ("watching cartoons in Polish to
practise" → speaks_language, "the coffee machine broke" → bought) tells something else.

The asked predicate is read from the question's counted phrase ("I have watched films or shows"
→ watched: the registry's cues, then the same vote). Lines are added only for deeds whose item is a
title (the registry's ``kind="title"``: watched, read_book), named in the line (or in the sentence
before, which a pronoun refers to), or a place gone to (``kind="place"`` that accumulates: visited),
named in the line as a place ("lost my sunglasses somewhere in Gdansk"). For an event deed (attended) lines are only set
aside when they tell another deed: an event told without a name is as often a wish as a deed. Whose deed it is and whether it was done (a plan, a wish, a friend's) stays with
:func:`kgmem.answer.countable.why_not`, as for every counted line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from kgmem import knowledge, packaged, predicates, temporal
from kgmem.answer.evidence import BOOKING_VERBS, EvidenceSet, Line, arrangement
from kgmem.answer.spans import typed_spans
from kgmem.bank_cache import bank_vectors
from kgmem.nlp import load_nlp
from kgmem.predicate_bank import NONE, bank_files, load_bank

#: neighbours that vote (10: few enough that a handful of close sentences of one deed outvote a crowd of
#: loosely related ones; the extraction proposer uses 30 for clauses)
K = 10
#: a line's vote for a predicate under which it tells nothing of it (similarity mass over K)
FLOOR = 0.06
#: another predicate's vote at which a line tells that one, when the asked one is under FLOOR
OTHER = 0.08
#: the registry kinds whose deeds are read here: the item is a title the line names
TITLE_KINDS = frozenset({"title"})
#: ... and the kinds whose deeds are events: a line tells one without naming it ("the reunion on Friday")
EVENT_KINDS = frozenset({"event"})
#: ... and the kinds whose deeds are places gone to: the line names the place ("the photos from Porto came out great")
PLACE_KINDS = frozenset({"place"})


@lru_cache(maxsize=1)
def bank() -> tuple[tuple[str, str], ...]:
    """(predicate, sentence) of every bank file: the predicate folder, its mined folder, deeds.jsonl."""
    deeds = Path(str(packaged.path("lexicon", "deeds.jsonl")))
    rows = load_bank([*bank_files(), *bank_files("mined"), deeds])
    return tuple((e.predicate, e.text) for e in rows if e.kind != "description")


def _vectors(embed_name: str, embed: object) -> np.ndarray:
    """The bank's vectors, kept on disk by embedder name and bank content (a fresh home would
    otherwise embed ~1,900 sentences at its first count question)."""
    rows = bank()
    digest = hashlib.sha256((embed_name + "\n" + "\n".join(f"{p}\t{t}" for p, t in rows)).encode()).hexdigest()[:16]
    return bank_vectors(f"deeds-{digest}", [t for _, t in rows], embed.embed)  # type: ignore[attr-defined]


_CACHE: dict[str, np.ndarray] = {}


def votes(embedder: object, texts: Sequence[str]) -> list[dict[str, float]]:
    """Per text, each predicate's similarity-weighted vote of its K nearest bank sentences, over K."""
    if embedder is None or not texts:
        return [{} for _ in texts]
    name = str(getattr(embedder, "name", "")) or repr(type(embedder))
    if name not in _CACHE:
        _CACHE[name] = _vectors(name, embedder)
    bank_vecs, labels = _CACHE[name], [p for p, _ in bank()]
    sims = np.asarray(embedder.embed(list(texts)), dtype=np.float32) @ bank_vecs.T  # type: ignore[attr-defined]
    k = min(K, sims.shape[1])
    out: list[dict[str, float]] = []
    for row in sims:
        near = np.argpartition(-row, k - 1)[:k]
        mass: dict[str, float] = {}
        for j in near:
            mass[labels[j]] = mass.get(labels[j], 0.0) + float(row[j]) / k
        out.append(mass)
    return out


def top(vote: dict[str, float]) -> tuple[str | None, float]:
    """The predicate (not "none") with the largest vote, and its vote."""
    real = [(v, p) for p, v in vote.items() if p != NONE]
    if not real:
        return None, 0.0
    v, p = max(real)
    return p, v


def title_deed(words: set[str], vote: dict[str, float]) -> str | None:
    """The title deed (watched, read_book) a count question asks about: the one whose registry cues
    the counted phrase's words (lemmas) hold ("books" → read_book: the registry's own words for
    it), else the title deed its neighbours vote most for, at least FLOOR; ``None`` when the
    question counts no title deed, or when the phrase's neighbours vote most for another deed
    that accumulates ("I have been to shows": attended, though "show" is a cue of watched)."""
    titled = [p for p in predicates.REGISTRY.values() if p.kind in TITLE_KINDS]
    first, _ = top(vote)
    reg = predicates.get(first) if first else None
    if reg is not None and not reg.single_valued and reg.kind not in TITLE_KINDS:
        return None
    cued = [p.name for p in titled if words & {c for cue in p.cues for c in cue.split()}]
    if len(cued) == 1:
        return cued[0]
    best = max(((vote.get(p.name, 0.0), p.name) for p in titled if not cued or p.name in cued), default=(0.0, ""))
    return best[1] if best[0] >= FLOOR else None


def event_deed(words: set[str], vote: dict[str, float]) -> str | None:
    """The event deed (attended) a count question asks about: its registry cues hold one of the
    counted phrase's words ("events", "concerts") and the phrase's neighbours vote most for it."""
    first, v = top(vote)
    reg = predicates.get(first) if first else None
    cues = {c for cue in reg.cues for c in cue.split()} if reg is not None else set()
    return first if reg is not None and reg.kind in EVENT_KINDS and words & cues and v >= FLOOR else None


def place_deed(words: set[str], vote: dict[str, float]) -> str | None:
    """The place deed (visited) a count question asks about: the predicate of a place that accumulates for
    which the counted phrase's neighbours vote most, at least FLOOR ("cities I have visited", "countries I
    have been to"; not "cities I have lived in": one value at a time). ``words`` are unused: a place deed's
    question is told in too many ways ("been to", "set foot in") for the registry's cues."""
    first, v = top(vote)
    reg = predicates.get(first) if first else None
    return first if reg is not None and reg.kind in PLACE_KINDS and not reg.single_valued and v >= FLOOR else None


def tells(vote: dict[str, float], asked: str) -> bool:
    """The line tells the asked deed: its neighbours vote most for it, at least FLOOR."""
    pred, v = top(vote)
    return pred == asked and v >= FLOOR


def tells_other(vote: dict[str, float], asked: str) -> str | None:
    """The other predicate a line clearly tells instead of the asked one ("watching cartoons in
    Polish to practise" → speaks_language for "films I've watched"), else ``None``."""
    pred, v = top(vote)
    if pred is None or pred == asked or v < OTHER or vote.get(asked, 0.0) >= FLOOR:
        return None
    return pred


#: a pronoun that takes its thing from the sentence before ("… the soundtrack in Arrival? I had *it* on repeat")
_REFERS = re.compile(r"\b(?:it|them)\b", re.I)
Key = tuple[str, int]


@dataclass
class Reading:
    """What :func:`read_lines` found for a count question."""

    #: the title deed counted (watched, read_book), None when the question counts none
    deed: str | None = None
    #: the own lines that tell it and name a title, or refer by a pronoun to the title the sentence before names
    told: set[Key] = field(default_factory=set)
    #: the own lines that tell another predicate instead, with why they do not count
    other: dict[Key, str] = field(default_factory=dict)
    #: the titles (as written) the referring lines take
    referred: dict[Key, str] = field(default_factory=dict)


def read_lines(ev: EvidenceSet, phrase: str, own: Sequence[Line], names: Callable[[Line], set[str]],
               pattern: re.Pattern[str]) -> Reading:
    """Read a count question's own lines for the title deed its counted phrase asks about
    (:func:`title_deed`); ``names``: a line's names, lower case; ``pattern``: a name run as written."""
    emb = ev.result.embedder
    words = {t.lemma_.lower() for t in load_nlp()(phrase, disable=("parser", "ner")) if t.is_alpha}
    asked = votes(emb, [phrase])[0] if emb is not None else {}
    deed = title_deed(words, asked) or event_deed(words, asked) or place_deed(words, asked)
    out = Reading(deed)
    if deed is None:
        return out
    if deed == place_deed(words, asked):  # a place deed's line names a place, not any title ("Side note")
        names = _placed(names)
    # an event deed's lines are read for another deed told instead ("the front desk at the rec centre knows
    # me by name" is no event), and added only where they name the event: a line telling one without a name is as
    # often a wish ("putting off planning a party"); a name that is only a place tells a trip ("back from Lisbon")
    adding = deed != event_deed(words, asked)
    placed = _placed(names)
    lines = {(ln.turn_id, ln.position): ln for ln in ev.all_user_lines()}
    for ln, vote in zip(own, votes(emb, [ln.text for ln in own]), strict=True):
        key = (ln.turn_id, ln.position)
        before = lines.get((ln.turn_id, ln.position - 1))
        if adding and tells(vote, deed) and names(ln):
            out.told.add(key)
        elif not adding and tells(vote, deed) and (named := names(ln)) and not named <= placed(ln):
            out.told.add(key)  # "Les Mis matinee today", "we took the kids to Hamilton at the Victoria Palace"
        elif adding and tells(vote, deed) and before is not None and _REFERS.search(ln.text) and (named := names(before)):
            out.told.add(key)
            runs = [r.group(0).strip(" ,.") for r in pattern.finditer(before.text)]
            out.referred[key] = max((r for r in runs if r.casefold() in named), key=len, default=max(named, key=len))
        elif pred := tells_other(vote, deed):
            out.other[key] = f"tells {pred.replace('_', ' ')}, not {deed.replace('_', ' ')}"
    return out


#: a booking word however the parse tags it ("Booked flights to …" opens with a capital the tagger may read as a name)
_BOOKING = re.compile(r"\b(?:" + "|".join(sorted(BOOKING_VERBS - {"sign"})) + r")(?:e?d|ing|s|led|ling)?\b", re.I)


def _placed(names: Callable[[Line], set[str]]) -> Callable[[Line], set[str]]:
    """A line's names that are places by the entity recogniser (or a capitalised name after "from", "in", "to", …);
    none for a booking or a line whose own time is ahead ("Booked flights to Lisbon for June": where the user will go)."""
    def placed(ln: Line) -> set[str]:
        if arrangement(ln.text) or _BOOKING.search(ln.text) or \
                any(s.resolved.future for s in temporal.find_time_expressions(ln.text, ln.said_at)):
            return set()
        # a town the gazetteer knows counts where the recogniser read none ("walking round Seville on Monday")
        places = {p.casefold() for p in (*typed_spans(ln.text, "place"), *knowledge.towns_in(ln.text))}
        return {n for n in names(ln) if n in places}
    return placed


def bank_path() -> Path:
    """The file of this module's own sentences (for tests)."""
    return Path(str(packaged.path("lexicon", "deeds.jsonl")))
