"""eval/devsets/dev*.json (hand-written DEVELOPMENT answer sets) are valid and fresh.

Each set loads with kgmem's LongMemEval loader, equals what eval/devsets/build.py builds, every
question's answer sessions are in its haystack and flagged, the type counts are the ones
eval/devsets/README.md documents, and ``_abs`` questions have no evidence. bench_heldout.py
--set <name> points at it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
DEVSETS = ROOT / "eval" / "devsets"

# name -> (author, question-type counts and number of ``_abs`` questions eval/devsets/README.md documents)
SETS = {
    "dev3": ("auth7", {"single-session-user": 10, "single-session-assistant": 6,
                       "single-session-preference": 4, "multi-session": 7, "knowledge-update": 10,
                       "temporal-reasoning": 13}, 7),
    "dev4": ("auth9", {"single-session-user": 11, "single-session-assistant": 8,
                       "single-session-preference": 7, "multi-session": 13, "knowledge-update": 9,
                       "temporal-reasoning": 17}, 11),
    "dev5": ("au12", {"single-session-user": 6, "single-session-assistant": 4,
                      "single-session-preference": 3, "multi-session": 9, "knowledge-update": 9,
                      "temporal-reasoning": 13}, 5),
    "dev6": ("au13", {"single-session-user": 5, "single-session-assistant": 3,
                      "single-session-preference": 2, "multi-session": 10, "knowledge-update": 7,
                      "temporal-reasoning": 14}, 5),
    "dev7": ("au15", {"single-session-user": 6, "single-session-assistant": 3,
                      "single-session-preference": 2, "multi-session": 9, "knowledge-update": 7,
                      "temporal-reasoning": 15}, 5),
    "dev8": ("au17", {"single-session-user": 5, "single-session-assistant": 3,
                      "single-session-preference": 2, "multi-session": 10, "knowledge-update": 7,
                      "temporal-reasoning": 13}, 5),
    "dev9": ("au19", {"single-session-user": 5, "single-session-assistant": 3,
                      "single-session-preference": 3, "multi-session": 10, "knowledge-update": 7,
                      "temporal-reasoning": 13}, 5),
    "dev10": ("au20", {"single-session-user": 5, "single-session-assistant": 3,
                       "single-session-preference": 3, "multi-session": 10, "knowledge-update": 7,
                       "temporal-reasoning": 13}, 5),
    "dev11": ("au21", {"single-session-user": 5, "single-session-assistant": 3,
                       "single-session-preference": 3, "multi-session": 10, "knowledge-update": 7,
                       "temporal-reasoning": 12}, 5),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_devset_is_what_build_produces(name: str, tmp_path: Path) -> None:
    build = load_script(DEVSETS / "build.py", f"devsets_build_{name}")
    assert build.main(["--check", "--set", name]) == 0, f"{name}.json is stale: run eval/devsets/build.py"
    out = tmp_path / f"{name}.json"
    assert build.main(["--check", "--set", name, "--out", str(out)]) == 1  # missing
    out.write_text("[]\n", encoding="utf-8")
    assert build.main(["--check", "--set", name, "--out", str(out)]) == 1  # different
    assert build.main(["--set", name, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (DEVSETS / f"{name}.json").read_text(encoding="utf-8")
    assert build.main(["--check", "--set", name, "--out", str(out)]) == 0


def test_build_checks_every_set() -> None:
    build = load_script(DEVSETS / "build.py", "devsets_build_all")
    assert build.main(["--check"]) == 0


@pytest.mark.parametrize("name", sorted(SETS))
def test_devset_loads_and_is_consistent(name: str) -> None:
    from kgmem.datasets.longmemeval import load_haystacks, validate_file

    _, type_counts, n_abs = SETS[name]
    path = DEVSETS / f"{name}.json"
    assert validate_file(path) == []
    haystacks = list(load_haystacks(path))
    records = json.loads(path.read_text(encoding="utf-8"))
    assert len(haystacks) == len(records) == sum(type_counts.values())
    assert Counter(r["question_type"] for r in records) == type_counts
    assert sum(r["question_id"].endswith("_abs") for r in records) == n_abs
    assert sum(h.is_abstention for h in haystacks) == n_abs
    assert all(r["question_id"].startswith(f"{name}_") for r in records)
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


@pytest.mark.parametrize("name", sorted(SETS))
def test_bench_heldout_runs_devset(name: str) -> None:
    bench = load_script(ROOT / "eval" / "bench_heldout.py", f"bench_heldout_{name}")
    data, out, author = bench.set_paths(name)
    assert data == DEVSETS / f"{name}.json" and data.is_file()
    assert out == ROOT / "eval" / "results" / name and author == SETS[name][0]
    bench._ensure_built(name)  # raises SystemExit when the set is stale
