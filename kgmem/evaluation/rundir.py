"""The run directory's files: names, the append-only predictions file, atomic writes,
provenance (dataset hash, git sha, package versions) and the submission file."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kgmem.evaluation.runconfig import RunError

PREDICTIONS = "predictions.jsonl"
MANIFEST = "manifest.json"
SELECTION = "selection.json"
SUMMARY = "summary.json"
SUBMISSION = "submission.json"
#: packages whose versions go into the manifest
KEY_PACKAGES = ("pydantic", "numpy", "networkx", "neo4j", "sentence-transformers", "torch",
                "llama_cpp_python", "litellm", "spacy", "dateparser", "matplotlib")


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


def sha256_files(paths: Iterable[Path]) -> str:
    """sha256 over the bytes of the files, in order."""
    h = hashlib.sha256()
    for p in paths:
        with open(p, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def changes_code(porcelain: str) -> bool:
    """Whether ``git status --porcelain`` output names a changed file that can change a result:
    anything but result files (``eval/results/``) and Markdown (a bench run that rewrote an
    earlier bench's result file is not a modified checkout)."""
    paths = [line[3:].split(" -> ")[-1].strip('"') for line in porcelain.splitlines() if line.strip()]
    return any(not (p.startswith("eval/results/") or p.endswith(".md")) for p in paths)


def git_sha() -> str | None:
    """The checkout's commit (with ``-dirty`` when code or data differ, see :func:`changes_code`),
    or None outside git."""
    root = Path(__file__).resolve().parents[2]
    try:
        sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                             text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{sha}-dirty" if changes_code(dirty) else sha


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


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically (temp file, fsync, rename)."""
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
    write_atomic(path, json.dumps(sub, indent=2, ensure_ascii=False) + "\n")
    return path
