"""The committed held-out files are valid, complete and exactly what eval/heldout/build.py builds.

Checks counts and validity only; assertion messages never quote held-out content (implementers
run this test and must not see the data; see eval/heldout/README.md).
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "eval" / "heldout"
TYPES = {"single-session-user", "single-session-assistant", "single-session-preference",
         "multi-session", "knowledge-update", "temporal-reasoning"}


def _build_module() -> Any:
    spec = importlib.util.spec_from_file_location("heldout_build", HELDOUT / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_files_are_what_build_produces() -> None:
    full, oracle = _build_module().build()
    assert (HELDOUT / "handwritten_v1.json").read_text(encoding="utf-8") == full, \
        "handwritten_v1.json is stale: run eval/heldout/build.py"
    assert (HELDOUT / "handwritten_v1_oracle.json").read_text(encoding="utf-8") == oracle, \
        "handwritten_v1_oracle.json is stale: run eval/heldout/build.py"


def test_heldout_files_are_valid_and_cover_every_type() -> None:
    from kgmem.datasets.longmemeval import validate_file

    for name in ("handwritten_v1.json", "handwritten_v1_oracle.json"):
        problems = validate_file(HELDOUT / name)
        assert not problems, f"{name}: {len(problems)} validation problem(s)"
    records = json.loads((HELDOUT / "handwritten_v1.json").read_text(encoding="utf-8"))
    types = Counter(r["question_type"] for r in records)
    n_abs = sum(r["question_id"].endswith("_abs") for r in records)
    assert len(records) >= 30 and set(types) == TYPES and n_abs >= 4
    for r in records:
        n = len(r["haystack_sessions"])
        dates = r["haystack_dates"]
        flagged = {sid for sid, s in zip(r["haystack_session_ids"], r["haystack_sessions"],
                                         strict=True) if any(t.get("has_answer") for t in s)}
        assert 20 <= n <= 40 and dates == sorted(dates) and dates[-1] < r["question_date"]
        assert set(r["answer_session_ids"]) == flagged
        assert bool(flagged) != r["question_id"].endswith("_abs")
