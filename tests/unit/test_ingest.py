"""The ingestion pipeline: idempotence, out-of-order sessions, atomic failures, labels unread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from kgmem import ids
from kgmem.extraction.cache import ExtractionCache
from kgmem.extraction.schema import CandidateFact, ExtractionResult
from kgmem.extraction.zero import RuleExtractor
from kgmem.memory.ingest import ingest_haystack, ingest_session
from kgmem.models import Haystack, HaystackLabels, Session, Turn
from kgmem.store.base import FactFilter
from kgmem.store.networkx_store import NetworkxStore

UID = "test:q1"


class HashEmbedder:
    """Deterministic 16-dim unit vectors from a text hash (the real model is not the point)."""

    name = "hash-16"
    dim = 16

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            seed = int(ids.stable_hash(t, length=8), 16)
            v = np.random.default_rng(seed).normal(size=self.dim)
            out[i] = v / np.linalg.norm(v)
        return out


def session(sid: str, day: datetime, *texts: tuple[str, str], uid: str = UID) -> Session:
    return Session(id=sid, user_id=uid, started_at=day, source_id=sid, turns=[
        Turn(id=ids.turn_id(sid, i), session_id=sid, idx=i, role=role, text=text)  # type: ignore[arg-type]
        for i, (role, text) in enumerate(texts)])


JAN, MAR, MAY = datetime(2023, 1, 10, 9), datetime(2023, 3, 14, 18), datetime(2023, 5, 2, 12)
S_A = session("sa", JAN, ("user", "I moved to Denver in December."), ("assistant", "Welcome to Colorado!"))
S_B = session("sb", MAR, ("user", "Quick update: I moved to Boston last week. I bought a kayak yesterday."),
              ("assistant", "I'd recommend the Charles River for paddling."))
S_C = session("sc", MAY, ("user", "I just moved to Austin!"), ("assistant", "Enjoy the tacos."))


def haystack(*sessions: Session, labels: bool = True) -> Haystack:
    return Haystack(
        user_id=UID, question_id="q1", question="Where do I live now?", question_date=datetime(2023, 6, 1),
        sessions=list(sessions),
        labels=HaystackLabels(question_type="knowledge-update", answer="Austin",
                              answer_session_ids=["sc"], evidence_turn_ids=["sc:0"]) if labels else None,
    )


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def snapshot(store: NetworkxStore, uid: str = UID) -> tuple[object, ...]:
    return (
        [s.model_dump() for s in store.sessions(uid)],
        [t.model_dump() for t in store.turns(uid)],
        [e.model_dump() for e in store.entities(uid)],
        [f.model_dump() for f in store.facts(uid)],
        [s.model_dump() for s in store.supersessions(uid)],
    )


def lives_in_chain(store: NetworkxStore) -> list[tuple[str | None, datetime | None]]:
    facts = store.facts(UID, FactFilter(predicate="lives_in"))
    newest = max(facts, key=lambda f: f.observed_at)
    return [(f.value, f.invalid_at) for f in store.supersession_chain(UID, newest.id)]


def test_ingest_builds_chain_and_is_idempotent(tmp_path: Path, extractor: RuleExtractor) -> None:
    store = NetworkxStore(tmp_path / "nx")
    emb = HashEmbedder()
    rep = ingest_haystack(store, haystack(S_A, S_B, S_C), extractor=extractor, embedder=emb)
    assert rep.sessions_written == 3 and rep.sessions_failed == 0
    assert lives_in_chain(store) == [("Austin", None), ("Boston", MAY), ("Denver", MAR)]
    kayak = store.facts(UID, FactFilter(predicate="bought"))
    assert [(f.value, f.valid_from) for f in kayak] == [("kayak", datetime(2023, 3, 13))]
    assert [f.value for f in store.facts(UID, FactFilter(predicate="assistant_recommended"))] == ["Charles River"]
    before = snapshot(store)
    again = ingest_haystack(store, haystack(S_A, S_B, S_C), extractor=extractor, embedder=emb)
    assert again.sessions_written == 0 and again.sessions_skipped == 3
    assert snapshot(store) == before
    # a new session appends incrementally
    s_d = session("sd", datetime(2023, 5, 20), ("user", "I adopted a greyhound named Pixel."))
    more = ingest_haystack(store, haystack(S_A, S_B, S_C, s_d), extractor=extractor, embedder=emb)
    assert more.sessions_written == 1
    assert {f.value for f in store.facts(UID, FactFilter(predicate="pet_name"))} == {"Pixel"}


@pytest.mark.parametrize("order", [("sc", "sb", "sa"), ("sa", "sc", "sb"), ("sb", "sa", "sc")])
def test_out_of_order_sessions_give_the_same_graph(tmp_path: Path, extractor: RuleExtractor,
                                                   order: tuple[str, ...]) -> None:
    ref = NetworkxStore(tmp_path / "ref")
    ingest_haystack(ref, haystack(S_A, S_B, S_C), extractor=extractor, embedder=None)
    store = NetworkxStore(tmp_path / "ooo")
    by_id = {s.id: s for s in (S_A, S_B, S_C)}
    for sid in order:
        ingest_session(store, UID, by_id[sid], extractor=extractor, embedder=None)
    assert lives_in_chain(store) == lives_in_chain(ref)
    assert {(s.new_fact_id, s.old_fact_id) for s in store.supersessions(UID)} == \
        {(s.new_fact_id, s.old_fact_id) for s in ref.supersessions(UID)}
    assert [f.model_dump() for f in store.facts(UID)] == [f.model_dump() for f in ref.facts(UID)]


class FailingExtractor:
    """Raises on one session's content (mid-haystack), delegates otherwise."""

    name = "failing"

    def __init__(self, inner: RuleExtractor, poison: str) -> None:
        self.inner = inner
        self.poison = poison

    @property
    def cache_key(self) -> str:
        return "failing|1"

    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        if any(self.poison in text for _, text in turns):
            raise RuntimeError("extractor crashed halfway")
        return self.inner.extract(turns, session_date)


