"""``kgmem eval --workers N``: questions evaluated in N worker processes.

The parent keeps everything that makes a run directory a run: the selection, the manifest, the
resume, and it is the ONLY writer of ``predictions.jsonl`` (records are appended one whole line
at a time as workers finish them, so a kill loses at most the questions in flight and a re-run
resumes as usual). It reads the split and hands the next haystack to whichever worker asks for
one, over a pipe per worker (a worker holds one haystack; memory stays bounded however long the
split; no multiprocessing queues, whose semaphores Ctrl-C would leave behind). Each worker
builds its own system and judge (its own store connection: one Neo4j server, or the embedded
store whose per-user files are locked across processes) and evaluates a question exactly as a
single-process run does. Each question is its own namespace, so a record does not depend on
which worker made it or on N; only the order of lines in the file does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from kgmem import procpool
from kgmem.datasets.longmemeval import strip_labels
from kgmem.evaluation.interface import warm_up
from kgmem.evaluation.judge import Judge, JudgeStyle, make_judge
from kgmem.evaluation.runconfig import EvalConfig, RunError
from kgmem.evaluation.systems import RetrievingSystem, System, make_system
from kgmem.store.base import StoreError, is_fatal

if TYPE_CHECKING:
    from kgmem.models import Haystack
    from kgmem.settings import Settings

#: how often the parent looks up from waiting on the workers (seconds)
POLL_S = 0.5

#: ``evaluate(haystack, stripped, system, judge, config, counters, record) -> record``
Evaluate = Callable[..., dict[str, Any]]
#: (prepared, answered, judged) counted while making one record
Counts = tuple[int, int, int]


@dataclass
class WorkerSpec:
    """What every worker needs to evaluate questions like the single-process runner.

    ``system`` / ``judge``: objects handed to ``run_eval`` (each worker gets a pickled copy);
    ``None`` = built in the worker from ``config`` and ``settings``, as the runner would."""

    config: EvalConfig
    settings: Settings
    style: JudgeStyle
    need_judge: bool
    evaluate: Evaluate
    system: System | None = None
    judge: Judge | None = None

    def build(self) -> tuple[System, Judge | None]:
        """The worker's system (models warmed up) and judge."""
        system = self.system or make_system(self.config.system, self.settings,
                                            retrieval_only=self.config.retrieval_only)
        if self.config.retrieval_only and not isinstance(system, RetrievingSystem):
            raise RunError(f"system {system.name!r} has no retrieve(); it cannot run --retrieval-only")
        judge = self.judge
        if judge is None and self.need_judge:
            judge = make_judge(self.settings, self.style)
        warm_up(system)
        return system, judge


def _worker(spec: WorkerSpec, inbox: Any, outbox: Any, wid: int) -> None:
    """A worker process: say "ready", then evaluate each haystack that arrives until ``None``.

    Every record sent also asks for the next haystack (the parent hands out work as workers
    free up, so one slow haystack does not hold up the others)."""
    try:
        system, judge = spec.build()
        outbox.send(("ready", wid))
        while True:
            try:
                item = inbox.recv()
            except EOFError:  # the parent is gone: no orphans
                return
            if item is None:
                break
            h, base = item
            counts = SimpleNamespace(prepared=0, answered=0, judged=0)
            record = spec.evaluate(h, strip_labels(h), system, judge, spec.config, counts, base)
            outbox.send(("record", wid, record, (counts.prepared, counts.answered, counts.judged)))
        outbox.send(("done", wid))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group: the parent reports it
        return
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it as one line
        # a store that is gone is reported with the store's own line (it names the URI and what to do)
        fatal = is_fatal(exc)
        text = str(exc) if fatal else f"{type(exc).__name__}: {exc}"
        with contextlib.suppress(OSError):
            outbox.send(("error", wid, text, fatal))
    finally:
        outbox.close()


def _raise_error(msg: tuple[Any, ...]) -> None:
    """Raise a worker's ``("error", wid, text, fatal)`` message in the parent."""
    if msg[3]:
        error = StoreError(msg[2])
        error.fatal = True
        raise error
    raise RunError(f"eval worker {msg[1]}: {msg[2]}")


def evaluate_parallel(items: Iterable[tuple[Haystack, dict[str, Any]]], workers: int,
                      spec: WorkerSpec) -> Iterator[tuple[dict[str, Any], Counts]]:
    """Evaluate ``(haystack, record base)`` items in ``workers`` processes; yields each finished
    record with its counts as it arrives (any order). A worker's error (or ``on_error='raise'``)
    stops them all and is raised as :class:`RunError` (a store that is gone: its
    :class:`StoreError`); so is an error reading ``items`` (e.g. a bad dataset record)."""
    from multiprocessing.connection import wait

    procs, inboxes, outboxes = procpool.spawn_piped(
        _worker, lambda i, inbox, outbox: (spec, inbox, outbox, i), workers, "kgmem-eval")
    source = iter(items)
    running = dict(enumerate(outboxes))
    try:
        while running:
            ready = wait(list(running.values()), timeout=POLL_S)
            for wid, box in list(running.items()):
                if box not in ready:
                    continue
                try:
                    msg = box.recv()
                except EOFError:
                    dead = procs[wid]
                    dead.join(timeout=1.0)
                    raise RunError(f"eval worker {dead.name} died (exit code {dead.exitcode}); "
                                   f"finished questions are saved: re-run the same command to resume") from None
                if msg[0] == "error":
                    _raise_error(msg)
                if msg[0] == "done":
                    del running[wid]
                    continue
                if msg[0] == "record":
                    yield msg[2], msg[3]
                inboxes[wid].send(next(source, None))  # "ready" or a record: the next haystack
    finally:
        for p in procs:
            if not running:
                p.join(timeout=10.0)  # each has said "done": let it close its store
            if p.is_alive():
                p.terminate()  # a failed or interrupted run: questions in flight are retried on resume
        for p in procs:
            p.join(timeout=5.0)
        for conn in (*inboxes, *outboxes):
            conn.close()
