"""The MCP server through the official ``mcp`` client: over stdio and over streamable HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from .conftest import KGMEM, TOKEN, Server, server_env, started
from .scenario import TOOLS, mcp_call, must, must_fail, run_scenario
from .test_docs import mcp_client_config


@asynccontextmanager
async def _http_client(url: str) -> AsyncIterator[object]:
    """An MCP client on ``url`` over streamable HTTP with the token, its tool list already checked."""
    import httpx2
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client

    async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=240) as http:
        async with Client(streamable_http_client(url, http_client=http)) as client:
            assert await _tools(client) == TOOLS
            yield client


async def _tools(client: object) -> set[str]:
    listed = await client.list_tools()  # type: ignore[attr-defined]
    for tool in listed.tools:
        assert tool.description and tool.output_schema, tool.name
    return {t.name for t in listed.tools}


def test_mcp_stdio(tmp_path: Path) -> None:
    """An MCP client starts `kgmem serve mcp` as documented (stdio is the default transport)."""
    from mcp import Client, StdioServerParameters

    config = mcp_client_config()  # exactly what docs/api.md and the README tell MCP clients
    params = StdioServerParameters(command=KGMEM if config["command"] == "kgmem" else config["command"],
                                   args=config["args"], env=server_env(tmp_path / "home"))

    async def main() -> None:
        async with Client(params, read_timeout_seconds=240) as client:
            assert await _tools(client) == TOOLS
            await run_scenario(mcp_call(client))

    asyncio.run(main())
    assert (tmp_path / "home" / "store").is_dir()  # it used the home it was given


def test_mcp_streamable_http(rest_server: Server) -> None:
    """Streamable HTTP (the `/mcp` endpoint of `kgmem serve http`, token required): the scenario
    with the token; 401 without it."""
    url = rest_server.url + "/mcp"
    for headers in ({}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": TOKEN}):
        r = httpx.post(url, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"}, headers=headers)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"

    async def main() -> None:
        async with _http_client(url) as client:
            await run_scenario(mcp_call(client), prefix="mcp-")

    asyncio.run(main())


def test_serve_mcp_http_command(tmp_path: Path) -> None:
    """`kgmem serve mcp --transport http`: the MCP-only server on loopback, token checked, a
    clean stop, the token never in its log."""
    server = started(["serve", "mcp", "--transport", "http", "--port", "0", "--no-llm", "--no-warm"],
                     tmp_path / "home", tmp_path / "server.log", KGMEM_SERVE_TOKEN=TOKEN)
    try:
        assert server.url.startswith("http://127.0.0.1:")  # loopback unless told otherwise
        url = server.url + "/mcp"
        r = httpx.post(url, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"})
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"

        async def main() -> None:
            async with _http_client(url) as client:
                call = mcp_call(client)
                assert (await must(call, "list_users", {})) == {"users": [], "count": 0}
                assert (await must(call, "get_status", {}))["store"]["users"] == 0
                await must_fail(call, "delete_user", {"user_id": "anyone"}, "unknown_user")

        asyncio.run(main())
    finally:
        clean = server.stop()
    assert clean, server.stderr()[-2000:]
    assert TOKEN not in server.stderr()


def test_mcp_refuses_public_bind_without_token(tmp_path: Path) -> None:
    import subprocess

    proc = subprocess.run([KGMEM, "serve", "mcp", "--transport", "http", "--host", "0.0.0.0", "--port", "0"],
                          env=server_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "needs --token" in proc.stderr


@pytest.mark.parametrize("bad", ["short"])
def test_token_must_be_long(tmp_path: Path, bad: str) -> None:
    import subprocess

    proc = subprocess.run([KGMEM, "serve", "http", "--token", bad], env=server_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "at least 16 characters" in proc.stderr and bad not in proc.stderr.replace("--token", "")


def test_serve_help_loads_no_server_stack() -> None:
    """`kgmem serve mcp --help` (and `kgmem --help`) stay fast: no mcp, FastAPI, uvicorn or models."""
    import subprocess
    import sys

    code = ("import sys\nfrom typer.testing import CliRunner\nfrom kgmem.cli import app\n"
            "for args in (['--help'], ['serve', 'mcp', '--help'], ['serve', 'http', '--help'], ['facts', '--help']):\n"
            "    r = CliRunner().invoke(app, args)\n    assert r.exit_code == 0, r.output\n"
            "heavy = sorted(m for m in ('mcp', 'fastapi', 'uvicorn', 'starlette', 'spacy', 'torch', 'kgmem.serve', 'kgmem.api')"
            " if m in sys.modules)\nprint(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
