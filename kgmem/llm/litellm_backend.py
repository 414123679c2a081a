"""APIs and model servers through litellm: Ollama, OpenAI, any OpenAI-compatible server.

litellm is imported lazily inside methods (its import takes 15-20 s), after setting
``LITELLM_LOCAL_MODEL_COST_MAP`` so it never fetches its price list from the network.

Structured output: the JSON schema is sent as ``response_format`` (OpenAI json_schema; litellm
maps it to Ollama's ``format``); servers that reject it are called again without it and the
shared parse → repair → retry loop (``structured.py``) does the rest. Transient failures
(connection refused, 429, 5xx) are retried with exponential backoff a bounded number of times;
then an unreachable server is :class:`~kgmem.llm.base.LLMUnavailable` naming the model and URL.
"""

from __future__ import annotations

import os
import time
from typing import Any

from kgmem.llm.backend import BackendBase
from kgmem.llm.base import (
    LLMError,
    LLMTimeout,
    LLMUnavailable,
    Message,
    RawCompletion,
    RawRequest,
)
from kgmem.llm.tokens import litellm_token_count

#: where each provider listens when no api base is configured (for error messages)
_DEFAULT_BASES = {
    "ollama": "http://localhost:11434",
    "ollama_chat": "http://localhost:11434",
    "openai": "https://api.openai.com/v1",
}

_TRANSIENT_STATUS = {408, 409, 429, 500, 502, 503, 504}


def _provider(model: str) -> str:
    return model.split("/", 1)[0] if "/" in model else "openai"


def _import_litellm() -> Any:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    try:
        import litellm
    except ImportError as exc:
        raise LLMUnavailable("litellm", None, "litellm is not installed",
                             hint="install it with `pip install litellm`") from exc
    litellm.suppress_debug_info = True  # why: keep litellm's banners off the user's stderr
    return litellm


