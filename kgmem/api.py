"""The Python API: :class:`Memory` — add conversations, then search and answer over them.

>>> from kgmem.api import Memory          # doctest: +SKIP
>>> mem = Memory()                        # settings from env / ~/.kgmem/config.toml
>>> mem.add_session("alice", session)     # a kgmem.models.Session
>>> mem.answer("alice", "Where do I live now?").text

Everything heavy (store, embedder, answer model, extractor) is created on first use
(:mod:`kgmem.api_parts`), so constructing a ``Memory`` is cheap and tests can inject deterministic parts.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kgmem.api_parts import MemoryParts
from kgmem.api_types import (
    AddResult,
    ChatMessage,
    IngestError,
    SlotHistory,
    UnknownUserError,
    session_from_messages,
    validate_user_id,
)
from kgmem.api_types import (
    IngestProgress as IngestProgress,  # re-exported: part of Memory.ingest_haystacks
)
from kgmem.ids import resolve_namespace
from kgmem.models import Answer, Fact, Haystack, Session, Turn
from kgmem.retrieval.planner import plan_query
from kgmem.retrieval.search import RetrievalResult, Retriever
from kgmem.store.base import FactFilter, StoreStats

if TYPE_CHECKING:
    from kgmem.memory.ingest import IngestReport


IngestProgressFn = Callable[[IngestProgress], None]


_log = logging.getLogger(__name__)


class Memory(MemoryParts):
    """A knowledge-graph temporal memory for one store (many users).

    ``llm``: an :class:`~kgmem.llm.base.LLM`; ``None`` builds the configured answer model on
    first use; ``False`` answers without a model (deterministic answers, abstentions, otherwise
    the best memory line). ``recipe`` names the retrieval recipe (see
    :mod:`kgmem.retrieval.recipes`). The parts (store, embedder, models, caches) and
    :meth:`status` / :meth:`close` come from :class:`kgmem.api_parts.MemoryParts`.
    """

    # ------------------------------------------------------------------ writes

    def add_session(self, user: str, session: Session) -> None:
        """Extract facts from one dated session and write it to ``user``'s memory.

        A session already stored is skipped. Raises ``ValueError`` naming the field when the
        user id or the session is malformed (e.g. a turn id that is not ``<session id>:<position>``)
        and :class:`IngestError` when extraction or the write failed; either way nothing of the
        session is stored and what memory held before is untouched.
        """
        from kgmem.memory.ingest import check_session, ingest_session

        user = validate_user_id(user)
        check_session(session, user)
        report = ingest_session(self.store, user, session, extractor=self.extractor, embedder=self.embedder,
                                cache=self.extraction_cache)
        _raise_failure(report, user, session.id)
        if report.sessions_written:
            self._prime(session.turns)

    def ingest_haystack(self, haystack: Haystack, *, embed: bool = True,
                        on_progress: Callable[[int, int, str], None] | None = None) -> IngestReport:
        """Ingest every session of a benchmark haystack into its namespace (labels unread).

        ``embed=False`` writes no vectors (keyword and graph search only); ``on_progress`` is
        called as ``(sessions_done, sessions_total, session_id)`` after each session.
        """
        from kgmem.memory.ingest import ingest_haystack

        report = ingest_haystack(self.store, haystack, extractor=self.extractor,
                                 embedder=self.embedder if embed else None,
                                 cache=self.extraction_cache, on_progress=on_progress)
        if embed and report.sessions_written:
            self._prime(t for s in haystack.sessions for t in s.turns)
        return report

    def ingest_haystacks(self, haystacks: Iterable[Haystack], *, embed: bool = True,
                         on_progress: IngestProgressFn | None = None, workers: int = 1) -> IngestReport:
        """Ingest many haystacks (each into its own namespace); returns the summed report.

        Sessions already stored are skipped, so re-running resumes. Failed sessions are listed
        in ``report.failures`` and left unwritten; ``report.users`` counts the haystacks.
        ``workers`` > 1 ingests in that many processes (same graph for any N).
        """
        from kgmem.memory.ingest import ingest_haystacks

        if workers > 1:
            from kgmem.memory.parallel import ingest_parallel

            # each worker process builds its own Memory of this class (no import of api in memory/)
            return ingest_parallel(self.settings, haystacks, workers, embed=embed, on_progress=on_progress,
                                   memory_factory=type(self))

        # planning (extraction, embedding, reconciliation) runs ahead of the store writer and the
        # sessions of consecutive haystacks share store transactions (kgmem.memory.pipeline)
        index: dict[str, int] = {}
        done: dict[str, int] = {}

        def on_session(item: Any, session: Any) -> None:
            h, rep = item.haystack, item.report
            if on_progress is None:
                return
            if h.user_id not in index:
                index[h.user_id] = len(index) + 1
                on_progress(IngestProgress(index[h.user_id], h.user_id, 0, len(h.sessions)))
            done[h.user_id] = rep.sessions_skipped + rep.sessions_written + rep.sessions_failed
            on_progress(IngestProgress(index[h.user_id], h.user_id, done[h.user_id], len(h.sessions)))

        def on_haystack(h: Haystack, rep: IngestReport) -> None:
            if embed and rep.sessions_written:  # (the parallel path's workers come through here too)
                self._prime(t for s in h.sessions for t in s.turns)
            if on_progress is None:
                return
            if h.user_id not in index:
                index[h.user_id] = len(index) + 1
            n = len(h.sessions)
            on_progress(IngestProgress(index[h.user_id], h.user_id, n, n, haystack_done=True))

        store = self.store  # opened first: an unreachable server is reported before models load
        return ingest_haystacks(store, haystacks, extractor=self.extractor,
                                embedder=self.embedder if embed else None, cache=self.extraction_cache,
                                on_session=on_session, on_haystack=on_haystack)

    def _prime(self, turns: Iterable[Turn]) -> None:
        """Embed now the sentences a first question about these turns would embed (the evidence
        pool's lines of long user turns, :func:`kgmem.answer.pool.prime`) and parse the user lines
        it would parse (:func:`kgmem.answer.parse_prime.prime_parses`), so that question finds them
        in the embedding and parse caches. Stored memory is complete without it: a failure is logged,
        never raised."""
        try:
            from kgmem.answer.parse_prime import prime_parses
            from kgmem.answer.pool import prime

            turns = list(turns)
            prime_parses(turns)  # first: cutting lines reads clauses, and a reading remembered in-process skips the parser
            prime(turns, self.embedder.embed)
        except Exception:  # noqa: BLE001 - priming is an optimisation; the ingest already succeeded
            _log.warning("could not read the evidence sentences ahead of questions", exc_info=True)

    def resolve_user(self, user: str) -> str:
        """The stored namespace ``user`` names: a full key, or a bare question_id naming one.

        Raises :class:`kgmem.ids.NamespaceError` (listing candidates) otherwise.
        """
        return resolve_namespace(user, self.store.users())

    def stats(self, user: str | None = None) -> StoreStats:
        """Counts of what the store holds (for one namespace when ``user`` is given)."""
        return self.store.stats(user)

    def delete_user(self, user: str) -> int:
        """Forget everything about ``user``; returns the number of nodes removed."""
        return self.store.delete_user(user)

    # ------------------------------------------------------------------ reads

    def search(self, user: str, query: str, as_of: datetime | None = None,
               question_date: datetime | None = None, recipe: str | None = None) -> RetrievalResult:
        """Plan and retrieve without answering: ranked facts, turns and sessions."""
        qd = question_date or as_of or datetime.now().replace(microsecond=0)
        t0 = time.perf_counter()
        vector = self._question_vector(query)
        t1 = time.perf_counter()
        plan = plan_query(query, qd, as_of=as_of, embedder=self.embedder, vector=vector)
        t2 = time.perf_counter()
        result = Retriever(self.store, self.embedder, recipe or self.recipe).retrieve(user, plan, vector=vector)
        result.timings_ms = {"embed": (t1 - t0) * 1000, "plan": (t2 - t1) * 1000,
                             "retrieve": (time.perf_counter() - t2) * 1000, **result.timings_ms}
        return result

    def answer(self, user: str, question: str, question_date: datetime | None = None,
               as_of: datetime | None = None, recipe: str | None = None, *,
               explain: bool = False) -> Answer:
        """Answer a question from ``user``'s memory; ``question_date`` is "today" (default: now,
        or ``as_of`` when given); ``as_of`` answers from what memory held at that time.

        ``Answer.extra["decision"]`` carries the intent with its score, the abstention decision
        with its evidence, the answer path (computed / extractive / preference / model / fallback
        / abstain) and the cited lines; ``explain=True`` adds ``extra["explain"]``: those, then
        the plan, each retriever's top ids, the ranked sessions and the context."""
        result = self.search(user, question, as_of=as_of, question_date=question_date, recipe=recipe)
        t0 = time.perf_counter()
        ans = self.answerer.answer(result)
        ans.timings_ms = {**{k: v for k, v in result.timings_ms.items() if k in ("embed", "plan", "retrieve")},
                          "answer": ans.timings_ms.get("answer", (time.perf_counter() - t0) * 1000)}
        ans.extra.setdefault("plan", result.plan.model_dump(mode="json"))
        if explain:
            d = ans.extra.get("decision", {})
            ans.extra["explain"] = {
                "intent": f"{d.get('intent')} (score {d.get('intent_score')}, by {d.get('intent_source')}; "
                          f"nearest phrasing: {d.get('exemplar')!r}; slot {d.get('slot')}, expects {d.get('answer_type')})",
                "abstention": d.get("abstain"),
                "answer path": f"{d.get('path')}" + (f" — cites {'; '.join(d['cited'])}" if d.get("cited") else ""),
                "plan": result.plan.model_dump(mode="json"),
                "retrievers": {name: ids[:10] for name, ids in result.lists.items()},
                "sessions": result.session_ids[:10],
                "context": ans.context,
            }
        return ans

    def explain_extraction(self, user: str, session: str) -> dict[str, Any]:
        """Why facts were (or were not) stored for one stored session: per candidate clause of its
        user turns, whom it is about, the checks, the predicates proposed by meaning with their
        scores, the value found for each and the decision; then the facts extracted.

        ``session`` is a session id or the dataset's session id (``source_id``)."""
        user = self.resolve_user(user)
        found = [s for s in self.store.sessions(user) if session in (s.id, s.source_id)]
        if not found:
            raise KeyError(f"no session {session!r} for user {user!r}")
        sess = found[0]
        turns = sorted(self.store.turns(user, session_id=sess.id), key=lambda t: t.idx)
        pairs = [(t.role, t.text) for t in turns]
        extractor = self.extractor
        zero = getattr(extractor, "base", extractor)  # the LLM tier explains its zero-LLM part
        if not hasattr(zero, "explain"):
            raise TypeError(f"extractor {type(extractor).__name__} cannot explain its decisions")
        result, traces = zero.explain(pairs, sess.started_at)
        return {
            "user": user, "session": sess.id, "source_id": sess.source_id,
            "date": sess.started_at.isoformat(), "extractor": zero.cache_key,
            "clauses": [{"turn": t.turn, "clause": t.clause, "about": t.about, "checks": t.checks,
                         "proposals": [{"predicate": p.predicate, "score": round(p.score, 3)} for p in t.proposals],
                         "values": [{"predicate": p, "value": v} for p, v in t.values],
                         "decision": t.decision} for t in traces],
            "facts": [f.model_dump(mode="json", include={"subject", "predicate", "value", "source_turns", "confidence",
                                                         "time_text", "speaker"}) for f in result.facts],
        }

    def _question_vector(self, text: str) -> Any:
        """The question's embedding, once per question (planner and retriever share it), of its
        plain form ("whats my home town" → "what's my hometown")."""
        import numpy as np

        from kgmem.retrieval.question import normalise_question

        return np.asarray(self.embedder.embed([normalise_question(text)])[0], dtype=np.float32)

    def history(self, user: str, subject: str = "user", predicate: str | None = None) -> list[Fact]:
        """Every version of a slot, oldest first (superseded ones carry ``invalid_at``).

        ``subject`` is an entity name (``"user"`` for the user themself) or an entity id.
        """
        from kgmem.ids import entity_id, normalise_name

        ents = self.store.entities(user)
        want = normalise_name(subject)
        ids = {e.id for e in ents if e.id == subject or normalise_name(e.name) == want
               or want in {normalise_name(a) for a in e.aliases}}
        ids.add(entity_id(user, subject))
        facts = [f for f in self.store.facts(user, FactFilter(predicate=predicate)) if f.subject_id in ids]
        return sorted(facts, key=lambda f: (f.observed_at, f.valid_from or f.observed_at, f.id))

    # ------------------------------------------------------------------ agents (MCP / HTTP)

    @contextlib.contextmanager
    def user_lock(self, user: str) -> Iterator[None]:
        """Serialise writes to one user's memory within this process (reads need no lock: every
        store write is atomic). Ingest reads the user's facts, plans, then writes; two sessions of
        one user planned at once would each miss the other's facts."""
        with self._user_locks_guard:
            lock = self._user_locks.setdefault(user, threading.Lock())
        with lock:
            yield

    def add_messages(self, user: str, messages: Iterable[ChatMessage | Mapping[str, Any]],
                     timestamp: datetime | None = None, session_id: str | None = None) -> AddResult:
        """Store one conversation (``[{role, content}, …]``) said at ``timestamp`` (default now)
        as a session of ``user`` and return what it added: facts, supersessions, counts.

        Synchronous: when this returns the session is durable. The same messages with the same
        timestamp (or the same ``session_id``) again are recognised and not stored twice
        (``stored`` is False). Raises ``ValueError`` for bad input and :class:`IngestError` when
        extraction or the write failed (then nothing of the session is stored).
        """
        from kgmem.memory.ingest import ingest_session

        user = validate_user_id(user)
        msgs = [m if isinstance(m, ChatMessage) else ChatMessage.model_validate(m) for m in messages]
        when = timestamp or datetime.now().replace(microsecond=0)
        session = session_from_messages(user, msgs, when, session_id)
        t0 = time.perf_counter()
        with self.user_lock(user):
            self.store.check_embedding_dim(self.embedder.dim)
            # the embedded store's batch holds the user's file lock across plan and write, so
            # another process ingesting the same user cannot interleave either
            batch = getattr(self.store, "batch", None)
            with batch(user) if callable(batch) else contextlib.nullcontext():
                report = ingest_session(self.store, user, session, extractor=self.extractor,
                                        embedder=self.embedder, cache=self.extraction_cache)
        _raise_failure(report, user, session.id)
        if report.sessions_written:
            self._prime(session.turns)
        result = AddResult(user_id=user, session_id=session.id, stored=not report.sessions_skipped,
                           turns=len(session.turns))
        if result.stored:
            added = self.store.facts(user, FactFilter(session_id=session.id))
            new_ids = {f.id for f in added}
            result.facts_added = sorted(added, key=lambda f: (f.source_turn_ids, f.id))
            result.supersessions = [s for s in self.store.supersessions(user)
                                    if s.new_fact_id in new_ids or s.old_fact_id in new_ids]
            result.facts_merged = report.facts_merged
            result.entities = report.entities
        result.seconds = time.perf_counter() - t0
        return result

    def list_users(self) -> list[str]:
        """Every user id with memory in this store, sorted."""
        return sorted(self.store.users())

    def has_user(self, user: str) -> bool:
        return user in self.store.users()

    def require_user(self, user: str) -> str:
        """``user`` when it has memory here, else :class:`UnknownUserError` (never an empty
        success for a mistyped id)."""
        if not isinstance(user, str) or not self.has_user(user):
            raise UnknownUserError(str(user))
        return user

    def facts(self, user: str, predicate: str | None = None, subject: str | None = None,
              as_of: datetime | None = None, current_only: bool = False) -> list[Fact]:
        """What memory holds about ``user``, oldest first: every fact, or those of one
        ``predicate`` / ``subject`` (a name, ``"user"``, or an entity id); ``as_of`` gives the
        memory as it stood then; ``current_only`` drops superseded versions."""
        flt = FactFilter(predicate=predicate, as_of=as_of, current_only=current_only)
        facts = self.store.facts(user, flt)
        if subject is not None:
            keep = {f.id for f in self.history(user, subject, predicate)}
            facts = [f for f in facts if f.id in keep]
        return sorted(facts, key=lambda f: (f.observed_at, f.valid_from or f.observed_at, f.id))

    def slot_history(self, user: str, subject: str = "user", predicate: str | None = None) -> SlotHistory:
        """:meth:`history` plus the SUPERSEDES edges between its versions."""
        facts = self.history(user, subject, predicate)
        ids = {f.id for f in facts}
        edges = [s for s in self.store.supersessions(user) if s.new_fact_id in ids and s.old_fact_id in ids]
        return SlotHistory(user_id=user, subject=subject, predicate=predicate, facts=facts,
                           supersessions=sorted(edges, key=lambda s: (s.at, s.new_fact_id)))

    def delete_user_locked(self, user: str) -> int:
        """:meth:`delete_user` under the user's write lock (no ingest of that user interleaves)."""
        with self.user_lock(user):
            return self.delete_user(user)


def _raise_failure(report: IngestReport, user: str, session_id: str) -> None:
    """A single-session write is all or nothing: its recorded failure becomes an exception."""
    if report.failures:
        failure = report.failures[0]
        raise IngestError(f"session {session_id!r} of user {user!r} was not stored "
                          f"({failure.get('stage')}: {failure.get('error')})")
