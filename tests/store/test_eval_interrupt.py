"""Ctrl-C during `kgmem eval --workers 2` (a real child process sent SIGINT mid-run, kgmem on the
embedded store, retrieval only): one line saying finished questions are saved, no warnings (no
"leaked semaphore": parent and workers talk over pipes), exit code 130; the re-run resumes and
completes the run with the records an uninterrupted run writes."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from .ctrl_c import interrupt, start_kgmem
from .neo4j_failures import SAMPLE

LIMIT = 12  # questions of the sample split: enough that the run is still going when the first is written


def _eval(home: Path, run_dir: Path) -> subprocess.Popen[str]:
    return start_kgmem(home, "eval", "--split", str(SAMPLE), "--retrieval-only", "--store", "networkx",
                       "--limit", str(LIMIT), "--workers", "2", "--run-dir", str(run_dir))


def _ids(run_dir: Path) -> list[str]:
    lines = (run_dir / "predictions.jsonl").read_text().splitlines()
    return sorted(json.loads(line)["question_id"] for line in lines)


def test_ctrl_c_during_eval_with_workers_says_one_line_and_the_rerun_completes(tmp_path: Path) -> None:
    home, run_dir = tmp_path / "home", tmp_path / "run"
    proc = _eval(home, run_dir)
    predictions = run_dir / "predictions.jsonl"
    deadline = time.monotonic() + 240
    # mid-run: the first record is written, the others are not
    while (not predictions.exists() or not predictions.read_text().strip()) and proc.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.02)
    interrupt(proc)
    kept = _ids(run_dir)
    assert 0 < len(kept) < LIMIT

    rerun = _eval(home, run_dir)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert len(_ids(run_dir)) == LIMIT and set(kept) <= set(_ids(run_dir))
