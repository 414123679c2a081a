"""The one LLM interface every model call in kgmem goes through, its result and its errors.

Backends (``local.py`` for llama.cpp in-process, ``litellm_backend.py`` for APIs and servers,
``fake.py`` for tests) implement :class:`LLM`. Most of them subclass
:class:`kgmem.llm.backend.BackendBase`, which only asks for one raw completion call and gets
schema validation, JSON repair and bounded retries from :mod:`kgmem.llm.structured` — so every
backend, with or without grammar support, returns either a validated pydantic object or a typed
error, never a silent half-answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, TypedDict, TypeVar, Unpack, runtime_checkable

from pydantic import BaseModel

#: a chat message: {"role": "system"|"user"|"assistant", "content": "..."}
Message = dict[str, str]

T = TypeVar("T", bound=BaseModel)


# ----------------------------------------------------------------------------- errors


class LLMError(RuntimeError):
    """Base of every error raised by the LLM layer."""


class LLMTimeout(LLMError):
    """A call took longer than its timeout."""

    def __init__(self, model: str, timeout_s: float, detail: str = "") -> None:
        self.model = model
        self.timeout_s = timeout_s
        msg = f"model {model!r} did not answer within {timeout_s:g} s"
        if detail:
            msg += f" ({detail})"
        msg += "; raise KGMEM_LLM_TIMEOUT or use a smaller prompt/model"
        super().__init__(msg)


class LLMUnavailable(LLMError):
    """The model cannot be reached or loaded (server down, wrong api base, missing file)."""

    def __init__(self, model: str, where: str | None, detail: str = "", hint: str = "") -> None:
        self.model = model
        self.where = where
        msg = f"model {model!r} is unavailable"
        if where:
            msg += f" at {where}"
        if detail:
            msg += f": {detail}"
        msg += "; " + (hint or "check that the server is running and the api base is right")
        super().__init__(msg)


class LLMOutputError(LLMError):
    """Structured output stayed invalid after every repair and retry.

    Carries the last raw text the model produced and the validation error, so callers can
    record exactly what went wrong (e.g. in a predictions file) instead of losing it.
    """

    def __init__(self, model: str, schema_name: str, raw_text: str, validation_error: str,
                 attempts: int) -> None:
        self.model = model
        self.schema_name = schema_name
        self.raw_text = raw_text
        self.validation_error = validation_error
        self.attempts = attempts
        shown = raw_text if len(raw_text) <= 200 else raw_text[:200] + "…"
        super().__init__(
            f"model {model!r} returned no valid {schema_name} after {attempts} attempt(s): "
            f"{validation_error}; last output: {shown!r}"
        )


class LLMContextError(LLMError, ValueError):
    """The prompt plus ``max_tokens`` does not fit the model's context window."""


class ModelNotAllowed(LLMError):
    """A model is refused by a configured rule (e.g. the Investigathon ≤4B-parameter limit)."""


# ----------------------------------------------------------------------------- results


@dataclass
class LLMResult:
    """What one :meth:`LLM.complete` call returns.

    ``parsed`` is the validated pydantic object when a schema was given (else ``None``);
    token counts are the backend's own usage figures summed over all attempts; ``attempts``
    counts model calls made for this result (1 when the first output was valid; 0 when served
    from the cache).
    """

    text: str
    parsed: BaseModel | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    cached: bool = False
    attempts: int = 1
    model: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def parsed_as(self, schema: type[T]) -> T:
        """The parsed object, typed as ``schema`` (raises ``TypeError`` if it is not one)."""
        if not isinstance(self.parsed, schema):
            raise TypeError(f"result holds {type(self.parsed).__name__}, not {schema.__name__}")
        return self.parsed


@dataclass(frozen=True)
class RawRequest:
    """One raw model call, as a backend's ``_raw_complete`` receives it.

    ``json_schema`` is the schema to constrain decoding to (a backend without grammar support
    ignores it); ``timeout_s`` is what is left of the caller's budget.
    """

    messages: list[Message]
    json_schema: dict[str, Any] | None
    temperature: float
    max_tokens: int
    timeout_s: float | None
    #: free text ends before the first of these strings (ignored with a schema)
    stop: tuple[str, ...] = field(default=())


