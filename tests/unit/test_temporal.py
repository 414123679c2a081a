"""Relative/partial time expressions resolved against a session date, and date arithmetic."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kgmem.temporal import (
    days_between,
    describe_delta,
    find_time_expressions,
    months_between,
    resolve_time,
    weeks_between,
)

SAT = datetime(2023, 5, 20, 14, 30)  # a Saturday afternoon session
WED = datetime(2023, 5, 17, 9, 0)


@pytest.mark.parametrize(
    ("text", "base", "start", "end", "gran"),
    [
        ("yesterday", SAT, date(2023, 5, 19), date(2023, 5, 19), "day"),
        ("the day before yesterday", SAT, date(2023, 5, 18), date(2023, 5, 18), "day"),
        ("last Tuesday", SAT, date(2023, 5, 16), date(2023, 5, 16), "day"),
        ("last Saturday", SAT, date(2023, 5, 13), date(2023, 5, 13), "day"),
        ("on Monday", WED, date(2023, 5, 15), date(2023, 5, 15), "day"),
        ("next Friday", SAT, date(2023, 5, 26), date(2023, 5, 26), "day"),
        ("3 days ago", SAT, date(2023, 5, 17), date(2023, 5, 17), "day"),
        ("two weeks ago", SAT, date(2023, 5, 1), date(2023, 5, 7), "week"),
        ("a couple of weeks ago", SAT, date(2023, 5, 2), date(2023, 5, 10), "week"),
        ("a few days ago", WED, date(2023, 5, 12), date(2023, 5, 15), "day"),
        ("a month ago", datetime(2023, 3, 31), date(2023, 2, 1), date(2023, 2, 28), "month"),
        ("last month", SAT, date(2023, 4, 1), date(2023, 4, 30), "month"),
        ("last week", WED, date(2023, 5, 8), date(2023, 5, 14), "week"),
        ("this week", WED, date(2023, 5, 15), date(2023, 5, 21), "week"),
        ("in March", SAT, date(2023, 3, 1), date(2023, 3, 31), "month"),
        ("in June", SAT, date(2022, 6, 1), date(2022, 6, 30), "month"),  # most recent June
        ("next March", SAT, date(2024, 3, 1), date(2024, 3, 31), "month"),
        ("since 2019", SAT, date(2019, 1, 1), date(2019, 12, 31), "year"),
        ("on May 3rd", SAT, date(2023, 5, 3), date(2023, 5, 3), "day"),
        ("the 3rd of June", SAT, date(2022, 6, 3), date(2022, 6, 3), "day"),
        ("on March 14, 2021", SAT, date(2021, 3, 14), date(2021, 3, 14), "day"),
        ("last weekend", SAT, date(2023, 5, 13), date(2023, 5, 14), "week"),
        ("last weekend", WED, date(2023, 5, 13), date(2023, 5, 14), "week"),
        ("this morning", SAT, date(2023, 5, 20), date(2023, 5, 20), "day"),
        ("last night", SAT, date(2023, 5, 19), date(2023, 5, 19), "day"),
        ("earlier this year", SAT, date(2023, 1, 1), date(2023, 5, 19), "year"),
        ("last summer", SAT, date(2022, 6, 1), date(2022, 8, 31), "season"),
        ("two weekends ago", SAT, date(2023, 5, 6), date(2023, 5, 7), "week"),
        ("2023-01-04", SAT, date(2023, 1, 4), date(2023, 1, 4), "day"),
    ],
)
def test_resolve_expressions(text: str, base: datetime, start: date, end: date, gran: str) -> None:
    r = resolve_time(text, base)
    assert r is not None, text
    assert (r.start.date(), r.end.date(), r.granularity) == (start, end, gran)
    assert r.start.tzinfo is None


def test_since_is_open_ended_and_next_is_future() -> None:
    since = resolve_time("since 2019", SAT)
    nxt = resolve_time("next Friday", SAT)
    assert since is not None and since.open_ended and not since.future
    assert nxt is not None and nxt.future


def test_non_dates_are_not_resolved() -> None:
    assert resolve_time("may I ask you something", SAT) is None
    assert resolve_time("I like the sun", SAT) is None
    assert find_time_expressions("We recently talked about it.", SAT) == []


def test_find_expressions_in_a_sentence() -> None:
    spans = find_time_expressions("I ran a half marathon last Sunday and rested yesterday.", SAT)
    assert [s.resolved.start.date() for s in spans] == [date(2023, 5, 14), date(2023, 5, 19)]
    text = "I ran a half marathon last Sunday and rested yesterday."
    assert text[spans[0].start_char : spans[0].end_char] == "last Sunday"


def test_dateparser_fallback_for_absolute_spellings() -> None:
    r = resolve_time("14.03.2021", SAT)
    assert r is not None and r.start.date() == date(2021, 3, 14)


def test_arithmetic() -> None:
    a, b = datetime(2023, 3, 4), datetime(2023, 4, 18, 23, 59)
    assert days_between(a, b) == 45
    assert days_between(b, a) == -45
    assert weeks_between(a, b) == 6
    assert months_between(date(2023, 1, 15), date(2023, 3, 15)) == 2
    assert months_between(date(2023, 1, 31), date(2023, 2, 28)) == 1
    assert months_between(date(2023, 1, 20), date(2023, 2, 19)) == 0
    assert describe_delta(a, b) == "45 days (about 6 weeks) before"
    assert describe_delta(b, a) == "45 days (about 6 weeks) after"
    assert describe_delta(a, b, relation=False) == "45 days (about 6 weeks)"
    assert describe_delta(date(2023, 1, 1), date(2023, 1, 15)) == "14 days (2 weeks) before"
    assert describe_delta(a, a) == "the same day"
    assert describe_delta(date(2023, 1, 1), date(2023, 1, 2)) == "1 day before"
    assert describe_delta(date(2023, 1, 1), date(2023, 3, 17)) == "75 days (about 11 weeks, 2 months) before"


def test_more_relative_forms() -> None:
    assert resolve_time("two Fridays ago", SAT).start.date() == date(2023, 5, 12)  # type: ignore[union-attr]
    assert resolve_time("a fortnight ago", SAT).point.date() == date(2023, 5, 6)  # type: ignore[union-attr]
    assert resolve_time("earlier today", SAT).start.date() == date(2023, 5, 20)  # type: ignore[union-attr]


XMAS_EVE = datetime(2023, 12, 24, 10)  # a Sunday


@pytest.mark.parametrize(
    ("text", "base", "day", "gran"),
    [
        ("last Christmas", SAT, date(2022, 12, 25), "day"),
        ("at Christmas", datetime(2023, 12, 26), date(2023, 12, 25), "day"),
        ("last Christmas", datetime(2023, 12, 25, 20), date(2022, 12, 25), "day"),
        ("on New Year's Eve", SAT, date(2022, 12, 31), "day"),
        ("on New Year\u2019s Day", SAT, date(2023, 1, 1), "day"),
        ("over Thanksgiving", SAT, date(2022, 11, 24), "day"),
        ("Thanksgiving 2021", SAT, date(2021, 11, 25), "day"),
        ("at Easter", SAT, date(2023, 4, 9), "day"),
        ("last Easter", datetime(2024, 3, 1), date(2023, 4, 9), "day"),
        ("on Halloween", SAT, date(2022, 10, 31), "day"),
        ("on Valentine's Day", SAT, date(2023, 2, 14), "day"),
        ("on Independence Day", SAT, date(2022, 7, 4), "day"),
        ("the Fourth of July", datetime(2023, 7, 10), date(2023, 7, 4), "day"),
        ("on Labor Day", SAT, date(2022, 9, 5), "day"),
        ("over Memorial Day weekend", datetime(2023, 6, 2), date(2023, 5, 29), "day"),
        ("next Christmas", XMAS_EVE, date(2023, 12, 25), "day"),
        ("on the 25th", SAT, date(2023, 4, 25), "day"),
        ("on the 3rd", SAT, date(2023, 5, 3), "day"),
        ("since the 31st", SAT, date(2023, 3, 31), "day"),
        ("the week before last", SAT, date(2023, 5, 1), "week"),
        ("the month before last", SAT, date(2023, 3, 1), "month"),
        ("earlier this month", SAT, date(2023, 5, 1), "month"),
        ("this past weekend", SAT, date(2023, 5, 13), "week"),
        ("this past weekend", datetime(2023, 5, 22), date(2023, 5, 20), "week"),
        ("over the summer", datetime(2023, 10, 2), date(2023, 6, 1), "season"),
        ("a couple of weeks back", SAT, date(2023, 5, 2), "week"),
        ("last night", SAT, date(2023, 5, 19), "day"),
        ("this morning", SAT, date(2023, 5, 20), "day"),
    ],
)
def test_rest_of_the_calendar(text: str, base: datetime, day: date, gran: str) -> None:
    r = resolve_time(text, base)
    assert r is not None, text
    assert (r.start.date(), r.granularity) == (day, gran), text


def test_day_ordinals_are_not_floors_or_anniversaries() -> None:
    assert find_time_expressions("we live on the 5th floor", SAT) == []
    assert find_time_expressions("it was on the 25th anniversary tour", SAT) == []
    assert find_time_expressions("New Year's resolution: run more", SAT) == []


def test_holiday_intervals_carry_their_rule() -> None:
    r = resolve_time("last Christmas", SAT)
    assert r is not None and r.kind == "holiday" and not r.future
    nxt = resolve_time("next Thanksgiving", SAT)
    assert nxt is not None and nxt.future and nxt.start.date() == date(2023, 11, 23)


def test_wide_expressions_keep_a_day_for_arithmetic() -> None:
    two = resolve_time("two weeks ago", SAT)
    assert two is not None and two.point.date() == date(2023, 5, 6) and two.start.date() == date(2023, 5, 1)
    assert resolve_time("three days ago", SAT).point.date() == date(2023, 5, 17)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "base", "start", "end"),
    [
        ("two days before Christmas", datetime(2024, 1, 2), date(2023, 12, 23), date(2023, 12, 23)),
        ("the Monday after Easter", datetime(2025, 4, 22), date(2025, 4, 21), date(2025, 4, 21)),
        ("the weekend after Halloween", datetime(2022, 11, 21), date(2022, 11, 5), date(2022, 11, 6)),
        ("the first Monday of last month", datetime(2024, 3, 1), date(2024, 2, 5), date(2024, 2, 5)),
        ("the last weekend of last month", datetime(2024, 11, 5), date(2024, 10, 26), date(2024, 10, 27)),
        ("the Sunday before last", datetime(2024, 3, 1), date(2024, 2, 18), date(2024, 2, 18)),
    ],
)
def test_composed_expressions(text: str, base: datetime, start: date, end: date) -> None:
    r = resolve_time(text, base)
    assert r is not None and (r.start.date(), r.end.date()) == (start, end), text


def test_bare_weekday_follows_the_tense() -> None:
    assert resolve_time("I'm seeing the landlord on Thursday.", WED).start.date() == date(2023, 5, 18)  # type: ignore[union-attr]
    assert resolve_time("I saw the landlord on Thursday.", WED).start.date() == date(2023, 5, 11)  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "expected"), [
    ("my new telescope arrived Tuesday the week before last", date(2029, 8, 7)),
    ("it arrived Tuesday last week", date(2029, 8, 14)),
    ("we met on the Friday of last week", date(2029, 8, 17)),
    ("Monday this week was awful", date(2029, 8, 20)),
    ("the party is Friday next week", date(2029, 8, 31)),
    ("it came last Tuesday", date(2029, 8, 21)),  # a bare "last <weekday>" is unchanged
])
def test_a_weekday_of_a_named_week(text: str, expected: date) -> None:
    """A weekday anchored in a named week ("Tuesday the week before last", said on Wednesday 22 August
    2029) is that day of that Monday–Sunday week, not the most recent Tuesday (ev14: dev9, after its
    blind run — directed)."""
    found = find_time_expressions(text, datetime(2029, 8, 22, 19, 30))
    assert [s.resolved.start.date() for s in found] == [expected], found
