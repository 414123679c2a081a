"""Kind vs instance of a name: the one judgement every event matcher asks before a line that
does not name the question's event in its words may answer it.

A question names a place, a nationality, a person ("my trip to portugal", "my spanish lessons",
"days in italy"); a line the matchers found by meaning may carry the same name, a name inside it
("Back from Lisbon" for Portugal), another name of the same kind ("Flying to Spain" for Portugal,
"Italian course" for "my spanish lessons") or a name of another kind ("Italian course" for "days in
italy": a language is no place). Only the first two may tell the question's event; a line with
another name of the same kind never does, however close the sentences are (rev11 H1).

What a name is comes from the tagger (entities and proper nouns of the phrase; capitalised runs of
a line); which kind it is from the sentence embedder: the kind whose exemplar phrase
(kgmem/resources/lexicon/name_kinds.json: "a country", "a city", "a nationality or language" …) is
clearly the closest. A place of a smaller level close to a larger one may lie inside it (city in
country); two different names of one kind are two things. One embedding batch per call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from kgmem import knowledge, packaged
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import terms
from kgmem.retrieval.question import nlp as question_nlp

#: a name is of a kind when that kind's exemplar is at least this close ...
KIND_MIN = 0.40
#: ... and this much closer than any other kind's (common words are near no exemplar in particular)
KIND_MARGIN = 0.05
#: a place of a smaller level this close to the question's place may lie inside it: Portugal ~
#: Lisbon 0.73, Japan ~ Osaka 0.74, Poland ~ Krakow 0.78; Sweden ~ Oslo 0.61, Ireland ~ Cardiff
#: 0.53 (development probes, MiniLM; notes/ev12.md)
INSTANCE_NAME = 0.65
#: entity labels of the tagger for names a question may write in lower case ("my trip to portugal",
#: "my spanish lessons"): places and nationalities, the kinds the embedding tells apart. A lower-case
#: fragment's proper-noun tags are not read ("the kitchen reno wrap up": reno, wrap)
_NAME_LABELS = {"GPE", "LOC", "NORP", "LANGUAGE"}
#: the pipeline components the entity recogniser reads
_NER_NEEDS = {"tok2vec", "ner"}
_CAPS = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_NOT_NAMES = {"i", "i'm", "i've", "i'll", "i'd"}

CARRIES, OTHER, NONE = "carries", "other", "none"
#: the families a tagged (not capitalised) name of the question must be of: the embedding tells
#: their kinds apart
_TAGGED_FAMILIES = {"place", "nationality"}


@dataclass(frozen=True)
class Kind:
    """A kind of name: its exemplar phrase, its family (place, nationality …) and, for a place,
    its level (a city 1 … a continent 4)."""

    name: str
    exemplar: str
    family: str
    level: int | None


@lru_cache(maxsize=1)
def kinds() -> tuple[Kind, ...]:
    data = packaged.json_data("lexicon", "name_kinds.json")["kinds"]
    return tuple(Kind(k, v["exemplar"], v["family"], v.get("level")) for k, v in data.items())


@lru_cache(maxsize=1024)
def question_names(phrase: str) -> tuple[tuple[str, bool], ...]:
    """The names of a question's event phrase, each with whether the asker wrote it capitalised:
    capitalised words past the first, and the entity recogniser's places and nationalities, read
    with the phrase's words capitalised ("my trip to greece" → "my Trip to Greece": Greece). A tagged name the embedding gives no kind of place or nationality is dropped by
    :class:`NameCheck` ("my first night in resus" → Resus)."""
    found = [(m.group(0), True) for m in _CAPS.finditer(phrase) if m.start() > 0]
    nlp = question_nlp()
    if nlp is not None:
        # one pass of the entity recogniser alone (no tagger or parser: a few ms) over the phrase
        # with its words capitalised, but the first and the stop words ("my Trip to Greece")
        words = re.findall(r"\S+|\s+", phrase)
        cased = "".join(w[:1].upper() + w[1:] if i > 0 and w.isalpha() and not nlp.vocab[w.lower()].is_stop else w
                        for i, w in enumerate(words))
        doc = nlp(cased, disable=[p for p in nlp.pipe_names if p not in _NER_NEEDS])
        found += [(e.text, False) for e in doc.ents if e.label_ in _NAME_LABELS]
    out: list[tuple[str, bool]] = []
    for name, typed in found:
        if terms(name) and name.lower() not in _NOT_NAMES and not any(terms(name) <= terms(o) for o, _ in out):
            out.append((name, typed))
    return tuple(out)


def line_names(text: str) -> list[str]:
    """The capitalised runs of a line ("Back from Lisbon yesterday" → Back, Lisbon); a run that
    opens the sentence also without its first word ("First Italian class" → Italian). The kind
    check drops the ones near no kind ("Back")."""
    out = []
    for m in _CAPS.finditer(text):
        run = m.group(0)
        if run.lower() in _NOT_NAMES:
            continue
        out.append(run)
        rest = run.split(None, 1)[1:]
        if rest and (m.start() == 0 or re.search(r"[.!?]\s*$|^\W+$", text[:m.start()])):
            out.append(rest[0])
    return out


class NameCheck:
    """The question phrase's names and, per line, whether the line carries one of them (the name
    itself or a place inside it: ``CARRIES``), another name of the same kind and not the asked
    one (``OTHER``), or neither (``NONE``)."""

    def __init__(self, phrase: str, ev: EvidenceSet) -> None:
        self.ev = ev
        self._asked = question_names(phrase)
        self._names: list[tuple[str, Kind | None, np.ndarray | None]] | None = None

    @property
    def names(self) -> list[str]:
        """The phrase's names: the capitalised ones, and the tagged ones of a place or nationality kind."""
        return [n for n, _, _ in self._kinds()]

    def _kinds(self) -> list[tuple[str, Kind | None, np.ndarray | None]]:
        if self._names is None:
            ks = kinds()
            vecs = self.ev.result.embed([k.exemplar for k in ks] + [n for n, _ in self._asked]) if self._asked else None
            if vecs is None:
                self._names = [(n, None, None) for n, typed in self._asked if typed]
            else:
                kv = vecs[:len(ks)]
                named = [(n, typed, _kind_of(v, kv, ks), v) for (n, typed), v in zip(self._asked, vecs[len(ks):])]
                self._names = [(n, k, v) for n, typed, k, v in named
                               if typed or (k is not None and k.family in _TAGGED_FAMILIES)]
        return self._names

    @property
    def asked(self) -> bool:
        """Whether the phrase names anything (else every line is ``NONE`` and no check applies)."""
        return bool(self._kinds())

    def verdicts(self, texts: list[str]) -> list[str]:
        """One verdict per text (one embedding batch for all their names)."""
        asked = self._kinds()
        if not asked:
            return [NONE for _ in texts]
        per_text = [line_names(t) for t in texts]
        others = sorted({n for ns in per_text for n in ns})
        ks = kinds()
        vecs = self.ev.result.embed([k.exemplar for k in ks] + others) if others else None
        if vecs is None or any(v is None for _, _, v in asked):
            return [CARRIES if self._literal(t) else NONE for t in texts]
        kv = vecs[:len(ks)]
        okind = {n: (_kind_of(v, kv, ks), v) for n, v in zip(others, vecs[len(ks):])}
        out = []
        for text, names in zip(texts, per_text):
            have = terms(text)
            rel = [CARRIES if terms(q) <= have else max(
                (_relation(q, k, v, n, *okind[n], text=text) for n in names), default=NONE, key=lambda r: _RANK[r])
                for q, k, v in asked if v is not None]
            out.append(CARRIES if CARRIES in rel else OTHER if OTHER in rel else NONE)
        return out

    def line_verdicts(self, lines: list[Line]) -> list[str]:
        """Per line, as :meth:`verdicts`; a line that names nothing carries the name another
        sentence of its turn names ("Just got back from the trip! Lisbon was amazing": a turn tells
        one event)."""
        if not self._kinds():
            return [NONE for _ in lines]
        turns = {ln.turn_id: [s.text for s in self.ev.turn_lines(ln.turn_id)] for ln in lines}
        texts = list(dict.fromkeys([ln.text for ln in lines] + [t for ts in turns.values() for t in ts]))
        said = dict(zip(texts, self.verdicts(texts)))
        return [said[ln.text] if said[ln.text] != NONE or not any(said[t] == CARRIES for t in turns[ln.turn_id])
                else CARRIES for ln in lines]

    def _literal(self, text: str) -> bool:
        have = terms(text)
        return any(terms(q) <= have for q in self.names)


