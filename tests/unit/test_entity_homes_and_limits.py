"""Another person's home told by the place of it, a modal that states a limit, a clock time NER calls a
number, a rate said per hour (session 19, oe19; entity_readings.home_place, entity_probes.only_could and
not_until, entity_values._rate). Read from the parse, not from phrases. Every sentence here was invented for
these tests (none is from a pair set, a review or a benchmark)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from kgmem.extraction.zero.clauses import clauses_of
from kgmem.extraction.zero.entity_probes import clause_values, not_until, only_could
from kgmem.extraction.zero.entity_readings import home_place
from kgmem.extraction.zero.nlp import load_nlp

if TYPE_CHECKING:
    from conftest import OtherFacts, Supersessions


def _home(text: str) -> str | None:
    found = [h for c in clauses_of(load_nlp()(text)) if (h := home_place(c)) is not None]
    return found[0][2] if found else None


@pytest.mark.parametrize(("text", "place"), [
    ("Had a long chat with Marisol from her flat in Valparaiso last night.", "Valparaiso"),
    ("Idris has settled into his new house in Truro.", "Truro"),
    ("We stayed over at Ngaio's cottage in Hawkes Bay.", "Hawkes Bay"),
])
def test_the_place_of_someones_home_is_where_they_live(text: str, place: str) -> None:
    assert _home(text) == place


@pytest.mark.parametrize("text", [
    "My flat in Leeds is freezing.",  # the user's own home: homes.py reads it
    "Book club is at Hannah's place tonight.",  # no place named: a venue
    "The band's van in Bristol broke down.",  # no home
    "Her flat is in a state after the party.",  # "in a state" is no place
])
def test_no_home_place_without_an_owner_a_home_and_a_place(text: str) -> None:
    assert _home(text) is None


def test_a_home_place_is_a_where_value_first() -> None:
    doc = load_nlp()("Video call with Amadou from his flat in Dakar, the sea is right there.")
    values = [v for c in clauses_of(doc) for v, cls in clause_values(c) if cls == "where"]
    assert values and values[0] == "Dakar", values


def test_a_person_settled_into_a_home_lives_there(other_facts: OtherFacts) -> None:
    facts = other_facts("Idris has settled into his new house in Truro.")
    assert ("idris", "lives_in", "truro") in facts, facts


def test_a_home_place_supersedes_where_someone_lived(supersessions: Supersessions) -> None:
    sups = supersessions("My cousin Idris lives in Exeter, we see him at Christmas.",
                         "Rang Idris at his new flat in Truro last night, he sounded happy.",
                         datetime(2025, 2, 3, 9), datetime(2025, 3, 10, 20))
    assert ("Truro", "Exeter") in sups, sups


@pytest.mark.parametrize(("text", "states"), [
    ("The caterers could only do 14:30 in the end.", True),
    ("The garage can only fit us in on Thursday now.", True),
    # the user's own limit, a modal without "only", a negated one, a wish: nothing stated
    ("I can only come on Friday.", False),
    ("The plumber could come on Tuesday.", False),
    ("The vet couldn't only see him on Monday.", False),
    ("They could only hope to finish by June.", False),
])
def test_can_or_could_only_states_the_one_value(text: str, states: bool) -> None:
    doc = load_nlp()(text)
    assert any(only_could(c) for c in clauses_of(doc)) is states


def test_a_limit_said_with_could_only_supersedes(supersessions: Supersessions) -> None:
    sups = supersessions("Booked Lemongrass for 19:15 on Friday for Tunde's birthday.",
                         "Lemongrass phoned, they could only hold 21:00 for eight people.",
                         datetime(2025, 4, 1, 9), datetime(2025, 4, 3, 12))
    assert any("21:00" in new and "19:15" in old for new, old in sups), sups


@pytest.mark.parametrize("text", ["Her train isn't getting in till 22:15.", "The ferry isn't leaving until 6.40."])
def test_not_until_a_clock_time_ner_calls_a_number(text: str) -> None:
    doc = load_nlp()(text)
    assert any(not_until(c) for c in clauses_of(doc))


def test_a_rate_per_hour_keeps_its_article(other_facts: OtherFacts) -> None:
    facts = other_facts("Our babysitter Tamsin charges £12 an hour.")
    amounts = {v for _, p, v in facts if p == "amount"}
    assert amounts and all("an hour" in v and " a hour" not in v for v in amounts), facts
