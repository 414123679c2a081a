"""Build the development sets eval/devsets/dev3.json ... dev11.json (LongMemEval format) from source_<set>.py.

    .venv/bin/python eval/devsets/build.py                # (re)write dev3.json ... dev11.json
    .venv/bin/python eval/devsets/build.py --check        # exit 1 if any differs from a rebuild
    .venv/bin/python eval/devsets/build.py --set dev4     # one set only

``--out FILE`` names the output of one set (``--set``; dev3 when no set is named).

Deterministic: no randomness, no clock; the same source always gives the same bytes. Each
question's haystack is its persona's sessions plus that persona's filler chats, sorted by date;
its evidence turns (and only those) carry ``has_answer: true``; ``answer_session_ids`` are the
sessions holding them. The build fails with a message naming the question when an evidence
substring matches no turn, when dates clash or are out of order, or when an ``_abs`` question has
evidence (or an answerable one has none).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SETS = ("dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11")  # each set <name> is built from source_<name>.py into <name>.json


def _source(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"devsets_source_{name}", HERE / f"source_{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lme_date(text: str) -> str:
    """"2023-05-20 14:02" -> "2023/05/20 (Sat) 14:02" (LongMemEval's date format)."""
    dt = datetime.strptime(text, "%Y-%m-%d %H:%M")
    return dt.strftime("%Y/%m/%d (%a) %H:%M")


def _sessions(prefix: str, persona: dict[str, Any], fillers: dict[str, list[tuple[str, str]]]
              ) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(session id, source date, turns) for a persona's haystack, sorted by date."""
    key = persona["key"]
    out = [(f"{prefix}_{key}_{s['id']}", s["date"], s["turns"]) for s in persona["sessions"]]
    out += [(f"{prefix}_{key}_{fid}", date, fillers[fid]) for fid, date in persona["fillers"]]
    out.sort(key=lambda item: item[1])
    dates = [d for _, d, _ in out]
    if len(set(dates)) != len(dates):
        raise ValueError(f"persona {key}: two sessions share a date")
    if dates[-1] >= persona["question_date"]:
        raise ValueError(f"persona {key}: question_date is not after the last session")
    return out


def _record(prefix: str, persona: dict[str, Any], q: dict[str, Any],
            sessions: list[tuple[str, str, list[tuple[str, str]]]]) -> dict[str, Any]:
    key = persona["key"]
    qid = f"{prefix}_{key}_{q['id']}" + ("_abs" if q.get("abs") else "")
    evidence: dict[str, list[str]] = {}
    for sid, needle in q["evidence"]:
        evidence.setdefault(f"{prefix}_{key}_{sid}", []).append(needle.lower())
    if bool(evidence) == bool(q.get("abs")):
        raise ValueError(f"{qid}: an _abs question has no evidence; every other question has some")
    haystack: list[list[dict[str, Any]]] = []
    matched: dict[str, set[str]] = {sid: set() for sid in evidence}
    for sid, _, turns in sessions:
        session = []
        for role, text in turns:
            turn: dict[str, Any] = {"role": role, "content": text}
            hits = [n for n in evidence.get(sid, []) if n in text.lower()]
            if hits:
                turn["has_answer"] = True
                matched[sid].update(hits)
            session.append(turn)
        haystack.append(session)
    for sid, needles in evidence.items():
        missing = set(needles) - matched.get(sid, set())
        if sid not in {s for s, _, _ in sessions} or missing:
            raise ValueError(f"{qid}: evidence {sorted(missing) or sid!r} matches no turn of {sid}")
    return {
        "question_id": qid,
        "question_type": q["type"],
        "question": q["question"],
        "answer": q["answer"],
        "question_date": lme_date(persona["question_date"]),
        "haystack_session_ids": [sid for sid, _, _ in sessions],
        "haystack_dates": [lme_date(d) for _, d, _ in sessions],
        "haystack_sessions": haystack,
        "answer_session_ids": [sid for sid, _, _ in sessions if sid in evidence],
    }


def build_records(name: str = "dev3") -> list[dict[str, Any]]:
    """Every question record of set ``name``, persona by persona, in source order."""
    src = _source(name)
    records = []
    for persona in src.PERSONAS:
        sessions = _sessions(name, persona, src.FILLERS)
        records += [_record(name, persona, q, sessions) for q in persona["questions"]]
    ids = [r["question_id"] for r in records]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate question ids")
    return records


def build(name: str = "dev3") -> str:
    """The exact text of <name>.json."""
    return json.dumps(build_records(name), indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare the committed files with a rebuild")
    ap.add_argument("--set", choices=SETS, default=None, help="one set only (default: all)")
    ap.add_argument("--out", type=Path, default=None,
                    help="output file of the one set named by --set (dev3 if none is named)")
    args = ap.parse_args(argv)
    names = [args.set or "dev3"] if args.out or args.set else list(SETS)
    stale = 0
    for name in names:
        out = args.out or HERE / f"{name}.json"
        text = build(name)
        if args.check:
            if not out.is_file() or out.read_text(encoding="utf-8") != text:
                print(f"{out} is missing or stale: run eval/devsets/build.py", file=sys.stderr)
                stale = 1
            continue
        out.write_text(text, encoding="utf-8")
        n = text.count('"question_id"')
        print(f"wrote {out} ({n} questions)")
    return stale


if __name__ == "__main__":
    sys.exit(main())
