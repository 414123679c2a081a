"""When a told event happened, for ways of telling it found on dev5 (session 10, tm10; issue #14 item 4).

Classes: a British "a week on Monday" / "a week tomorrow"; named days on a fixed date (Bonfire
Night, Burns Night, …); a plan for a coming day that a later line says happened ("we leave for X
a week on Monday" … "home since Tuesday"); the turn's one dated sentence before the line ("I did a
silly thing on bonfire night. I went out …"); a noun at the end of a compound ("arm" of
"forearm"). The haystack below is invented (names, places, dates); it is no development line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from kgmem.answer.event_mentions import _shares_noun
from kgmem.api import Memory
from kgmem.temporal import find_time_expressions


@pytest.mark.parametrize(("text", "said", "day"), [
    ("we fly out a week on Thursday", datetime(2024, 3, 4, 9), date(2024, 3, 14)),  # Monday → the Thursday after next
    ("the builders come a week on monday", datetime(2024, 3, 4, 9), date(2024, 3, 18)),  # said on a Monday
    ("see you a week tomorrow", datetime(2024, 3, 4, 9), date(2024, 3, 12)),
    ("it's due a week today", datetime(2024, 3, 4, 9), date(2024, 3, 11)),
])
def test_a_week_on_a_weekday_is_the_one_after_the_coming_one(text: str, said: datetime, day: date) -> None:
    found = find_time_expressions(text, said)
    assert found and found[0].resolved.future and found[0].resolved.start.date() == day


@pytest.mark.parametrize(("text", "day"), [
    ("the dog hated bonfire night", date(2023, 11, 5)), ("on Guy Fawkes night the sky was orange", date(2023, 11, 5)),
    ("we had haggis on burns night", date(2024, 1, 25)), ("St David's Day parade was lovely", date(2024, 3, 1)),
    ("april fools prank went wrong", date(2023, 4, 1)),
])
def test_named_days_on_a_fixed_date_are_the_most_recent_one(text: str, day: date) -> None:
    found = find_time_expressions(text, datetime(2024, 3, 10, 12))
    assert found and found[0].resolved.start.date() == day


def test_a_compound_ending_in_the_noun_shares_it() -> None:
    assert _shares_noun({"arm"}, {"forearm", "burn"})
    assert _shares_noun({"boat"}, {"sailboat"})
    assert not _shares_noun({"arm"}, {"farm"})  # too short a rest to be a compound


USER = "time-s10"
SESSIONS = [
    # Wednesday 2024-04-03: "a week on Monday" is 2024-04-15
    (datetime(2024, 4, 3, 18), "We leave for the Dordogne a week on Monday! Any tips for driving in France?"),
    (datetime(2024, 4, 10, 9), "How do I descale a kettle?"),
    # Saturday 2024-04-27: "since Tuesday" is 2024-04-23
    (datetime(2024, 4, 27, 11), "Home since Tuesday and the washing pile is enormous."),
    (datetime(2024, 11, 9, 20), "I did a daft thing on bonfire night. I went out to the shed in the dark and tripped "
                                "over the hose, and now my ankle is strapped up."),
    # a plan for a coming day that nothing later confirms stays a plan
    (datetime(2024, 9, 2, 8), "Tomorrow I start a pottery class at the community centre."),
]
TODAY = datetime(2024, 12, 1, 12)


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory(USER, SESSIONS, "ts10", "Here are a few ideas.")


def _ask(mem: Memory, q: str) -> str:
    return mem.answer(USER, q, question_date=TODAY).text


def test_a_planned_day_that_came_true_starts_the_trip(mem: Memory) -> None:
    # 2024-04-15 (a week on Monday, told on Wednesday 3 April) to 2024-04-23 (home since Tuesday)
    assert _ask(mem, "how many days was the dordogne trip").startswith("8 days")


def test_the_turns_one_dated_sentence_before_the_line_dates_it(mem: Memory) -> None:
    assert "2024-11-05" in _ask(mem, "how long ago did I hurt my ankle")


def test_a_planned_day_nothing_confirms_is_no_event(mem: Memory) -> None:
    assert "2024-09-03" not in _ask(mem, "how long ago did i start the pottery class")
