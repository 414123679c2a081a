"""eval/sweep_presence.py: the threshold is swept without editing presence.py, and restored.

The meaning check's cosines are recorded per question; the tally counts correct answers, false
abstentions on answerable questions and ``_abs`` correct. Invented words, a stand-in embedder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from script_loader import load_script

from kgmem.answer import presence

ROOT = Path(__file__).resolve().parents[2]
sweep = load_script(ROOT / "eval" / "sweep_presence.py", "sweep_presence")


def _embed(texts: Sequence[str]) -> np.ndarray:
    # "ferry" and "boat" at cosine 0.7, everything else apart
    table = {"ferry": [1.0, 0.0], "boat": [0.7, 0.71414], "harbour": [0.0, 1.0]}
    return np.array([table.get(t, [0.0, 0.0]) for t in texts], dtype=np.float32)


def test_threshold_moves_the_meaning_check_and_is_restored() -> None:
    before = presence.WORD_SIMILARITY
    log: list[float] = []
    with sweep.recording(log), sweep.threshold(0.68):
        absent, sims = presence.unsupported(["ferry"], ["we took the boat"], _embed)
    assert absent == [] and log == [sims["ferry"]] and abs(sims["ferry"] - 0.7) < 1e-3
    with sweep.threshold(0.72):
        assert presence.unsupported(["ferry"], ["we took the boat"], _embed)[0] == ["ferry"]
    assert presence.WORD_SIMILARITY == before
    assert presence.unsupported is not None and presence.unsupported.__name__ == "unsupported"


def test_tally() -> None:
    rows = {"a": {"correct": True, "abs": False, "declined": False},
            "b": {"correct": False, "abs": False, "declined": True},
            "c": {"correct": True, "abs": True, "declined": True}}
    assert sweep._tally(rows) == {"n": 3, "correct": 2, "answerable": 2, "false_abstentions": 1,
                                  "abs_n": 1, "abs_correct": 1}
