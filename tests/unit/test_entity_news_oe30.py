"""Other entities' news told as a headline and a verdict, an office, a provider "through" a company, an
arrangement in the future tense (session 30, oe30).

Every sentence here was invented for these tests (none is from a pair set): each reading has twins that must
read nothing (a question, a negation, a hedge, a visit, the user's own act).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from kgmem.extraction.zero.entity_headlines import unrestored

if TYPE_CHECKING:
    from conftest import OtherFacts, Supersessions


@pytest.mark.parametrize(("text", "thing", "state"), [
    ("Mortgage application: approved!", "mortgage application", "approved"),
    ("Council tax appeal: REJECTED.", "council tax appeal", "rejected"),
    ("Re the warranty claim: they're still reviewing the photos.", "warranty claim", "reviewing the photos"),
    ("Gas safety certificate: still pending, apparently.", "gas safety certificate", "pending"),
    ("Extension plans update: planning consent granted.", "planning consent", "granted"),
])
def test_a_verdict_after_a_headline_is_the_state_of_its_thing(other_facts: OtherFacts, text: str, thing: str,
                                                              state: str) -> None:
    got = {(s, v) for s, p, v in other_facts(text) if p == "status"}
    assert (thing, state) in got, got


@pytest.mark.parametrize(("text", "thing"), [
    ("Tax return: I approved the draft.", "tax return"),  # the user's own act
    ("Mortgage application: approved?", "mortgage application"),  # a question
    ("Council tax appeal: not rejected yet.", "council tax appeal"),  # negated
    ("Weekend recap: went to Margate.", "weekend recap"),  # a deed of the user's, no state of a thing
])
def test_no_state_from_a_headline_without_a_verdict(other_facts: OtherFacts, text: str, thing: str) -> None:
    assert not [f for f in other_facts(text) if f[1] == "status" and f[0] in (thing, thing.split()[-1])]


def test_a_dropped_i_before_a_verdict_is_taken_back() -> None:
    assert unrestored("I aPPROVED!!") == "APPROVED!!"
    assert unrestored("I dispatched!") == "dispatched!"
    assert unrestored("I went to Margate.") == "I went to Margate."
    assert unrestored("I approved the draft.") == "I approved the draft."  # the user's own act


@pytest.mark.parametrize(("text", "person", "office"), [
    ("My teammate Sunniva works out of the Oslo office.", "sunniva", "oslo office"),
    ("Rahul's based in the Pune branch these days.", "rahul", "pune branch"),
    ("Ingrid transferred to the Gothenburg site in March.", "ingrid", "gothenburg site"),
    ("Sigrun is in our Bergen hub now.", "sigrun", "bergen hub"),  # a bare name NER calls a place (an ORG stays a thing)
    ("Kwabena works from the Accra office.", "kwabena", "accra office"),
])
def test_a_named_office_is_where_a_person_works(other_facts: OtherFacts, text: str, person: str, office: str) -> None:
    assert (person, "works_at", office) in other_facts(text)


@pytest.mark.parametrize("text", [
    "Sunniva flew over to the Oslo office for a workshop.",  # a visit
    "Rahul hates the Pune branch.",  # an opinion
    "Ingrid works in the office on Fridays.",  # no office of its own name
])
def test_a_visit_or_a_nameless_office_is_no_workplace(other_facts: OtherFacts, text: str) -> None:
    assert not [f for f in other_facts(text) if f[1] == "works_at" and "office" in f[2] or f[2].endswith("branch")]


def test_a_service_through_a_company_is_its_provider(other_facts: OtherFacts) -> None:
    assert ("landline", "provider", "talktalk") in other_facts("Our landline is through TalkTalk.")
    assert ("home insurance", "provider", "aviva") in other_facts("The home insurance is via Aviva.")


@pytest.mark.parametrize(("text", "thing", "attr", "value"), [
    ("The wine tasting will be at Rosa's Bar.", "wine tasting", "venue", "rosa's bar"),
    ("The retro will be on Thursday this sprint.", "retro", "scheduled_for", "thursday"),
])
def test_a_things_arrangement_in_the_future_tense(other_facts: OtherFacts, text: str, thing: str, attr: str,
                                                   value: str) -> None:
    assert (thing, attr, value) in other_facts(text)


@pytest.mark.parametrize("text", [
    "The wine tasting won't be at Rosa's Bar.",  # negated
    "The wine tasting will probably be at Rosa's Bar.",  # a guess
    "The wine tasting might be at Rosa's Bar.",  # another modal
    "Will the wine tasting be at Rosa's Bar?",  # a question
])
def test_a_future_that_is_no_arrangement_reads_nothing(other_facts: OtherFacts, text: str) -> None:
    assert not [f for f in other_facts(text) if f[1] == "venue"]


def test_a_verdict_after_a_headline_supersedes_the_state_told_before(supersessions: Supersessions) -> None:
    sups = supersessions("Re the boundary dispute: they're still investigating.",
                         "Boundary dispute: resolved!", datetime(2031, 6, 2, 9), datetime(2031, 6, 9, 9))
    assert any(new == "resolved" for new, _ in sups), sups


def test_a_new_office_supersedes_the_old_one(supersessions: Supersessions) -> None:
    sups = supersessions("My colleague Anouk works out of the Utrecht office.",
                         "Anouk transferred to our Rotterdam office, she loves the harbour views.",
                         datetime(2031, 6, 2, 9), datetime(2031, 6, 9, 9))
    assert ("Rotterdam office", "Utrecht office") in sups, sups


@pytest.mark.parametrize(("text", "person", "org"), [
    ("Femi's first day at Deloitte went fine, he says.", "femi", "deloitte"),
    ("Rosa's commute to her new job at Ikea is over an hour.", "rosa", "ikea"),
])
def test_a_new_job_told_by_its_effect_is_where_the_person_works(other_facts: OtherFacts, text: str, person: str,
                                                                org: str) -> None:
    assert (person, "works_at", org) in other_facts(text)


@pytest.mark.parametrize("text", [
    "My first week at Stripe was wild.",  # the user's own job
    "Priya didn't get the new job at Google.",  # negated
    "Kit wants a new job at Lidl.",  # a wish
])
def test_no_new_job_from_the_users_own_a_refusal_or_a_wish(other_facts: OtherFacts, text: str) -> None:
    assert not [f for f in other_facts(text) if f[1] == "works_at"]


def test_an_occupation_at_a_place_is_where_one_works_not_lives(other_facts: OtherFacts) -> None:
    got = other_facts("My cousin Ama is a pharmacist at the Savoy.")
    assert ("ama", "works_at", "savoy") in got, got  # (the first-statement reader may still add a home: left alone)


def test_one_verdict_per_headline_sentence(other_facts: OtherFacts) -> None:
    """The first state a headline's sentence gives is its state ("approved and being printed": approved)."""
    states = [f for f in other_facts("Licence renewal update: it's approved and being posted.") if f[1] == "status"]
    assert [v for _, _, v in states] == ["approved"], states


def test_a_verdict_after_a_short_headline_set_off_by_a_dash(other_facts: OtherFacts) -> None:
    got = other_facts("Boiler claim — settled, they sent the cheque yesterday.")
    assert ("boiler claim", "status", "settled") in got, got


@pytest.mark.parametrize("text", [
    "Holiday hangover: still finding sand from Crete in my shoes.",  # the user's own doing, subject dropped
    "Marathon prep: still chasing a sub-four.",
])
def test_a_subjectless_doing_after_a_headline_is_no_state(other_facts: OtherFacts, text: str) -> None:
    assert not [f for f in other_facts(text) if f[1] == "status"]


def test_a_deadline_someone_needs_is_no_wish(other_facts: OtherFacts) -> None:
    assert ("bookkeeper", "due_date", "the 14th") in other_facts("My bookkeeper needs the invoices by the 14th.")
