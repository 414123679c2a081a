"""The service and Memory's agent methods in-process: idempotent adds, failures that store
nothing and are reported, the queue, concurrent adds to one user, user-id and bind checks."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kgmem.api import Memory
from kgmem.api_types import IngestError, UnknownUserError, validate_user_id
from kgmem.extraction.schema import ExtractionResult
from kgmem.extraction.zero import RuleExtractor
from kgmem.serve.jobs import IngestQueue, QueueFullError
from kgmem.serve.security import BindError, check_bind
from kgmem.serve.service import MemoryService, ServiceError
from kgmem.settings import Settings


class FailingExtractor:
    """The real rule extractor, except that it fails on any turn containing 'FAIL'."""

    name = "rules-failing"

    def __init__(self) -> None:
        self.inner = RuleExtractor()

    @property
    def cache_key(self) -> str:
        return "failing-" + self.inner.cache_key

    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        if any("FAIL" in text for _, text in turns):
            raise RuntimeError("extractor exploded on purpose")
        return self.inner.extract(turns, session_date)


@pytest.fixture
def mem(tmp_path: Path) -> Iterator[Memory]:
    memory = Memory(Settings.load({"home": str(tmp_path)}), llm=False, extractor=FailingExtractor())
    yield memory
    memory.close()


def msgs(*lines: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": x} for x in lines]


def test_add_messages_reports_facts_and_is_idempotent(mem: Memory) -> None:
    first = mem.add_messages("alice", msgs("I live in Boston now."), timestamp=datetime(2023, 1, 10))
    assert first.stored and [(f.predicate, f.value) for f in first.facts_added] == [("lives_in", "Boston")]
    moved = mem.add_messages("alice", msgs("Big news: I moved to Seattle!"), timestamp=datetime(2023, 4, 20))
    seattle = next(f for f in moved.facts_added if f.predicate == "lives_in")
    assert [(s.new_fact_id, s.old_fact_id) for s in moved.supersessions] == [(seattle.id, first.facts_added[0].id)]
    again = mem.add_messages("alice", msgs("Big news: I moved to Seattle!"), timestamp=datetime(2023, 4, 20))
    assert not again.stored and again.session_id == moved.session_id and not again.facts_added
    assert [f.value for f in mem.facts("alice", predicate="lives_in", current_only=True)] == ["Seattle"]
    assert [f.value for f in mem.facts("alice", predicate="lives_in", as_of=datetime(2023, 2, 1))] == ["Boston"]
    hist = mem.slot_history("alice", "user", "lives_in")
    assert [f.value for f in hist.facts] == ["Boston", "Seattle"] and hist.current_ids == [seattle.id]
    assert mem.list_users() == ["alice"] and mem.status("alice")["sessions"] == 2


def test_failed_ingest_stores_nothing(mem: Memory) -> None:
    with pytest.raises(IngestError, match="extractor exploded"):
        mem.add_messages("bob", msgs("I live in Paris. FAIL"), timestamp=datetime(2023, 1, 1))
    assert not mem.has_user("bob")
    with pytest.raises(UnknownUserError, match="unknown user_id 'bob'"):
        mem.require_user("bob")
    with pytest.raises(ValueError, match="messages is empty"):
        mem.add_messages("bob", [], timestamp=datetime(2023, 1, 1))
    with pytest.raises(ValueError, match="naive"):
        mem.add_messages("bob", msgs("hi"), timestamp=datetime.fromisoformat("2023-01-01T00:00+02:00"))


def test_background_failures_are_reported_never_dropped(mem: Memory) -> None:
    service = MemoryService(mem)
    ok = service.add_messages("carol", msgs("I work at Initech."), "2023-02-01", background=True)
    bad = service.add_messages("carol", msgs("I work at Globex. FAIL"), "2023-03-01", background=True)
    assert ok.queued and bad.queued and ok.job_id != bad.job_id
    assert service.queue.wait_idle(timeout=120)
    status = service.get_status()
    assert (status.queue.done, status.queue.failed, status.queue.pending) == (1, 1, 0)
    failure = status.queue.failures[0]
    assert failure.job_id == bad.job_id and failure.session_id == bad.session_id and failure.state == "failed"
    assert failure.error and "ingest_failed" not in failure.error and "extractor exploded" in failure.error
    assert service.get_job(ok.job_id).result.stored  # type: ignore[union-attr]
    assert [f.value for f in mem.facts("carol", predicate="works_at")] == ["Initech"]
    # closing finishes what was accepted
    late = service.add_messages("carol", msgs("I adopted a cat named Miso."), "2023-04-01", background=True)
    service.queue.close(timeout=120)
    assert service.get_job(late.job_id).state == "done"
    with pytest.raises(ServiceError) as exc:
        service.add_messages("carol", msgs("more"), "2023-05-01", background=True)
    assert exc.value.code == "shutting_down"


def test_queue_refuses_when_full() -> None:
    gate = threading.Event()
    queue = IngestQueue(max_pending=1)
    queue.submit("u", "s1", gate.wait)  # will run, and block
    for _ in range(1000):
        if queue.snapshot()["running"]:
            break
        threading.Event().wait(0.01)
    queue.submit("u", "s2", lambda: None)  # pending
    with pytest.raises(QueueFullError):
        queue.submit("u", "s3", lambda: None)
    gate.set()
    assert queue.close(timeout=10) and queue.snapshot()["done"] == 2


def test_concurrent_adds_to_one_user_keep_one_chain(mem: Memory) -> None:
    """Eight threads add one user's moves at once; the lives_in chain is the same as adding
    them one by one (each ingest plans against the facts the previous one wrote)."""
    cities = ["Boston", "Denver", "Austin", "Chicago", "Portland", "Miami", "Atlanta", "Dallas"]
    errors: list[BaseException] = []

    def add(i: int) -> None:
        try:
            mem.add_messages("dana", msgs(f"Big news: I moved to {cities[i]}!"), timestamp=datetime(2023, 1 + i, 5))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    hist = mem.slot_history("dana", "user", "lives_in")
    assert [f.value for f in hist.facts] == cities
    assert len(hist.current_ids) == 1 and hist.facts[-1].id == hist.current_ids[0]
    assert len(hist.supersessions) == 7


@pytest.mark.parametrize("bad", ["", " alice", "a/b", "a\nb", "x" * 201, None, 7])
def test_user_ids_are_checked(bad: Any) -> None:
    with pytest.raises(ValueError):
        validate_user_id(bad)


def test_dates_and_binds(mem: Memory) -> None:
    service = MemoryService(mem)
    for when, day, city in (("2023-05-01", datetime(2023, 5, 1), "Boston"),
                            ("2023/05/20 (Sat) 02:21", datetime(2023, 5, 20, 2, 21), "Denver")):
        added = service.add_messages("dana", msgs(f"I live in {city} now."), timestamp=when)
        assert [(f.value, f.observed_at) for f in added.facts_added] == [(city, day)]
    for bad in ("tomorrow-ish", "2023-05-01T00:00Z"):
        with pytest.raises(ServiceError) as err:
            service.add_messages("erin", msgs("I live in Paris."), timestamp=bad)
        assert err.value.code == "invalid_argument" and err.value.message.startswith("timestamp: ")
        with pytest.raises(ServiceError) as err:
            service.answer("dana", "Where do I live?", as_of=bad)
        assert err.value.code == "invalid_argument" and err.value.message.startswith("as_of: ")
    assert "erin" not in mem.list_users()
    check_bind("127.0.0.1", None)
    check_bind("::1", None)
    check_bind("0.0.0.0", "a-long-enough-token-123")
    for host, token in (("0.0.0.0", None), ("192.168.1.5", ""), ("127.0.0.1", "short")):
        with pytest.raises(BindError):
            check_bind(host, token)


def test_answer_kinds_with_a_model(tmp_path: Path) -> None:
    """With an answer model (a deterministic fake behind the real LLM interface), a question
    that cannot be computed is model-written; a computable one is still computed in code."""
    from kgmem.llm.fake import FakeLLM

    fake = FakeLLM(default="You enjoyed the jazz concert at the Blue Note.")
    service = MemoryService(Memory(Settings.load({"home": str(tmp_path)}), llm=fake))
    service.add_messages("erin", msgs("I went to a jazz concert at the Blue Note yesterday. It was amazing."),
                         "2023-03-02")
    service.add_messages("erin", msgs("I live in Boston now."), "2023-03-05")
    written = service.answer("erin", "What did I think of the jazz concert?", "2023-05-01")
    assert (written.kind, written.model_written, written.computed) == ("model", True, False)
    assert written.answer == "You enjoyed the jazz concert at the Blue Note." and fake.call_count == 1
    computed = service.answer("erin", "Where do I live now?", "2023-05-01")
    assert (computed.kind, computed.answer, fake.call_count) == ("computed", "Boston", 1)
    service.close()
