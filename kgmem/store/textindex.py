"""The stores' keyword search: :class:`kgmem.text.BM25Index` (Okapi BM25 over an inverted index)
and the searchable text of an entity.

Used by both stores for :meth:`MemoryStore.text_search`. Tokens come from
:func:`kgmem.text.tokenize` (folded, split on word characters, English stopwords removed), so
the same query over the same documents always gives the same scores and order.
"""

from __future__ import annotations

from collections.abc import Sequence

from kgmem.text import STOPWORDS, BM25Index, tokenize

__all__ = ["STOPWORDS", "BM25Index", "entity_document", "tokenize"]


def entity_document(name: str, aliases: Sequence[str]) -> str:
    """The searchable text of an entity: its name and aliases."""
    return " ".join([name, *aliases])
