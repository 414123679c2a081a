"""A value the user tells as stopped ("My dad used to take Mia to ballet, but he can't since his
knee op") is no answer to a question about now, and the answer to one about then
(kgmem/answer/stale.py; phrases in kgmem/resources/intents/stopped.json). Sentences invented for
the class (rev12's probe_fa4 case and new ones); none from a data set."""

from __future__ import annotations

from datetime import datetime

import pytest
from dialogue_fixture import ASKED, FILLER, dialogue_memory

from kgmem.answer.stale import clauses, stale


@pytest.mark.parametrize(("sentence", "value", "gone"), [
    ("My dad used to take Mia to ballet, but he can't since his knee op.", "your dad", True),
    ("I used to lift at Ironworks but now I swim at the Riverside Baths", "Ironworks", True),
    ("I used to lift at Ironworks but now I swim at the Riverside Baths", "Riverside Baths", False),
    ("havent set foot in the Ironworks gym since like june", "Ironworks", True),
    ("My uncle fixed my bike whenever it broke, not anymore since he moved.", "my uncle", True),
    ("I quit my job at Halloway Logistics last month.", "Halloway Logistics", True),
    ("I work at Acme, not at Globex any more", "Acme", False),
    ("I work at Acme, not at Globex any more", "Globex", True),
    ("My mum takes Mia to ballet now, dad can't any more.", "my mum", False),
    ("I'm used to the early start at Acme now.", "Acme", False),  # "used to" of habituation
    ("My grandad does the school pickup on Mondays, has done since September.", "my grandad", False),
    ("Joris ran with me but he stopped to walk, haha.", "Joris", False),  # a pause, not a habit that ended
])
def test_stale(sentence: str, value: str, gone: bool) -> None:
    assert stale(sentence, value) is gone, clauses(sentence)


@pytest.mark.parametrize(("sentence", "value", "gone"), [
    # past habitual aspect: "use" + a to-infinitive, no object, not passive
    ("I didn't use to like the Fenwick pool.", "Fenwick", True),
    ("I use Notion to plan my week at Brightline.", "Brightline", False),  # an instrument, not a habit
    ("I got used to the commute to Brightline.", "Brightline", False),  # habituation (passive)
    # a past-only time frame around a simple past; a perfect still holds, an event is no habit
    ("I worked at Halvorsen Freight for six years before joining Brightline.", "Halvorsen Freight", True),
    ("I worked at Halvorsen Freight for six years before joining Brightline.", "Brightline", False),
    ("I have worked at Halvorsen Freight for six years.", "Halvorsen Freight", False),
    ("I lived in Leeds until 2020.", "Leeds", True),
    ("From 2015 to 2019 I taught at Ridgeway School.", "Ridgeway School", True),
    ("I was formerly at Globex.", "Globex", True),
    ("When we lived in Bristol, I cycled to the Harbourside office every day.", "Harbourside", True),
    ("As a kid I played the violin every Saturday at St Anne's.", "St Anne", True),
    ("Back then I would cycle to the Harbourside office.", "Harbourside", True),
    ("I would love to train at Ironworks.", "Ironworks", False),  # "would" with no past frame: a wish
    ("My brother Tom drove me to work for two hours in traffic.", "Tom", False),  # an event's length
    ("I started at Brightline two weeks ago.", "Brightline", False),  # a start, which still holds
    ("I swam at the Parnell Baths this morning.", "Parnell Baths", False),
    ("I always walk Pepper before work.", "Pepper", False),  # a present habit
    # ending aspect
    ("I no longer train at Ironworks.", "Ironworks", True),
    ("I don't go to the Fenwick pool anymore.", "Fenwick", True),
    ("I haven't been to Ironworks since March.", "Ironworks", True),
    ("I've been at Brightline since March.", "Brightline", False),
    ("I stopped going to Ironworks in June.", "Ironworks", True),
    ("I stopped at the Fenwick shop on the way home.", "Fenwick", False),  # "stop" with no object: a halt
    ("I gave up the allotment on Fenwick Lane in spring.", "Fenwick Lane", True),
    ("I quit Deloitte and I'm with a startup called Loomly now.", "Deloitte", True),
    ("I quit Deloitte and I'm with a startup called Loomly now.", "Loomly", False),  # another verb's value
])
def test_stale_by_the_parse(sentence: str, value: str, gone: bool) -> None:
    """Invented sentences: the verb governing the value decides (its aspect, tense and time frame),
    not a phrase of the sentence (review13 H1)."""
    assert stale(sentence, value) is gone, clauses(sentence)


