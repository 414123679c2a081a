"""Done deeds of a title kind counted by meaning (kgmem.answer.deeds, kgmem.answer.counting): a line
telling a book read by what happened counts though it never says "read"; a line that tells
another of the user's facts ("practising Italian with cartoons") is no film watched. Every line
here is invented for the test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer import deeds
from kgmem.api import Memory

QD = datetime(2026, 10, 1)


def test_the_asked_title_deed_comes_from_the_registry_cues() -> None:
    assert deeds.title_deed({"i", "have", "read", "book"}, {"reading_goal": 0.5}) == "read_book"
    assert deeds.title_deed({"i", "have", "watch", "film", "or", "show"}, {"watched": 0.3}) == "watched"
    # "shows" is a cue of watched, but a phrase whose neighbours vote for another deed that
    # accumulates asks about that one ("I have been to shows": attended)
    assert deeds.title_deed({"i", "have", "be", "to", "show"}, {"attended": 0.3, "watched": 0.1}) is None
    assert deeds.title_deed({"i", "have", "visit", "city"}, {"visited": 0.3}) is None


def test_an_event_deed_needs_its_cue_and_the_vote() -> None:
    assert deeds.event_deed({"i", "have", "attend", "event"}, {"attended": 0.3}) == "attended"
    assert deeds.event_deed({"i", "have", "be", "to", "gig"}, {"attended": 0.3}) is None  # no cue of attended
    assert deeds.event_deed({"i", "have", "attend", "event"}, {"visited": 0.3, "attended": 0.1}) is None
    # a line near another of the user's facts is no event attended ("the front desk at the gym knows my name")
    assert deeds.tells_other({"job_title": 0.11, "attended": 0.04}, "attended") == "job_title"
    assert deeds.tells_other({"hobby": 0.21, "attended": 0.10}, "attended") is None  # "queued for a pottery workshop"


def test_a_line_tells_the_deed_its_neighbours_vote_for() -> None:
    assert deeds.tells({"read_book": 0.2, "watched": 0.1, "none": 0.3}, "read_book")
    assert not deeds.tells({"read_book": 0.03}, "read_book")  # under the floor: tells nothing
    assert not deeds.tells({"watched": 0.2, "read_book": 0.1}, "read_book")
    assert deeds.tells_other({"speaks_language": 0.3, "watched": 0.02}, "watched") == "speaks_language"
    assert deeds.tells_other({"speaks_language": 0.3, "watched": 0.1}, "watched") is None  # near the asked one too
    assert deeds.tells_other({"none": 0.4}, "watched") is None


def test_the_bank_is_read() -> None:
    preds = {p for p, _ in deeds.bank()}
    assert {"watched", "read_book", "none"} <= preds
    assert deeds.bank_path().is_file()


@pytest.fixture(scope="module")
def reader(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2026, 2, 3), "Missed my bus stop because I was lost in Remarkably Bright Creatures."),
        (datetime(2026, 3, 9), "Passed my copy of Demon Copperhead on to my sister, I loved every page."),
        (datetime(2026, 4, 15), "My husband is reading The Covenant of Water and won't stop talking about it."),
        (datetime(2026, 5, 20), "Could you suggest some novels like Piranesi?"),
        (datetime(2026, 6, 11), "Practising my Italian by reading the news in Italian every morning."),
    ]
    return chat_memory("ines", said, "r", None)


@pytest.mark.parametrize("question", [
    "How many books have I read so far?",
    "what's my tally of books I've read, going by our chats?",  # a count noun: a count however its shape was planned
])
def test_books_read_are_counted_by_meaning(reader, question: str) -> None:  # noqa: ANN001
    a = reader.answer("ines", question, question_date=QD)
    # the bus stop and the copy given away tell books read; the husband's book is his, Piranesi a
    # request, the news no book
    assert a.text.startswith("2"), (a.text, a.extra.get("decision"))
    assert "Covenant" not in a.text and "Piranesi" not in a.text, a.text


def test_a_place_deed_is_the_vote_for_a_place_that_accumulates() -> None:
    assert deeds.place_deed({"i", "have", "be", "to", "country"}, {"visited": 0.25}) == "visited"
    assert deeds.place_deed({"i", "have", "visit", "city"}, {"lives_in": 0.3, "visited": 0.1}) is None
    assert deeds.place_deed({"i", "have", "live", "in", "city"}, {"lives_in": 0.3}) is None  # one value, no count
    assert deeds.place_deed({"i", "have", "visit", "city"}, {"visited": 0.04}) is None  # under the floor
    assert deeds.place_deed({"i", "have", "read", "book"}, {"read_book": 0.3}) is None


@pytest.fixture(scope="module")
def traveller(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2026, 2, 3), "Brought back way too much cheese from Lyon, my suitcase still smells of it."),
        (datetime(2026, 3, 9), "Lost my sunglasses somewhere in Gdansk, gutted."),
        (datetime(2026, 4, 15), "My daughter is in Berlin on a school exchange this month."),  # hers
        (datetime(2026, 5, 20), "Thinking about Kyoto for next spring, any tips?"),  # a plan and a request
        (datetime(2026, 6, 11), "Caught the sunset from the old town walls in Dubrovnik, unreal."),
        (datetime(2026, 7, 2), "The cheese I lugged home from Lyon is finally gone."),  # Lyon again
    ]
    return chat_memory("ines", said, "t", None)


def test_cities_visited_are_counted_by_meaning(traveller) -> None:  # noqa: ANN001
    a = traveller.answer("ines", "How many cities have I been to this year?", question_date=QD)
    # Lyon (told twice), Gdansk and Dubrovnik: none says "visit"; not the daughter's Berlin, not Kyoto asked about ahead
    assert a.text.startswith("3"), (a.text, a.extra.get("decision"))
    assert "Berlin" not in a.text and "Kyoto" not in a.text, a.text


@pytest.mark.parametrize("text", [
    "Booked flights to Tallinn for December, can't wait.",  # a booking: where the user will go (rev20)
    "Off to Tallinn next month, so excited.",  # its own time is ahead
])
def test_a_place_ahead_is_no_place_visited(text: str) -> None:
    from kgmem.answer.evidence import Line
    line = Line(text, "t:0", "t", "user", datetime(2026, 9, 20))
    assert deeds._placed(lambda ln: {"tallinn"})(line) == set()
