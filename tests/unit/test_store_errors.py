"""StoreError.fatal is a declared field (no getattr guesses): what stops ingest and eval at once."""

from __future__ import annotations

from kgmem.store.base import EmbeddingDimensionError, StoreError, is_fatal


def test_only_a_store_error_marked_fatal_is_fatal() -> None:
    assert not is_fatal(StoreError("bad write")) and StoreError("x").fatal is False
    gone = StoreError("cannot reach Neo4j")
    gone.fatal = True
    assert is_fatal(gone)
    assert not is_fatal(EmbeddingDimensionError("dim 384 != 768"))
    other = RuntimeError("not a store error")
    other.fatal = True  # type: ignore[attr-defined]  # an attribute by that name on another error
    assert not is_fatal(other)
