"""Preference answers by domain: the question asks about one domain (food, listening, a day out …);
the constraints the user stated about that domain, even inside a long line about other things, are
said back as the suggestion's reasons; a taste from another domain is not built on (lead, session 13:
dev3-dev7's preference questions picked "latte art" for a dinner and a seagull painting for a day out).
Hand-written haystacks; no line of a data set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.pref_reasons import clauses, second_person, states_constraint
from kgmem.models import Answer


@pytest.mark.parametrize(("text", "said_back"), [
    ("I'm allergic to shellfish", "you're allergic to shellfish"),
    ("my sister and I can't eat gluten", "your sister and you can't eat gluten"),
    ("we've been dairy-free since March", "you've been dairy-free since March"),
    ("I was never keen on crowds", "you were never keen on crowds"),
])
def test_a_constraint_is_said_back_in_the_second_person(text: str, said_back: str) -> None:
    assert second_person(text) == said_back


def test_clauses_split_where_people_chain_them_and_drop_openers() -> None:
    parts = clauses("the tram was rammed again, and honestly I can't do spicy food anymore; no olives either")
    assert parts == ["the tram was rammed again", "I can't do spicy food anymore", "no olives either"]


@pytest.mark.parametrize(("clause", "constraint"), [
    ("I can't do spicy food anymore", True),
    ("Priya has a peanut allergy", True),
    ("the budget is tight this month", True),
    ("I absolutely love Thai green curry", True),
    ("the tram was rammed again", False),
    ("what can I make for six people?", False),  # a question asks, it states nothing
])
def test_what_states_a_constraint(clause: str, constraint: bool) -> None:
    assert states_constraint(clause) is constraint


SAID = [
    (datetime(2025, 2, 3, 19), "Work was mental today, they've got me running the espresso bar and I'm obsessed with "
                               "pouring rosettas now."),
    (datetime(2025, 2, 10, 20), "Dentist tomorrow, dreading it.",
     "oh and before I forget, I went pescatarian after new year, fish is fine but no meat at all, "
     "and olives are just vile, never put olives in anything for me"),
    (datetime(2025, 2, 17, 18), "My landlord finally fixed the boiler, only took three weeks."),
]


def test_the_food_constraints_of_a_long_line_answer_a_dinner_question(answers_over: Callable[..., list[Answer]]) -> None:
    [a] = answers_over("pref-domains", SAID, "pdom", "Good to know!", datetime(2025, 2, 20, 17),
                       "got any ideas for a quick dinner tonight?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "pescatarian" in a.text and "olives" in a.text, a.text
    assert "you went pescatarian" in a.text, a.text  # said back in the answer's own words, not only quoted
    assert "rosettas" not in a.text and "espresso" not in a.text, a.text  # a taste of another domain
    assert "boiler" not in a.text and "dentist" not in a.text.lower(), a.text


def test_a_listening_question_takes_no_food_constraint(answers_over: Callable[..., list[Answer]]) -> None:
    said = SAID + [(datetime(2025, 2, 18, 8), "for the commute I want something spoken, not music, music just sends me "
                                              "to sleep on the bus")]
    [a] = answers_over("pref-domains-listen", said, "pdoml", "Good to know!", datetime(2025, 2, 20, 17),
                       "what should I listen to on the bus tomorrow?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "music" in a.text and "spoken" in a.text, a.text
    assert "olives" not in a.text and "pescatarian" not in a.text, a.text
