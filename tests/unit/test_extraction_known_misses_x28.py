"""Session 28 (x28): goods told by where they went, a shop of a purchase, a taste said to have ended, a new address.

- a payment's goods told by where they went are bought (:func:`kgmem.extraction.zero.payments.things_taken_home`):
  "a drone came home with me for $650", "I left the market with a rug and €90 less in my wallet";
- a shop where the user bought or paid is no employer, gym, home or trip
  (:func:`kgmem.extraction.zero.payments.place_of_purchase`), while "I work at Costco" and "got a job at Costco" are;
- a taste the sentence says has ended is none (:func:`kgmem.extraction.zero.ended.taste_ended`): "I've gone right
  off coffee" stores no favourite drink;
- the place of "the new address" with no other owner is where the user lives, not an employer
  (:func:`kgmem.extraction.zero.homes.owned_home_in`).

The invented set tests/fixtures/extraction/known_misses_x28.jsonl (48 turns, written before the code and measured
blind on main 30969cc) is scored per category against the directed figures.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kgmem.extraction.zero import RuleExtractor

DAY = datetime(2034, 4, 12, 10, 0)
SET = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "known_misses_x28.jsonl"


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def _facts(extractor: RuleExtractor, text: str) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.value) for f in extractor.extract([("user", text)], DAY).facts}


@pytest.mark.parametrize(("text", "thing"), [
    ("Today there was a sale at REI, so a drone came home with me for $650.", "drone"),
    ("the day before yesterday there was a sale at IKEA, so a tent came home with me for $189.", "tent"),
    ("I left the market with a rug and €90 less in my wallet.", "rug"),
    ("Two days ago I walked out of Costco with a drone and $650 less in my account.", "drone"),
])
def test_goods_taken_home_are_bought(extractor: RuleExtractor, text: str, thing: str) -> None:
    facts = _facts(extractor, text)
    assert ("user", "bought", thing) in facts, facts
    assert not any(p == "bought" and v in ("market", "Costco", "REI") for _, p, v in facts), facts


@pytest.mark.parametrize("text", [
    "A kayak would come home with me for $480 if my partner let me.",
    "My flatmate walked out of Primark with three hoodies again.",
])
def test_no_purchase_from_a_wish_or_another_person(extractor: RuleExtractor, text: str) -> None:
    assert not any(s == "user" and p == "bought" for s, p, _ in _facts(extractor, text))


@pytest.mark.parametrize(("text", "shop"), [
    ("Card statement: $64 at Walgreens on Friday, for a humidifier.", "Walgreens"),
    ("Picked up a yoga mat at Decathlon yesterday for £18.", "Decathlon"),
    ("ok confession: splurged $300 at Sephora on Sunday, mostly on skincare", "Sephora"),
    ("The bank app keeps reminding me: $130 at Uniqlo three days ago, for a sleeping bag.", "Uniqlo"),
    ("Caved today and got a smartwatch at Home Depot... $399, don't tell anyone", "Home Depot"),
])
def test_a_shop_of_a_purchase_is_no_workplace_gym_home_or_trip(extractor: RuleExtractor, text: str, shop: str) -> None:
    facts = _facts(extractor, text)
    assert not any(p in ("works_at", "gym", "visited", "lives_in") and v == shop for _, p, v in facts), facts


@pytest.mark.parametrize(("text", "org"), [
    ("I've worked at Costco for three years now, mostly on the tills.", "Costco"),
    ("Started my new job at Uniqlo on Monday as a shift lead.", "Uniqlo"),
    ("Got a job at Costco last week, starting on the tills.", "Costco"),
    ("Got it. First standup at Northwind Logistics this morning, and I didn't understand half the acronyms.",
     "Northwind Logistics"),
])
def test_a_workplace_stays(extractor: RuleExtractor, text: str, org: str) -> None:
    assert ("user", "works_at", org) in _facts(extractor, text)


@pytest.mark.parametrize(("text", "gone"), [
    ("I've gone right off coffee lately, it just makes me jittery.", "coffee"),
    ("These days my go-to drink is a matcha latte, I've gone off coffee completely.", "coffee"),
    ("I gave up red wine in January and haven't missed it.", "red wine"),
    ("Energy drinks and I broke up after that night shift, never again.", "Energy drinks"),
    ("I'm done with craft beer, it's all IPAs that taste like pine needles.", "craft beer"),
])
def test_a_taste_said_to_have_ended_is_none(extractor: RuleExtractor, text: str, gone: str) -> None:
    facts = _facts(extractor, text)
    assert not any(p in ("likes", "favourite_drink", "favourite_food", "hobby") and v == gone for _, p, v in facts), facts


@pytest.mark.parametrize(("text", "fact"), [
    ("These days my go-to drink is a matcha latte, I've gone off coffee completely.", ("favourite_drink", "matcha latte")),
    ("Flat whites are my favourite drink, no contest.", ("favourite_drink", "Flat whites")),
])
def test_a_taste_held_stays(extractor: RuleExtractor, text: str, fact: tuple[str, str]) -> None:
    facts = {(p, v.casefold()) for s, p, v in _facts(extractor, text) if s == "user"}
    assert (fact[0], fact[1].casefold()) in facts, facts


def test_the_new_address_is_a_home_not_an_employer(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "Just got my first utility bill at the new address in Cork, so I'm officially a Corkonian.")
    assert ("user", "lives_in", "Cork") in facts, facts
    assert not any(p == "works_at" for _, p, _ in facts), facts


def test_another_persons_new_address_is_not_the_users(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "My sister's new address in Leeds is impossible to find on a map.")
    assert not any(s == "user" and p == "lives_in" for s, p, _ in facts), facts


def test_the_invented_set_per_category(extractor: RuleExtractor) -> None:
    """Directed floors on the invented set (blind at main 30969cc: effect_purchase 14/24, 14/19 correct;
    new_address 2/6; shop_not_workplace 14/19 correct; stopped_taste 1/8 correct)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import test_extraction_handwritten as hw

    scores = hw.score(extractor, hw.load_rows(SET))
    floors = {"effect_purchase": (15, 15), "new_address": (3, 3), "shop_not_workplace": (14, 14),
              "stopped_taste": (1, 1), "controls": (8, 8)}
    for cat, (found, correct) in floors.items():
        s = scores[cat]
        assert s.found >= found and s.correct >= correct, (cat, s.found, s.correct, s.misses, s.false_positives)
    assert scores["shop_not_workplace"].extracted <= 16, scores["shop_not_workplace"].false_positives
    assert scores["stopped_taste"].extracted <= 4, scores["stopped_taste"].false_positives
    negatives = [f for f in scores["negative"].false_positives if " user." in f and "family_member" not in f]
    assert not negatives, negatives
