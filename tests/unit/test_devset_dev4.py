"""eval/devsets/dev4.json (a hand-written DEVELOPMENT answer set by auth9) is valid and fresh.

It loads with kgmem's LongMemEval loader, equals what eval/devsets/build.py builds for dev4, every
question's answer sessions are in its haystack and flagged, the type counts are the ones
eval/devsets/README.md documents, and ``_abs`` questions have no evidence. bench_heldout.py
--set dev4 points at it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
DEVSETS = ROOT / "eval" / "devsets"
# the counts eval/devsets/README.md documents
TYPE_COUNTS = {"single-session-user": 11, "single-session-assistant": 8,
               "single-session-preference": 7, "multi-session": 13, "knowledge-update": 9,
               "temporal-reasoning": 17}
N_ABS = 11


def test_dev4_is_what_build_produces(tmp_path: Path) -> None:
    build = load_script(DEVSETS / "build.py", "devsets_build_dev4")
    assert build.main(["--check", "--set", "dev4"]) == 0, "dev4.json is stale: run eval/devsets/build.py"
    out = tmp_path / "dev4.json"
    assert build.main(["--check", "--set", "dev4", "--out", str(out)]) == 1  # missing
    assert build.main(["--set", "dev4", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (DEVSETS / "dev4.json").read_text(encoding="utf-8")
    assert build.main(["--check"]) == 0  # both sets


def test_dev4_loads_and_is_consistent() -> None:
    from kgmem.datasets.longmemeval import load_haystacks, validate_file

    path = DEVSETS / "dev4.json"
    assert validate_file(path) == []
    haystacks = list(load_haystacks(path))
    records = json.loads(path.read_text(encoding="utf-8"))
    assert len(haystacks) == len(records) == sum(TYPE_COUNTS.values())
    assert Counter(r["question_type"] for r in records) == TYPE_COUNTS
    assert sum(r["question_id"].endswith("_abs") for r in records) == N_ABS
    assert sum(h.is_abstention for h in haystacks) == N_ABS
    assert all(r["question_id"].startswith("dev4_") for r in records)
    for r in records:
        sids = r["haystack_session_ids"]
        assert len(set(sids)) == len(sids) == len(r["haystack_sessions"]) == len(r["haystack_dates"])
        flagged = {sid for sid, s in zip(sids, r["haystack_sessions"], strict=True)
                   if any(t.get("has_answer") for t in s)}
        assert set(r["answer_session_ids"]) == flagged, r["question_id"]
        assert bool(flagged) != r["question_id"].endswith("_abs"), r["question_id"]
        assert r["haystack_dates"] == sorted(r["haystack_dates"])
        assert r["haystack_dates"][-1] < r["question_date"]


def test_bench_heldout_runs_dev4() -> None:
    bench = load_script(ROOT / "eval" / "bench_heldout.py", "bench_heldout_dev4")
    data, out, author = bench.set_paths("dev4")
    assert data == DEVSETS / "dev4.json" and data.is_file()
    assert out == ROOT / "eval" / "results" / "dev4" and author == "auth9"
    bench._ensure_built("dev4")  # raises SystemExit when a dev set is stale
