"""A person's attribute takes a value of its type, whichever reading proposed it (session 15, oe15;
kgmem/extraction/zero/entity_types.py; rev14 M1/H5). Every sentence here was invented for these
tests (none is from a fixture or a dev set)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import OtherFacts, Supersessions


@pytest.mark.parametrize(("text", "entity", "value"), [
    # a person "at"/"with" an organisation works there (never lives there)
    ("My friend Kasia is still at Rightmove.", "kasia", "rightmove"),
    # session 17 (rev16): a name the tagger calls a common noun, said as how things stand ("these days")
    ("My stepmum is at Arup these days.", "stepmum", "arup"),
    # an -ing verb of work says why one is there: not an errand
    ("My aunt Bev is at Tesco working the checkouts.", "bev", "tesco"),
    # a name NER calls a site, said as how things stand: where one works (rev17: as "at Arup these days" is;
    # "my husband is at Gatwick" today is not)
    ("My stepdad is at Network Rail these days.", "stepdad", "network rail"),
])
def test_a_person_at_an_organisation_works_there(other_facts: OtherFacts, text: str, entity: str, value: str) -> None:
    facts = other_facts(text)
    assert (entity, "works_at", value) in facts, facts
    assert not {f for f in facts if f[1] in ("lives_in", "likes")}, facts  # not "likes the checkouts"


@pytest.mark.parametrize("text", [
    # a job left, sought or refused is no workplace, and its place no home
    "My aunt Gwen quit her job at Halfords in the spring.",
    "My flatmate left his job at Greggs after three weeks.",
    "My cousin Dara turned down the job at Ocado.",
    "My nephew Rui interviewed at Sky on Monday.",
    "My friend Imke has an interview with Arup on Thursday.",
    "My brother Ade applied for a job at Aviva.",
    # said after "from": where a change starts is what was left
    "My uncle Bert retired from Royal Mail in June.",
    # an errand at an organisation
    "My gran is at Boots picking up her prescription.",
    # at a place NER does not call an organisation: where someone is today, neither home nor job (rev15)
    "My husband is at Gatwick, his plane boards at nine.",
    # said to happen once more: an occasion, not a standing state (session 17, rev16)
    "My grandad is at St Mary's again.",
    # "working on <a thing>" is a task, not a shift (rev17)
    "My nan is at Tesco working on her crossword in the café.",
])
def test_no_workplace_or_home_from_a_job_not_held(other_facts: OtherFacts, text: str) -> None:
    facts = other_facts(text)
    assert not {f for f in facts if f[1] in ("works_at", "lives_in")}, facts


@pytest.mark.parametrize(("text", "entity", "value"), [
    # homes still read: a place by NER, a number, a word of living
    ("My cousin Ines lives in Tooting.", "ines", "tooting"),
    ("Grandpa is at 6 Mill Lane now.", "grandpa", "6 mill lane"),
    ("My sister Lou moved to Bristol last year.", "lou", "bristol"),
])
def test_homes_are_still_read(other_facts: OtherFacts, text: str, entity: str, value: str) -> None:
    facts = other_facts(text)
    assert (entity, "lives_in", value) in facts, facts


@pytest.mark.parametrize(("text", "entity", "value"), [
    # session 17: the verb of living says where, whatever NER calls the names (a town read as a person, the
    # person as nothing), and a place said after it ("an hour from …") is not the home
    ("Zsolt lives in Győr, about an hour from Vienna.", "zsolt", "győr"),
    ("Levente lives in Miskolc, two hours from Budapest.", "levente", "miskolc"),
    ("Kálmán lives in Eger, about two hours from Budapest.", "kálmán", "eger"),
])
def test_the_verb_of_living_says_where(other_facts: OtherFacts, text: str, entity: str, value: str) -> None:
    facts = other_facts(text)
    assert (entity, "lives_in", value) in facts, facts
    assert not {f for f in facts if f[0] == entity and f[1] != "lives_in"}, facts  # no thing "Tamás" led by a town


@pytest.mark.parametrize(("text", "entity", "value"), [
    # a person moved somewhere by someone else is there now, whoever moved them (session 15: the
    # largest share of dev corrections read as a thing's venue or as the user's home)
    ("They moved Grandpa Joe to Rowan House after his scan.", "joe", "rowan house"),
    ("We've moved my nan to Birchwood Court, it's nearer us.", "nan", "birchwood court"),
])
def test_a_person_moved_by_someone_else_is_there_now(other_facts: OtherFacts, text: str, entity: str, value: str) -> None:
    facts = other_facts(text)
    assert (entity, "lives_in", value) in facts, facts
    assert not {f for f in facts if f[0] == entity and f[1] == "venue"}, facts


def test_a_thing_moved_is_still_a_thing(other_facts: OtherFacts) -> None:
    facts = other_facts("They moved the quiz to the Red Lion.")
    assert ("quiz", "venue", "red lion") in facts, facts
    assert not {f for f in facts if f[1] == "lives_in"}, facts


def test_a_correction_by_a_move_supersedes_the_ward(supersessions: Supersessions) -> None:
    sups = supersessions("Uncle Dev is on ward 4 at the infirmary, what can I bring him?",
                         "They moved Dev to the Keats ward this morning.", datetime(2024, 3, 1, 10), datetime(2024, 3, 4, 10))
    assert any("keats ward" in new.casefold() and "ward 4" in old.casefold() for new, old in sups), sups
