"""eval/abstain_gates.py: which rows --list may show one by one (development data only)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from eval.abstain_gates import DEV_FAMILIES, listable  # noqa: E402


def test_development_families_are_listed_and_held_out_ones_never(tmp_path: Path) -> None:
    rows = [{"question_id": f"q{k}", "template_family": fam} for k, fam in
            enumerate(("dev", "heldout", "dev3", "heldout2", "heldout3"))]
    assert [r["template_family"] for r in listable(tmp_path, rows)] == ["dev", "heldout", "dev3"]
    assert not DEV_FAMILIES & {"heldout2", "heldout3"}


def test_a_run_of_no_development_set_is_refused(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps({"split_tag": "heldout_v3"}), encoding="utf-8")
    with pytest.raises(SystemExit):
        listable(tmp_path, [{"question_id": "q1"}])
    (tmp_path / "manifest.json").write_text(json.dumps({"split_tag": "dev11"}), encoding="utf-8")
    assert listable(tmp_path, [{"question_id": "q1"}]) == [{"question_id": "q1"}]


def test_evidence_state_says_where_the_gold_sessions_stood() -> None:
    from eval.abstain_gates import evidence_state

    row = {"answer_session_ids": ["a", "b"], "context_session_ids": ["a", "b", "c"], "retrieved_session_ids": ["a"]}
    assert evidence_state(row) == "all in context"
    assert evidence_state({**row, "context_session_ids": ["b"]}) == "some in context"
    assert evidence_state({**row, "context_session_ids": ["c"]}) == "retrieved, not in context"
    assert evidence_state({**row, "context_session_ids": [], "retrieved_session_ids": ["z"]}) == "not retrieved"
    assert evidence_state({"answer_session_ids": []}) == "no gold evidence"


def test_hedges_are_split_by_why_they_fell_back_without_the_models_words() -> None:
    from eval.abstain_gates import census, fallback_why, split

    rows = [{"question_type": "single-session-user", "predicted_answer": "I'm not sure; the closest thing you told me is x",
             "system_notes": {"path": "fallback", "fallback": "model output rejected: repeats the context"}},
            {"question_type": "temporal-reasoning", "predicted_answer": "I'm not sure; the closest thing you told me is y",
             "system_notes": {"path": "fallback", "fallback": "no typed value: closest line cited"}},
            {"question_type": "temporal-reasoning", "predicted_answer": "I don't know", "abstained": True,
             "system_notes": {"path": "abstain", "abstain_reason": "no place value for the question in memory"}},
            {"question_type": "temporal-reasoning", "predicted_answer": "I don't know", "abstained": True,
             "is_abstention": True, "system_notes": {"path": "abstain", "abstain_reason": "never mentioned: Oslo"}}]
    counts, declined = census(rows)
    assert sum(n for (_, is_abs), n in counts.items() if not is_abs) == 3
    assert [fallback_why(r) for r in rows[:2]] == ["model output rejected: repeats the context", "no typed value"]
    by_type = split(declined, lambda r: r["question_type"])
    assert by_type.splitlines()[0] == "| gate | single-session-user | temporal-reasoning |"
    assert by_type.splitlines()[-1] == "| **all** | 1 | 2 |"
    assert "Oslo" not in by_type and "closest" not in split(declined, fallback_why)


def test_a_hedges_quoted_line_is_told_apart_by_whether_it_holds_the_gold_answer() -> None:
    from eval.abstain_gates import quote_holds_gold

    hedge = "I'm not sure; the closest thing you told me is \"Dropped it at Kettering Cycles, bless them\" (said 2027-03-02)."
    assert quote_holds_gold({"predicted_answer": hedge, "gold_answer": "Kettering Cycles"}) == \
        "quoted line holds the gold answer"
    assert quote_holds_gold({"predicted_answer": hedge, "gold_answer": "Halfords"}) == "quoted line lacks it"
    assert quote_holds_gold({"predicted_answer": hedge, "gold_answer": "Kettering"}) == \
        "quoted line holds the gold answer"
    assert quote_holds_gold({"predicted_answer": hedge, "gold_answer": "Cycle"}) == "quoted line lacks it"  # whole words
    assert quote_holds_gold({"predicted_answer": "I don't know", "gold_answer": "x"}) == "no quoted line"


def test_a_declined_numbers_evidence_is_split_by_how_the_number_was_told() -> None:
    from eval.abstain_gates import number_told

    row = {"gold_answer": "$200"}
    assert number_told(row, [("user", "Paid $200 for the lot.")]) == "told in digits in a user line"
    assert number_told(row, [("user", "That came to two hundred dollars.")]) == "told in words in a user line"
    assert number_told(row, [("user", "Bought a desk."), ("assistant", "That is 200 in total.")]) \
        == "in the assistant's turn only"
    assert number_told(row, [("user", "Bought a desk for $120 and a lamp for $80.")]) \
        == "in no line (computed: a count, a sum or a span)"
    assert number_told({"gold_answer": "Lisbon"}, []) == "gold answer holds no number"
