"""eval/bench_other_entity_updates.py --perturb: a copy of a development pair file whose questions
are re-typed by eval/perturb_devset.py, everything else byte-identical; held-out pairs refused.
The record below is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
bench = load_script(ROOT / "eval" / "bench_other_entity_updates.py", "bench_other_entity_updates")

RECORD = {"id": "inv-001", "topic": "club day",
          "sessions": [{"date": "2024/03/01 (Fri) 10:00", "turns": [{"role": "user", "content": "Choir is on Mondays."}]}],
          "question": "When does the Harrowgate choir meet at the firm?", "question_date": "2024/04/01 (Mon) 10:00",
          "answer": "Tuesdays", "old_value": "Mondays"}


def test_the_copy_changes_the_question_only(tmp_path: Path) -> None:
    src = tmp_path / "pairs.jsonl"
    src.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    out, changed = bench.perturbed_copy(src, "all", 0, tmp_path / "copy.jsonl")
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert changed == 1 and row["question"] != RECORD["question"] and row["question"] == row["question"].lower()
    assert "company" in row["question"]  # reworded ("firm" → "company")
    assert {k: v for k, v in row.items() if k != "question"} == {k: v for k, v in RECORD.items() if k != "question"}
    again, _ = bench.perturbed_copy(src, "all", 0, tmp_path / "again.jsonl")
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")  # deterministic by seed


def test_held_out_pairs_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        bench.perturbed_copy(Path("tests/fixtures/extraction/heldout/other_entity_updates.jsonl"), "lower", 0,
                             tmp_path / "x.jsonl")
