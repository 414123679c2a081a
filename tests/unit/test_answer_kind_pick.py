"""A thing asked by its kind, told in passing by an instance of the kind (kgmem.answer.kind_pick, an27 session 27):
"which instrument …" answered by the user's own ukulele, never another person's, a wish or a thing given up.

Sentences written by hand for these tests (not the generator's, not a set's)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.kind_pick import asked_kinds
from kgmem.evaluation.judge import declines
from kgmem.retrieval.planner import plan_query


@pytest.mark.parametrize(("question", "kind"), [
    ("Which instrument do I mess about on in the evenings?", "instrument"),
    ("what sport have I taken up?", "sport"),
    ("What kind of bird keeps nesting in my gutter?", "bird"),
    ("Which type of cheese do I always end up buying?", "cheese"),
])
def test_the_kind_a_question_asks_by(question: str, kind: str) -> None:
    assert kind in asked_kinds(plan_query(question))


@pytest.mark.parametrize("question", [
    "Which city do I live in?",          # a place: the typed paths answer it
    "Which company do I work for?",      # an organisation
    "Who is my dentist?",                # a person
    "What's the name of my dog?",        # a name, not a kind of dog
    "Which thing did I buy first?",      # a head that names no kind
])
def test_no_kind_is_asked(question: str) -> None:
    assert asked_kinds(plan_query(question)) == ()


SAID = [
    (datetime(2027, 4, 2, 19), "Spent the whole evening on the ukulele working out that Beatles song, my flatmate "
     "has gone to bed in protest."),
    (datetime(2027, 4, 9, 8), "How do I keep the fruit flies out of the kitchen? They've taken over at home."),
    (datetime(2027, 4, 16, 20), "My cousin has started on the bagpipes, the whole street knows about it."),
]
OTHERS = [
    (datetime(2027, 4, 9, 8), "How do I keep the fruit flies out of the kitchen? They've taken over at home."),
    (datetime(2027, 4, 16, 20), "My cousin has started on the bagpipes, the whole street knows about it."),
    (datetime(2027, 4, 20, 21), "One day I'm going to learn the harp, when I have the time and the money."),
]
ASKED_ON = datetime(2027, 5, 1, 10)


def test_the_users_instrument_told_in_passing(answers_over) -> None:  # noqa: ANN001
    (ans,) = answers_over("kp-mine", SAID, "kpm", "Happy to help!", ASKED_ON,
                          "Which instrument have I been playing at home?")
    assert "ukulele" in ans.text.lower() and not declines(ans.text), ans.text


def test_another_persons_instrument_or_a_wish_is_none_of_the_users(answers_over) -> None:  # noqa: ANN001
    (ans,) = answers_over("kp-others", OTHERS, "kpo", "Happy to help!", ASKED_ON,
                          "Which instrument have I been playing at home?")
    # a decline, or at most the closest line quoted as such: never "bagpipes" or "harp" as the answer
    assert ans.extra["path"] in ("abstain", "fallback"), ans.text