_RANK = {NONE: 0, OTHER: 1, CARRIES: 2}


def _places(qk: Kind | None, nk: Kind | None) -> bool:
    """Whether two names may both be places (neither is of another kind): only then is the
    gazetteer read (loaded once, on the first such pair)."""
    return (qk is None or qk.family == "place") and (nk is None or nk.family == "place") and (qk or nk) is not None


def _kind_of(vec: np.ndarray, kind_vecs: np.ndarray, ks: tuple[Kind, ...]) -> Kind | None:
    """The kind of a name: its family's closest exemplar is clearly closer than any other family's
    (a common word is near none in particular), then the closest kind of that family."""
    sims = kind_vecs @ vec
    best: dict[str, float] = {}
    for k, sim in zip(ks, sims):
        best[k.family] = max(best.get(k.family, -1.0), float(sim))
    ranked = sorted(best.values(), reverse=True)
    if ranked[0] < KIND_MIN or (len(ranked) > 1 and ranked[0] - ranked[1] < KIND_MARGIN):
        return None
    family = max(best, key=lambda f: best[f])
    return max((k for k in ks if k.family == family), key=lambda k: float(sims[ks.index(k)]))


def _relation(q: str, qk: Kind | None, qv: np.ndarray, name: str, nk: Kind | None, nv: np.ndarray, *,
              text: str = "") -> str:
    """A line's name against a question's: the same name, a place inside it, another of its kind.
    Where general knowledge knows both places it decides (:func:`kgmem.knowledge.within`: Porto lies
    in Portugal, not in Spain, whatever their cosines; a known place elsewhere is another place only
    when the embedding also calls it a place); else the embedding's kinds and closeness."""
    if terms(name) == terms(q):
        return CARRIES
    if _places(qk, nk) and not knowledge.common_word(name):  # ("Nice to be home", "Back from…": the embedding's)
        inside = knowledge.within(name, q, text)
        if inside is not None and (inside or nk is not None):
            return CARRIES if inside else OTHER
    if qk is None or nk is None:
        return NONE
    if nk.name == qk.name:
        return OTHER  # Spain / Portugal, German / French, Lisbon / Seville
    if nk.level is not None and qk.level is not None and nk.level < qk.level and float(qv @ nv) >= INSTANCE_NAME:
        return CARRIES  # Lisbon in Portugal
    return NONE
