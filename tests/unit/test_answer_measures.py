"""Measure questions want a value of the measure (kgmem/answer/measures.py).

Every sentence here is invented for the class; none comes from a data set.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from dialogue_fixture import ASKED, FILLER, dialogue_memory

from kgmem.answer import measures
from kgmem.evaluation.judge import declines


@pytest.mark.parametrize(("question", "measure"), [
    ("What temperature did you tell me the bread bakes at?", "temperature"),
    ("how hot should the oil be", "temperature"),
    ("how heavy is my suitcase now", "weight"),
    ("how much does the puppy weigh", "weight"),
    ("how tall is my nephew", "height"),
    ("what size shoe do I take", "size"),
    ("how far is my commute", "distance"),
    ("how long was I in Spain", None),  # a span of time, not a length
    ("how many days did the course run", None),
    ("what time does the gym open", None),
])
def test_the_measure_a_question_asks_for(question: str, measure: str | None) -> None:
    assert measures.asked_measure(question) == measure


@pytest.mark.parametrize(("text", "measure", "found", "said"), [
    ("Bake it at 230°C (210°C fan) for 25 minutes.", "temperature", ["230°C", "210°C"], "230°C (210°C fan)"),
    ("The greenhouse heater keeps it at 12C overnight.", "temperature", ["12C"], "12C"),
    ("Vet weighed him, 4 st 2 lb. And 3 kg of food left.", "weight", ["4 st 2 lb", "3 kg"], "4 st 2 lb"),
    ("She was 7lb 3oz at birth", "weight", ["7lb 3oz"], "7lb 3oz"),
    ("He's 6 ft 1 in already", "height", ["6 ft 1 in"], "6 ft 1 in"),
    ("I take a size 8 in boots", "size", ["size 8"], "size 8"),
    ("Ran 12 miles and then 3 km of hills", "distance", ["12 miles", "3 km"], "12 miles"),
    ("the nurse put her at one metre forty-two on Monday", "height", ["one metre forty-two"], "one metre forty-two"),
    ("He's 5 ft 10 now", "height", ["5 ft 10"], "5 ft 10"),
    ("down to 11 st 4 lb after the diet", "weight", ["11 st 4 lb"], "11 st 4 lb"),
])
def test_values_of_a_measure(text: str, measure: str, found: list[str], said: str) -> None:
    assert measures.values(text, measure) == found
    assert measures.stated(text, measure) == said


@pytest.mark.parametrize(("text", "measure"), [
    ("Up at 5 in the morning again", "height"),  # "in" after a space is a word
    ("we had 220 c", "temperature"),
    ("I bought 3 trays of seedlings for £12", "weight"),
    ("Got 2 in total", "height"),
])
def test_no_value_of_the_measure(text: str, measure: str) -> None:
    assert measures.values(text, measure) == []




def test_an_assistant_temperature_answers_a_temperature_question(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, [*FILLER, (datetime(2025, 4, 2), [
        ("user", "My sourdough keeps coming out dense and pale. How hot should the oven be for it?"),
        ("assistant", "Preheat with the pot inside. Bake it at 240°C (220°C fan) with the lid on for 20 minutes, "
                      "then take the lid off for another 20.")])])
    a = m.answer("u", "What temperature did you tell me to bake the sourdough at?", ASKED)
    assert not a.abstained
    assert a.text.startswith("240°C")


def test_a_measure_question_is_not_answered_by_another_number(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the only numbers near the question are a price and a count: no weight, so no weight answer
    m = dialogue_memory(tmp_path, [*FILLER, (datetime(2025, 4, 2), [
        ("user", "Bought a new cabin suitcase for the Lisbon trip, 45 quid, and it has 4 wheels."),
        ("assistant", "Sounds handy for a long weekend.")])])
    a = m.answer("u", "how heavy is my suitcase", ASKED)
    assert a.abstained or declines(a.text), a.text


def test_the_newest_value_of_a_current_measure(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, [*FILLER,
        (datetime(2025, 1, 10), [("user", "Weighed the puppy at the vet today, Moss is 6 kg now."),
                                 ("assistant", "He's growing fast!")]),
        (datetime(2025, 5, 12), [("user", "Weighed the puppy at the vet again, Moss is 11 kg now."),
                                 ("assistant", "Almost doubled!")])])
    a = m.answer("u", "how heavy is Moss now", ASKED)
    assert a.text.startswith("11 kg"), a.text
    # the puppy's weight is no answer about the user's own
    mine = m.answer("u", "how heavy am I these days", ASKED)
    assert "kg" not in mine.text and (mine.abstained or declines(mine.text)), mine.text


def test_a_present_measure_is_the_newest_line_naming_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the newer line is less like the question ("put her at"), but names the girl and holds a height
    m = dialogue_memory(tmp_path, [*FILLER,
        (datetime(2025, 1, 10), [("user", "Our daughter Nomvula was measured at her check-up: 1.30 metres tall."),
                                 ("assistant", "A good height for her age.")]),
        (datetime(2025, 5, 12), [("user", "The school nurse put Nomvula at one metre thirty-six yesterday."),
                                 ("assistant", "Growing fast!")])])
    assert m.answer("u", "How tall is Nomvula at this point?", ASKED).text.startswith("one metre thirty-six")
    assert m.answer("u", "How tall was Nomvula at her check-up?", ASKED).text.startswith("1.30 metres")


def test_a_measure_question_is_never_answered_by_a_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # rev12's near miss: no height of the husband anywhere; a name or someone else's height is no answer
    m = dialogue_memory(tmp_path, [*FILLER,
        (datetime(2025, 3, 20), [("user", "My daughter Ava is 1.42m now, taller than her cousins."),
                                 ("assistant", "She's shooting up!")]),
        (datetime(2025, 4, 2), [("user", "My husband Tom is on nights all month at the depot."),
                                ("assistant", "That's a tough rota.")])])
    a = m.answer("u", "how tall is my husband", ASKED)
    assert a.abstained or declines(a.text), a.text
    assert "Ava" not in a.text.split("(")[0] and "1.42" not in a.text.split("(")[0], a.text


def test_someone_elses_measure_when_the_question_names_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, [*FILLER,
        (datetime(2025, 4, 2), [("user", "My husband is 6 ft 2 and still bangs his head on the loft hatch."),
                                ("assistant", "Ouch!")])])
    assert m.answer("u", "how tall is my husband", ASKED).text.startswith("6 ft 2")
