"""The Python API: :class:`Memory` — add conversations, then search and answer over them.

>>> from kgmem.api import Memory          # doctest: +SKIP
>>> mem = Memory()                        # settings from env / ~/.kgmem/config.toml
>>> mem.add_session("alice", session)     # a kgmem.models.Session
>>> mem.answer("alice", "Where do I live now?").text

Everything heavy (store, embedder, answer model, extractor) is created on first use, so
constructing a ``Memory`` is cheap and tests can inject deterministic parts.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from kgmem.ids import resolve_namespace
from kgmem.models import Answer, Fact, Haystack, Session
from kgmem.retrieval.planner import plan_query
from kgmem.retrieval.recipes import get_recipe
from kgmem.retrieval.search import RetrievalResult, Retriever
from kgmem.settings import Settings
from kgmem.store.base import FactFilter, StoreStats

if TYPE_CHECKING:
    from kgmem.answer.answerer import Answerer
    from kgmem.embeddings import Embedder
    from kgmem.llm.base import LLM
    from kgmem.memory.ingest import IngestReport
    from kgmem.store.base import MemoryStore


@dataclass(frozen=True)
class IngestProgress:
    """One step of :meth:`Memory.ingest_haystacks`, for the caller's progress display.

    Reported when a haystack starts (``sessions_done == 0``), after each of its sessions, and
    when it is finished (``haystack_done``). ``haystack`` counts from 1.
    """

    haystack: int
    user_id: str
    sessions_done: int
    sessions_total: int
    haystack_done: bool = False


IngestProgressFn = Callable[[IngestProgress], None]


class Memory:
    """A knowledge-graph temporal memory for one store (many users).

    ``llm``: an :class:`~kgmem.llm.base.LLM`; ``None`` builds the configured answer model on
    first use; ``False`` answers without a model (deterministic answers, abstentions, otherwise
    the best memory line). ``recipe`` names the retrieval recipe (see
    :mod:`kgmem.retrieval.recipes`).
    """

    def __init__(self, settings: Settings | None = None, store: MemoryStore | None = None,
                 llm: LLM | None | Literal[False] = None, embedder: Embedder | None = None,
                 *, recipe: str | None = None, extractor: Any = None) -> None:
        self.settings = settings or Settings.load()
        self._store = store
        self._llm = llm
        self._embedder = embedder
        self._extractor = extractor
        if recipe is not None:
            get_recipe(recipe)  # an unknown name fails here, listing the known ones
        self.recipe = recipe
        self._answerer: Answerer | None = None
        self._extraction_cache: Any = None

    # ------------------------------------------------------------------ lazy parts

    @property
    def store(self) -> MemoryStore:
        if self._store is None:
            from kgmem.store import open_store

            self._store = open_store(self.settings)
        return self._store

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from kgmem.embeddings import embedder_from_settings

            self._embedder = embedder_from_settings(self.settings)
        return self._embedder

    @property
    def llm(self) -> LLM | None:
        if self._llm is None:
            from kgmem.llm import get_llm

            self._llm = get_llm(self.settings, role="answer")
        return self._llm or None

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            if self.settings.extraction_tier == "llm":
                from kgmem.extraction.agent import LLMExtractor
                from kgmem.llm import get_llm

                self._extractor = LLMExtractor(get_llm(self.settings, role="extraction"))
            else:
                from kgmem.extraction.rules import RuleExtractor

                self._extractor = RuleExtractor()
        return self._extractor

    @property
    def extraction_cache(self) -> Any:
        """Extraction results cached per session content (haystacks share filler sessions)."""
        if self._extraction_cache is None:
            from kgmem.extraction.cache import CACHE_FILENAME, ExtractionCache

            self._extraction_cache = ExtractionCache(self.settings.cache_dir / CACHE_FILENAME)
        return self._extraction_cache

    @property
    def answerer(self) -> Answerer:
        if self._answerer is None:
            from kgmem.answer.answerer import Answerer

            self._answerer = Answerer(self.llm, context_tokens=self.settings.context_tokens)
        return self._answerer

    # ------------------------------------------------------------------ writes

    def add_session(self, user: str, session: Session) -> None:
        """Extract facts from one dated session and write it to ``user``'s memory."""
        from kgmem.memory.ingest import ingest_session

        ingest_session(self.store, user, session, extractor=self.extractor, embedder=self.embedder,
                       cache=self.extraction_cache)

    def ingest_haystack(self, haystack: Haystack, *, embed: bool = True,
                        on_progress: Callable[[int, int, str], None] | None = None) -> IngestReport:
        """Ingest every session of a benchmark haystack into its namespace (labels unread).

        ``embed=False`` writes no vectors (keyword and graph search only); ``on_progress`` is
        called as ``(sessions_done, sessions_total, session_id)`` after each session.
        """
        from kgmem.memory.ingest import ingest_haystack

        return ingest_haystack(self.store, haystack, extractor=self.extractor,
                               embedder=self.embedder if embed else None,
                               cache=self.extraction_cache, on_progress=on_progress)

    def ingest_haystacks(self, haystacks: Iterable[Haystack], *, embed: bool = True,
                         on_progress: IngestProgressFn | None = None) -> IngestReport:
        """Ingest many haystacks (each into its own namespace); returns the summed report.

        Sessions already stored are skipped, so re-running resumes. Failed sessions are listed
        in ``report.failures`` and left unwritten; ``report.users`` counts the haystacks.
        """
        from kgmem.memory.ingest import IngestReport

        total = IngestReport()
        start = time.perf_counter()
        for index, haystack in enumerate(haystacks, 1):
            def step(done: int, n: int, _sid: str, index: int = index, user: str = haystack.user_id) -> None:
                if on_progress is not None:
                    on_progress(IngestProgress(index, user, done, n))

            step(0, len(haystack.sessions), "")
            total.add(self.ingest_haystack(haystack, embed=embed, on_progress=step))
            if on_progress is not None:
                n = len(haystack.sessions)
                on_progress(IngestProgress(index, haystack.user_id, n, n, haystack_done=True))
        total.seconds = time.perf_counter() - start
        return total

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
        plan = plan_query(query, question_date or as_of or datetime.now().replace(microsecond=0), as_of=as_of)
        return Retriever(self.store, self.embedder, recipe or self.recipe).retrieve(user, plan)

    def answer(self, user: str, question: str, question_date: datetime | None = None,
               as_of: datetime | None = None, recipe: str | None = None, *,
               explain: bool = False) -> Answer:
        """Answer a question from ``user``'s memory; ``question_date`` is "today" (default: now,
        or ``as_of`` when given); ``as_of`` answers from what memory held at that time.
        ``explain`` adds ``extra["explain"]``: the plan, each retriever's top ids, the ranked
        sessions and the context."""
        t0 = time.perf_counter()
        qd = question_date or as_of or datetime.now().replace(microsecond=0)
        plan = plan_query(question, qd, as_of=as_of)
        t1 = time.perf_counter()
        result = Retriever(self.store, self.embedder, recipe or self.recipe).retrieve(user, plan)
        t2 = time.perf_counter()
        ans = self.answerer.answer(result)
        ans.timings_ms = {"plan": (t1 - t0) * 1000, "retrieve": (t2 - t1) * 1000,
                          "answer": ans.timings_ms.get("answer", (time.perf_counter() - t2) * 1000)}
        ans.extra.setdefault("plan", plan.model_dump(mode="json"))
        if explain:
            ans.extra["explain"] = {
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

    def close(self) -> None:
        """Close the store (flushes an embedded store to disk)."""
        if self._store is not None:
            self._store.close()

    def __enter__(self) -> Memory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
