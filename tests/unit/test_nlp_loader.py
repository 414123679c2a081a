"""One spaCy pipeline per process: extraction, the question planner and the answer side share it."""

from __future__ import annotations

from kgmem import nlp
from kgmem.extraction.zero import nlp as extraction_nlp
from kgmem.retrieval import question


def test_one_pipeline_for_every_reader() -> None:
    assert question.nlp() is nlp.load_nlp()
    assert extraction_nlp.load_nlp() is nlp.load_nlp()


def test_known_words_are_the_models_not_the_texts() -> None:
    pipeline = nlp.load_nlp()
    pipeline("My cat Quorblesnatch met a zwizzlefrond today.")
    known = nlp.known_words()
    assert "today" in known
    assert "zwizzlefrond" not in known and "quorblesnatch" not in known
