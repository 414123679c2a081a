"""The plumbing both ``--workers`` modes share (``kgmem ingest`` and ``kgmem eval``).

A parent spawns worker processes (never forks: it may hold model threads or driver sockets),
feeds them work through bounded queues from a thread (so memory stays bounded however long the
input), and watches for a worker that died without a word. What the work is, and what the
workers send back, stays with each mode.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

#: how often a waiting side looks whether it should stop (seconds)
POLL_S = 0.5


def spawn(target: Callable[..., None], args: Callable[[int], tuple[Any, ...]], n: int,
          name: str) -> list[Any]:
    """Start ``n`` daemon processes ``target(*args(i))`` named ``{name}-{i}``, in a spawn context."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=target, args=args(i), daemon=True, name=f"{name}-{i}")
             for i in range(n)]
    for p in procs:
        p.start()
    return procs


def queue_pair(inbox_size: int, inboxes: int = 1) -> tuple[list[Any], Any]:
    """``inboxes`` bounded task queues and one results queue, all usable by spawned processes."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    return [ctx.Queue(maxsize=inbox_size) for _ in range(inboxes)], ctx.Queue()


def put_until(box: Any, item: Any, stop: threading.Event, poll_s: float = POLL_S) -> bool:
    """Put ``item`` on the bounded queue ``box``, waiting while it is full; gives up (False) once
    ``stop`` is set."""
    while not stop.is_set():
        try:
            box.put(item, timeout=poll_s)
            return True
        except queue.Full:
            continue
    return False


def start_feeder(items: Iterable[Any], route: Callable[[int], Any], ends: Sequence[Any],
                 stop: threading.Event, name: str) -> list[BaseException]:
    """In a daemon thread, put item ``n`` on queue ``route(n)``, then one ``None`` (the end mark)
    on each queue of ``ends``; stops early when ``stop`` is set. Returns the list that receives an
    error raised while reading ``items`` (e.g. a bad dataset record), for the parent to raise."""
    errors: list[BaseException] = []

    def feed() -> None:
        try:
            for n, item in enumerate(items):
                if not put_until(route(n), item, stop):
                    return
        except BaseException as exc:  # noqa: BLE001 - raised by the parent
            errors.append(exc)
        finally:
            for box in ends:
                put_until(box, None, stop)

    threading.Thread(target=feed, name=name, daemon=True).start()
    return errors


def first_dead(procs: Iterable[Any]) -> Any | None:
    """A worker that ended with an error exit code (killed, crashed), or None."""
    return next((p for p in procs if not p.is_alive() and p.exitcode not in (0, None)), None)
