"""Bounded load: 8 concurrent clients, 1,000 mixed requests, 50 users, one REST server on
loopback — no errors, no result from another user, and the final memory equal, user by user,
to the same adds done sequentially (counts, both slots' histories, answers)."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx

from kgmem.api import Memory
from kgmem.serve.service import MemoryService
from kgmem.settings import Settings

from .conftest import TOKEN, Server
from .loadgen import make_workload, run_load, sequential, service_call, snapshot
from .scenario import rest_call


def test_load_equals_sequential(rest_server: Server, tmp_path: Path) -> None:
    workload = make_workload(n_users=50, n_requests=1000, n_clients=8, seed=7, prefix=f"L{uuid.uuid4().hex[:6]}")
    assert workload.requests >= 1000 and len(workload.clients) == 8

    async def concurrent() -> tuple[object, dict[str, object]]:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        clients = [httpx.AsyncClient(base_url=rest_server.url, headers=headers, timeout=300) for _ in range(8)]
        try:
            report = await run_load(workload, [rest_call(c) for c in clients])
            return report, await snapshot(rest_call(clients[0]), workload)
        finally:
            for c in clients:
                await c.aclose()

    report, served = asyncio.run(concurrent())
    summary = report.summary()  # type: ignore[attr-defined]
    assert summary["requests"] >= 1000
    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["foreign_results"] == 0, report.foreign[:5]  # type: ignore[attr-defined]
    assert set(summary["per_tool"]) >= {"add_messages", "search_memory", "answer", "get_history"}

    service = MemoryService(Memory(Settings.load({"home": str(tmp_path / "seq")}), llm=False))
    call = service_call(service)

    async def baseline() -> dict[str, object]:
        await sequential(workload, call)
        return await snapshot(call, workload)

    expected = asyncio.run(baseline())
    service.close()
    assert served == expected
    # the memory really holds the updates (not two empty memories compared)
    some = next(iter(expected.values()))
    assert some["counts"]["sessions"] == 4 and some["counts"]["supersessions"] >= 2  # type: ignore[index]
