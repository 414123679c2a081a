"""Another person's work and where they are staying, read from the parse and the line's time (session
16, oe16; kgmem/extraction/zero/entity_values.works_for, entity_readings.numbered_unit, entity_types,
entity_subjects._named_before). Every sentence here was invented for these tests (none is from a
fixture or a dev set)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import OtherFacts


@pytest.mark.parametrize(("text", "entity", "value"), [
    # "works for <name>": an employer whatever NER calls the name
    ("My friend Bo works for Ocado.", "bo", "ocado"),
    # a present deed done "for" a name, said as how things stand, is the person's work
    ("Priti is still doing the accounts for Deloitte.", "priti", "deloitte"),
    # the pronoun's person is named earlier in its own sentence, whatever the parse hangs the name on
    ("Milo's packed in teaching altogether, he works for Arriva now.", "milo", "arriva"),
])
def test_a_present_deed_for_a_name_is_work(other_facts: OtherFacts, text: str, entity: str, value: str) -> None:
    facts = other_facts(text)
    assert (entity, "works_at", value) in facts, facts


@pytest.mark.parametrize("text", [
    # a deed for a name whose clause the attribute bank does not read as work (rev16's probes)
    "My cousin Dan is still buying tickets for Glastonbury now, every year without fail.",
    "My aunt Meg is currently writing letters for Amnesty every week.",
    # a one-off or past deed for a name says nothing of work
    "My sister made a cake for Tesco's bake sale.",
    "My cousin Jem drove a van for Hermes last summer.",
    "My uncle Vic is collecting for Oxfam on Saturday.",
    # a cause or a goal, not a deed worked on (rev16's probes)
    "My brother Kwame is still rooting for Arsenal these days, bless him.",
    "My sister Priya is saving for Japan now, she wants to go next spring.",
    "My cousin Bea is currently campaigning for Labour in Hastings.",
    "My aunt Sal is raising money for Oxfam now.",
])
def test_no_work_from_a_deed_not_standing(other_facts: OtherFacts, text: str) -> None:
    facts = other_facts(text)
    assert not {f for f in facts if f[1] == "works_at"}, facts


@pytest.mark.parametrize(("text", "entity", "value"), [
    # a numbered unit a person stays in is where they are now, not a workplace
    ("Grandpa's in room 9 at Elm Lodge, visiting is after lunch.", "grandpa", "room 9"),
    ("Aunt Jo is on Ward 12 at St James's.", "jo", "ward 12"),
])
def test_a_numbered_unit_is_where_someone_stays(other_facts: OtherFacts, text: str, entity: str, value: str) -> None:
    facts = other_facts(text)
    assert (entity, "lives_in", value) in facts, facts
    assert not {f for f in facts if f[1] == "works_at"}, facts


@pytest.mark.parametrize("text", [
    # a number after a noun of time is no unit one stays in
    "My son Alfie is in Year 9 now.",
    "Dad's on day 3 of his antibiotics.",
])
def test_a_numbered_time_is_no_stay(other_facts: OtherFacts, text: str) -> None:
    facts = other_facts(text)
    assert not {f for f in facts if f[1] == "lives_in"}, facts


def test_a_hometown_needs_a_word_of_origin(other_facts: OtherFacts) -> None:
    assert not {f for f in other_facts("Raj is in Leeds now.") if f[1] == "hometown"}
    assert ("sol", "hometown", "cork") in other_facts("My friend Sol is from Cork.")


@pytest.mark.parametrize(("text", "entity", "value"), [
    # a word of work elsewhere in the clause leaves a home alone; under the value it does not
    ("My cousin Tom is in Leeds now, working from home.", "tom", "leeds"),
])
def test_a_word_of_work_must_govern_the_value(other_facts: OtherFacts, text: str, entity: str, value: str) -> None:
    assert (entity, "lives_in", value) in other_facts(text)


def test_a_job_place_is_still_no_home(other_facts: OtherFacts) -> None:
    assert not {f for f in other_facts("My cousin Dee took a job in Leeds.") if f[1] == "lives_in"}


@pytest.mark.parametrize("text", [
    # a number inside a time or a unit is no age
    "Grandpa is on Ward 4 at the General, visiting is 2 till 8.",
])
def test_no_age_from_a_time_or_a_unit(other_facts: OtherFacts, text: str) -> None:
    facts = other_facts(text)
    assert not {f for f in facts if f[1] == "age"}, facts


def test_an_age_said_as_one_is_kept(other_facts: OtherFacts) -> None:
    assert ("grandmother", "age", "91") in other_facts("My grandmother is 91.")


def test_the_slot_told_again_prefers_a_value_of_its_own_type() -> None:
    from kgmem.memory.value_types import same_type_first

    values = [("Elm Lodge", "where"), ("room 22", "where")]
    assert same_type_first(values, "room 9")[0] == ("room 22", "where")
    # the old value itself is not preferred, nor is anything when no word is shared
    assert same_type_first([("Leeds", "where"), ("Sheffield", "where")], "Leeds")[0] == ("Leeds", "where")
    assert same_type_first([("Hove", "where"), ("Leeds office", "where")], "Manchester office")[0][0] == "Leeds office"


@pytest.mark.parametrize(("text", "thing", "value"), [
    # a place named by its owner alone is someone's home, however the parse hangs the time after it
    ("Quiz night is at Rowan's this week.", "quiz night", "rowan's"),
    ("Poker night is at Dev's on Friday.", "poker night", "dev's"),
])
def test_a_place_named_by_its_owner(other_facts: OtherFacts, text: str, thing: str, value: str) -> None:
    facts = other_facts(text)
    assert (thing, "venue", value) in facts, facts
    assert not {f for f in facts if f[1] == "venue" and f[2].startswith("s ")}, facts


@pytest.mark.parametrize(("text", "entity", "value"), [
    # an occupation said as what a person is: the copula's noun, "as a", a compound agent noun
    ("My friend Tilde is a staff nurse now.", "tilde", "staff nurse"),
    ("My friend Corin is out on the wards as a nurse these days.", "corin", "nurse"),
])
def test_a_job_said_as_what_someone_is(other_facts: OtherFacts, text: str, entity: str, value: str) -> None:
    facts = other_facts(text)
    assert (entity, "job_title", value) in facts, facts


@pytest.mark.parametrize("text", ["My brother Cal is a nightmare.", "My sister Nell came as a guest.",
                                  "My mum's a big tea drinker now, she's given up coffee."])
def test_no_job_from_what_is_no_trade(other_facts: OtherFacts, text: str) -> None:
    facts = other_facts(text)
    assert not {f for f in facts if f[1] == "job_title"}, facts


def test_an_owner_named_place_leaves_the_other_places(other_facts: OtherFacts) -> None:
    # the owner-named place comes first but the place a person is moved to is still read
    # (a regression of this session: the shape of directed dev pair oe5-035, in other words)
    facts = other_facts("They moved Jean to the stroke unit at St Mary's yesterday, it's closer for us.")
    assert ("jean", "lives_in", "stroke unit") in facts, facts
