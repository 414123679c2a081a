"""The calendar and number words of kgmem.lexicon, and the time expressions that read them."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from kgmem.lexicon import calendar, numbers
from kgmem.temporal.resolve import find_time_expressions

BASE = datetime(2023, 5, 20)  # a Saturday


@pytest.mark.parametrize(("word", "n"), [("January", 1), ("jan", 1), ("Jan.", 1), ("sept", 9), ("Sept.", 9),
                                         ("september", 9), ("Decem", 12), ("may", 5)])
def test_month_number(word: str, n: int) -> None:
    assert calendar.month_number(word) == n


@pytest.mark.parametrize("word", ["march" + "ing", "xyz", "ja", ""])
def test_month_number_none(word: str) -> None:
    assert calendar.month_number(word) in (None, 3) if word.startswith("mar") else calendar.month_number(word) is None


@pytest.mark.parametrize(("word", "n"), [("Monday", 0), ("tues", 1), ("Weds", 2), ("sat", 5), ("Sunday", 6)])
def test_weekday_number(word: str, n: int) -> None:
    assert calendar.weekday_number(word) == n


def test_weekday_none() -> None:
    assert calendar.weekday_number("su") is None
    assert calendar.weekday_number("tomorrow") is None


def test_month_alternation_matches_whole_names_only() -> None:
    rx = re.compile(rf"\b(?:{calendar.month_alternation()})\b", re.I)
    assert [m.group(0) for m in rx.finditer("In Sept, not September's decent decoy; Jan and Dec.")] == [
        "Sept", "September", "Jan", "Dec"]


@pytest.mark.parametrize(("text", "n"), [("34", 34), ("thirty", 30), ("twenty-seven", 27), ("Twenty seven", 27),
                                         ("thirteen", 13), ("zero", 0), ("ninety nine", 99)])
def test_cardinal(text: str, n: int) -> None:
    assert numbers.cardinal(text) == n


@pytest.mark.parametrize("text", ["", "lots", "twenty-many"])
def test_cardinal_none(text: str) -> None:
    assert numbers.cardinal(text) is None


def test_cardinal_alternation_prefers_the_longest() -> None:
    rx = re.compile(rf"\b(?:{numbers.cardinal_alternation()})\b", re.I)
    assert [m.group(0) for m in rx.finditer("seventeen, seventy-two, seven, twenty one, ten")] == [
        "seventeen", "seventy-two", "seven", "twenty one", "ten"]


@pytest.mark.parametrize(("text", "day"), [
    ("thirteen days ago", "2023-05-07"),       # beyond twelve: was left to the dateparser fallback
    ("twenty-one days ago", "2023-04-29"),
    ("nineteen days back", "2023-05-01"),
    ("eleven days ago", "2023-05-09"),
    ("a  couple of days ago", "2023-05-18"),
    ("fourteen days before Christmas", "2022-12-11"),
])
def test_number_words_in_time_expressions(text: str, day: str) -> None:
    spans = find_time_expressions(text, BASE)
    assert [s.resolved.point.date().isoformat() for s in spans] == [day]


@pytest.mark.parametrize("text", ["someone who hasn't knitted in twenty years", "I have not seen her in 3 weeks"])
def test_in_n_after_a_negated_perfect_is_a_duration(text: str) -> None:
    assert find_time_expressions(text, BASE) == []


def test_in_n_is_still_ahead() -> None:
    assert [s.resolved.point.date().isoformat() for s in find_time_expressions("I'm moving in two weeks", BASE)] == [
        "2023-06-03"]
