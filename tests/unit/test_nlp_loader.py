"""One spaCy loader: extraction and the answer side share its pipeline. The question planner keeps a
pipeline of its own: a spaCy pipeline is not safe to call from two threads at once, and the HTTP/MCP
server parses questions while it ingests (sharing one made tests/serve/test_load.py's concurrent memory
differ from the sequential one, session 8)."""

from __future__ import annotations

from kgmem import nlp
from kgmem.extraction.zero import nlp as extraction_nlp
from kgmem.retrieval import question


def test_one_pipeline_for_extraction_and_its_own_for_questions() -> None:
    assert extraction_nlp.load_nlp() is nlp.load_nlp()
    assert question.nlp() is not None and question.nlp() is not nlp.load_nlp()


def test_known_words_are_the_models_not_the_texts() -> None:
    pipeline = nlp.load_nlp()
    pipeline("My cat Quorblesnatch met a zwizzlefrond today.")
    known = nlp.known_words()
    assert "today" in known
    assert "zwizzlefrond" not in known and "quorblesnatch" not in known
