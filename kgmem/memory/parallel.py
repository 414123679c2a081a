"""Ingest in N worker processes: each haystack is its own namespace, so haystacks are independent.

The parent reads the haystacks and deals them round-robin to ``workers`` processes and each
worker opens its own :class:`~kgmem.api.Memory` (its own store connection — one Neo4j server, or
the embedded store, whose per-user files and index are locked across processes) and runs the
pipelined ingest. The parent turns the workers' progress messages into one stream of events (one
progress bar) and sums their reports. The graph does not depend on N: a haystack's writes depend
only on its own sessions (and the deterministic extraction/embedding caches).

Parent and workers talk through one-way pipes, one each way per worker (no multiprocessing
queues: those hold named semaphores, which a parent that ends at once after Ctrl-C or an error
would leave to the resource tracker, with a "leaked semaphore" warning). Each worker has a small
buffer in the parent (``INBOX`` haystacks) drained by its own sender thread, so memory stays bounded
however long the split and a busy worker does not hold up the others. Ctrl-C reaches every process of the group: each
worker finishes the batch it is writing, reports it and says so; the parent collects those last
reports and raises :class:`KeyboardInterrupt`.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from kgmem import procpool
from kgmem.api_types import IngestProgress
from kgmem.models import Haystack
from kgmem.store.base import StoreError

if TYPE_CHECKING:
    from kgmem.memory.ingest import IngestReport
    from kgmem.settings import Settings

#: haystacks waiting for each worker (besides what its pipe holds)
INBOX = 2
#: after Ctrl-C, how long the parent waits for the workers' last reports (a worker finishes the
#: batch it is writing; its planner then leaves spaCy within a chunk of sessions)
INTERRUPT_WAIT_S = 30.0


def _worker(settings: Settings, embed: bool, inbox: Any, outbox: Any, wid: int,
            memory_factory: Callable[[Settings], Any]) -> None:
    """A worker process: ingest what arrives until ``None``, report events and the total."""
    try:
        mem = memory_factory(settings)

        def haystacks() -> Any:
            while True:
                try:
                    h = inbox.recv()
                except EOFError:  # the parent is gone
                    return
                if h is None:
                    return
                yield h

        def on_progress(step: Any) -> None:
            outbox.send(("progress", wid, step.user_id, step.sessions_done, step.sessions_total,
                         step.haystack_done))

        try:
            report = mem.ingest_haystacks(haystacks(), embed=embed, on_progress=on_progress)
        finally:
            mem.close()
        outbox.send(("done", wid, report.to_dict()))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group: the parent reports it
        with contextlib.suppress(OSError):
            outbox.send(("interrupted", wid))
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it as one line
        with contextlib.suppress(OSError):
            outbox.send(("error", wid, str(exc), isinstance(exc, StoreError)))
    finally:
        outbox.close()


def _start_feeder(haystacks: Iterable[Haystack], inboxes: list[Any], stop: threading.Event) -> list[BaseException]:
    """Deal ``haystacks`` round-robin to the workers from a daemon thread, then one end mark
    each; returns the list that receives an error raised while reading the haystacks.

    Each worker has a buffer of ``INBOX`` haystacks and its own sender thread (a pipe write waits
    until that worker reads), so one busy worker does not keep the next one waiting for input."""
    errors: list[BaseException] = []
    buffers: list[queue.Queue[Any]] = [queue.Queue(maxsize=INBOX) for _ in inboxes]

    def send(i: int) -> None:
        while True:
            h = buffers[i].get()
            try:
                inboxes[i].send(h)
            # the worker ended (error or Ctrl-C), or the parent closed the pipe while shutting down
            # (a send racing close() sees a None handle: TypeError): the parent reports why
            except (OSError, TypeError, ValueError):
                return
            if h is None:
                return

    def feed() -> None:
        try:
            for n, h in enumerate(haystacks):
                if not procpool.put_until(buffers[n % len(buffers)], h, stop):
                    return
        except BaseException as exc:  # noqa: BLE001 - raised by the parent
            errors.append(exc)
        finally:
            for buf in buffers:
                procpool.put_until(buf, None, stop)

    for i in range(len(inboxes)):
        threading.Thread(target=send, args=(i,), name=f"kgmem-ingest-send-{i}", daemon=True).start()
    threading.Thread(target=feed, name="kgmem-ingest-feeder", daemon=True).start()
    return errors


class _Collector:
    """The parent's side: turns messages into progress events and a summed report."""

    def __init__(self, procs: list[Any], outboxes: list[Any], on_progress: Callable[[Any], None] | None) -> None:
        from kgmem.memory.ingest import IngestReport

        self.procs = procs
        self.open = {i: box for i, box in enumerate(outboxes)}
        self.on_progress = on_progress
        self.total = IngestReport()
        self.index: dict[str, int] = {}
        self.interrupted = False

    def poll(self, timeout: float) -> None:
        """Handle what arrives within ``timeout``; raises a worker's error."""
        from multiprocessing.connection import wait

        ready = wait(list(self.open.values()), timeout=timeout)
        for wid, box in list(self.open.items()):
            if box not in ready:
                continue
            try:
                msg = box.recv()
            except EOFError:
                del self.open[wid]
                if not self.interrupted:
                    p = self.procs[wid]
                    p.join(timeout=1.0)
                    raise RuntimeError(f"ingest worker {p.name} died (exit code {p.exitcode})") from None
                continue
            self._handle(wid, msg)

    def _handle(self, wid: int, msg: tuple[Any, ...]) -> None:
        from kgmem.memory.ingest import IngestReport

        kind = msg[0]
        if kind == "progress":
            _, _, user, done, n, hay_done = msg
            if user not in self.index:
                self.index[user] = len(self.index) + 1
            if self.on_progress is not None:
                self.on_progress(IngestProgress(self.index[user], user, done, n, haystack_done=hay_done))
        elif kind in ("done", "interrupted"):
            del self.open[wid]
            if kind == "done":
                part = IngestReport()
                for key, value in msg[2].items():
                    setattr(part, key, value)
                self.total.add(part)
            else:
                self.interrupted = True
        else:
            _, _, message, is_store = msg
            raise (StoreError(message) if is_store else RuntimeError(f"ingest worker {wid}: {message}"))


