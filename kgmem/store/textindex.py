"""A small deterministic BM25 keyword index (Okapi BM25 over a tokenised inverted index).

Used by the embedded store for :meth:`MemoryStore.text_search`. Tokens come from
:func:`kgmem.text.tokenize` (folded, split on word characters, English stopwords removed), so
the same query over the same documents always gives the same scores and order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from kgmem.text import STOPWORDS, tokenize

__all__ = ["STOPWORDS", "BM25Index", "entity_document", "tokenize"]

class BM25Index:
    """Okapi BM25 over a fixed set of documents (rebuild to add documents).

    ``k1``/``b`` are the usual defaults; the idf is the non-negative Lucene variant
    ``ln(1 + (N - df + 0.5) / (df + 0.5))`` so every matching document scores above zero.
    """

    def __init__(
        self,
        docs: Iterable[tuple[str, str]],
        k1: float = 1.5,
        b: float = 0.75,
    ) -> None:
        self.k1 = k1
        self.b = b
        self.ids: list[str] = []
        lengths: list[int] = []
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for doc_idx, (doc_id, text) in enumerate(docs):
            tokens = tokenize(text)
            self.ids.append(doc_id)
            lengths.append(len(tokens))
            for term, tf in Counter(tokens).items():
                rows, tfs = postings.setdefault(term, ([], []))
                rows.append(doc_idx)
                tfs.append(tf)
        self._lengths = np.asarray(lengths, dtype=np.float64)
        # position of each doc in id order: ties between equal scores break by id
        self._id_rank = np.argsort(np.argsort(np.asarray(self.ids, dtype=object), kind="stable"))
        self._avgdl = float(self._lengths.mean()) if lengths else 0.0
        # postings as arrays: scoring a term is one vectorised update
        self._postings: dict[str, tuple[np.ndarray, np.ndarray]] = {
            term: (np.asarray(rows, dtype=np.int64), np.asarray(tfs, dtype=np.float64))
            for term, (rows, tfs) in postings.items()
        }

    def __len__(self) -> int:
        return len(self.ids)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Top-``k`` ``(doc_id, score)`` with score > 0, best first; ties broken by id."""
        if k <= 0 or not self.ids:
            return []
        terms = tokenize(query)
        if not terms:
            return []
        n_docs = len(self.ids)
        scores = np.zeros(n_docs, dtype=np.float64)
        norm = self.k1 * (1.0 - self.b + self.b * self._lengths / (self._avgdl or 1.0))
        for term in sorted(set(terms)):
            posting = self._postings.get(term)
            if posting is None:
                continue
            rows, tfs = posting
            idf = math.log(1.0 + (n_docs - len(rows) + 0.5) / (len(rows) + 0.5))
            # a term repeated in the query counts once per occurrence, as in classic BM25
            weight = idf * terms.count(term)
            scores[rows] += weight * tfs * (self.k1 + 1.0) / (tfs + norm[rows])
        matched = np.flatnonzero(scores > 0.0)
        if matched.size == 0:
            return []
        if matched.size > k:
            # keep everything tied with the k-th score so the id tie-break stays exact
            kth = np.partition(scores[matched], matched.size - k)[matched.size - k]
            matched = matched[scores[matched] >= kth]
        order = matched[np.lexsort((self._id_rank[matched], -scores[matched]))][:k]
        return [(self.ids[i], float(scores[i])) for i in order]


def entity_document(name: str, aliases: Sequence[str]) -> str:
    """The searchable text of an entity: its name and aliases."""
    return " ".join([name, *aliases])
