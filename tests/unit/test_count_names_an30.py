"""Counts of things named only by a proper noun or a title (an30, session 30).

Sentences written by hand for these tests (not the generator's, not a set's, not a held-out family's)."""

from __future__ import annotations

import json
from pathlib import Path


def test_the_count_names_an30_set_is_well_formed() -> None:
    """tests/fixtures/answers/count_names_an30.jsonl (eval/bench_answer_sets.py --set counts_an30): >= 25 count
    questions, every value in none of its wrong numbers, abstain cases without a value, asked after the last session."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "count_names_an30.jsonl"
    cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(cases) >= 25 and len({c["case_id"] for c in cases}) == len(cases)
    for c in cases:
        assert (c["answer_value"] is None) == (c["answer_kind"] == "abstain"), c["case_id"]
        assert all(w["value"] != c["answer_value"] for w in c["wrong"]), c["case_id"]
        assert c["question_date"] > c["sessions"][-1]["date"], c["case_id"]
        assert "how many" in c["question"].lower(), c["case_id"]


def test_the_latest_on_a_thing_asks_its_status() -> None:
    """"What's the latest on …?" / "Where has … got to?" ask a thing's state now, as "What's the status of …?" does."""
    from kgmem.answer.entity_slot import asked_predicates

    for q in ("What's the latest on the walnut bookcase?", "whats the latest with my boiler repair",
              "Where has my passport renewal got to?", "How's the loft conversion coming along?"):
        assert asked_predicates(q)[:1] == ("status",), q
    assert "status" not in asked_predicates("What's the latest film I watched?")
    assert "status" not in asked_predicates("Where did I get to on the hike?")
