"""The evaluation runner: run dir, resume with zero work, errors, kills, submissions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kgmem.evaluation.judge import NORMALISED_MATCH_NAME, LLMJudge
from kgmem.evaluation.runner import (
    EvalConfig,
    QuestionInfo,
    read_predictions,
    run_eval,
    select_questions,
    validate_submission,
)
from kgmem.llm import LLMTimeout
from kgmem.llm.fake import FakeLLM
from kgmem.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "eval"
TINY = FIXTURES / "tiny_lme.json"
HELDOUT = FIXTURES / "tiny_heldout.json"
ALL_IDS = ["q_user1", "q_temp1", "q_ku1", "q_multi1", "q_pref1", "q_asst1_abs"]
sys.path.insert(0, str(FIXTURES))

from eval_fake_system import GOOD_ANSWERS, FakeSystem  # noqa: E402


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings.load({"home": str(tmp_path / "home")}, env={})


def _ids(run_dir: Path) -> list[str]:
    return [r["question_id"] for r in read_predictions(run_dir / "predictions.jsonl")]


def test_run_writes_run_dir_and_resume_does_zero_work(tmp_path: Path, settings: Settings) -> None:
    run_dir = tmp_path / "run"
    cfg = EvalConfig(split=str(TINY), run_dir=run_dir)
    system = FakeSystem(GOOD_ANSWERS)
    result = run_eval(cfg, settings, system=system)
    assert sorted(_ids(run_dir)) == sorted(ALL_IDS)
    assert system.prepared == system.answered == ALL_IDS
    s = result.summary
    assert s["judge"] == NORMALISED_MATCH_NAME and s["failed"] == 0 and s["complete"]
    assert s["accuracy"]["overall"]["accuracy"] == 1.0
    assert s["accuracy"]["abstention"]["n"] == 1
    assert s["retrieval"]["session"]["n"] == 5  # abstention excluded
    for name in ("manifest.json", "summary.json", "report.md", "accuracy_by_type.png",
                 "selection.json"):
        assert (run_dir / name).is_file(), name
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["dataset_sha256"] and manifest["versions"]["python"]
    assert manifest["settings"]["llm_api_key"] is None
    report = (run_dir / "report.md").read_text()
    assert "not an LLM judge" in report and "IQR" in report
    rec = read_predictions(run_dir / "predictions.jsonl")[0]
    for key in ("question_type", "gold_answer", "predicted_answer", "verdict", "latency_ms",
                "context_tokens", "tokenizer", "retrieved_session_ids", "error"):
        assert key in rec
    assert not (run_dir / "submission.json").exists()  # the split has answers

    again = FakeSystem(GOOD_ANSWERS)
    resumed = run_eval(cfg, settings, system=again)
    assert again.prepared == [] and again.answered == []
    assert resumed.skipped == 6 and resumed.prepared == 0
    assert sorted(_ids(run_dir)) == sorted(ALL_IDS)


def test_llm_judge_resume_makes_zero_model_calls(tmp_path: Path, settings: Settings) -> None:
    cfg = EvalConfig(split=str(TINY), run_dir=tmp_path / "run")
    judge_llm = FakeLLM(default="yes")
    run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS), judge=LLMJudge(judge_llm))
    assert judge_llm.call_count == 6
    fresh = FakeLLM(default="yes")
    run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS), judge=LLMJudge(fresh))
    assert fresh.call_count == 0


def test_llm_error_is_recorded_run_continues_and_retry_on_resume(
        tmp_path: Path, settings: Settings) -> None:
    cfg = EvalConfig(split=str(TINY), run_dir=tmp_path / "run")
    failing = FakeSystem(GOOD_ANSWERS, fail={"q_ku1": LLMTimeout("fake/test", 5)})
    result = run_eval(cfg, settings, system=failing)
    assert result.failed == 1 and failing.answered == ALL_IDS  # the run went on
    bad = [r for r in read_predictions(cfg.run_dir / "predictions.jsonl") if r["error"]]
    assert [r["question_id"] for r in bad] == ["q_ku1"]
    assert bad[0]["error"].startswith("LLMTimeout") and bad[0]["error_stage"] == "answer"
    assert result.summary["accuracy"]["overall"]["n"] == 5

    retry = FakeSystem(GOOD_ANSWERS)
    result2 = run_eval(cfg, settings, system=retry)
    assert retry.prepared == ["q_ku1"] and result2.failed == 0
    ids = _ids(cfg.run_dir)
    assert sorted(ids) == sorted(ALL_IDS) and len(ids) == len(set(ids))


def test_heldout_submission_refused_until_all_succeed(tmp_path: Path, settings: Settings) -> None:
    cfg = EvalConfig(split=str(HELDOUT), run_dir=tmp_path / "run")
    boom = RuntimeError("model crashed")
    result = run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS, fail={"q_temp1": boom}))
    assert result.submission is None and "q_temp1" in str(result.submission_error)
    assert not (cfg.run_dir / "submission.json").exists()
    assert result.summary["judge"] is None  # no gold answers: nothing judged

    allow = EvalConfig(split=str(HELDOUT), run_dir=cfg.run_dir, allow_missing=True)
    r2 = run_eval(allow, settings, system=FakeSystem(GOOD_ANSWERS, fail={"q_temp1": boom}))
    sub = json.loads((cfg.run_dir / "submission.json").read_text())
    assert r2.submission is not None
    assert {s["question_id"]: s["predicted_answer"] for s in sub}["q_temp1"] == ""
    assert not any("crashed" in s["predicted_answer"] for s in sub)

    r3 = run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS))
    sub = json.loads((cfg.run_dir / "submission.json").read_text())
    validate_submission(sub, ALL_IDS)
    assert r3.submission_error is None
    assert {s["question_id"]: s["predicted_answer"] for s in sub}["q_temp1"] == "8 days passed."


def test_validate_submission_rejects_bad_shapes() -> None:
    good = [{"question_id": "a", "predicted_answer": "x"}]
    validate_submission(good, ["a"])
    for bad, msg in [
        ([], "lacks 1"),
        (good + good, "duplicate"),
        ([{"question_id": "b", "predicted_answer": "x"}], "not in the input"),
        ([{"question_id": "a", "predicted_answer": 3}], "strings"),
        ([{"question_id": "a"}], "exactly"),
        ({"a": "x"}, "array"),
    ]:
        with pytest.raises(ValueError, match=msg):
            validate_submission(bad, ["a"])


def test_partial_trailing_line_is_ignored_and_cut(tmp_path: Path, settings: Settings) -> None:
    cfg = EvalConfig(split=str(TINY), run_dir=tmp_path / "run", limit=2)
    run_eval(cfg, settings, system=FakeSystem(GOOD_ANSWERS))
    pred = cfg.run_dir / "predictions.jsonl"
    with open(pred, "a") as fh:
        fh.write('{"question_id": "q_ku1", "predic')  # a kill mid-write
    assert len(read_predictions(pred)) == 2
    system = FakeSystem(GOOD_ANSWERS)
    run_eval(cfg, settings, system=system)
    assert system.prepared == []
    assert pred.read_text().endswith("\n") and len(read_predictions(pred)) == 2


def test_kill_mid_run_then_resume(tmp_path: Path, settings: Settings) -> None:
    run_dir = tmp_path / "run"
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(FIXTURES)!r})
        from eval_fake_system import GOOD_ANSWERS, FakeSystem
        from kgmem.evaluation.runner import EvalConfig, run_eval
        from kgmem.settings import Settings
        settings = Settings.load({{"home": {str(tmp_path / "home")!r}}}, env={{}})
        run_eval(EvalConfig(split={str(TINY)!r}, run_dir={str(run_dir)!r}), settings,
                 system=FakeSystem(GOOD_ANSWERS, delay_s=0.4))
    """))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(script)], env=env)
    pred = run_dir / "predictions.jsonl"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if pred.is_file() and len(read_predictions(pred)) >= 2:
                break
            if proc.poll() is not None:
                pytest.fail(f"child exited early with {proc.returncode}")
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    finished = _ids(run_dir)
    assert 2 <= len(finished) < 6

    system = FakeSystem(GOOD_ANSWERS)
    result = run_eval(EvalConfig(split=str(TINY), run_dir=run_dir), settings, system=system)
    assert not set(system.prepared) & set(finished)  # zero ingests for finished ids
    assert not set(system.answered) & set(finished)  # zero model calls for them
    ids = _ids(run_dir)
    assert sorted(ids) == sorted(ALL_IDS) and len(ids) == len(set(ids))
    assert result.summary["complete"]