def test_failed_session_leaves_nothing_half_written(tmp_path: Path, extractor: RuleExtractor) -> None:
    store = NetworkxStore(tmp_path / "nx")
    rep = ingest_haystack(store, haystack(S_A, S_B, S_C), extractor=FailingExtractor(extractor, "kayak"),
                          embedder=HashEmbedder())
    assert rep.sessions_failed == 1 and rep.failures[0]["session_id"] == "sb"
    assert not store.has_session(UID, "sb")
    assert store.turns(UID, session_id="sb") == []
    assert all(f.session_id != "sb" for f in store.facts(UID))
    # a re-run with a working extractor fills the gap and re-links the chain
    ingest_haystack(store, haystack(S_A, S_B, S_C), extractor=extractor, embedder=HashEmbedder())
    assert lives_in_chain(store) == [("Austin", None), ("Boston", MAY), ("Denver", MAR)]


def test_labels_are_not_read(tmp_path: Path, extractor: RuleExtractor) -> None:
    with_labels = NetworkxStore(tmp_path / "a")
    without = NetworkxStore(tmp_path / "b")
    emb = HashEmbedder()
    ingest_haystack(with_labels, haystack(S_A, S_B, S_C, labels=True), extractor=extractor, embedder=emb)
    ingest_haystack(without, haystack(S_A, S_B, S_C, labels=False), extractor=extractor, embedder=emb)
    assert snapshot(with_labels) == snapshot(without)


def test_unicode_huge_and_empty_sessions(tmp_path: Path, extractor: RuleExtractor) -> None:
    store = NetworkxStore(tmp_path / "nx")
    huge = "I moved to Zürich last month. " + ("Ünïcødé ✓ 日本語 " * 70_000)
    assert len(huge.encode("utf-8")) > 1_000_000
    s_big = session("big", JAN, ("user", huge), ("assistant", "😀 " * 10))
    s_empty = session("empty", MAR)
    s_blank = session("blank", MAY, ("user", ""), ("assistant", "   "))
    rep = ingest_haystack(store, haystack(s_big, s_empty, s_blank), extractor=extractor, embedder=HashEmbedder())
    assert rep.sessions_written == 3 and rep.sessions_failed == 0
    assert store.has_session(UID, "empty")
    assert [f.value for f in store.facts(UID, FactFilter(predicate="lives_in"))] == ["Zürich"]
    assert store.turns(UID, ids=["big:0"])[0].text == huge


