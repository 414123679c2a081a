"""One LongMemEval instance checked field by field: every problem found (with its JSON path),
or its values as a :class:`Record` ready to become a :class:`~kgmem.models.Haystack`.

The checks follow the instance schema the loader (:mod:`kgmem.datasets.longmemeval`) accepts:
required fields and their types, parseable dates, one id and one date per session, turns with a
known role and string content, answer session ids that name haystack sessions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kgmem.datasets.errors import DatasetProblem
from kgmem.temporal import parse_dataset_date

ROLES = ("user", "assistant", "system")


@dataclass
class Record:
    """One instance after checking: plain values, dates parsed, ready to become a Haystack."""

    question_id: str
    question: str
    question_date: datetime
    question_type: str | None
    answer: str | int | float | None
    session_ids: list[str]
    dates: list[datetime]
    #: per session: (role, text, has_answer) per turn
    sessions: list[list[tuple[str, str, bool]]]
    answer_session_ids: list[str] = field(default_factory=list)


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


class _Checker:
    """Collects every problem of one record while extracting its values."""

    def __init__(self, file: str, index: int) -> None:
        self.file = file
        self.index = index
        self.question_id: str | None = None
        self.problems: list[DatasetProblem] = []

    def add(self, field_path: str | None, message: str) -> None:
        self.problems.append(
            DatasetProblem(self.file, message, self.index, self.question_id, field_path)
        )

    def _field(self, raw: dict[str, Any], name: str, kind: type, what: str, required: bool) -> Any:
        """``raw[name]`` when it is a ``kind``; else None, with the problem recorded."""
        if name not in raw or raw[name] is None:
            if required:
                self.add(repr(name), "missing required field")
            return None
        value = raw[name]
        if not isinstance(value, kind):
            self.add(repr(name), f"expected {what}, got {_type_name(value)}")
            return None
        return value

    def string(self, raw: dict[str, Any], name: str, *, required: bool = True) -> str | None:
        value: str | None = self._field(raw, name, str, "a string", required)
        return value

    def date(self, value: Any, path: str) -> datetime | None:
        try:
            return parse_dataset_date(value)
        except ValueError as exc:
            self.add(path, str(exc))
            return None

    def str_list(self, raw: dict[str, Any], name: str, *, required: bool = True) -> list[Any] | None:
        value: list[Any] | None = self._field(raw, name, list, "a list", required)
        return value


def check_record(raw: Any, index: int, file: str) -> tuple[Record | None, list[DatasetProblem]]:
    """Check one raw instance; return its values (None if any problem) and all its problems."""
    c = _Checker(file, index)
    if not isinstance(raw, dict):
        c.add(None, f"expected a JSON object, got {_type_name(raw)}")
        return None, c.problems

    qid_raw = raw.get("question_id")
    if isinstance(qid_raw, str) and qid_raw.strip():
        c.question_id = qid_raw
    qid = c.string(raw, "question_id")
    if qid is not None and not qid.strip():
        c.add("'question_id'", "must not be empty")
    question = c.string(raw, "question")
    qtype = c.string(raw, "question_type", required=False)
    qdate_raw = c.string(raw, "question_date")
    qdate = c.date(qdate_raw, "'question_date'") if qdate_raw is not None else None

    answer = _check_answer(c, raw)

    sids = c.str_list(raw, "haystack_session_ids")
    dates_raw = c.str_list(raw, "haystack_dates")
    sessions_raw = c.str_list(raw, "haystack_sessions")
    answer_sids = c.str_list(raw, "answer_session_ids", required=False) or []

    session_ids, dates = _check_ids_and_dates(c, sids, dates_raw)

    sessions: list[list[tuple[str, str, bool]]] = []
    if sessions_raw is not None:
        n = len(sessions_raw)
        if dates_raw is not None and len(dates_raw) != n:
            c.add(
                "'haystack_dates'", f"has {len(dates_raw)} entries but 'haystack_sessions' has {n}"
            )
        if sids is not None and len(sids) != n:
            c.add(
                "'haystack_session_ids'", f"has {len(sids)} entries but 'haystack_sessions' has {n}"
            )
        for s, session in enumerate(sessions_raw):
            sessions.append(_check_session(c, session, s))

    for i, sid in enumerate(answer_sids):
        if not isinstance(sid, str):
            c.add(f"'answer_session_ids'[{i}]", f"expected a string, got {_type_name(sid)}")
        elif sids is not None and sid not in sids:
            c.add(f"'answer_session_ids'[{i}]", f"{sid!r} is not one of 'haystack_session_ids'")

    if c.problems:
        return None, c.problems
    assert qid is not None and question is not None and qdate is not None  # checked above
    return (
        Record(
            question_id=qid,
            question=question,
            question_date=qdate,
            question_type=qtype,
            answer=answer,
            session_ids=session_ids,
            dates=dates,
            sessions=sessions,
            answer_session_ids=list(answer_sids),
        ),
        [],
    )


def _check_answer(c: _Checker, raw: dict[str, Any]) -> str | int | float | None:
    if raw.get("answer") is None:
        return None
    value = raw["answer"]
    # bool is an int subclass in Python, but a true/false answer is not in the schema
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        c.add("'answer'", f"expected a string or a number, got {_type_name(value)}")
        return None
    return value


def _check_ids_and_dates(c: _Checker, sids: list[Any] | None,
                         dates_raw: list[Any] | None) -> tuple[list[str], list[datetime]]:
    session_ids: list[str] = []
    for i, sid in enumerate(sids or []):
        if not isinstance(sid, str) or not sid:
            c.add(f"'haystack_session_ids'[{i}]", f"expected a non-empty string, got {sid!r}")
        else:
            session_ids.append(sid)
    dates: list[datetime] = []
    for i, text in enumerate(dates_raw or []):
        parsed = c.date(text, f"'haystack_dates'[{i}]")
        if parsed is not None:
            dates.append(parsed)
    return session_ids, dates


def _check_session(c: _Checker, session: Any, s: int) -> list[tuple[str, str, bool]]:
    base = f"'haystack_sessions'[{s}]"
    if not isinstance(session, list):
        c.add(base, f"a session must be a list of turns, got {_type_name(session)}")
        return []
    turns: list[tuple[str, str, bool]] = []
    for t, turn in enumerate(session):
        path = f"{base}[{t}]"
        if not isinstance(turn, dict):
            c.add(
                path, f"a turn must be an object with 'role' and 'content', got {_type_name(turn)}"
            )
            continue
        role = turn.get("role")
        if role not in ROLES:
            what = "missing" if "role" not in turn else f"{role!r} is not one of {', '.join(ROLES)}"
            c.add(f"{path}['role']", what)
        if "content" not in turn or turn["content"] is None:
            c.add(f"{path}['content']", "missing required field")
            continue
        content = turn["content"]
        if not isinstance(content, str):
            c.add(f"{path}['content']", f"expected a string, got {_type_name(content)}")
            continue
        has_answer = turn.get("has_answer", False)
        if not isinstance(has_answer, bool):
            c.add(f"{path}['has_answer']", f"expected true or false, got {has_answer!r}")
            continue
        if role in ROLES:
            turns.append((str(role), content, has_answer))
    return turns
