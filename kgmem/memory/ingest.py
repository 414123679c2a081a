"""Ingestion pipeline: haystack → per-session atomic :class:`SessionWrite` → store.

One user namespace per haystack (``haystack.user_id``). Per session: extraction (cached per
unique session content), entity resolution and reconciliation (:class:`MemoryManager`),
embeddings (cached and batched) make one atomic :class:`SessionWrite`; a session whose extraction
or embedding fails leaves nothing half-written, and a re-run retries just that session. Many
haystacks go through :func:`ingest_haystacks`: planning runs ahead of the writer, and the writes
of many sessions share one store transaction (:mod:`kgmem.memory.pipeline`, atomic per batch).
Sessions already stored are skipped (idempotent, incremental). ``haystack.labels`` is never read.

What is embedded (measured in ``eval/bench_ingest.py``): every user turn (first
:data:`EMBED_CHARS` characters: MiniLM reads 256 word pieces anyway), the head of every
assistant turn (so "what did you recommend" stays vector-retrievable at a fraction of the cost;
the full text is keyword-indexed by the store) and every fact's text. Entities are only
keyword/graph-indexed. ``EmbedPolicy`` switches turns to user-only or off for measurement.
Measured (eval/results/ingest.md): user-only embedding keeps session recall but loses the
assistant-evidence turns to vector search (found again by the heads), so the heads stay; 200-char
heads keep the recall of 400-char ones at 1.75x less embedding CPU.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from kgmem import ids
from kgmem.embeddings import Embedder
from kgmem.extraction.cache import ExtractionCache
from kgmem.extraction.schema import ExtractionResult, Extractor
from kgmem.memory import pipeline
from kgmem.memory.manager import MemoryManager, PlannedWrite, ReconcileCounts
from kgmem.models import Haystack, Session, SessionWrite, Tally
from kgmem.store.base import MemoryStore

log = logging.getLogger(__name__)
EMBED_CHARS = 1500
TurnPolicy = Literal["all", "user", "none"]

ProgressFn = Callable[[int, int, str], None]


@dataclass(frozen=True)
class EmbedPolicy:
    """Which nodes get vectors: turns (all / user only / none) and facts.

    ``assistant_chars`` caps the text of assistant turns that is embedded: their head usually
    names what was recommended or stated, and embedding cost grows with length (measured in
    eval/results/ingest.md); ``None`` embeds up to :data:`EMBED_CHARS` like user turns.
    """

    turns: TurnPolicy = "all"
    facts: bool = True
    assistant_chars: int | None = 200


@dataclass
class IngestReport(Tally):
    """What one ingest did (summed over haystacks by :meth:`add`)."""

    users: int = 0
    sessions_total: int = 0
    sessions_written: int = 0
    sessions_skipped: int = 0
    #: of the skipped sessions, those the extraction cache holds no result for under the current
    #: extractor: stored by another extractor version (or without a cache); their facts are kept
    #: as they were, so a user is told instead of silently mixing versions
    sessions_stale: int = 0
    sessions_failed: int = 0
    turns: int = 0
    facts_added: int = 0
    facts_merged: int = 0
    supersessions: int = 0
    entities: int = 0
    extraction_cache_hits: int = 0
    extraction_fallbacks: int = 0
    extracted_sessions: int = 0
    extracted_tokens: int = 0  # whitespace tokens of sessions actually extracted (not cached)
    embedded_texts: int = 0
    seconds: float = 0.0
    seconds_extract: float = 0.0
    seconds_embed: float = 0.0
    seconds_store: float = 0.0
    failures: list[dict[str, str]] = field(default_factory=list)
    #: distinct reasons the LLM extraction tier fell back to the zero-LLM facts (e.g. unreachable)
    extraction_notes: list[str] = field(default_factory=list)

    def add(self, other: IngestReport) -> None:
        """Numbers summed, failures listed, each fallback reason kept once."""
        super().add(other)
        self.extraction_notes = list(dict.fromkeys(self.extraction_notes))

    def to_dict(self) -> dict[str, object]:
        return dict(vars(self))

    def count_failed(self, session_id: str, stage: str, error: str | BaseException) -> None:
        """One session left unwritten: counted and listed (a re-run retries it)."""
        text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        self.sessions_failed += 1
        self.failures.append({"session_id": session_id, "stage": stage, "error": text[:500]})

    def count_written(self, session: Session, planned: PlannedWrite) -> None:
        """One session stored: its turns and what reconciliation made of its facts."""
        c: ReconcileCounts = planned.counts
        self.sessions_written += 1
        self.turns += len(session.turns)
        self.facts_added += c.added + c.superseded
        self.facts_merged += c.merged
        self.supersessions += len(planned.write.supersessions)
        self.entities += len(planned.write.entities)


def check_session(session: Session, user_id: str | None = None) -> None:
    """Raise ``ValueError`` naming the session and field when ``session`` cannot be stored as given.

    Facts cite their source turns as ``<session id>:<position>`` (:func:`kgmem.ids.turn_id`), so a
    turn under another id, index or session would leave the session's facts citing turns that are
    not there, and the store refuses the whole write."""
    where = f"session {session.id!r}" + (f" of user {user_id!r}" if user_id is not None else "")
    if not session.id.strip():
        raise ValueError(f"{where}: field 'id' is empty")
    problems: list[str] = []
    for i, turn in enumerate(session.turns):
        expected = ids.turn_id(session.id, i)
        if turn.session_id != session.id:
            problems.append(f"turns[{i}].session_id is {turn.session_id!r}, expected {session.id!r}")
        if turn.idx != i:
            problems.append(f"turns[{i}].idx is {turn.idx}, expected its position {i}")
        if turn.id != expected:
            problems.append(f"turns[{i}].id is {turn.id!r}, expected {expected!r}")
    if problems:
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise ValueError(f"{where}: " + "; ".join(problems[:3]) + more
                         + "; a turn is '<session id>:<position>' at its position in the session")


def _valid_sessions(sessions: Sequence[Session], report: IngestReport) -> list[Session]:
    """The sessions that :func:`check_session` accepts; the others are counted failed (stage
    ``validate``) and left unwritten, so one malformed session does not stop a batch."""
    valid: list[Session] = []
    for s in sessions:
        try:
            check_session(s, s.user_id)
        except ValueError as exc:
            report.count_failed(s.id, "validate", str(exc))
        else:
            valid.append(s)
    return valid


def _turn_pairs(session: Session) -> list[tuple[str, str]]:
    return [(t.role, t.text) for t in session.turns]


def extract_sessions(
    sessions: Sequence[Session],
    extractor: Extractor,
    cache: ExtractionCache | None,
    report: IngestReport,
) -> dict[str, ExtractionResult | BaseException]:
    """Extraction for each session id: a cached result, a fresh one, or the exception it raised."""
    out: dict[str, ExtractionResult | BaseException] = {}
    todo: list[tuple[Session, str]] = []
    for s in sessions:
        digest = ids.session_content_digest(_turn_pairs(s))
        hit = cache.get(digest, extractor.cache_key, s.started_at) if cache else None
        if hit is not None:
            out[s.id] = hit
            report.extraction_cache_hits += 1
        else:
            todo.append((s, digest))
    if not todo:
        return out
    # the same content twice in one haystack is extracted once
    unique: dict[str, Session] = {}
    for s, digest in todo:
        unique.setdefault(digest, s)
    results: dict[str, ExtractionResult | BaseException] = {}
    many = getattr(extractor, "extract_many", None)
    if callable(many) and len(unique) > 1:
        try:
            batch = many([(_turn_pairs(s), s.started_at) for s in unique.values()])
            results = dict(zip(unique.keys(), batch))
        except Exception:  # noqa: BLE001 - isolate the failing session by retrying one by one
            results = {}
    for digest, s in unique.items():
        if digest in results:
            continue
        try:
            results[digest] = extractor.extract(_turn_pairs(s), s.started_at)
        except Exception as exc:  # noqa: BLE001 - recorded per session, never half-written
            results[digest] = exc
    for digest, s in unique.items():
        res = results[digest]
        report.extracted_sessions += 1
        report.extracted_tokens += sum(len(t.text.split()) for t in s.turns)
        if isinstance(res, ExtractionResult):
            if res.fallback_reason:
                report.extraction_fallbacks += 1
                note = res.fallback_reason.split(";")[0][:300]
                if note not in report.extraction_notes and len(report.extraction_notes) < 5:
                    report.extraction_notes.append(note)
            if cache is not None:
                cache.put(digest, extractor.cache_key, res)
    for s, digest in todo:
        res = results[digest]
        if isinstance(res, ExtractionResult) and res is not None:
            # the same content under another date: re-date the shared result
            from kgmem.extraction.cache import redate

            out[s.id] = res if s is unique[digest] else redate(res, s.started_at)
        else:
            out[s.id] = res
    return out


def turn_texts(session: Session, policy: EmbedPolicy) -> list[tuple[str, str]]:
    """(turn id, text to embed) for the turns the policy embeds."""
    if policy.turns == "none":
        return []
    out: list[tuple[str, str]] = []
    for t in session.turns:
        if not t.text.strip() or (policy.turns == "user" and t.role != "user"):
            continue
        cap = EMBED_CHARS if t.role == "user" or policy.assistant_chars is None else policy.assistant_chars
        out.append((t.id, t.text[: min(cap, EMBED_CHARS)]))
    return out


class MemoEmbedder:
    """Serves texts embedded ahead of time in one large batch; embeds the rest on demand.

    Why: one batched call per haystack instead of one small call per session (padding-sorted
    batches of 64 are several times faster than many calls of five texts)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._memo: dict[str, Any] = {}

    def prefetch(self, texts: Sequence[str]) -> None:
        todo = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if todo:
            for t, v in zip(todo, self.inner.embed(todo)):
                self._memo[t] = v

    def embed(self, texts: Sequence[str]) -> Any:
        self.prefetch(texts)
        import numpy as np

        return np.stack([self._memo[t] for t in texts]) if texts else np.zeros((0, self.dim), dtype=np.float32)


