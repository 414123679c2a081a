"""Stays read as visits, verbless notes as deeds, and a month that is no modal (session 4, #13)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.checks import HYPOTHETICAL

DAY = datetime(2023, 5, 20, 11, 0)


@pytest.fixture(scope="module")
def ex() -> RuleExtractor:
    return RuleExtractor()


def _facts(ex: RuleExtractor, text: str, role: str = "user") -> set[tuple[str, str]]:
    return {(f.predicate, f.value) for f in ex.extract([(role, text)], DAY).facts if f.subject == "user"}


@pytest.mark.parametrize(("text", "place"), [
    ("I'm in Bologna for the week.", "Bologna"),
    ("Landing in Oslo on Friday morning.", "Oslo"),
    ("I'm just back from Lisbon, what a trip.", "Lisbon"),
    ("Did a quick trip to Porto over the long weekend.", "Porto"),
    ("My cousin and I took the train to Bruges on Saturday.", "Bruges"),
])
def test_stays_are_visits(ex: RuleExtractor, text: str, place: str) -> None:
    got = _facts(ex, text)
    assert ("visited", place) in got
    assert ("lives_in", place) not in got and ("hometown", place) not in got


@pytest.mark.parametrize(("text", "pred", "place"), [
    ("I grew up in Cork.", "hometown", "Cork"),
    ("We moved to Leeds last year.", "lives_in", "Leeds"),
    ("I live in Denver but I spent last weekend in Santa Fe.", "lives_in", "Denver"),
])
def test_homes_stay_homes(ex: RuleExtractor, text: str, pred: str, place: str) -> None:
    assert (pred, place) in _facts(ex, text)


def test_verbless_purchase_note(ex: RuleExtractor) -> None:
    got = _facts(ex, "Latest splurge: a Dyson stick vacuum for $399.")
    assert ("bought", "Dyson stick vacuum") in got and ("spent", "399") in got
    # a note dated ahead is a plan, not a purchase
    assert not {p for p, _ in _facts(ex, "Next big purchase: a standing desk next month.")} & {"bought", "spent"}


def test_month_may_is_no_modal() -> None:
    assert not HYPOTHETICAL.search("Stepped into a senior analyst position at the bank in May.")
    assert HYPOTHETICAL.search("I may move to Leeds.")
    assert HYPOTHETICAL.search("I'm going to buy a bike.")
    assert not HYPOTHETICAL.search("I've been going to Iron Temple Gym three times a week.")


@pytest.mark.parametrize(("text", "title"), [
    ("I moved into a marketing lead role this month.", "marketing lead"),
    ("Stepped into a senior analyst position at the bank in May.", "senior analyst"),
    ("I took on the role of head baker at Crumb & Co.", "head baker"),
])
def test_role_nouns_hold_job_titles(ex: RuleExtractor, text: str, title: str) -> None:
    assert ("job_title", title) in _facts(ex, text)


@pytest.mark.parametrize(("text", "item"), [
    ("Your best bet for a quiet dinner is Osteria Lupa; it's small.", "Osteria Lupa"),
    ("If it's views you're after, Harbour Point Trail is hard to beat.", "Harbour Point Trail"),
    ("Mossy Creek Loop would suit you well, since it's short.", "Mossy Creek Loop"),
    ("If you want something light, give The Thursday Murder Club a go.", "The Thursday Murder Club"),
])
def test_recommendations_without_recommend(ex: RuleExtractor, text: str, item: str) -> None:
    assert ("assistant_recommended", item) in _facts(ex, text, role="assistant")


def test_no_recommendation_in_plain_advice(ex: RuleExtractor) -> None:
    text = "Sure! Here's a simple plan. Start with 20 minutes of walking each day and add a longer walk on Sunday."
    assert not _facts(ex, text, role="assistant")


def test_reply_to_a_request_names_its_pick(ex: RuleExtractor) -> None:
    turns = [("user", "Any ideas for a day hike near Grenoble?"),
             ("assistant", "Honestly, Lac Blanc Loop is hard to top near Grenoble. Col Vert and Pine Ridge are decent "
                           "as well, though Lac Blanc Loop is the standout.")]
    got = {(f.predicate, f.value) for f in ex.extract(turns, DAY).facts if f.speaker == "assistant"}
    assert got == {("assistant_recommended", "Lac Blanc Loop")}
    # no request, no pick: a reply that merely names things recommends nothing
    turns = [("user", "Can you help me write an email to my landlord?"),
             ("assistant", "Sure! Here's a draft: Dear Mr Evans, I'm writing about the boiler in Flat 2.")]
    assert not [f for f in ex.extract(turns, DAY).facts if f.speaker == "assistant"]


@pytest.mark.parametrize(("text", "value"), [
    ("please, no country music.", "country music"),
    ("I try to avoid cilantro.", "cilantro"),
    ("Honestly reality TV drives me up the wall.", "reality TV"),
])
def test_dislikes_told_as_requests_and_effects(ex: RuleExtractor, text: str, value: str) -> None:
    assert ("dislikes", value) in _facts(ex, text)


def test_dated_deed_is_an_event_beside_a_trait(ex: RuleExtractor) -> None:
    got = _facts(ex, "side note, I adopted a rescue cat three days ago.")
    assert ("has_pet", "cat") in got and ("event", "adopted a rescue cat") in got
    # a habit over a season is no dated event
    assert not [p for p, _ in _facts(ex, "I started knitting over the winter.") if p == "event"]


def test_recommendation_replies_fixture(ex: RuleExtractor) -> None:
    """x13d's request/reply pairs (tests/fixtures/extraction/recommendation_replies.jsonl, written
    for the reply reader; blind 0/12 before it): each reply gives its pick and nothing else."""
    import json
    from pathlib import Path

    from kgmem.ids import normalise_name

    path = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "recommendation_replies.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = ex.extract_many([([("user", r["user"]), ("assistant", r["assistant"])], DAY) for r in rows])
    right = extracted = 0
    for r, res in zip(rows, results):
        got = [normalise_name(f.value) for f in res.facts if f.speaker == "assistant"]
        extracted += len(got)
        right += normalise_name(r["pick"]) in got
    assert right >= 11 and extracted <= len(rows), (right, extracted)


@pytest.mark.parametrize(("text", "who"), [("Tom's at Barclays now.", "Tom"), ("Dad's gluten-free now.", "Dad")])
def test_name_s_is_someone_else(ex: RuleExtractor, text: str, who: str) -> None:
    facts = ex.extract([("user", text)], DAY).facts
    assert not [f for f in facts if f.subject == "user"]
    assert any(f.subject == who for f in facts)


def test_medium_verb_and_leftover_verbs(ex: RuleExtractor) -> None:
    # a title typed lower case is raised before the parse (truecase._TITLE_SLOT): "Dune 2"
    assert ("watched", "Dune 2") in _facts(ex, "watched dune 2 last nite, sooo good, the sound!!")
    assert ("bought", "is") not in _facts(ex, "The blender I ordered is on its way.")
    assert not [p for p, _ in _facts(ex, "Marta got promoted!") if p == "visited"]
    assert ("read_book", "Project Hail Mary") in _facts(ex, "Polished off Project Hail Mary on the flight home, what a book.")


def test_ability_series_and_gym_words(ex: RuleExtractor) -> None:
    got = _facts(ex, "I've lived in Madrid for three years and my Spanish is still terrible; I can order food and that's it.")
    assert not [v for p, v in got if p == "bought"]
    got = _facts(ex, "Confession: I've read the entire Discworld series twice this year.")
    assert ("read_book", "Discworld series") in got and not [p for p, _ in got if p == "likes"]
    got = _facts(ex, "On Monday I started contracting for a small games studio called Fernhill Games.")
    assert ("works_at", "Fernhill Games") in got and ("gym", "Fernhill Games") not in got
    assert ("favourite_food", "ramen") in _facts(ex, "My favorite food has to be ramen.")


def test_negation_is_a_dislike_only_of_a_taste(ex: RuleExtractor) -> None:
    assert not _facts(ex, "I've never been to Asia.")
    assert ("dislikes", "horror films") in _facts(ex, "I've never liked horror films.")