def test_per_type_selection_is_seeded_and_stratified() -> None:
    qs = [QuestionInfo(f"t{i}", "temporal-reasoning", False) for i in range(10)] + \
         [QuestionInfo(f"m{i}", "multi-session", False) for i in range(10)] + \
         [QuestionInfo(f"a{i}_abs", "multi-session", True) for i in range(3)]
    a = select_questions(qs, EvalConfig(split="x", per_type=2, seed=1))
    b = select_questions(qs, EvalConfig(split="x", per_type=2, seed=1))
    c = select_questions(qs, EvalConfig(split="x", per_type=2, seed=2))
    assert a == b and a != c and len(a) == 6
    assert sum(q.endswith("_abs") for q in a) == 2
    only = select_questions(qs, EvalConfig(split="x", types=["abstention"]))
    assert only == ["a0_abs", "a1_abs", "a2_abs"]
    assert select_questions(qs, EvalConfig(split="x", limit=3)) == ["t0", "t1", "t2"]
    # a types subset of a stratified run holds exactly that run's questions of those types
    sub = select_questions(qs, EvalConfig(split="x", per_type=2, seed=1, types=["temporal-reasoning"]))
    assert sub == [q for q in a if q.startswith("t")] and len(sub) == 2


def test_retrieval_only_runs_no_answers(tmp_path: Path, settings: Settings) -> None:
    cfg = EvalConfig(split=str(TINY), run_dir=tmp_path / "run", retrieval_only=True)
    system = FakeSystem(GOOD_ANSWERS)
    result = run_eval(cfg, settings, system=system)
    assert system.answered == [] and len(system.retrieved) == 6
    assert result.summary["mode"] == "retrieval-only" and result.summary["judge"] is None
    assert result.summary["retrieval"]["session"]["n"] == 5


