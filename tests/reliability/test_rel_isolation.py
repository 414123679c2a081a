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


def test_shared_names_never_leak(store: MemoryStore, prefix: str) -> None:
    users = [f"{prefix}:u{i}" for i in range(4)]
    ingest_users(store, users, sessions=3)
    try:
        _check(isolation_scenario(store, users, n_queries=120, seed=1))
    finally:
        for u in users:
            store.delete_user(u)


@pytest.mark.slow
def test_thousand_random_queries_never_leak(store: MemoryStore, prefix: str) -> None:
    users = [f"{prefix}:u{i}" for i in range(12)]
    ingest_users(store, users, sessions=4)
    try:
        _check(isolation_scenario(store, users, n_queries=1000, seed=2))
    finally:
        for u in users:
            store.delete_user(u)
