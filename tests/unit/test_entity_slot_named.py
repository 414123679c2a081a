"""A thing's slot value the question itself names is whom it asks about, never the answer (cw16).

"Who is running Oscar's football practices?": extraction may store the boy as the practice's
person in charge from "coach Brennan had the boys running laps … and Oscar was wiped out"; the
entity-slot path asserted "Oscar". Sentences invented for this test.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kgmem.models import Answer


def test_the_named_person_is_not_who_runs_his_practice(answers_over: Callable[..., list[Answer]]) -> None:
    said = [(datetime(2024, 2, 1), "quick one I picked up Oscar from football practice "
             "and coach Ferris says he's a natural what boots should an eight year old have"),
            (datetime(2024, 2, 20), "coach Brennan had the boys running laps the whole "
             "practice Sunday and Oscar was wiped out is that normal for eight year olds period "
             "also we got quotes for loft insulation")]
    [a] = answers_over("bo", said, "b", None, datetime(2024, 3, 1), "Who is running Oscar's football practices right now?")
    assert not a.text.startswith("Oscar"), a.text


def test_the_options_of_a_choice_question_stay_answers(answers_over: Callable[..., list[Answer]]) -> None:
    # rev16: only whose thing it asks about is barred, not a name it offers or a namesake
    said = [(datetime(2024, 1, 10), "Coach Dylan runs the under-9s training at Finn's rugby club."),
            (datetime(2024, 3, 1), "Dylan has stepped down, so Oscar Mensah coaches Finn's team now.")]
    [a] = answers_over("bo", said, "b", None, datetime(2024, 3, 20), "Who coaches Finn's team now, Dylan or Oscar?")
    assert "Oscar Mensah" in a.text, a.text
