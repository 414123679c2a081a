"""Count answers that place a line by its meaning (kgmem.answer.instances), not by the counted word."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.instances import counted_phrase
from kgmem.retrieval.planner import plan_query

QD = datetime(2024, 6, 30)


@pytest.fixture(scope="module")
def mem(chat_memory):  # noqa: ANN001, ANN201
    said = [
        # none of the user's own lines says "hike"; the walk of 9 March is told again on 12 March
        (datetime(2024, 3, 9), "Walked up Helvellyn today, eight miles of steep climbing."),
        (datetime(2024, 3, 12), "My calves still ache from the fell walk on Saturday."),
        (datetime(2024, 4, 14), "Did the Snowdon trail with Sam yesterday, brutal ascent but worth it."),
        (datetime(2024, 4, 20), "My sister hiked Ben Nevis last week."),
        (datetime(2024, 5, 2), "I want to do a trek in the Dolomites next month."),
        (datetime(2024, 5, 10), "Made a lasagne for the neighbours."),
        # three shelter walks, two of them with the same dog (named in lower case)
        (datetime(2024, 2, 4), "walked a greyhound called pip for the rescue shelter this morning."),
        (datetime(2024, 2, 25), "took pip out again for the shelter, she is getting braver."),
        (datetime(2024, 3, 17), "walked a huge deerhound for the rescue shelter today."),
    ]
    m = chat_memory("hana", said, "h", None)
    yield m
    m.close()


def test_lines_that_tell_the_counted_thing_without_its_word_count(mem) -> None:  # noqa: ANN001
    a = mem.answer("hana", "How many hikes have I done this year?", question_date=QD)
    # Helvellyn (told twice: the same day) and Snowdon; not the sister's, not the planned trek
    assert a.text.startswith("2 ") and "Helvellyn" in a.text and "Snowdon" in a.text, (a.text, a.extra["decision"])


def test_different_things_told_without_names_are_counted_with_their_basis(mem) -> None:  # noqa: ANN001
    a = mem.answer("hana", "How many different dogs have I walked for the shelter?", question_date=QD)
    # "pip" twice is one dog: two, and the answer says it counted each line as a different dog
    assert a.text.startswith("2 (") and "counting each of these as a different one" in a.text, (a.text, a.extra["decision"])


@pytest.mark.parametrize(("q", "phrase"), [
    ("At how many conferences have I presented a paper this year?", "I have presented a paper at conferences"),
    ("how many of my submissions got accepted", "my submissions got accepted"),
    ("How many different kinds of bird have we seen since March?", "We have seen bird"),
    ("how many plays have i seen, musicals included?", "I have seen plays"),  # a comma clause: how to count
])
def test_the_counted_phrase_is_the_doing_without_when_and_how_to_count(q: str, phrase: str) -> None:
    assert counted_phrase(plan_query(q, QD)) == phrase
