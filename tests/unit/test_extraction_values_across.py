"""A proposed predicate's value found outside its filler's parse roles (extraction/zero/values_across.py).

Invented sentences (none from the generator's templates or the fixture sets): a clause that points back
takes its value from its sentence or from the question just before it; a place GeoNames knows after a
preposition of place anywhere in the clause; what another person did lends nothing.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.clauses import Clause, clauses_of
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.values_across import (
    _a_thing,
    _calls_off,
    _points_back,
    kind_told,
    known_place,
    of_declared_kind,
)

DAY = datetime(2032, 3, 10)


def _facts(extractor: RuleExtractor, text: str) -> set[tuple[str, str, str]]:
    res = extractor.extract([("user", text)], DAY)
    return {(f.subject, f.predicate, f.value) for f in res.facts}


@pytest.mark.parametrize(("text", "fact"), [
    ("Is £90 a lot for a waffle maker? Got one on Tuesday anyway.", ("user", "bought", "waffle maker")),
    ("Have you heard of the film Aftersun? I saw it last week and cried.", ("user", "watched", "Aftersun")),
])
def test_a_clause_pointing_back_takes_the_value_of_the_question_before(extractor: RuleExtractor, text: str,
                                                                       fact: tuple[str, str, str]) -> None:
    assert fact in _facts(extractor, text)


@pytest.mark.parametrize("text", [
    "Is the Lumix G9 any good? My sister got one last month.",  # someone else's purchase
    "Is £90 a lot for a waffle maker? I might get one on Tuesday.",  # a plan
])
def test_no_value_is_carried_to_what_is_not_the_users_deed(extractor: RuleExtractor, text: str) -> None:
    assert not any(s == "user" and p == "bought" for s, p, _ in _facts(extractor, text))


def _clause(text: str, word: str) -> Clause:
    cs = clauses_of(load_nlp()(text))
    return next(c for c in cs if any(t.text == word for t in c.tokens))


def test_a_place_general_knowledge_knows_is_read_wherever_the_parse_hangs_it() -> None:
    # "in Peckham" hangs on "flatmates", not on the verb of living: the kind's filler misses it
    assert known_place("place", _clause("I share a flat with my cousins in Peckham.", "Peckham")) == [("Peckham", "place")]
    assert known_place("item", _clause("I share a flat with my cousins in Peckham.", "Peckham")) == []


@pytest.mark.parametrize(("text", "word"), [
    ("I sat next to Florence Welch at the dinner.", "Florence"),  # a person NER bounds with a surname
    ("i spent the whole afternoon reading in bath.", "bath"),  # common words, written lower case
    ("We had a lovely dinner at Jordan's on Friday.", "Jordan"),  # someone's home, not the country
])
def test_no_place_from_a_person_or_a_common_word(text: str, word: str) -> None:
    assert known_place("place", _clause(text, word)) == []


def test_a_carried_value_is_a_short_phrase_not_a_stretch_of_the_question() -> None:
    assert _a_thing("waffle maker")
    assert not _a_thing("How long should I steep oolong")
    assert not _a_thing("today lol")


@pytest.mark.parametrize(("text", "wrong"), [
    # a relative pronoun stands for the noun its clause hangs on ("the novel"), not the thing of another clause
    ("Quiet weekend: Aldi run (grabbed a Lego Technic set for my nephew), a nap, then the last chapters of the "
     "novel, which I had been reading since March.", ("user", "read_book", "Lego Technic")),
    # an indefinite pronoun points back to nothing: "nothing" is not the oolong asked about
    ("Any tips for brewing oolong? Honestly nothing tastes right since we moved.", ("user", "favourite_drink", "tips")),
])
def test_no_value_is_carried_to_a_relative_or_an_indefinite_pronoun(extractor: RuleExtractor, text: str,
                                                                    wrong: tuple[str, str, str]) -> None:
    assert wrong not in _facts(extractor, text)


@pytest.mark.parametrize(("text", "word", "pred", "points"), [
    ("then I finished the novel, which I had been reading since June", "which", "read_book", False),
    ("honestly everything cooks weird up here", "everything", "favourite_food", False),
    ("What should I watch next?", "What", "watched", False),  # a question's wh-word asks, it points nowhere
    ("Got one on Tuesday anyway.", "one", "watched", True),
    ("Loved every minute of it.", "Loved", "watched", True),
    ("I paid the man at the door.", "paid", "bought", True),  # a payment naming no thing
])
def test_what_points_back(text: str, word: str, pred: str, points: bool) -> None:
    assert _points_back(pred, _clause(text, word)) is points


@pytest.mark.parametrize(("text", "wrong"), [
    # the meaning stage proposes a taste for the pointing clause, which never saw the value: the value carried from
    # the other clause must be of the kind the predicate declares (resources/predicates/value_kinds.json)
    ("Our internet is with Zing and it drops every evening.", ("user", "favourite_drink", "internet")),
    ("How long does cold brew keep in the fridge? It's the only thing I drink in summer.",
     ("user", "favourite_drink", "fridge")),
])
def test_a_carried_value_of_another_kind_is_refused(extractor: RuleExtractor, text: str,
                                                   wrong: tuple[str, str, str]) -> None:
    assert wrong not in _facts(extractor, text)


@pytest.mark.parametrize(("text", "fact"), [
    ("How hot should the water be for sencha? It's my go-to drink at the office.", ("user", "favourite_drink", "sencha")),
    # WordNet files sourdough as a leaven only: the clause's own "the food" tells the kind
    ("What's the best way to store sourdough? It's the food I could never give up.",
     ("user", "favourite_food", "sourdough")),
    ("Is oat milk bad for you? I have it in everything, it's basically my drink of choice.",
     ("user", "favourite_drink", "oat milk")),
])
def test_a_carried_value_of_the_declared_kind_is_kept(extractor: RuleExtractor, text: str,
                                                     fact: tuple[str, str, str]) -> None:
    assert fact in _facts(extractor, text)


@pytest.mark.parametrize(("pred", "value", "ok"), [
    ("favourite_drink", "internet", False),
    ("favourite_drink", "laptop", False),
    ("favourite_food", "jollof rice", True),  # the longest ending WordNet knows decides: "rice"
    ("favourite_drink", "flat white", True),  # "white": white wine among its senses
    ("favourite_drink", "kombucha", True),  # unknown to WordNet: not refused
    ("has_pet", "axolotls", True),
    ("has_pet", "router", False),
    ("bought", "internet", True),  # no kind declared: anything can be bought
])
def test_of_declared_kind(pred: str, value: str, ok: bool) -> None:
    assert of_declared_kind(pred, value) is ok


@pytest.mark.parametrize(("text", "word", "told"), [
    ("It's the food I could never give up.", "food", True),
    ("it's basically my drink of choice", "drink", True),
    ("it drops every evening", "drops", False),
    ("It's the only thing I drink in summer.", "thing", False),  # "thing" names no kind
])
def test_the_pointing_clause_may_tell_the_kind(text: str, word: str, told: bool) -> None:
    assert kind_told("favourite_food", _clause(text, word)) is told


@pytest.mark.parametrize(("text", "word", "off"), [
    ("We were going to fly to Lisbon in March but we cancelled it.", "cancelled", True),
    ("We were meant to drive to Cornwall at half term but we called it off.", "called", True),
    ("We went there last autumn and loved it.", "loved", False),
])
def test_a_clause_calling_its_thing_off_takes_nothing(text: str, word: str, off: bool) -> None:
    # what a clause cancels did not happen: no deed is carried to it (the called-off lexicon)
    assert _calls_off(_clause(text, word)) is off
