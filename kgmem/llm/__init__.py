"""The LLM layer: one interface (:class:`LLM`), two real backends, a cache, a fake, a guard.

>>> from kgmem.settings import Settings
>>> llm = get_llm(Settings.load())                     # doctest: +SKIP
>>> llm.complete([{"role": "user", "content": "Hi"}]).text  # doctest: +SKIP

Model names: ``local/smollm2-135m-instruct`` (the default) or ``local:/path/file.gguf`` run
in-process with llama.cpp; anything else (``ollama/qwen3:4b``, ``gpt-5-mini``,
``openai/<name>`` with an api base…) goes through litellm. Importing this package is cheap:
llama.cpp and litellm are imported only when a model is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.llm.backend import BackendBase
from kgmem.llm.base import (
    LLM,
    LLMContextError,
    LLMError,
    LLMOutputError,
    LLMResult,
    LLMTimeout,
    LLMUnavailable,
    Message,
    ModelNotAllowed,
    RawCompletion,
)

if TYPE_CHECKING:
    from kgmem.settings import Settings

ROLES = ("answer", "extraction", "planning", "judge")


def default_model_for(settings: Settings, role: str) -> str:
    """The configured model for ``role``: the judge model for judging, else the LLM model."""
    if role == "judge" and settings.judge_model:
        return settings.judge_model
    return settings.llm_model


def get_llm(settings: Settings, model: str | None = None, *, role: str = "answer",
            cache: bool | None = None) -> LLM:
    """Build the model for ``role`` from settings (or an explicit ``model`` name).

    ``cache=None`` follows ``settings.llm_cache``; ``cache=False`` is what ``--no-cache`` passes.
    Raises :class:`ModelNotAllowed` when Investigathon rules refuse the model for the role, and
    :class:`LLMUnavailable` when an embedded model file cannot be found.
    """
    from kgmem.llm.guard import check_model_allowed
    from kgmem.llm.local import LocalLLM, is_local_model

    if role not in ROLES:
        raise ValueError(f"unknown LLM role {role!r}; expected one of {', '.join(ROLES)}")
    name = model or default_model_for(settings, role)
    check_model_allowed(name, role, settings.investigathon_rules)
    backend: LLM
    if is_local_model(name):
        backend = LocalLLM(name)
    else:
        from kgmem.llm.litellm_backend import LiteLLMBackend

        # why: the api base/key configured for the answer model (e.g. an Ollama URL) must not
        # redirect a different judge model such as gpt-5-mini; that one uses its provider default
        own_server = not (role == "judge" and name != settings.llm_model)
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
        backend = LiteLLMBackend(name, api_base=settings.llm_api_base if own_server else None,
                                 api_key=key if own_server else None,
                                 timeout_s=settings.llm_timeout_s)
    use_cache = settings.llm_cache if cache is None else cache
    if not use_cache:
        return backend
    from kgmem.llm.cache import CACHE_FILENAME, CachedLLM, LLMCache

    return CachedLLM(backend, LLMCache(settings.cache_dir / CACHE_FILENAME))


__all__ = [
    "LLM", "BackendBase", "LLMContextError", "LLMError", "LLMOutputError", "LLMResult",
    "LLMTimeout", "LLMUnavailable", "Message", "ModelNotAllowed", "RawCompletion", "ROLES",
    "default_model_for", "get_llm",
]
