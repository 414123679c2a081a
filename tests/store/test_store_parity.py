"""Ingesting the sample split into Neo4j and into networkx yields the same graph.

Same extractor, same (deterministic) embedder, same haystacks: the facts (id, slot, value, times,
invalidation) and the SUPERSEDES pairs must be equal id for id. Uses the real rule extractor and
the real loaders; the hashing embedder stands in for MiniLM because vectors are not compared.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kgmem.datasets.longmemeval import load_haystacks
from kgmem.datasets.registry import resolve_split
from kgmem.extraction.zero import RuleExtractor
from kgmem.memory.ingest import ingest_haystack
from kgmem.settings import Settings
from kgmem.store.base import MemoryStore
from kgmem.store.networkx_store import NetworkxStore

from .conftest import _neo4j_settings, _neo4j_unreachable
from .factories import HashEmbedder


@pytest.fixture
def neo() -> Iterator[MemoryStore]:
    uri, user, password, database = _neo4j_settings()
    reason = _neo4j_unreachable(uri, user, password)
    if reason is not None:
        pytest.skip(f"neo4j: no server reachable at {uri} ({reason}) (CI always starts one)")
    from kgmem.store.neo4j_store import Neo4jStore

    store = Neo4jStore(uri=uri, user=user, password=password, database=database)
    yield store
    store.close()


def _graph(store: MemoryStore, user_id: str) -> dict[str, Any]:
    facts = {
        f.id: (f.subject_id, f.predicate, f.object_id, f.value, f.valid_from, f.valid_to,
               f.observed_at, f.invalid_at, f.session_id, tuple(sorted(f.source_turn_ids)))
        for f in store.facts(user_id)
    }
    return {
        "facts": facts,
        "supersessions": sorted((s.new_fact_id, s.old_fact_id, s.at) for s in store.supersessions(user_id)),
        "entities": sorted((e.id, e.name) for e in store.entities(user_id)),
        "sessions": [s.id for s in store.sessions(user_id)],
        "turns": len(store.turns(user_id)),
    }


@pytest.mark.neo4j
def test_sample_split_gives_the_same_graph_in_both_stores(neo: MemoryStore, tmp_path: Path) -> None:
    split = resolve_split("sample", Settings.load({"home": str(tmp_path)}))
    tag = f"parity{uuid.uuid4().hex[:8]}"  # a shared server: never touch the real sample namespace
    haystacks = load_haystacks(split.files[0], tag=tag)
    # every knowledge-update haystack (supersession chains) plus a few of the other types
    chosen = [h for h in haystacks if h.labels and h.labels.question_type == "knowledge-update"]
    chosen += [h for h in haystacks if h not in chosen][:4]
    nx_store = NetworkxStore(tmp_path / "nx")
    extractor, embedder = RuleExtractor(), HashEmbedder()
    try:
        for h in chosen:
            ingest_haystack(nx_store, h, extractor=extractor, embedder=embedder)
            ingest_haystack(neo, h, extractor=extractor, embedder=embedder)
        total_supersessions = 0
        for h in chosen:
            nx_graph, neo_graph = _graph(nx_store, h.user_id), _graph(neo, h.user_id)
            assert nx_graph["facts"], f"{h.question_id}: no facts extracted"
            assert neo_graph == nx_graph, f"{h.question_id}: the stores disagree"
            total_supersessions += len(nx_graph["supersessions"])
            # the search primitives rank alike (same scores, ties by id), so retrieval — and the
            # eval's metrics — do not depend on the backend
            vec = embedder.embed([h.question])[0]
            for kind in ("turn", "fact", "entity"):
                a = nx_store.text_search(h.user_id, kind, h.question, 10)  # type: ignore[arg-type]
                b = neo.text_search(h.user_id, kind, h.question, 10)  # type: ignore[arg-type]
                assert [x.id for x in a] == [x.id for x in b], (h.question_id, kind, a, b)
                assert all(abs(x.score - y.score) < 1e-9 for x, y in zip(a, b))
            for kind in ("turn", "fact"):
                a = nx_store.vector_search(h.user_id, kind, vec, 10)  # type: ignore[arg-type]
                b = neo.vector_search(h.user_id, kind, vec, 10)  # type: ignore[arg-type]
                assert [x.id for x in a] == [x.id for x in b], (h.question_id, kind, a, b)
        assert total_supersessions > 0, "the knowledge-update haystacks should produce SUPERSEDES edges"
    finally:
        for h in chosen:
            neo.delete_user(h.user_id)
        nx_store.close()
