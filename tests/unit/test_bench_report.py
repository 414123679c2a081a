"""eval/_report.py: the provenance every benchmark result file carries (command, git sha, UTC time,
machine, load before/after, percentile definition) and the one percentile the benches use."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from eval import _report  # noqa: E402


def test_measured_records_provenance_around_the_block(tmp_path: Path) -> None:
    with _report.measured("python eval/bench_x.py --n 3") as run:
        assert "loadavg_after" not in run  # taken when the measured block ends, not before
    assert run["command"] == "python eval/bench_x.py --n 3"
    assert run["git_sha"] and run["started"].endswith("+00:00") and "cores" in run["machine"]
    assert len(run["loadavg_before"]) == 3 and len(run["loadavg_after"]) == 3
    assert run["percentiles"].startswith("nearest rank")
    assert run["cpu_reference_ms"] > 0 and "cores" in run["machine"]
    report = {"title": "t", **run, "result": {"p50": 1.0}}
    md = _report.write_pair(tmp_path / "x", report, lambda r: "\n".join(_report.provenance_lines(r)) + "\n")
    assert json.loads((tmp_path / "x.json").read_text())["git_sha"] == run["git_sha"]
    assert f"git `{run['git_sha']}`" in md and " ".join(run["loadavg_after"]) in md and "shared machine" in md
    assert f"CPU reference: {run['cpu_reference_ms']} ms" in md
    _report.write_pair(tmp_path / "ingest.sample", report, lambda r: "")  # a dotted stem keeps its name
    assert (tmp_path / "ingest.sample.json").is_file() and (tmp_path / "ingest.sample.md").is_file()


def test_command_line_is_relative_to_the_repository() -> None:
    argv = [str(ROOT / "eval" / "bench_x.py"), "--out", "a b"]
    assert _report.command_line(argv) == ".venv/bin/python eval/bench_x.py --out 'a b'"
    with _report.measured(percentiles=False) as run:
        pass
    assert "percentiles" not in run and run["command"].startswith(".venv/bin/python")


def test_stats_use_the_one_percentile() -> None:
    assert _report.stats([5.0, 1.0, 3.0, 2.0, 4.0]) == {"n": 5, "p50": 3.0, "p95": 5.0, "max": 5.0}
    assert _report.stats([]) == {"n": 0, "p50": None, "p95": None, "max": None}


def test_spelled_out_names_every_option() -> None:
    args = argparse.Namespace(split="synthetic-s", per_type=20, family=None, legacy=False, drop=True, out="x")
    assert _report.spelled_out("eval/b.py", args, hide={"out": "x"}) == (
        ".venv/bin/python eval/b.py --split synthetic-s --per-type 20 --family '' --drop")


def test_cpu_reference_is_cpu_time_of_a_fixed_workload() -> None:
    """The reference measures process CPU (not wall time) of the same work each call: two calls on
    one machine agree within a wide factor."""
    a, b = _report.cpu_reference_ms(rounds=1), _report.cpu_reference_ms(rounds=3)
    assert a > 0 and b > 0
    assert max(a, b) / min(a, b) < 5
