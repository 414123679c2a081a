"""Roles read from constructions and scheduled dates (issue #14 item 4, session 9).

Sentences written for this test (not taken from any development or held-out set): an ordinal
before what is done starts or finishes it, coming back ends a trip or an absence, setting off
starts one, and a bare weekday in a sentence with no past verb is the coming one."""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources

import pytest

from kgmem.answer.event_roles import departs, event_roles, returns_home
from kgmem.answer.event_time import _scheduled


@pytest.mark.parametrize(("text", "roles"), [
    ("my first swim of the season was chilly", {"start"}),
    ("FINAL SHIFT AT THE CAFE TODAY", {"finish"}),
    ("the last coat of varnish went on this morning", {"finish"}),
    ("last week I painted the hallway", set()),  # a time, not a role
    ("we met last Thursday", set()),
    ("first of all, thanks for the help", set()),
    ("free at last", set()),
    ("had my first cigarette in months, ugh", {"finish"}),  # a break ended, nothing started
    ("day back at the office after the conference", {"finish"}),
    ("home from the festival since Sunday", {"finish"}),
    ("my back hurts from the drive", set()),
    ("heading off to Crete on Friday", {"start"}),
    ("the physio signed me off today, no more sessions", {"finish"}),  # released from a treatment
    ("the doctor signed me off work for two weeks", {"start"}),  # released from a duty: time away begins
    ("got signed off sick on Tuesday with the flu", {"start"}),
])
def test_roles_by_construction(text: str, roles: set[str]) -> None:
    assert event_roles(text) & {"start", "finish"} == roles


def test_return_and_departure_readers() -> None:
    assert returns_home("we drove back on Sunday night")
    assert not returns_home("lower back is stiff")
    assert departs("flying out to Oslo tomorrow")
    assert not departs("I dropped off the parcel")


def test_structure_lists_name_no_single_case_idiom() -> None:
    """The idioms review8 H3 found copied from single event-matching cases stay out of the roles."""
    data = json.loads(resources.files("kgmem").joinpath("resources", "lexicon", "event_roles.json").read_text("utf-8"))
    words = {w for ws in data["roles"].values() for w in ws}
    assert not words & {"cast on", "bound off", "first pill", "first module", "tested positive", "tested negative",
                        "flew home", "home again", "first day back", "rolled into", "broke it", "taken out"}


@pytest.mark.parametrize(("text", "said", "want"), [
    ("Driving up to the lakes on Thursday, any playlist ideas?", datetime(2024, 3, 4, 9), "2024-03-07"),  # Mon → Thu
    ("the recital is on the 9th and I am so nervous", datetime(2024, 3, 20, 9), "2024-04-09"),
    ("Drove up to the lakes on Thursday, lovely views", datetime(2024, 3, 4, 9), None),  # past: the resolver's date stands
    ("we got home on Thursday", datetime(2024, 3, 4, 9), None),
    # the tense is the day's own clause's: a past form before it tells something else (ev19)
    ("booked the cottage, driving up on Thursday", datetime(2024, 3, 4, 9), "2024-03-07"),
    ("I switched my train, I now travel on Thursday instead of Friday", datetime(2024, 3, 4, 9), "2024-03-07"),
    ("Thursday, we drove up to the lakes", datetime(2024, 3, 4, 9), None),  # a time alone is no clause
    ("since Thursday I have been ill", datetime(2024, 3, 4, 9), None),
])
def test_a_bare_weekday_in_a_non_past_sentence_is_the_coming_one(text: str, said: datetime, want: str | None) -> None:
    got = _scheduled(text, said)
    assert (got[0].date().isoformat() if got else None) == want


def test_a_misspelt_word_of_the_event_phrase_finds_the_line_one_edit_away() -> None:
    from kgmem.answer.event_names import typo_hits, typo_words
    from kgmem.nlp import known_words

    typos = typo_words("my trip to Barcleona", known_words())
    assert typos == {"barcleona": "barcleona"}
    assert typo_hits(typos, "Back from Barcelona, what a week!") == {"barcleona"}
    assert typo_hits(typos, "Back from Bologna, what a week!") == set()
    assert typo_words("the pottery course", known_words()) == {}  # every word known: nothing is a typo
