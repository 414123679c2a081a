"""Session 14 (x18): classes of user facts the zero-LLM tier stored wrongly or not at all.

- a name beside a thing in a list of things bought (conjuncts.py): "a Dyson V15 and a Ninja air fryer";
- the object of a verb of attending is an occasion by the verb's meaning (values_items.attended_occasion):
  "I attended TechCrunch Disrupt" was stored as watched;
- a slot the user says they left, quit or let go is not asserted (leaving.py): "I quit my job at Deloitte"
  stored Deloitte as the employer;
- a person's name is no place (persons.py): "we visited my aunt Florence", "Victoria's birthday party";
- a statement of the user's inside a question is read by the patterns too: "Which shoes are best, given I
  just ran the Berlin Marathon?";
- "I've adopted a greyhound called Pip" is the user's pet ("'ve adopted" was read as someone named "Ve").

Sentences are invented for this file from general English (not copied from any set). Each positive case
failed on main 337f973 (15 of the 29 cases); the others guard what the change must not do.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

#: the shared fixture (tests/unit/conftest.py): a user line's (predicate, casefolded value) facts
UserFacts = Callable[[str], set[tuple[str, str]]]


@pytest.mark.parametrize(("text", "expected"), [
    ("I bought a Dyson V15 and a Ninja air fryer.", {("bought", "dyson v15"), ("bought", "ninja air fryer")}),
    ("I picked up a new kettle and a Kindle Paperwhite on Saturday.",
     {("bought", "kettle"), ("bought", "kindle paperwhite")}),
])
def test_a_branded_thing_beside_a_plain_one_is_one_list(user_facts: UserFacts, text: str,
                                                          expected: set[tuple[str, str]]) -> None:
    assert expected <= user_facts(text)


@pytest.mark.parametrize("text", [
    "I picked up a Dyson V15 and my niece from school on the way home.",
    "I bought a PS5 and my brother a Switch.",
    "Grabbed a coffee and my mate Olly on the way.",
])
def test_a_person_beside_a_thing_is_no_item(user_facts: UserFacts, text: str) -> None:
    """rev14 (session 14): a people noun coordinated with a thing bought is not bought."""
    facts = user_facts(text)
    assert not any(p == "bought" and v.split()[-1] in ("niece", "brother", "olly", "mate") for p, v in facts), facts


def test_titles_still_take_names_only(user_facts: UserFacts) -> None:
    facts = user_facts("We watched Barbie and a giant popcorn tub.")
    assert ("watched", "barbie") in facts
    assert not any(p == "watched" and "popcorn" in v for p, v in facts)


@pytest.mark.parametrize(("text", "expected"), [
    ("I attended TechCrunch Disrupt last week.", ("attended", "techcrunch disrupt")),
    ("Attended PyCon in Pittsburgh last spring.", ("attended", "pycon")),
])
def test_what_one_attends_is_an_occasion(user_facts: UserFacts, text: str, expected: tuple[str, str]) -> None:
    facts = user_facts(text)
    assert expected in facts
    assert not any(p in ("watched", "lives_in") for p, _ in facts)  # no film, no home


def test_a_place_of_study_attended_is_no_occasion(user_facts: UserFacts) -> None:
    assert not any(p == "attended" for p, _ in user_facts("I attended Leeds University."))


@pytest.mark.parametrize(("text", "left"), [
    ("I quit my job at Deloitte last month.", ("works_at", "deloitte")),
    ("I handed in my notice at Tesco today.", ("works_at", "tesco")),
    ("I was laid off from Meta in January.", ("works_at", "meta")),
    ("I moved from Leeds to London last year.", ("lives_in", "leeds")),
    ("I sold my Golf and bought a Tesla Model Y.", ("drives", "golf")),
    ("I cancelled my membership at PureGym.", ("gym", "puregym")),
])
def test_a_slot_left_is_not_asserted(user_facts: UserFacts, text: str, left: tuple[str, str]) -> None:
    assert left not in user_facts(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("I quit my job at Deloitte and joined KPMG as an auditor.", ("job_title", "auditor")),
    ("I moved from Leeds to London last year.", ("lives_in", "london")),
    ("I sold my Golf and bought a Tesla Model Y.", ("drives", "tesla model y")),
    ("I left London for Leeds.", ("lives_in", "leeds")),
    ("I work at Deloitte.", ("works_at", "deloitte")),
    ("My mechanic fixed my Golf yesterday.", ("drives", "golf")),  # another's deed on a thing that is still mine
])
def test_the_new_value_and_held_slots_stay(user_facts: UserFacts, text: str, expected: tuple[str, str]) -> None:
    assert expected in user_facts(text)


@pytest.mark.parametrize(("text", "name"), [
    ("We visited my aunt Florence in Devon.", "florence"),
    ("I went to Victoria's birthday party.", "victoria's"),
    ("I met Paris at the airport.", "paris"),
])
def test_a_persons_name_is_no_place(user_facts: UserFacts, text: str, name: str) -> None:
    facts = user_facts(text)
    assert not any(p in ("visited", "lives_in", "hometown") and v == name for p, v in facts)


@pytest.mark.parametrize(("text", "expected"), [
    ("I went to Paris with Emma.", ("visited", "paris")),
    ("I flew to Florence last spring.", ("visited", "florence")),
])
def test_a_town_named_like_a_person_is_still_a_place(user_facts: UserFacts, text: str,
                                                     expected: tuple[str, str]) -> None:
    assert expected in user_facts(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Which running shoes are best, given I just ran the Berlin Marathon?", ("attended", "berlin marathon")),
    ("Any tips now that I've adopted a rescue greyhound called Pip?", ("pet_name", "pip")),
])
def test_a_statement_inside_a_question(user_facts: UserFacts, text: str, expected: tuple[str, str]) -> None:
    assert expected in user_facts(text)


def test_a_condition_inside_a_question_states_nothing(user_facts: UserFacts) -> None:
    assert not any(p == "salary" for p, _ in user_facts("How should I budget if I earn 45k a year?"))


@pytest.mark.parametrize(("text", "expected"), [
    ("I've adopted a rescue greyhound called Pip.", {("has_pet", "greyhound"), ("pet_name", "pip")}),
    ("We've rescued a kitten named Miso.", {("has_pet", "kitten"), ("pet_name", "miso")}),
])
def test_a_pet_adopted_in_the_perfect_is_the_users(user_facts: UserFacts, text: str,
                                                   expected: set[tuple[str, str]]) -> None:
    assert expected <= user_facts(text)


def test_someone_elses_new_pet_is_still_theirs(user_facts: UserFacts) -> None:
    facts = user_facts("My sister got a puppy called Rupert.")
    assert ("pet_name", "rupert") not in facts

