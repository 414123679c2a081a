"""Parses kept on disk (issue #14, first-ask latency): ingest reads the user's lines with the parser
as a first question would and keeps the parses; the first question reads them back instead of
parsing (a parse ~5-10 ms, a read ~0.3 ms). The read-back parse must be the parse, and a first
reading after ingest must parse nothing it was primed with."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kgmem import nlp
from kgmem.answer import actuality as actuality_module
from kgmem.answer import subjects
from kgmem.answer.actuality import actuality
from kgmem.answer.evidence import lines_of
from kgmem.api import Memory
from kgmem.parse_cache import PARSE_CACHE_FILENAME, ParseCache

_TEXTS = [
    "My sister Ana moved to Valparaíso in March and works at Lumen Health now.",
    "Priya and I flew to Lisbon with British Airways on the 25th.",
    "The builders started ripping out our kitchen on Monday.",
    "Mum says my brother is moving to Leeds. I sold the kayak last week.",
]


class CountingLanguage:
    """The real spaCy pipeline, counting the texts it is asked to parse (what a cache must spare)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.parsed = inner, 0

    def __call__(self, text: str, **kw: Any) -> Any:
        self.parsed += 1
        return self.inner(text, **kw)

    def pipe(self, texts: Iterable[str], **kw: Any) -> Iterator[Any]:
        for doc in self.inner.pipe(list(texts), **kw):
            self.parsed += 1
            yield doc

    def __getattr__(self, name: str) -> Any:  # meta, vocab, batch_size, pipe_names, get_pipe
        return getattr(self.inner, name)


def _reading(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_, t.is_sent_start) for t in doc]


def _fresh(path: Path) -> tuple[nlp.SharedPipeline, CountingLanguage]:
    """A new process's pipeline: nothing kept in memory, the cache file attached."""
    language = CountingLanguage(nlp.load_nlp().language)
    pipeline = nlp.SharedPipeline(language)  # type: ignore[arg-type]
    pipeline.attach(ParseCache(path))
    return pipeline, language


def test_a_kept_parse_reads_back_as_the_parse(tmp_path: Path) -> None:
    language = nlp.load_nlp().language
    cache = ParseCache(tmp_path / "p.sqlite")
    cache.put_many("pipe-a", {t: language(t) for t in _TEXTS})
    back = cache.get_many("pipe-a", _TEXTS + ["never parsed"], language.vocab)
    assert set(back) == set(_TEXTS)
    for t in _TEXTS:
        assert _reading(back[t]) == _reading(language(t))
        assert [(e.text, e.label_) for e in back[t].ents] == [(e.text, e.label_) for e in language(t).ents]
    assert cache.get_many("pipe-b", _TEXTS, language.vocab) == {}  # another model's parses are not these


def test_a_kept_parse_reads_back_as_spacys_own_from_bytes(tmp_path: Path) -> None:
    """The cache's decoding (srsly's decoders looked up once) gives the doc ``Doc.from_bytes`` gives."""
    import zlib

    from spacy.tokens import Doc

    language = nlp.load_nlp().language
    texts = _TEXTS + ["They're off to Crete on the 3rd; I'm staying home with the cat, honestly."]
    cache = ParseCache(tmp_path / "p.sqlite")
    cache.put_many("pipe-a", {t: language(t) for t in texts})
    back = cache.get_many("pipe-a", texts, language.vocab)
    db = cache._open(create=False)
    assert db is not None
    for t in texts:
        (blob,) = db.conn().execute("SELECT doc FROM parse WHERE key = ?", [ParseCache.key(t)]).fetchone()
        own = Doc(language.vocab).from_bytes(zlib.decompress(blob))
        assert back[t].to_bytes() == own.to_bytes() and _reading(back[t]) == _reading(own)
        assert [(e.text, e.label_, e.start) for e in back[t].ents] == [(e.text, e.label_, e.start) for e in own.ents]


