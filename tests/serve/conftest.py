"""Real servers for the serve tests (see :mod:`tests.serve.servers`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .servers import KGMEM, ROOT, TOKEN, Server, ServerError, server_env, start_server

__all__ = ["KGMEM", "ROOT", "TOKEN", "Server", "server_env", "start_server", "started"]


def started(args: list[str], *a: object, **kw: str) -> Server:
    """:func:`start_server`, failing the test (with the server's output) when it cannot start."""
    try:
        return start_server(args, *a, **kw)  # type: ignore[arg-type]
    except ServerError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def rest_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One REST server for the HTTP and load tests: token required, request lines logged."""
    base = tmp_path_factory.mktemp("rest")
    server = started(["serve", "http", "--port", "0", "--no-llm", "--access-log", "--max-body-bytes", "65536"],
                     base / "home", base / "server.log", KGMEM_SERVE_TOKEN=TOKEN)
    yield server
    server.stop()


def neo4j_env_or_skip() -> dict[str, str]:
    """NEO4J_* for a reachable server (CI always starts one), else skip with the reason; a server
    that refuses the credentials fails (a configuration error, not a reason to skip)."""
    import os

    uri = os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687"
    user = os.environ.get("NEO4J_USER") or "neo4j"
    password = os.environ.get("NEO4J_PASSWORD") or ""
    try:
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, ServiceUnavailable

        with GraphDatabase.driver(uri, auth=(user, password) if password else None, connection_timeout=3.0) as d:
            d.verify_connectivity()
    except AuthError as exc:
        pytest.fail(f"neo4j: the server at {uri} refused user {user!r} ({exc.message}); set NEO4J_USER / "
                    "NEO4J_PASSWORD for it, or point NEO4J_URI at another server", pytrace=False)
    except (ServiceUnavailable, OSError) as exc:
        pytest.skip(f"neo4j: no server reachable at {uri} ({type(exc).__name__}) "
                    "(CI always starts one; run `kgmem neo4j start`)")
    return {"KGMEM_STORE": "neo4j", "NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password}
