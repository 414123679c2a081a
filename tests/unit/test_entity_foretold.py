"""Corrections of other people's and things' values, told as English tells them (session 21, oe21).

- "will not … until <time>" foretells that time ("she won't land until 8:55 pm"), as "isn't … until"
  states it; "might not", "would not", a condition or the user's own clause still state nothing;
- an ordinal that counts something other than days ("the 7th floor", "the 3rd row") is no date.
Every sentence here was invented for these tests (none is from a pair set or a review).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from kgmem.extraction.zero.clauses import clauses_of
from kgmem.extraction.zero.entity_probes import not_until
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.values_amounts import _WHEN_RX
from kgmem.temporal.patterns import NOT_A_DAY

if TYPE_CHECKING:
    from conftest import Supersessions


@pytest.mark.parametrize(("text", "states"), [
    ("Her train is late, she won't get in until 22:40.", True),
    ("The bakery won't reopen till the 14th.", True),
    ("The plumber will not be here until 3pm.", True),
    # a maybe, a condition, the user's own: nothing stated
    ("The bakery might not reopen until the 14th.", False),
    ("The bakery wouldn't reopen until the 14th.", False),
    ("If the bakery won't reopen until the 14th, we'll go elsewhere.", False),
    ("I won't be home until 7.", False),
])
def test_will_not_until_a_time_foretells_that_time(text: str, states: bool) -> None:
    doc = load_nlp()(text)
    assert any(not_until(c) for c in clauses_of(doc)) is states


def test_a_delay_said_as_wont_until_supersedes(supersessions: Supersessions) -> None:
    sups = supersessions("My uncle's train gets in at 5:10 pm on Sunday.",
                         "His train is running late, it won't get in until 7:25 pm.",
                         datetime(2024, 9, 2, 9), datetime(2024, 9, 7, 9))
    assert any("7:25" in new and "5:10" in old for new, old in sups), sups


def test_a_thing_delayed_with_wont_until_supersedes(supersessions: Supersessions) -> None:
    sups = supersessions("The removal van arrives at 8:30 on Saturday.",
                         "The removal van is stuck on the M6, it won't arrive until 11:45.",
                         datetime(2024, 9, 2, 9), datetime(2024, 9, 6, 9))
    assert any("11:45" in new and "8:30" in old for new, old in sups), sups


@pytest.mark.parametrize(("text", "when"), [
    ("Accounts sit on the 7th floor.", []),
    ("We had seats in the 3rd row.", []),
    ("It's her 40th birthday on the 9th.", ["the 9th"]),
    ("The fitting is on the 14th at noon.", ["the 14th at noon"]),
    ("The review is on the 20th in the boardroom.", ["the 20th"]),
    ("Boarding is from the 2nd gate on the left.", []),
])
def test_an_ordinal_of_floors_or_rows_is_no_date(text: str, when: list[str]) -> None:
    assert [m.group(0) for m in _WHEN_RX.finditer(text)] == when


@pytest.mark.parametrize("text", ["see you on the 14th chapter", "meet me on the 3rd platform",
                                  "it's on the 5th page"])
def test_the_entity_readers_and_the_time_resolver_agree_on_what_is_no_day(text: str) -> None:
    # one word list (kgmem.temporal.patterns.NOT_A_DAY) for both readers (rev21)
    assert not list(_WHEN_RX.finditer(text))
    assert not [m for m in re.finditer(rf"the\s+\d{{1,2}}(?:st|nd|rd|th)(?!\s+(?:{NOT_A_DAY})\b)", text)]
