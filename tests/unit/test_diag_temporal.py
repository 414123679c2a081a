"""eval/diag_temporal.py (tr28): a wrong temporal answer is put in the stage that failed first, and a held-out
family's questions are counted, never printed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from script_loader import load_script

DIAG = load_script(Path(__file__).resolve().parents[2] / "eval" / "diag_temporal.py")

GOLD = {"operation": {"op": "days_between", "facts": ["q:f1", "q:f2"], "days": 10},
        "answer": "10 days", "template_family": "heldout3",
        "facts": [{"fact_id": "q:f1", "valid_from": "2031-03-01", "observed_at": "2031/03/02 (Sun) 10:00",
                   "time_expression": "yesterday", "predicate": "bought"},
                  {"fact_id": "q:f2", "valid_from": "2031-03-11", "observed_at": "2031/03/11 (Tue) 10:00",
                   "time_expression": None, "predicate": "attended"}]}


def _pred(answer: str, intent: str = "duration", path: str = "computed", correct: bool = False,
          retrieved: tuple[str, ...] = ("s1", "s2"), **notes: Any) -> dict[str, Any]:
    return {"question_id": "q", "question_type": "temporal-reasoning", "question": "SECRET QUESTION",
            "template_family": "heldout3", "predicted_answer": answer, "answer_session_ids": ["s1", "s2"],
            "retrieved_session_ids": list(retrieved), "context_session_ids": list(retrieved),
            "evidence_turn_ids": ["s1:0"], "cited_turn_ids": ["s1:0"],
            "system_notes": {"intent": intent, "path": path, **notes}, "verdict": {"correct": correct}}


def test_each_wrong_answer_gets_the_stage_that_failed_first() -> None:
    c = DIAG.classify(_pred("On Saturday, March 1, 2031", intent="when"), GOLD)
    assert c["stage"].startswith("plan: when for a days question") and c["dates"] == "some_gold"
    c = DIAG.classify(_pred("9 days: bought on 2031-03-02, went on 2031-03-11"), GOLD)
    assert (c["stage"], c["value"]) == ("computed: one event wrong", "off_by_1")
    c = DIAG.classify(_pred("9 days ago: bought on 2031-03-02"), GOLD)
    assert c["stage"] == "computed: session date for a told day"
    c = DIAG.classify(_pred("10 days: 2031-03-01, 2031-03-11", correct=True), GOLD)
    assert (c["stage"], c["dates"], c["value"]) == ("-", "all_gold", "exact")
    c = DIAG.classify(_pred("I don't know.", path="abstain", abstain_reason="no actual event for: x (mentioned only as "
                                                                            "plan)"), GOLD)
    assert c["stage"] == "abstained: no actual event (only as plan)"
    c = DIAG.classify(_pred("12 days", retrieved=("s1",)), GOLD)
    assert c["stage"].startswith("retrieval (some")
    assert DIAG.answer_dates("On Wednesday, June 28, 2023 (and 2023-07-01)") == {
        DIAG.date(2023, 6, 28), DIAG.date(2023, 7, 1)}


def test_a_held_out_familys_question_is_never_shown(tmp_path: Path, capsys: Any) -> None:
    (tmp_path / "predictions.jsonl").write_text(json.dumps(_pred("On March 1, 2031", intent="when")) + "\n")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"questions": {"q": GOLD}}))
    report = DIAG.run(tmp_path, gold, "temporal-reasoning", show=5)
    assert report["n"] == 1 and report["right"] == 0
    print(DIAG.render(report))
    assert "SECRET" not in capsys.readouterr().out
