"""Session 31 (lead): values filed under the wrong slot — a firm that serves the user read as the employer, a place
that serves them as the home, a job done on their thing as a purchase or a taste, a car hired or tried as theirs.

- :func:`kgmem.extraction.zero.served_by.provides`: the firm is what a thing the user has or arranges comes with
  ("Renewed the car insurance with Direct Line"): no employer; "a claims handler at Direct Line" keeps it;
- :func:`kgmem.extraction.zero.served_by.served_at`: "We've registered Pepper at Meadow Lane Vets": no home;
- :func:`kgmem.extraction.zero.served_by.done_for`: "Got the bathroom retiled": no purchase, no taste; "We had a new
  boiler fitted" is a boiler bought;
- :func:`kgmem.extraction.zero.borrowed.used_awhile`: "We hired a Fiat 500 for the week": not the car the user drives.

Sentences written for these tests, none from the invented set or the measuring sets. The invented set
tests/fixtures/extraction/misfiled_lead31.jsonl (38 turns, written before the code, blind at main ab750f1: found 7/14,
correct 7/24) is held to its directed figures per category.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from x30_set_scoring import load, score

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.served_by import done_for, served_at

DAY = datetime(2035, 3, 14, 10, 0)  # a Wednesday
SET = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "misfiled_lead31.jsonl"


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def _user_facts(extractor: RuleExtractor, text: str) -> list[tuple[str, str]]:
    return [(f.predicate, f.value) for f in extractor.extract([("user", text)], DAY).facts if f.subject == "user"]


@pytest.mark.parametrize(("text", "firm"), [
    ("Got my car insurance through Admiral again this year, it was the cheapest.", "Admiral"),
    ("I opened a current account with Starling last week.", "Starling"),
    ("We took out our mortgage with Halifax in the end.", "Halifax"),
    ("Sorted the van's breakdown cover with the AA yesterday.", "AA"),
])
def test_a_firm_that_serves_the_user_is_no_employer(extractor: RuleExtractor, text: str, firm: str) -> None:
    facts = _user_facts(extractor, text)
    assert not any(p == "works_at" and firm in v for p, v in facts), facts


@pytest.mark.parametrize(("text", "firm"), [
    ("I've started a new job at Admiral in their claims team.", "Admiral"),
    ("I'm a mortgage adviser at Halifax these days.", "Halifax"),
])
def test_an_employer_is_kept(extractor: RuleExtractor, text: str, firm: str) -> None:
    assert ("works_at", firm) in _user_facts(extractor, text)


@pytest.mark.parametrize("text", [
    "I registered Milo at Parkside Vets on Saturday.",
    "We've signed up at the Greenfield surgery now.",
])
def test_where_the_user_is_served_is_no_home(extractor: RuleExtractor, text: str) -> None:
    facts = _user_facts(extractor, text)
    assert not any(p == "lives_in" for p, _ in facts), facts


@pytest.mark.parametrize("text", [
    "We got the fence repainted while the weather held.",
    "I'm having my teeth whitened next month.",
    "Had the roof redone in May, cost a bomb.",
])
def test_a_job_done_on_the_users_thing_is_no_purchase_or_taste(extractor: RuleExtractor, text: str) -> None:
    facts = _user_facts(extractor, text)
    assert not any(p in ("bought", "favourite_food", "favourite_drink") for p, _ in facts), facts


def test_a_home_named_beside_an_enrolling_is_still_a_home() -> None:
    doc = load_nlp()("Registered with a GP near my new flat in Derby this morning.")
    assert not served_at("Derby", doc)
    assert served_at("Greenfield surgery", load_nlp()("We've signed up at the Greenfield surgery now."))


def test_a_thing_had_fitted_new_is_still_bought() -> None:
    doc = load_nlp()("We had a new boiler fitted last week.")
    assert not done_for(CandidateFact(predicate="bought", value="new boiler"), doc)
    doc = load_nlp()("We had the boiler serviced last week.")
    assert done_for(CandidateFact(predicate="bought", value="boiler"), doc)


@pytest.mark.parametrize("text", [
    "Rented a Clio for the trip to Cornwall.",
    "I test-drove the Polestar 2 yesterday, lovely but no.",
    "Borrowed my sister's Fiesta for the week while mine's in the garage.",
])
def test_a_car_hired_or_tried_is_not_the_users(extractor: RuleExtractor, text: str) -> None:
    facts = _user_facts(extractor, text)
    assert not any(p in ("drives", "bought") for p, _ in facts), facts


def test_the_users_own_new_car_is_kept(extractor: RuleExtractor) -> None:
    assert ("drives", "Mégane") in _user_facts(extractor, "Collected my new Mégane from the dealer on Monday.")


#: the set's directed figures (found, expected, correct, extracted) per category, after the code
DIRECTED = {
    "service_done": (0, 0, 0, 1), "provider": (0, 0, 0, 3), "employer_twin": (2, 4, 2, 3), "served_at": (0, 0, 0, 2),
    "home_twin": (2, 2, 2, 2), "two_employers": (2, 6, 2, 3), "car_tried": (0, 0, 0, 0), "car_twin": (1, 2, 1, 3),
}


def test_the_invented_set_holds_its_directed_figures(extractor: RuleExtractor) -> None:
    got = {cat: (s.found, s.expected, s.correct, s.extracted) for cat, s in score(extractor, load(SET)).items()}
    for cat, (found, expected, correct, extracted) in DIRECTED.items():
        f, e, c, x = got[cat]
        assert e == expected and f >= found, (cat, got[cat])
        assert x - c <= extracted - correct, (cat, got[cat])  # no more false facts than after the code
