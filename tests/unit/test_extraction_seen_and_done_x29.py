"""Session 29 (x29): an outing seen from afar, "can't stop V-ing", an ailment got, a post given, where one grew up.

- an occasion seen from afar is not attended (:mod:`kgmem.extraction.zero.aftermath`): a film or a broadcast ("since
  the documentary"), a record of it that is no one's ("photos from the Met Gala"), one the sentence says the user
  missed, skipped or streamed (:func:`~kgmem.extraction.zero.aftermath.seen_away`);
- "can't stop humming", "can't help smiling" affirm the doing (:func:`kgmem.extraction.zero.checks.cannot_stop`);
- an ailment got is no purchase (:func:`kgmem.extraction.zero.payments.no_goods`): "I got a sunburn after Lisbon";
- a post named beside a deed of promotion or hiring is the user's (:mod:`kgmem.extraction.zero.promotions`): "I got
  promoted today, team lead from next month!";
- where the user grew up is the hometown, never the current home or a trip
  (:func:`kgmem.extraction.zero.homes.origins_not_homes`);
- a share of the user's that a thing gets ("Anything with jazz gets my vote") is never the thing liked
  (:func:`kgmem.extraction.zero.values_items.users_share`).

Sentences written for these tests, none from the generator's templates or the measuring sets. The invented set
tests/fixtures/extraction/seen_and_done_x29.jsonl (50 turns, written before the code and measured blind on main
99d53be: found 28/45, correct 28/48) is held to its directed figures per category.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from extraction_scoring import CategoryScore

from kgmem.extraction.zero import RuleExtractor

DAY = datetime(2035, 3, 14, 10, 0)
SET = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "seen_and_done_x29.jsonl"


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def _facts(extractor: RuleExtractor, text: str) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.value) for f in extractor.extract([("user", text)], DAY).facts}


@pytest.mark.parametrize("text", [
    "Half my timeline is pictures from the Venice Biennale opening and I wasn't even invited.",
    "I've been off sugar since the documentary.",
    "Got sent the reviews from the gala premiere, brutal.",
    "Skipped the alumni dinner and now I keep seeing clips from the dinner everywhere.",
    "Missed the Pulp reunion show because of a night shift.",
    "Livestreamed the whole Reading festival in bed and I'm still buzzing from the festival.",
    "I was too tired after the launch party, so I skipped it.",
])
def test_an_occasion_seen_from_afar_is_not_attended(extractor: RuleExtractor, text: str) -> None:
    facts = _facts(extractor, text)
    assert not any(s == "user" and p == "attended" for s, p, _ in facts), facts


@pytest.mark.parametrize(("text", "value"), [
    ("My throat is wrecked from the Foals gig.", "Foals gig"),
    ("Finally printed my photos from the lantern festival.", "lantern festival"),
    ("I didn't miss the Foals gig, and my throat is wrecked from the gig.", "gig"),
])
def test_an_occasion_the_user_was_at_stays_attended(extractor: RuleExtractor, text: str, value: str) -> None:
    assert ("user", "attended", value) in _facts(extractor, text)


@pytest.mark.parametrize(("text", "fact"), [
    ("I can't stop listening to Radiohead lately.", ("favourite_music", "Radiohead")),
    ("can't stop playing the cello since Christmas", ("plays_instrument", "cello")),
    ("I just can't stop crocheting these days.", ("hobby", "crocheting")),
])
def test_cant_stop_affirms(extractor: RuleExtractor, text: str, fact: tuple[str, str]) -> None:
    assert ("user", *fact) in _facts(extractor, text)


@pytest.mark.parametrize("text", [
    "I can't play the cello anymore since the wrist injury.",
    "I can't afford a new bike this year.",
])
def test_a_real_negation_or_stop_still_negates(extractor: RuleExtractor, text: str) -> None:
    facts = _facts(extractor, text)
    assert not any(s == "user" and p in ("plays_instrument", "bought") for s, p, _ in facts), facts


@pytest.mark.parametrize("text", [
    "I got a sunburn after Lisbon.",
    "Got a nasty rash from the new detergent.",
    "I got a blister the size of a coin on the hike.",
])
def test_an_ailment_got_is_no_purchase(extractor: RuleExtractor, text: str) -> None:
    facts = _facts(extractor, text)
    assert not any(s == "user" and p == "bought" for s, p, _ in facts), facts


@pytest.mark.parametrize(("text", "thing"), [
    ("I got a robot vacuum for $299.", "robot vacuum"),  # a vacuum is an absence first, and a cleaner too
    ("I picked up some cough syrup at Boots for £6.", "cough syrup"),
])
def test_goods_stay_bought(extractor: RuleExtractor, text: str, thing: str) -> None:
    assert ("user", "bought", thing) in _facts(extractor, text)


@pytest.mark.parametrize(("text", "post"), [
    ("I got promoted today, shift supervisor from next month!", "shift supervisor"),
    ("they made me head nurse last week, the new rota starts in May", "head nurse"),
    ("Officially hired by the trust today, starting as a ward clerk on Monday.", "ward clerk"),
])
def test_a_post_given_beside_the_deed(extractor: RuleExtractor, text: str, post: str) -> None:
    assert ("user", "job_title", post) in _facts(extractor, text)


@pytest.mark.parametrize("text", [
    "My sister got promoted today, shift supervisor from next month!",
    "My manager wants to make me shift supervisor next month, nothing signed.",
    "I might get promoted, shift supervisor maybe.",
    "They made me cry, the manager was awful.",
])
def test_no_post_for_another_a_wish_or_another_sense(extractor: RuleExtractor, text: str) -> None:
    facts = _facts(extractor, text)
    assert not any(s == "user" and p == "job_title" for s, p, _ in facts), facts


@pytest.mark.parametrize(("text", "origin", "home"), [
    ("i grew up in Dundee but my last flat before this one was in Perth", "Dundee", None),
    ("My childhood home was in Wrexham, but I've been in Chester for ten years now.", "Wrexham", None),
    ("I spent my whole childhood in Sligo before we moved to Dublin.", "Sligo", None),
    ("Grew up in Aberdeen, moved to Glasgow for uni and stayed.", "Aberdeen", None),
])
def test_where_the_user_grew_up_is_no_home(extractor: RuleExtractor, text: str, origin: str, home: str | None) -> None:
    facts = _facts(extractor, text)
    assert ("user", "hometown", origin) in facts, facts
    assert not any(s == "user" and p in ("lives_in", "visited") and v == origin for s, p, v in facts), facts


def test_a_share_of_the_users_is_no_taste(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "Anything with sea shanties gets my vote, every single time.")
    assert not any(v == "vote" for _, _, v in facts), facts


def _scores(extractor: RuleExtractor) -> dict[str, CategoryScore]:
    import test_extraction_handwritten as hw

    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return hw.score(extractor, rows)


#: directed figures (found, correct, extracted) per category at the change; blind on main 99d53be in the comments
DIRECTED = {
    "seen_from_afar": (2, 2, 5),  # blind 2, 2 of 13 (10 attended from afar)
    "cant_stop": (5, 5, 6),  # blind 0 of 5 ("the songs from the … concert" stores favourite_music = songs)
    "not_goods": (5, 5, 6),  # blind 5, 5 of 8
    "done_start_ahead": (4, 4, 4),  # blind 1 of 5
    "grew_up": (11, 11, 12),  # blind 8 of 14, 8 of 12
}


def test_the_invented_set_holds_its_directed_figures(extractor: RuleExtractor) -> None:
    scores = _scores(extractor)
    for category, (found, correct, extracted) in DIRECTED.items():
        s = scores[category]
        assert s.found >= found and s.correct >= correct and s.extracted - s.correct <= extracted - correct, \
            (category, s.found, s.correct, s.extracted, s.misses, s.false_positives)
    # home_twin 1 -> 2 (x30): "Home for me is Bristol these days" now fills the home (values_names.fill_place)
    for twins in ("attended_twin", "negation_twin", "goods_twin", "home_twin"):
        s = scores[twins]
        assert s.found == {"attended_twin": 5, "negation_twin": 1, "goods_twin": 5, "home_twin": 2}[twins], \
            (twins, s.misses)
    assert scores["plan_twin"].extracted == 0, scores["plan_twin"].false_positives
