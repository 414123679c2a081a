"""The ingest pipeline over many haystacks: a planner thread runs ahead of the store writer.

The planner (a thread) runs a ``plan`` function on each haystack — for ``kgmem ingest``,
:func:`kgmem.memory.ingest.plan_haystack`: read its stored state, extract, embed and reconcile
its sessions into :class:`SessionWrite` s — and hands whole haystacks to the writer through a bounded
queue (``queue_haystacks`` deep: memory stays bounded however long the split). The writer (the
calling thread) groups the writes of consecutive haystacks into batches of ``batch_sessions``
and applies each batch with ONE ``store.apply_many`` (one transaction on Neo4j) — so the database
never waits for spaCy or the embedder, and spaCy never waits for a commit.

Atomicity is per batch: a batch lands whole or not at all, writes are applied in chronological
order per user, and a killed ingest re-run skips the sessions already stored and converges to the
identical graph. A write the store rejects (a validation error) is isolated by re-applying the
batch write by write; that user's later sessions are then left unwritten (they were planned on
top of the rejected one) and reported as failed, so a re-run retries them in order. A store that
is unreachable or stops answering (an error with ``fatal = True``, or one raised while a batch is
persisted) stops the whole ingest at once with the store's message.

Ctrl-C (SIGINT) is held back while a batch is written and reported (:class:`_SigintGuard`): the
ingest stops between batches with :class:`KeyboardInterrupt`, so what was reported is what was
stored (a second Ctrl-C stops at once).
"""

from __future__ import annotations

import contextlib
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kgmem.memory.manager import PlannedWrite
from kgmem.models import Haystack, Session
from kgmem.store.base import MemoryStore, StoreError, is_fatal

#: sessions per store transaction: 50 wrote fastest here (136 sessions/s with the Rust
#: packstream; 200: 99, 400: 85 — bigger transactions cost the server more), see
#: eval/results/neo4j_ingest.md
DEFAULT_BATCH_SESSIONS = 50
#: sessions extracted and embedded per step of the planner (it checks for a stop between steps)
PLAN_CHUNK = 10
#: planned haystacks waiting for the writer (each holds ~50 sessions with their vectors)
DEFAULT_QUEUE_HAYSTACKS = 2
#: after Ctrl-C, how long the writer waits for the planner to finish its chunk of sessions (so no
#: thread is inside spaCy or the embedder when the process ends)
PLANNER_STOP_S = 10.0

HaystackDone = Callable[[Haystack, Any], None]


@dataclass
class PlannedHaystack:
    """One haystack's writes, in chronological order, with its partial report."""

    haystack: Haystack
    report: Any  # an IngestReport (kgmem.memory.ingest, which builds on this module)
    writes: list[tuple[Session, PlannedWrite]] = field(default_factory=list)
    #: sessions whose write is not yet committed (or failed)
    pending: int = 0


@dataclass
class _Failed:
    error: BaseException


def _is_fatal(exc: BaseException) -> bool:
    """A store that cannot be reached or stopped answering: nothing further can be written."""
    return is_fatal(exc)


class _SigintGuard:
    """Holds Ctrl-C back while a batch is written and its progress reported, then raises it.

    An interrupt inside a store write could leave the embedded store with a session half applied
    in memory (and then persisted with the batch); holding it to the batch's end keeps the promise
    that a re-run converges to the identical graph. Only active in the main thread with Python's
    default SIGINT handler (the CLI and its worker processes); a second Ctrl-C raises at once."""

    def __init__(self) -> None:
        self.active = (threading.current_thread() is threading.main_thread()
                       and signal.getsignal(signal.SIGINT) is signal.default_int_handler)
        self.pending = False

    def _handler(self, signum: int, frame: Any) -> None:
        if self.pending:
            raise KeyboardInterrupt
        self.pending = True

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        if not self.active:
            yield
            return
        previous = signal.signal(signal.SIGINT, self._handler)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
        if self.pending:
            raise KeyboardInterrupt


class Stopped(Exception):
    """The planner was asked to stop (the writer failed): the haystack is abandoned unplanned."""


class _Planner(threading.Thread):
    """Plans haystacks ahead of the writer into a bounded queue (daemon: a fatal store error
    in the writer ends the process without waiting for spaCy to finish a haystack)."""

    def __init__(self, store: MemoryStore, haystacks: Iterable[Haystack], out: queue.Queue[Any],
                 plan: Callable[[Haystack, Callable[[], bool]], PlannedHaystack]) -> None:
        super().__init__(name="kgmem-ingest-planner", daemon=True)
        self.store = store
        self.haystacks = haystacks
        self.out = out
        self.plan = plan
        self.stop = threading.Event()
        self.produced = 0
        self.written = 0
        self.progress = threading.Condition()

    def _put(self, item: Any) -> bool:
        while not self.stop.is_set():
            try:
                self.out.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _wait_written(self) -> None:
        """Barrier: a user seen again must be planned on what the writer has stored."""
        with self.progress:
            while self.written < self.produced and not self.stop.is_set():
                self.progress.wait(0.2)

    def run(self) -> None:
        seen: set[str] = set()
        try:
            for h in self.haystacks:
                if self.stop.is_set():
                    return
                if h.user_id in seen:
                    self._wait_written()
                seen.add(h.user_id)
                item = self.plan(h, self.stop.is_set)
                with self.progress:
                    self.produced += 1
                if not self._put(item):
                    return
        except Stopped:
            return
        except BaseException as exc:  # noqa: BLE001 - handed to the writer, which re-raises it
            self._put(_Failed(exc))
            return
        self._put(None)

    def mark_written(self) -> None:
        with self.progress:
            self.written += 1
            self.progress.notify_all()


