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

from kgmem import procpool
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
        outbox.put(("error", wid, str(exc), isinstance(exc, StoreError)))


def ingest_parallel(settings: Settings, haystacks: Iterable[Haystack], workers: int, *, embed: bool = True,
                    on_progress: Callable[[Any], None] | None = None,
                    memory_factory: Callable[[Settings], Any]) -> IngestReport:
    """Ingest ``haystacks`` in ``workers`` processes; returns the summed report.

    ``on_progress`` receives :class:`~kgmem.api_types.IngestProgress` events numbered in the order
    haystacks start, as from :meth:`Memory.ingest_haystacks`. A worker's error stops them all
    and is raised here as a :class:`StoreError` (or RuntimeError) with its message.
    ``memory_factory`` builds each worker's memory (``kgmem.api.Memory``; passed in, because the
    memory layer sits below the API and must not import it)."""
    import time

    start = time.perf_counter()

    from kgmem.memory.ingest import IngestReport

    inboxes, outbox = procpool.queue_pair(INBOX, workers)
    procs = procpool.spawn(_worker, lambda i: (settings, embed, inboxes[i], outbox, i, memory_factory),
                           workers, "kgmem-ingest")
    stop = threading.Event()
    # haystacks dealt round-robin, then one end mark per worker
    feed_error = procpool.start_feeder(haystacks, lambda n: inboxes[n % workers], inboxes, stop,
                                       "kgmem-ingest-feeder")
    total = IngestReport()
    index: dict[str, int] = {}
    finished = 0
    try:
        while finished < workers:
            try:
                msg = outbox.get(timeout=1.0)
            except queue.Empty:
                dead = procpool.first_dead(procs)
                if dead is not None:
                    raise RuntimeError(f"ingest worker {dead.name} died (exit code {dead.exitcode})") from None
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
