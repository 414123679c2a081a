"""A question's event found by meaning when the user told it in other words (session 11, ev11;
issue #14 item 4): a kind and its instance ("my trip to norway" / "Landed in Bergen"), a birth
told without a role word, an event's ordinal settled by date among lines close in meaning; an
event nobody told stays unmatched; a duration whose first event is in memory only as a plan
abstains instead of answering the span of the question's main activity; setting off and coming
back told with plain verbs ("depart for", "returned to"). The haystack is invented (names,
places and dates); it is no development line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.event_meaning import MEANING_MIN, match_by_meaning
from kgmem.answer.event_roles import departs, returns_home
from kgmem.answer.event_spec import EventSpec
from kgmem.answer.evidence import EvidenceSet
from kgmem.api import Memory

USER = "meaning-s11"
SESSIONS = [
    (datetime(2024, 2, 5, 19), "Can you suggest a warm soup with lentils?"),
    (datetime(2024, 3, 11, 20), "The bathroom is finally finished, the tiler left at lunchtime."),
    (datetime(2024, 3, 27, 8), "Our daughter had her baby on Monday!! A little boy, Milo, 8lb 1oz, both doing well."),
    (datetime(2024, 4, 8, 10), "Left my spare crutch in the allotment shed today."),
    (datetime(2024, 4, 20, 15), "My knee surgery is booked for the 14th of May, fingers crossed."),
    (datetime(2024, 5, 6, 21), "Flew to Oslo this morning, two weeks with my cousins!"),
    (datetime(2024, 5, 22, 18), "Back in Leeds since Saturday, already missing my cousins."),
    (datetime(2024, 6, 3, 9), "Went round the allotment with just the one crutch today."),
    (datetime(2024, 6, 10, 9), "What should I plant in July?"),
]
TODAY = datetime(2024, 7, 1, 12)


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory(USER, SESSIONS, "em11", "Here are a few ideas.")


def _ask(mem: Memory, q: str) -> str:
    return mem.answer(USER, q, question_date=TODAY).text


def _evidence(mem: Memory, q: str) -> EvidenceSet:
    return EvidenceSet(mem.search(USER, q, question_date=TODAY))


def test_a_trip_told_by_its_city_is_found_by_meaning(mem: Memory) -> None:
    # 2024-05-06 (flew to Oslo) to 2024-05-18 (back since Saturday, said Wednesday 22 May)
    assert _ask(mem, "how many days was my trip to norway").startswith("12 days")


def test_a_birth_told_without_a_role_word_is_the_arrival(mem: Memory) -> None:
    answer = _ask(mem, "which came first, the bathroom being finished or Milo arriving?")
    assert answer.lower().startswith("the bathroom being finished (2024-03-11), before milo")


def test_an_event_nobody_told_is_not_guessed_by_meaning(mem: Memory) -> None:
    ev = _evidence(mem, "how long ago was my trip to japan")
    assert match_by_meaning(EventSpec("my trip to japan", "trip to japan", None), ev) is None
    assert MEANING_MIN >= 0.3  # a loose floor would let any travel line stand for any trip


def test_a_duration_with_an_event_not_in_memory_abstains(mem: Memory) -> None:
    # the surgery is in memory only as a plan nothing later confirms: the answer must not be the
    # span of the question's main activity (the allotment, 8 April to 3 June)
    answer = _ask(mem, "how long after the surgery did I manage the allotment with one crutch")
    assert "days" not in answer.split(":")[0]


@pytest.mark.parametrize(("text", "sets_off", "comes_back"), [
    ("I depart for Lima on Friday.", True, False),
    ("departing for Reykjavik tomorrow!!", True, False),
    ("We flew to Porto on the 3rd.", False, False),  # a flight alone is no setting off: it may be the way home
    ("Returned to Glasgow last night, exhausted.", False, True),
    ("I returned the scarf to the shop.", False, False),  # giving back a thing is no coming back
])
def test_setting_off_and_coming_back_in_plain_verbs(text: str, sets_off: bool, comes_back: bool) -> None:
    assert departs(text) is sets_off
    assert returns_home(text) is comes_back


#: near misses (rev11's probe, session 11): a neighbouring place, someone else's trip, a language
NEAR_USER = "meaning-near-s11"
NEAR = [
    (datetime(2024, 2, 10, 19), "First Italian class tonight, so nervous!"),
    (datetime(2024, 3, 1, 9), "Flying to Portugal on Tuesday for a long weekend!"),
    (datetime(2024, 3, 9, 10), "Back from Lisbon yesterday, what a city."),
    (datetime(2024, 4, 6, 18), "My brother just got back from ten days in Seville."),
    (datetime(2024, 6, 8, 21), "Wrapped up my evening Italian course tonight."),
]


@pytest.fixture(scope="module")
def near(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory(NEAR_USER, NEAR, "nm11", "Have fun!")


@pytest.mark.parametrize("question", [
    "how long was my trip to spain",  # Portugal is no part of Spain
    "how long did my trip to seville last",  # the brother's trip, not the user's
    "how many days was I in italy",  # an Italian course is no stay in Italy
])
def test_a_neighbour_of_the_event_is_not_the_event(near: Memory, question: str) -> None:
    answer = near.answer(NEAR_USER, question, question_date=datetime(2024, 8, 1, 12)).text
    assert not answer[:1].isdigit(), answer


def test_the_trip_named_by_its_country_and_city(near: Memory) -> None:
    # flying out on Tuesday 5 March (said Friday 1 March), back "yesterday" = 8 March
    answer = near.answer(NEAR_USER, "how many days was my trip to portugal", question_date=datetime(2024, 8, 1, 12)).text
    assert answer.startswith("3 days"), answer
