"""Questions in the registers real users write (plain, casual with typos, polite, terse) over a
hand-written haystack whose sentences never use the question's words: each class of question is
answered from evidence (not abstained), and events nobody told stay unanswered (issue #14 items
1-4: abstention from evidence; events matched by meaning and by their head word)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.api import Memory

USER = "reg"
SESSIONS = [
    (datetime(2024, 3, 2, 10), "I finally passed my driving test this morning! My sister Noor drove me to the test "
                               "centre and we celebrated with pancakes."),
    (datetime(2024, 3, 10, 18), "Started my new job at Brightwave Analytics on Monday, still learning everyone's names. "
                                "Can you help me write a short intro message for the team chat?"),
    (datetime(2024, 4, 6, 9), "We brought home a little tabby kitten yesterday, we named her Miso. What should I feed a "
                              "10-week-old kitten?"),
    (datetime(2024, 4, 20, 16), "Ran my first half marathon today in 1:58! My legs are jelly. Any recovery tips?"),
    (datetime(2024, 5, 5, 12), "I've moved to Leeds, the flat is tiny but I love it. What are good neighbourhood pubs there?"),
    (datetime(2024, 5, 18, 15), "Picked up a secondhand cello for $640 from a shop called String Theory. How often should "
                                "I change the strings?"),
]
QUESTION_DATE = datetime(2024, 6, 10, 12)

#: accepted answer (regex) → phrasings in several registers
ANSWERED: list[tuple[str, tuple[str, ...]]] = [
    ("Brightwave", ("Who is my employer?", "where am i working rn", "Which company hired me?",
                    "Who do I work for at the moment?")),
    ("Leeds", ("Where do I live now?", "which city am I living in these days", "where's home at the moment?")),
    ("640", ("What did I pay for the cello?", "how much was my cello", "What did my new instrument set me back?")),
    ("cello", ("What instrument do I play?", "what do i play, music-wise", "Which instrument did I buy?")),
    ("Miso", ("What's my cat called?", "What did we name the kitten?", "name of my kitty?")),
    ("Noor", ("What's my sister's name?", "who drove me to my driving test?", "whats my sisters name")),
    ("String Theory", ("Where did I buy the cello?", "which shop sold me my cello", "Where'd I get the cello from?")),
    ("April 5|2024-04-05", ("When did I get my kitten?", "When did we adopt the cat?", "what was the date we got our kitten")),
    ("7 weeks|5[012] days", ("How long ago did I do the half marathon?", "how many weeks since my half marathon",
                             "How many days ago was my first half?")),
    (r"\b2 days|two days", ("How many days after passing my driving test did I start my new job?",
                            "how long between getting my licence and starting at Brightwave, in days?",
                            "How many days separated my driving test from my first day at the new job?")),
    ("driving test.*(?:before|first)|passed", ("Which came first, my driving test or the half marathon?",
                                     "did i pass my driving test before i got the kitten?",
                                     "Was my driving test earlier than the half marathon?")),
]
#: events and things nobody told: never a confident date or value
UNTOLD = ("When did I sell my car?", "When did I start learning the violin?", "When did I get my new phone?",
          "When did I take my theory exam?", "how long ago did i quit smoking", "When did we adopt a puppy?",
          "Where did I buy the violin?")


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory(USER, SESSIONS, "r", "Sure, happy to help with that.")


@pytest.mark.parametrize(("accept", "phrasings"), ANSWERED, ids=[a.split("|")[0][:20] for a, _ in ANSWERED])
def test_each_register_is_answered(mem: Memory, accept: str, phrasings: tuple[str, ...]) -> None:
    for q in phrasings:
        a = mem.answer(USER, q, question_date=QUESTION_DATE)
        assert not a.abstained and re.search(accept, a.text, re.I), (q, a.text, a.extra["decision"].get("abstain"))


@pytest.mark.parametrize("question", UNTOLD)
def test_untold_events_are_not_answered(mem: Memory, question: str) -> None:
    a = mem.answer(USER, question, question_date=QUESTION_DATE)
    assert a.abstained, (question, a.text)


#: a second user: amounts in several currencies and words, a change told by someone else ("Landlord
#: bumped the rent"), trips and purchases said without the question's words, one purchase declined
SPENDING = [
    (datetime(2024, 1, 8, 10), "My rent's £1,100 a month, which is steep for a one-bed. Any budgeting apps you like?"),
    (datetime(2024, 1, 20, 10), "Dropped $85 on a rain jacket at Halden Outdoor yesterday. How do I reproof it?"),
    (datetime(2024, 2, 3, 10), "Spent the weekend in Porto, so much port! What should I read about its history?"),
    (datetime(2024, 2, 17, 10), "I was eyeing a $900 camera but walked away. Is a phone camera good enough for travel?"),
    (datetime(2024, 3, 2, 10), "Back from three days in Ghent, the canals were lovely. Tips for sorting travel photos?"),
    (datetime(2024, 3, 16, 10), "My new headphones were $129, a bit of a splurge. How do I pair them with two devices?"),
    (datetime(2024, 4, 1, 10), "Landlord bumped the rent to £1,250 from this month. Ugh. How do I negotiate?"),
    (datetime(2024, 4, 13, 10), "Grabbed a used bike for 300 bucks off a neighbour. What should I check first?"),
    (datetime(2024, 4, 27, 10), "Flew to Oslo for work on Tuesday, freezing but fun. Any tips for jet lag?"),
]
SPENDING_ASKED: list[tuple[str, tuple[str, ...]]] = [
    ("514", ("How much have I spent on stuff lately?", "what's the total i paid for things i bought",
             "Could you add up my purchases?")),
    (r"\b3\b", ("How many trips have I taken?", "how many cities did i go to", "How many places have I travelled to this year?")),
    # the value in the currency the user wrote (the look-back stores the landlord's change as the rent's amount)
    ("£1,250", ("What's my rent these days?", "how much is rent now", "What do I pay my landlord each month?")),
    ("1,?100", ("What was my rent before the increase?", "what did i used to pay in rent", "How much was my rent originally?")),
    ("Halden", ("Where did I get the rain jacket?", "which shop was the jacket from", "Where'd I buy my jacket?")),
]


@pytest.fixture(scope="module")
def mem2(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory("reg2", SPENDING, "p", "Sure, here are a few ideas.")


@pytest.mark.parametrize(("accept", "phrasings"), SPENDING_ASKED, ids=[a[:12] for a, _ in SPENDING_ASKED])
def test_amounts_changes_and_counts_in_other_words(mem2: Memory, accept: str, phrasings: tuple[str, ...]) -> None:
    for q in phrasings:
        a = mem2.answer("reg2", q, question_date=datetime(2024, 5, 20, 12))
        assert not a.abstained and re.search(accept, a.text, re.I), (q, a.text)
    # the currency is the one the user wrote
    assert "$" not in mem2.answer("reg2", "What's my rent these days?", question_date=datetime(2024, 5, 20)).text
