"""The queue behind ``add_messages(background=true)``: one worker thread, first in first out.

Why one worker: a user's sessions must be ingested in the order they were sent (later facts
supersede earlier ones), and ingestion is CPU-bound, so more workers would not be faster.
Nothing is dropped silently: a full queue refuses the job up front, every accepted job ends
``done`` or ``failed``, failures stay listed, and closing the queue finishes what it accepted.
"""

from __future__ import annotations

import collections
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

JobState = Literal["queued", "running", "done", "failed"]


class QueueFullError(RuntimeError):
    """The queue holds its maximum of pending jobs; the caller should retry or add synchronously."""


class QueueClosedError(RuntimeError):
    """The server is shutting down and accepts no new jobs."""


@dataclass
class Job:
    job_id: str
    user_id: str
    session_id: str
    run: Callable[[], Any]
    state: JobState = "queued"
    submitted_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    finished_at: datetime | None = None
    error: str | None = None
    result: Any = None


class IngestQueue:
    """Jobs run one at a time in submission order on a daemon worker thread."""

    def __init__(self, max_pending: int = 1000, keep_finished: int = 1000) -> None:
        self.max_pending = max_pending
        self._cond = threading.Condition()
        self._pending: collections.deque[Job] = collections.deque()
        self._jobs: dict[str, Job] = {}
        self._finished: collections.deque[str] = collections.deque()
        self._keep_finished = keep_finished
        self._failures: collections.deque[Job] = collections.deque(maxlen=100)
        self._running: Job | None = None
        self._done = 0
        self._failed = 0
        self._closed = False
        self._worker: threading.Thread | None = None

    def submit(self, user_id: str, session_id: str, run: Callable[[], Any]) -> Job:
        """Accept a job or raise :class:`QueueFullError` / :class:`QueueClosedError`."""
        with self._cond:
            if self._closed:
                raise QueueClosedError("the server is shutting down; add synchronously elsewhere")
            if len(self._pending) >= self.max_pending:
                raise QueueFullError(f"the ingest queue holds {self.max_pending} pending jobs; "
                                     "retry later or add synchronously")
            job = Job(job_id="j_" + uuid.uuid4().hex[:16], user_id=user_id, session_id=session_id, run=run)
            self._pending.append(job)
            self._jobs[job.job_id] = job
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="kgmem-ingest-queue", daemon=True)
                self._worker.start()
            self._cond.notify_all()
            return job

    def get(self, job_id: str) -> Job | None:
        with self._cond:
            return self._jobs.get(job_id)

    def snapshot(self) -> dict[str, Any]:
        """Counts and the most recent failures (newest last)."""
        with self._cond:
            return {"pending": len(self._pending), "running": int(self._running is not None),
                    "done": self._done, "failed": self._failed, "failures": list(self._failures)}

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no job is pending or running; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and self._running is None, timeout)

    def close(self, timeout: float | None = None) -> bool:
        """Refuse new jobs and finish the accepted ones; False when they did not finish in time."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        return self.wait_idle(timeout)

    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._pending:
                    self._cond.wait()
                job = self._pending.popleft()
                job.state = "running"
                self._running = job
            try:
                result = job.run()
            except Exception as exc:  # noqa: BLE001 - recorded on the job and in the failures list
                outcome: tuple[JobState, Any, str | None] = ("failed", None, f"{type(exc).__name__}: {exc}"[:1000])
            else:
                outcome = ("done", result, None)
            with self._cond:
                job.state, job.result, job.error = outcome
                job.finished_at = datetime.now().replace(microsecond=0)
                if job.state == "failed":
                    self._failed += 1
                    self._failures.append(job)
                else:
                    self._done += 1
                self._running = None
                self._finished.append(job.job_id)
                while len(self._finished) > self._keep_finished:
                    self._jobs.pop(self._finished.popleft(), None)
                self._cond.notify_all()
