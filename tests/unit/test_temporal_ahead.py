"""A time told ahead vs a time not done (session 12, ev12): "Flying to Portugal on Tuesday" said on
a Friday names the coming Tuesday, told ahead (``ahead``) as an arrangement and not a plan (not
``future``); a plan's time is both. Invented sentences."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kgmem.temporal import find_time_expressions

FRIDAY = datetime(2024, 3, 1, 10)


@pytest.mark.parametrize(("text", "day", "ahead", "future"), [
    ("Flying to Portugal on Tuesday for a long weekend!", date(2024, 3, 5), True, False),
    ("Heading over to the coast on Saturday", date(2024, 3, 2), True, False),
    ("Off to Vienna on Sunday for the conference", date(2024, 3, 3), True, False),
    ("Going to start the gym on Monday", date(2024, 3, 4), True, True),  # a plan
    ("Hoping to fly to Lisbon on Tuesday", date(2024, 2, 27), False, False),  # no arrangement: as before
    ("Flying to Portugal on Tuesday was a mistake", date(2024, 2, 27), False, False),  # told in the past
    ("I got back on Tuesday", date(2024, 2, 27), False, False),
])
def test_a_day_told_ahead(text: str, day: date, ahead: bool, future: bool) -> None:
    r = find_time_expressions(text, FRIDAY)[0].resolved
    assert (r.start.date(), r.ahead, r.future) == (day, ahead, future)


def test_every_future_time_is_ahead() -> None:
    r = find_time_expressions("next friday", FRIDAY)[0].resolved
    assert r.future and r.ahead
