"""Propose predicates by meaning: clause embeddings against an example bank per predicate.

The bank is data (``kgmem/resources/predicates/*.jsonl``): one record per line,
``{"predicate": ..., "kind": "description" | "example", "text": ...}``, with a few example
sentences per registry predicate written for this purpose (never copied from the benchmark's
templates) and a ``"none"`` class of clauses that state nothing about the user (requests, chit-chat,
other people). A clause's score for a predicate is the mean of its two best cosine similarities to
that predicate's texts; proposals are the predicates scoring at least ``threshold`` and within
``margin`` of the best, best first, and nothing when "none" scores best. The thresholds were chosen
by hand on the synthetic benchmark's development family only (no committed sweep).
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
#: chosen by hand while reading development-family (synthetic-s dev) results; no sweep is committed
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


class Proposer:
    """Ranks registry predicates for clause vectors by similarity to the example bank."""

    def __init__(self, embedder: Embedder, bank: Sequence[Exemplar] | None = None,
                 threshold: float = DEFAULT_THRESHOLD, margin: float = DEFAULT_MARGIN) -> None:
        self.embedder = embedder
        self.bank = list(bank) if bank is not None else load_bank()
        self.threshold = threshold
        self.margin = margin
        self.labels = sorted({e.predicate for e in self.bank})
        self._vectors: np.ndarray | None = None
        self._members = [np.array([i for i, e in enumerate(self.bank) if e.predicate == p]) for p in self.labels]

    @property
    def digest(self) -> str:
        return f"{bank_digest(self.bank)}-t{self.threshold:.2f}-m{self.margin:.2f}"

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