class _Writer:
    """Groups planned writes into batches and applies them; reports per haystack."""

    def __init__(self, store: MemoryStore, batch_sessions: int, on_haystack: HaystackDone | None,
                 on_session: Callable[[PlannedHaystack, Session], None] | None) -> None:
        self.store = store
        self.batch_sessions = max(1, batch_sessions)
        self.on_haystack = on_haystack
        self.on_session = on_session
        self.pending: list[tuple[PlannedHaystack, Session, PlannedWrite]] = []
        self.open: list[PlannedHaystack] = []  # haystacks with writes not yet flushed
        self.poisoned: set[str] = set()

    def add(self, item: PlannedHaystack) -> None:
        self.open.append(item)
        for s, pw in item.writes:
            self.pending.append((item, s, pw))
        if len(self.pending) >= self.batch_sessions:
            self.flush()
        self._finish_done()

    def flush(self) -> None:
        while self.pending:
            chunk, self.pending = self.pending[: self.batch_sessions], self.pending[self.batch_sessions:]
            self._write_chunk(chunk)
        self._finish_done()

    def _write_chunk(self, chunk: list[tuple[PlannedHaystack, Session, PlannedWrite]]) -> None:
        live = []
        for item, s, pw in chunk:
            if item.haystack.user_id in self.poisoned:
                self._failed(item, s, "write", "not written: an earlier session of this user failed "
                                                "to write (a re-run retries it in order)")
            else:
                live.append((item, s, pw))
        if not live:
            return
        t0 = time.perf_counter()
        try:
            self.store.apply_many([pw.write for _, _, pw in live])
        except StoreError as exc:
            if _is_fatal(exc) or len(live) == 1:
                if _is_fatal(exc):
                    raise
                self._reject(live[0], exc)
                return
            self._isolate(live)
            return
        seconds = time.perf_counter() - t0
        for item, s, pw in live:
            item.report.seconds_store += seconds / len(live)
            self._written(item, s, pw)

    def _isolate(self, live: list[tuple[PlannedHaystack, Session, PlannedWrite]]) -> None:
        """Re-apply a rejected batch write by write, to find and report the bad one(s)."""
        for item, s, pw in live:
            if item.haystack.user_id in self.poisoned:
                self._failed(item, s, "write", "not written: an earlier session of this user failed "
                                                "to write (a re-run retries it in order)")
                continue
            t0 = time.perf_counter()
            try:
                self.store.apply_many([pw.write])
            except StoreError as exc:
                if _is_fatal(exc):
                    raise
                self._reject((item, s, pw), exc)
                continue
            item.report.seconds_store += time.perf_counter() - t0
            self._written(item, s, pw)

    def _reject(self, entry: tuple[PlannedHaystack, Session, PlannedWrite], exc: BaseException) -> None:
        item, s, _ = entry
        self.poisoned.add(item.haystack.user_id)
        self._failed(item, s, "write", f"{type(exc).__name__}: {exc}")

    def _failed(self, item: PlannedHaystack, s: Session, stage: str, error: str) -> None:
        item.report.count_failed(s.id, stage, error)
        item.pending -= 1

    def _written(self, item: PlannedHaystack, s: Session, pw: PlannedWrite) -> None:
        item.report.count_written(s, pw)
        item.pending -= 1
        if self.on_session is not None:
            self.on_session(item, s)

    def _finish_done(self) -> None:
        still = []
        for item in self.open:
            if item.pending > 0:
                still.append(item)
            elif self.on_haystack is not None:
                self.on_haystack(item.haystack, item.report)
        self.open = still


def run_pipeline(store: MemoryStore, haystacks: Iterable[Haystack],
                 plan: Callable[[Haystack, Callable[[], bool]], PlannedHaystack],
                 *, batch_sessions: int = DEFAULT_BATCH_SESSIONS, queue_haystacks: int = DEFAULT_QUEUE_HAYSTACKS,
                 on_haystack: HaystackDone | None = None,
                 on_session: Callable[[PlannedHaystack, Session], None] | None = None) -> list[Any]:
    """Plan in a thread, write here; returns the per-haystack reports in input order."""
    out: queue.Queue[Any] = queue.Queue(maxsize=max(1, queue_haystacks))
    planner = _Planner(store, haystacks, out, plan)
    reports: list[Any] = []

    def done(h: Haystack, rep: Any) -> None:
        planner.mark_written()
        if on_haystack is not None:
            on_haystack(h, rep)

    writer = _Writer(store, batch_sessions, done, on_session)
    guard = _SigintGuard()
    planner.start()
    wait_s = 0.2
    try:
        while True:
            item = out.get()
            if item is None:
                break
            if isinstance(item, _Failed):
                # the haystacks planned before the failure are written first, so the store holds
                # every one before the bad input whatever the timing (a re-run resumes after them)
                with guard.hold():
                    writer.flush()
                raise item.error
            reports.append(item.report)
            with guard.hold():
                writer.add(item)
                if out.empty():
                    # the planner is behind: write what we have rather than let the database idle
                    writer.flush()
        with guard.hold():
            writer.flush()
        wait_s = 2.0
    except KeyboardInterrupt:
        wait_s = PLANNER_STOP_S
        raise
    finally:
        planner.stop.set()
        # a planner in the middle of a chunk stops at its end (it checks the flag); after a
        # failure the error is not held back for it (the CLI exits at once after its line)
        planner.join(timeout=wait_s)
    return reports
