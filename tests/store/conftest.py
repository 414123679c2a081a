"""The ``store`` fixture: every contract test runs against both backends.

The Neo4j variant connects with ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` (defaults
``bolt://127.0.0.1:7687``, ``neo4j``, no password) and skips only when no server is reachable.
Each test gets fresh user ids (uuid-prefixed) and deletes them afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kgmem.store.base import MemoryStore
from kgmem.store.networkx_store import NetworkxStore

_NEO4J_PROBE: dict[str, str | None] = {}


def _neo4j_settings() -> tuple[str, str, str | None, str]:
    return (
        os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687",
        os.environ.get("NEO4J_USER") or "neo4j",
        os.environ.get("NEO4J_PASSWORD") or None,
        os.environ.get("NEO4J_DATABASE") or "neo4j",
    )


def _neo4j_unreachable(uri: str, user: str, password: str | None) -> str | None:
    """None when a Bolt server answers at ``uri``, else why not (probed once per session)."""
    if uri in _NEO4J_PROBE:
        return _NEO4J_PROBE[uri]
    try:
        from neo4j import GraphDatabase
        from neo4j.exceptions import ServiceUnavailable
    except ImportError as exc:
        _NEO4J_PROBE[uri] = f"neo4j driver not installed ({exc})"
        return _NEO4J_PROBE[uri]
    from neo4j.exceptions import AuthError

    reason: str | None = None
    auth = (user, password) if password else None
    try:
        with GraphDatabase.driver(uri, auth=auth, connection_timeout=3.0) as driver:
            driver.verify_connectivity()
    except (ServiceUnavailable, OSError) as exc:
        reason = f"{type(exc).__name__}: {exc}"
    except AuthError as exc:
        # a server is there but refuses us: a configuration error, not a reason to skip
        why = (
            "requires authentication and NEO4J_PASSWORD is unset"
            if not password
            else (f"rejected user {user!r} with the given NEO4J_PASSWORD")
        )
        pytest.fail(
            f"neo4j: the server at {uri} {why} ({exc.message}); set NEO4J_USER / NEO4J_PASSWORD "
            "for it, or point NEO4J_URI at another server",
            pytrace=False,
        )
    _NEO4J_PROBE[uri] = reason
    return reason


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[MemoryStore]:
    """A store of each backend (networkx in a temp dir; neo4j on the configured server)."""
    if request.param == "networkx":
        nx_store = NetworkxStore(tmp_path / "networkx")
        yield nx_store
        nx_store.close()
        return
    uri, user, password, database = _neo4j_settings()
    reason = _neo4j_unreachable(uri, user, password)
    if reason is not None:
        pytest.skip(
            f"neo4j: no server reachable at {uri} ({reason}) "
            "(CI always starts one; run `kgmem neo4j start`)"
        )
    from kgmem.store.neo4j_store import Neo4jStore

    neo_store = Neo4jStore(uri=uri, user=user, password=password, database=database)
    yield neo_store
    neo_store.close()


@pytest.fixture
def new_user(store: MemoryStore) -> Iterator[Callable[[str], str]]:
    """Factory of unique user ids for this test; every one is deleted afterwards."""
    created: list[str] = []
    prefix = f"t{uuid.uuid4().hex[:10]}"

    def make(label: str = "u") -> str:
        user_id = f"{prefix}:{label}"
        created.append(user_id)
        return user_id

    yield make
    for user_id in created:
        store.delete_user(user_id)


@pytest.fixture
def backend(store: MemoryStore) -> str:
    return "networkx" if isinstance(store, NetworkxStore) else "neo4j"
