"""One thing asked by "which / what <noun>" is no count (kgmem.retrieval.which_asked, an28 session 28), and asked at a
time it is that time's thing (kgmem.answer.which_time).

Sentences written by hand for these tests (not the generator's, not the which_one_an28 set's)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.evaluation.judge import declines
from kgmem.models import Intent
from kgmem.retrieval.planner import plan_query
from kgmem.retrieval.which_asked import aggregate_shape, asks_past, which_one, which_things


@pytest.mark.parametrize("question", [
    "Which gallery did I wander round on Sunday?",
    "what class did i sign up for last week?",        # "class" ends in s and is one class
    "So, which bakery did we queue at yesterday?",
    "Remind me: what play did I see in January?",
])
def test_a_singular_noun_asks_for_one_thing(question: str) -> None:
    assert which_one(question) and not which_things(question)


@pytest.mark.parametrize("question", [
    "How many galleries have I been to?",               # counts
    "What's the total number of plays I've seen?",
    "Which galleries have I been to?",                  # the things: plural
    "Where did I go on Sunday?",                        # no "which / what <noun>"
])
def test_no_one_thing_asked(question: str) -> None:
    assert not which_one(question)


def test_a_plural_noun_asks_for_the_things_as_a_list() -> None:
    assert which_things("Which galleries have I been to?")
    assert aggregate_shape("Which galleries have I been to?", "count") == "list"
    # the shapes of before for everything else: a count slot or a counting word is a number
    assert aggregate_shape("How many galleries have I been to?", "count") == "number"
    assert aggregate_shape("what's my tally of plays?", "count") == "number"
    assert aggregate_shape("What have I bought for the flat?", None) == "list"
    assert aggregate_shape("What have I spent on the flat altogether?", "sum") == "number"


def test_the_regex_plural_rule_does_not_count_a_class() -> None:
    # "class" matched the plural rule of the regex fast path ("which <noun>s did I"): a count of one class
    plan = plan_query("What class did I try on the 21st of September?", datetime(2027, 9, 30))
    assert plan.intent != Intent.AGGREGATE and plan.answer_shape != "number"


SAID = [
    (datetime(2027, 10, 2, 18), "Whole afternoon at the Science Museum with my nephew, he wanted to live in the space bit."),
    (datetime(2027, 10, 23, 12), "Finally ticked off the Ashmolean today, the Egyptian rooms alone are worth the trip."),
    (datetime(2027, 10, 26, 9), "How long should I rest a steak before cutting it?"),
]
ASKED_ON = datetime(2027, 11, 6, 10)


def test_the_thing_of_the_asked_time(answers_over) -> None:  # noqa: ANN001
    (ans,) = answers_over("wo-time", SAID, "wot", "Happy to help!", ASKED_ON, "Which museum did I go to two weeks ago?")
    text = ans.text.lower()
    assert "ashmolean" in text and "science museum" not in text and not declines(ans.text), ans.text


def test_nothing_told_of_the_asked_time_is_no_other_times_thing(answers_over) -> None:  # noqa: ANN001
    (ans,) = answers_over("wo-none", SAID, "won", "Happy to help!", ASKED_ON, "Which museum did I go to yesterday?")
    text = ans.text.lower()
    assert ans.abstained or declines(ans.text), ans.text
    assert "science museum" not in text.split("closest thing")[0] and "ashmolean" not in text.split("closest thing")[0]


@pytest.mark.parametrize(("question", "past"), [
    ("Which gallery did I wander round on Sunday?", True),
    ("Which hotel was I staying at in May?", True),
    ("Which gym do I go to these days?", False),       # a state of now: told long ago, it still holds
    ("Which bank am I with this year?", False),
])
def test_only_a_past_doing_is_asked_at_its_time(question: str, past: bool) -> None:
    assert asks_past(question) is past
