"""The evaluation runner: a run is a directory, written one finished question at a time.

``run_eval`` selects questions from a split, and for each one not already finished: prepares
(ingests) the label-free haystack, answers, judges, and appends ONE whole line to
``predictions.jsonl`` (flush + fsync) — errors included. Re-running the same configuration
resumes: finished ids cost zero ingests and zero model calls; failed ids are retried; a
trailing partial line left by a kill is dropped. The run directory holds ``manifest.json``,
``selection.json``, ``predictions.jsonl``, ``summary.json``, ``report.md``, a chart, and for
splits without answers ``submission.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import random
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from kgmem.evaluation import metrics
from kgmem.evaluation.judge import Judge, JudgeStyle, default_judge_style, make_judge
from kgmem.evaluation.systems import RetrievingSystem, System, make_system

if TYPE_CHECKING:
    from kgmem.datasets.registry import SplitInfo
    from kgmem.models import Haystack
    from kgmem.settings import Settings

PREDICTIONS = "predictions.jsonl"
MANIFEST = "manifest.json"
SELECTION = "selection.json"
SUMMARY = "summary.json"
SUBMISSION = "submission.json"
ABSTENTION_STRATUM = "abstention"
#: packages whose versions go into the manifest
KEY_PACKAGES = ("pydantic", "numpy", "networkx", "neo4j", "sentence-transformers", "torch",
                "llama_cpp_python", "litellm", "spacy", "dateparser", "bm25s", "matplotlib")

Progress = Callable[[int, int, dict[str, Any]], None]


class RunError(RuntimeError):
    """The run cannot proceed (corrupt predictions file, run dir of another configuration…)."""


class SubmissionError(RuntimeError):
    """The submission cannot be written: some questions have no successful prediction."""

    def __init__(self, missing: list[str], failed: list[str]) -> None:
        self.missing = missing
        self.failed = failed
        parts = []
        if failed:
            parts.append(f"{len(failed)} failed: {', '.join(failed[:20])}"
                         + (" …" if len(failed) > 20 else ""))
        if missing:
            parts.append(f"{len(missing)} not run: {', '.join(missing[:20])}"
                         + (" …" if len(missing) > 20 else ""))
        super().__init__(
            "submission.json not written — " + "; ".join(parts)
            + ". Re-run the same command to retry failed questions (finished ones are skipped), "
            "or pass --allow-missing to write empty-string answers for them."
        )


@dataclass
class EvalConfig:
    """What to evaluate and how (everything that changes results goes into the config hash)."""

    split: str
    system: str = "baseline-rag"
    limit: int | None = None
    per_type: int | None = None
    types: list[str] | None = None
    seed: int = 0
    question_ids: list[str] | None = None
    retrieval_only: bool = False
    judge_style: JudgeStyle | None = None
    run_dir: Path | None = None
    allow_missing: bool = False
    on_error: Literal["record", "raise"] = "record"

    def selection_args(self) -> dict[str, Any]:
        """The arguments that decide which questions run."""
        return {"limit": self.limit, "per_type": self.per_type,
                "types": sorted(self.types) if self.types else None, "seed": self.seed,
                "question_ids": self.question_ids}


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


# ============================================================================ helpers


def sha256_files(paths: Iterable[Path]) -> str:
    """sha256 over the bytes of the files, in order."""
    h = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def git_sha() -> str | None:
    """The checkout's commit (with ``-dirty`` when files differ), or None outside git."""
    root = Path(__file__).resolve().parents[2]
    try:
        sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                             text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{sha}-dirty" if dirty else sha


