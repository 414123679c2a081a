"""Kind vs instance of a name in event matching (session 12, ev12; review11 H1 + M3): a line that
carries the question's name or a place inside it may tell the event ("Back from Athens" for a trip
to Greece); a line with another name of the same kind never does ("my polish cookery class" is not
the Hungarian one, "days in hungary" is no cookery class); a trip told ahead as an arrangement
("Flying to Greece on Thursday", said on a Monday) starts on the coming Thursday, and is no event
before that day, nor when a later line calls it off. The haystack is invented (names, places and dates); it is no development line.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.event_instance import CARRIES, NONE, OTHER, NameCheck
from kgmem.answer.evidence import EvidenceSet
from kgmem.api import Memory

USER = "instance-s12"
SESSIONS = [
    (datetime(2024, 1, 9, 19), "First Hungarian cookery class tonight, the chef is hilarious."),
    (datetime(2024, 3, 19, 21), "Last Hungarian cookery class tonight, we made goulash."),
    (datetime(2024, 4, 1, 9), "Flying to Greece on Thursday for a week of sun!"),  # a Monday
    (datetime(2024, 4, 12, 9), "Back from Athens last night, so brown."),
    (datetime(2024, 5, 20, 9), "My flatmate just got back from a fortnight in Croatia."),
    (datetime(2024, 6, 3, 9), "Any tips for keeping basil alive?"),
    (datetime(2024, 6, 12, 18), "Heading over to the Peak District on Saturday for a camping weekend."),  # a Wednesday
    (datetime(2024, 6, 16, 10), "The Peak District camping weekend was called off, the campsite flooded."),
]
TODAY = datetime(2024, 7, 1, 12)


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory(USER, SESSIONS, "in12", "Here are a few ideas.")


def _ask(mem: Memory, q: str, when: datetime = TODAY) -> str:
    return mem.answer(USER, q, question_date=when).text


def test_a_trip_told_ahead_starts_on_the_coming_day_and_ends_at_its_city(mem: Memory) -> None:
    # Thursday 2024-04-04 (said on Monday 1 April) to "last night" of Friday 12 April
    assert _ask(mem, "how many days was my trip to greece").startswith("7 days")


def test_a_trip_told_ahead_is_no_event_before_its_day(mem: Memory) -> None:
    early = _ask(mem, "how many days ago did I fly to greece", datetime(2024, 4, 3, 12))
    assert "days ago" not in early
    assert _ask(mem, "how many days ago did I fly to greece").startswith("88 days ago")


def test_a_trip_told_ahead_and_called_off_is_no_event(mem: Memory) -> None:
    answer = _ask(mem, "how many days was my peak district camping weekend")
    assert not answer[:1].isdigit(), answer


@pytest.mark.parametrize("q", ["how many weeks was my polish cookery class", "how many days was I in hungary",
                               "how many days was my trip to italy"])
def test_another_name_of_the_kind_or_another_kind_does_not_answer(mem: Memory, q: str) -> None:
    answer = _ask(mem, q)
    assert not answer[:1].isdigit(), answer


def test_the_kind_without_a_name_still_answers(mem: Memory) -> None:
    assert _ask(mem, "how many weeks was my cookery class").startswith("10 weeks")


def test_the_verdicts_of_one_check(mem: Memory) -> None:
    ev = EvidenceSet(mem.search(USER, "how many days was my trip to greece", question_date=TODAY))
    texts = ["Back from Athens last night.", "Back from Lisbon last night.", "Flying to Portugal on Thursday!",
             "First Hungarian cookery class tonight.", "Any tips for keeping basil alive?"]
    # Lisbon lies outside Greece by general knowledge (kgmem.knowledge): another place, whatever its cosine
    assert NameCheck("my trip to greece", ev).verdicts(texts) == [CARRIES, OTHER, OTHER, NONE, NONE]
    # another nationality is OTHER when the embedding gives it a kind ("Italian"); "Hungarian" is as
    # near a country as a nationality (no kind: NONE), which answers no more than OTHER does
    assert NameCheck("my polish cookery class", ev).verdicts(["First Italian cookery class tonight.", texts[3]]) == [
        OTHER, NONE]
    assert not NameCheck("my cookery class", ev).asked


def test_the_names_of_a_phrase(mem: Memory) -> None:
    ev = EvidenceSet(mem.search(USER, "how many days was my trip to greece", question_date=TODAY))
    assert NameCheck("my trip to greece", ev).names == ["Greece"]  # read with its nouns capitalised
    assert NameCheck("my spanish lessons", ev).names == ["Spanish"]
    assert NameCheck("the day Milo arrived", ev).names == ["Milo"]  # capitalised by the asker: any kind
    assert NameCheck("my language course", ev).names == []
    assert NameCheck("my first night in resus", ev).names == []  # tagged, but of no place or nationality kind
