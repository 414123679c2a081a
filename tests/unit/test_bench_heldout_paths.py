"""eval/bench_heldout.py's answer-path table: counts per path and question type, nothing per question."""

from __future__ import annotations

import json
from pathlib import Path

from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]


def _rec(qid: str, qtype: str, path: str | None, correct: bool, answer: str, abs_q: bool = False) -> dict:
    return {"question_id": qid, "question_type": qtype, "is_abstention": abs_q, "predicted_answer": answer,
            "abstained": False, "system_notes": {"path": path} if path else {},
            "verdict": {"correct": correct}, "error": None}


def test_path_counts_split_by_type_and_sum_to_all(tmp_path: Path) -> None:
    bench = load_script(ROOT / "eval" / "bench_heldout.py", "bench_heldout_paths")
    recs = [
        _rec("q1", "temporal-reasoning", "computed", True, "12 days"),
        _rec("q2", "temporal-reasoning", "computed", False, "3 days"),
        _rec("q3", "temporal-reasoning", "abstain", False, "I don't know: you never told me about that."),
        _rec("q4", "knowledge-update", None, True, "Lisbon"),  # no path noted (baseline): "model"
        _rec("q5_abs", "single-session-user", "abstain", True, "I don't know.", abs_q=True),
        _rec("q1", "temporal-reasoning", "computed", True, "12 days"),  # a resumed run rewrote q1: counted once
    ]
    (tmp_path / "predictions.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    counts = bench._path_counts(tmp_path)
    assert counts["temporal-reasoning"]["computed"] == {"n": 2, "correct": 1, "abstained": 0}
    assert counts["temporal-reasoning"]["abstain"] == {"n": 1, "correct": 0, "abstained": 1}
    assert counts["knowledge-update"]["model"]["correct"] == 1
    assert counts["_abs"]["abstain"] == {"n": 1, "correct": 1, "abstained": 1}
    assert sum(c["n"] for c in counts["all"].values()) == 5
    md = "\n".join(bench._render_paths([{"system": "kgmem", "answer_paths": counts}]))
    assert "| temporal-reasoning | 1/2 | 0/1 (1) | – |" in md
    assert "q1" not in md and "Lisbon" not in md  # aggregates only
