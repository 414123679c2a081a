"""Whose value a changing slot's line tells (rev19's pre-existing wrongs, in other words): a place
of a relative's ("my aunt's cottage in Inverness") is no home of the user's, a holder named by a
common noun ("Promotion came through", "Rent went up") is no person, and a word two slots share
("paying") does not move a line to the other slot — so "now" is the newest of three values, not the
middle one. Probe sentences are invented, none from a benchmark."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.slots import _cue_words, _other_slot, held_by_another
from kgmem.answer.subjects import someone_else
from kgmem.api import Memory


@pytest.mark.parametrize(("line", "value", "theirs"), [
    ("My uncle Piotr's flat in Gdansk has a view of the docks.", "Gdansk", True),  # the parse may miss the holder
    ("Spent Easter at my in-laws' farmhouse in Cork, very muddy.", "Cork", True),
    ("Crashed at my mate's place near Bondi for two nights.", "Bondi", True),
    ("Their house in Utrecht is tiny but cosy.", "Utrecht", True),
    ("My brother's rent is $1,900 a month, madness.", "$1,900", True),
    ("Finally got the keys to my own place in Leipzig!", "Leipzig", False),
    ("Our flat in Ghent gets so cold in winter.", "Ghent", False),
    ("My rent is $950 now.", "$950", False),
    ("Ana mentioned her pay went up to $71,000, nice.", "$71,000", True),  # said of another's thing
    ("My pay went up to $64,000 after the review.", "$64,000", False),
    ("I moved in with my girlfriend's family in Tampere last month.", "Tampere", False),  # the user's own move
])
def test_a_value_of_someone_elses_thing(line: str, value: str, theirs: bool) -> None:
    assert held_by_another(line, value, _cue_words("lives_in")) is theirs


@pytest.mark.parametrize(("line", "other"), [
    ("Promotion came through, now on $81,000.", False),  # an event noun is no doer
    ("Rent jumped to $1,640 this spring, ugh.", False),
    ("Bonus landed yesterday, finally.", False),
    ("Tariq drives a Mini.", True),  # a name is still someone
    ("Solveig restores harpsichords.", True),
])
def test_a_common_noun_opening_a_line_is_no_person(line: str, other: bool) -> None:
    assert someone_else(line) is other


def test_a_word_two_slots_share_moves_no_line() -> None:
    vocab = {"pay", "paying", "landlord", "rent"}
    assert not _other_slot("rent", {"landlord", "pay", "1", "500"}, vocab)  # "Landlord raised it, I'm now paying $1,500"
    assert _other_slot("rent", {"salary", "50"}, vocab)  # the salary's own word still says salary


QD = datetime(2026, 6, 1)


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2026, 1, 4), "I live in Bergen, right by the fish market."),
        (datetime(2026, 1, 9), "I'm on $58,000 a year at the agency."),
        (datetime(2026, 2, 14), "Got a raise, salary's now $61,500."),
        (datetime(2026, 3, 3), "My godmother's bungalow in Stavanger has a sauna, bliss."),
        (datetime(2026, 4, 22), "Promotion came through, now on $66,000."),
        (datetime(2026, 5, 2), "Stayed at my cousin's flat in Trondheim over the long weekend."),
    ]
    return chat_memory("oda", said, "o", None)


def test_a_relatives_place_is_no_home_of_the_users(mem: Memory) -> None:
    a = mem.answer("oda", "Where do I live?", question_date=QD)
    assert "Bergen" in a.text and "Trondheim" not in a.text and "Stavanger" not in a.text, (a.text, a.extra["decision"])


def test_now_is_the_newest_of_three_values(mem: Memory) -> None:
    a = mem.answer("oda", "What's my salary now?", question_date=QD)
    assert a.text.startswith("$66,000"), (a.text, a.extra["decision"])


@pytest.mark.parametrize(("line", "value", "price"), [
    ("Treated myself: a record player came home with me for $310.", "$310", True),  # what a thing cost
    ("Grabbed the kayak for just $95 at the marina.", "$95", True),
    ("I rent a one-bed for $1,150 a month.", "$1,150", False),  # the slot's own word: rent
    ("Take-home is about $3,900 a month now.", "$3,900", False),  # no "for": not a price
    ("Paid $1,250 for a new sofa for my flat, it's enormous.", "$1,250", True),  # rev20's HIGH, in other words
    ("I'm now paying $1,400 for the flat, ouch.", "$1,400", False),  # paid for the home itself
    ("They offered $61,000 for the year.", "$61,000", False),  # for a time: no price
])
def test_a_price_is_no_pay_or_rent(line: str, value: str, price: bool) -> None:
    from kgmem.answer.slots import a_price_not_the_slots

    assert a_price_not_the_slots("rent", line, value) is price