def embed_write(write: SessionWrite, embedder: Embedder, policy: EmbedPolicy) -> int:
    """Fill the write's embedding maps in one batched call; returns the number of texts."""
    keys: list[tuple[str, str]] = []
    texts: list[str] = []
    for tid, text in turn_texts(write.session, policy):
        keys.append(("turn", tid))
        texts.append(text)
    if policy.facts:
        for f in write.facts:
            keys.append(("fact", f.id))
            texts.append(f.text[:EMBED_CHARS])
    if not texts:
        return 0
    vecs = embedder.embed(texts)
    for (kind, node_id), vec in zip(keys, vecs):
        target = write.turn_embeddings if kind == "turn" else write.fact_embeddings
        target[node_id] = [float(x) for x in vec]
    return len(texts)


def plan_haystack(store: MemoryStore, haystack: Haystack, *, extractor: Extractor, embedder: Embedder | None,
                  cache: ExtractionCache | None, policy: Any,
                  should_stop: Callable[[], bool] = lambda: False) -> pipeline.PlannedHaystack:
    """Everything but the store write for one haystack: extraction, embedding, reconciliation.

    The manager's slot index is advanced as if every write will land; the writer stops the
    user's later writes when one does not. Extraction and embedding run in chunks of
    :data:`~kgmem.memory.pipeline.PLAN_CHUNK` sessions, checking ``should_stop`` between them (raises :class:`~kgmem.memory.pipeline.Stopped`),
    so a failed writer ends the process within a chunk's time, not a haystack's."""
    start = time.perf_counter()
    user_id = haystack.user_id
    report = IngestReport(users=1, sessions_total=len(haystack.sessions))
    planned = pipeline.PlannedHaystack(haystack=haystack, report=report)
    order = sorted(range(len(haystack.sessions)), key=lambda i: (haystack.sessions[i].started_at, i))
    sessions = [haystack.sessions[i] for i in order]
    sessions = [s if s.user_id == user_id else s.model_copy(update={"user_id": user_id}) for s in sessions]
    stored = {s.id for s in store.sessions(user_id)}
    todo = [s for s in sessions if s.id not in stored]
    report.sessions_skipped = len(sessions) - len(todo)
    if cache is not None and report.sessions_skipped:
        report.sessions_stale = sum(
            cache.get(ids.session_content_digest(_turn_pairs(s)), extractor.cache_key, s.started_at) is None
            for s in sessions if s.id in stored)
        if report.sessions_stale:
            log.warning("%s: %d stored session(s) were not extracted by the current extractor (%s); their "
                        "facts are kept as they were: ingest into a fresh KGMEM_HOME to re-extract",
                        user_id, report.sessions_stale, extractor.cache_key)
    todo = _valid_sessions(todo, report)
    if not todo:
        report.seconds = time.perf_counter() - start
        return planned
    extracted: dict[str, Any] = {}
    memo = MemoEmbedder(embedder) if embedder is not None else None
    for i in range(0, len(todo), pipeline.PLAN_CHUNK):
        chunk = todo[i:i + pipeline.PLAN_CHUNK]
        if should_stop():
            raise pipeline.Stopped()
        t0 = time.perf_counter()
        extracted.update(extract_sessions(chunk, extractor, cache, report))
        report.seconds_extract += time.perf_counter() - t0
        if memo is not None:
            if should_stop():
                raise pipeline.Stopped()
            t0 = time.perf_counter()
            memo.prefetch([text for s in chunk for _, text in turn_texts(s, policy)])
            report.seconds_embed += time.perf_counter() - t0
    manager = MemoryManager(store, user_id, embed=memo.embed if memo is not None else None)
    for s in todo:
        item = _plan_session(manager, s, extracted[s.id], memo, policy, report)
        if item is not None:
            planned.writes.append((s, item))
    planned.pending = len(planned.writes)
    report.seconds += time.perf_counter() - start
    return planned


