"""kgmem.procpool: the worker plumbing shared by ``ingest --workers`` and ``eval --workers``."""

from __future__ import annotations

import queue
import sys
import threading
import time
from typing import Any

import pytest

from kgmem import procpool


def _echo(inbox: Any, outbox: Any, wid: int) -> None:
    """A worker: sends back (wid, item * 2) for each item until None."""
    while (item := inbox.recv()) is not None:
        outbox.send((wid, item * 2))
    outbox.close()


def test_spawn_piped_gives_each_worker_its_own_pipes_and_eof_when_it_ends() -> None:
    procs, inboxes, outboxes = procpool.spawn_piped(_echo, lambda i, inbox, outbox: (inbox, outbox, i), 2,
                                                    "kgmem-echo")
    try:
        for i, box in enumerate(inboxes):
            box.send(10 + i)
        assert [out.recv() for out in outboxes] == [(0, 20), (1, 22)]
        for box in inboxes:
            box.send(None)
        for out in outboxes:  # the parent holds no copy of the worker's end: its exit is an EOF
            with pytest.raises(EOFError):
                out.recv()
        assert [p.name for p in procs] == ["kgmem-echo-0", "kgmem-echo-1"]
    finally:
        for p in procs:
            p.join(timeout=30)


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