def test_without_srsly_s_private_reader_the_public_one_reads_the_same_parse(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache reads with srsly's private ``_unpackb`` (its decoders looked up once); a srsly without it
    falls back to the public ``srsly.msgpack_loads``: the same parse, only slower."""
    import sys
    import types

    import srsly

    from kgmem import parse_cache

    language = nlp.load_nlp().language
    cache = ParseCache(tmp_path / "p.sqlite")
    cache.put_many("pipe-a", {t: language(t) for t in _TEXTS})
    parse_cache._unpacker.cache_clear()
    fast = cache.get_many("pipe-a", _TEXTS, language.vocab)
    assert parse_cache._unpacker().func is not srsly.msgpack_loads  # the private reader, decoders asked once
    monkeypatch.setitem(sys.modules, "srsly.msgpack", types.ModuleType("srsly.msgpack"))  # no _unpackb in it
    parse_cache._unpacker.cache_clear()
    try:
        slow = ParseCache(tmp_path / "p.sqlite").get_many("pipe-a", _TEXTS, language.vocab)
        assert parse_cache._unpacker().func is srsly.msgpack_loads  # the fallback was taken
    finally:
        parse_cache._unpacker.cache_clear()  # the next reader finds the real srsly again
    assert set(slow) == set(_TEXTS)
    for t in _TEXTS:
        assert slow[t].to_bytes() == fast[t].to_bytes() and _reading(slow[t]) == _reading(fast[t])


def test_what_a_persisting_block_parses_a_fresh_pipeline_reads_without_parsing(tmp_path: Path) -> None:
    first, counted = _fresh(tmp_path / "p.sqlite")
    with first.persisting():
        docs = [first(t) for t in _TEXTS]
    assert counted.parsed == len(_TEXTS)
    second, recounted = _fresh(tmp_path / "p.sqlite")
    assert [_reading(second(t)) for t in _TEXTS] == [_reading(d) for d in docs]
    assert recounted.parsed == 0
    second("A sentence nobody kept.")
    assert recounted.parsed == 1  # a miss is parsed (and not written: only ingest writes)
    third, _ = _fresh(tmp_path / "p.sqlite")
    assert third.prefetch(["A sentence nobody kept."]) == 1


def test_a_cache_whose_home_is_gone_is_a_miss_not_an_error(tmp_path: Path) -> None:
    # the process-wide pipeline keeps the last Memory's cache file; that home may be deleted (a test's
    # temporary home, a user's removed home) while other threads still parse
    import shutil
    import threading

    home = tmp_path / "home"
    first, _ = _fresh(home / "cache" / "p.sqlite")
    with first.persisting():
        first(_TEXTS[0])
    shutil.rmtree(home)
    got: list[Any] = []
    worker = threading.Thread(target=lambda: got.append(_reading(first(_TEXTS[1]))))  # a new thread's connection
    worker.start()
    worker.join()
    assert got == [_reading(nlp.load_nlp().language(_TEXTS[1]))]
    with first.persisting():
        first(_TEXTS[2])  # keeping fails quietly: the parse is still returned
    assert ParseCache(home / "gone.sqlite").get_many("p", _TEXTS, first.vocab) == {}


def test_overlapping_persisting_blocks_keep_every_parse(tmp_path: Path) -> None:
    # two threads of a server ingest two users at once: neither block may lose the other's parses
    first, _ = _fresh(tmp_path / "p.sqlite")
    with first.persisting():
        first(_TEXTS[0])
        with first.persisting():
            first(_TEXTS[1])
        first(_TEXTS[2])
    first(_TEXTS[3])  # after both: not written
    second, counted = _fresh(tmp_path / "p.sqlite")
    assert second.prefetch(_TEXTS) == 1 and counted.parsed == 1


def test_outside_a_persisting_block_nothing_is_written(tmp_path: Path) -> None:
    first, _ = _fresh(tmp_path / "p.sqlite")
    first(_TEXTS[0])
    first.prefetch(_TEXTS[1:])  # not persisted
    second, counted = _fresh(tmp_path / "p.sqlite")
    second.prefetch(_TEXTS)
    assert counted.parsed == len(_TEXTS)
    second.prefetch(["One more line to keep."], persist=True)
    third, recounted = _fresh(tmp_path / "p.sqlite")
    assert third.prefetch(["One more line to keep."]) == 0 and recounted.parsed == 0


def _forget() -> None:
    """Drop the readings kept in this process (a line's actuality and whose doing it is), as a new
    process starts without them: the parses are then asked for again."""
    subjects.someone_else.cache_clear()
    actuality_module.actuality.cache_clear()
    actuality_module._core.cache_clear()


SESSIONS = [
    (datetime(2024, 5, 2, 9), "My sister Ilse is moving to Ghent in June, so I'll be helping her pack.",
     "The builders started ripping out our kitchen on Monday."),
    (datetime(2024, 5, 9, 19), "Mum says my brother went to a gig at the Olympia. I sold the kayak, and my "
     "brother-in-law bought a canoe."),
    (datetime(2024, 5, 20, 8), "Tariq from work took the Lisbon job. We adopted a border collie called Pico."),
]


def test_after_ingest_a_first_reading_of_the_users_lines_parses_nothing(
        chat_memory: Callable[..., Memory], monkeypatch: pytest.MonkeyPatch) -> None:
    _forget()  # an earlier test's reading of a line must not hide it from ingest
    m = chat_memory("parsed", SESSIONS, "parsed", "Noted!")
    path = m.settings.cache_dir / PARSE_CACHE_FILENAME
    lines = [ln.text for t in m.store.turns("parsed") if t.role == "user" for ln in lines_of(t, datetime.min)]
    expected = [actuality(text) for text in lines]  # read in this process (its parses kept in memory)
    assert "other" in expected and "actual" in expected  # the lines need the parser (the control)

    fresh, counted = _fresh(path)  # a new process: nothing in memory, the home's parse cache on disk
    monkeypatch.setattr(nlp, "_PIPELINE", fresh)
    _forget()
    assert [actuality(text) for text in lines] == expected
    assert counted.parsed == 0
    _forget()


def test_after_ingest_a_users_line_parsed_whole_is_read_not_parsed(
        chat_memory: Callable[..., Memory], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The answer side's readers of a line's own words (what it calls off, books, states as
    stale) parse the line itself: ingest keeps those parses too."""
    _forget()
    m = chat_memory("whole", SESSIONS, "whole", "Noted!")
    path = m.settings.cache_dir / PARSE_CACHE_FILENAME
    lines = [ln.text for t in m.store.turns("whole") if t.role == "user" for ln in lines_of(t, datetime.min)]
    assert len(lines) >= 5
    fresh, counted = _fresh(path)
    monkeypatch.setattr(nlp, "_PIPELINE", fresh)
    read = [fresh(text) for text in lines]
    assert counted.parsed == 0
    assert [_reading(d) for d in read] == [_reading(nlp.load_nlp().language(t)) for t in lines]
    control, recount = _fresh(tmp_path / "none.sqlite")
    control("Someone new wrote this line after ingest.")
    assert recount.parsed == 1  # a line ingest never saw is parsed
    _forget()


def test_without_the_primed_parses_the_same_reading_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the control of the test above: an empty cache file, the same lines, the parser runs
    fresh, counted = _fresh(tmp_path / "empty.sqlite")
    monkeypatch.setattr(nlp, "_PIPELINE", fresh)
    _forget()
    actuality("Mum says my brother went to a gig at the Olympia.")
    assert counted.parsed >= 1
    _forget()
