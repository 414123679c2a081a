"""The evaluation runner: a run is a directory, written one finished question at a time.

``run_eval`` selects questions from a split, and for each one not already finished: prepares
(ingests) the label-free haystack, answers, judges, and appends ONE whole line to
``predictions.jsonl`` (flush + fsync) — errors included. Re-running the same configuration
resumes: finished ids cost zero ingests and zero model calls; failed ids are retried; a
trailing partial line left by a kill is dropped. The run directory holds ``manifest.json``,
``selection.json``, ``predictions.jsonl``, ``summary.json``, ``report.md``, a chart, and for
splits without answers ``submission.json`` (its files: :mod:`kgmem.evaluation.rundir`; the
question selection: :mod:`kgmem.evaluation.selection`).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock, Timeout

from kgmem.datasets.longmemeval import iter_haystacks, strip_labels
from kgmem.datasets.registry import resolve_split
from kgmem.evaluation import metrics
from kgmem.evaluation.interface import warm_up
from kgmem.evaluation.judge import Judge, JudgeStyle, default_judge_style, make_judge
from kgmem.evaluation.report import write_report
from kgmem.evaluation.runconfig import (
    EvalConfig,
    RunError,
    code_fingerprint,
    config_hash,
    default_run_dir,
    describe_scope,
)
from kgmem.evaluation.rundir import (
    MANIFEST,
    PREDICTIONS,
    SELECTION,
    SUBMISSION,
    SUMMARY,
    SubmissionError,
    append_record,
    git_sha,
    package_versions,
    read_predictions,
    sha256_files,
    validate_submission,
    write_atomic,
    write_submission,
)
from kgmem.evaluation.selection import (
    ABSTENTION_STRATUM,
    QuestionInfo,
    load_gold_sidecar,
    scan_questions,
    select_questions,
)
from kgmem.evaluation.systems import RetrievingSystem, System, make_system
from kgmem.store.base import is_fatal

if TYPE_CHECKING:
    from kgmem.datasets.registry import SplitInfo
    from kgmem.evaluation.parallel import WorkerSpec
    from kgmem.models import Haystack
    from kgmem.settings import Settings

# re-exported: the runner is where callers have always found these
__all__ = ["ABSTENTION_STRATUM", "MANIFEST", "PREDICTIONS", "SELECTION", "SUBMISSION", "SUMMARY",
           "EvalConfig", "QuestionInfo", "RunError", "RunResult", "SubmissionError", "append_record",
           "build_summary", "config_hash", "describe_scope", "git_sha", "load_gold_sidecar",
           "package_versions", "read_predictions", "run_eval", "scan_questions", "select_questions",
           "sha256_files", "validate_submission", "write_submission"]

Progress = Callable[[int, int, dict[str, Any]], None]


@dataclass
class RunResult:
    """What one ``run_eval`` call did, with counters that tests assert on."""

    run_dir: Path
    selected: int = 0
    skipped: int = 0
    prepared: int = 0
    answered: int = 0
    judged: int = 0
    failed: int = 0
    summary: dict[str, Any] = field(default_factory=dict)
    submission: Path | None = None
    submission_error: str | None = None


def _record_base(h: Haystack, gold_meta: dict[str, Any], system_name: str,
                 mode: str) -> dict[str, Any]:
    labels = h.labels
    rec: dict[str, Any] = {
        "question_id": h.question_id,
        "question_type": labels.question_type if labels else None,
        "is_abstention": h.is_abstention,
        "question": h.question,
        "question_date": h.question_date.isoformat(),
        "gold_answer": labels.answer_text if labels else None,
        "answer_session_ids": list(labels.answer_session_ids) if labels else [],
        "evidence_turn_ids": list(labels.evidence_turn_ids) if labels else [],
        "system": system_name,
        "mode": mode,
    }
    for key in ("template_family", "computable"):
        if key in gold_meta:
            rec[key] = gold_meta[key]
    return rec


def run_eval(config: EvalConfig, settings: Settings, *, system: System | None = None,
             judge: Judge | None = None, progress: Progress | None = None) -> RunResult:
    """Run (or resume) an evaluation; see the module docstring."""
    info = resolve_split(config.split, settings)
    dataset_sha = sha256_files(info.files)
    system_name = system.name if system is not None else config.system
    style: JudgeStyle = config.judge_style or default_judge_style(info.name)
    chash = config_hash(config, info, dataset_sha, settings, system_name)
    run_dir = Path(config.run_dir) if config.run_dir else default_run_dir(
        info, system_name, chash, config.retrieval_only)
    run_dir.mkdir(parents=True, exist_ok=True)
    # two processes appending to one predictions file would duplicate questions
    lock = FileLock(str(run_dir / ".run.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise RunError(f"{run_dir} is being written by another `kgmem eval` process") from None
    try:
        return _Run(config, settings, info, dataset_sha, style, chash, run_dir, system_name).execute(
            system, judge, progress)
    finally:
        lock.release()


@dataclass
class _Run:
    """One ``run_eval`` call, run while holding the run directory's lock."""

    config: EvalConfig
    settings: Settings
    info: SplitInfo
    dataset_sha: str
    style: JudgeStyle
    chash: str
    run_dir: Path
    system_name: str

    def execute(self, system: System | None, judge: Judge | None, progress: Progress | None) -> RunResult:
        """Check the directory, select, (re)write the manifest, run what is left, summarise."""
        config, info, run_dir = self.config, self.info, self.run_dir
        result = RunResult(run_dir=run_dir)
        self._check_manifest()
        gold_per_q, gold_file_meta = load_gold_sidecar(info.gold_file)
        selection = self._selection()
        selected: list[str] = selection["selected"]
        result.selected = len(selected)

        parallel = config.workers > 1
        given = (system, judge)  # what a caller handed in (workers get copies of these)
        if system is None and not parallel:  # with workers, each worker builds its own
            system = make_system(config.system, self.settings, retrieval_only=config.retrieval_only)
        if config.retrieval_only and system is not None and not isinstance(system, RetrievingSystem):
            raise RunError(f"system {system.name!r} has no retrieve(); it cannot run --retrieval-only")
        need_judge = not config.retrieval_only and info.has_answers
        if judge is None and need_judge:
            judge = make_judge(self.settings, self.style)
        judge_name = judge.name if judge is not None else None
        if not (run_dir / MANIFEST).is_file():
            self._write_manifest(selection, gold_file_meta, judge_name)

        todo = self._resume(selected)
        result.skipped = len(selected) - len(todo)
        if todo and parallel:
            from kgmem.evaluation.parallel import WorkerSpec

            spec = WorkerSpec(config, self.settings, self.style, need_judge, _evaluate_one, *given)
            self._run_parallel(todo, len(selected), spec, gold_per_q, result, progress)
        elif todo:
            assert system is not None
            self._run_questions(todo, len(selected), system, judge, gold_per_q, result, progress)
        return self._finish(selection, judge_name, result)

    def _check_manifest(self) -> None:
        path = self.run_dir / MANIFEST
        if path.is_file():
            old = json.loads(path.read_text(encoding="utf-8"))
            if old.get("config_hash") != self.chash:
                raise RunError(f"{self.run_dir} holds a run of another configuration (config hash "
                               f"{old.get('config_hash')} ≠ {self.chash}); choose another --run-dir")

    def _selection(self) -> dict[str, Any]:
        """The stored selection, so a resume neither rescans the file nor re-draws the sample."""
        path = self.run_dir / SELECTION
        if path.is_file():
            loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return loaded
        questions = scan_questions(self.info)
        selection = {"all_ids": [q.question_id for q in questions],
                     "selected": select_questions(questions, self.config),
                     "strata": {q.question_id: q.stratum for q in questions}}
        write_atomic(path, json.dumps(selection) + "\n")
        return selection

    def _write_manifest(self, selection: dict[str, Any], gold_file_meta: dict[str, Any],
                        judge_name: str | None) -> None:
        config, info = self.config, self.info
        n, total = len(selection["selected"]), len(selection["all_ids"])
        manifest = {
            "config_hash": self.chash,
            "code_fingerprint": code_fingerprint(),
            "config": {**{k: (str(v) if isinstance(v, Path) else v)
                          for k, v in asdict(config).items()}, "judge_style": self.style},
            "split": info.name,
            "split_tag": info.tag,
            "dataset_files": [str(p) for p in info.files],
            "dataset_sha256": self.dataset_sha,
            "has_answers": info.has_answers,
            "gold_file": str(info.gold_file) if info.gold_file else None,
            "generator": gold_file_meta,
            "system": self.system_name,
            "judge": judge_name,
            "settings": self.settings.redacted(),
            "versions": package_versions(),
            "git_sha": git_sha(),
            "argv": sys.argv,
            "started_at": datetime.now().isoformat(timespec="seconds"),
            "selected": n,
            "total_in_split": total,
            "mode": "retrieval-only" if config.retrieval_only else "answer",
            "scope": describe_scope(config, n, total),
        }
        write_atomic(self.run_dir / MANIFEST, json.dumps(manifest, indent=2, default=str) + "\n")

    def _resume(self, selected: list[str]) -> list[str]:
        """The selected ids without a successful line; failed lines are dropped (retried)."""
        pred_path = self.run_dir / PREDICTIONS
        existing = read_predictions(pred_path, repair=True)
        done = {r["question_id"] for r in existing if not r.get("error")}
        # failed lines are dropped here and retried, so the file ends with one line per id
        kept = metrics.latest_records(r for r in existing if not r.get("error"))
        if len(kept) != len(existing):
            write_atomic(pred_path, "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n"
                                            for r in kept))
        return [q for q in selected if q not in done]

    def _run_questions(self, todo: list[str], n_selected: int, system: System, judge: Judge | None,
                       gold_per_q: dict[str, dict[str, Any]], result: RunResult,
                       progress: Progress | None) -> None:
        warm_up(system)
        position = result.skipped
        for h, base in self._todo_items(todo, gold_per_q):
            position += 1
            record = _evaluate_one(h, strip_labels(h), system, judge, self.config, result, base)
            append_record(self.run_dir / PREDICTIONS, record)
            if progress is not None:
                progress(position, n_selected, record)

    def _todo_items(self, todo: list[str], gold_per_q: dict[str, dict[str, Any]]) -> Iterator[tuple[Haystack, dict[str, Any]]]:
        """The haystacks still to run, in file order, each with its record's base."""
        todo_set = set(todo)
        mode = "retrieval" if self.config.retrieval_only else "answer"
        for path in self.info.files:
            for h in iter_haystacks(path, tag=self.info.tag):
                if h.question_id in todo_set:
                    yield h, _record_base(h, gold_per_q.get(h.question_id, {}), self.system_name, mode)

    def _run_parallel(self, todo: list[str], n_selected: int, spec: WorkerSpec,
                      gold_per_q: dict[str, dict[str, Any]], result: RunResult,
                      progress: Progress | None) -> None:
        """``--workers N``: questions evaluated in N processes; this process appends each
        finished record (the one writer of the predictions file) in the order they finish."""
        from kgmem.evaluation.parallel import evaluate_parallel

        position = result.skipped
        for record, (prepared, answered, judged) in evaluate_parallel(
                self._todo_items(todo, gold_per_q), self.config.workers, spec):
            result.prepared += prepared
            result.answered += answered
            result.judged += judged
            append_record(self.run_dir / PREDICTIONS, record)
            position += 1
            if progress is not None:
                progress(position, n_selected, record)

    def _finish(self, selection: dict[str, Any], judge_name: str | None, result: RunResult) -> RunResult:
        """summary.json, report.md and (splits without answers) submission.json."""
        selected_set = set(selection["selected"])
        records = [r for r in read_predictions(self.run_dir / PREDICTIONS) if r["question_id"] in selected_set]
        summary = build_summary(records, self.run_dir, self.info, selection, self.config, self.style,
                                judge_name, self.system_name)
        write_atomic(self.run_dir / SUMMARY, json.dumps(summary, indent=2, default=str) + "\n")
        result.summary = summary
        result.failed = summary["failed"]
        write_report(self.run_dir)
        if not self.info.has_answers and not self.config.retrieval_only:
            try:
                result.submission = write_submission(self.run_dir, selection["all_ids"], records,
                                                     self.config.allow_missing)
            except SubmissionError as exc:
                result.submission_error = str(exc)
        return result


