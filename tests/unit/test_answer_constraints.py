"""answer/constraints.py: needs stated in passing read as "avoid X"; what makes no demand is not read.

Statements are invented for this test in several registers.
"""

from __future__ import annotations

import pytest

from kgmem.answer.constraints import read_constraint


@pytest.mark.parametrize(("clause", "thing"), [
    ("we can't do tuesdays because of my son's peanut allergy", "peanut"),
    ("I'm gluten intolerant, sadly", "gluten"),
    ("she says I'm intolerant to shellfish", "shellfish"),
    ("I don't eat pork, never have", "pork"),
    ("we never drink spirits, only wine", "spirits"),
    ("so no mushrooms pls", "mushrooms"),
    ("could you book a table, but no loud places", "loud places"),
    ("and no glitter anywhere on the cards", "glitter anywhere on the cards"),
    ("not podcasts, i want something to sing along to", "podcasts"),
])
def test_needs_are_read_as_avoid(clause: str, thing: str) -> None:
    assert read_constraint(clause) == (False, thing)


@pytest.mark.parametrize("clause", [
    "I have no idea what to get him", "no worries, see you then", "no to the 9am call, im busy",
    "not sure yet", "not bad for a monday", "no more early starts for me",  # "no more": a taste frame's
    "I don't have a car", "the allergy clinic rang",
    "It was not great", "i dont really mind",
])
def test_what_makes_no_demand_is_not_read(clause: str) -> None:
    assert read_constraint(clause) is None
