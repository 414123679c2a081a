"""The Neo4j store through the same server: the REST scenario against a real Neo4j 5.26."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx
import pytest

from .conftest import TOKEN, neo4j_env_or_skip, started
from .scenario import rest_call, run_scenario


@pytest.mark.neo4j
def test_rest_scenario_on_neo4j(tmp_path: Path) -> None:
    env = neo4j_env_or_skip()
    prefix = f"n{uuid.uuid4().hex[:8]}-"
    server = started(["serve", "http", "--port", "0", "--no-llm", "--store", "neo4j"],
                     tmp_path / "home", tmp_path / "server.log", KGMEM_SERVE_TOKEN=TOKEN, **env)
    try:
        async def main() -> None:
            async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {TOKEN}"},
                                         timeout=240) as client:
                status = (await client.get("/v1/status")).json()
                assert status["store"]["store"] == "neo4j"
                await run_scenario(rest_call(client), prefix=prefix)
                assert (await client.delete(f"/v1/users/{prefix}alice")).json()["deleted"]

        asyncio.run(main())
    finally:
        clean = server.stop()
    assert clean, server.stderr()[-2000:]
