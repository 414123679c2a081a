"""eval/diag_entity_pairs.py names the first stage that lost a pair, from the stored facts (oe22)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))

import diag_entity_pairs as diag  # noqa: E402

from kgmem.models import Fact  # noqa: E402

_REC = {"answer": "Rotterdam", "old_value": "Gdańsk"}


def _fact(subject: str, predicate: str, value: str) -> Fact:
    return Fact(id=f"f-{subject}-{value}", user_id="u", subject_id=subject, predicate=predicate, value=value,
                text=value, observed_at=datetime(2030, 1, 1), session_id="s")


@pytest.mark.parametrize(("facts", "answered", "superseded", "stage"), [
    ([], True, True, "ok"),
    ([], False, True, "answer_path"),
    ([], True, False, "answered_unlinked"),
    ([_fact("tomasz", "lives_in", "Rotterdam")], False, False, "no_statement"),
    ([_fact("tomasz", "lives_in", "Gdańsk")], False, False, "no_correction"),
    ([_fact("tomasz", "lives_in", "Gdańsk"), _fact("tom", "lives_in", "Rotterdam")], False, False, "other_entity"),
    ([_fact("tomasz", "lives_in", "Gdańsk"), _fact("tomasz", "venue", "Rotterdam")], False, False, "other_attribute"),
    ([_fact("tomasz", "lives_in", "Gdańsk"), _fact("tomasz", "lives_in", "Rotterdam")], False, False, "not_superseded"),
])
def test_the_first_stage_that_lost_a_pair(facts: list[Fact], answered: bool, superseded: bool, stage: str) -> None:
    assert diag.stage(_REC, facts, answered, superseded) == stage


def test_held_out_pairs_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        diag.measure(tmp_path / "heldout" / "pairs.jsonl", tmp_path)
