"""pf21 (issue #14, first-ask latency of preference answers): ingest reads by their parse the clauses a preference
answer reads by their parse (kgmem.answer.pref_prime), so a first preference question reads those parses from disk
and parses nothing of the user's constraints; the readings are the same. Every line here is written for this test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from test_parse_cache import _fresh

from kgmem import nlp
from kgmem.answer import actuality as actuality_module
from kgmem.answer import pref_reasons, pref_refusal, pref_whose, subjects
from kgmem.answer.evidence import lines_of
from kgmem.answer.pref_reasons import Reason, clauses, ended, states_constraint
from kgmem.answer.pref_refusal import refused_things_in
from kgmem.answer.pref_whose import holders
from kgmem.api import Memory
from kgmem.parse_cache import PARSE_CACHE_FILENAME

SAID = [
    (datetime(2025, 3, 1, 9), "My flatmate Joss can't have anything with sesame, so the kitchen stays sesame-free.",
     "I don't eat pork btw, and I need to book the boiler service."),
    (datetime(2025, 3, 8, 19), "I used to be vegetarian until 2021. Loud bars wear me out, I'd rather a quiet pub.",
     "We have to keep it under forty quid a head."),
]


def _forget() -> None:
    """Drop the readings kept in this process, as a new process starts without them."""
    for fn in (pref_refusal.refused_by_parse, pref_reasons._ended, pref_whose.holders, subjects.someone_else,
               actuality_module.actuality, actuality_module._core):
        fn.cache_clear()


def _readings(turns: list[list[str]]) -> list[object]:
    """What a preference answer reads by the parse of every constraint clause (domain_constraints' calls)."""
    out: list[object] = []
    for lines in turns:
        for k, text in enumerate(lines):
            stated = [c for c in clauses(text) if states_constraint(c, parsed=False)]
            if stated:
                out.append(holders(tuple(lines[:k + 1])))
            for c in stated:
                out += [states_constraint(c), refused_things_in(c.replace("\u2019", "'")), ended(Reason(c, "", c, False))]
    return out


def test_after_ingest_the_constraint_clauses_are_read_not_parsed(
        chat_memory: Callable[..., Memory], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _forget()
    m = chat_memory("pp", SAID, "pp", "Noted!")
    path = m.settings.cache_dir / PARSE_CACHE_FILENAME
    turns = [[ln.text for ln in lines_of(t, datetime.min)] for t in m.store.turns("pp") if t.role == "user"]
    expected = _readings(turns)  # read in this process
    assert any(r == ["pork"] for r in expected)  # the control: a refusal read by the parse

    fresh, counted = _fresh(path)  # a new process: nothing in memory, the home's parse cache on disk
    monkeypatch.setattr(nlp, "_PIPELINE", fresh)
    _forget()
    assert _readings(turns) == expected
    assert counted.parsed == 0

    empty, recounted = _fresh(tmp_path / "empty.sqlite")  # without the primed parses the same reading parses
    monkeypatch.setattr(nlp, "_PIPELINE", empty)
    _forget()
    assert _readings(turns) == expected
    assert recounted.parsed >= 3
    _forget()
