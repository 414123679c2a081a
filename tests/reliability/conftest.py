"""Fixtures of the reliability suite: a store of each backend and unique user prefixes.

Neo4j cases use ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` (CI exports them) and skip
with the reason only when no server is reachable. Every test namespaces its users with a fresh
prefix and deletes them, so a shared server is never disturbed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kgmem.store.base import MemoryStore

from .harness import neo4j_unreachable, open_backend
from .scenarios import new_prefix

_REASON: dict[str, str | None] = {}


def neo4j_skip_reason() -> str | None:
    """Why Neo4j tests cannot run here (probed once), or None."""
    if "r" not in _REASON:
        _REASON["r"] = neo4j_unreachable()
    return _REASON["r"]


def require_backend(backend: str) -> None:
    """Skip (clearly) when ``backend`` is neo4j and no server answers."""
    if backend == "neo4j":
        reason = neo4j_skip_reason()
        if reason is not None and "rejected" in reason:
            # a server is there but refuses us: a configuration error, not a reason to skip
            pytest.fail(f"neo4j: {reason}; set NEO4J_USER / NEO4J_PASSWORD for it", pytrace=False)
        if reason is not None:
            pytest.skip(f"neo4j: {reason} (CI always starts one; run `kgmem neo4j start`)")


BACKENDS = ["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    require_backend(request.param)
    return str(request.param)


@pytest.fixture
def store(backend: str, tmp_path: Path) -> Iterator[MemoryStore]:
    st = open_backend(backend, tmp_path / "nx")
    yield st
    st.close()


@pytest.fixture
def prefix(request: pytest.FixtureRequest) -> str:
    return new_prefix(request.node.name[:20].replace("[", "-").replace("]", ""))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect this folder's ``slow`` tests (the bench runs them) unless asked for with
    ``-m slow`` / ``-m "… slow …"`` or ``KGMEM_RUN_SLOW=1``: the project suite stays fast, and a
    deselected test is not a skip (CI fails on unlisted skips)."""
    import os

    if os.environ.get("KGMEM_RUN_SLOW") == "1" or "slow" in (config.getoption("markexpr") or ""):
        return
    here = Path(__file__).parent
    slow = [i for i in items if i.get_closest_marker("slow") and here in i.path.parents]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [i for i in items if i not in slow]