def _plan_session(manager: MemoryManager, session: Session, extracted: ExtractionResult | BaseException,
                  embedder: Embedder | None, policy: Any, report: IngestReport,
                  store: MemoryStore | None = None) -> PlannedWrite | None:
    """Reconcile (and embed) one session's facts; with ``store``, also write it there (one atomic
    write, counted). None when it failed: counted and listed, the manager rolled back."""
    if isinstance(extracted, BaseException):
        report.count_failed(session.id, "extract", extracted)
        return None
    try:
        planned = manager.plan_session(session, extracted.facts, extracted.probes)
        if embedder is not None:
            t0 = time.perf_counter()
            report.embedded_texts += embed_write(planned.write, embedder, policy)
            report.seconds_embed += time.perf_counter() - t0
        if store is not None:
            t0 = time.perf_counter()
            store.apply(planned.write)
            report.seconds_store += time.perf_counter() - t0
    except Exception as exc:  # noqa: BLE001 - recorded per session, never half-written (the write is atomic)
        manager.rollback()
        report.count_failed(session.id, "plan" if store is None else "write", exc)
        return None
    manager.commit(planned)
    if store is not None:
        report.count_written(session, planned)
    return planned


def ingest_session(
    store: MemoryStore,
    user_id: str,
    session: Session,
    *,
    extractor: Extractor,
    embedder: Embedder | None,
    cache: ExtractionCache | None = None,
    manager: MemoryManager | None = None,
    policy: EmbedPolicy = EmbedPolicy(),
) -> IngestReport:
    """Ingest one session into ``user_id`` (skipped when already stored). A failure (a malformed
    session, extraction, the write) is in ``report.failures`` and nothing of the session is stored."""
    report = IngestReport(sessions_total=1)
    if session.user_id != user_id:
        session = session.model_copy(update={"user_id": user_id})
    if store.has_session(user_id, session.id):
        report.sessions_skipped = 1
        return report
    if not _valid_sessions([session], report):
        return report
    manager = manager or MemoryManager(store, user_id, embed=embedder.embed if embedder is not None else None)
    extracted = extract_sessions([session], extractor, cache, report)
    _plan_session(manager, session, extracted[session.id], embedder, policy, report, store=store)
    return report


