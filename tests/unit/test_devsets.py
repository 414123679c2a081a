"""eval/devsets/dev*.json (hand-written DEVELOPMENT answer sets) are valid and fresh.

Each set loads with kgmem's LongMemEval loader, equals what eval/devsets/build.py builds, every
question's answer sessions are in its haystack and flagged, the type counts are the ones
eval/devsets/README.md documents, and ``_abs`` questions have no evidence. bench_heldout.py
--set <name> points at it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]
DEVSETS = ROOT / "eval" / "devsets"

SOURCE = re.compile(r"(dev\d+): a hand-written [^(]*\((\w+), ")
ROW = re.compile(r"^\| ([a-z-]+)[^|]* \| (\d+) \| (\d+) \|$")


def _documented() -> dict[str, tuple[str, Counter[str], Counter[str]]]:
    """name -> (author its source file names, question-type counts and ``_abs`` counts per type that
    eval/devsets/README.md's "What ... covers" table documents): the README is the one place they are kept."""
    authors = {}
    for src in sorted(DEVSETS.glob("source_dev*.py")):
        found = SOURCE.match(src.read_text(encoding="utf-8").removeprefix('"""'))
        assert found and src.name == f"source_{found[1]}.py", f"{src.name}: the first line names no set and author"
        authors[found[1]] = found[2]
    sets: dict[str, tuple[str, Counter[str], Counter[str]]] = {}
    name = None
    for line in (DEVSETS / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            head = re.fullmatch(r"## What (?:it|(dev\d+)) covers \(\d+ questions\)", line)
            name = (head[1] or "dev3") if head else None
            if name:
                sets[name] = (authors.get(name, "?"), Counter(), Counter())
        elif name and (row := ROW.match(line)):
            sets[name][1][row[1]] += int(row[2])
            sets[name][2][row[1]] += int(row[3])
    return sets


SETS = _documented()


def test_every_set_is_documented_and_registered() -> None:
    bench = load_script(ROOT / "eval" / "bench_heldout.py", "bench_heldout_registry")
    sources = {p.stem.removeprefix("source_") for p in DEVSETS.glob("source_dev*.py")}
    assert set(SETS) == sources == bench.DEV_SETS, "a dev set without a README table, a source file or a registration"
    assert all(sum(counts.values()) for _, counts, _ in SETS.values())


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

    _, type_counts, abs_counts = SETS[name]
    path = DEVSETS / f"{name}.json"
    assert validate_file(path) == []
    haystacks = list(load_haystacks(path))
    records = json.loads(path.read_text(encoding="utf-8"))
    assert len(haystacks) == len(records) == sum(type_counts.values())
    assert Counter(r["question_type"] for r in records) == type_counts
    assert Counter(r["question_type"] for r in records if r["question_id"].endswith("_abs")) == +abs_counts
    assert sum(h.is_abstention for h in haystacks) == sum(abs_counts.values())
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
