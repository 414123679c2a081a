"""docs/api.md stays true: its curl lines run against a real server, and its MCP client
configuration (repeated in the README) is the one the stdio test starts."""

from __future__ import annotations

import json
import re
import shlex
from typing import Any

import httpx

from .conftest import ROOT, TOKEN, Server

DOC = ROOT / "docs" / "api.md"
README = ROOT / "README.md"


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", text, flags=re.S | re.M)


def mcp_client_config() -> dict[str, Any]:
    """The documented client configuration for kgmem (the README shows the same JSON)."""
    (doc,) = [b for b in blocks(DOC.read_text(encoding="utf-8"), "json") if "mcpServers" in b]
    assert doc in blocks(README.read_text(encoding="utf-8"), "json"), "README and docs/api.md differ"
    config: dict[str, Any] = json.loads(doc)["mcpServers"]["kgmem"]
    return config


def curl_to_request(line: str, base: str) -> tuple[str, str, dict[str, str], str | None]:
    """(method, url, headers, body) of one documented ``curl`` command."""
    argv = shlex.split(line.replace("$KGMEM_URL", base))
    assert argv[0] == "curl", line
    method, headers, body, url = "GET", {}, None, None
    it = iter(argv[1:])
    for arg in it:
        if arg == "-s":
            continue
        if arg == "-X":
            method = next(it)
        elif arg == "-H":
            name, _, value = next(it).partition(":")
            headers[name.strip()] = value.strip()
        elif arg == "-d":
            body = next(it)
            method = "POST" if method == "GET" else method
        else:
            assert url is None and arg.startswith("http"), f"unexpected curl argument {arg!r} in {line!r}"
            url = arg
    assert url is not None, line
    return method, url, headers, body


def test_documented_curl_lines_work(rest_server: Server) -> None:
    (script,) = [b for b in blocks(DOC.read_text(encoding="utf-8"), "bash") if "curl" in b]
    lines = [ln for ln in script.splitlines() if ln.startswith("curl ")]
    assert len(lines) >= 7
    replies = []
    for line in lines:
        method, url, headers, body = curl_to_request(line, rest_server.url)
        r = httpx.request(method, url, headers={**headers, "Authorization": f"Bearer {TOKEN}"},
                          content=body, timeout=120)
        assert r.status_code == 200, (line, r.text)
        replies.append(r.json())
    answers = [r["answer"] for r in replies if "answer" in r]
    assert answers[0].startswith("61 days") and answers[1] == "Seattle"  # as the doc says
    assert replies[-1]["deleted"]


def test_client_config_shape() -> None:
    config = mcp_client_config()
    assert config["command"] == "kgmem" and config["args"][:2] == ["serve", "mcp"]
    assert set(config["env"]) == {"KGMEM_HOME"}
