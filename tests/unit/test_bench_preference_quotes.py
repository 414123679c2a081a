"""eval/bench_preference_quotes.py: preference answers re-scored without their quoted spans."""

from __future__ import annotations

import json
from pathlib import Path

from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
RUBRIC = ("The user would prefer suggestions of hiking trails with lake views, building on their love of "
          "hiking; they might not prefer city tours.")


def test_quoted_keywords_no_longer_score(tmp_path: Path) -> None:
    bench = load_script(ROOT / "eval" / "bench_preference_quotes.py", "bench_preference_quotes")
    quoting = 'Try a trail near you (you told me: "I love hiking trails with lake views").'
    recommending = "Try hiking trails with lake views, e.g. a loop around a reservoir."
    recs = [
        {"question_id": "p1", "question_type": "single-session-preference", "is_abstention": False,
         "question": "Any ideas for Saturday?", "gold_answer": RUBRIC, "predicted_answer": quoting,
         "verdict": {"correct": True}, "error": None},
        {"question_id": "p2", "question_type": "single-session-preference", "is_abstention": False,
         "question": "What should I do this weekend?", "gold_answer": RUBRIC, "predicted_answer": recommending,
         "verdict": {"correct": True}, "error": None},
        {"question_id": "u1", "question_type": "single-session-user", "is_abstention": False,
         "question": "Where do I live?", "gold_answer": "Leeds", "predicted_answer": "Leeds",
         "verdict": {"correct": True}, "error": None},
    ]
    (tmp_path / "predictions.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert bench.without_quotes(quoting) == "Try a trail near you (you told me:  )."
    assert bench.count(tmp_path) == {"n": 2, "as_scored": 2, "quotes_removed": 1, "today": 1}
