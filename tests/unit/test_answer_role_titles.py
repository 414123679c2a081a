"""A job title told by the work thing that bears it (kgmem.answer.role_titles, an22 session 22): every sentence is
invented for the test (none is from the generator or a held-out set)."""

from __future__ import annotations

import pytest

from kgmem.answer.role_titles import title_in


@pytest.mark.parametrize(("sentence", "title"), [
    ("Updated my email signature on Monday, it now says senior data engineer.", "senior data engineer"),
    ("Picked up the new business cards with clinical lead printed across the top.", "clinical lead"),
    ("My lanyard says duty manager, which still feels weird.", "duty manager"),
    ("The name badge reads staff nurse, finally.", "staff nurse"),
    ("LinkedIn headline now reads head of growth at Monzo.", "head of growth"),
    ("The offer letter says product designer, start date in May.", "product designer"),
    ("I was promoted to head chef last week.", "head chef"),  # the verb of taking a role, as before
])
def test_a_title_borne_by_a_work_thing_is_read(sentence: str, title: str) -> None:
    assert title_in(sentence) == title, sentence


@pytest.mark.parametrize("sentence", [
    "The card says happy birthday from all of us.",  # any card is no bearer of a title
    "Got my work badge with my photo on it.",  # "with" a thing that is not printed on it
    "My contract says 37.5 hours a week.",  # no title in it
    "My profile with the beach photos is up.",
    "My payslip says £2,400 this month.",
])
def test_other_things_said_by_cards_and_badges_are_no_titles(sentence: str) -> None:
    assert title_in(sentence) is None, sentence
