"""kgmem.procpool: the worker plumbing shared by ``ingest --workers`` and ``eval --workers``."""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Iterator

from kgmem import procpool


def _drain(box: queue.Queue[object], n: int) -> list[object]:
    return [box.get(timeout=10) for _ in range(n)]


def test_feeder_routes_items_then_one_end_mark_per_queue() -> None:
    boxes: list[queue.Queue[object]] = [queue.Queue(maxsize=1), queue.Queue(maxsize=1)]
    errors = procpool.start_feeder(range(5), lambda n: boxes[n % 2], boxes, threading.Event(), "t")
    got0: list[object] = []
    got1: list[object] = []
    while len(got0) < 4 or len(got1) < 3:  # bounded queues: the feeder waits for us
        for box, got, want in ((boxes[0], got0, 4), (boxes[1], got1, 3)):
            if len(got) < want:
                try:
                    got.append(box.get(timeout=0.05))
                except queue.Empty:
                    pass
    assert got0 == [0, 2, 4, None] and got1 == [1, 3, None] and errors == []


def test_feeder_hands_a_reading_error_to_the_parent() -> None:
    def items() -> Iterator[str]:
        yield "a"
        raise ValueError("bad record 2")

    box: queue.Queue[object] = queue.Queue()
    errors = procpool.start_feeder(items(), lambda n: box, [box, box], threading.Event(), "t")
    assert _drain(box, 3) == ["a", None, None]
    assert [str(e) for e in errors] == ["bad record 2"]


def test_put_until_gives_up_when_told_to_stop() -> None:
    full: queue.Queue[object] = queue.Queue(maxsize=1)
    full.put("x")
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    assert procpool.put_until(full, "y", stop, poll_s=0.05) is False
    assert procpool.put_until(queue.Queue(), "y", threading.Event()) is True


def test_first_dead_names_a_worker_that_exited_with_an_error() -> None:
    procs = procpool.spawn(sys.exit, lambda i: (3 + i,), 2, "kgmem-test")
    deadline = time.monotonic() + 120
    while any(p.is_alive() for p in procs) and time.monotonic() < deadline:
        time.sleep(0.05)
    dead = procpool.first_dead(procs)
    assert dead is not None and dead.name == "kgmem-test-0" and dead.exitcode == 3
    assert procpool.first_dead([]) is None
