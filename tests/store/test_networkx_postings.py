"""The embedded store's keyword indexes: cached beside the user file, updated on writes, and
always scoring exactly like an index built from the stored texts."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from kgmem.store.networkx_store import NetworkxStore, user_file_name
from kgmem.store.networkx_store.postings import postings_path
from kgmem.store.textindex import BM25Index, entity_document
from kgmem.text import TOKENIZER_KEY

from .factories import T0, make_entity, make_fact, make_session, make_write

USER = "sample:q-007"
QUERIES = ("espresso bar", "São Paulo café", "hiking boots", "sister anna", "the", "moved trip 東京")
TEXTS = [
    "I had an espresso at the café in São Paulo", "Nice! Which bar?", "My sister Anna bought hiking boots",
    "I moved to Lisbon last week — a long trip", "We flew to 東京 for the conference", "Boots, boots and boots",
]


def _write(n: int, text: str | None = None):  # type: ignore[no-untyped-def]
    sess = make_session(USER, f"s{n:03d}", T0 + timedelta(days=n),
                        [text or TEXTS[n % len(TEXTS)], TEXTS[(n + 1) % len(TEXTS)]])
    me = make_entity(USER, "me", "person")
    sis = make_entity(USER, "Anna", "person", aliases=["my sister"] if n % 2 else [])
    fact = make_fact(USER, me, "said", f"session {n}: {TEXTS[(n + 2) % len(TEXTS)]}", sess)
    return make_write(sess, [me, sis], [fact])


def _reference(store: NetworkxStore, kind: str, query: str) -> list[tuple[str, float]]:
    """The BM25 ranking of an index built from scratch over the texts the store holds now."""
    if kind == "turn":
        docs = [(t.id, t.text) for t in store.turns(USER)]
    elif kind == "fact":
        docs = [(f.id, f.text) for f in store.facts(USER)]
    else:
        docs = [(e.id, entity_document(e.name, e.aliases)) for e in store.entities(USER)]
    return BM25Index(sorted(docs)).search(query, 10)


def _assert_exact(store: NetworkxStore) -> None:
    for kind in ("turn", "fact", "entity"):
        for query in QUERIES:
            got = [(h.id, h.score) for h in store.text_search(USER, kind, query, 10)]
            assert got == _reference(store, kind, query), (kind, query)  # same floats, same order


def test_a_write_caches_the_postings_and_a_new_process_reads_them(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    store.apply_many([_write(n) for n in range(5)])
    cache = postings_path(tmp_path / user_file_name(USER))
    assert cache.exists()  # written with the user file, ready for the first question
    _assert_exact(store)
    before = cache.stat().st_mtime_ns, cache.read_bytes()
    reopened = NetworkxStore(tmp_path)
    _assert_exact(reopened)
    assert reopened._states[USER].postings_checked
    assert (cache.stat().st_mtime_ns, cache.read_bytes()) == before  # read back, not rebuilt


def test_writes_update_the_index_in_place_and_refresh_the_cache(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    store.apply(_write(0))
    _assert_exact(store)
    for n in range(1, 5):  # new sessions, and one replaced session with other texts
        store.apply(_write(n))
        _assert_exact(store)
    store.apply(_write(2, text="a different espresso story about boots"))
    _assert_exact(store)
    header = json.loads(postings_path(tmp_path / user_file_name(USER)).read_bytes().split(b"\n", 1)[0])
    file_header = json.loads((tmp_path / user_file_name(USER)).read_bytes().split(b"\n", 1)[0])
    assert header["store_sha256"] == file_header["sha256"]  # the cache follows the latest write
    _assert_exact(NetworkxStore(tmp_path))


def test_a_stale_damaged_or_foreign_cache_is_rebuilt_from_the_texts(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    store.apply_many([_write(n) for n in range(3)])
    cache = postings_path(tmp_path / user_file_name(USER))
    old = cache.read_bytes()
    NetworkxStore(tmp_path).apply(_write(7))  # another process writes: file and cache replaced
    good = cache.read_bytes()
    assert good != old
    cache.write_bytes(old)  # a cache left from the previous version of the file
    _assert_exact(NetworkxStore(tmp_path))
    assert cache.read_bytes() == good  # rebuilt for the file as it is now
    header, body = good.split(b"\n", 1)
    for damaged in (header + b"\n" + body[:-9], header + b"\n" + body[:-4] + b"\x00\x01\x02\x03",
                    header.replace(TOKENIZER_KEY.encode(), b"0" * len(TOKENIZER_KEY)) + b"\n" + body,
                    b"not json\n" + body, b""):
        cache.write_bytes(damaged)
        _assert_exact(NetworkxStore(tmp_path))
        assert cache.read_bytes() == good


def test_a_store_written_before_the_cache_existed_still_loads(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    store.apply_many([_write(n) for n in range(3)])
    cache = postings_path(tmp_path / user_file_name(USER))
    cache.unlink()  # as a store written before this cache existed
    _assert_exact(NetworkxStore(tmp_path))
    assert cache.exists()  # its first question cached the postings


def test_delete_user_removes_the_cache(tmp_path: Path) -> None:
    store = NetworkxStore(tmp_path)
    store.apply(_write(0))
    _assert_exact(store)
    cache = postings_path(tmp_path / user_file_name(USER))
    assert cache.exists()
    store.delete_user(USER)
    assert not cache.exists()
    assert NetworkxStore(tmp_path).users() == []


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_incremental_updates_score_exactly_like_a_rebuild(seed: int) -> None:
    import random

    rng = random.Random(seed)
    words = "cat dog espresso café São Paulo bar the of run running 東京 ﬁne alpha beta gamma".split()

    def doc() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))

    docs = {f"d{rng.randint(0, 40):03d}": doc() for _ in range(15)}
    index = BM25Index(sorted(docs.items()))
    for _ in range(6):
        change = {f"d{rng.randint(0, 40):03d}": doc() for _ in range(rng.randint(1, 5))}
        docs.update(change)
        index = index.updated(change)
        fresh = BM25Index(sorted(docs.items()))
        for query in ("cat", "espresso bar", "sao paulo", "東京 fine", "dog dog cat", "alpha the"):
            assert index.search(query, 5) == fresh.search(query, 5)
            assert BM25Index.from_parts(index.parts()).search(query, 5) == fresh.search(query, 5)
