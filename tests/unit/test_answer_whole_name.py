"""A person's name the tagger cut short is taken on through the capitalised words after it (cw16).

spaCy's small model often tags only part of a name it has not met ("Dr Ní Bhriain" → "Ní"), and the
answer then names half a person. A word of the calendar, "I", a number or a sentence break ends the
name. Sentences invented for these tests.
"""

from __future__ import annotations

import pytest

from kgmem.answer.spans import whole_name, with_title


@pytest.mark.parametrize(("name", "text", "whole"), [
    ("Ní", "Went to see Dr Ní Mhurchú about my shoulder, lovely woman.", "Dr Ní Mhurchú"),
    ("Siobhán", "Siobhán Ó Dálaigh took over the choir from Easter.", "Siobhán Ó Dálaigh"),
    ("Wojtek", "My new manager is Wojtek Zieliński, he's sharp.", "Wojtek Zieliński"),
])
def test_a_name_cut_short_is_taken_whole(name: str, text: str, whole: str) -> None:
    assert with_title(name, text) == whole


@pytest.mark.parametrize(("name", "text"), [
    ("Anna", "I saw Anna Thursday at the pool."),  # a weekday ends it
    ("Marta", "I told Marta. Then I left."),  # a sentence break ends it
    ("Kwame", "The migration went to Kwame while Nadia is away."),
    ("Sam", "Sam I think is coming too."),
])
def test_a_whole_name_stays_as_it_is(name: str, text: str) -> None:
    assert whole_name(name, text) == name
