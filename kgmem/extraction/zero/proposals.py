"""Propose predicates by meaning: clause embeddings against an example bank per predicate.

The bank is data (``kgmem/resources/predicates/*.jsonl``): one record per line,
``{"predicate": ..., "kind": "description" | "example", "text": ...}``, with a few example
sentences per registry predicate written for this purpose (never copied from the benchmark's
templates) and a ``"none"`` class of clauses that state nothing about the user (requests, chit-chat,
other people). A clause's score for a predicate is the mean of its two best cosine similarities to
that predicate's texts; proposals are the predicates scoring at least ``threshold`` and within
``margin`` of the best, best first, and nothing when "none" scores best. The thresholds were chosen
by hand on the synthetic benchmark's development family; eval/results/extraction_calibration.md
sweeps them for the meaning stage alone (fit: the dev family; check: two hand-written sets) and
finds F1 flat within 0.003 around them. :class:`ValueFirst` is a measured alternative, not the
default (eval/bench_extraction_design.py: it cost check-set precision and gained no check-set recall).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from kgmem import predicates
from kgmem.embeddings import Embedder

NONE = "none"
#: chosen by hand on development-family (synthetic-s dev) results; swept in eval/results/extraction_calibration.md
DEFAULT_THRESHOLD = 0.30
DEFAULT_MARGIN = 0.12


class BankError(ValueError):
    """A malformed example-bank file (names the file, line and field)."""


@dataclass(frozen=True)
class Exemplar:
    predicate: str
    kind: str
    text: str


@dataclass(frozen=True)
class Proposal:
    predicate: str
    score: float


def bank_files(folder: str = "") -> list[Path]:
    """The packaged bank files, sorted by name (``folder="entities"``: the attribute bank for
    facts about other people and things)."""
    root = resources.files("kgmem") / "resources" / "predicates"
    if folder:
        root = root / folder
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".jsonl"))


def load_bank(paths: Sequence[Path] | None = None) -> list[Exemplar]:
    """Read the bank; every record must name a registry predicate (or "none") and a text."""
    out: list[Exemplar] = []
    for path in paths if paths is not None else bank_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BankError(f"{path}:{n}: not JSON ({exc})") from exc
            for key in ("predicate", "text"):
                if not isinstance(rec.get(key), str) or not rec[key].strip():
                    raise BankError(f"{path}:{n}: field {key!r} must be a non-empty string")
            pred = rec["predicate"]
            if pred != NONE and predicates.get(pred) is None:
                raise BankError(f"{path}:{n}: field 'predicate': {pred!r} is not a registry predicate")
            out.append(Exemplar(pred, str(rec.get("kind", "example")), rec["text"].strip()))
    if not out:
        raise BankError("the predicate example bank is empty")
    return out


def bank_digest(bank: Sequence[Exemplar]) -> str:
    """A short hash of the bank's content (part of the extraction cache key)."""
    h = hashlib.sha256()
    for e in bank:
        h.update(f"{e.predicate}\t{e.kind}\t{e.text}\n".encode())
    return h.hexdigest()[:10]


@dataclass(frozen=True)
class ValueFirst:
    """Value-first selection (see :mod:`.meaning`): the predicates tried for a clause are every one
    scoring at least ``threshold``, within ``margin`` of the best and at most ``none_slack`` below
    the "none" class; the clause's facts are those whose predicate found a value of its kind, best
    first, a second one only within ``extra_margin`` of the first kept. The type gate (no value of
    the predicate's kind, no fact) is what lets the meaning gate be wider than predicate-first's."""

    threshold: float
    margin: float
    none_slack: float
    extra_margin: float

    @property
    def digest(self) -> str:
        return f"vf{self.threshold:.2f}-{self.margin:.2f}-{self.none_slack:.2f}-{self.extra_margin:.2f}"


class Proposer:
    """Ranks registry predicates for clause vectors by similarity to the example bank.

    ``value_first``: None proposes predicate first (:meth:`propose`); a :class:`ValueFirst` makes
    :meth:`candidates` wider, for the meaning stage to choose among by value kind."""

    def __init__(self, embedder: Embedder, bank: Sequence[Exemplar] | None = None,
                 threshold: float = DEFAULT_THRESHOLD, margin: float = DEFAULT_MARGIN,
                 value_first: ValueFirst | None = None) -> None:
        self.embedder = embedder
        self.bank = list(bank) if bank is not None else load_bank()
        self.threshold = threshold
        self.margin = margin
        self.value_first = value_first
        self.labels = sorted({e.predicate for e in self.bank})
        self._vectors: np.ndarray | None = None
        self._members = [np.array([i for i, e in enumerate(self.bank) if e.predicate == p]) for p in self.labels]

    @property
    def digest(self) -> str:
        vf = "-" + self.value_first.digest if self.value_first is not None else ""
        return f"{bank_digest(self.bank)}-t{self.threshold:.2f}-m{self.margin:.2f}{vf}"

    def _bank_vectors(self) -> np.ndarray:
        if self._vectors is None:
            self._vectors = np.asarray(self.embedder.embed([e.text for e in self.bank]), dtype=np.float32)
        return self._vectors

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        """(n clauses, n labels) scores: mean of the two best similarities per label."""
        if len(vectors) == 0:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        sims = np.asarray(vectors, dtype=np.float32) @ self._bank_vectors().T
        out = np.empty((len(vectors), len(self.labels)), dtype=np.float32)
        for j, idx in enumerate(self._members):
            part = np.sort(sims[:, idx], axis=1)
            out[:, j] = part[:, -2:].mean(axis=1) if part.shape[1] > 1 else part[:, -1]
        return out

    def rank(self, row: np.ndarray) -> list[Proposal]:
        """Every label of one score row, best first."""
        order = np.argsort(-row)
        return [Proposal(self.labels[j], float(row[j])) for j in order]

    def propose(self, row: np.ndarray) -> list[Proposal]:
        """The proposals of one clause: above the threshold, within the margin, none-class wins."""
        ranked = self.rank(row)
        if not ranked or ranked[0].predicate == NONE:
            return []
        best = ranked[0].score
        out: list[Proposal] = []
        for p in ranked:
            if p.score < self.threshold or p.score < best - self.margin:
                break
            if p.predicate == NONE:
                break
            out.append(p)
        return out

    def candidates(self, row: np.ndarray) -> list[Proposal]:
        """The predicates a clause's values are tried for, best first: :meth:`propose`'s, or with
        value-first selection every one passing its wider gate (none-class and margin included)."""
        vf = self.value_first
        if vf is None:
            return self.propose(row)
        ranked = self.rank(row)
        none = next((p.score for p in ranked if p.predicate == NONE), -1.0)
        real = [p for p in ranked if p.predicate != NONE]
        if not real:
            return []
        floor = max(vf.threshold, real[0].score - vf.margin, none - vf.none_slack)
        return [p for p in real if p.score >= floor]
