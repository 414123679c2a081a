"""The one service both faces (MCP tools, HTTP endpoints) call: thin over :class:`Memory`.

It parses and checks arguments (user ids, dates, limits), turns a missing or unknown user into
:class:`ServiceError` ``unknown_user`` (never an empty success), converts results to the
records of :mod:`kgmem.serve.schemas`, serialises writes per user, and owns the async-add queue.
It holds no memory logic of its own: every decision is :class:`Memory`'s.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from kgmem.api import Memory
from kgmem.api_types import AddResult, ChatMessage, IngestError, UnknownUserError, validate_user_id
from kgmem.models import Fact, Supersession, Turn
from kgmem.serve import schemas as s
from kgmem.serve.jobs import IngestQueue, Job, QueueClosedError, QueueFullError

#: HTTP status of each error code (the MCP face sends the code and message as the tool error)
STATUS = {
    "bad_request": 400, "invalid_argument": 422, "unknown_user": 404, "not_found": 404,
    "unauthorized": 401, "payload_too_large": 413, "queue_full": 503, "shutting_down": 503,
    "store_unavailable": 503, "model_unavailable": 503, "ingest_failed": 500, "internal": 500,
}


class ServiceError(Exception):
    """A failure with a stable ``code`` (see :data:`STATUS`) and a message for the caller."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def status(self) -> int:
        return STATUS.get(self.code, 500)


