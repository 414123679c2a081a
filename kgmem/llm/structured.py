"""Structured output that survives small models: parse → repair → retry → typed error.

Shared by every backend (see :class:`kgmem.llm.backend.BackendBase`), so the same logic runs
behind llama.cpp grammars, servers with ``response_format`` and backends with no constraint at
all. Repairs are deliberately conservative — they only undo formatting accidents (code fences,
prose around the object, trailing commas, an object cut off by ``max_tokens``); they never
invent field values. Anything still invalid goes back to the model with the validation error,
a bounded number of times, and then surfaces as :class:`~kgmem.llm.base.LLMOutputError`.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from kgmem.llm.base import LLMOutputError, LLMResult, LLMTimeout, Message, RawCompletion, RawRequest

RawFn = Callable[[RawRequest], RawCompletion]

_FENCE = re.compile(r"^```[a-zA-Z0-9_-]*\s*\n?(.*?)\n?```\s*$", re.DOTALL)
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL)


def strip_fences(text: str) -> str:
    """Remove a surrounding Markdown code fence and any ``<think>…</think>`` block."""
    text = _THINK.sub("", text).strip()
    match = _FENCE.match(text)
    if match:
        return match.group(1).strip()
    # a fence somewhere inside prose: take its body
    inner = re.search(r"```[a-zA-Z0-9_-]*\s*\n(.*?)```", text, re.DOTALL)
    return inner.group(1).strip() if inner else text


def _scan(text: str, start: int = 0) -> Iterator[tuple[int, str, bool]]:
    """``(index, char, structural)`` for each character from ``start``: ``structural`` is False
    inside a JSON string literal and for its quotes (escapes included), so brackets and commas
    in strings are never mistaken for syntax."""
    in_str = False
    escape = False
    for i in range(start, len(text)):
        ch = text[i]
        if in_str:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_str = False
            yield i, ch, False
        elif ch == '"':
            in_str = True
            yield i, ch, False
        else:
            yield i, ch, True


def extract_first_object(text: str) -> str | None:
    """The first balanced ``{…}`` in ``text`` (string-aware), or ``None`` (none, or truncated)."""
    start = text.find("{")
    if start < 0:
        return None
    stack: list[str] = []
    for i, ch, structural in _scan(text, start):
        if not structural:
            continue
        if ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            if not stack or stack[-1] != ch:
                return None  # mismatched brackets: not something we can safely repair
            stack.pop()
            if not stack:
                return text[start : i + 1]
    # ran off the end (output cut by max_tokens): closing it would invent values from a
    # runaway string, so report it and let the caller retry
    return None


def remove_trailing_commas(text: str) -> str:
    """Drop commas directly before ``}`` or ``]`` outside strings."""
    out: list[str] = []
    for i, ch, structural in _scan(text):
        if structural and ch == "," and text[i + 1 :].lstrip()[:1] in ("}", "]"):
            continue
        out.append(ch)
    return "".join(out)


def repair_json(text: str) -> Any:
    """Parse ``text`` as JSON, undoing common formatting accidents; raises ``ValueError``."""
    candidates: list[str] = []
    stripped = strip_fences(text)
    candidates.append(stripped)
    obj = extract_first_object(stripped)
    if obj is not None:
        candidates.append(obj)
    opened = stripped.find("{")
    last_error = ("the JSON object was cut off before it closed (max_tokens too small, or a "
                  "runaway string)" if opened >= 0 and obj is None else "no JSON object found")
    for cand in candidates:
        for variant in (cand, remove_trailing_commas(cand)):
            try:
                return json.loads(variant)
            except json.JSONDecodeError as exc:
                if opened >= 0 and obj is not None:
                    last_error = (f"invalid JSON: {exc.msg} at line {exc.lineno} "
                                  f"column {exc.colno}")
    raise ValueError(last_error)


def format_validation_error(exc: ValidationError) -> str:
    """One line per problem: ``field.path: message``."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ())) or "(root)"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def parse_structured(text: str, schema: type[BaseModel]) -> tuple[BaseModel | None, str]:
    """Validate ``text`` against ``schema`` after repair → (object, "") or (None, error)."""
    try:
        data = repair_json(text)
    except ValueError as exc:
        return None, str(exc)
    try:
        return schema.model_validate(data), ""
    except ValidationError as exc:
        return None, "schema mismatch: " + format_validation_error(exc)


def retry_messages(messages: list[Message], bad_text: str, error: str,
                   json_schema: dict[str, Any]) -> list[Message]:
    """The conversation for a retry: the bad reply, then what was wrong and what is wanted."""
    return [
        *messages,
        {"role": "assistant", "content": bad_text},
        {
            "role": "user",
            "content": (
                f"That reply was not valid ({error}). Reply again with only one JSON object "
                "that matches this JSON schema, with no prose and no code fences:\n"
                + json.dumps(json_schema, separators=(",", ":"))
            ),
        },
    ]


def complete_structured(
    raw_fn: RawFn,
    messages: list[Message],
    schema: type[BaseModel],
    *,
    model: str,
    temperature: float,
    max_tokens: int,
    timeout_s: float | None,
    max_retries: int = 2,
    grammar: bool = False,
) -> LLMResult:
    """Call ``raw_fn`` until its output validates against ``schema`` (≤ 1 + ``max_retries`` calls).

    ``timeout_s`` is a budget for the whole exchange, retries included. ``grammar`` says the
    backend constrains decoding to the schema (so invalid output is rarer, usually a
    truncation); the loop is the same either way.
    """
    json_schema = schema.model_json_schema()
    start = time.monotonic()
    convo = list(messages)
    prompt_tokens = completion_tokens = 0
    last_text, last_error = "", ""
    attempts = 0
    for attempt in range(1 + max(0, max_retries)):
        remaining: float | None = None
        if timeout_s is not None:
            remaining = timeout_s - (time.monotonic() - start)
            if remaining <= 0:
                raise LLMTimeout(model, timeout_s, f"budget spent after {attempt} attempt(s)")
        raw = raw_fn(RawRequest(convo, json_schema, temperature, max_tokens, remaining))
        attempts += 1
        prompt_tokens += raw.prompt_tokens
        completion_tokens += raw.completion_tokens
        parsed, error = parse_structured(raw.text, schema)
        if parsed is not None:
            return LLMResult(
                text=raw.text, parsed=parsed, prompt_tokens=prompt_tokens,
                completion_tokens=completion_tokens, latency_s=time.monotonic() - start,
                attempts=attempts, model=model, extra={"grammar": grammar},
            )
        last_text, last_error = raw.text, error
        convo = retry_messages(messages, raw.text, error, json_schema)
    raise LLMOutputError(model, schema.__name__, last_text, last_error, attempts)
