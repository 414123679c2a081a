"""Ingest in N worker processes: each haystack is its own namespace, so haystacks are independent.

The parent reads the haystacks and deals them round-robin to ``workers`` processes (bounded
queues: a worker holds at most a couple of haystacks in memory); each worker opens its own
:class:`~kgmem.api.Memory` (its own store connection — one Neo4j server, or the embedded store,
whose per-user files and index are locked across processes) and runs the pipelined ingest. The
parent turns the workers' progress messages into one stream of events (one progress bar) and sums
their reports. The graph does not depend on N: a haystack's writes depend only on its own sessions
(and the deterministic extraction/embedding caches).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from kgmem.api_types import IngestProgress
from kgmem.models import Haystack
from kgmem.store.base import StoreError

if TYPE_CHECKING:
    from kgmem.memory.ingest import IngestReport
    from kgmem.settings import Settings

#: haystacks waiting in each worker's inbox
INBOX = 2


def _worker(settings: Settings, embed: bool, inbox: Any, outbox: Any, wid: int,
            memory_factory: Callable[[Settings], Any]) -> None:
    """A worker process: ingest what arrives until ``None``, report events and the total."""
    try:
        mem = memory_factory(settings)

        def haystacks() -> Any:
            while True:
                h = inbox.get()
                if h is None:
                    return
                yield h

        def on_progress(step: Any) -> None:
            outbox.put(("progress", wid, step.user_id, step.sessions_done, step.sessions_total, step.haystack_done))

        report = mem.ingest_haystacks(haystacks(), embed=embed, on_progress=on_progress)
        mem.close()
        outbox.put(("done", wid, report.to_dict()))
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it as one line
        outbox.put(("error", wid, str(exc), bool(getattr(exc, "fatal", False)) or isinstance(exc, StoreError)))


def _start_feeder(haystacks: Iterable[Haystack], inboxes: list[Any], stop: threading.Event) -> list[BaseException]:
    """Deal the haystacks round-robin to the workers' inboxes in a thread (then one ``None``
    each); returns the list that receives a reading error (a bad dataset record)."""
    feed_error: list[BaseException] = []

    def feed() -> None:
        try:
            for n, h in enumerate(haystacks):
                while not stop.is_set():
                    try:
                        inboxes[n % len(inboxes)].put(h, timeout=0.2)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
        except BaseException as exc:  # noqa: BLE001 - a bad dataset record: raised by the parent
            feed_error.append(exc)
        finally:
            for box in inboxes:
                box.put(None)

    threading.Thread(target=feed, name="kgmem-ingest-feeder", daemon=True).start()
    return feed_error


def ingest_parallel(settings: Settings, haystacks: Iterable[Haystack], workers: int, *, embed: bool = True,
                    on_progress: Callable[[Any], None] | None = None,
                    memory_factory: Callable[[Settings], Any]) -> IngestReport:
    """Ingest ``haystacks`` in ``workers`` processes; returns the summed report.

    ``on_progress`` receives :class:`~kgmem.api_types.IngestProgress` events numbered in the order
    haystacks start, as from :meth:`Memory.ingest_haystacks`. A worker's error stops them all
    and is raised here as a :class:`StoreError` (or RuntimeError) with its message.
    ``memory_factory`` builds each worker's memory (``kgmem.api.Memory``; passed in, because the
    memory layer sits below the API and must not import it)."""
    import multiprocessing as mp
    import time

    start = time.perf_counter()

    from kgmem.memory.ingest import IngestReport

    ctx = mp.get_context("spawn")  # no fork of a process holding driver sockets or model threads
    inboxes = [ctx.Queue(maxsize=INBOX) for _ in range(workers)]
    outbox = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(settings, embed, inboxes[i], outbox, i, memory_factory), daemon=True,
                         name=f"kgmem-ingest-{i}") for i in range(workers)]
    for p in procs:
        p.start()
    stop = threading.Event()
    feed_error = _start_feeder(haystacks, inboxes, stop)
    total = IngestReport()
    index: dict[str, int] = {}
    finished = 0
    try:
        while finished < workers:
            try:
                msg = outbox.get(timeout=1.0)
            except queue.Empty:
                dead = [p for p in procs if not p.is_alive() and p.exitcode not in (0, None)]
                if dead:
                    raise RuntimeError(f"ingest worker {dead[0].name} died (exit code {dead[0].exitcode})") from None
                continue
            kind = msg[0]
            if kind == "progress":
                _, _, user, done, n, hay_done = msg
                if user not in index:
                    index[user] = len(index) + 1
                if on_progress is not None:
                    on_progress(IngestProgress(index[user], user, done, n, haystack_done=hay_done))
            elif kind == "done":
                finished += 1
                part = IngestReport()
                for key, value in msg[2].items():
                    setattr(part, key, value)
                total.add(part)
            else:
                _, wid, message, is_store = msg
                raise (StoreError(message) if is_store else RuntimeError(f"ingest worker {wid}: {message}"))
        if feed_error:
            raise feed_error[0]
    finally:
        stop.set()
        for p in procs:
            p.join(timeout=5.0)
            if p.is_alive():
                p.terminate()
    total.seconds = time.perf_counter() - start  # the workers overlap: wall time, not their sum
    return total