def _when(value: str | datetime | None, name: str) -> datetime | None:
    """A date argument through :func:`kgmem.temporal.parse_local_datetime` (the one parser the CLI
    shares); its ``ValueError`` becomes ``invalid_argument`` naming the argument."""
    from kgmem.temporal import parse_local_datetime

    if value is None:
        return None
    try:
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                raise ValueError(f"give a naive local time without a timezone: {value!r}")
            return value
        return parse_local_datetime(value)
    except ValueError as exc:
        raise ServiceError("invalid_argument", f"{name}: {exc}") from None


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class MemoryService:
    """Everything the servers expose, as plain methods (usable and tested without a server)."""

    def __init__(self, memory: Memory, *, max_pending: int = 1000, version: str = "") -> None:
        self.memory = memory
        self.queue = IngestQueue(max_pending=max_pending)
        self.version = version or _package_version()
        self.started = time.monotonic()
        self._calls: Counter[str] = Counter()
        self._calls_lock = threading.Lock()

    # ------------------------------------------------------------------ lifecycle

    def warm(self) -> None:
        """Load the store, embedder, planner and extractor now, so the first request is fast."""
        from kgmem.retrieval.planner import plan_query

        mem = self.memory
        mem.store.users()
        mem.embedder.embed(["warm up the embedder"])
        plan_query("How many days ago did I warm up?", _now())
        mem.extractor.extract([("user", "I live in Boston and I went to a concert yesterday.")], _now())
        _ = mem.answerer

    def close(self, timeout: float | None = 60.0) -> None:
        """Finish queued adds, then close the store."""
        self.queue.close(timeout)
        self.memory.close()

    def _count(self, tool: str) -> None:
        with self._calls_lock:
            self._calls[tool] += 1

    # ------------------------------------------------------------------ argument checks

    def _user(self, user_id: Any) -> str:
        """An existing user id, else ``unknown_user`` / ``invalid_argument``."""
        if user_id is None or (isinstance(user_id, str) and not user_id.strip()):
            raise ServiceError("invalid_argument", "user_id is required (list users with list_users)")
        if not isinstance(user_id, str):
            raise ServiceError("invalid_argument", "user_id must be a string")
        try:
            return self.memory.require_user(user_id)
        except UnknownUserError as exc:
            raise ServiceError("unknown_user", str(exc)) from None

    @staticmethod
    def _new_user(user_id: Any) -> str:
        try:
            return validate_user_id(user_id)
        except ValueError as exc:
            raise ServiceError("invalid_argument", str(exc)) from None

    @staticmethod
    def _messages(messages: Sequence[Any]) -> list[ChatMessage]:
        if not isinstance(messages, Sequence) or isinstance(messages, str) or not messages:
            raise ServiceError("invalid_argument", "messages must be a non-empty list of {role, content}")
        out: list[ChatMessage] = []
        for i, m in enumerate(messages):
            try:
                out.append(m if isinstance(m, ChatMessage) else ChatMessage.model_validate(m))
            except ValueError as exc:
                first = exc.errors()[0] if hasattr(exc, "errors") else {"loc": (), "msg": str(exc)}
                where = ".".join(str(p) for p in first.get("loc", ()))
                raise ServiceError("invalid_argument",
                                   f"messages[{i}]{'.' + where if where else ''}: {first.get('msg')}") from None
        return out

    # ------------------------------------------------------------------ conversions

    def _facts_out(self, user: str, facts: Sequence[Fact], *, with_turns: bool = False) -> list[s.FactOut]:
        store = self.memory.store
        ent_ids = {f.subject_id for f in facts} | {f.object_id for f in facts if f.object_id}
        names = {e.id: e.name for e in store.entities(user, ids=sorted(ent_ids))} if ent_ids else {}
        turns: dict[str, s.TurnOut] = {}
        if with_turns:
            tids = sorted({t for f in facts for t in f.source_turn_ids})
            turns = {t.id: t for t in self._turns_out(user, store.turns(user, ids=tids))} if tids else {}
        return [s.FactOut(
            id=f.id, subject=names.get(f.subject_id), subject_id=f.subject_id, predicate=f.predicate,
            value=f.value, object=names.get(f.object_id) if f.object_id else None, object_id=f.object_id,
            text=f.text, valid_from=f.valid_from, valid_to=f.valid_to, granularity=f.granularity,
            observed_at=f.observed_at, invalid_at=f.invalid_at, current=f.invalid_at is None,
            confidence=f.confidence, speaker=f.speaker, session_id=f.session_id,
            source_turn_ids=list(f.source_turn_ids),
            source_turns=[turns[t] for t in f.source_turn_ids if t in turns] if with_turns else None,
        ) for f in facts]

    def _turns_out(self, user: str, turns: Sequence[Turn],
                   dates: dict[str, datetime] | None = None) -> list[s.TurnOut]:
        if dates is None:
            dates = {x.id: x.started_at for x in self.memory.store.sessions(user)} if turns else {}
        return [s.TurnOut(id=t.id, session_id=t.session_id, role=t.role, text=t.text,
                          date=dates.get(t.session_id)) for t in turns]

    @staticmethod
    def _edges_out(edges: Sequence[Supersession]) -> list[s.SupersessionOut]:
        return [s.SupersessionOut(new_fact_id=e.new_fact_id, old_fact_id=e.old_fact_id, at=e.at) for e in edges]

    def _add_out(self, res: AddResult) -> s.AddMessagesOut:
        return s.AddMessagesOut(
            user_id=res.user_id, session_id=res.session_id, stored=res.stored, turns=res.turns,
            facts_added=self._facts_out(res.user_id, res.facts_added), facts_merged=res.facts_merged,
            supersessions=self._edges_out(res.supersessions), seconds=round(res.seconds, 4))

    # ------------------------------------------------------------------ tools

    def add_messages(self, user_id: str, messages: Sequence[Any], timestamp: str | datetime | None = None,
                     session_id: str | None = None, background: bool = False) -> s.AddMessagesOut:
        """Store a conversation for ``user_id`` (created on first add). Synchronous unless
        ``background``: then the add is queued and the reply names the job."""
        self._count("add_messages")
        user = self._new_user(user_id)
        msgs = self._messages(messages)
        when = _when(timestamp, "timestamp") or _now()
        try:
            from kgmem.api_types import session_from_messages

            sid = session_from_messages(user, msgs, when, session_id).id
        except ValueError as exc:
            raise ServiceError("invalid_argument", str(exc)) from None
        if background:
            try:
                job = self.queue.submit(user, sid, lambda: self._add_now(user, msgs, when, sid))
            except QueueFullError as exc:
                raise ServiceError("queue_full", str(exc)) from None
            except QueueClosedError as exc:
                raise ServiceError("shutting_down", str(exc)) from None
            return s.AddMessagesOut(user_id=user, session_id=sid, stored=False, queued=True,
                                    job_id=job.job_id, turns=len(msgs))
        return self._add_now(user, msgs, when, sid)

    def _add_now(self, user: str, msgs: list[ChatMessage], when: datetime, sid: str) -> s.AddMessagesOut:
        try:
            res = self.memory.add_messages(user, msgs, timestamp=when, session_id=sid)
        except IngestError as exc:
            raise ServiceError("ingest_failed", str(exc)) from None
        except ValueError as exc:
            raise ServiceError("invalid_argument", str(exc)) from None
        return self._add_out(res)

    def search_memory(self, user_id: str, query: str, as_of: str | datetime | None = None,
                      question_date: str | datetime | None = None, limit: int = 10) -> s.SearchOut:
        """Ranked facts (with validity and cited turns) and turns for ``query``."""
        self._count("search_memory")
        user = self._user(user_id)
        if not isinstance(query, str) or not query.strip():
            raise ServiceError("invalid_argument", "query must be a non-empty string")
        if not isinstance(limit, int) or not 1 <= limit <= 100:
            raise ServiceError("invalid_argument", "limit must be an integer from 1 to 100")
        asof = _when(as_of, "as_of")
        qd = _when(question_date, "question_date") or asof or _now()
        res = self.memory.search(user, query, as_of=asof, question_date=qd)
        dates = {sid: x.started_at for sid, x in res.sessions.items()}
        return s.SearchOut(user_id=user, query=query, question_date=qd, as_of=asof,
                           facts=self._facts_out(user, res.facts[:limit], with_turns=True),
                           turns=self._turns_out(user, res.turns[:limit], dates),
                           session_ids=res.session_ids[:limit])

    def answer(self, user_id: str, question: str, question_date: str | datetime | None = None,
               as_of: str | datetime | None = None) -> s.AnswerOut:
        """Answer from memory; says whether the answer was computed, abstained or model-written."""
        self._count("answer")
        user = self._user(user_id)
        if not isinstance(question, str) or not question.strip():
            raise ServiceError("invalid_argument", "question must be a non-empty string")
        asof = _when(as_of, "as_of")
        qd = _when(question_date, "question_date") or asof or _now()
        ans = self.memory.answer(user, question, question_date=qd, as_of=asof)
        model_written = "llm" in ans.extra
        kind: s.AnswerKind = ("abstained" if ans.abstained else "computed" if ans.deterministic
                              else "model" if model_written else "memory_line")
        used = self.memory.store.facts(user, _ids_filter(ans.fact_ids)) if ans.fact_ids else []
        order = {fid: i for i, fid in enumerate(ans.fact_ids)}
        used.sort(key=lambda f: order.get(f.id, len(order)))
        return s.AnswerOut(user_id=user, question=question, question_date=qd, as_of=asof, answer=ans.text,
                           kind=kind, computed=ans.deterministic, abstained=ans.abstained,
                           model_written=model_written, fact_ids=list(ans.fact_ids),
                           turn_ids=list(ans.turn_ids), session_ids=list(ans.session_ids),
                           facts=self._facts_out(user, used),
                           timings_ms={k: round(v, 2) for k, v in ans.timings_ms.items()})

    def get_history(self, user_id: str, subject: str, predicate: str) -> s.HistoryOut:
        """Every version of the (subject, predicate) slot with its SUPERSEDES chain."""
        self._count("get_history")
        user = self._user(user_id)
        for name, value in (("subject", subject), ("predicate", predicate)):
            if not isinstance(value, str) or not value.strip():
                raise ServiceError("invalid_argument", f"{name} must be a non-empty string "
                                   "(subject 'user' is the user; predicates as in facts, e.g. lives_in)")
        hist = self.memory.slot_history(user, subject, predicate)
        return s.HistoryOut(user_id=user, subject=subject, predicate=predicate,
                            versions=self._facts_out(user, hist.facts, with_turns=True),
                            supersessions=self._edges_out(hist.supersessions), current_ids=hist.current_ids)

    def list_facts(self, user_id: str, predicate: str | None = None, subject: str | None = None,
                   as_of: str | datetime | None = None, current_only: bool = False) -> s.FactsOut:
        """What memory holds about a user (optionally one predicate / subject / date)."""
        self._count("list_facts")
        user = self._user(user_id)
        asof = _when(as_of, "as_of")
        facts = self.memory.facts(user, predicate=predicate or None, subject=subject or None,
                                  as_of=asof, current_only=current_only)
        return s.FactsOut(user_id=user, predicate=predicate, as_of=asof, facts=self._facts_out(user, facts))

    def list_users(self) -> s.UsersOut:
        self._count("list_users")
        users = self.memory.list_users()
        return s.UsersOut(users=users, count=len(users))

    def delete_user(self, user_id: str) -> s.DeleteOut:
        """Forget one user (explicit: an unknown id is an error, never a wipe of anything else)."""
        self._count("delete_user")
        user = self._user(user_id)
        removed = self.memory.delete_user_locked(user)
        return s.DeleteOut(user_id=user, deleted=True, nodes_removed=removed)

    def get_job(self, job_id: str) -> s.JobOut:
        job = self.queue.get(job_id)
        if job is None:
            raise ServiceError("not_found", f"no job {job_id!r} (finished jobs are kept for a while; "
                                            "failures stay listed in get_status)")
        return _job_out(job)

    def get_status(self, user_id: str | None = None) -> s.StatusOut:
        """Server health; with ``user_id``, the store counts are that user's."""
        self._count("get_status")
        user = None if user_id is None else self._user(user_id)
        q = self.queue.snapshot()
        with self._calls_lock:
            calls = dict(self._calls)
        return s.StatusOut(version=self.version, uptime_s=round(time.monotonic() - self.started, 1),
                           store=self.memory.status(user),
                           queue=s.QueueOut(pending=q["pending"], running=q["running"], done=q["done"],
                                            failed=q["failed"], failures=[_job_out(j) for j in q["failures"]]),
                           requests=calls)


def _ids_filter(ids: Sequence[str]) -> Any:
    from kgmem.store.base import FactFilter

    return FactFilter(ids=list(ids))


def _job_out(job: Job) -> s.JobOut:
    result = job.result if isinstance(job.result, s.AddMessagesOut) else None
    return s.JobOut(job_id=job.job_id, user_id=job.user_id, session_id=job.session_id, state=job.state,
                    submitted_at=job.submitted_at, finished_at=job.finished_at, error=job.error, result=result)


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kgmem")
    except PackageNotFoundError:
        return "0+unknown"
