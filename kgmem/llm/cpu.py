"""The embedded model's share of the CPU: how many llama.cpp threads a process gives it, and when a call has
used up its time (by the CPU time it got, not only by the wall clock)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

#: the most llama.cpp threads a model gets by default (fewer where the process may use fewer CPUs)
DEFAULT_N_THREADS = 2
#: a call's wall-clock limit, as a multiple of its timeout (see :class:`CallBudget`)
WALL_LIMIT_FACTOR = 4.0


def default_threads(most: int = DEFAULT_N_THREADS) -> int:
    """llama.cpp threads for this process: ``most``, or fewer when the process may run on fewer CPUs
    (a container's or ``taskset``'s CPU set: more threads than CPUs only take turns).

    The load average is left out on purpose: one fixed generation with 1 and with 2 threads on this
    2-core machine at load 13-17 (4 busy processes added) took the same wall and CPU time either way
    (session 26: 37.9 / 37.4 s vs 40.3 / 35.6 s), and the text is the same whatever the count."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # no affinity call on this platform
        cpus = os.cpu_count() or 1
    return max(1, min(most, cpus))


class CallBudget:
    """Whether a call to the embedded model has used up its ``timeout_s``.

    why: llama.cpp runs in this process, so its work is the process's CPU time; on a busy machine its
    threads get a fraction of a core, and a wall-clock limit then stops answers that are not stuck but
    waiting for a CPU (`make demo` at load 15-19: one 135M-model answer passed 120 s). A call is over
    when its threads have had ``timeout_s`` of CPU each (process CPU time / threads) or when
    ``WALL_LIMIT_FACTOR`` × ``timeout_s`` of wall time has passed (a call that never gets a CPU still
    ends). It never ends a call earlier than a plain wall-clock limit would; on an idle machine, where
    the threads' CPU time keeps near the wall clock, about when that limit would."""

    def __init__(self, timeout_s: float | None, threads: int, *,
                 wall: Callable[[], float] = time.monotonic, cpu: Callable[[], float] = time.process_time) -> None:
        self.timeout_s, self.threads = timeout_s, max(1, threads)
        self._wall, self._cpu = wall, cpu
        self._wall0, self._cpu0 = wall(), cpu()

    def spent(self) -> bool:
        """Whether the call must stop now."""
        if self.timeout_s is None:
            return False
        wall = self._wall() - self._wall0
        if wall > WALL_LIMIT_FACTOR * self.timeout_s:
            return True
        return wall > self.timeout_s and (self._cpu() - self._cpu0) / self.threads > self.timeout_s