def test_run_dir_of_another_config_is_refused(tmp_path: Path, settings: Settings) -> None:
    from kgmem.evaluation.runner import RunError

    run_eval(EvalConfig(split=str(TINY), run_dir=tmp_path / "run", limit=1), settings,
             system=FakeSystem(GOOD_ANSWERS))
    with pytest.raises(RunError, match="another configuration"):
        run_eval(EvalConfig(split=str(TINY), run_dir=tmp_path / "run", limit=2), settings,
                 system=FakeSystem(GOOD_ANSWERS))


def test_report_rebuild_compare_and_results_summary(tmp_path: Path, settings: Settings) -> None:
    from kgmem.evaluation.report import compare_runs, write_report, write_results_summary

    a = run_eval(EvalConfig(split=str(TINY), run_dir=tmp_path / "a"), settings,
                 system=FakeSystem(GOOD_ANSWERS)).run_dir
    b = run_eval(EvalConfig(split=str(TINY), run_dir=tmp_path / "b"), settings,
                 system=FakeSystem({})).run_dir  # answers "I don't know." to everything
    (a / "report.md").unlink()
    write_report(a)  # rebuilt from predictions.jsonl alone
    assert "## Accuracy" in (a / "report.md").read_text()
    table = compare_runs([a, b])
    assert "| **overall** | 100.0 (6) | 16.7 (6) |" in table
    js, md = write_results_summary([a, b], tmp_path / "results" / "demo", note="demo")
    data = json.loads(js.read_text())
    assert data["runs"][0]["dataset_sha256"] and "git_sha" in data["runs"][0]
    assert "IQR" in md.read_text() or "iqr" in md.read_text()


