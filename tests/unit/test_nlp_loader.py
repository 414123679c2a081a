"""One spaCy pipeline per process: extraction, the question planner and the answer side share it,
and threads may share it (the HTTP/MCP server parses questions while it ingests; in session 8 the
planner switching components off on a shared pipeline made tests/serve/test_load.py's concurrent
memory differ from the sequential one)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from kgmem import nlp
from kgmem.extraction.zero import nlp as extraction_nlp
from kgmem.retrieval import question

_TEXTS = [
    "My sister Ana moved to Valparaíso in March and works at Lumen Health now.",
    "I bought a Trek bike from Halfords for $1,850 last Saturday.",
    "Priya and I flew to Lisbon with British Airways on the 25th.",
    "Which company am I working for at the moment?",
    "Tariq started at Google in Dublin after Christmas.",
    "We adopted a border collie called Pico from the Cork shelter.",
]


def _entities(doc: object) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]  # type: ignore[attr-defined]


def test_one_pipeline_for_every_reader() -> None:
    assert extraction_nlp.load_nlp() is nlp.load_nlp()
    assert question.nlp() is nlp.load_nlp()


def test_known_words_are_the_models_not_the_texts() -> None:
    pipeline = nlp.load_nlp()
    pipeline("My cat Quorblesnatch met a zwizzlefrond today.")
    known = nlp.known_words()
    assert "today" in known
    assert "zwizzlefrond" not in known and "quorblesnatch" not in known


def test_disable_skips_components_for_that_call_only() -> None:
    pipeline = nlp.load_nlp()
    tagged = pipeline(_TEXTS[0], disable=["parser", "ner"])
    assert not tagged.ents and tagged[0].pos_  # tagged, no entities
    assert pipeline.pipe_names == nlp.load_nlp().language.pipe_names
    assert _entities(pipeline(_TEXTS[0]))  # the next call runs every component again


def test_pipe_keeps_order_across_batches() -> None:
    pipeline = nlp.load_nlp()
    texts = [f"{t} ({i})" for i, t in enumerate(_TEXTS * 3)]
    docs = list(pipeline.pipe(texts, batch_size=4))
    assert [d.text for d in docs] == texts
    assert [_entities(d) for d in docs] == [_entities(pipeline(t)) for t in texts]


def test_threads_share_the_pipeline_with_sequential_results() -> None:
    """Questions tagged (parser and NER skipped) while other threads parse in full and in batches
    give what one thread gets, call by call (every text new to the pipeline: no kept parse)."""
    pipeline = nlp.load_nlp()
    texts = {k: [f"{t} ({k}.{i})" for i in range(8) for t in _TEXTS] for k in range(6)}
    expected = {t: _entities(pipeline.language(t)) for k in texts for t in texts[k]}  # one thread, uncached
    expected_words = {t: question.content_words(t) for t in texts[2] + texts[5]}
    start = threading.Barrier(6)

    def full(k: int) -> bool:
        start.wait()
        return all(_entities(pipeline(t)) == expected[t] for t in texts[k])

    def batched(k: int) -> bool:
        start.wait()
        return [_entities(d) for d in pipeline.pipe(texts[k], batch_size=5)] == [expected[t] for t in texts[k]]

    def words(k: int) -> bool:
        start.wait()
        return all(question.content_words(t) == expected_words[t] for t in texts[k])

    with ThreadPoolExecutor(6) as pool:
        runs = [pool.submit(f, k) for k, f in enumerate((full, batched, words) * 2)]
        assert all(r.result(timeout=300) for r in runs)


def _reading(doc: object) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.pos_, t.dep_, t.lemma_, t.ent_type_) for t in doc]  # type: ignore[attr-defined]


def test_prefetched_parses_are_the_single_parses() -> None:
    language = nlp.load_nlp().language
    pipeline = nlp.SharedPipeline(language)
    texts = [f"{t} (p{i})" for i, t in enumerate(_TEXTS)]
    pipeline.prefetch(texts)
    for t in texts:
        assert _reading(pipeline(t)) == _reading(language(t))


def test_a_full_parse_is_kept_by_text_and_the_oldest_dropped() -> None:
    pipeline = nlp.SharedPipeline(nlp.load_nlp().language, kept=2)
    a, b, c = (f"{t} (k)" for t in _TEXTS[:3])
    first = pipeline(a)
    assert pipeline(a) is first  # the same text parsed once
    assert pipeline(a, disable=["ner"]) is not first and not pipeline(a, disable=["ner"]).ents  # a partial parse is not kept
    pipeline(b)
    pipeline(c)  # three texts, two kept: the least recently used (a) goes
    assert pipeline(c) is pipeline(c) and pipeline(a) is not first
