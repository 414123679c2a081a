"""An event asked by its noun and told by its verb (tr28, session 28 phase 2): WordNet's derivational links
(kgmem/resources/knowledge/deed_nouns.json.gz) give a told line's verbs the event nouns they name the doing of,
and the invented set (tests/fixtures/answers/event_nouns*) is what its source builds and asks every shape."""

from __future__ import annotations

from event_sets_fixture import (
    assert_source_built,
    assert_which_first_labels_are_the_questions_words,
    load_cases,
)

from kgmem.answer.deed_terms import deed_nouns, line_terms
from kgmem.answer.match import core_terms, coverage, terms


def _tells(line: str, asked: str) -> bool:
    return coverage(core_terms(asked), line_terms(line)) >= 1.0


def test_a_told_doing_names_the_event_noun_asked() -> None:
    assert _tells("We got married at the registry office yesterday", "our wedding")
    assert _tells("Finally graduated, the gown was boiling", "my graduation")
    assert _tells("I officially retired on Friday", "my retirement")
    assert _tells("We emigrated to Canada in the spring", "our emigration")
    assert _tells("Donated blood for the first time", "my blood donation")
    assert _tells("The solar panels were installed this morning", "the installation of the solar panels")


def test_words_that_were_never_the_doing_stay_apart() -> None:
    # another doing of the same life event is not the event asked
    assert not _tells("We got engaged on the beach", "our wedding")
    assert not _tells("I proposed to her on the beach", "our wedding")
    assert not _tells("I sat my finals this morning", "my graduation")
    assert not _tells("Handed my notice in", "my retirement")


def test_a_light_verb_or_a_rare_sense_names_no_event() -> None:
    # "go", "get", "do" name no one event; "go" is a "breakdown" only in its 17th sense, never kept
    assert deed_nouns(terms("we went and got it done")) == set()
    assert "breakdown" not in deed_nouns(terms("the boiler goes"))
    assert not deed_nouns(terms("I moved the sofa")) & {"wedd", "graduation"}


def test_the_set_is_its_source_built_and_asks_every_shape() -> None:
    assert_source_built("event_nouns")
    cases = load_cases("event_nouns")
    assert len({c["case_id"] for c in cases}) == len(cases) >= 25
    kinds = [c["answer_kind"] for c in cases]
    assert {"days", "weeks", "which_first", "abstain"} <= set(kinds) and kinds.count("abstain") >= 5
    assert_which_first_labels_are_the_questions_words("event_nouns")