@dataclass
class RawCompletion:
    """One raw model call, before any validation: what a backend's ``_raw_complete`` returns."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


# ----------------------------------------------------------------------------- interface


class CompletionOptions(TypedDict, total=False):
    """The keyword options of :meth:`LLM.complete` (defaults: :class:`CompletionRequest`)."""

    temperature: float
    max_tokens: int
    prompt_version: str
    timeout_s: float | None
    stop: tuple[str, ...]


@runtime_checkable
class LLM(Protocol):
    """A chat model: one completion method, one token counter."""

    model: str

    def complete(self, messages: list[Message], schema: type[BaseModel] | None = None,
                 **options: Unpack[CompletionOptions]) -> LLMResult:
        """Run one chat completion; with ``schema``, return a validated object in ``parsed``.

        ``options`` (keywords): see :class:`CompletionOptions`; defaults in :class:`CompletionRequest`."""
        ...

    def count_tokens(self, text: str) -> int:
        """Number of tokens ``text`` takes for this model (its own tokenizer when possible)."""
        ...

    @property
    def tokenizer_name(self) -> str:
        """Which tokenizer :meth:`count_tokens` counts with (reports name it)."""
        ...


@dataclass(frozen=True)
class CompletionRequest:
    """The arguments of one :meth:`LLM.complete` call, passed on as one value."""

    messages: list[Message]
    schema: type[BaseModel] | None = None
    temperature: float = 0.0
    max_tokens: int = 512
    prompt_version: str = ""
    timeout_s: float | None = None
    #: a free-text answer ends before the first of these strings (the string itself is dropped);
    #: ignored with a schema
    stop: tuple[str, ...] = field(default=())

    def send(self, llm: LLM) -> LLMResult:
        """Make this call on ``llm``."""
        if self.stop:  # why: only when set, so models written before the option keep working
            return llm.complete(self.messages, self.schema, temperature=self.temperature,
                                max_tokens=self.max_tokens, prompt_version=self.prompt_version,
                                timeout_s=self.timeout_s, stop=self.stop)
        return llm.complete(self.messages, self.schema, temperature=self.temperature,
                            max_tokens=self.max_tokens, prompt_version=self.prompt_version,
                            timeout_s=self.timeout_s)


class CompletingLLM:
    """Spells :meth:`LLM.complete`'s signature once: subclasses implement ``_complete(request)``."""

    model: str = ""

    def complete(self, messages: list[Message], schema: type[BaseModel] | None = None,
                 **options: Unpack[CompletionOptions]) -> LLMResult:
        """See :meth:`LLM.complete`."""
        return self._complete(CompletionRequest(messages, schema, **options))

    def _complete(self, request: CompletionRequest) -> LLMResult:
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        raise NotImplementedError

    @property
    def tokenizer_name(self) -> str:
        """See :attr:`LLM.tokenizer_name`; backends with their own tokenizer say which."""
        return f"{self.model} tokenizer"


class WrappedLLM(CompletingLLM):
    """A layer around another model (cache, recorder): same model name and token counts."""

    def __init__(self, inner: LLM) -> None:
        self.inner = inner
        self.model = inner.model

    def count_tokens(self, text: str) -> int:
        """Delegates to the wrapped model."""
        return int(self.inner.count_tokens(text))

    @property
    def tokenizer_name(self) -> str:
        """The wrapped model's tokenizer."""
        return self.inner.tokenizer_name


def validate_messages(messages: list[Message]) -> None:
    """Reject malformed chat messages early, naming the offending index and field."""
    if not isinstance(messages, list) or not messages:
        raise ValueError("messages must be a non-empty list of {'role', 'content'} dicts")
    for i, msg in enumerate(messages):
        if not isinstance(msg, dict):
            raise ValueError(f"messages[{i}] is {type(msg).__name__}, expected a dict")
        role = msg.get("role")
        if role not in ("system", "user", "assistant"):
            raise ValueError(f"messages[{i}].role is {role!r}; expected system, user or assistant")
        if not isinstance(msg.get("content"), str):
            raise ValueError(f"messages[{i}].content must be a string")
