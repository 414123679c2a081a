"""tr28's classes, probed with sentences of their own (not event_spans' or event_doers'): a span asked without
"how many / how long", which of two came first asked by a verb of precedence, their event and option phrases; a thing
that gave out stops only itself; a lingering aftermath dates the day before; a dropped subject's opening past is past;
people the user serves have lives of their own; an activity with no noun names no doer."""

from __future__ import annotations

from datetime import datetime

import pytest
from conftest import AnswersOver
from event_sets_fixture import diary_answers

from kgmem import temporal
from kgmem.answer.actuality import actuality, done_for_the_user
from kgmem.answer.event_names import names_subject
from kgmem.answer.event_time import scheduled_text
from kgmem.answer.stale import stale
from kgmem.models import Intent
from kgmem.retrieval import event_phrases as ep
from kgmem.retrieval.question import regex_intent


@pytest.mark.parametrize("q", [
    "What's the interval in days from the day I got my keys to the day I moved in?",
    "In weeks, how far apart were my dentist appointment and my eye test?",
    "Tell me the length of time, in days, separating the quiz night from the bake sale.",
    "Weeks elapsed from my first piano lesson until my first recital?",
    "what's the week count between the job offer and my start date",
    "Could you give me the time span between my flu jab and my booster, measured in days?",
])
def test_a_span_asked_without_how_many_is_a_duration(q: str) -> None:
    assert regex_intent(q) == Intent.DURATION
    assert len(ep.events(q, Intent.DURATION)) == 2, ep.events(q, Intent.DURATION)


@pytest.mark.parametrize(("q", "intent"), [
    ("What day did I get my keys?", Intent.WHEN),
    ("On which day was the bake sale?", Intent.WHEN),
    ("How many days did I spend hiking in total this year?", Intent.AGGREGATE),
    ("What did I buy two weeks ago?", None),  # a thing asked by its time: no span
])
def test_what_is_no_span_stays_what_it_was(q: str, intent: Intent | None) -> None:
    got = regex_intent(q)
    if intent is None:
        assert got != Intent.DURATION
    else:
        assert got == intent


@pytest.mark.parametrize(("q", "options"), [
    ("Did my eye test predate the new glasses, or the other way round?", ["my eye test", "the new glasses"]),
    ("Which one preceded the other: the yoga retreat or the spa day?", ["the yoga retreat", "the spa day"]),
    ("What took place first, the quiz night or the bake sale?", ["the quiz night", "the bake sale"]),
    ("The quiz night or the bake sale - which came first?", ["The quiz night", "the bake sale"]),
    ("Was the bake sale ahead of the quiz night, or after it?", ["the bake sale", "the quiz night"]),
    ("Honestly can't recall: did I start yoga or join the book club first?", ["start yoga", "join the book club"]),
    ("Between the two, which did I do to start with - the eye test or the haircut?", ["the eye test", "the haircut"]),
])
def test_precedence_asks_an_order_of_the_two(q: str, options: list[str]) -> None:
    assert regex_intent(q) == Intent.ORDERING
    assert ep.options(q, Intent.ORDERING) == options


def test_event_phrases_lose_what_is_not_the_event() -> None:
    q = "Days between the quiz night and the bake sale? Round it if you like."
    assert ep.events(q, Intent.DURATION) == ["quiz night", "bake sale"]
    q = "The move and the housewarming itself - how many days lay between them?"
    assert ep.events(q, Intent.DURATION) == ["move", "housewarming"]
    q = "Work out the days from when I booked the venue to when I paid the deposit."
    assert ep.events(q, Intent.DURATION) == ["booked the venue", "paid the deposit"]
    assert ep.unhedge("Quick one: how many days ago did I see the dentist?") == "how many days ago did I see the dentist?"


@pytest.mark.parametrize(("sentence", "value", "ended"), [
    ("Two hours of drills on the saxophone and my fingers have officially given up.", "saxophone", False),
    ("Did the long ride to Whitby on the road bike, and my knees have quit.", "road bike", False),
    ("Did scales on my cornet till my lips quit.", "cornet", False),
    ("Played the piano until my fingers gave up.", "piano", False),
    ("The old printer finally packed in last week.", "printer", True),  # the thing itself gave out
    ("My running club gave up on Sunday sessions.", "running club", True),
    ("I quit the choir in the spring.", "choir", True),
    ("My flatmate used to drive me to work, but she quit.", "work", True),
])
def test_a_thing_that_gave_out_stops_only_itself(sentence: str, value: str, ended: bool) -> None:
    assert stale(sentence, value) is ended


@pytest.mark.parametrize(("text", "day"), [
    ("Still shattered from the Leeds gig on Saturday.", 8),  # said on Monday 10 March 2031: the Saturday before
    ("My legs are still aching from the fun run on Saturday.", 8),
    ("So stiff after the climbing session on Saturday!", 8),
])
def test_a_lingering_aftermath_dates_the_day_before(text: str, day: int) -> None:
    said = datetime(2031, 3, 10, 18)
    assert scheduled_text(text, said) is None
    spans = temporal.find_time_expressions(text, said)
    assert spans and spans[0].resolved.start.day == day and not spans[0].resolved.future


@pytest.mark.parametrize("text", [
    "I'm flying home after the conference on Saturday.",
    "I'm really looking forward to a lie-in after the exams on Saturday.",
    "We're driving back after the wedding on Saturday.",
])
def test_a_plan_after_an_event_stays_ahead(text: str) -> None:
    said = datetime(2031, 3, 10, 18)
    ahead = scheduled_text(text, said)
    spans = temporal.find_time_expressions(text, said)
    assert (ahead is not None and ahead[0].day == 15) or (spans and spans[0].resolved.future), text


@pytest.mark.parametrize("text", ["Lost my wallet on the bus on Saturday.", "Froze my fingers off at the match on Saturday.",
                                  "Bit my tongue eating soup on Saturday."])
def test_a_dropped_subjects_opening_past_is_past(text: str) -> None:
    said = datetime(2031, 3, 10, 18)
    assert scheduled_text(text, said) is None


@pytest.mark.parametrize("text", ["Flying to Rome on Saturday.", "Take the bins out on Saturday.",
                                  "Meet me at the station on Saturday."])
def test_an_opening_order_or_going_stays_ahead(text: str) -> None:
    assert scheduled_text(text, datetime(2031, 3, 10, 18)) is not None


def test_people_the_user_serves_do_their_own_deeds() -> None:
    assert not done_for_the_user("The tenant repainted the hallway on Friday.")
    assert not done_for_the_user("The client cancelled the shoot yesterday.")
    assert done_for_the_user("The electrician rewired the kitchen on Friday.")
    assert done_for_the_user("The doctor took the stitches out yesterday.")
    assert actuality("The customer returned the dress on Monday.") == "other"
    assert actuality("My lodger moved out on Sunday.") == "other"


def test_an_activity_with_no_noun_names_no_doer() -> None:
    assert not names_subject("My lodger moved out on Sunday.", [], {"move"}, set())
    assert names_subject("Mum and Dad went home on Friday.", [], {"parent", "go", "home"}, {"parent"})


def test_a_customers_deed_is_not_the_users(answers_over: AnswersOver) -> None:
    said = [("2031-06-09", "Busy day at the shop. The customer returned the blue dress on Saturday, so it's back on the "
                           "rail."),
            ("2031-06-12", "Any tips for steaming silk?")]
    (ans,) = diary_answers(answers_over, "tr28", said, "2031-06-15", "How many days ago did I return the dress?")
    assert ans.abstained, ans.text
