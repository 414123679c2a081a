"""Deeds told by what they did to the user (an22, session 22): a no that tells the thing was done
("haven't stopped humming", "never again"), the user made to do someone else's bidding ("my brother made
me sit through …") and a town the recogniser misses ("walking round Seville"). Every sentence here is invented for the test
(none is from the generator, a held-out set or the deed_voices fixture)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from kgmem import knowledge
from kgmem.answer.actuality import actuality, negation_words
from kgmem.answer.subjects import someone_else
from kgmem.api import Memory


@pytest.mark.parametrize("sentence", [
    "Saw the panto with the kids and they haven't stopped singing the songs since.",
    "Couldn't stop laughing through the whole of the stand-up set on Friday.",
    "Finished The Secret History last week and I haven't stopped thinking about it.",
    "Couldn't put the new Sally Rooney down, read it in two sittings.",
    "Went to my first spin class on Tuesday, never again.",
    "Ate at that oyster bar by the harbour, never ever again.",
    "Tried the escape room with work and I didn't regret it one bit.",
    "Got through the whole box set and couldn't get enough.",
])
def test_a_no_that_tells_the_thing_was_done_is_no_no(sentence: str) -> None:
    assert actuality(sentence) == "actual", sentence
    assert negation_words(sentence) == [], sentence


@pytest.mark.parametrize("sentence", [
    "We didn't stop at the castle on the way back.",  # a stop not made: no "-ing" after it
    "I never finished the Booker shortlist.",
    "Haven't started the new season yet.",
    "Skipped the gallery opening, I was shattered.",
    "I didn't go to the reunion in the end.",
])
def test_a_no_stays_a_no(sentence: str) -> None:
    assert actuality(sentence) == "negated", sentence


@pytest.mark.parametrize("sentence", [
    "My cousin made me sit through four hours of her wedding video.",
    "The instructor had us paddle all the way round the island.",
    "Our neighbours let us use their pool on Sunday.",
])
def test_the_user_made_to_do_a_thing_does_it(sentence: str) -> None:
    assert someone_else(sentence) is False, sentence
    assert actuality(sentence) == "actual", sentence


@pytest.mark.parametrize("sentence", [
    "My manager wants me to run the Friday stand-up.",  # a "to" infinitive: an ask, not a doing
    "Jonas made his kids watch the whole trilogy.",  # someone else made to do it
    "My aunt saw the new Almodóvar at the festival.",
])
def test_someone_elses_doing_stays_theirs(sentence: str) -> None:
    assert actuality(sentence) in ("other", "plan"), sentence


def test_towns_the_gazetteer_knows_are_read_when_capitalised() -> None:
    assert knowledge.towns_in("Burnt my nose walking round Valencia on Monday.") == ["Valencia"]
    assert "Ghent" in knowledge.towns_in("Left my umbrella on a tram in Ghent.")
    assert knowledge.towns_in("the valencia oranges are in season") == []  # not written as a name
    assert knowledge.towns_in("Mum is watching the news without me.") == []


@pytest.fixture(scope="module")
def wanderer(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        # the entity recogniser reads no place in this line; the gazetteer knows Valencia
        (datetime(2026, 3, 4), "Got horribly sunburnt wandering round Valencia on Monday."),
        (datetime(2026, 5, 13), "My brother is in Marseille for work all month."),  # his
        (datetime(2026, 6, 17), "Maybe Porto in the autumn? Is it rainy then?"),  # a plan and a request
    ]
    return chat_memory("noor", said, "w", None)


def test_a_town_the_recogniser_misses_is_still_a_city_visited(wanderer) -> None:  # noqa: ANN001
    a = wanderer.answer("noor", "How many cities have I visited this year?", question_date=datetime(2026, 7, 1))
    assert a.text.startswith("1") and "Valencia" in a.text, (a.text, a.extra.get("decision"))
    assert "Marseille" not in a.text and "Porto" not in a.text, a.text


def test_the_deed_voices_set_is_well_formed() -> None:
    """tests/fixtures/answers/deed_voices.jsonl (eval/bench_answer_sets.py --set deeds): >= 12 cases, each
    with something that must not count, its wrong numbers distinct from its answer."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "deed_voices.jsonl"
    cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(cases) >= 12
    assert len({c["case_id"] for c in cases}) == len(cases)
    for c in cases:
        assert c["wrong"] and all(w["value"] != c["answer_value"] for w in c["wrong"]), c["case_id"]
        assert c["answer_kind"] in ("count", "abstain"), c["case_id"]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Switched it up this month, I'm going to the office by bike and my legs hate me.", "actual"),  # a commute
    ("I'm going to uni by bus since the car died.", "actual"),
    ("I'm going to the studio on the ferry, which beats the tube.", "actual"),
    ("I'm going to the office by train tomorrow.", "plan"),  # a day ahead is still a plan
    ("Next month I'm going to work by scooter.", "plan"),
    ("I'm going to work on my thesis tonight.", "plan"),  # "work on" is a doing, not the way to work
    ("I'm going to the gym by bike on Saturday.", "plan"),  # no way to work
])
def test_the_way_the_user_goes_to_work_is_no_plan(sentence: str, kind: str) -> None:
    assert actuality(sentence) == kind, sentence
