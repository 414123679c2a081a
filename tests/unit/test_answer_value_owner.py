"""A value answers a question about someone only when it is theirs and actual (cw15).

"Where does Marek work these days?" is not answered from "Marek's cousin Zofia had her first day at
…" (the cousin's job), nor from "Marek might start at … if the interview goes well" (a maybe).
Sentences invented for these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.actuality import mode
from kgmem.answer.subjects import only_a_possessor
from kgmem.api import Memory


@pytest.mark.parametrize(("sentence", "who", "holder_only"), [
    ("Marek's cousin Zofia had her first day at Ridgeway College.", "Marek", True),
    ("Marek's boss moved to the Leeds office.", "Marek", True),
    ("Marek's school is closed for the strike.", "Marek", False),
    ("Marek teaches chemistry at Fernhill School.", "Marek", False),
    ("Marek and his cousin Zofia went to Ridgeway College.", "Marek", False),
    ("Marek's brother Pavel found him a job at Ridgeway College and he starts Monday.", "Marek", False),  # rev15
])
def test_a_name_only_as_the_holder_of_another_person(sentence: str, who: str, holder_only: bool) -> None:
    assert only_a_possessor(sentence, who) is holder_only


@pytest.mark.parametrize(("sentence", "told"), [
    ("Marek might start at Ridgeway College in January if the interview goes well.", "plan"),
    ("Marek never took the Ridgeway job.", "negated"),
    ("Marek teaches chemistry at Fernhill School.", "actual"),
])
def test_the_mode_of_a_line_whoever_its_doer(sentence: str, told: str) -> None:
    assert mode(sentence) == told


@pytest.fixture(scope="module")
def family(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2025, 1, 9, 19), "My partner Marek teaches chemistry at Fernhill School."),
        (datetime(2025, 2, 20, 10), "Marek might start at Ridgeway College in January if the interview goes well."),
        (datetime(2025, 3, 18, 10), "Marek's cousin Zofia had her first day at Hollins Academy, she's teaching music there."),
        (datetime(2025, 4, 2, 9), "Any tips for getting limescale off a shower head?"),
    ]
    return chat_memory("ola", said, "vo", None)


def test_neither_a_relative_s_job_nor_a_maybe_replaces_the_value(family) -> None:  # noqa: ANN001
    a = family.answer("ola", "Where does Marek work these days?", question_date=datetime(2025, 5, 1))
    assert "Fernhill" in a.text, (a.text, a.extra["decision"])


@pytest.fixture(scope="module")
def switcher(chat_memory: Callable[..., Memory]) -> Memory:
    said = [(datetime(2025, 3, 4, 19), "My phone is a Galaxy S24, I was on an iPhone until 2023."),
            (datetime(2025, 4, 2, 9), "Any tips for getting limescale off a shower head?")]
    return chat_memory("tam", said, "vs", None)


def test_a_value_told_with_a_closed_period_is_not_current(switcher) -> None:  # noqa: ANN001
    a = switcher.answer("tam", "What phone do I have?", question_date=datetime(2025, 5, 1))
    assert "Galaxy" in a.text and "iPhone" not in a.text, (a.text, a.extra["decision"])


@pytest.fixture(scope="module")
def mover(chat_memory: Callable[..., Memory]) -> Memory:
    said = [(datetime(2025, 1, 9, 19), "My wife Ana teaches maths at Northfield School."),
            (datetime(2025, 4, 3, 19), "Ana had her first day as head of maths at Riverside Academy, so proud."),
            (datetime(2025, 4, 20, 9), "Any tips for getting limescale off a shower head?")]
    return chat_memory("rui", said, "vm", None)


def test_an_onset_told_by_name_answers_for_the_relation(mover) -> None:  # noqa: ANN001
    # "my wife" in the question, "Ana" in the newer line: her own news, not someone she holds
    a = mover.answer("rui", "Which school does my wife work at these days?", question_date=datetime(2025, 5, 1))
    assert "Riverside" in a.text, (a.text, a.extra["decision"])
