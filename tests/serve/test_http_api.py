"""The REST API with a real client (httpx) against uvicorn on loopback: every endpoint, the
error bodies (code + message), size limits, tokens, and that rejected requests store nothing."""

from __future__ import annotations

import asyncio
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import KGMEM, TOKEN, Server, server_env
from .scenario import conversation, rest_call, run_scenario

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def api(rest_server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=rest_server.url, headers=AUTH, timeout=120) as client:
        yield client


def body(user: str, when: str, *lines: str) -> dict[str, Any]:
    """A REST add body (the user is in the path)."""
    conv = conversation(user, when, *lines)
    del conv["user_id"]
    return conv


def _error(r: httpx.Response, status: int, code: str) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"], body
    return str(body["error"]["message"])


def _counts(api: httpx.Client) -> dict[str, Any]:
    store = api.get("/v1/status").json()["store"]
    return {k: store[k] for k in ("users", "sessions", "turns", "facts", "supersessions")}


def test_rest_scenario(rest_server: Server) -> None:
    """The MCP scenario, verb for verb, over REST."""

    async def main() -> None:
        async with httpx.AsyncClient(base_url=rest_server.url, headers=AUTH, timeout=120) as client:
            await run_scenario(rest_call(client), prefix=f"r{uuid.uuid4().hex[:6]}-")

    asyncio.run(main())


def test_endpoints_facts_jobs_openapi_health(api: httpx.Client) -> None:
    user = f"f{uuid.uuid4().hex[:8]}"
    added = api.post(f"/v1/users/{user}/messages", json=body(user, "2023-01-10", "I live in Boston now."))
    assert added.status_code == 200, added.text
    api.post(f"/v1/users/{user}/messages", json=body(user, "2023-04-20", "I moved to Seattle!"))
    facts = api.get(f"/v1/users/{user}/facts", params={"predicate": "lives_in"}).json()
    assert [f["value"] for f in facts["facts"]] == ["Boston", "Seattle"]
    assert [f["current"] for f in facts["facts"]] == [False, True]
    current = api.get(f"/v1/users/{user}/facts", params={"predicate": "lives_in", "current_only": "true"}).json()
    assert [f["value"] for f in current["facts"]] == ["Seattle"]
    then = api.get(f"/v1/users/{user}/facts", params={"predicate": "lives_in", "as_of": "2023-02-01"}).json()
    assert [f["value"] for f in then["facts"]] == ["Boston"]
    # a queued add, followed through its job (the "async" spelling is accepted too)
    queued = api.post(f"/v1/users/{user}/messages",
                      json={**body(user, "2023-05-01", "I adopted a cat named Miso."), "async": True}).json()
    assert queued["queued"] and not queued["stored"]
    for _ in range(300):
        job = api.get(f"/v1/jobs/{queued['job_id']}").json()
        if job["state"] in ("done", "failed"):
            break
        asyncio.run(asyncio.sleep(0.2))
    assert job["state"] == "done" and job["result"]["stored"], job
    assert any(f["value"] == "Miso" for f in job["result"]["facts_added"])
    _error(api.get("/v1/jobs/j_doesnotexist"), 404, "not_found")
    doc = api.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.") and "/v1/users/{user_id}/answer" in doc["paths"]
    assert {"AnswerOut", "FactOut", "ErrorOut"} <= set(doc["components"]["schemas"])
    assert api.get("/docs").status_code == 200
    assert httpx.get(api.base_url.join("/v1/health")).json() == {"status": "ok"}  # no token needed
    assert api.delete(f"/v1/users/{user}").json()["deleted"]


def test_rejected_requests_store_nothing(api: httpx.Client, rest_server: Server) -> None:
    user = f"x{uuid.uuid4().hex[:8]}"
    before = _counts(api)
    url = f"/v1/users/{user}/messages"
    good = body(user, "2023-01-10", "I live in Boston now.")
    _error(api.post(url, content=b'{"messages": [', headers={"content-type": "application/json"}), 400, "bad_json")
    assert "messages" in _error(api.post(url, json={"timestamp": "2023-01-10"}), 422, "invalid_argument")
    assert "role" in _error(api.post(url, json={"messages": [{"content": "hi"}]}), 422, "invalid_argument")
    _error(api.post(url, json={"messages": [{"role": "robot", "content": "hi"}]}), 422, "invalid_argument")
    _error(api.post(url, json={"messages": []}), 422, "invalid_argument")
    _error(api.post(url, json={**good, "timestamp": "next tuesday-ish"}), 422, "invalid_argument")
    _error(api.post(url, json={**good, "timestamp": "2023-01-10T10:00+02:00"}), 422, "invalid_argument")
    _error(api.post(url, json={**good, "surprise": 1}), 422, "invalid_argument")
    _error(api.post(f"/v1/users/{user}%20/messages", json=good), 422, "invalid_argument")  # trailing space
    big = {**good, "messages": [{"role": "user", "content": "I live in Boston. " * 5000}]}
    assert "65536" in _error(api.post(url, json=big), 413, "payload_too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap must hold while streaming
        yield b'{"messages": [{"role": "user", "content": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}]}'

    _error(api.post(url, content=chunks(), headers={"content-type": "application/json"}), 413, "payload_too_large")
    for headers in ({"Authorization": ""}, {"Authorization": "Bearer not-the-token-at-all"},
                    {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN}):
        _error(api.post(url, json=good, headers=headers), 401, "unauthorized")
    with httpx.Client(base_url=rest_server.url) as anonymous:
        r = anonymous.post(url, json=good)
        _error(r, 401, "unauthorized")
        assert r.headers["www-authenticate"].startswith("Bearer")
        _error(anonymous.get("/openapi.json"), 401, "unauthorized")
    # unknown users: every per-user endpoint says so
    for method, path, payload in (("POST", "search", {"query": "x"}), ("POST", "answer", {"question": "x?"}),
                               ("GET", "facts", None), ("GET", "history?predicate=lives_in", None),
                               ("DELETE", "", None)):
        r = api.request(method, f"/v1/users/{user}/{path}".rstrip("/"), json=payload)
        assert user in _error(r, 404, "unknown_user")
    _error(api.post("/v1/users/alice/search", json={"query": "", "limit": 5}), 422, "invalid_argument")
    _error(api.post("/v1/users/alice/search", json={"query": "x", "limit": 1000}), 422, "invalid_argument")
    _error(api.get("/v1/nothing-here"), 404, "not_found")
    assert _counts(api) == before and user not in api.get("/v1/users").json()["users"]
    # and the same request, well-formed, is stored
    assert api.post(url, json=good).json()["stored"]
    assert _counts(api)["sessions"] == before["sessions"] + 1
    api.delete(f"/v1/users/{user}")


def test_token_never_logged(rest_server: Server, api: httpx.Client) -> None:
    """The server logs request lines (--access-log) but never the token, not even a wrong one."""
    api.get("/v1/users")
    httpx.get(api.base_url.join("/v1/users"), headers={"Authorization": "Bearer wrong-token-123456789"})
    log = rest_server.stderr()
    assert "GET /v1/users" in log  # the access log is on, so this check means something
    assert TOKEN not in log and "wrong-token-123456789" not in log
    assert rest_server.url.startswith("http://127.0.0.1:")


def test_public_bind_needs_token(tmp_path: Path) -> None:
    proc = subprocess.run([KGMEM, "serve", "http", "--host", "0.0.0.0", "--port", "0"],
                          env=server_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "needs --token" in proc.stderr
