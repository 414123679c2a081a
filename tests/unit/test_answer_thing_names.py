"""Whose thing a line tells of, and the name it gives the user's own (:mod:`kgmem.answer.whose`), the
run-on cut of evidence lines, and the answers they make end to end.

"What's my hamster called?" must be answered by a name the user gave their own hamster, told in any
mood ("is it normal that my hamster Fig …?") or only by the parse ("Marmalade chewed the cable again,
typical hamster"), never by a name told of a hamster someone else holds ("my cousin's hamster is called
Biscuit", "Ines just adopted a hamster named Crumpet"). Every sentence is written by hand, in words the
synthetic generator does not use.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.evidence import split_sentences
from kgmem.answer.match import norm
from kgmem.answer.whose import afterthought_name, thing_holder, thing_names


def _forms(*words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


@pytest.mark.parametrize(("text", "thing", "holder"), [
    ("My cousin's hamster is called Biscuit.", "hamster", "other"),
    ("Ines just adopted a hamster named Crumpet.", "hamster", "other"),
    ("Our hamster escaped behind the fridge again.", "hamster", "user"),
    ("Is it normal that my hamster Fig sleeps all afternoon?", "hamster", "user"),
    ("Marmalade chewed the charger cable again, typical hamster.", "hamster", None),
    ("We bought a hamster cage at the market.", "hamster", None),   # the user buys: no one else holds it
    ("My cousin's van broke down on the ring road.", "hamster", None),  # the thing is not in the line
    ("Jess walked her spaniel with my spaniel Rolo this morning.", "spaniel", "user"),  # rev18: both: mine told
])
def test_whose_thing_by_the_parse(text: str, thing: str, holder: str | None) -> None:
    assert thing_holder(text, _forms(thing)) == holder


@pytest.mark.parametrize(("text", "thing", "names"), [
    ("Marmalade chewed the charger cable again, typical hamster.", "hamster", []),  # a sentence-opening capital
    ("Oh, and Marmalade chewed the charger cable again, typical hamster.", "hamster", ["Marmalade"]),
    ("Is it normal that my hamster Fig sleeps all afternoon?", "hamster", ["Fig"]),
    ("Honestly the gecko is sulking: Pebble hasn't eaten since Sunday.", "gecko", ["Pebble"]),
    ("Our van is called Betsy.", "van", ["Betsy"]),
    ("My cousin's hamster is called Biscuit.", "hamster", []),       # someone else's hamster
    ("Ines just adopted a hamster named Crumpet.", "hamster", []),
    ("I walked the dog round Clapham Common with Tomasz.", "dog", []),  # a place and a companion, no name
    ("What should I feed a hamster in winter?", "hamster", []),
    ("Jess walked her spaniel with my spaniel Rolo this morning.", "spaniel", ["Rolo"]),
])
def test_the_name_a_line_gives_the_users_thing(text: str, thing: str, names: list[str]) -> None:
    assert thing_names(text, _forms(thing), frozenset()) == names


@pytest.mark.parametrize(("text", "relation", "name"), [
    ("Brunch at Ottilie's on Sunday, my godmother insists on making waffles.", "godmother", "Ottilie"),
    ("Honestly, driving Bartosz to the station at dawn, my stepdad hates early trains.", "stepdad", "Bartosz"),
    ("Lunch with Ottilie and Bartosz, my godmother paid.", "godmother", None),      # two people: whose?
    ("Landed in Gdansk at noon, my stepdad was waiting.", "stepdad", None),          # a place, no person
    ("My godmother is Ottilie.", "godmother", None),                                 # no afterthought
    ("Brunch at Ottilie's on Sunday, my neighbour's godmother came.", "godmother", None),  # not mine
])
def test_a_name_before_an_afterthought_about_my_relation(text: str, relation: str, name: str | None) -> None:
    assert afterthought_name(text, relation) == name


def test_a_run_on_is_cut_before_a_capitalised_opener() -> None:
    text = "Landlord finally fixed the boiler Anyway, can you help me plan a menu?"
    assert split_sentences(text) == ["Landlord finally fixed the boiler", "Anyway, can you help me plan a menu?"]
    # an opener that also joins ("and", "so"), or one without its comma, is no cut; nor is a stop's own split
    assert split_sentences("We saw Still Life and So Long at the festival.") == [
        "We saw Still Life and So Long at the festival."]
    assert split_sentences("We watched Anyway Man twice.") == ["We watched Anyway Man twice."]


def test_my_things_name_answers_over_someone_elses(answers_over) -> None:  # type: ignore[no-untyped-def]
    (answer,) = answers_over("tn", [
        (datetime(2024, 3, 2, 10), "Could you suggest a bread recipe? Oh, and Marmalade chewed the charger "
                                   "cable again, typical hamster."),
        (datetime(2024, 4, 9, 10), "Any ideas for a quiz night theme? By the way, my cousin's hamster is "
                                   "called Biscuit."),
        (datetime(2024, 5, 1, 10), "How do I descale a kettle? Ines just adopted a hamster named Crumpet."),
    ], "t", "Happy to help.", datetime(2024, 6, 1), "What's my hamster called again?")
    assert answer.text.startswith("Marmalade"), answer.text


def test_a_change_line_in_a_facts_own_turn_gives_the_new_value(answers_over) -> None:  # type: ignore[no-untyped-def]
    (answer,) = answers_over("pay", [
        (datetime(2024, 1, 10, 9), "I earn $48,000 a year at the depot."),
        (datetime(2024, 6, 3, 9), "Good news, the contract renewal lists $53,500 a year, up from $48,000, "
                                  "celebrating tonight Okay, can you suggest a toast?"),
    ], "p", "Sure.", datetime(2024, 7, 1), "What's my annual salary these days?")
    assert "53,500" in answer.text, answer.text
