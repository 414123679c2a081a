"""Time expressions of session 21 (tr21): a day a thing is moved or booked to ("to the 22nd", "for
the 23rd"), a range's end after its start, "N weeks since <clause>", Easter Monday. Expected dates
are worked out from the calendar by hand."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kgmem.temporal import find_time_expressions

SAID = datetime(2028, 9, 4, 19, 5)  # a Monday


def _days(text: str, said: datetime = SAID) -> list[tuple[str, date]]:
    return [(s.resolved.text.lower(), s.resolved.start.date()) for s in find_time_expressions(text, said)]


@pytest.mark.parametrize(("text", "want"), [
    ("The clinic moved my op from the 12th to the 22nd, annoying.", [("from the 12th", date(2028, 8, 12)),
                                                                     ("to the 22nd", date(2028, 9, 22))]),
    ("They've pushed the viewing back to the 2nd.", [("to the 2nd", date(2028, 10, 2))]),
    ("Booked the car in for the 23rd to get the brakes done.", [("for the 23rd", date(2028, 9, 23))]),
    ("we reserved a table for the 1st", [("for the 1st", date(2028, 10, 1))]),
])
def test_a_day_a_thing_is_sent_to_is_the_coming_one(text: str, want: list[tuple[str, date]]) -> None:
    assert _days(text) == want


@pytest.mark.parametrize("text", [
    "Congrats to the 1st team on the win",
    "I only stayed for the 2nd half",
    "They promoted him to the 3rd floor office",
])
def test_an_ordinal_that_names_something_else_is_no_day(text: str) -> None:
    assert _days(text) == []


def test_a_day_told_done_after_being_moved_stays_past() -> None:
    # the sentence tells the moved day as past: the most recent 1st
    assert _days("The gig got moved to the 1st and it was brilliant") == [("to the 1st", date(2028, 9, 1))]


def test_a_range_end_comes_after_its_start() -> None:
    said = datetime(2028, 9, 30, 10, 0)
    # "to the 3rd" alone, told in the past, is the most recent 3rd: before the range's start, so the next one
    assert _days("We had the cottage from the 29th to the 3rd", said) == [("from the 29th", date(2028, 9, 29)),
                                                                        ("to the 3rd", date(2028, 10, 3))]
    assert _days("We had the cottage till the 3rd", said) == [("till the 3rd", date(2028, 9, 3))]


@pytest.mark.parametrize(("text", "start"), [
    ("It is now three weeks since I handed the keys of the shop over.", date(2028, 8, 14)),
    ("two days since we got back and I'm still tired", date(2028, 9, 2)),
    ("It's been a fortnight since my last cigarette", date(2028, 8, 21)),
])
def test_n_units_since_a_clause_is_that_long_ago(text: str, start: date) -> None:
    (got,) = find_time_expressions(text, SAID)
    assert got.resolved.start.date() == start and not got.resolved.future


def test_since_a_day_is_not_read_as_a_length() -> None:
    # "since" before a day, not a clause: the day itself
    assert _days("Two weeks since Monday and still no reply") == [("monday", date(2028, 8, 28))] or \
        all(t != "two weeks since" for t, _ in _days("Two weeks since Monday and still no reply"))


def test_easter_monday() -> None:
    assert _days("We saw the puffins on Easter Monday", datetime(2028, 4, 26, 9, 0)) == [("easter monday", date(2028, 4, 17))]
