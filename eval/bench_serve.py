"""Serve bench: warm latency per tool and concurrent load, over MCP and the REST API.

For each transport (REST over HTTP, MCP over streamable HTTP, MCP over stdio for the warm part;
``rest-neo4j``: REST over the Neo4j store at ``NEO4J_URI``, warm part only) a real server is
started (``--no-llm``: the model-free answer path; fresh KGMEM_HOME) and:

1. **warm latency**, one client, sequential: a computed temporal answer, a knowledge-update
   answer and a search, each repeated (p50 / p95 per call, client-measured round trip);
2. **load** (HTTP transports): >= 8 concurrent clients, >= 1,000 mixed requests over >= 50
   users (``tests/serve/loadgen.py``): errors, results from another user, per-tool p50 / p95,
   throughput; then the same adds done sequentially in-process and the two memories compared
   user by user (counts, slot histories, answers).

Writes ``eval/results/serve.{json,md}``. Heavy: run it on a quiet machine, e.g.

    .venv/bin/python eval/bench_serve.py
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval._report import measured, percentile, provenance_lines, write_pair  # noqa: E402

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from tests.serve.loadgen import (  # noqa: E402
    latency_summary,
    make_workload,
    run_load,
    sequential,
    service_call,
    snapshot,
)
from tests.serve.scenario import Call, alice_sessions, mcp_call, rest_call  # noqa: E402
from tests.serve.servers import KGMEM, TOKEN, server_env, start_server  # noqa: E402

RESULTS = ROOT / "eval" / "results"
WARM_QUESTIONS = {
    "answer (computed temporal)": ("answer", {"question": "How many days ago did I go to the jazz concert?",
                                              "question_date": "2023-05-01"}),
    "answer (knowledge update)": ("answer", {"question": "Where do I live now?", "question_date": "2023-05-01"}),
    "search_memory": ("search_memory", {"query": "jazz concert", "question_date": "2023-05-01", "limit": 10}),
}


async def warm_latency(call: Call, repeats: int, user: str = "alice") -> dict[str, Any]:
    """Ingest alice's three sessions (as ``user``), then time each warm question ``repeats`` times."""
    for body in alice_sessions(user):
        res = await call("add_messages", body)
        assert res.ok, res.error
    out: dict[str, Any] = {}
    for label, (tool, args) in WARM_QUESTIONS.items():
        times, server_ms = [], []
        for _ in range(repeats):
            t0 = time.perf_counter()
            res = await call(tool, {"user_id": user, **args})
            times.append((time.perf_counter() - t0) * 1000)
            assert res.ok, res.error
            if tool == "answer":
                server_ms.append(sum(res.data["timings_ms"].values()))
        out[label] = latency_summary(times)
        if tool == "answer":
            out[label]["kind"] = res.data["kind"]
            out[label]["answer"] = res.data["answer"]
            out[label]["memory_p50_ms"] = round(percentile(server_ms, 0.5) or 0.0, 1)
    return out


@asynccontextmanager
async def rest_clients(url: str, n: int) -> AsyncIterator[list[Call]]:
    import httpx

    clients = [httpx.AsyncClient(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300)
               for _ in range(n)]
    try:
        yield [rest_call(c) for c in clients]
    finally:
        for c in clients:
            await c.aclose()


@asynccontextmanager
async def mcp_clients(url: str, n: int) -> AsyncIterator[list[Call]]:
    from contextlib import AsyncExitStack

    import httpx2
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client

    async with AsyncExitStack() as stack:
        calls = []
        for _ in range(n):
            http = await stack.enter_async_context(
                httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300))
            client = await stack.enter_async_context(Client(streamable_http_client(url + "/mcp", http_client=http)))
            await client.list_tools()  # the session is up before the clock starts
            calls.append(mcp_call(client))
        yield calls


async def _load(clients: Callable[[str, int], Any], url: str, args: argparse.Namespace,
                tmp: Path, transport: str) -> dict[str, Any]:
    from kgmem.api import Memory
    from kgmem.serve.service import MemoryService
    from kgmem.settings import Settings

    workload = make_workload(n_users=args.users, n_requests=args.requests, n_clients=args.clients,
                             seed=args.seed, prefix=f"bench-{transport}")
    async with clients(url, args.clients) as calls:
        report = await run_load(workload, calls)
        served = await snapshot(calls[0], workload)
    service = MemoryService(Memory(Settings.load({"home": str(tmp / f"seq-{transport}")}), llm=False))
    t0 = time.perf_counter()
    seq_call = service_call(service)
    await sequential(workload, seq_call)
    seq_seconds = time.perf_counter() - t0
    expected = await snapshot(seq_call, workload)
    service.close()
    mismatched = sorted(u for u in expected if served.get(u) != expected[u])
    return {"users": args.users, "clients": args.clients, **report.summary(),
            "final_state_equal_to_sequential": not mismatched, "mismatched_users": mismatched[:5],
            "sequential_adds_seconds": round(seq_seconds, 2)}


