"""The shared ``complete`` of every backend: validation, repair and retries live in one place."""

from __future__ import annotations

import time
from typing import Any

from pydantic import BaseModel

from kgmem.llm.base import LLMResult, Message, RawCompletion, validate_messages
from kgmem.llm.structured import complete_structured


class BackendBase:
    """Shared ``complete`` for backends: validation, repair and retries live in one place.

    Subclasses set ``model`` and ``supports_grammar`` and implement ``_raw_complete`` and
    ``count_tokens``. ``_raw_complete`` receives the JSON schema (or ``None``) and may use it to
    constrain decoding; a backend without grammar support simply ignores it and the shared loop
    repairs/retries.
    """

    model: str = ""
    #: whether ``_raw_complete`` constrains output to the JSON schema (affects the prompt only)
    supports_grammar: bool = False
    #: how many extra calls to make when structured output is invalid
    output_retries: int = 2

    def _raw_complete(
        self,
        messages: list[Message],
        json_schema: dict[str, Any] | None,
        *,
        temperature: float,
        max_tokens: int,
        timeout_s: float | None,
    ) -> RawCompletion:
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        raise NotImplementedError

    def complete(
        self,
        messages: list[Message],
        schema: type[BaseModel] | None = None,
        *,
        temperature: float = 0.0,
        max_tokens: int = 512,
        prompt_version: str = "",
        timeout_s: float | None = None,
    ) -> LLMResult:
        """See :meth:`LLM.complete`; ``prompt_version`` only matters to the cache wrapper."""
        validate_messages(messages)
        start = time.monotonic()
        if schema is None:
            raw = self._raw_complete(messages, None, temperature=temperature,
                                     max_tokens=max_tokens, timeout_s=timeout_s)
            return LLMResult(text=raw.text, parsed=None, prompt_tokens=raw.prompt_tokens,
                             completion_tokens=raw.completion_tokens,
                             latency_s=time.monotonic() - start, attempts=1, model=self.model)
        result = complete_structured(
            self._raw_complete, messages, schema, model=self.model,
            temperature=temperature, max_tokens=max_tokens, timeout_s=timeout_s,
            max_retries=self.output_retries, grammar=self.supports_grammar,
        )
        result.latency_s = time.monotonic() - start
        return result
