"""The predicate example banks as data: ``kgmem/resources/predicates/*.jsonl`` (hand-written), its
``mined/`` folder (many voices, eval/build_exemplars.py) and ``entities/`` (facts about others).

One record per line: ``{"predicate": <registry name or "none">, "text": ..., "kind": "example" |
"description"}``. Read here for every layer that votes by them: the extraction proposer
(:mod:`kgmem.extraction.zero.proposals`) and the answer side's deed reading (:mod:`kgmem.answer.deeds`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kgmem import packaged, predicates

#: the label of a sentence that tells no fact
NONE = "none"


class BankError(ValueError):
    """A malformed example-bank file (names the file, line and field)."""


@dataclass(frozen=True)
class Exemplar:
    predicate: str
    kind: str
    text: str


def bank_files(folder: str = "") -> list[Path]:
    """The packaged bank files, sorted by name (``folder="entities"``: the attribute bank for
    facts about other people and things)."""
    root = packaged.path("predicates")
    if folder:
        root = root / folder
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".jsonl"))


def mined_bank(paths: Sequence[Path] | None = None) -> list[Exemplar]:
    """The many-voice bank mined from development sources by eval/build_exemplars.py
    (``resources/predicates/mined/*.jsonl``); empty when none is packaged."""
    if paths is None:
        root = packaged.path("predicates") / "mined"
        paths = bank_files("mined") if root.is_dir() else []
    return load_bank(paths) if paths else []


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
