"""read_taste skips the frames whose anchor words a clause does not hold (pf20, a first-ask speed-up): the skip must
change no reading. Every development sentence of the extraction fixtures (never the held-out ones) and every user
line of the sample split, with its parts and clauses, is read with and without the skip."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import kgmem.answer.taste as taste
from kgmem.answer.pref_reading import PARTS
from kgmem.answer.pref_reasons import clauses

_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def _texts() -> list[str]:
    out: set[str] = set()
    for path in sorted(_FIXTURES.glob("*.jsonl")):  # (heldout/ is a folder: not globbed)
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            for key in ("text", "sentence", "turn", "before", "after"):
                if isinstance(row.get(key), str):
                    out.add(row[key])
    sample = Path(taste.__file__).resolve().parents[1] / "resources" / "sample" / "sample.json"
    for q in json.loads(sample.read_text(encoding="utf-8")):
        for session in q["haystack_sessions"]:
            out.update(t["content"] for t in session if t["role"] == "user")
    return sorted(out)


def _pieces(texts: list[str]) -> list[str]:
    out: set[str] = set()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            out.add(sentence)
            out.update(PARTS.split(sentence))
            out.update(clauses(sentence))
    return sorted(out)


def test_the_anchors_change_no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    pieces = _pieces(_texts())
    assert len(pieces) > 2000
    taste.read_taste.cache_clear()
    gated = [taste.read_taste(p) for p in pieces]
    monkeypatch.setattr(taste, "_GATED", False)
    taste.read_taste.cache_clear()
    plain = [taste.read_taste(p) for p in pieces]
    taste.read_taste.cache_clear()
    assert sum(r is not None for r in plain) > 100  # the sentences state tastes
    assert [(p, g) for p, g, r in zip(pieces, gated, plain) if g != r] == []


def test_an_anchor_is_in_every_match() -> None:
    # each frame's own example, read with the skip: a frame whose anchors were wrong would lose it
    for clause, expected in [("I can't stand opera", (False, "opera")), ("we steer clear of chain pubs", (False, "chain pubs")),
                             ("cilantro tastes like soap to me", (False, "cilantro")), ("big yes to spicy food", (True, "spicy food")),
                             ("a garden is a must", (True, "garden")), ("I'd rather walk than drive", (True, "walking")),
                             ("nothing beats a hot bath", (True, "hot bath")), ("my nut allergy", (False, "nut"))]:
        assert taste.read_taste(clause) == expected, clause
