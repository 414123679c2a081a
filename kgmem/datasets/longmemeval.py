"""Streaming loader and validator for LongMemEval-format files.

Reads ``longmemeval_oracle.json``, ``longmemeval_s_cleaned.json`` and the Investigathon files
(``Investigathon_LLMTrack_{Evaluation,HeldOut}_*.json``; the held-out one has no ``answer``).
A file is a JSON array of instances; it is streamed record by record with ``ijson`` (C backend
when available), so a 128 MB file never sits in memory as one parsed document. Each record is
checked by :mod:`kgmem.datasets.longmemeval_records` before it becomes a haystack.

Benchmark labels (``answer``, ``question_type``, ``answer_session_ids``, ``has_answer``) go only
into :class:`~kgmem.models.HaystackLabels`; the product path never reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kgmem import ids
from kgmem.datasets.errors import DatasetError, DatasetProblem
from kgmem.datasets.longmemeval_records import Record, check_record
from kgmem.models import Haystack, HaystackLabels, Session, Turn

__all__ = [
    "DatasetError",
    "DatasetProblem",
    "FileReport",
    "iter_haystacks",
    "load_haystacks",
    "scan_file",
    "strip_labels",
    "tag_for_path",
    "validate_file",
]

_UNKNOWN_TYPE = "unknown"


# --------------------------------------------------------------------------- building haystacks


def tag_for_path(path: str | Path) -> str:
    """Namespace tag of a file loaded without a split name: its stem with ':' removed."""
    tag = Path(path).stem.replace(":", "")
    return tag or "file"


def _build(rec: Record, tag: str, file: str, index: int) -> Haystack:
    user_id = ids.namespace_key(tag, rec.question_id)
    sessions: list[Session] = []
    evidence: list[str] = []
    by_source: dict[str, list[str]] = {}
    seen_source: set[str] = set()
    for position, (source, started, turns) in enumerate(
        zip(rec.session_ids, rec.dates, rec.sessions, strict=True)
    ):
        digest = ids.session_content_digest([(role, text) for role, text, _ in turns])
        sid = ids.session_id(source, position, digest)
        # a source id repeated inside one haystack would collide; suffix the position, deterministically
        if sid in seen_source:
            sid = f"{sid}#{position}"
        seen_source.add(sid)
        by_source.setdefault(source, []).append(sid)
        turn_models = []
        for idx, (role, text, has_answer) in enumerate(turns):
            tid = ids.turn_id(sid, idx)
            turn_models.append(Turn(id=tid, session_id=sid, idx=idx, role=role, text=text))  # type: ignore[arg-type]
            if has_answer:
                evidence.append(tid)
        sessions.append(
            Session(
                id=sid, user_id=user_id, started_at=started, turns=turn_models, source_id=source
            )
        )
    answer_sids = [sid for src in rec.answer_session_ids for sid in by_source.get(src, [])]
    labels = HaystackLabels(
        question_type=rec.question_type or _UNKNOWN_TYPE,
        answer=rec.answer,
        answer_session_ids=answer_sids,
        evidence_turn_ids=evidence,
        is_abstention=rec.question_id.endswith("_abs"),
    )
    return Haystack(
        user_id=user_id,
        question_id=rec.question_id,
        question=rec.question,
        question_date=rec.question_date,
        sessions=sessions,
        labels=labels,
        source_file=file,
        record_index=index,
    )


def strip_labels(haystack: Haystack) -> Haystack:
    """A deep copy of ``haystack`` with ``labels=None`` (what the product path may see)."""
    return haystack.model_copy(update={"labels": None}, deep=True)


# --------------------------------------------------------------------------- streaming


def _open_array(path: Path) -> IO[bytes]:
    """Open ``path`` positioned at its first byte, after checking it holds a JSON array."""
    file = str(path)
    if not path.exists():
        raise DatasetError(DatasetProblem(file, "no such file"))
    if path.is_dir():
        raise DatasetError(DatasetProblem(file, "is a directory, not a JSON file"))
    fh = path.open("rb")
    try:
        head = fh.read(4096)
        stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()  # BOM, whitespace
        while not stripped and head:
            head = fh.read(4096)
            stripped = head.lstrip()
        if not stripped:
            raise DatasetError(
                DatasetProblem(file, "empty file (expected a JSON array of instances)")
            )
        first = stripped[:1]
        if first != b"[":
            kinds = {b"{": "an object", b'"': "a string"}
            kind = "a number" if first in b"-0123456789" else kinds.get(first)
            for literal, name in (
                (b"true", "a boolean"),
                (b"false", "a boolean"),
                (b"null", "null"),
            ):
                if stripped.rstrip() == literal:
                    kind = name
            if kind is None:
                raise DatasetError(
                    DatasetProblem(file, f"not valid JSON: starts with {stripped[:20]!r}")
                )
            raise DatasetError(
                DatasetProblem(file, f"top level is {kind}; expected a JSON array of instances")
            )
        fh.seek(0)
        return fh
    except BaseException:
        fh.close()
        raise


def _iter_raw(path: Path) -> Iterator[tuple[int, Any]]:
    """Yield ``(index, raw instance)`` from the array in ``path``, streamed with ijson."""
    import ijson  # heavy-ish C extension; imported only when a file is read

    file = str(path)
    index = -1
    with _open_array(path) as fh:
        if fh.read(3) != b"\xef\xbb\xbf":  # ijson does not skip a UTF-8 BOM: step over it
            fh.seek(0)
        try:
            for index, raw in enumerate(ijson.items(fh, "item", use_float=True)):
                yield index, raw
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            where = index + 1
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            incomplete = (
                isinstance(exc, ijson.IncompleteJSONError) and "premature" in reason.lower()
            )
            what = "file is truncated" if incomplete else "not valid JSON"
            raise DatasetError(
                DatasetProblem(file, f"{what} (parser: {reason})", record_index=where)
            ) from exc
    if index < 0:
        raise DatasetError(DatasetProblem(file, "the array holds no instances"))


def iter_haystacks(path: str | Path, tag: str | None = None) -> Iterator[Haystack]:
    """Stream the haystacks of a LongMemEval-format file, in file order.

    ``tag`` is the namespace tag (the split name when resolved through the registry); it
    defaults to the file stem. Raises :class:`DatasetError` at the first bad record.
    """
    p = Path(path)
    tag = tag if tag is not None else tag_for_path(p)
    file = str(p)
    seen: dict[str, int] = {}
    for index, raw in _iter_raw(p):
        rec, problems = check_record(raw, index, file)
        if problems:
            raise DatasetError(problems)
        assert rec is not None
        if rec.question_id in seen:
            raise DatasetError(_duplicate(file, index, rec.question_id, seen[rec.question_id]))
        seen[rec.question_id] = index
        yield _build(rec, tag, file, index)


def _duplicate(file: str, index: int, qid: str, first: int) -> DatasetProblem:
    return DatasetProblem(
        file, f"duplicate question_id (first seen in record {first})", index, qid, "'question_id'"
    )


def load_haystacks(
    path: str | Path,
    tag: str | None = None,
    question_ids: Iterable[str] | None = None,
    limit: int | None = None,
) -> list[Haystack]:
    """Load haystacks into a list; optionally only ``question_ids`` and at most ``limit``.

    Asking for a question id the file does not hold is a :class:`DatasetError` naming it.
    """
    wanted = None if question_ids is None else list(dict.fromkeys(question_ids))
    wanted_set = None if wanted is None else set(wanted)
    out: list[Haystack] = []
    if limit is not None and limit <= 0:
        return out
    for h in iter_haystacks(path, tag=tag):
        if wanted_set is not None and h.question_id not in wanted_set:
            continue
        out.append(h)
        if limit is not None and len(out) >= limit:
            return out
        if wanted_set is not None and len(out) == len(wanted_set):
            break
    if wanted is not None:
        found = {h.question_id for h in out}
        missing = [q for q in wanted if q not in found]
        if missing:
            shown = ", ".join(repr(q) for q in missing[:10])
            more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            raise DatasetError(
                DatasetProblem(str(path), f"question id(s) not in file: {shown}{more}")
            )
    return out


# --------------------------------------------------------------------------- validation


@dataclass
class FileReport:
    """What :func:`scan_file` found: every problem, and counts of what was read."""

    file: str
    problems: list[DatasetProblem] = field(default_factory=list)
    records: int = 0
    sessions: int = 0
    turns: int = 0
    truncated: bool = False  # True when problems stopped being collected at ``max_problems``

    @property
    def ok(self) -> bool:
        return not self.problems


def scan_file(path: str | Path, max_problems: int = 1000) -> FileReport:
    """Read the whole file and report every problem (up to ``max_problems``) plus counts."""
    p = Path(path)
    file = str(p)
    report = FileReport(file)
    seen: dict[str, int] = {}

    def add(problems: list[DatasetProblem]) -> bool:
        room = max_problems - len(report.problems)
        report.problems.extend(problems[: max(room, 0)])
        if len(problems) > room:
            report.truncated = True
        return not report.truncated

    try:
        for index, raw in _iter_raw(p):
            report.records += 1
            _, problems = check_record(raw, index, file)
            qid = raw.get("question_id") if isinstance(raw, dict) else None
            if isinstance(qid, str):
                if qid in seen:
                    problems.append(_duplicate(file, index, qid, seen[qid]))
                else:
                    seen[qid] = index
            # count what is there, even in records with problems (the summary describes the file)
            sessions = raw.get("haystack_sessions") if isinstance(raw, dict) else None
            if isinstance(sessions, list):
                report.sessions += len(sessions)
                report.turns += sum(len(s) for s in sessions if isinstance(s, list))
            if problems and not add(problems):
                break
    except DatasetError as exc:
        add(exc.problems)
    return report


def validate_file(path: str | Path, max_problems: int = 1000) -> list[DatasetProblem]:
    """Every problem in a LongMemEval-format file (empty list when it is valid)."""
    return scan_file(path, max_problems=max_problems).problems