def ingest_parallel(settings: Settings, haystacks: Iterable[Haystack], workers: int, *, embed: bool = True,
                    on_progress: Callable[[Any], None] | None = None,
                    memory_factory: Callable[[Settings], Any]) -> IngestReport:
    """Ingest ``haystacks`` in ``workers`` processes; returns the summed report.

    ``on_progress`` receives :class:`~kgmem.api_types.IngestProgress` events numbered in the order
    haystacks start, as from :meth:`Memory.ingest_haystacks`. A worker's error stops them all
    and is raised here as a :class:`StoreError` (or RuntimeError) with its message. Ctrl-C:
    the workers finish the batches they are writing, their progress is reported, then
    :class:`KeyboardInterrupt` is raised here.
    ``memory_factory`` builds each worker's memory (``kgmem.api.Memory``; passed in, because the
    memory layer sits below the API and must not import it)."""
    start = time.perf_counter()
    procs, inboxes, outboxes = procpool.spawn_piped(
        _worker, lambda i, inbox, outbox: (settings, embed, inbox, outbox, i, memory_factory), workers, "kgmem-ingest")
    stop = threading.Event()
    feed_error = _start_feeder(haystacks, inboxes, stop)
    box = _Collector(procs, outboxes, on_progress)
    try:
        try:
            while box.open and not box.interrupted:
                box.poll(1.0)
                dead = procpool.first_dead(procs) if box.open else None
                if dead is not None:
                    raise RuntimeError(f"ingest worker {dead.name} died (exit code {dead.exitcode})")
        except KeyboardInterrupt:
            box.interrupted = True
        if box.interrupted:
            stop.set()
            deadline = time.monotonic() + INTERRUPT_WAIT_S
            while box.open and time.monotonic() < deadline:
                box.poll(0.5)
            raise KeyboardInterrupt
        if feed_error:
            raise feed_error[0]
    finally:
        stop.set()
        for p in procs:
            p.join(timeout=5.0)
            if p.is_alive():
                p.terminate()
        for conn in (*inboxes, *outboxes):
            conn.close()
    box.total.seconds = time.perf_counter() - start  # the workers overlap: wall time, not their sum
    return box.total
