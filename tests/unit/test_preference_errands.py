"""An errand or chore the user owes is no taste and no constraint on a suggestion (pf19): "I need to repaint the
hallway" limits nothing about tonight's film, while "I have to stick to decaf after lunch" does. Read from the
parse: the verb that need / have to / must governs either limits what the speaker does (stick to, keep, avoid, be,
stay …) or is a task. Sentences invented for this test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.models import Answer

pytest.importorskip("spacy")


@pytest.mark.parametrize("clause", [
    "I need to repaint the hallway this weekend",
    "I have to write up the minutes from Tuesday's meeting",
    "I must pick up a birthday present for Sam",
    "need to book the car in for its MOT",
    "my brother needs to return the drill he borrowed",
])
def test_an_errand_constrains_nothing(clause: str) -> None:
    from kgmem.answer.pref_reasons import states_constraint

    assert not states_constraint(clause)


@pytest.mark.parametrize("clause", [
    "I have to stick to decaf after lunch",
    "we need to keep it under forty quid",
    "I must be home by nine",
    "it needs to be dog-friendly",
    "I have to avoid stairs with my knee",
    "I need to cut down on salt",
    "I need something quick",
])
def test_a_limit_is_still_a_constraint(clause: str) -> None:
    from kgmem.answer.pref_reasons import states_constraint

    assert states_constraint(clause)


def test_an_errand_is_not_said_back_as_a_reason(answers_over: Callable[..., list[Answer]]) -> None:
    said = [(datetime(2025, 2, 3, 19), "Chickpea curries make me happy, honestly."),
            (datetime(2025, 2, 6, 20), "I need to bake a cake for the school fair. Can I swap butter for oil?")]
    [a] = answers_over("pf19-errand", said, "pfer", "Noted!", datetime(2025, 2, 12, 17),
                       "what should I make for dinner tonight?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "chickpea curries" in a.text.lower(), a.text
    assert "school fair" not in a.text, a.text  # a cake owed to the fair is no reason for tonight's dinner
