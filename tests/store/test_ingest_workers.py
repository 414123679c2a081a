"""`Memory.ingest_haystacks(workers=N)` (`kgmem ingest --workers N`): N processes, one store,
the same graph as one process, id for id — on the embedded store (per-user files locked across
processes) and on one Neo4j server — with one stream of progress events."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from kgmem.api import IngestProgress, Memory
from kgmem.datasets.longmemeval import iter_haystacks
from kgmem.settings import Settings

from .conftest import _neo4j_settings, _neo4j_unreachable
from .neo4j_failures import SAMPLE
from .test_store_parity import _graph

N_HAYSTACKS = 4


def _ingest(settings: Settings, tag: str, workers: int) -> tuple[Memory, list[str], list[IngestProgress]]:
    haystacks = [h for _, h in zip(range(N_HAYSTACKS), iter_haystacks(SAMPLE, tag))]
    events: list[IngestProgress] = []
    mem = Memory(settings)
    report = mem.ingest_haystacks(iter(haystacks), embed=False, on_progress=events.append, workers=workers)
    assert report.sessions_failed == 0 and report.sessions_written == sum(len(h.sessions) for h in haystacks)
    return mem, [h.user_id for h in haystacks], events


@pytest.mark.parametrize("backend", ["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_two_workers_write_the_graph_one_worker_writes(tmp_path: Path, backend: str) -> None:
    env: dict[str, str] = {}
    if backend == "neo4j":
        uri, user, password, database = _neo4j_settings()
        reason = _neo4j_unreachable(uri, user, password)
        if reason is not None:
            pytest.skip(f"neo4j: no server reachable at {uri} ({reason}) (CI always starts one)")
        env = {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_DATABASE": database,
               **({"NEO4J_PASSWORD": password} if password else {})}
    graphs = []
    for workers in (1, 2):
        # same namespaces on Neo4j (ids are derived from them), cleared between the two runs
        tag = "wk" + uuid.uuid5(uuid.NAMESPACE_URL, str(tmp_path)).hex[:8]
        settings = Settings.load({"home": str(tmp_path / f"home{workers}"), "store": backend}, env=env)
        mem, users, events = _ingest(settings, tag, workers)
        try:
            graphs.append({u: _graph(mem.store, u) for u in users})
            done = [e for e in events if e.haystack_done]
            assert sorted(e.user_id for e in done) == sorted(users)  # one event stream, every haystack
            assert sorted(e.haystack for e in done) == list(range(1, N_HAYSTACKS + 1))
        finally:
            if backend == "neo4j":
                for u in users:
                    mem.store.delete_user(u)
            mem.close()
    assert graphs[0] == graphs[1]
    assert any(g["facts"] for g in graphs[0].values())
