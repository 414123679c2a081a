"""A previous value asked by the value that replaced it (an27, session 27): "Before $105,000, what was my yearly
pay?" is never answered with $105,000, and a line that only restates the newer value ("it says high school chemistry
teacher now") is no answer to "what was my title before I was a high school chemistry teacher?".

Sentences written by hand for these tests (not the generator's, not a set's)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.stale import restates_newer
from kgmem.retrieval.planner import plan_query


@pytest.mark.parametrize(("question", "line", "restates"), [
    ("What was my title before I was head of marketing?", "My badge says head of marketing now, still weird.", True),
    ("What was my title before I was head of marketing?", "Being a copywriter was fun but the pay was awful.", False),
    ("What was my job before I became a paramedic?", "First shift as a paramedic tomorrow, terrified.", True),
    ("Where did I work before I joined Brightwell?", "Loved my years at Halden, honestly.", False),
])
def test_a_line_naming_the_newer_value(question: str, line: str, restates: bool) -> None:
    assert restates_newer(plan_query(question), line) is restates


def test_only_a_previous_value_question_has_a_newer_value() -> None:
    plan = plan_query("What is my job title?")
    assert not restates_newer(plan, "My badge says head of marketing now.")


SAID = [
    (datetime(2027, 2, 3, 9), "Random question, is £39,000 a year decent for my job? I run a lab, no clue honestly"),
    (datetime(2027, 2, 10, 19), "Can you suggest a quick dinner with chickpeas?"),
    (datetime(2027, 5, 2, 8), "Oh and payroll sorted it today: £47,500 a year from this month on."),
]


@pytest.mark.parametrize("question", ["Before £47,500, what was my yearly pay?", "what did I earn before the £47,500?"])
def test_the_newer_value_is_never_the_answer(answers_over, question: str) -> None:  # noqa: ANN001
    # (main before this change answered "£47,500 (on 2027-05-02 you said: …)" from the confident sentence; the
    # previous value is told inside the user's own question about it)
    (ans,) = answers_over("nv-pay", SAID, "nvp", "Happy to help!", datetime(2027, 6, 10, 10), question)
    assert ans.text.startswith("£39,000"), ans.text


def test_another_persons_value_before_is_no_previous_value_of_mine(answers_over) -> None:  # noqa: ANN001
    said = [(datetime(2027, 2, 3, 9), "My sister's on £52,000 a year at the council, lucky her."), *SAID[1:]]
    (ans,) = answers_over("nv-other", said, "nvo", "Happy to help!", datetime(2027, 6, 10, 10),
                          "Before £47,500, what was my yearly pay?")
    assert not ans.text.startswith(("£47,500", "£52,000")), ans.text
