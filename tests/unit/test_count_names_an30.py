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
