"""Load: concurrent ingestion of different users and concurrent queries against one store."""

from __future__ import annotations

from pathlib import Path

from kgmem.store.base import MemoryStore

from .harness import open_backend
from .scenarios import load_scenario


def _run(backend: str, tmp_path: Path, **kw: object) -> dict:
    def make(name: str) -> MemoryStore:
        return open_backend(backend, tmp_path / name)

    def cleanup(st: MemoryStore, users: list[str]) -> None:
        if backend == "neo4j":
            for u in users:
                st.delete_user(u)

    return load_scenario(make, cleanup, backend=backend,
                         process_root=(lambda n: tmp_path / n) if backend == "networkx" else (lambda n: None),
                         **kw)  # type: ignore[arg-type]


def _check(r: dict) -> None:
    assert r["threads"]["equal_to_sequential"] and not r["threads"]["errors"], r["threads"]
    assert r["queries"]["results_equal_to_sequential"], r["queries"]
    if "processes" in r:
        assert r["processes"]["equal_to_sequential"] and set(r["processes"]["exit_codes"]) == {0}, r["processes"]


def test_threads_ingest_and_query_networkx(tmp_path: Path) -> None:
    _check(_run("networkx", tmp_path, n_users=4, sessions=2, threads=2, query_threads=2, queries_per_thread=20))


def test_load_threads_and_processes(backend: str, tmp_path: Path) -> None:
    _check(_run(backend, tmp_path, n_users=8, sessions=3, threads=4, query_threads=4, queries_per_thread=50,
                processes=2))
