"""A user line on the question holding a value of the wanted kind answers it, whatever leftover
words the question has (kgmem/answer/answering.py): the unit of a value the question states ("km"
of "my best time in 5 km") and a relation-name question's low similarity ("How is called my
flatmate?" — "My flatmate Jonas …"). A content word the line lacks ("half marathon") stays needed.
Sentences invented for the class; none from a data set."""

from __future__ import annotations

from datetime import datetime

from dialogue_fixture import ASKED, FILLER, dialogue_memory

from kgmem.answer.answering import leftover, slot_value
from kgmem.retrieval.question import asked_relation


def test_asked_relation() -> None:
    assert asked_relation("How is called my flatmate?") == "flatmate"
    assert asked_relation("what's my sister's name") == "sister"
    assert asked_relation("what's the name of my sister's café") is None  # a café's name
    assert asked_relation("where does my sister live") is None


def test_leftover_is_a_unit_of_the_questions_own_value() -> None:
    told = ["First 5 km without stopping today, 31 minutes!", "parkrun on Saturday in 27 minutes 55 seconds"]
    assert leftover("What is my best time in 5 km?", "km", told)
    assert not leftover("What is my best time in 10 km?", "km", told)  # a distance memory never states
    assert not leftover("what's my best half marathon time", "marathon", told)
    assert not leftover("what mark did I get for anatomy", "anatomy", told)
    assert slot_value("running_pb", "parkrun on Saturday in 27 minutes 55 seconds")
    assert not slot_value("running_pb", "parkrun on Saturday, felt great")


RUNS = [*FILLER,
        (datetime(2025, 4, 5), [("user", "Flatmate news: my flatmate Jonas is learning the cello, the walls are thin."),
                                ("assistant", "Earplugs might help.")]),
        (datetime(2025, 3, 22), [("user", "Ran 5 km without stopping for the first time today, 31 minutes!"),
                                 ("assistant", "Brilliant milestone.")]),
        (datetime(2025, 4, 19), [("user", "Ran the Riverside parkrun on Saturday, my best time yet: 27 minutes 55 seconds."),
                                 ("assistant", "Great improvement!")])]


def test_a_name_tied_to_the_asked_relation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, RUNS)
    assert m.answer("u", "How is called my flatmate?", ASKED).text.startswith("Jonas")
    a = m.answer("u", "what's my landlord called", ASKED)
    assert "Jonas" not in a.text, a.text


def test_a_unit_of_the_questions_value_is_a_leftover(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, RUNS)
    a = m.answer("u", "What is my best time in 5 km?", ASKED)
    assert "27 minutes 55 seconds" in a.text and not a.abstained, a.text
    # another distance named as content, or stated as another value, is no leftover
    for q in ("what's my best half marathon time", "what is my best time over 10 km"):
        a = m.answer("u", q, ASKED)
        assert a.abstained or a.text.startswith("I'm not sure"), (q, a.text)


def test_a_name_of_the_questions_possessor_is_no_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, [*FILLER,
        (datetime(2025, 4, 5), [("user", "My sister Ana is moving to Porto with her boyfriend in the spring."),
                                ("assistant", "Exciting!")]),
        (datetime(2025, 4, 12), [("user", "We picked up our puppy Biscuit from the breeder on Saturday."),
                                 ("assistant", "Congratulations!")])])
    a = m.answer("u", "what's my sister's boyfriend called", ASKED)
    assert not a.text.startswith("Ana"), a.text
    assert m.answer("u", "what's my sister's name", ASKED).text.startswith("Ana")
    assert m.answer("u", "what's my dog's name", ASKED).text.startswith("Biscuit")  # another word of the kind


def test_a_lower_case_word_of_a_capitalised_question_is_no_name() -> None:
    from kgmem.retrieval.question import content_words, word_pos

    # the tagger may call "oven" a proper noun ("How hot the oven must be for the …"): a writer who
    # capitalises would have written a name so; one who texts in lower case keeps "brightloop" a name
    assert word_pos("oven", "PROPN", cased=True) == "NOUN"
    assert word_pos("brightloop", "PROPN", cased=False) == "PROPN"
    assert word_pos("Ikea", "PROPN", cased=True) == "PROPN"
    assert content_words("What did I buy at Ikea?").named == ["Ikea"]
