"""Isolation: users sharing entity names never see each other's memory."""

from __future__ import annotations

import pytest

from kgmem.store.base import MemoryStore

from .scenarios import ingest_users, isolation_scenario


def _check(result: dict) -> None:
    assert result["leaks"] == 0, result["leak_examples"]
    for op in ("vector", "sessions", "search", "neighbours"):
        assert result["empty"].get(op, 0) == 0, (op, result["empty"])
    d = result["delete_user"]
    assert d["others_intact"] and d["victim_gone"] and d["removed"] == d["victim_nodes"]


@pytest.mark.parametrize(("n_users", "sessions", "queries", "seed"), [
    pytest.param(4, 3, 120, 1, id="shared-names"),
    pytest.param(12, 4, 1000, 2, id="thousand-random-queries"),
])
def test_queries_never_leak(store: MemoryStore, prefix: str, n_users: int, sessions: int, queries: int,
                            seed: int) -> None:
    users = [f"{prefix}:u{i}" for i in range(n_users)]
    ingest_users(store, users, sessions=sessions)
    try:
        _check(isolation_scenario(store, users, n_queries=queries, seed=seed))
    finally:
        for u in users:
            store.delete_user(u)
