"""Embedding vectors of a fixed sentence bank, kept on disk under ``~/.cache/kgmem/banks``.

A fresh KGMEM_HOME (every benchmark run, every new user home) would otherwise embed a whole bank
again at start-up. The caller names the file by a key that covers the embedder's model and the
bank's content; a file whose row count differs from the bank's is ignored and rewritten. A
read-only cache only costs the embedding time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

import numpy as np

from kgmem.settings import default_machine_cache_dir


def bank_vectors(key: str, texts: Sequence[str], embed: Callable[[list[str]], object]) -> np.ndarray:
    """The vectors of ``texts`` (float32 rows), read from ``banks/<key>.npy`` or embedded and kept."""
    path = default_machine_cache_dir() / "banks" / f"{key}.npy"
    try:
        vectors = np.load(path)
        if vectors.shape[0] == len(texts):
            return np.asarray(vectors, dtype=np.float32)
    except (OSError, ValueError):
        pass
    vectors = np.asarray(embed(list(texts)), dtype=np.float32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(tmp, vectors)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs the embedding time
    return vectors
