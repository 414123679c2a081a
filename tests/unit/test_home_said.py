"""The user's home said in passing, and a home let go by its keys (session 31, oe31).

The reading (kgmem/extraction/zero/home_said.py): a place after "in" on the user's home noun or on a person who is
there because the user lives there is the user's home; someone else's home, a stay, a plan, an old home are not. The
memory side (kgmem/memory/user_news.py): "handed back the keys in X; tonight I'm sleeping … in Y" moves the held home.
The invented set tests/fixtures/extraction/home_chains_oe31.jsonl is checked for shape here and measured by
eval/bench_past_values.py. The sentences below are not the set's.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from kgmem.api import Memory
from kgmem.extraction.zero import RuleExtractor
from kgmem.ids import entity_id
from kgmem.memory.user_news import said_as_old
from kgmem.models import Session, Turn
from kgmem.settings import Settings
from kgmem.store.networkx_store import NetworkxStore

SET = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "extraction" / "home_chains_oe31.jsonl"
DAY = datetime(2035, 6, 3, 12)


@pytest.fixture(scope="module")
def homes() -> object:
    ex = RuleExtractor()

    def read(text: str) -> list[tuple[str, object]]:
        res = ex.extract([("user", text)], DAY)
        return [(f.value, f.valid_to) for f in res.facts if f.subject == "user" and f.predicate == "lives_in"]
    return read


@pytest.mark.parametrize(("text", "place"), [
    ("The damp in my flat in Portsmouth is getting worse.", "Portsmouth"),
    ("Still unpacking at our new place in Bergen, send help.", "Bergen"),
    ("the new apartment in Tucson has no dishwasher, tragic", "Tucson"),
    ("my flatmates here in Leiden never buy loo roll", "Leiden"),
    ("The bins outside our house in Swindon got knocked over by foxes again.", "Swindon"),
])
def test_a_home_said_in_passing_is_the_users_home(homes, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert (place, None) in homes(text)


@pytest.mark.parametrize("text", [
    "My brother's flat in Leeds is tiny.",
    "Her new place in Lagos looks amazing.",
    "We might rent a house in Faro next year.",
    "The hotel room in Vienna has a view of the opera.",
    "Our Airbnb in Split is lovely.",
    "Is a flat in Bath expensive these days?",
    "Spent the day helping my cousin paint his new flat in Wakefield.",
])
def test_someone_elses_home_a_stay_a_plan_or_a_question_is_no_home(homes, text: str) -> None:  # type: ignore[no-untyped-def]
    assert homes(text) == []


def test_an_old_home_is_no_current_home(homes) -> None:  # type: ignore[no-untyped-def]
    assert all(until is not None for _, until in homes("my old flat in Hove had mice, honestly"))


def _session(user: str, n: int, day: datetime, text: str) -> Session:
    sid = f"{user}-s{n}"
    turns = [Turn(id=f"{sid}:0", session_id=sid, idx=0, role="user", text=text),
             Turn(id=f"{sid}:1", session_id=sid, idx=1, role="assistant", text="Noted.")]
    return Session(id=sid, user_id=user, started_at=day, turns=turns)


def _homes_after(tmp_path: Path, first: str, later: str) -> list[tuple[str, bool]]:
    store = NetworkxStore(tmp_path / "store")
    mem = Memory(Settings.load({"home": str(tmp_path / "home")}), store=store, llm=False)
    user = "t:home"
    mem.add_session(user, _session(user, 0, datetime(2035, 2, 1, 19), first))
    mem.add_session(user, _session(user, 1, datetime(2035, 4, 1, 19), later))
    me = entity_id(user, "user")
    out = [(f.value or "", f.invalid_at is None) for f in store.facts(user) if f.subject_id == me and f.predicate == "lives_in"]
    mem.close()
    return out


def test_a_new_home_told_by_its_evidence_supersedes_the_home_said_in_passing(tmp_path: Path) -> None:
    got = _homes_after(tmp_path, "The boiler in my flat in Derby broke again.",
                       "Got the sofa delivered to our new flat in Leicester today.")
    assert ("Leicester", True) in got and ("Derby", False) in got


def test_a_home_let_go_by_its_keys_moves_the_held_home(tmp_path: Path) -> None:
    got = _homes_after(tmp_path, "I live in Bremen.",
                       "handed back the keys in Bremen yesterday; tonight I'm sleeping on an airbed in Hamburg.")
    assert ("Hamburg", True) in got and ("Bremen", False) in got


def test_keys_handed_back_say_the_place_after_them_is_left() -> None:
    text = "gave back the keys to our place in bremen on friday"
    at = text.index("bremen")
    assert said_as_old(text, at, at + len("bremen"))
    text = "picked up the keys in bremen on friday"
    assert not said_as_old(text, text.index("bremen"), text.index("bremen") + 6)


def test_the_invented_set_is_well_formed() -> None:
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 40 and len({r["id"] for r in rows}) == len(rows)
    assert sum(r["kind"] == "change" for r in rows) >= 26
    for r in rows:
        assert r["kind"] in ("change", "distractor", "keep") and r["slot"] == "lives_in"
        assert len(r["sessions"]) >= 2 and r["answer"] != r["other_value"]
        said = [t["content"] for s in r["sessions"] for t in s["turns"] if t["role"] == "user"]
        assert any(r["answer"] in t for t in said) and any(r["other_value"] in t for t in said)
