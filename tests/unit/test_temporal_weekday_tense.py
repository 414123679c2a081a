"""A weekday is read in the tense of the verb it hangs from, wherever that verb stands; a learner's
"since" + a length dates an onset (cw16).

"On Saturday I take the train" and "On Friday we're flying to Rome" put the verb after the day: the
clause before the day is empty, so only the parse tells the tense. A future tense or a progressive is
a plan (the coming day, ``future``); the present simple with one named day is an arrangement told
ahead (the coming day, ``ahead`` only); a past or perfect verb, "since Monday" or "last Friday", a
habit ("every Saturday", "our weekly sync is on Wednesday") and a start point ("from Saturday") keep
the most recent day. Sentences invented for these tests; said on Wednesday 2026-07-29.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kgmem.temporal import find_time_expressions

SAID = datetime(2026, 7, 29, 19, 0)  # a Wednesday
COMING_SAT, PAST_SAT = date(2026, 8, 1), date(2026, 7, 25)


def _first(text: str) -> tuple[date, bool, bool]:
    spans = find_time_expressions(text, SAID)
    assert spans, text
    r = spans[0].resolved
    return r.start.date(), r.ahead, r.future


@pytest.mark.parametrize(("text", "day", "future"), [
    # the verb after the day, in the future tense or the progressive: a plan
    ("On Saturday I'm taking the ferry to Bilbao.", COMING_SAT, True),
    ("On Saturday we will drive up to the lakes.", COMING_SAT, True),
    ("Saturday I'll ring the plumber about the leak.", COMING_SAT, True),
    # the present simple with one named day: an arrangement told ahead, not a plan
    ("On Saturday I take the coach to Porto, my cousins meet me there.", COMING_SAT, False),
    ("My brother arrives from Gdańsk on Saturday.", COMING_SAT, False),
    ("Saturday the twins have their swimming gala.", COMING_SAT, False),
])
def test_a_day_told_ahead_is_the_coming_one(text: str, day: date, future: bool) -> None:
    got, ahead, fut = _first(text)
    assert (got, ahead, fut) == (day, True, future), text


@pytest.mark.parametrize("text", [
    "On Saturday I took the coach to Porto.",
    "On Saturday we saw the fireworks from the harbour wall.",
    "Saturday was a washout, the gala got cancelled.",
    "On Saturday I've finally finished the shed roof.",
    "Since Saturday I sleep on the sofa bed at my aunt's.",
    "Last Saturday I give my first talk at the club.",  # a learner's present: "last" dates it
    "On Saturday I told her I'm moving to Leeds.",  # the day's verb is "told", not "moving"
    # a habit names no one day; "from" a day is a start point either side of today: read as before
    "Our weekly stand-up is on Saturday at nine.",
    "The quiz team meets every Saturday at the Crown.",
    "My nephew does the deliveries for me on a Saturday.",
    "I am back at the depot from Saturday, the yard is very quiet.",
    # a verb whose past is spelled like its present tells no tense by its form
    "I quit sugar on Saturday to see if it helps, the cravings are awful.",
    # the historic present of a story (rev16): a past or perfect beside it, "now", an opener before the day
    "So on Saturday I go to the car boot sale and the man tells me they've sold every lamp, typical.",
    "Funnily enough on Saturday my old neighbour Priya rings me out of nowhere after three years.",
    "On Saturday I finally get my stitches out, my knee looks so odd now.",
    "The craft fair is on Saturday and it was heaving, we bought far too much.",
])
def test_a_day_told_in_the_past_is_the_recent_one(text: str) -> None:
    got, ahead, fut = _first(text)
    assert (got, ahead, fut) == (PAST_SAT, False, False), text


@pytest.mark.parametrize(("text", "day"), [
    # a learner's "since" + a length: the state began that long before ("for … until now")
    ("im back home in Porto since three days, the flat feels empty", date(2026, 7, 26)),
    ("Since ten days the neighbours' dog barks all night.", date(2026, 7, 19)),
])
def test_since_a_length_dates_the_onset(text: str, day: date) -> None:
    got, ahead, fut = _first(text)
    assert (got, ahead, fut) == (day, False, False), text


@pytest.mark.parametrize("text", ["I've played the cello since 6 years old.",
                                  "I have been vegan since 12 years of age."])
def test_since_an_age_is_no_onset_date(text: str) -> None:
    assert not [s for s in find_time_expressions(text, SAID) if s.resolved.kind == "since_span"], text


def test_since_a_point_or_ago_keeps_its_reading() -> None:
    assert _first("I've been on the early shift since three weeks ago.")[0] == date(2026, 7, 6)  # "three weeks ago": that week
    assert _first("It's been a week since Saturday.")[0] == PAST_SAT
