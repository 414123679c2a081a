"""Statements about other people and things, corrected later in another session (issue #13).

``tests/fixtures/extraction/other_entity_updates.jsonl`` (48 hand-written pairs: a meeting time,
a report deadline, a friend's city, an order's status…; format in that folder's README) is
ingested with the zero-LLM tier into a fresh user each; then the memory is asked the record's
question. Targets (issue #13): at least 90% of answers carry the corrected value, and the history
shows the corrected fact superseding the old one (a SUPERSEDES edge). Not met yet: the tests hold
the measured floors (:data:`FLOORS`) so a regression fails; eval/results/extraction_sets.md reports
the figures against the targets. Run as a script for the per-record
table: ``.venv/bin/python tests/unit/test_other_entity_updates.py``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kgmem import ids  # noqa: E402
from kgmem.api import Memory  # noqa: E402
from kgmem.models import Session, Turn  # noqa: E402
from kgmem.settings import Settings  # noqa: E402
from kgmem.store.networkx_store import NetworkxStore  # noqa: E402
from kgmem.temporal import parse_dataset_date  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "extraction" / "other_entity_updates.jsonl"
TARGET = 0.9
#: measured floors (share of records): answered with the corrected value, superseded in the history
FLOORS = {"answered": 0.85, "superseded": 0.89}


def norm(text: str) -> str:
    t = text.casefold().replace("£", "").replace("$", "").replace(",", "")
    t = re.sub(r"\b(\d+(?:\.\d+)?)k\b", lambda m: str(round(float(m.group(1)) * 1000)), t)  # "£32k" = "32,000"
    t = re.sub(r"^(?:the|a|an)\s+", "", t.strip())
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s:]", " ", t)).strip()


def contains(haystack: str, needle: str) -> bool:
    return norm(needle) in norm(haystack)


@dataclass
class Outcome:
    record: str
    answered: bool
    superseded: bool
    answer: str


def _session(user: str, rec_id: str, n: int, raw: dict[str, Any]) -> Session:
    turns = [(t["role"], t["content"]) for t in raw["turns"]]
    sid = ids.session_id(f"{rec_id}-s{n}", n, ids.session_content_digest(turns))
    return Session(id=sid, user_id=user, started_at=parse_dataset_date(raw["date"]), source_id=f"{rec_id}-s{n}",
                   turns=[Turn(id=ids.turn_id(sid, i), session_id=sid, idx=i, role=r, text=t)
                          for i, (r, t) in enumerate(turns)])


def _replaced(fact_id: str, store: NetworkxStore, user: str, facts: dict[str, Any]) -> list[Any]:
    """Facts ``fact_id`` supersedes, directly or through intermediate values (a three-session
    record: processing → shipped → out for delivery)."""
    older: dict[str, list[str]] = {}
    for s in store.supersessions(user):
        older.setdefault(s.new_fact_id, []).append(s.old_fact_id)
    seen: list[str] = []
    todo = list(older.get(fact_id, []))
    while todo:
        fid = todo.pop()
        if fid not in seen:
            seen.append(fid)
            todo.extend(older.get(fid, []))
    return [facts[f] for f in seen if f in facts]


def run(tmp: Path, limit: int | None = None) -> list[Outcome]:
    """Ingest every record into its own user and ask its question (no answer model)."""
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    store = NetworkxStore(tmp / "store")
    mem = Memory(Settings.load({"home": str(tmp / "home")}), store=store, llm=False)
    out: list[Outcome] = []
    for rec in rows[:limit]:
        user = f"oe:{rec['id']}"
        for n, raw in enumerate(rec["sessions"]):
            mem.add_session(user, _session(user, rec["id"], n, raw))
        ans = mem.answer(user, rec["question"], question_date=parse_dataset_date(rec["question_date"]))
        facts = {f.id: f for f in store.facts(user)}
        superseded = any(contains(new.value, rec["answer"]) and any(contains(old.value, rec["old_value"])
                                                                    for old in _replaced(new.id, store, user, facts))
                         for new in facts.values())
        out.append(Outcome(rec["id"], contains(ans.text, rec["answer"]), superseded, ans.text))
    mem.close()
    return out


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    return run(tmp_path_factory.mktemp("oe"))


def test_fixture_size(outcomes: list[Outcome]) -> None:
    assert len(outcomes) >= 40


def test_answers_carry_the_corrected_value(outcomes: list[Outcome]) -> None:
    ok = sum(o.answered for o in outcomes)
    assert ok >= FLOORS["answered"] * len(outcomes), "\n".join(
        f"{o.record}: {o.answer!r}" for o in outcomes if not o.answered)


def test_history_shows_the_supersession(outcomes: list[Outcome]) -> None:
    ok = sum(o.superseded for o in outcomes)
    assert ok >= FLOORS["superseded"] * len(outcomes), "\n".join(o.record for o in outcomes if not o.superseded)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        res = run(Path(d), int(sys.argv[1]) if len(sys.argv) > 1 else None)
    for o in res:
        print(f"{o.record} answered={o.answered!s:5} superseded={o.superseded!s:5} {o.answer[:120]!r}")
    print(f"answered {sum(o.answered for o in res)}/{len(res)}  superseded {sum(o.superseded for o in res)}/{len(res)}")
