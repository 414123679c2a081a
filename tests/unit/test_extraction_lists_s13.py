"""Session 13 (x17, issue #13): values the meaning stage proposed but filled wrongly or not at all.

- the other items of a list (kgmem/extraction/zero/conjuncts.py): "a kettle and a toaster";
- a title read whole (titles.py): "Knives Out", not "Knives";
- a pronoun object's referent earlier in the sentence (referents.py): "films like Aftersun, I watched it";
- a relative clause of the user's read as its own clause (clauses.user_relative): "the espresso machine I
  treated myself to".

Sentences are invented for this file (modelled on the classes of sentences_variety_x17.jsonl, not copied
from any set). Each positive case failed on main 9a034a4; the near misses guard what the change must not do.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

#: the shared fixture (tests/unit/conftest.py): a user line's (predicate, casefolded value) facts
UserFacts = Callable[[str], set[tuple[str, str]]]


@pytest.mark.parametrize(("text", "expected"), [
    ("I grabbed a kettle and a toaster at Argos.", {("bought", "kettle"), ("bought", "toaster")}),
    ("We did Seville and then Granada on the same trip.", {("visited", "seville"), ("visited", "granada")}),
    ("I watched Aftersun and then Tár back to back.", {("watched", "aftersun"), ("watched", "tár")}),
])
def test_every_item_of_a_list(user_facts: UserFacts, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= user_facts(text)


@pytest.mark.parametrize(("text", "absent"), [
    ("I hate cycling but love rowing", ("dislikes", "love")),  # a contrast is no list
    ("I rewatched Pride and Prejudice again.", ("watched", "prejudice")),  # "and" inside a title
])
def test_no_list_where_there_is_none(user_facts: UserFacts, text: str, absent: tuple[str, str]) -> None:
    assert absent not in user_facts(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Sat down and streamed Knives Out finally.", ("watched", "knives out")),
    ("I finally watched Top Gun: Maverick on the plane.", ("watched", "top gun: maverick")),
])
def test_a_title_is_read_whole(user_facts: UserFacts, text: str, expected: tuple[str, str]) -> None:
    assert expected in user_facts(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Give me a list of films like Aftersun, I watched it on Sunday.", ("watched", "aftersun")),
    ("Write a caption for my photos of Lucca, we spent three days there.", ("visited", "lucca")),
])
def test_a_pronoun_object_takes_the_earlier_value(user_facts: UserFacts, text: str,
                                                  expected: tuple[str, str]) -> None:
    assert expected in user_facts(text)


def test_a_pronoun_object_is_never_the_prepositions_object(user_facts: UserFacts) -> None:
    assert ("bought", "kitchen") not in user_facts("Finally caved and got one for the kitchen.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Help me set up the rowing machine I treated myself to.", ("bought", "rowing machine")),
    ("Set a reminder to register the warranty on the Miele hoover I bought.", ("bought", "miele hoover")),
])
def test_a_relative_clause_of_the_users(user_facts: UserFacts, text: str, expected: tuple[str, str]) -> None:
    assert expected in user_facts(text)


@pytest.mark.parametrize("text", [
    "What should I do with the sofa I want to buy?",  # wanted only
    "The concert we skipped was sold out anyway.",  # not attended
])
def test_a_relative_clause_that_tells_no_deed(user_facts: UserFacts, text: str) -> None:
    assert not {p for p, _ in user_facts(text)} & {"bought", "attended", "visited"}
