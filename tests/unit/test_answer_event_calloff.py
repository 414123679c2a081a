"""A called-off event is no event; another instance of the same kind is no mention (session 13,
ev13; rev12's probe_ev5 class). A line whose predicate over the event is negated or calls it off
("We've scrapped the trip to Snowdonia", "The spa day is off", "got pushed back") is not the event,
nor is a day told ahead for it before that line; a line whose course, test or renovation has
another modifier ("a pottery course" for "my photography course", "Kitchen renovation" for the
bathroom's) tells another instance. The haystack is invented (names, places and dates); it is no
development line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.event_calloff import calls_off, put_off_then_done, tells_done
from kgmem.answer.event_instance import CARRIES, NONE, OTHER
from kgmem.answer.event_modifiers import verdict
from kgmem.answer.match import core_terms
from kgmem.api import Memory

USER = "calloff-s13"
SESSIONS = [
    (datetime(2024, 9, 3, 19), "Started a pottery course at the arts centre tonight, so messy!"),
    (datetime(2024, 10, 1, 20), "Last pottery session tonight, took home three bowls."),
    (datetime(2024, 9, 18, 17), "Did a first aid course at work today, we practised CPR on a dummy."),
    (datetime(2024, 9, 25, 8), "We've scrapped the camping trip to Snowdonia, the forecast is awful."),
    (datetime(2024, 10, 2, 12), "Booked a spa day at Rowan Hall for Saturday!"),
    (datetime(2024, 10, 4, 18), "The spa day is off, Rowan Hall double-booked us."),
    (datetime(2024, 10, 14, 9), "The Elbow gig at the Roundhouse got pushed back to December, gutted."),
    (datetime(2024, 10, 16, 9), "Kitchen renovation finally finished today, new worktops look amazing."),
    (datetime(2024, 11, 1, 9), "Any tips for getting candle wax off a tablecloth?"),
    # session 14 (ev14): a line telling the event done stays done when a later line calls off another time
    (datetime(2024, 10, 19, 18), "Went bouldering at the Castle climbing wall with Priya, my forearms are wrecked."),
    (datetime(2024, 10, 26, 9), "This week's bouldering at the Castle is off, Priya sprained her ankle."),
    (datetime(2024, 10, 12, 12), "Ran the Hove parkrun this morning in 27 minutes."),
    (datetime(2024, 10, 19, 12), "Didn't make it to the Hove parkrun today, too tired."),
    # put off, then told done in the same sentence (review13 M3); a "no" about something else
    (datetime(2024, 9, 10, 12), "Signed up for a pasta making class at Via Roma for next Thursday."),
    (datetime(2024, 10, 8, 20), "The pasta making class got postponed twice but we finally did it tonight, flour everywhere."),
    (datetime(2024, 10, 1, 21), "My first salsa class at the Dome was tonight, my feet are killing me."),
    (datetime(2024, 10, 7, 20), "I didn't realise salsa would be so tiring, honestly."),
]
TODAY = datetime(2024, 11, 4, 12)


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory(USER, SESSIONS, "co13", "Here are a few ideas.")


def _ask(mem: Memory, q: str) -> str:
    return mem.answer(USER, q, question_date=TODAY).text


@pytest.mark.parametrize("question", [
    "how long ago did I go camping in snowdonia",
    "how many days ago was my spa day",
    "how long ago did I see elbow at the roundhouse",
])
def test_an_event_called_off_is_no_event(mem: Memory, question: str) -> None:
    answer = _ask(mem, question)
    assert "ago" not in answer.split(":")[0] and not answer[:1].isdigit(), answer


@pytest.mark.parametrize("question", [
    "how many weeks was my photography course",
    "how long ago did the bathroom renovation finish",
])
def test_another_instance_of_the_kind_is_no_mention(mem: Memory, question: str) -> None:
    answer = _ask(mem, question)
    assert not answer[:1].isdigit(), answer


def test_the_instance_itself_is_still_answered(mem: Memory) -> None:
    assert _ask(mem, "how many weeks was my pottery course").startswith("4 weeks")
    assert _ask(mem, "how many weeks was my ceramics class").startswith("4 weeks")  # a synonym, the head's synonym
    assert _ask(mem, "how long ago did I do the first aid course").startswith("47 days ago")
    assert _ask(mem, "how long ago did the kitchen renovation finish").startswith("19 days ago")


def test_a_calling_off_undoes_an_arrangement_not_a_done_event(mem: Memory) -> None:
    """A calling off undoes what was booked shortly before it (the spa day, above), never a line
    that told the event done: the first bouldering session and parkrun happened."""
    assert _ask(mem, "how many days ago did I go bouldering at the castle").startswith("16 days ago"), \
        _ask(mem, "how many days ago did I go bouldering at the castle")
    assert _ask(mem, "how many days ago did I run the hove parkrun").startswith("23 days ago")


def test_put_off_then_done_is_the_event_on_its_own_day(mem: Memory) -> None:
    """"Got postponed twice but we finally did it tonight": done that day, not called off, and the
    day first booked (next Thursday) is not the event's."""
    assert _ask(mem, "how many days ago did I do the pasta making class").startswith("27 days ago")


