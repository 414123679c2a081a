"""Totals leave out what came back (kgmem.answer.refunds) and add up told stays in units
(kgmem.answer.stays); lines told by someone else are not the user's (kgmem.answer.whose).
Every line here is invented for the test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.refunds import money_back_kind
from kgmem.answer.stays import asked_unit, stated
from kgmem.answer.whose import others_doing
from kgmem.api import Memory

QD = datetime(2024, 9, 30)


@pytest.fixture(scope="module")
def shopper(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2024, 2, 3), "Bought a rain jacket for the trip, £85."),
        (datetime(2024, 3, 9), "Picked up new walking boots today, £120."),
        (datetime(2024, 4, 20), "The boots rubbed so badly I returned them, got my £120 back."),
        (datetime(2024, 5, 11), "Got a head torch for £25."),
        (datetime(2024, 6, 1), "Took the dog back to the vet for her jab, £60."),
    ]
    return chat_memory("rhea", said, "r", None)


@pytest.fixture(scope="module")
def traveller(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2024, 2, 16), "Back from three nights in Leeds for the sales kick-off, shattered."),
        (datetime(2024, 3, 1), "Leeds expenses finally paid out, the three nights at the Hilton."),
        (datetime(2024, 4, 12), "One night in Exeter for a client pitch, the hotel bar was dead."),
        (datetime(2024, 5, 3), "Anika from finance is off to Madrid for 4 nights, jealous."),
        (datetime(2024, 6, 7), "I'm in Newcastle for 2 nights next month for the trade fair."),
        (datetime(2024, 7, 19), "2 nights in Newcastle done, the trade fair was packed."),
        (datetime(2024, 8, 2), "Booked five nights at a hotel in Porto for October!"),
    ]
    return chat_memory("omar", said, "o", None)


def test_a_returned_purchase_is_taken_out_of_the_total(shopper) -> None:  # noqa: ANN001
    a = shopper.answer("rhea", "How much have I spent on my hiking gear in total?", question_date=QD)
    # jacket 85 + head torch 25; the boots came back; the vet bill is no gear and no return
    assert a.text.startswith("£110"), (a.text, a.extra["decision"])
    assert "money back" in a.text, a.text


@pytest.mark.parametrize(("sentence", "kind"), [
    ("also sent the trainers i ordered back, 90 bucks, got the refund today", "refund"),
    ("the shop refunded me 30 quid for the broken kettle", "refund"),
    ("Returned the lamp to Argos yesterday.", "returned"),
    ("Took the jacket back, they were fine about it.", "returned"),
    ("I returned from Lisbon on Monday.", None),
    ("Sent the scarf back and got the blue one instead.", None),  # an exchange: no money back
    ("Took the boots back and swapped them for a half size up.", None),
    ("I got back from the gig at midnight.", None),
    ("Bought a bottle warmer, 30 quid.", None),
])
def test_money_back_is_read_from_the_parse(sentence: str, kind: str | None) -> None:
    assert money_back_kind(sentence) == kind


def test_nights_of_told_stays_add_up(traveller) -> None:  # noqa: ANN001
    a = traveller.answer("omar", "How many nights have I spent in hotels for work this year?", question_date=QD)
    # Leeds 3 (told twice), Exeter 1, Newcastle 2 (the plan line is not a stay); not Anika's Madrid,
    # not the booking for October
    assert a.text.startswith("6 nights"), (a.text, a.extra["decision"])
    assert "Madrid" not in a.text.split("Not counted")[0], a.text


@pytest.mark.parametrize("place", ["Madrid", "Paris"])
def test_a_stay_somewhere_else_never_answers_for_a_named_place(traveller, place: str) -> None:  # noqa: ANN001
    a = traveller.answer("omar", f"How many nights was I in {place}?", question_date=QD)
    # Madrid was Anika's trip, Paris was never told: the Leeds, Exeter and Newcastle nights are no answer
    assert not a.text.startswith(("6 nights", "4 nights", "3 nights")), (a.text, a.extra["decision"])


@pytest.mark.parametrize(("text", "unit", "n"), [
    ("back from 2 nights in york", "night", 2),
    ("one night in bristol for a demo", "night", 1),
    ("a night at my mum's", "night", 1),
    ("stayed three nights, then two more days in the hills", "night", 3),
    ("the 6 hr shift was long", "night", None),
])
def test_a_line_states_its_units(text: str, unit: str, n: int | None) -> None:
    assert stated(text, unit) == n


def test_the_asked_unit() -> None:
    assert asked_unit("how many nights have i spent in hotels") == "night"
    assert asked_unit("How many days did I spend at the allotment this month?") == "day"
    assert asked_unit("how many gigs have i been to") is None


@pytest.mark.parametrize(("text", "other"), [
    ("mia went to the gig without me, so jealous", True),
    ("priya from the team is off to berlin for 4 nights, lucky her", True),
    ("my brother went to a gig", True),
    ("dave and i did two nights in york", False),
    ("harrogate was lovely", False),
    ("one night in bristol for a demo, hotel was grim", False),
    ("Saw the Pixies at the Roundhouse last night", False),
])
def test_someone_elses_doing_by_the_subject(text: str, other: bool) -> None:
    assert others_doing(text) is other
