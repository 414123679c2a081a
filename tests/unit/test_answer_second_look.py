"""A second look before abstaining (issue #14): when the structured path finds no confident
typed value, the best raw message hits (vector + keyword over the user's turns, dated) are read
again. Hand-written haystack of long, chatty turns whose one useful sentence is buried among
unrelated chatter (a turn's cosine to the question is diluted by the rest); questions in several
registers, and near-miss questions about things never told, which must stay unanswered."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.api import Memory
from kgmem.retrieval.search import raw_turn_hits

USER = "ramble"
SESSIONS = [
    (datetime(2024, 1, 8, 9), "Ugh, what a week. The boiler made that clanking noise again, the landlord says it's fine, "
     "my inbox is a disaster and I still haven't sorted my tax stuff. Anyway: my cousin Farid finally convinced me to "
     "sign up for the pottery course at the community arts centre on Thursdays. Could you help me draft an email?"),
    (datetime(2024, 2, 3, 19), "Random question first: is it normal for sourdough to smell like nail polish? Mine does. "
     "Also work has been wild, we had three releases this week. My manager, a guy called Oskar Lindahl, wants me to lead "
     "the next sprint planning, which is terrifying honestly. Any tips for running a planning meeting?"),
    (datetime(2024, 2, 17, 11), "I've been thinking about holidays a lot, the weather here is grim and the flat is "
     "freezing. We ended up booking ten days in Madeira for May, mostly for the hiking. What should I pack?"),
    (datetime(2024, 3, 1, 8), "Long day. The printer jammed twice, somebody microwaved fish in the office kitchen, and "
     "the wifi kept dropping during calls. On the bright side my landlady, Mrs Okafor, agreed to let me paint the "
     "bedroom a dark green. Which paint finish is best for a bedroom?"),
    (datetime(2024, 3, 12, 20), "Can you recommend a good podcast about history? I like long narrative ones."),
]
QUESTION_DATE = datetime(2024, 4, 10, 12)

#: accepted answer (regex) → phrasings in several registers; the structured path alone abstains on
#: these (the answer sentence is a small part of a long turn)
ANSWERED: list[tuple[str, tuple[str, ...]]] = [
    ("Oskar", ("Who wants me to run sprint planning?", "who asked me to lead the sprint planning",
               "Who asked me to lead the next planning meeting?")),
    ("Okafor", ("Who is my landlady?", "who's my landlady", "Who's the landlady again?")),
]
#: near misses and things never told: a second look must not turn them into answers
UNTOLD = ("Who is my dentist?", "What's my dog called?",
          "Which gym did I join?", "How much did I pay for the pottery course?", "What did I pay for the motorbike?",
          "What's my sister's name?")


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory(USER, SESSIONS, "m", "Sure, happy to help with that.")


@pytest.mark.parametrize(("accept", "phrasings"), ANSWERED, ids=[a for a, _ in ANSWERED])
def test_buried_answers_are_found_on_a_second_look(mem: Memory, accept: str, phrasings: tuple[str, ...]) -> None:
    for q in phrasings:
        a = mem.answer(USER, q, question_date=QUESTION_DATE)
        assert not a.abstained and re.search(accept, a.text), (q, a.text, a.extra.get("second_look"))
        assert a.turn_ids, q  # the answer cites the turn it came from


@pytest.mark.parametrize("question", UNTOLD)
def test_untold_things_stay_unanswered(mem: Memory, question: str) -> None:
    a = mem.answer(USER, question, question_date=QUESTION_DATE)
    declined = a.abstained or a.text.startswith(("I don't know", "I'm not sure"))
    assert declined, (question, a.text, a.extra.get("second_look"))


def test_raw_hits_are_the_users_own_turns_best_first(mem: Memory) -> None:
    result = mem.search(USER, "my manager wants me to lead sprint planning", question_date=QUESTION_DATE)
    hits = raw_turn_hits(result, k=3)
    assert 0 < len(hits) <= 3
    assert all(t.role == "user" for t in hits)
    assert hits[0].id == "m1:0"