def test_a_no_about_something_else_undoes_nothing(mem: Memory) -> None:
    """"I didn't realise salsa would be so tiring" negates a thought, not the class."""
    assert _ask(mem, "how many days ago was my first salsa class").startswith("34 days ago")


@pytest.mark.parametrize(("activity", "text", "off", "done"), [
    ("pasta making class", "The pasta making class got postponed twice but we finally did it tonight.", False, True),
    ("porto trip", "Our Porto trip got pushed back a couple of times but we got there in the end.", False, True),
    ("the gig", "The gig got pushed back but we went to the pub instead.", True, False),  # something in its place
    ("the gig", "The Wet Leg gig got postponed but we went to the pub.", True, False),  # a doing of another thing
    ("lisbon trip", "Our Lisbon trip got pushed back to October but we already packed the cases.", True, False),
    ("wedding", "The wedding got delayed again but we sent the gift anyway.", True, False),
    ("dentist appointment", "My dentist appointment got rescheduled but I got my refund.", True, False),
    ("brighton marathon", "The Brighton marathon was delayed by an hour but we finished it in 4:10.", False, True),
    ("the gig", "The gig got cancelled but we went to the pub.", True, False),  # called off, not put off
    ("kayaking day", "The kayaking day got delayed again, hopefully we go next month.", True, False),
    ("salsa class", "I didn't realise salsa would be so tiring.", False, False),  # a negated thought
    ("go to book club", "Didn't make it to book club in the end.", True, False),
])
def test_a_putting_off_the_sentence_tells_done_calls_nothing_off(activity: str, text: str, off: bool,
                                                                 done: bool) -> None:
    assert calls_off(text, core_terms(activity)) is off
    assert put_off_then_done(text, core_terms(activity)) is done


@pytest.mark.parametrize(("text", "done"), [
    ("Ran the Hove parkrun this morning in 27 minutes.", True),  # a diary verb the tagger reads as an order
    ("We went to the Elbow gig last night.", True),
    ("Booked a spa day at Rowan Hall for Saturday!", False),
    ("Signed up for the Brighton 10k in May.", False),
    ("My sister went to the gig.", False),
    ("Didn't make it to book club.", False),
    ("Thinking about a spa day on Saturday.", False),
])
def test_a_line_tells_the_event_done_by_its_own_verb(text: str, done: bool) -> None:
    assert tells_done(text) is done


@pytest.mark.parametrize(("activity", "text", "off"), [
    ("go to edinburgh", "We've scrapped the half-term trip to Edinburgh, the kids are poorly.", True),
    ("lake district weekend", "The Lake District weekend got rained off.", True),
    ("trip to york", "Our trip to York has been put back a month.", True),
    ("go to book club", "Didn't make it to book club in the end, the trains were a mess.", True),
    ("the concert", "Finally went to the concert after two cancelled trains.", False),
    ("my pottery course", "I finished my pottery course today, never thought I'd make it.", False),
    ("spa day", "Booked a spa day at Rowan Hall for Saturday!", False),
])
def test_the_predicate_over_the_event_decides_a_calling_off(activity: str, text: str, off: bool) -> None:
    assert calls_off(text, core_terms(activity)) is off


@pytest.mark.parametrize(("phrase", "text", "expected"), [
    ("my woodwork course", "Started a ceramics course at the community centre tonight.", OTHER),
    ("my woodwork course", "My husband started a woodwork course last week.", CARRIES),
    ("my pottery course", "Started an evening course at the arts centre tonight.", NONE),  # a time is no name
    ("my pottery course", "Started my new course at the arts centre tonight.", NONE),  # nor an adjective
    ("practical driving test", "Sat my driving theory test today and passed.", OTHER),
    ("nephew's christening", "Went to my niece's christening on Sunday, lovely service.", OTHER),
])
def test_the_modifier_of_the_head_noun_names_the_instance(phrase: str, text: str, expected: str) -> None:
    assert verdict(phrase, text) == expected
