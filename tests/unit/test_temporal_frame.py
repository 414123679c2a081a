"""A yearless date is read in the frame of the clause it belongs to (cw15).

Outside a past frame (a present or future verb, a non-finite one, a date a thing is booked *for*)
the coming date is meant when it is nearer than the most recent one; a past-tense clause keeps
the most recent one. A weekday named with the date picks the year it falls on. Sentences
invented for these tests.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kgmem.temporal import find_time_expressions


def _first(text: str, said: datetime) -> tuple[date, bool, bool]:
    spans = find_time_expressions(text, said)
    assert spans, text
    r = spans[0].resolved
    return r.start.date(), r.ahead, r.future


@pytest.mark.parametrize(("text", "said", "day"), [
    # not a past frame: the coming date
    ("Went to pick up the passes for the Glastonbury weekend on the 25th of June.", datetime(2025, 6, 3),
     date(2025, 6, 25)),
    ("Sorted the train tickets for the Cotswolds walk, setting off on the 9th of May!", datetime(2025, 4, 20),
     date(2025, 5, 9)),
    ("My niece's christening is on the 14th of September.", datetime(2025, 9, 1), date(2025, 9, 14)),
    ("Reserved a pitch at the campsite for Friday the 18th of July.", datetime(2025, 7, 2), date(2025, 7, 18)),
    ("Got seats for the ballet at the Coliseum on the 22nd.", datetime(2025, 10, 12), date(2025, 10, 22)),
    # a past frame: the most recent one
    ("We watched the ballet at the Coliseum on the 22nd of October.", datetime(2025, 10, 12), date(2024, 10, 22)),
    ("The pottery class on the 30th of June was a disaster.", datetime(2025, 6, 10), date(2024, 6, 30)),
    ("I sold my old bike on the 5th.", datetime(2025, 3, 28), date(2025, 3, 5)),
    ("Ran a 10k on the 29th of May.", datetime(2025, 6, 1), date(2025, 5, 29)),
    # a state lasting on from a dated event, or a date on a thing, is the past one (rev15)
    ("My knee still hurts from the fall on the 4th, the physio says it's bruised.", datetime(2025, 8, 21),
     date(2025, 8, 4)),
    ("We loved the street party on the 9th of August.", datetime(2025, 7, 30), date(2024, 8, 9)),
    ("I paid for the gutter clearing on the 4th, it was £60.", datetime(2025, 8, 21), date(2025, 8, 4)),  # rev15
    ("The invoice from the 25th is still unpaid.", datetime(2025, 8, 21), date(2025, 7, 25)),
])
def test_the_clause_decides_which_year(text: str, said: datetime, day: date) -> None:
    assert _first(text, said)[0] == day


def test_a_weekday_with_the_date_picks_its_year_in_one_span() -> None:
    spans = find_time_expressions("Booked the kids onto a zoo trip for Sunday the 17th of August.", datetime(2025, 8, 2))
    assert [s.resolved.start.date() for s in spans] == [date(2025, 8, 17)]


def test_a_date_read_forward_is_ahead_and_a_plan_only_in_the_future_tense() -> None:
    assert _first("Sorted the tickets, setting off on the 22nd of October!", datetime(2025, 10, 12))[1:] == (True, False)
    assert _first("We're driving to Cornwall on the 22nd of October.", datetime(2025, 10, 12))[1:] == (True, True)