def test_no_phrase_list_decides_a_past_habit() -> None:
    import json
    from importlib import resources

    data = json.loads(resources.files("kgmem").joinpath("resources", "intents", "stopped.json").read_text())
    assert "habit" not in data and "stop" not in data  # the phrase lists are gone; word classes stay
    assert not any("\\" in w for k, v in data.items() if not k.startswith("_") for w in v)  # no regexes


def test_a_stopped_habit_names_no_one_who_does_it_now(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, [*FILLER, (datetime(2025, 4, 20), [
        ("user", "My dad used to take Mia to ballet, but he can't since his knee op."),
        ("assistant", "I hope his knee heals well.")])])
    a = m.answer("u", "who takes Mia to ballet", ASKED)
    assert "your dad" not in a.text.lower().split("(")[0], a.text  # a quote of the line may follow a hedge


def test_the_newer_doer_now_and_the_older_one_then(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, [*FILLER,
        (datetime(2025, 4, 5), [("user", "My sister Clara used to walk our dog Pepper on weekdays, but she can't "
                                         "since she started night shifts."), ("assistant", "That's a shame.")]),
        (datetime(2025, 4, 12), [("user", "My neighbour Tomasz walks Pepper on weekdays now, he's retired and loves it."),
                                 ("assistant", "Lovely.")])])
    assert m.answer("u", "who walks Pepper on weekdays", ASKED).text.startswith("Tomasz")
    assert m.answer("u", "who used to walk Pepper", ASKED).text.startswith("Clara")


def test_a_who_question_wants_a_person_whatever_slot_it_matched() -> None:
    from kgmem.retrieval.question import answer_type_for

    # "who used to send me …" can match a used-to exemplar of another slot ("what car did I use to drive")
    assert answer_type_for("who used to send me a card every birthday", None, "item") == "person"
    assert answer_type_for("who do I work for these days", None, "org") == "org"  # an employer


@pytest.mark.parametrize(("sentence", "value", "begins"), [
    ("Clara had her first day as head of year at Ridgeway Academy today, she's shattered.", "Ridgeway Academy", True),
    ("Today was my first day at Zendesk.", "Zendesk", True),
    ("I started at Brightline on Monday.", "Brightline", True),
    ("I've joined Stripe as of this week.", "Stripe", True),
    ("My new job at Deloitte starts on Monday.", "Deloitte", True),
    ("She's been teaching at Gosforth since May.", "Gosforth", True),
    ("My wife Clara teaches maths at Hollins Park School.", "Hollins Park School", False),  # a state, no onset
    ("I had lunch at Gosforth Academy today.", "Gosforth Academy", False),
    ("My first car was a Fiesta.", "Fiesta", False),  # a first of a kind that is no period or post
    ("I bought a new phone at Argos.", "Argos", False),
])
def test_began_by_the_parse(sentence: str, value: str, begins: bool) -> None:
    """A state's onset (the mirror of a stop): a verb of beginning, a first or new period or post, a
    perfect progressive — read from the parse of invented sentences."""
    from kgmem.answer.stale import began

    assert began(sentence, value) is begins


def _school_memory(tmp_path, later: str):  # type: ignore[no-untyped-def]
    return dialogue_memory(tmp_path, [*FILLER,
        (datetime(2025, 3, 20), [("user", "My wife Clara teaches maths at Hollins Park School, she loves her class."),
                                 ("assistant", "That sounds lovely.")]),
        (datetime(2025, 5, 10), [("user", later), ("assistant", "Good for her!")])])


def test_a_newer_onset_replaces_the_older_value_for_a_question_about_now(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = _school_memory(tmp_path, "Clara had her first day as head of maths at Ridgeway Academy today, she came home happy.")
    a = m.answer("u", "which school does my wife work at these days", ASKED)
    assert a.text.startswith("Ridgeway Academy"), a.text
    assert {"m2:0", "m3:0"} <= set(a.turn_ids)  # it rests on both lines: the thread and the onset


def test_an_onset_on_another_matter_replaces_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = _school_memory(tmp_path, "Clara had her first day at the Leeds book fair today, she bought far too much.")
    assert "Leeds" not in m.answer("u", "which school does my wife work at these days", ASKED).text
