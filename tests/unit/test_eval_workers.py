"""`kgmem eval --workers N` (the runner's side): questions evaluated in N spawned processes, one
writer of predictions.jsonl, the same records for N = 1 and 2, resume across N, errors recorded
the same way, and --fail-fast stopping every worker. The system is the deterministic FakeSystem
behind the real System interface (each worker gets its own copy); the real kgmem system on both
stores is tested in tests/store/test_eval_workers.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from kgmem.evaluation.runner import EvalConfig, RunError, read_predictions, run_eval
from kgmem.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "eval"
TINY = FIXTURES / "tiny_lme.json"
ALL_IDS = ["q_user1", "q_temp1", "q_ku1", "q_multi1", "q_pref1", "q_asst1_abs"]
sys.path.insert(0, str(FIXTURES))

from eval_fake_system import GOOD_ANSWERS, FakeSystem  # noqa: E402

#: fields that hold wall-clock measurements (they differ between any two runs)
_TIMED = ("latency_ms", "prepare")


def _records(run_dir: Path) -> dict[str, dict[str, Any]]:
    recs = read_predictions(run_dir / "predictions.jsonl")
    return {r["question_id"]: {k: v for k, v in r.items() if k not in _TIMED} for r in recs}


def _metrics(summary: dict[str, Any]) -> dict[str, Any]:
    return {k: summary[k] for k in ("questions", "succeeded", "failed", "accuracy", "retrieval", "usage")}


def test_two_workers_write_the_records_one_process_writes(tmp_path: Path) -> None:
    settings = Settings.load({"home": str(tmp_path / "home")}, env={})
    fail = {"q_ku1": TimeoutError("model timed out")}  # an error is recorded the same way by a worker
    runs = {}
    for workers in (1, 2):
        cfg = EvalConfig(split=str(TINY), run_dir=tmp_path / f"run{workers}", workers=workers)
        result = run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS, fail=fail))
        assert (result.prepared, result.answered, result.judged) == (6, 5, 5), workers
        runs[workers] = result
    assert _records(tmp_path / "run1") == _records(tmp_path / "run2")
    assert _metrics(runs[1].summary) == _metrics(runs[2].summary)
    assert runs[2].summary["failed"] == 1 and runs[2].summary["failed_ids"] == ["q_ku1"]
    lines = (tmp_path / "run2" / "predictions.jsonl").read_text().splitlines()
    assert len(lines) == len(ALL_IDS)  # one writer: one whole line per question

    # resume with another N: the failed question only, in a worker; the run is then complete
    again = run_eval(EvalConfig(split=str(TINY), run_dir=tmp_path / "run2", workers=2), settings,
                     system=FakeSystem(GOOD_ANSWERS))
    assert again.skipped == 5 and again.prepared == 1 and again.summary["complete"]
    assert sorted(_records(tmp_path / "run2")) == sorted(ALL_IDS)


def test_fail_fast_in_a_worker_stops_the_run_and_resume_completes_it(tmp_path: Path) -> None:
    settings = Settings.load({"home": str(tmp_path / "home")}, env={})
    cfg = EvalConfig(split=str(TINY), run_dir=tmp_path / "run", workers=2, on_error="raise")
    with pytest.raises(RunError, match=r"eval worker \d: RuntimeError: model crashed"):
        run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS, fail={"q_ku1": RuntimeError("model crashed")}))
    kept = _records(tmp_path / "run")
    assert "q_ku1" not in kept and all(r["error"] is None for r in kept.values())
    result = run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS))
    assert result.skipped == len(kept) and result.summary["complete"]
    assert sorted(_records(tmp_path / "run")) == sorted(ALL_IDS)


def test_a_worker_that_dies_stops_the_run_with_its_name_and_resume_completes_it(tmp_path: Path) -> None:
    settings = Settings.load({"home": str(tmp_path / "home")}, env={})
    cfg = EvalConfig(split=str(TINY), run_dir=tmp_path / "run", workers=2)
    with pytest.raises(RunError, match=r"eval worker kgmem-eval-\d died \(exit code 3\); finished questions are saved"):
        run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS, die=frozenset({"q_multi1"})))
    kept = _records(tmp_path / "run")
    assert "q_multi1" not in kept
    result = run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS))
    assert result.skipped == len(kept) and result.summary["complete"]
    assert sorted(_records(tmp_path / "run")) == sorted(ALL_IDS)
