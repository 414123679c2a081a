"""Who leads is the subject of a verb of leading, what is led its object (session 16, oe16;
kgmem/extraction/zero/entity_readings.in_charge_agent): "Kofi is leading the Atlas migration" gives
the migration its person in charge, never Kofi one. Every sentence here was invented for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import OtherFacts


@pytest.mark.parametrize(("text", "thing", "person"), [
    ("Tayo is leading the Orion rollout.", "orion rollout", "tayo"),
    ("Mrs Byrne teaches the Thursday choir.", "thursday choir", "mrs byrne"),
    ("My cousin Femi runs the Sunday market now.", "sunday market", "femi"),
])
def test_the_subject_of_a_verb_of_leading_is_in_charge(other_facts: OtherFacts, text: str, thing: str,
                                                       person: str) -> None:
    facts = other_facts(text)
    assert (thing, "person_in_charge", person) in facts, facts
    assert not {f for f in facts if f[0] == person and f[1] == "person_in_charge"}, facts


@pytest.mark.parametrize("text", [
    "Bex runs marathons.",  # an indefinite object: nothing led
    "The Orion rollout is led by Tayo.",  # the passive still names its thing (below)
])
def test_no_thing_led_without_a_definite_object(other_facts: OtherFacts, text: str) -> None:
    facts = other_facts(text)
    assert not {f for f in facts if f[0] == "bex"}, facts
    if "led by" in text:
        assert ("orion rollout", "person_in_charge", "tayo") in facts, facts
