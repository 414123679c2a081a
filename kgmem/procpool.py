"""The plumbing both ``--workers`` modes share (``kgmem ingest`` and ``kgmem eval``).

A parent spawns worker processes (never forks: it may hold model threads or driver sockets),
talks to each through a pair of one-way pipes (so memory stays bounded however long the input:
a worker holds what it works on), and watches for a worker that died without a word. What the
work is, and what the workers send back, stays with each mode.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
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


def spawn_piped(target: Callable[..., None], args: Callable[[int, Any, Any], tuple[Any, ...]], n: int,
                name: str) -> tuple[list[Any], list[Any], list[Any]]:
    """Start ``n`` workers ``target(*args(i, inbox, outbox))``, each with a one-way pipe in and out.

    Returns the processes, the parent's sending ends (one per worker) and its receiving ends.
    Pipes, not multiprocessing queues: a queue holds named semaphores, which a parent that ends at
    once after Ctrl-C or an error leaves to the resource tracker ("leaked semaphore" warning). The
    parent closes its copies of the workers' ends, so a worker that ends breaks its pipes (EOF)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    ins = [ctx.Pipe(duplex=False) for _ in range(n)]  # (worker reads, parent writes)
    outs = [ctx.Pipe(duplex=False) for _ in range(n)]  # (parent reads, worker writes)
    procs = spawn(target, lambda i: args(i, ins[i][0], outs[i][1]), n, name)
    for (r, _), (_, w) in zip(ins, outs):
        r.close()
        w.close()
    return procs, [w for _, w in ins], [r for r, _ in outs]


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


def first_dead(procs: Iterable[Any]) -> Any | None:
    """A worker that ended with an error exit code (killed, crashed), or None."""
    return next((p for p in procs if not p.is_alive() and p.exitcode not in (0, None)), None)