class LiteLLMBackend(BackendBase):
    """A model reached through litellm; implements :class:`kgmem.llm.base.LLM`."""

    def __init__(
        self,
        model: str,
        *,
        api_base: str | None = None,
        api_key: str | None = None,
        timeout_s: float = 120.0,
        transient_retries: int = 2,
        backoff_s: float = 0.5,
    ) -> None:
        self.model = model
        self.api_base = api_base
        self.api_key = api_key
        self.timeout_s = timeout_s
        self.transient_retries = transient_retries
        self.backoff_s = backoff_s
        self.provider = _provider(model)
        # why: we always validate locally; a server-side schema only makes failures rarer
        self.supports_grammar = True
        self._schema_rejected = False
        #: "json_schema" (OpenAI style), then "json_object" with a schema (llama.cpp's server),
        #: then no response_format at all: each server rejection steps down once
        self._format_mode = "json_schema"
        self._counted_with = ""  # the counter the last count_tokens used

    @property
    def where(self) -> str:
        """The URL this backend talks to (for error messages)."""
        return self.api_base or _DEFAULT_BASES.get(self.provider, f"the {self.provider} API")

    def count_tokens(self, text: str) -> int:
        """litellm's counter where it is offline-safe, else the documented approximation."""
        count, self._counted_with = litellm_token_count(self.model, text)
        return count

    @property
    def tokenizer_name(self) -> str:
        """The counter :meth:`count_tokens` used last (litellm's, or the approximation)."""
        return self._counted_with or super().tokenizer_name

    def _response_format(self, json_schema: dict[str, Any] | None) -> dict[str, Any] | None:
        if json_schema is None or self._schema_rejected:
            return None
        if self._format_mode == "json_object":
            return {"type": "json_object", "schema": json_schema}
        name = str(json_schema.get("title") or "output")
        return {"type": "json_schema",
                "json_schema": {"name": name, "schema": json_schema, "strict": False}}

    def _step_down_format(self, kwargs: dict[str, Any], json_schema: dict[str, Any] | None) -> None:
        """The server refused the response format: try the next one (see ``_format_mode``)."""
        if self._format_mode == "json_schema" and json_schema is not None:
            self._format_mode = "json_object"
            kwargs["response_format"] = self._response_format(json_schema)
        else:
            self._schema_rejected = True
            kwargs.pop("response_format", None)

    def _request(self, messages: list[Message], json_schema: dict[str, Any] | None, temperature: float,
                 max_tokens: int, timeout: float) -> dict[str, Any]:
        """The keyword arguments of one ``litellm.completion`` call."""
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "temperature": temperature,
            "max_tokens": max_tokens,
            "timeout": timeout,
            "num_retries": 0,  # why: retries are ours (bounded, typed errors)
            "max_retries": 0,  # why: the OpenAI client would otherwise retry silently too
            "drop_params": True,  # why: e.g. gpt-5 models reject temperature=0
        }
        if self.api_base:
            kwargs["api_base"] = self.api_base
        if self.api_key:
            kwargs["api_key"] = self.api_key
        response_format = self._response_format(json_schema)
        if response_format is not None:
            kwargs["response_format"] = response_format
        return kwargs

    def _raw_complete(self, request: RawRequest) -> RawCompletion:
        litellm = _import_litellm()
        timeout = self.timeout_s if request.timeout_s is None else min(request.timeout_s, self.timeout_s)
        kwargs = self._request(request.messages, request.json_schema, request.temperature,
                               request.max_tokens, timeout)
        if request.stop and request.json_schema is None:
            kwargs["stop"] = list(request.stop)
        attempt = 0
        while True:
            try:
                response = litellm.completion(**kwargs)
                break
            except litellm.exceptions.Timeout as exc:
                raise LLMTimeout(self.model, timeout, f"at {self.where}") from exc
            except litellm.exceptions.BadRequestError as exc:
                if "response_format" in kwargs and _mentions_format(exc):
                    # the server does not do this JSON format: try the next one; we validate locally
                    self._step_down_format(kwargs, request.json_schema)
                    continue
                raise LLMError(f"model {self.model!r} at {self.where} rejected the request: "
                               f"{_short(exc)}") from exc
            except litellm.exceptions.AuthenticationError as exc:
                raise LLMError(f"model {self.model!r} at {self.where}: authentication failed; "
                               "set KGMEM_LLM_API_KEY (or the provider's key variable, e.g. "
                               "OPENAI_API_KEY)") from exc
            except litellm.exceptions.NotFoundError as exc:
                hint = (f"pull it with `ollama pull {self.model.split('/', 1)[1]}`"
                        if self.provider in ("ollama", "ollama_chat")
                        else "check the model name")
                raise LLMUnavailable(self.model, self.where, "the server does not know this model",
                                     hint=hint) from exc
            except (litellm.exceptions.APIConnectionError, litellm.exceptions.RateLimitError,
                    litellm.exceptions.ServiceUnavailableError,
                    litellm.exceptions.InternalServerError, litellm.exceptions.BadGatewayError,
                    litellm.exceptions.APIError) as exc:
                status = getattr(exc, "status_code", None)
                if "response_format" in kwargs and _mentions_format(exc) and not _is_connection_failure(exc, litellm):
                    # llama.cpp's server answers an unknown format with HTTP 500, not 400
                    self._step_down_format(kwargs, request.json_schema)
                    continue
                connection = _is_connection_failure(exc, litellm)
                transient = connection or status in _TRANSIENT_STATUS
                if transient and attempt < self.transient_retries:
                    time.sleep(self.backoff_s * (2 ** attempt))  # exponential backoff
                    attempt += 1
                    continue
                if connection:
                    raise LLMUnavailable(
                        self.model, self.where, f"cannot connect ({_short(exc)})",
                        hint="check that the server is running (e.g. `ollama serve`) and that "
                        "KGMEM_LLM_API_BASE points at it") from exc
                raise LLMError(f"model {self.model!r} at {self.where} failed after "
                               f"{attempt + 1} attempt(s) (HTTP {status}): {_short(exc)}") from exc

        choice = response.choices[0]
        text = getattr(choice.message, "content", None) or ""
        usage = getattr(response, "usage", None)
        return RawCompletion(
            text=text,
            prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        )


def _is_connection_failure(exc: BaseException, litellm: Any) -> bool:
    """Whether the server could not be reached at all (litellm reports some as HTTP 500)."""
    seen: BaseException | None = exc
    for _ in range(8):  # walk the cause chain: litellm wraps openai wraps httpx
        if seen is None:
            break
        if isinstance(seen, (litellm.exceptions.APIConnectionError, ConnectionError)):
            if not isinstance(seen, litellm.exceptions.Timeout):
                return True
        if type(seen).__name__ in ("ConnectError", "APIConnectionError"):
            return True
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    return "Connection error" in text or "Connection refused" in text


def _mentions_format(exc: BaseException) -> bool:
    msg = str(exc).lower()
    return "response_format" in msg or "json_schema" in msg or "response format" in msg


def _short(exc: BaseException, limit: int = 240) -> str:
    msg = " ".join(str(exc).split())
    return msg if len(msg) <= limit else msg[:limit] + "…"
