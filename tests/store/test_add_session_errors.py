"""A session that cannot be stored: ``Memory.add_session`` raises, a batch ingest reports it.

Both backends, the real rule extractor: a malformed session (a turn id that is not
``<session id>:<position>``) and a failed extraction or write name the session, the user and
the field; what memory held before is unchanged, and the session can be stored once corrected.
A batch (``Memory.ingest_haystacks``) lists the bad session in its report and writes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import pytest

from kgmem import ids
from kgmem.api import Memory
from kgmem.api_types import IngestError
from kgmem.extraction.schema import ExtractionResult
from kgmem.extraction.zero import RuleExtractor
from kgmem.models import Haystack, Session, Turn
from kgmem.settings import Settings
from kgmem.store.base import MemoryStore

from .factories import HashEmbedder

NewUser = Callable[[str], str]
JAN, MAR, MAY = datetime(2023, 1, 10, 9), datetime(2023, 3, 14, 18), datetime(2023, 5, 2, 12)


def chat(user: str, sid: str, day: datetime, text: str, turn_id: Callable[[str, int], str] = ids.turn_id) -> Session:
    lines = [("user", text), ("assistant", "Good to know.")]
    return Session(id=sid, user_id=user, started_at=day, turns=[
        Turn(id=turn_id(sid, i), session_id=sid, idx=i, role=role, text=line)  # type: ignore[arg-type]
        for i, (role, line) in enumerate(lines)])


def dashed(sid: str, i: int) -> str:
    return f"{sid}-{i}"  # the format a caller got wrong: '<session>-<i>' instead of '<session>:<i>'


class FailsOn:
    """The Extractor interface: the rule extractor, except that a turn holding ``word`` fails."""

    name = "fails-on"

    def __init__(self, word: str) -> None:
        self.word, self.inner = word, RuleExtractor()

    @property
    def cache_key(self) -> str:
        return f"fails-on:{self.word}"

    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        if any(self.word in text for _, text in turns):
            raise RuntimeError(f"extractor refused a turn with {self.word!r}")
        return self.inner.extract(turns, session_date)


def memory(store: MemoryStore, home: Path, extractor: object | None = None, dim: int = 384) -> Memory:
    settings = Settings.load({"home": str(home)})
    return Memory(settings, store=store, llm=False, embedder=HashEmbedder(dim), extractor=extractor or RuleExtractor())


def contents(store: MemoryStore, user: str) -> tuple[object, ...]:
    return (store.sessions(user), store.turns(user), store.entities(user), store.facts(user),
            store.supersessions(user))


def test_a_malformed_session_raises_naming_the_field_and_keeps_memory(
        store: MemoryStore, new_user: NewUser, tmp_path: Path) -> None:
    user = new_user("turn-ids")
    mem = memory(store, tmp_path)
    mem.add_session(user, chat(user, "s1", JAN, "I moved to Denver in December."))
    mem.add_session(user, chat(user, "s2", MAR, "I bought a kayak yesterday."))
    before = contents(store, user)
    assert len(before[0]) == 2 and before[3]  # two sessions and their facts

    with pytest.raises(ValueError) as info:
        mem.add_session(user, chat(user, "s3", MAY, "I just moved to Austin!", turn_id=dashed))
    msg = str(info.value)
    assert f"session 's3' of user {user!r}" in msg
    assert "turns[0].id is 's3-0', expected 's3:0'" in msg and "turns[1].id" in msg
    assert contents(store, user) == before and not store.has_session(user, "s3")

    mem.add_session(user, chat(user, "s3", MAY, "I just moved to Austin!"))  # corrected: stored
    assert store.has_session(user, "s3")
    assert any("Austin" in f.value for f in store.facts(user))


@pytest.mark.parametrize("problem", ["session_id", "idx"])
def test_a_turn_of_another_session_or_position_is_named(
        store: MemoryStore, new_user: NewUser, tmp_path: Path, problem: str) -> None:
    user = new_user("turn-fields")
    good = chat(user, "s1", JAN, "I live in Lisbon.")
    turn = good.turns[1].model_copy(update={"session_id": "s0"} if problem == "session_id" else {"idx": 5})
    bad = good.model_copy(update={"turns": [good.turns[0], turn]})
    with pytest.raises(ValueError, match=rf"session 's1' of user .*: turns\[1\]\.{problem} is"):
        memory(store, tmp_path).add_session(user, bad)
    assert store.sessions(user) == []
    with pytest.raises(ValueError, match="user_id"):
        memory(store, tmp_path).add_session("", good)


def test_a_failed_extraction_or_write_raises_and_keeps_memory(
        store: MemoryStore, new_user: NewUser, tmp_path: Path) -> None:
    user = new_user("failed")
    mem = memory(store, tmp_path / "a", FailsOn("kayak"))
    mem.add_session(user, chat(user, "s1", JAN, "I moved to Denver in December."))
    before = contents(store, user)

    with pytest.raises(IngestError, match=rf"session 's2' of user {user!r} was not stored \(extract: .*kayak"):
        mem.add_session(user, chat(user, "s2", MAR, "I bought a kayak yesterday."))
    assert contents(store, user) == before

    # the store refuses the write: vectors of another dimension than those it holds
    other = memory(store, tmp_path / "b", dim=8)
    with pytest.raises((IngestError, ValueError), match="dimension"):
        other.add_session(user, chat(user, "s3", MAY, "I just moved to Austin!"))
    assert contents(store, user) == before


def test_a_batch_reports_the_bad_session_and_writes_the_rest(
        store: MemoryStore, new_user: NewUser, tmp_path: Path) -> None:
    user = new_user("batch")
    sessions = [chat(user, "s1", JAN, "I moved to Denver in December."),
                chat(user, "s2", MAR, "I bought a kayak yesterday.", turn_id=dashed),
                chat(user, "s3", MAY, "I just moved to Austin!")]
    hay = Haystack(user_id=user, question_id="q", question="Where do I live?", question_date=datetime(2023, 6, 1),
                   sessions=sessions)
    report = memory(store, tmp_path).ingest_haystacks([hay])
    assert (report.sessions_written, report.sessions_failed) == (2, 1)
    (failure,) = report.failures
    assert failure["session_id"] == "s2" and failure["stage"] == "validate"
    assert "turns[0].id is 's2-0', expected 's2:0'" in failure["error"]
    assert [s.id for s in store.sessions(user)] == ["s1", "s3"]
    assert any("Austin" in f.value for f in store.facts(user))
