"""Count answers that place a line by its meaning (kgmem.answer.instances), not by the counted word."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.count_question import counted_heads
from kgmem.answer.instances import counted_phrase, stated_quantity
from kgmem.answer.match import norm
from kgmem.api import Memory
from kgmem.retrieval.planner import plan_query

QD = datetime(2024, 6, 30)


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        # none of the user's own lines says "hike"; the walk of 9 March is told again on 12 March
        (datetime(2024, 3, 9), "Walked up Helvellyn today, eight miles of steep climbing."),
        (datetime(2024, 3, 12), "My calves still ache from the fell walk on Saturday."),
        (datetime(2024, 4, 14), "Did the Snowdon trail with Sam yesterday, brutal ascent but worth it."),
        (datetime(2024, 4, 20), "My sister hiked Ben Nevis last week."),
        (datetime(2024, 5, 2), "I want to do a trek in the Dolomites next month."),
        (datetime(2024, 5, 10), "Made a lasagne for the neighbours."),
    ]
    return chat_memory("hana", said, "h", None)


@pytest.fixture(scope="module")
def walker(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        # three shelter walks, two of them with the same dog (named in lower case)
        (datetime(2024, 2, 4), "walked a greyhound called pip for the shelter this morning."),
        (datetime(2024, 2, 25), "took pip out again for the shelter, what a sweetheart."),
        (datetime(2024, 3, 17), "walked a huge deerhound for the shelter today."),
        (datetime(2024, 4, 2), "Made a lasagne for the neighbours."),
    ]
    return chat_memory("dora", said, "d", None)


@pytest.fixture(scope="module")
def baker(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        # loaves sold: a line tells how many; a friend's sale is not the user's
        (datetime(2024, 4, 6), "Sold twelve loaves at the Saturday market, sold out by eleven."),
        (datetime(2024, 5, 18), "Sold another 8 loaves of sourdough at the church fete."),
        (datetime(2024, 5, 25), "My neighbour Tom sold 20 loaves at the same fete, show-off."),
        (datetime(2024, 6, 1), "The car boot sale was rained off, so I sold nothing at all."),
        (datetime(2024, 6, 8), "Made a lasagne for the neighbours."),
    ]
    return chat_memory("lena", said, "l", None)


def test_lines_that_tell_the_counted_thing_without_its_word_count(mem) -> None:  # noqa: ANN001
    a = mem.answer("hana", "How many hikes have I done this year?", question_date=QD)
    # Helvellyn (told twice: the same day) and Snowdon; not the sister's, not the planned trek
    assert a.text.startswith("2 ") and "Helvellyn" in a.text and "Snowdon" in a.text, (a.text, a.extra["decision"])


def test_different_things_told_without_names_are_counted_with_their_basis(walker) -> None:  # noqa: ANN001
    a = walker.answer("dora", "How many different dogs have I walked for the shelter?", question_date=QD)
    # "pip" twice is one dog: two, and the answer says it counted each line as a different dog
    assert a.text.startswith("2 (") and "counting each of these as a different one" in a.text, (a.text, a.extra["decision"])


@pytest.mark.parametrize(("q", "phrase"), [
    ("At how many conferences have I presented a paper this year?", "I have presented a paper at conferences"),
    ("how many of my submissions got accepted", "my submissions got accepted"),
    ("How many different kinds of bird have we seen since March?", "We have seen bird"),
    ("how many plays have i seen, musicals included?", "I have seen plays"),  # a comma clause: how to count
    ("what's my tally of galleries I've been to, going by our chats?", "I have been to galleries"),  # a count noun's "of"
    ("Count them up: how many lakes have I swum in so far?", "I have swum in lakes"),  # "so far" after the verb
])
def test_the_counted_phrase_is_the_doing_without_when_and_how_to_count(q: str, phrase: str) -> None:
    assert counted_phrase(plan_query(q, QD)) == phrase


def test_a_line_telling_several_counts_as_many(baker) -> None:  # noqa: ANN001
    a = baker.answer("lena", "How many loaves of bread have I sold this year?", question_date=QD)
    assert a.text.startswith("20 ("), (a.text, a.extra["decision"])  # 12 + 8, not Tom's 20, none on 1 June


@pytest.mark.parametrize(("q", "line", "n"), [
    ("how many driving lessons have I had", "I have had three driving lessons since March.", 3),
    ("how many driving lessons have I had", "Drove for 2 hours in my lesson today.", 1),  # 2 hours, not lessons
    ("How many jars of chutney have I sold?", "sold 14 jars at the stall", 14),
    ("How many jars of chutney have I sold?", "it rained all day and I sold nothing", 0),
    # the number's own noun group only: years, not the lake (cw15)
    ("How many novels about the lake have I finished?", "I came home after twenty years on lakes.", 1),
])
def test_the_quantity_a_line_states_is_the_number_before_the_counted_noun(q: str, line: str, n: int) -> None:
    assert stated_quantity(line, counted_heads(q)) == n


@pytest.mark.parametrize(("q", "head"), [
    ("How many jars of chutney have I sold?", "jar"),
    ("how many of my essays got marked", "essay"),
    ("how many different kinds of bird have i seen", "bird"),
    # a phrase after the head modifies it (cw15): the novels are counted, not the lake
    ("How many novels about the lake have I finished this year?", "novel"),
    ("How many plays at the Lyceum have I seen?", "play"),
])
def test_the_counted_noun_is_the_word_before_of(q: str, head: str) -> None:
    assert counted_heads(q) == {norm(head)} or norm(head) in counted_heads(q)
