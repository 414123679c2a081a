"""Sentence splitting, typed spans and question unwrapping that answers rest on (issue #14)."""

from __future__ import annotations

import pytest

from kgmem.answer.evidence import split_sentences
from kgmem.answer.spans import my_relation_names, typed_spans
from kgmem.retrieval.question import normalise_question, strip_discourse


def test_a_title_abbreviation_does_not_end_a_sentence() -> None:
    text = "Long shift at St. Brigid's today, the ER was packed. Can you explain? Dr. Okafor agreed. Fine."
    assert split_sentences(text) == ["Long shift at St. Brigid's today, the ER was packed.", "Can you explain?",
                                     "Dr. Okafor agreed.", "Fine."]


def test_an_organisation_keeps_its_abbreviation_and_beats_an_acronym() -> None:
    assert typed_spans("Long shift at St. Brigid's today, the ER was packed.", "org")[0] == "St. Brigid's"


def test_a_name_tied_to_the_user_by_a_pronoun_is_theirs_and_another_persons_is_not() -> None:
    assert "Pico" in typed_spans("Pico is coming too - he's my border collie and needs a bag.", "person")
    assert my_relation_names("Pico is coming too - he's my border collie and needs a bag.") == ["Pico"]
    assert my_relation_names("Bianca introduced me to their grandmother Selin") == []
    assert my_relation_names("Anyway, he's my brother.") == []


@pytest.mark.parametrize(("asked", "plain"), [
    ("Do you remember the name of the film I told you we'd watched?", "What is the name of the film we'd watched?"),
    ("Remind me which city makes my meeting times awkward?", "Which city makes my meeting times awkward?"),
    ("Could you tell me the day I began working at Lumen?", "What is the day I began working at Lumen?"),
    ("Do you remember if I went?", "Do you remember if I went?"),  # a yes/no question keeps its wrapper
])
def test_a_polite_wrapper_comes_off(asked: str, plain: str) -> None:
    assert normalise_question(asked) == plain


def test_a_vague_duration_is_no_content() -> None:
    assert "ages" not in strip_discourse("what did I finally read after ages")


def test_a_lower_case_possessive_name_is_read_as_one() -> None:
    assert normalise_question("tariqs car?") == "Tariq's car?"
    assert normalise_question("whats this car") == "what's this car"  # no possessor in "this"
    assert normalise_question("Which car is Tariqs?") == "Which car is Tariqs?"  # only all-lower-case typing


def test_an_option_is_named_in_the_words_memory_used() -> None:
    from kgmem.answer.deterministic import _as_told

    assert _as_told("climbing comp", "I went to the climbing competition at the gym.") == "climbing competition"
    assert _as_told("baseball game", "We saw a baseball game.") == "baseball game"


def test_a_previous_value_needs_words_that_ask_for_one() -> None:
    from kgmem.retrieval.intents import HISTORY_CUE as _HISTORY_CUE

    assert _HISTORY_CUE.search("Where did I work before my current job?")
    assert _HISTORY_CUE.search("which hospital did I use to work at")
    assert not _HISTORY_CUE.search("what did I finally read after ages")


@pytest.mark.parametrize(("line", "name"), [("Our new landlord is Mr Patel, he seems nice.", "Mr Patel"),
                                            ("I finally switched to Dr. Lindqvist at the surgery.", "Dr. Lindqvist"),
                                            ("Ms Okafor is taking over the choir.", "Ms Okafor"),
                                            ("My sister Noor drove me.", "Noor")])
def test_a_person_keeps_the_title_the_user_gave(line: str, name: str) -> None:
    from kgmem.answer.spans import typed_spans

    assert typed_spans(line, "person")[0] == name


@pytest.mark.parametrize(("sentence", "names"), [
    ("My hubby Devraj restores rocking horses.", ["Devraj"]),         # a partner word the old list lacked
    ("my nan Gwenllian crochets blankets for the hospice", ["Gwenllian"]),
    ("Our tortoise Humbert naps under the radiator.", ["Humbert"]),
    ("My bandmate Ola, who plays oboe, is moving to Tromsø.", ["Ola"]),  # an unlisted relation set off by a comma
    ("My godmother Philippa repaints old signs.", ["Philippa"]),
    ("My flight Tuesday got delayed again.", []),                      # not a relation, no name of the user's
])
def test_names_tied_to_the_user_by_any_relation_word(sentence: str, names: list[str]) -> None:
    assert my_relation_names(sentence) == names
