"""The hand-written relative-time suite (tests/fixtures/temporal/relative_time.jsonl, expected
dates computed from the calendar by the suite's own script): >= 95% exact at the right
granularity (issue #14). The per-category table is eval/results/relative_time.md
(``python eval/bench_relative_time.py``)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    return load_script(ROOT / "eval" / "bench_relative_time.py")


def test_relative_time_suite_is_95_percent_exact() -> None:
    bench = _bench()
    records = [json.loads(line) for line in bench.SUITE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) >= 150
    res = bench.score(records)
    assert res["overall"]["accuracy"] >= 0.95, res["misses"][:10]
    for cat, row in res["per_category"].items():
        assert row["accuracy"] >= 0.8, (cat, row)
