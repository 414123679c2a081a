"""The shared ``complete`` of every backend: validation, repair and retries live in one place."""

from __future__ import annotations

import time

from kgmem.llm.base import (
    CompletingLLM,
    CompletionRequest,
    LLMResult,
    RawCompletion,
    RawRequest,
    validate_messages,
)
from kgmem.llm.structured import complete_structured


class BackendBase(CompletingLLM):
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

    def _raw_complete(self, request: RawRequest) -> RawCompletion:
        raise NotImplementedError

    def _complete(self, request: CompletionRequest) -> LLMResult:
        """Validation, then one raw call, or the structured loop when a schema is given."""
        validate_messages(request.messages)
        start = time.monotonic()
        if request.schema is None:
            raw = self._raw_complete(RawRequest(request.messages, None, request.temperature,
                                                request.max_tokens, request.timeout_s, tuple(request.stop)))
            return LLMResult(text=raw.text, parsed=None, prompt_tokens=raw.prompt_tokens,
                             completion_tokens=raw.completion_tokens,
                             latency_s=time.monotonic() - start, attempts=1, model=self.model)
        result = complete_structured(
            self._raw_complete, request.messages, request.schema, model=self.model,
            temperature=request.temperature, max_tokens=request.max_tokens, timeout_s=request.timeout_s,
            max_retries=self.output_retries, grammar=self.supports_grammar,
        )
        result.latency_s = time.monotonic() - start
        return result