async def bench_http(kinds: list[str], args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """One `kgmem serve http` process: REST at /v1 and MCP (streamable HTTP) at /mcp."""
    cmd = ["serve", "http", "--port", "0", "--no-llm"]
    t0 = time.perf_counter()
    server = start_server(cmd, tmp / "home-http", tmp / "http.log", KGMEM_SERVE_TOKEN=TOKEN)
    ready_s = time.perf_counter() - t0
    out: dict[str, Any] = {}
    try:
        for kind in kinds:
            clients = rest_clients if kind == "rest" else mcp_clients
            async with clients(server.url, 1) as calls:
                warm = await warm_latency(calls[0], args.repeats, user=f"warm-{kind}")
            load = await _load(clients, server.url, args, tmp, kind) if args.requests else None
            out[kind] = {"command": "kgmem " + " ".join(cmd), "ready_seconds": round(ready_s, 1), "warm": warm,
                         "load": load}
    finally:
        clean = server.stop()
    for item in out.values():
        item["clean_shutdown"] = clean
    return out


async def bench_stdio(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(command=KGMEM, args=["serve", "mcp", "--no-llm"], env=server_env(tmp / "home-stdio"))
    t0 = time.perf_counter()
    async with Client(params, read_timeout_seconds=300) as client:
        ready_s = time.perf_counter() - t0
        warm = await warm_latency(mcp_call(client), args.repeats)
    return {"command": "kgmem serve mcp --no-llm (stdio)", "ready_seconds": round(ready_s, 1), "warm": warm}


async def bench_neo4j(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """``kgmem serve http --store neo4j`` on the server at NEO4J_URI (NEO4J_USER / NEO4J_PASSWORD
    from the environment): warm latency for a fresh user, deleted afterwards."""
    cmd = ["serve", "http", "--port", "0", "--no-llm", "--store", "neo4j"]
    t0 = time.perf_counter()
    server = start_server(cmd, tmp / "home-neo4j", tmp / "neo4j.log", KGMEM_SERVE_TOKEN=TOKEN, KGMEM_STORE="neo4j")
    ready_s = time.perf_counter() - t0
    user = f"bench-neo4j-{uuid.uuid4().hex[:8]}"
    try:
        async with rest_clients(server.url, 1) as calls:
            warm = await warm_latency(calls[0], args.repeats, user=user)
            gone = await calls[0]("delete_user", {"user_id": user})
            assert gone.ok, gone.error
    finally:
        clean = server.stop()
    return {"command": "kgmem " + " ".join(cmd), "neo4j_uri": os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
            "ready_seconds": round(ready_s, 1), "warm": warm, "load": None, "clean_shutdown": clean}



def _markdown(result: dict[str, Any]) -> str:
    lines = ["# Serve: MCP and REST latency and load", "", *provenance_lines(result), "",
             "Servers run `--no-llm` (computed answers, abstentions, best memory line; no answer model), "
             "embedded networkx store (`rest-neo4j`: the Neo4j 5.26 store on a local server), real spaCy + "
             "MiniLM (ONNX). Round trips are measured by the client "
             "on loopback; `memory p50` is the server-side Memory.answer time.", "",
             "## Warm latency (one client, sequential)", "",
             "| transport | call | n | p50 ms | p95 ms | memory p50 ms | answer (kind) |", "|---|---|---:|---:|---:|---:|---|"]
    for name, t in result["transports"].items():
        for label, w in t["warm"].items():
            ans = f"{w.get('answer', '')[:30]} ({w['kind']})" if "kind" in w else ""
            lines.append(f"| {name} | {label} | {w['n']} | {w['p50_ms']} | {w['p95_ms']} | "
                         f"{w.get('memory_p50_ms', '')} | {ans} |")
    lines += ["", "Targets (issue #15): computed answer p50 <= 100 ms, search p50 <= 50 ms.", ""]
    for name, t in result["transports"].items():
        load = t.get("load")
        if not load:
            continue
        lines += [f"## Load over {name}", "",
                  f"{load['clients']} concurrent clients, {load['requests']} mixed requests, {load['users']} users, "
                  f"{load['seconds']} s ({load['throughput_rps']} requests/s): **{load['errors']} errors, "
                  f"{load['foreign_results']} results from another user, final memory equal to the same adds "
                  f"done sequentially: {load['final_state_equal_to_sequential']}** "
                  f"(sequential in-process adds took {load['sequential_adds_seconds']} s).", "",
                  "| tool | n | p50 ms | p95 ms |", "|---|---:|---:|---:|"]
        for tool, p in load["per_tool"].items():
            lines.append(f"| {tool} | {p['n']} | {p['p50_ms']} | {p['p95_ms']} |")
        lines.append("")
    lines += ["Server start to ready (models loaded): " + ", ".join(
        f"{n} {t['ready_seconds']} s" for n, t in result["transports"].items()) + " (REST and MCP over HTTP "
        "are one `kgmem serve http` process).", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--requests", type=int, default=1000, help="per HTTP transport (0: warm latency only)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--repeats", type=int, default=50, help="warm calls per question")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--transports", default="rest,mcp-http,mcp-stdio" + (",rest-neo4j" if os.environ.get("NEO4J_URI")
                                                                         else ""),
                    help="comma-separated; rest-neo4j needs NEO4J_URI (default includes it when set)")
    ap.add_argument("--out", default=str(RESULTS / "serve"), help="output stem (.json and .md)")
    args = ap.parse_args()
    transports: dict[str, Any] = {}
    with measured() as run, tempfile.TemporaryDirectory(prefix="kgmem-bench-serve-") as d:
        tmp = Path(d)
        names = args.transports.split(",")
        http = [n for n in names if n in ("rest", "mcp-http")]
        if http:
            print(f"bench_serve: {', '.join(http)} …", file=sys.stderr, flush=True)
            transports.update(asyncio.run(bench_http(http, args, tmp)))
        if "mcp-stdio" in names:
            print("bench_serve: mcp-stdio …", file=sys.stderr, flush=True)
            transports["mcp-stdio"] = asyncio.run(bench_stdio(args, tmp))
        if "rest-neo4j" in names:
            print("bench_serve: rest-neo4j …", file=sys.stderr, flush=True)
            transports["rest-neo4j"] = asyncio.run(bench_neo4j(args, tmp))
    result = {**run, "python": platform.python_version(), "transports": transports}
    print(write_pair(Path(args.out), result, _markdown))


if __name__ == "__main__":
    main()
