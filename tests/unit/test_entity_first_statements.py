"""First statements about other people and things that a later correction needs (session 14, oe14).

On the development pairs (entity_updates_dev2..dev6) the largest class of failures was the first
statement never stored: said as the lead-in of a question in the same sentence ("my brother lives at
22 Ferry Road, can you help me post him a guitar?"), stored with a partial value (the house number
or the clock time lost), or a person's work said without a verb of working ("my mate Oskar's a sous
chef at Rovi"). Every sentence here was invented for these tests (none is from a fixture).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from kgmem.extraction.zero.entity_turn import entity_parts, spliced_statement
from kgmem.extraction.zero.entity_values import numbered, whole_time

if TYPE_CHECKING:
    from conftest import OtherFacts, Supersessions



@pytest.mark.parametrize(("text", "statement"), [
    ("my aunt Rosa lives at 41 Quarry Lane, what's a good housewarming plant?", "my aunt Rosa lives at 41 Quarry Lane"),
    ("The quiz night is Thursday at 8 - any good round ideas?", "The quiz night is Thursday at 8"),
    ("Our landlord is a man called Pieter; is it normal he never replies?", "Our landlord is a man called Pieter"),
    ("The van hire costs £90 a day, so should I book two days?", "The van hire costs £90 a day"),
])
def test_a_question_spliced_onto_a_statement_leaves_the_statement(text: str, statement: str) -> None:
    assert spliced_statement(text) == statement
    assert entity_parts(text) == ([statement], False)


@pytest.mark.parametrize("text", [
    "Is Tom still at Google, do you know?",  # the statement part is itself a question
    "ok fine, what now?",  # too short to state anything
    "The gym opens at 6, right?",  # no question word after the comma
    "Where does Nadia work these days?",  # no comma: one question
])
def test_no_statement_is_split_off_where_none_is_said(text: str) -> None:
    assert spliced_statement(text) is None


@pytest.mark.parametrize(("value", "text", "whole"), [
    ("the 12th", "the boiler engineer is coming on the 12th at quarter past four, do I need", "the 12th at quarter past four"),
    ("Tuesday", "the allotment committee meets the second Tuesday of the month", "the second Tuesday of the month"),
    ("Thursday", "choir is the last Thursday of every month", "the last Thursday of every month"),
    ("Friday the 9th", "the wedding fair is Friday the 9th of May in the town hall", "Friday the 9th of May"),
    ("the 4th", "her scan is on the 4th at 9:15.", "the 4th at 9:15"),
    ("Wednesday", "football moved to Wednesday at 7 now", "Wednesday at 7"),
    # a number after "at" that counts something is no clock time
    ("Saturday", "the barbecue is on Saturday at 20 guests max", "Saturday"),
    ("Monday", "the market is on Monday, I think", "Monday"),
    ("Friday 5pm", "the essay is due Friday 5pm", "Friday 5pm"),
])
def test_a_day_keeps_what_the_text_says_of_it(value: str, text: str, whole: str) -> None:
    assert whole_time(value, text) == whole


@pytest.mark.parametrize(("value", "text", "whole"), [
    ("Quarry Lane", "my aunt lives at 41 Quarry Lane now", "41 Quarry Lane"),
    ("ward", "Grandpa is on ward 12 since Monday", "ward 12"),
    ("Quarry Lane", "it costs £41 Quarry Lane prices", "Quarry Lane"),  # an amount is no house number
])
def test_a_place_keeps_its_number(value: str, text: str, whole: str) -> None:
    assert numbered(value, text) == whole


STATEMENTS = [
    # a first statement said as the lead-in of a question
    ("my aunt Rosa lives at 41 Quarry Lane, what's a good housewarming plant?", "rosa", "lives_in", "41 quarry lane"),
    ("The boiler engineer is coming on the 12th at quarter past four, do I need to be in?", "boiler engineer",
     "scheduled_for", "the 12th at quarter past four"),
    ("The allotment committee meets the second Tuesday of the month, can you draft an agenda?", "allotment committee",
     "scheduled_for", "the second tuesday of the month"),
    # a state quoted where the thing stays ("stuck on", "sitting at")
    ("My refund has been stuck on 'pending review' for a fortnight, who do I call?", "refund", "status",
     "pending review"),
    # a person named after a people noun, whatever NER calls the name
    ("My friend Ines lives in Porto and I'm visiting in March, what should we do for a day?", "ines", "lives_in",
     "porto"),
    ("My mate Billy is a plumber in Leeds.", "billy", "job_title", "plumber"),
    # a bare name as the subject of a verb only people do is a person, whatever the tagger calls it
    ("Siobhan lives in Cork now.", "siobhan", "lives_in", "cork"),  # NER: Siobhan a place
    ("Kwesi works for Monzo in their fraud team.", "kwesi", "works_at", "monzo"),
    ("My brother Josh is still at Deliveroo, he's been there since 2019.", "josh", "works_at", "deliveroo"),
    ("My brother Josh has been at Deliveroo for two years now.", "josh", "works_at", "deliveroo"),
    # a person's work said with "'s a <job> at <organisation>" (no verb of working)
    ("My cousin Tamsin's a pharmacist at Tesco, she works Saturdays", "tamsin", "works_at", "tesco"),
]


@pytest.mark.parametrize(("text", "entity", "attr", "value"), STATEMENTS)
def test_first_statements_are_stored(other_facts: OtherFacts, text: str, entity: str, attr: str, value: str) -> None:
    facts = other_facts(text)
    assert (entity, attr, value) in facts, facts


@pytest.mark.parametrize(("text", "attr"), [
    ("Is Tom still at Google, do you know?", "works_at"),
    ("Is Tom still at Google, do you know?", "lives_in"),
    ("If Maya moves to Leeds, what should I send her?", "lives_in"),
    ("My cousin Tamsin's a pharmacist at Tesco, she works Saturdays", "lives_in"),  # she works there
    ("They offered me the head chef job at Lumo but I turned it down.", "works_at"),  # nothing of it holds
    ("Rent works out at £600 each.", "works_at"),  # "works out" is no work
    # a person at an organisation for a while is not working there (rev14, session 14)
    ("Mum's at Sainsbury's getting milk, she'll be back soon.", "works_at"),
    ("Dad is at Tesco doing the big shop.", "works_at"),
    ("My brother is at Barclays for an interview tomorrow, any tips for him?", "works_at"),
])
def test_near_misses_store_no_such_fact(other_facts: OtherFacts, text: str, attr: str) -> None:
    assert not {f for f in other_facts(text) if f[1] == attr}


@pytest.mark.parametrize("text", [
    "My uncle Raj packed in his job at Aldi last month, money was rubbish.",
    "Priya's jacked in nursing at St Mary's, she's had enough.",
])
def test_a_job_given_up_is_no_workplace(other_facts: OtherFacts, text: str) -> None:
    facts = other_facts(text)
    assert not {f for f in facts if f[1] == "works_at" and ("aldi" in f[2] or "mary" in f[2] or "nursing" in f[2])}, facts


def test_someone_is_no_entity(other_facts: OtherFacts) -> None:
    facts = other_facts("Somebody from my running club, Ollie Grant, got a job at Google, which is mad.")
    assert not {f for f in facts if f[0] in ("somebody", "someone")}, facts


def test_a_first_statement_inside_a_question_is_superseded_by_its_correction(supersessions: Supersessions) -> None:
    sups = supersessions("my brother Kofi lives at 9 Elm Grove, can you suggest a housewarming gift?",
                         "Kofi has moved again, he's at 14 Birch Road now.", datetime(2024, 3, 1, 10), datetime(2024, 4, 1, 10))
    assert ("14 Birch Road", "9 Elm Grove") in sups, sups
