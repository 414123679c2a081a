"""``FakeLLM``: a deterministic model for unit tests that implements the real LLM interface.

Use it wherever code takes an :class:`~kgmem.llm.base.LLM` (extraction, answering, judging)
so tests run without a model, a server or litellm. It goes through the same structured-output
loop as the real backends (parse → repair → retry → ``LLMOutputError``), with no grammar, so
broken JSON in a fixture behaves as it would from a real small model.

How it picks a reply, first match wins:

1. a queued script (``FakeLLM(script=[...])`` or ``fake.queue(...)``): items are returned in
   order, one per model call; an item that is an exception (e.g.
   ``LLMTimeout("fake/test", 5)``) is raised instead;
2. ``responses``: a dict keyed by :func:`messages_key` (sha256 of the messages) — or a path
   to a JSON file ``{"model": ..., "responses": {key: reply}}`` — whose value is a string or a
   list of strings (successive calls cycle through the list, the last one repeats);
3. ``matchers``: ``(predicate(messages) -> bool, reply)`` pairs, reply a string or a function
   of the messages;
4. ``default`` (a string or a function of the messages); with no default an unmatched call
   raises ``KeyError`` naming the key and the last user message, so a missing fixture is
   obvious.

Examples::

    fake = FakeLLM(matchers=[(lambda m: "birthday" in m[-1]["content"], '{"date": "1990-05-12"}')])
    fake.complete([{"role": "user", "content": "When is the birthday?"}], DateAnswer).parsed

    fake = FakeLLM(script=['{"date": ', '{"date": "2023-01-01"}'])   # broken, then valid
    fake = FakeLLM(script=[LLMUnavailable("fake/test", "http://127.0.0.1:9")])

    rec = FakeLLM.record(real_llm, "tests/fixtures/llm/mine.json")  # record once, replay later

``calls`` holds every ``(messages, json_schema)`` the fake saw; ``call_count`` counts them.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kgmem.llm.backend import BackendBase
from kgmem.llm.base import (
    LLM,
    CompletionRequest,
    LLMResult,
    Message,
    RawCompletion,
    RawRequest,
    WrappedLLM,
)
from kgmem.llm.tokens import approx_token_count

Reply = str | Callable[[list[Message]], str]
ScriptItem = str | BaseException


def messages_key(messages: list[Message]) -> str:
    """sha256 of the messages as canonical JSON: the key of a recorded response."""
    blob = json.dumps(messages, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def load_responses(path: Path) -> dict[str, str | list[str]]:
    """Read a recorded-responses JSON file; errors name the file and the bad entry."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    responses = data.get("responses") if isinstance(data, dict) else None
    if not isinstance(responses, dict):
        raise ValueError(f"{path}: expected an object with a 'responses' mapping")
    for key, value in responses.items():
        ok = isinstance(value, str) or (
            isinstance(value, list) and value and all(isinstance(v, str) for v in value))
        if not ok:
            raise ValueError(f"{path}: responses[{key!r}] must be a string or a list of strings")
    return responses


class FakeLLM(BackendBase):
    """Deterministic replay model (see the module docstring for how replies are chosen)."""

    supports_grammar = False

    def __init__(
        self,
        responses: dict[str, str | list[str]] | Path | str | None = None,
        *,
        matchers: Iterable[tuple[Callable[[list[Message]], bool], Reply]] = (),
        script: Iterable[ScriptItem] = (),
        default: Reply | None = None,
        model: str = "fake/test",
        output_retries: int = 2,
    ) -> None:
        self.model = model
        self.output_retries = output_retries
        if isinstance(responses, (str, Path)):
            responses = load_responses(Path(responses))
        self.responses: dict[str, str | list[str]] = dict(responses or {})
        self.matchers = list(matchers)
        self.script: deque[ScriptItem] = deque(script)
        self.default = default
        self.calls: list[tuple[list[Message], dict[str, Any] | None]] = []
        self._served: dict[str, int] = {}

    @property
    def call_count(self) -> int:
        """Model calls made so far (retries count separately)."""
        return len(self.calls)

    def queue(self, *items: ScriptItem) -> None:
        """Append replies (or exceptions to raise) for the next calls."""
        self.script.extend(items)

    def count_tokens(self, text: str) -> int:
        """The documented approximation from :mod:`kgmem.llm.tokens`."""
        return approx_token_count(text)

    def _reply(self, messages: list[Message]) -> str:
        if self.script:
            item = self.script.popleft()
            if isinstance(item, BaseException):
                raise item
            return item
        key = messages_key(messages)
        if key in self.responses:
            value = self.responses[key]
            if isinstance(value, str):
                return value
            i = self._served.get(key, 0)
            self._served[key] = i + 1
            return value[min(i, len(value) - 1)]
        for predicate, reply in self.matchers:
            if predicate(messages):
                return reply if isinstance(reply, str) else reply(messages)
        if self.default is not None:
            return self.default if isinstance(self.default, str) else self.default(messages)
        last_user = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
        raise KeyError(f"FakeLLM has no response for key {key} (last user message: "
                       f"{last_user[:120]!r})")

    def _raw_complete(self, request: RawRequest) -> RawCompletion:
        messages = request.messages
        self.calls.append((list(messages), request.json_schema))
        text = self._reply(messages)
        if request.stop and request.json_schema is None:  # as a real backend stops
            from kgmem.llm.local import first_stop

            cut = first_stop(text, list(request.stop))
            text = text if cut < 0 else text[:cut]
        prompt = sum(approx_token_count(m["content"]) for m in messages)
        return RawCompletion(text=text, prompt_tokens=prompt,
                             completion_tokens=approx_token_count(text))

    @staticmethod
    def record(inner: Any, path: Path | str) -> RecordingLLM:
        """Wrap a real model so its replies are saved to ``path`` for later replay."""
        return RecordingLLM(inner, Path(path))


class RecordingLLM(WrappedLLM):
    """Passes calls to a real model and appends each reply to a FakeLLM fixture file."""

    def __init__(self, inner: LLM, path: Path) -> None:
        super().__init__(inner)
        self.path = path

    def _complete(self, request: CompletionRequest) -> LLMResult:
        """Call the real model and record ``messages → text`` in the fixture file."""
        result = request.send(self.inner)
        data: dict[str, Any] = {"model": self.model, "responses": {}}
        if self.path.exists():
            data["responses"] = load_responses(self.path)
        data["responses"][messages_key(request.messages)] = result.text
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        return result
