"""The litellm backend against a local OpenAI-compatible stub server (no network, no keys).

The stub answers ``POST /v1/chat/completions`` from a script: a reply text, an HTTP error
status, or a delay longer than the client's timeout. Importing litellm costs ~20 s once for
this module.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from kgmem.llm import LLMError, LLMOutputError, LLMTimeout, LLMUnavailable, get_llm
from kgmem.llm.cache import CachedLLM, LLMCache
from kgmem.llm.fake import RecordingLLM
from kgmem.llm.litellm_backend import LiteLLMBackend
from kgmem.llm.tokens import approx_token_count
from kgmem.settings import Settings


class City(BaseModel):
    city: str


ASK = [{"role": "user", "content": "I live in Paris. Which city do I live in?"}]


class StubServer:
    """A scripted OpenAI-compatible chat endpoint."""

    def __init__(self) -> None:
        self.script: deque[tuple[str, Any]] = deque()
        self.requests: list[dict[str, Any]] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                return

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append(body)
                kind, value = stub.script.popleft() if stub.script else ("text", "ok")
                if kind == "sleep":
                    time.sleep(value)
                    kind, value = "text", "too late"
                if kind == "status":
                    status, message = value if isinstance(value, tuple) else (value, "stub error")
                    payload = json.dumps({"error": {"message": message,
                                                    "type": "server_error"}}).encode()
                    self.send_response(status)
                else:
                    payload = json.dumps({
                        "id": "chatcmpl-stub", "object": "chat.completion", "created": 0,
                        "model": body.get("model", "stub"),
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": value}}],
                        "usage": {"prompt_tokens": 11, "completion_tokens": 5,
                                  "total_tokens": 16},
                    }).encode()
                    self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up (timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def server() -> Iterator[StubServer]:
    stub = StubServer()
    yield stub
    stub.close()


@pytest.fixture()
def stub(server: StubServer) -> StubServer:
    server.script.clear()
    server.requests.clear()
    return server


def backend(url: str, **kw: Any) -> LiteLLMBackend:
    return LiteLLMBackend("openai/stub-model", api_base=url, api_key="sk-test",
                          timeout_s=kw.pop("timeout_s", 10.0), backoff_s=0.01, **kw)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_structured_call_sends_the_schema_and_records_usage(stub: StubServer) -> None:
    stub.script.append(("text", '{"city": "Paris"}'))
    result = backend(stub.url).complete(ASK, City, max_tokens=32)
    assert result.parsed == City(city="Paris")
    assert (result.prompt_tokens, result.completion_tokens, result.attempts) == (11, 5, 1)
    assert result.latency_s > 0 and not result.cached
    sent = stub.requests[0]
    assert sent["messages"] == ASK and sent["max_tokens"] == 32
    assert sent["response_format"]["type"] == "json_schema"
    assert sent["response_format"]["json_schema"]["schema"]["properties"] == {
        "city": {"title": "City", "type": "string"}}


def test_invalid_json_is_repaired_or_retried(stub: StubServer) -> None:
    stub.script.extend([("text", "I think it is Paris"),
                        ("text", '```json\n{"city": "Paris",}\n```')])
    result = backend(stub.url).complete(ASK, City)
    assert result.parsed == City(city="Paris")
    assert result.attempts == 2 and result.prompt_tokens == 22
    assert "no JSON object found" in stub.requests[1]["messages"][-1]["content"]


def test_still_invalid_raises_output_error(stub: StubServer) -> None:
    stub.script.extend([("text", "Paris")] * 3)
    with pytest.raises(LLMOutputError, match="no valid City after 3 attempt"):
        backend(stub.url).complete(ASK, City)


def test_free_text(stub: StubServer) -> None:
    stub.script.append(("text", "You live in Paris."))
    result = backend(stub.url).complete(ASK)
    assert result.text == "You live in Paris." and result.parsed is None
    assert "response_format" not in stub.requests[0]


def test_transient_errors_are_retried_with_backoff(stub: StubServer) -> None:
    stub.script.extend([("status", 503), ("status", 429), ("text", "fine")])
    assert backend(stub.url).complete(ASK).text == "fine"
    assert len(stub.requests) == 3


def test_persistent_server_error_is_typed(stub: StubServer) -> None:
    stub.script.extend([("status", 500)] * 3)
    with pytest.raises(LLMError, match=r"failed after 3 attempt\(s\) \(HTTP 500\)"):
        backend(stub.url).complete(ASK)


def test_timeout(stub: StubServer) -> None:
    stub.script.append(("sleep", 3.0))
    with pytest.raises(LLMTimeout) as info:
        backend(stub.url, timeout_s=0.5).complete(ASK)
    assert str(info.value).startswith("model 'openai/stub-model' did not answer within 0.5 s")
    assert stub.url in str(info.value)


def test_schema_rejected_by_server_falls_back_to_local_repair(stub: StubServer) -> None:
    stub.script.extend([("status", (400, "response_format json_schema is not supported")),
                        ("status", (400, "response_format json_object is not supported either")),
                        ("text", 'Sure: {"city": "Paris"}')])
    llm = backend(stub.url)
    assert llm.complete(ASK, City).parsed == City(city="Paris")
    # json_schema, then json_object with the schema (llama.cpp's server), then no format at all
    assert stub.requests[0]["response_format"]["type"] == "json_schema"
    assert stub.requests[1]["response_format"] == {"type": "json_object", "schema": City.model_json_schema()}
    assert "response_format" not in stub.requests[2]
    stub.script.append(("status", (400, "bad temperature")))
    with pytest.raises(LLMError, match="rejected the request: .*bad temperature"):
        llm.complete(ASK, City)


def test_unreachable_api_base_names_model_url_and_remedy() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    llm = LiteLLMBackend("ollama/qwen3:4b", api_base=url, timeout_s=5.0, backoff_s=0.01)
    with pytest.raises(LLMUnavailable) as info:
        llm.complete(ASK)
    msg = str(info.value)
    assert msg.startswith(f"model 'ollama/qwen3:4b' is unavailable at {url}")
    assert "check that the server is running" in msg and "KGMEM_LLM_API_BASE" in msg
    openai_style = backend(f"http://127.0.0.1:{closed_port()}/v1")
    with pytest.raises(LLMUnavailable, match="'openai/stub-model' is unavailable at http"):
        openai_style.complete(ASK, City)


def test_get_llm_builds_litellm_backend_from_settings(stub: StubServer, tmp_path: Path) -> None:
    settings = Settings.load({"home": str(tmp_path), "llm_model": "openai/stub-model",
                              "llm_api_base": stub.url, "llm_api_key": "sk-test"}, env={})
    llm = get_llm(settings)
    assert isinstance(llm, CachedLLM) and isinstance(llm.inner, LiteLLMBackend)
    stub.script.append(("text", '{"city": "Paris"}'))
    assert llm.complete(ASK, City).parsed == City(city="Paris")
    assert llm.complete(ASK, City).cached
    assert len(stub.requests) == 1


def test_token_counting_is_offline(stub: StubServer, tmp_path: Path) -> None:
    gpt = LiteLLMBackend("gpt-4o-mini")
    assert gpt.tokenizer_name == "gpt-4o-mini tokenizer"  # nothing counted yet
    assert gpt.count_tokens("Hello world") >= 2
    assert gpt.tokenizer_name == "litellm.token_counter"
    # reports see the backend's counter through the cache and the recorder
    assert CachedLLM(gpt, LLMCache(tmp_path / "llm.sqlite")).tokenizer_name == "litellm.token_counter"
    recorder = RecordingLLM(CachedLLM(gpt, LLMCache(tmp_path / "llm.sqlite")), tmp_path / "replies.jsonl")
    assert recorder.tokenizer_name == "litellm.token_counter"
    llama = LiteLLMBackend("ollama/llama3.2:3b")
    assert llama.count_tokens("Hello world") == approx_token_count("Hello world")
    assert llama.tokenizer_name.startswith("approx")
