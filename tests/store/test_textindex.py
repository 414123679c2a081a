"""The BM25 keyword index behind the embedded store's text_search."""

from __future__ import annotations

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
