"""The event phrases a temporal question is cut into, for question shapes people use (issue #14
item 4, session 10).

Classes found on re-worded copies of the dev3/dev4 temporal questions (tm10's hand re-wordings and
eval/perturb_devset.py): a hedge before "how" ("Roughly how many days ago was …"), a question
clause after the last event ("… to the last one how long was it"), the later event told first
("X was how many days after Y"), the event told in a clause before the question ("when I …, how
long ago was that?"), a noun said once for two ordinals ("my first and last X", "the first X to
the last one"), the present perfect ("how long have I had X": since its start, not a span with an
end), a stay ("how many nights did I spend in X": a span, not a sum) and "how long did it take
after X until Y". Every question below is invented; none is a development question.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from kgmem.models import Intent
from kgmem.retrieval.planner import plan_notes, plan_query

TODAY = datetime(2024, 6, 1, 12)


def _plan(q: str) -> tuple[Intent, list[str], list[str]]:
    p = plan_query(q, question_date=TODAY)
    return p.intent, plan_notes(p, "event"), plan_notes(p, "span")


@pytest.mark.parametrize(("q", "event"), [
    ("Roughly how many weeks ago was the pottery fair?", "pottery fair"),
    ("about how long ago did i repaint the shed", "repaint the shed"),
    ("Approximately, how many days ago did we adopt the hamster?", "adopt the hamster"),
])
def test_a_hedge_before_how_is_no_event(q: str, event: str) -> None:
    intent, events, _ = _plan(q)
    assert intent == Intent.DURATION
    assert [e.lower().removeprefix("the ") for e in events] == [event]


def test_a_question_clause_after_the_last_event_ends_it() -> None:
    _, events, _ = _plan("from the first rehearsal to the last one how many days was it")
    assert events == ["first rehearsal", "last rehearsal"]


@pytest.mark.parametrize("q", ["how many days between my first and last swimming lesson",
                               "how many weeks passed between my very first and final chess club night"])
def test_a_noun_said_once_for_two_ordinals_belongs_to_both(q: str) -> None:
    _, events, _ = _plan(q)
    assert len(events) == 2
    assert events[0].split()[-1] == events[1].split()[-1]
    assert re.search(r"\bfirst\b", events[0]) and re.search(r"\b(?:last|final)\b", events[1])


@pytest.mark.parametrize(("q", "first", "second"), [
    ("the wedding was how many days after the engagement party", "the engagement party", "wedding"),
    ("the house sale came how many weeks before the move", "house sale", "the move"),
])
def test_the_later_event_told_first(q: str, first: str, second: str) -> None:
    intent, events, _ = _plan(q)
    assert intent == Intent.DURATION
    assert events == [first, second]


@pytest.mark.parametrize(("q", "event"), [
    ("when i joined the choir, how long ago was that?", "joined the choir"),
    ("the day we sold the caravan - how many weeks ago was it", "sold the caravan"),
])
def test_the_event_told_in_a_clause_before_the_question(q: str, event: str) -> None:
    intent, events, span = _plan(q)
    assert intent == Intent.DURATION and not span
    assert events == [event]


@pytest.mark.parametrize("q", ["how long have i had my allotment", "how long have we lived in the new flat",
                               "how long have I been learning the cello"])
def test_the_present_perfect_asks_since_a_start_not_for_a_span(q: str) -> None:
    intent, events, span = _plan(q)
    assert intent == Intent.DURATION
    assert not span and len(events) == 1


@pytest.mark.parametrize(("q", "place"), [("how many nights did i spend in galway", "galway"),
                                          ("how many days we stayed at the lake house", "the lake house"),
                                          ("How many days did I spend in Porto?", "Porto")])
def test_a_stay_is_a_span_not_a_sum(q: str, place: str) -> None:
    intent, _, span = _plan(q)
    assert intent == Intent.DURATION
    assert span and span[0].endswith(place)


@pytest.mark.parametrize("q", ["how many days did i spend on the quilt in total",
                               "how many nights have I spent in hostels this year"])
def test_time_spent_on_something_or_over_a_period_is_still_a_sum(q: str) -> None:
    assert _plan(q)[0] != Intent.DURATION


def test_how_long_after_one_event_until_another() -> None:
    _, events, span = _plan("how long did it take after the move until I found a dentist")
    assert not span
    assert events == ["the move", "found a dentist"]


def test_ago_then_an_irregular_past() -> None:
    assert _plan("how long ago i began at the bakery?")[1] == ["began at the bakery"]



def test_how_long_after_one_event_did_another() -> None:
    _, events, span = _plan("how long after we got the puppy did she learn to sit")
    assert not span
    assert events == ["we got the puppy", "she learn to sit"]


@pytest.mark.parametrize(("q", "events"), [
    # session 18 (ev18): a frame counting back from today is no event, and "to X" in it is "ago"
    ("Counting back from today, how many days ago was the pottery fair?", ["pottery fair"]),
    ("Looking back from now, how many weeks to the book launch?", ["book launch"]),
    # "to Leeds" is the trip's own complement; the second event starts at a determiner
    ("how many days from my trip to Leeds to the day I adopted the hamster?", ["trip to Leeds", "I adopted the hamster"]),
    ("the day I repainted the shed was how many weeks ago?", ["I repainted the shed"]),
])
def test_a_frame_from_today_and_an_event_told_as_its_day(q: str, events: list[str]) -> None:
    intent, got, _ = _plan(q)
    assert intent == Intent.DURATION
    assert [e.removeprefix("the ") for e in got] == events


def test_a_hyphen_inside_a_word_does_not_end_the_span() -> None:
    _, _, span = _plan("How many days were we away at the bird-watching camp?")
    assert span == ["away at the bird-watching camp"]


def test_back_the_body_part_is_no_ago() -> None:
    from kgmem.retrieval.event_phrases import span_activity
    assert span_activity("How long was I laid up with my bad back?") == "laid up with my bad back"
    assert span_activity("how many weeks was the back garden dug up") is not None
    assert span_activity("how long back did I start the course?") is None