def package_versions() -> dict[str, str | None]:
    """Versions of kgmem, Python and the key dependencies (None when not installed)."""
    from importlib import metadata

    import kgmem

    out: dict[str, str | None] = {"kgmem": getattr(kgmem, "__version__", None),
                                  "python": platform.python_version()}
    for name in KEY_PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def load_gold_sidecar(path: Path | None) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Per-question gold metadata (``computable``, ``template_family``) and file-level metadata.

    Accepts ``{"questions": {qid: {...}}}``, ``{"questions": [{"question_id": ...}]}`` or a
    plain ``{qid: {...}}`` mapping; file-level keys such as ``generator_version`` are returned
    as metadata.
    """
    if path is None or not path.is_file():
        return {}, {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RunError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise RunError(f"{path}: expected a JSON object (gold sidecar)")
    questions: Any = data.get("questions", None)
    meta = {k: v for k, v in data.items() if k != "questions" and not isinstance(v, (dict, list))}
    if questions is None:
        questions = {k: v for k, v in data.items() if isinstance(v, dict)}
    per_q: dict[str, dict[str, Any]] = {}
    if isinstance(questions, list):
        for i, item in enumerate(questions):
            if not isinstance(item, dict) or "question_id" not in item:
                raise RunError(f"{path}: questions[{i}] has no 'question_id'")
            per_q[str(item["question_id"])] = item
    elif isinstance(questions, dict):
        per_q = {str(k): v for k, v in questions.items() if isinstance(v, dict)}
    return per_q, meta


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(text).stem if "/" in text else text).strip("_")


# ============================================================================ selection


@dataclass
class QuestionInfo:
    """The little the selector needs about a question."""

    question_id: str
    question_type: str
    is_abstention: bool

    @property
    def stratum(self) -> str:
        # abstention questions are their own stratum so a per-type sample always holds some
        return ABSTENTION_STRATUM if self.is_abstention else self.question_type


def scan_questions(info: SplitInfo) -> list[QuestionInfo]:
    """Every question of the split, in file order (one streaming pass)."""
    from kgmem.datasets.longmemeval import iter_haystacks

    out = []
    for path in info.files:
        for h in iter_haystacks(path, tag=info.tag):
            qtype = h.labels.question_type if h.labels else "unknown"
            out.append(QuestionInfo(h.question_id, qtype, h.is_abstention))
    return out


def select_questions(questions: list[QuestionInfo], config: EvalConfig) -> list[str]:
    """Question ids to run, in file order: filter by ids/types, stratified sample, then limit.

    ``per_type`` draws up to N questions per stratum (question type; abstention questions form
    their own stratum) with ``random.Random(seed)`` over the strata in sorted order.
    """
    pool = questions
    if config.question_ids:
        wanted = set(config.question_ids)
        unknown = wanted - {q.question_id for q in questions}
        if unknown:
            raise RunError(f"question id(s) not in the split: {', '.join(sorted(unknown))}")
        pool = [q for q in pool if q.question_id in wanted]
    if config.types:
        types = set(config.types)
        known = {q.question_type for q in questions} | {ABSTENTION_STRATUM}
        if types - known:
            raise RunError(f"unknown question type(s) {', '.join(sorted(types - known))}; this "
                           f"split has: {', '.join(sorted(known))}")
        pool = [q for q in pool if q.question_type in types
                or (ABSTENTION_STRATUM in types and q.is_abstention)]
    if config.per_type is not None:
        rng = random.Random(config.seed)
        strata: dict[str, list[str]] = defaultdict(list)
        for q in pool:
            strata[q.stratum].append(q.question_id)
        chosen: set[str] = set()
        for name in sorted(strata):
            ids = strata[name]
            chosen.update(rng.sample(ids, min(config.per_type, len(ids))))
        pool = [q for q in pool if q.question_id in chosen]
    ids = [q.question_id for q in pool]
    return ids[: config.limit] if config.limit is not None else ids


# ============================================================================ predictions file


def read_predictions(path: Path, repair: bool = False) -> list[dict[str, Any]]:
    """Records of a predictions file; a trailing partial line (a kill mid-write) is ignored,
    and with ``repair`` also cut from the file so appends start on a fresh line."""
    if not path.is_file():
        return []
    data = path.read_bytes()
    complete_end = data.rfind(b"\n") + 1
    if complete_end < len(data) and repair:
        with open(path, "r+b") as fh:
            fh.truncate(complete_end)
            fh.flush()
            os.fsync(fh.fileno())
    records = []
    for lineno, line in enumerate(data[:complete_end].splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RunError(f"{path}: line {lineno} is not valid JSON ({exc.msg}); the file is "
                           "corrupt — move it aside to start the run again") from exc
        if not isinstance(rec, dict) or "question_id" not in rec:
            raise RunError(f"{path}: line {lineno} has no 'question_id'")
        records.append(rec)
    return records


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def append_record(path: Path, record: dict[str, Any]) -> None:
    """Append one whole JSON line, flushed and fsynced (a kill never leaves half a record)."""
    line = json.dumps(record, ensure_ascii=False, default=str) + "\n"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(line)
        fh.flush()
        os.fsync(fh.fileno())


# ============================================================================ submission


def validate_submission(submission: Any, expected_ids: list[str]) -> None:
    """Check a submission against the input file: every id once, no extras, string answers."""
    if not isinstance(submission, list):
        raise ValueError("submission must be a JSON array")
    seen: set[str] = set()
    expected = set(expected_ids)
    for i, item in enumerate(submission):
        if not isinstance(item, dict) or set(item) != {"question_id", "predicted_answer"}:
            raise ValueError(f"submission[{i}] must have exactly 'question_id' and "
                             "'predicted_answer'")
        qid = item["question_id"]
        if not isinstance(qid, str) or not isinstance(item["predicted_answer"], str):
            raise ValueError(f"submission[{i}] ({qid!r}): question_id and predicted_answer must "
                             "be strings")
        if qid in seen:
            raise ValueError(f"submission[{i}]: duplicate question_id {qid!r}")
        if qid not in expected:
            raise ValueError(f"submission[{i}]: question_id {qid!r} is not in the input file")
        seen.add(qid)
    missing = [q for q in expected_ids if q not in seen]
    if missing:
        raise ValueError(f"submission lacks {len(missing)} question(s): {', '.join(missing[:10])}")


def write_submission(run_dir: Path, expected_ids: list[str], records: list[dict[str, Any]],
                     allow_missing: bool = False) -> Path:
    """Write ``submission.json`` for every input question, or raise :class:`SubmissionError`.

    A failed question is never written as an error string; with ``allow_missing`` it is
    written as an empty string.
    """
    latest = {r["question_id"]: r for r in records}
    failed = [q for q in expected_ids if q in latest and latest[q].get("error")]
    missing = [q for q in expected_ids if q not in latest]
    if (failed or missing) and not allow_missing:
        raise SubmissionError(missing, failed)
    sub = []
    for qid in expected_ids:
        rec = latest.get(qid)
        ok = rec is not None and not rec.get("error")
        sub.append({"question_id": qid,
                    "predicted_answer": str(rec.get("predicted_answer") or "") if ok and rec
                    else ""})
    validate_submission(sub, expected_ids)
    path = run_dir / SUBMISSION
    _write_atomic(path, json.dumps(sub, indent=2, ensure_ascii=False) + "\n")
    return path


# ============================================================================ the run


def config_hash(config: EvalConfig, info: SplitInfo, dataset_sha: str, settings: Settings,
                system_name: str) -> str:
    """Short hash of everything that changes results: split, data, system, models, store…"""
    payload = {
        "split": info.name, "dataset_sha256": dataset_sha, "system": system_name,
        "llm_model": settings.llm_model, "judge_model": settings.judge_model,
        "store": settings.store, "embed_model": settings.embed_model,
        "extraction_tier": settings.extraction_tier, "context_tokens": settings.context_tokens,
        "retrieval_only": config.retrieval_only, "judge_style": config.judge_style,
        **config.selection_args(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:10]


def default_run_dir(info: SplitInfo, system_name: str, chash: str, retrieval_only: bool) -> Path:
    """``eval/runs/<split>-<system>[-retrieval]-<confighash>``."""
    mode = "-retrieval" if retrieval_only else ""
    return Path("eval") / "runs" / f"{_slug(info.name)}-{system_name}{mode}-{chash}"


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
    from kgmem.datasets.registry import resolve_split

    info = resolve_split(config.split, settings)
    dataset_sha = sha256_files(info.files)
    system_name = system.name if system is not None else config.system
    style: JudgeStyle = config.judge_style or default_judge_style(info.name)
    chash = config_hash(config, info, dataset_sha, settings, system_name)
    run_dir = Path(config.run_dir) if config.run_dir else default_run_dir(
        info, system_name, chash, config.retrieval_only)
    run_dir.mkdir(parents=True, exist_ok=True)
    from filelock import FileLock, Timeout

    # two processes appending to one predictions file would duplicate questions
    lock = FileLock(str(run_dir / ".run.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise RunError(f"{run_dir} is being written by another `kgmem eval` process") from None
    try:
        return _run_locked(config, settings, info, dataset_sha, system, judge, style, chash,
                           run_dir, system_name, progress)
    finally:
        lock.release()


def _run_locked(config: EvalConfig, settings: Settings, info: SplitInfo, dataset_sha: str,
                system: System | None, judge: Judge | None, style: JudgeStyle, chash: str,
                run_dir: Path, system_name: str, progress: Progress | None) -> RunResult:
    """The body of :func:`run_eval`, run while holding the run directory's lock."""
    from kgmem.datasets.longmemeval import iter_haystacks, strip_labels

    result = RunResult(run_dir=run_dir)

    manifest_path = run_dir / MANIFEST
    if manifest_path.is_file():
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
        if old.get("config_hash") != chash:
            raise RunError(f"{run_dir} holds a run of another configuration (config hash "
                           f"{old.get('config_hash')} ≠ {chash}); choose another --run-dir")
    gold_per_q, gold_file_meta = load_gold_sidecar(info.gold_file)

    # the selection is stored so a resume neither rescans the file nor re-draws the sample
    selection_path = run_dir / SELECTION
    if selection_path.is_file():
        selection = json.loads(selection_path.read_text(encoding="utf-8"))
    else:
        questions = scan_questions(info)
        selection = {"all_ids": [q.question_id for q in questions],
                     "selected": select_questions(questions, config),
                     "strata": {q.question_id: q.stratum for q in questions}}
        _write_atomic(selection_path, json.dumps(selection) + "\n")
    selected: list[str] = selection["selected"]
    result.selected = len(selected)

    if system is None:
        system = make_system(config.system, settings, retrieval_only=config.retrieval_only)
    if config.retrieval_only and not isinstance(system, RetrievingSystem):
        raise RunError(f"system {system.name!r} has no retrieve(); it cannot run --retrieval-only")
    if judge is None and not config.retrieval_only and info.has_answers:
        judge = make_judge(settings, style)
    judge_name = judge.name if judge is not None else None

    if not manifest_path.is_file():
        manifest = {
            "config_hash": chash,
            "config": {**{k: (str(v) if isinstance(v, Path) else v)
                          for k, v in asdict(config).items()}, "judge_style": style},
            "split": info.name,
            "split_tag": info.tag,
            "dataset_files": [str(p) for p in info.files],
            "dataset_sha256": dataset_sha,
            "has_answers": info.has_answers,
            "gold_file": str(info.gold_file) if info.gold_file else None,
            "generator": gold_file_meta,
            "system": system_name,
            "judge": judge_name,
            "settings": settings.redacted(),
            "versions": package_versions(),
            "git_sha": git_sha(),
            "argv": sys.argv,
            "started_at": datetime.now().isoformat(timespec="seconds"),
            "selected": len(selected),
            "total_in_split": len(selection["all_ids"]),
            "mode": "retrieval-only" if config.retrieval_only else "answer",
            "scope": describe_scope(config, len(selected), len(selection["all_ids"])),
        }
        _write_atomic(manifest_path, json.dumps(manifest, indent=2, default=str) + "\n")

    pred_path = run_dir / PREDICTIONS
    existing = read_predictions(pred_path, repair=True)
    done = {r["question_id"] for r in existing if not r.get("error")}
    # failed lines are dropped here and retried below, so the file ends with one line per id
    kept = metrics.latest_records(r for r in existing if not r.get("error"))
    if len(kept) != len(existing):
        _write_atomic(pred_path, "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n"
                                         for r in kept))
    todo = [q for q in selected if q not in done]
    result.skipped = len(selected) - len(todo)

    if todo:
        warmup = getattr(system, "warmup", None)
        if callable(warmup):
            warmup()  # load models now so the first question's latency does not include it
        todo_set = set(todo)
        position = result.skipped
        mode = "retrieval" if config.retrieval_only else "answer"
        for path in info.files:
            for h in iter_haystacks(path, tag=info.tag):
                if h.question_id not in todo_set:
                    continue
                position += 1
                record = _evaluate_one(h, strip_labels(h), system, judge, config, result,
                                       _record_base(h, gold_per_q.get(h.question_id, {}),
                                                    system_name, mode))
                append_record(pred_path, record)
                if progress is not None:
                    progress(position, len(selected), record)

    records = read_predictions(pred_path)
    selected_set = set(selected)
    records = [r for r in records if r["question_id"] in selected_set]
    summary = build_summary(records, run_dir, info, selection, config, style, judge_name,
                            system_name)
    _write_atomic(run_dir / SUMMARY, json.dumps(summary, indent=2, default=str) + "\n")
    result.summary = summary
    result.failed = summary["failed"]

    from kgmem.evaluation.report import write_report

    write_report(run_dir)
    if not info.has_answers and not config.retrieval_only:
        try:
            result.submission = write_submission(run_dir, selection["all_ids"], records,
                                                 config.allow_missing)
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
        # lose the run; the error is written to its line, counted and retried on resume
        if config.on_error == "raise":
            raise
        record["error"] = f"{type(exc).__name__}: {exc}"
        record["error_stage"] = stage
    return record


def describe_scope(config: EvalConfig, n: int, total: int) -> str:
    """One line saying which questions a run covers (reports print it next to every figure)."""
    if config.per_type is not None:
        return (f"stratified sample: up to {config.per_type} per question type (abstention its "
                f"own stratum), seed {config.seed} — {n} of {total} questions")
    if n < total:
        return f"{n} of {total} questions (first in file order after filters)"
    return f"all {total} questions"


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