def _evaluate_one(h: Haystack, stripped: Haystack, system: System, judge: Judge | None,
                  config: EvalConfig, result: RunResult, record: dict[str, Any]) -> dict[str, Any]:
    """Prepare, answer (or retrieve) and judge one question; fill ``record`` (errors too)."""
    stage = "prepare"
    try:
        start = time.perf_counter()
        prep = system.prepare(stripped)
        result.prepared += 1
        record["prepare"] = {**prep.to_dict(), "ms": (time.perf_counter() - start) * 1000}
        stage = "retrieve" if config.retrieval_only else "answer"
        start = time.perf_counter()
        if config.retrieval_only:
            assert isinstance(system, RetrievingSystem)
            ans = system.retrieve(stripped.user_id, stripped.question, stripped.question_date)
        else:
            ans = system.answer(stripped.user_id, stripped.question, stripped.question_date)
            result.answered += 1
        total_ms = (time.perf_counter() - start) * 1000
        record.update({
            "predicted_answer": None if config.retrieval_only else ans.answer,
            "abstained": ans.abstained,
            "context_tokens": ans.context_tokens,
            "tokenizer": ans.tokenizer,
            "retrieved_session_ids": ans.retrieved_session_ids,
            "retrieved_turn_ids": ans.retrieved_turn_ids,
            "context_session_ids": ans.context_session_ids,
            "cited_turn_ids": ans.turn_ids,
            "cited_fact_ids": ans.fact_ids,
            "latency_ms": {**{k: float(v) for k, v in ans.timings_ms.items()}, "total": total_ms},
            "llm_usage": ans.llm_usage.to_dict(),
            "system_notes": ans.notes,
            "verdict": None,
            "judge": None,
        })
        gold = record.get("gold_answer")
        if judge is not None and gold is not None and not config.retrieval_only:
            stage = "judge"
            start = time.perf_counter()
            verdict = judge.judge(question=h.question, gold=gold, prediction=ans.answer,
                                  question_type=str(record.get("question_type") or ""),
                                  is_abstention=h.is_abstention)
            result.judged += 1
            record["latency_ms"]["judge"] = (time.perf_counter() - start) * 1000
            record["verdict"] = {"correct": verdict.correct, "judge": verdict.judge,
                                 "approximate": verdict.approximate, "method": verdict.method,
                                 "raw": verdict.raw[:500]}
            record["judge"] = verdict.judge
            record["judge_usage"] = verdict.usage.to_dict()
        record["error"] = None
    except Exception as exc:
        # skip-and-record policy: one bad question (LLM error, bad model output) must not
        # lose the run; the error is written to its line, counted and retried on resume. A
        # store that is gone (fatal: a server down or hung) stops the run: every question
        # after it would fail the same way; a re-run resumes.
        if config.on_error == "raise" or is_fatal(exc):
            raise
        record["error"] = f"{type(exc).__name__}: {exc}"
        record["error_stage"] = stage
    return record


def build_summary(records: list[dict[str, Any]], run_dir: Path, info: SplitInfo,
                  selection: dict[str, Any], config: EvalConfig, style: str,
                  judge_name: str | None, system_name: str) -> dict[str, Any]:
    """Metrics plus what a reader needs to interpret them (scope, judge, sample design)."""
    summary = metrics.summarise(records)
    scope = describe_scope(config, len(selection["selected"]), len(selection["all_ids"]))
    n = len(selection["selected"])
    summary.update({
        "split": info.name,
        "system": system_name,
        "mode": "retrieval-only" if config.retrieval_only else "answer",
        "judge": judge_name,
        "judge_style": None if judge_name is None else style,
        "scope": scope,
        "selected": n,
        "complete": summary["questions"] == n and summary["failed"] == 0,
        "run_dir": str(run_dir),
    })
    return summary
