"""The hand-written answer sets' cases, ingested one way (``eval/bench_answer_sets.py`` and
``eval/_pref_sets.py``): each case is a small haystack of its own, written in the dataset's format."""

from __future__ import annotations

from collections import defaultdict
from typing import Any


def ingest_case(mem: Any, user: str, case: dict[str, Any]) -> None:
    """Add every session of ``case`` to ``mem`` under ``user``; a session's id is ``<case_id>:<session_id>`` and
    its turns' ids ``<session id>:<index>``."""
    from kgmem.models import Session, Turn
    from kgmem.temporal import parse_dataset_date

    for s in case["sessions"]:
        sid = f"{case['case_id']}:{s['session_id']}"
        turns = [Turn(id=f"{sid}:{i}", session_id=sid, idx=i, role=t["role"], text=t["content"])
                 for i, t in enumerate(s["turns"])]
        mem.add_session(user, Session(id=sid, user_id=user, started_at=parse_dataset_date(s["date"]), turns=turns))


def answer_case(mem: Any, user: str, case: dict[str, Any]) -> Any:
    """Ingest ``case`` under ``user`` and answer its question as of its question date."""
    from kgmem.temporal import parse_dataset_date

    ingest_case(mem, user, case)
    return mem.answer(user, case["question"], question_date=parse_dataset_date(case["question_date"]))


def tally(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A set's figures from its answered cases (each row: ``kind``, ``correct``, ``wrong_event``): the counts,
    the share right and the same per kind."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r)
    correct = sum(r["correct"] for r in rows)
    return {"cases": len(rows), "correct": correct, "share": correct / len(rows),
            "wrong_event": sum(r["wrong_event"] for r in rows),
            "per_kind": {k: {"n": len(v), "correct": sum(r["correct"] for r in v),
                             "wrong_event": sum(r["wrong_event"] for r in v)} for k, v in sorted(by_kind.items())}}
