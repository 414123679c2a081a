"""Corrections told the way English tells them, not with a word of change (session 17, oe17).

Read from the parse, not from phrases: "not … until <time>" states that time; a name written with a
hyphen is one name however NER cuts it. Every sentence here was invented for these tests (none is from a
pair set or a review).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from kgmem.extraction.zero.clauses import clauses_of
from kgmem.extraction.zero.entity_probes import clause_values, not_until
from kgmem.extraction.zero.nlp import load_nlp

if TYPE_CHECKING:
    from conftest import Supersessions


@pytest.mark.parametrize(("text", "states"), [
    ("The tender pack isn't needed until the 19th now.", True),
    ("The leisure centre isn't reopening till 3 March.", True),
    # what the user cannot do, a modal, a plain negation: nothing stated
    ("I can't go until Friday.", False),
    # "won't … until" foretells the time as "isn't … until" states it (oe21; test_entity_foretold.py)
    ("The pool won't open until 10.", True),
    ("The pool might not open until 10.", False),
    ("The launch isn't on Monday.", False),
])
def test_not_until_a_time_states_that_time(text: str, states: bool) -> None:
    doc = load_nlp()(text)
    assert any(not_until(c) for c in clauses_of(doc)) is states


def test_a_correction_said_as_not_until_supersedes(supersessions: Supersessions) -> None:
    sups = supersessions("The Harcourt grant report is due on the 9th, I'm dreading it.",
                         "Good news, Harcourt isn't needed until the 23rd now.",
                         datetime(2024, 5, 1, 9), datetime(2024, 5, 6, 9))
    assert any("23rd" in new and "9th" in old for new, old in sups), sups


@pytest.mark.parametrize(("text", "name"), [
    ("Our new treasurer Ji-woo sorted the subs.", "Ji-woo"),
    ("My line manager Seo-yeon signs off the rota.", "Seo-yeon"),
])
def test_a_hyphenated_name_is_one_name(text: str, name: str) -> None:
    doc = load_nlp()(text)
    people = [v for c in clauses_of(doc) for v, cls in clause_values(c) if cls == "person"]
    assert name in people, people
    assert not [p for p in people if p != name and p in name], people  # not "Ji" beside "Ji-woo"
