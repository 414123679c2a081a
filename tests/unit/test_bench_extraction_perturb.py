"""The perturbed copies of the development sentence sets (eval/bench_extraction_perturb.py) and the
aggregate-only stage report of the held-out family (eval/bench_extraction_stages.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from eval import bench_extraction_perturb as perturb  # noqa: E402
from eval import bench_extraction_stages as stages  # noqa: E402


def test_lower_copy_lower_cases_user_turns_only() -> None:
    rows = [{"role": "user", "text": "I moved to Leeds", "expected": []},
            {"role": "assistant", "text": "Welcome to Leeds!", "expected": []}]
    out = perturb.perturb_rows(rows, "lower")
    assert [r["text"] for r in out] == ["i moved to leeds", "Welcome to Leeds!"]
    assert rows[0]["text"] == "I moved to Leeds"  # a copy, the set itself untouched


def test_typo_copy_is_deterministic_and_keeps_expected_values() -> None:
    text = "Yesterday afternoon Priyanka finally started volunteering somewhere wonderful"
    rows = [{"text": text, "expected": [{"predicate": "friend", "value": "Priyanka"}]}]
    a, b = perturb.perturb_rows(rows, "typos"), perturb.perturb_rows(rows, "typos")
    assert a == b and a[0]["text"] != text
    assert "Priyanka" in a[0]["text"]  # a word of an expected value is never misspelled
    assert sorted(a[0]["text"]) == sorted(text)  # letters swapped, none added or lost


def test_held_out_folder_is_not_copied() -> None:
    with pytest.raises(SystemExit, match="held-out"):
        perturb.main(["lower", str(ROOT / "tests" / "fixtures" / "extraction" / "heldout" / "x.jsonl")])


@pytest.mark.parametrize("family", ["heldout2", "heldout3"])
def test_held_out_family_report_keeps_aggregates_only(monkeypatch: pytest.MonkeyPatch, family: str) -> None:
    full = {"family": family, "split": "s", "haystacks": 1, "extractor_version": "v", "seconds": 0.1,
            "stages_total": {"matched": 3, "no_value_of_type": 2}, "stages_by_predicate": {"lives_in": {"matched": 1}},
            "details": {"subject is not the user": 1}, "false_positives_by_predicate": {"lives_in": {"same_predicate": 1}},
            "false_positives_total": 1, "value_checks": {"planted": 5}}
    monkeypatch.setattr(stages, "_run", lambda *a, **k: dict(full))
    res = stages.run("s", None, family, None)
    assert res["aggregate_only"] and "stages_by_predicate" not in res and "details" not in res
    assert "lives_in" not in stages.to_markdown(res)
    assert "stages_by_predicate" in stages.run("s", None, "dev", None)
    assert "stages_by_predicate" in stages.run("s", None, "dev3", None)  # a development family
