"""The BM25 keyword index behind the embedded store's text_search."""

from __future__ import annotations

import pytest

from kgmem.store.textindex import BM25Index, entity_document, tokenize


def test_tokenize_lowercases_strips_accents_and_stopwords() -> None:
    assert tokenize("The Café in São Paulo, and I LOVED it!") == ["cafe", "sao", "paulo", "loved"]
    assert tokenize("what is it?") == []
    assert tokenize("東京 2023-05-20") == ["東京", "2023", "05", "20"]


def test_bm25_ranks_by_term_rarity_and_is_deterministic() -> None:
    docs = [
        ("d1", "the cat sat on the mat"),
        ("d2", "a dog chased the cat"),
        ("d3", "the dog slept"),
        ("d4", "espresso machine descaling"),
    ]
    index = BM25Index(docs)
    hits = index.search("cat espresso", 10)
    assert hits[0][0] == "d4"  # 'espresso' is rarer than 'cat'
    assert {h[0] for h in hits} == {"d1", "d2", "d4"}
    assert index.search("cat espresso", 10) == BM25Index(list(reversed(docs))).search(
        "cat espresso", 10
    )
    assert index.search("the of and", 10) == []
    assert index.search("cat", 1) == [hits[1]] or index.search("cat", 1)[0][0] in {"d1", "d2"}
    assert BM25Index([]).search("cat", 5) == []


def test_ties_break_by_id() -> None:
    index = BM25Index([("b", "kiwi"), ("a", "kiwi"), ("c", "kiwi")])
    assert [i for i, _ in index.search("kiwi", 2)] == ["a", "b"]


def test_entity_document_includes_aliases() -> None:
    assert tokenize(entity_document("Anna", ["my sister", "sis"])) == ["anna", "sister", "sis"]


def _reference_scores(docs: list[tuple[str, str]], query: str) -> dict[str, float]:
    """Okapi BM25 spelled out per document (k1=1.5, b=0.75, Lucene idf) over tokenize()."""
    import math

    toks = {i: tokenize(t) for i, t in docs}
    avgdl = sum(len(v) for v in toks.values()) / len(toks)
    out: dict[str, float] = {}
    for term in set(tokenize(query)):
        df = sum(term in v for v in toks.values())
        if not df:
            continue
        idf = math.log(1.0 + (len(docs) - df + 0.5) / (df + 0.5)) * tokenize(query).count(term)
        for i, v in toks.items():
            tf = v.count(term)
            if tf:
                out[i] = out.get(i, 0.0) + idf * tf * 2.5 / (tf + 1.5 * (0.25 + 0.75 * len(v) / avgdl))
    return out


def test_corpus_tokenising_matches_per_document_tokenize() -> None:
    """The one-pass corpus build gives the scores of per-document tokenize(), whatever the
    text holds: curly quotes and dashes, accents, non-Latin words, underscores, the separator
    character, empty and stopword-only documents."""
    docs = [("a", "I’m “done” — the café_bar in São Paulo"), ("b", "CAFÉ\x01bar – paulo's 東京 trip"),
            ("c", ""), ("d", "the of and"), ("e", "ﬁne ﬁsh ① bar bar"), ("f", "plain ascii bar text")]
    index = BM25Index(docs)
    for query in ("cafe bar", "東京", "sao paulo", "fine fish", "café_bar", "done trip", "bar"):
        ref = _reference_scores(docs, query)
        got = dict(index.search(query, 10))
        assert got.keys() == ref.keys(), query
        assert all(abs(got[i] - ref[i]) < 1e-9 for i in ref), query
    # without the non-Latin word, the corpus takes the bytes path (only punctuation beyond ASCII)
    latin = [(i, t) for i, t in docs if i != "b"]
    for query in ("cafe bar", "fine fish 1", "done", "bar text"):
        assert dict(BM25Index(latin).search(query, 10)) == pytest.approx(_reference_scores(latin, query), abs=1e-9)
