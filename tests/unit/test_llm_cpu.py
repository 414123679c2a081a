"""The embedded model's CPU share: thread count from the CPUs the process may use; a call's time limit counted in
the CPU time its threads got, with a wall-clock backstop (fake clocks: behaviour, not time)."""

from __future__ import annotations

import os

import pytest

from kgmem.llm import cpu
from kgmem.llm.cpu import WALL_LIMIT_FACTOR, CallBudget, default_threads
from kgmem.llm.local import LocalLLM


@pytest.mark.parametrize(("cpus", "want"), [({0}, 1), ({0, 1}, 2), (set(range(16)), 2)])
def test_threads_never_outnumber_the_cpus_the_process_may_use(monkeypatch: pytest.MonkeyPatch, cpus: set[int],
                                                              want: int) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: cpus, raising=False)
    assert default_threads() == want
    assert default_threads(most=8) == min(8, len(cpus))


def test_threads_without_an_affinity_call_follow_the_cpu_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert default_threads() == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert default_threads() == 2


def test_the_local_model_takes_the_default_thread_count_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3}, raising=False)
    assert LocalLLM().n_threads == 1  # the model file is only found here; nothing loads before a call
    assert LocalLLM(n_threads=2).n_threads == 2


class _Clocks:
    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0


def _budget(timeout: float | None, threads: int) -> tuple[CallBudget, _Clocks]:
    clocks = _Clocks()
    return CallBudget(timeout, threads, wall=lambda: clocks.wall, cpu=lambda: clocks.cpu), clocks


def test_an_idle_machine_call_ends_when_the_wall_clock_limit_would() -> None:
    budget, clocks = _budget(10.0, 2)
    clocks.wall, clocks.cpu = 9.9, 19.8  # two threads, each on its own core
    assert not budget.spent()
    clocks.wall, clocks.cpu = 10.1, 20.2
    assert budget.spent()


def test_a_call_waiting_for_a_cpu_goes_on_while_its_threads_had_less_than_the_limit() -> None:
    budget, clocks = _budget(10.0, 2)
    clocks.wall, clocks.cpu = 30.0, 6.0  # a busy machine: 10% of a core per thread
    assert not budget.spent()
    clocks.wall, clocks.cpu = 39.0, 19.0
    assert not budget.spent()
    clocks.cpu = 20.5
    assert budget.spent()


def test_a_call_that_never_gets_a_cpu_still_ends() -> None:
    budget, clocks = _budget(10.0, 1)
    clocks.wall = WALL_LIMIT_FACTOR * 10.0 - 0.1
    assert not budget.spent()
    clocks.wall = WALL_LIMIT_FACTOR * 10.0 + 0.1
    assert budget.spent()


def test_a_call_never_ends_before_the_wall_clock_limit() -> None:
    budget, clocks = _budget(10.0, 1)
    clocks.wall, clocks.cpu = 5.0, 50.0  # CPU time from other threads of the process
    assert not budget.spent()


def test_no_timeout_never_ends_a_call() -> None:
    budget, clocks = _budget(None, 2)
    clocks.wall = clocks.cpu = 1e9
    assert not budget.spent()
    assert cpu.DEFAULT_N_THREADS == 2