def test_unknown_type_and_concurrent_run_are_refused(tmp_path: Path, settings: Settings) -> None:
    from filelock import FileLock

    from kgmem.evaluation.runner import RunError

    with pytest.raises(RunError, match="unknown question type"):
        run_eval(EvalConfig(split=str(TINY), run_dir=tmp_path / "t", types=["temporal"]),
                 settings, system=FakeSystem(GOOD_ANSWERS))
    (tmp_path / "r").mkdir()
    with FileLock(str(tmp_path / "r" / ".run.lock")):
        with pytest.raises(RunError, match="another `kgmem eval` process"):
            run_eval(EvalConfig(split=str(TINY), run_dir=tmp_path / "r"), settings,
                     system=FakeSystem(GOOD_ANSWERS))


def test_report_rescore_rejudges_offline_verdicts_without_rerunning(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from kgmem.cli import app
    settings = Settings.load({"home": str(tmp_path / "home")}, env={})
    hedge = {**GOOD_ANSWERS, "q_ku1": 'I\'m not sure; the closest thing you told me is "I work at Acme Robotics."'}
    run_dir = tmp_path / "run"
    result = run_eval(EvalConfig(split=str(TINY), run_dir=run_dir), settings, system=FakeSystem(hedge))
    assert result.summary["accuracy"]["overall"]["correct"] == 5  # the hedge is wrong
    # a run scored by an older scorer that credited the hedge (as this project's once did)
    path = run_dir / "predictions.jsonl"
    recs = read_predictions(path)
    for r in recs:
        if r["question_id"] == "q_ku1":
            r["verdict"].update(correct=True, method="containment")
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    runner = CliRunner()
    env = {"KGMEM_HOME": str(tmp_path / "home")}
    res = runner.invoke(app, ["report", str(run_dir), "--rescore", "--json"], env=env)
    assert res.exit_code == 0, res.output
    assert "6 answers re-judged offline, 1 verdicts changed" in " ".join(res.stderr.split())
    assert json.loads(res.stdout)[0]["accuracy"]["overall"]["correct"] == 5
    assert json.loads((run_dir / "manifest.json").read_text())["rescored"][0]["changed"] == 1
    answers = {r["question_id"]: r["predicted_answer"] for r in read_predictions(path)}
    assert answers["q_ku1"] == hedge["q_ku1"]  # nothing re-run
    # verdicts of an LLM judge cannot be recomputed offline: refused, file untouched
    for r in recs:
        r["verdict"]["judge"] = "gpt-5-mini"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs))
    before = path.read_text()
    res = runner.invoke(app, ["report", str(run_dir), "--rescore"], env=env)
    assert res.exit_code == 1 and "only runs scored offline can be rescored" in " ".join(res.output.split())
    assert path.read_text() == before



def test_the_code_fingerprint_follows_code_and_data_files_only(tmp_path: Path) -> None:
    from kgmem.evaluation.runconfig import code_fingerprint, tree_fingerprint

    pkg = tmp_path / "pkg"
    (pkg / "sub" / "__pycache__").mkdir(parents=True)
    (pkg / "a.py").write_text("X = 1\n")
    (pkg / "sub" / "bank.jsonl").write_text('{"text": "hi"}\n')
    first = tree_fingerprint(pkg)
    (pkg / "sub" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\x00compiled")
    (pkg / "notes.md").write_text("not code")
    assert tree_fingerprint(pkg) == first  # bytecode and docs do not change what runs
    (pkg / "a.py").write_text("X = 2\n")
    second = tree_fingerprint(pkg)
    assert second != first
    (pkg / "sub" / "bank.jsonl").write_text('{"text": "hello"}\n')
    assert tree_fingerprint(pkg) not in (first, second)
    assert len(code_fingerprint()) == 12


def test_a_checkout_is_dirty_only_when_code_or_data_changed() -> None:
    from kgmem.evaluation.rundir import changes_code

    assert not changes_code("")
    assert not changes_code(" M eval/results/dev3.md\n M eval/results/dev3.json\n M README.md\n")
    assert changes_code(" M eval/results/dev3.md\n M kgmem/answer/pool.py\n")
    assert changes_code("M  eval/bench_answers.py\n")
    assert changes_code("R  kgmem/a.py -> kgmem/b.py\n")
