"""eval/devsets/dev3.json (a hand-written DEVELOPMENT answer set by auth7) is valid and fresh.

It loads with kgmem's LongMemEval loader, equals what eval/devsets/build.py builds, every
question's answer sessions are in its haystack and flagged, the type counts are the ones
eval/devsets/README.md documents, and ``_abs`` questions have no evidence. bench_heldout.py
--set dev3 points at it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
DEVSETS = ROOT / "eval" / "devsets"
# the counts eval/devsets/README.md documents
TYPE_COUNTS = {"single-session-user": 10, "single-session-assistant": 6,
               "single-session-preference": 4, "multi-session": 7, "knowledge-update": 10,
               "temporal-reasoning": 13}
N_ABS = 7


def test_dev3_is_what_build_produces(tmp_path: Path) -> None:
    build = load_script(DEVSETS / "build.py", "devsets_build")
    assert build.main(["--check"]) == 0, "dev3.json is stale: run eval/devsets/build.py"
    stale = tmp_path / "dev3.json"
    assert build.main(["--check", "--out", str(stale)]) == 1  # missing
    stale.write_text("[]\n", encoding="utf-8")
    assert build.main(["--check", "--out", str(stale)]) == 1  # different
    assert build.main(["--out", str(stale)]) == 0
    assert build.main(["--check", "--out", str(stale)]) == 0


def test_dev3_loads_and_is_consistent() -> None:
    from kgmem.datasets.longmemeval import load_haystacks, validate_file

    path = DEVSETS / "dev3.json"
    assert validate_file(path) == []
    haystacks = list(load_haystacks(path))
    records = json.loads(path.read_text(encoding="utf-8"))
    assert len(haystacks) == len(records) == sum(TYPE_COUNTS.values())
    assert Counter(r["question_type"] for r in records) == TYPE_COUNTS
    assert sum(r["question_id"].endswith("_abs") for r in records) == N_ABS
    assert sum(h.is_abstention for h in haystacks) == N_ABS
    for r in records:
        sids = r["haystack_session_ids"]
        assert len(set(sids)) == len(sids) == len(r["haystack_sessions"]) == len(r["haystack_dates"])
        assert set(r["answer_session_ids"]) <= set(sids), r["question_id"]
        flagged = {sid for sid, s in zip(sids, r["haystack_sessions"], strict=True)
                   if any(t.get("has_answer") for t in s)}
        assert set(r["answer_session_ids"]) == flagged, r["question_id"]
        assert bool(flagged) != r["question_id"].endswith("_abs"), r["question_id"]
        assert r["haystack_dates"] == sorted(r["haystack_dates"])
        assert r["haystack_dates"][-1] < r["question_date"]


def test_bench_heldout_runs_dev3() -> None:
    bench = load_script(ROOT / "eval" / "bench_heldout.py", "bench_heldout_dev3")
    data, out, author = bench.set_paths("dev3")
    assert data == DEVSETS / "dev3.json" and data.is_file()
    assert out == ROOT / "eval" / "results" / "dev3" and author == "auth7"
    bench._ensure_built("dev3")  # raises SystemExit when dev3.json is stale