class CountingExtractor:
    name = "counting"

    def __init__(self, inner: RuleExtractor) -> None:
        self.inner = inner
        self.calls = 0

    @property
    def cache_key(self) -> str:
        return "counting|1"

    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        self.calls += 1
        return self.inner.extract(turns, session_date)


def test_extraction_cache_is_shared_across_haystacks_and_redated(tmp_path: Path, extractor: RuleExtractor) -> None:
    cache = ExtractionCache(tmp_path / "cache" / "extraction.sqlite")
    counting = CountingExtractor(extractor)
    store = NetworkxStore(tmp_path / "nx")
    ingest_haystack(store, haystack(S_B), extractor=counting, embedder=None, cache=cache)
    assert counting.calls == 1
    # the same content in another namespace, said on another date
    other_b = session("sb2", datetime(2023, 8, 1, 10), *[(t.role, t.text) for t in S_B.turns], uid="test:q2")
    h2 = Haystack(user_id="test:q2", question_id="q2", question="?", question_date=datetime(2023, 9, 1),
                  sessions=[other_b])
    rep = ingest_haystack(store, h2, extractor=counting, embedder=None, cache=cache)
    assert counting.calls == 1 and rep.extraction_cache_hits == 1
    kayak = store.facts("test:q2", FactFilter(predicate="bought"))[0]
    assert kayak.valid_from == datetime(2023, 7, 31)  # "yesterday" re-resolved for the new date


class NextVersion(CountingExtractor):
    """The same rules under another cache key: what an upgraded extractor looks like to the cache."""

    @property
    def cache_key(self) -> str:
        return "counting|2"


def test_sessions_stored_by_another_extractor_version_are_reported_not_mixed_silently(
        tmp_path: Path, extractor: RuleExtractor) -> None:
    cache = ExtractionCache(tmp_path / "cache" / "extraction.sqlite")
    store = NetworkxStore(tmp_path / "nx")
    h = haystack(S_B)
    ingest_haystack(store, h, extractor=CountingExtractor(extractor), embedder=None, cache=cache)
    same = ingest_haystack(store, h, extractor=CountingExtractor(extractor), embedder=None, cache=cache)
    assert same.sessions_skipped == 1 and same.sessions_stale == 0
    newer = NextVersion(extractor)
    rep = ingest_haystack(store, h, extractor=newer, embedder=None, cache=cache)
    assert rep.sessions_skipped == 1 and rep.sessions_stale == 1 and newer.calls == 0
    assert rep.sessions_written == 0  # the stored facts are kept as they were, and the report says so


def test_candidate_with_unknown_turn_index_is_clamped(tmp_path: Path) -> None:
    class OneFact:
        name = "one"
        cache_key = "one|1"

        def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
            return ExtractionResult(facts=[CandidateFact(predicate="hobby", value="chess", value_type="item",
                                                         source_turns=[0, 99])])

    store = NetworkxStore(tmp_path / "nx")
    ingest_haystack(store, haystack(S_A), extractor=OneFact(), embedder=None)
    (f,) = store.facts(UID, FactFilter(predicate="hobby"))
    assert f.source_turn_ids == ["sa:0"]


def test_real_minilm_embeddings_are_stored(tmp_path: Path, extractor: RuleExtractor) -> None:
    from kgmem.embeddings import load_embedder

    emb = load_embedder()
    store = NetworkxStore(tmp_path / "nx")
    ingest_haystack(store, haystack(S_A, S_B, S_C), extractor=extractor, embedder=emb)
    assert store.embedding_dim() == 384
    q = emb.embed(["Which river did you suggest for kayaking?"])[0]
    hits = store.vector_search(UID, "turn", q.tolist(), k=1)
    assert hits and hits[0].id == "sb:1"