def ingest_haystack(
    store: MemoryStore,
    haystack: Haystack,
    *,
    extractor: Extractor,
    embedder: Embedder | None,
    cache: ExtractionCache | None = None,
    on_progress: ProgressFn | None = None,
    policy: EmbedPolicy = EmbedPolicy(),
    batch_sessions: int | None = None,
) -> IngestReport:
    """Ingest every session of ``haystack`` into its namespace, in chronological order.

    Never reads ``haystack.labels``. Returns counts and timings; failed sessions are listed in
    ``report.failures`` and left unwritten (a re-run retries them).
    """
    total = len(haystack.sessions)

    def on_session(item: Any, s: Session) -> None:
        if on_progress is not None:
            rep = item.report
            on_progress(rep.sessions_skipped + rep.sessions_written + rep.sessions_failed, total, s.id)

    return ingest_haystacks(store, [haystack], extractor=extractor, embedder=embedder, cache=cache,
                            policy=policy, batch_sessions=batch_sessions, on_session=on_session)


def ingest_haystacks(
    store: MemoryStore,
    haystacks: Iterable[Haystack],
    *,
    extractor: Extractor,
    embedder: Embedder | None,
    cache: ExtractionCache | None = None,
    policy: EmbedPolicy = EmbedPolicy(),
    batch_sessions: int | None = None,
    queue_haystacks: int | None = None,
    on_haystack: Callable[[Haystack, IngestReport], None] | None = None,
    on_session: Callable[[Any, Session], None] | None = None,
) -> IngestReport:
    """Ingest many haystacks (one namespace each): planning runs ahead of the store writer and
    the writes of consecutive haystacks share transactions (see :mod:`kgmem.memory.pipeline`).

    Returns the summed report (``users`` = haystacks); ``on_haystack`` is called once per
    haystack, in input order, when all its sessions are written (or failed).
    """
    start = time.perf_counter()
    if embedder is not None:
        store.check_embedding_dim(embedder.dim)

    def plan(h: Haystack, should_stop: Callable[[], bool]) -> pipeline.PlannedHaystack:
        return plan_haystack(store, h, extractor=extractor, embedder=embedder, cache=cache,
                                      policy=policy, should_stop=should_stop)

    reports = pipeline.run_pipeline(
        store, haystacks, plan,
        batch_sessions=batch_sessions or pipeline.DEFAULT_BATCH_SESSIONS,
        queue_haystacks=queue_haystacks or pipeline.DEFAULT_QUEUE_HAYSTACKS,
        on_haystack=on_haystack, on_session=on_session)
    total = IngestReport()
    for rep in reports:
        total.add(rep)
    total.seconds = time.perf_counter() - start
    return total
