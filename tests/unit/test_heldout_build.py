"""The committed held-out files are valid, complete and exactly what eval/heldout/build.py builds.

Checks counts and validity only; assertion messages never quote held-out content (implementers
run this test and must not see the data; see eval/heldout/README.md). Every hand-written set
(v1 by auth14, v2 by auth6, v3 by auth8, v4 by auth10) gets the same checks.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "eval" / "heldout"
TYPES = {"single-session-user", "single-session-assistant", "single-session-preference",
         "multi-session", "knowledge-update", "temporal-reasoning"}
VERSIONS = ("v1", "v2", "v3", "v4")


def _build_module() -> Any:
    return load_script(HELDOUT / "build.py", "heldout_build")


@pytest.mark.parametrize("version", VERSIONS)
def test_committed_files_are_what_build_produces(version: str) -> None:
    full, oracle = _build_module().build(version=version)
    stem = f"handwritten_{version}"
    assert (HELDOUT / f"{stem}.json").read_text(encoding="utf-8") == full, \
        f"{stem}.json is stale: run eval/heldout/build.py"
    assert (HELDOUT / f"{stem}_oracle.json").read_text(encoding="utf-8") == oracle, \
        f"{stem}_oracle.json is stale: run eval/heldout/build.py"


@pytest.mark.parametrize("version", VERSIONS)
def test_heldout_files_are_valid_and_cover_every_type(version: str) -> None:
    from kgmem.datasets.longmemeval import validate_file

    stem = f"handwritten_{version}"
    for name in (f"{stem}.json", f"{stem}_oracle.json"):
        problems = validate_file(HELDOUT / name)
        assert not problems, f"{name}: {len(problems)} validation problem(s)"
    records = json.loads((HELDOUT / f"{stem}.json").read_text(encoding="utf-8"))
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


def test_sets_are_disjoint_and_versions_seed_differently() -> None:
    """Each set is new: no question id or session id shared between any two (ids are version-keyed)."""
    ids = {}
    for version in VERSIONS:
        records = json.loads((HELDOUT / f"handwritten_{version}.json").read_text(encoding="utf-8"))
        ids[version] = ({r["question_id"] for r in records},
                        {sid for r in records for sid in r["haystack_session_ids"]})
    for i, a in enumerate(VERSIONS):
        for b in VERSIONS[i + 1:]:
            assert not ids[a][0] & ids[b][0], f"question ids shared between {a} and {b}"
            assert not ids[a][1] & ids[b][1], f"session ids shared between {a} and {b}"


def test_build_check_covers_every_set(tmp_path: Path) -> None:
    """``build.py --check`` fails when any set's files are missing or stale, passes when fresh."""
    module = _build_module()
    assert module.main(["--check", "--out-dir", str(tmp_path)]) == 1
    assert module.main(["--version", "v2", "--out-dir", str(tmp_path)]) == 0
    assert module.main(["--check", "--version", "v2", "--out-dir", str(tmp_path)]) == 0
    assert module.main(["--check", "--out-dir", str(tmp_path)]) == 1  # v1 still missing there
    (tmp_path / "handwritten_v2_oracle.json").write_text("[]\n", encoding="utf-8")
    assert module.main(["--check", "--version", "v2", "--out-dir", str(tmp_path)]) == 1


def test_bench_heldout_resolves_each_set() -> None:
    """``bench_heldout.py --set`` points at the committed data and a per-set results stem."""
    bench = load_script(ROOT / "eval" / "bench_heldout.py", "bench_heldout")
    assert set(VERSIONS) <= set(bench.SETS)  # plus development sets (test_devsets.py)
    for version in VERSIONS:
        data, out, author = bench.set_paths(version)
        assert data == HELDOUT / f"handwritten_{version}.json" and data.is_file()
        assert out == ROOT / "eval" / "results" / f"heldout_{version}" and author
