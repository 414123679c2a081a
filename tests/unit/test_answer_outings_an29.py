"""Counts of things told in passing (an29, session 29): an outing told by its noun where the user went or came away
from (kgmem.answer.outings), a repeat marked by its grammar, "too cold to swim", a bracketed aside that is no doer;
and three known defects: a sport watched is not played (kind_pick), "my ukulele" in a request is the user's, "Before
30 miles a week, how many miles …" asks the earlier value.

Sentences written by hand for these tests (not the generator's, not a set's, not a held-out family's)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.count_doers import not_the_asked
from kgmem.answer.instances import marks_repeat
from kgmem.answer.outings import OUTING_KINDS, outing_phrases
from kgmem.answer.whose import others_doing
from kgmem.evaluation.judge import declines
from kgmem.models import Intent
from kgmem.retrieval.question import regex_intent


@pytest.mark.parametrize(("text", "phrase"), [
    ("Sorry, my throat is raw after a karaoke contest last night.", "karaoke contest"),
    ("Still got the stamp on my hand from the charity gala, it won't wash off.", "charity gala"),
    ("Hobbled home at 2am from my cousin's engagement party.", "engagement party"),
    ("We sat for three hours at a planning meeting and nothing got decided.", "planning meeting"),
])
def test_an_outing_told_where_the_user_went_or_came_away_from(text: str, phrase: str) -> None:
    assert phrase in outing_phrases(text, OUTING_KINDS), outing_phrases(text, OUTING_KINDS)


@pytest.mark.parametrize("text", [
    "I need to write a speech for my sister's engagement party.",   # for: no going
    "Felt sleepy after dinner, as usual.",                          # a meal is no outing
    "By the way, the cat knocked my mug over.",                     # "by the way": no place gone to
    "Can you plan a surprise party with me?",                       # the object of planning
    "I sold my ticket to the charity gala.",                        # "to" on a ticket: no going
])
def test_no_outing_where_none_was_gone_to(text: str) -> None:
    assert outing_phrases(text, OUTING_KINDS) == ()


def test_an_outing_of_a_narrower_kind_must_be_of_that_kind() -> None:
    """For "how many weddings", a party after which the user was tired is no wedding."""
    assert outing_phrases("My feet are aching after the wedding reception.", ("wedding",))
    assert outing_phrases("My feet are aching after the office party.", ("wedding",)) == ()


@pytest.mark.parametrize(("text", "again"), [
    ("Sunday again I see Ajax in the stadium, this time we win!", True),
    ("Another quiz night, another wooden spoon.", True),
    ("My fourth pottery class, finally a bowl that holds water.", True),
    ("Still thinking about Ajax, what a match that was.", False),
])
def test_a_repeat_marked_by_its_grammar(text: str, again: bool) -> None:
    assert marks_repeat(text) is again


def test_a_doing_the_line_was_too_much_for_did_not_happen() -> None:
    assert not_the_asked("was too windy to sail today so we just had chips on the harbour", frozenset({"sail"}))
    assert not not_the_asked("Sailed round the bay, too tired to cook after", frozenset({"sail"}))


def test_a_bracketed_aside_is_no_doer() -> None:
    assert not others_doing("last week I ended up at a tasting evening (my neighbour had a spare invite)")
    assert others_doing("my neighbour went to the tasting evening (I was working)")


@pytest.mark.parametrize(("question", "history"), [
    ("Before 30 miles a week, how many miles was I running?", True),
    ("Before £1,450, what was my rent?", True),
    ("Before 2020, how many countries had I been to?", False),   # a year is a time, not the newer value
    ("How many miles was I running before the injury?", False),
])
def test_a_question_opened_by_the_newer_value_asks_the_earlier_one(question: str, history: bool) -> None:
    assert (regex_intent(question) == Intent.HISTORY) is history


ASKED_ON = datetime(2027, 6, 1, 10)


def test_events_told_by_their_aftermath_are_counted(answers_over) -> None:  # noqa: ANN001
    said = [
        (datetime(2027, 3, 2, 19), "How do I soothe a sore throat? Mine is raw after a karaoke contest on Saturday."),
        (datetime(2027, 3, 20, 9), "The stamp from the charity gala is still on my hand, what removes ink from skin?"),
        (datetime(2027, 4, 11, 18), "My brother is off to a stag party in Riga next month."),
        (datetime(2027, 5, 2, 12), "What's a good recipe for leftover rice?"),
    ]
    (ans,) = answers_over("ou-events", said, "oue", "Happy to help!", ASKED_ON, "How many events have I been to?")
    assert ans.text.startswith("2"), ans.text


def test_a_sport_only_watched_is_not_the_sport_played(answers_over) -> None:  # noqa: ANN001
    said = [(datetime(2027, 3, 1, 18), "Cheered myself hoarse at the hockey on Saturday, great atmosphere."),
            (datetime(2027, 3, 20, 18), "Any tips for a cheap weekend in Bath?")]
    (ans,) = answers_over("ou-watched", said, "ouw", "Happy to help!", ASKED_ON, "What sport do I play?")
    assert "hockey" not in ans.text.lower() or declines(ans.text), ans.text


def test_my_instrument_held_in_a_request_is_mine(answers_over) -> None:  # noqa: ANN001
    said = [(datetime(2027, 3, 1, 18), "Could you tell me how to restring my mandolin? The E string snapped."),
            (datetime(2027, 3, 20, 18), "What's a quick lunch with eggs?")]
    (ans,) = answers_over("ou-held", said, "ouh", "Happy to help!", ASKED_ON, "Which instrument do I play?")
    assert "mandolin" in ans.text.lower() and not declines(ans.text), ans.text


def test_an_outing_counts_only_where_going_is_asked(answers_over) -> None:  # noqa: ANN001
    """"How many races have I run?" asks a doing: a marathon the user only cheered at is none."""
    said = [(datetime(2027, 4, 3, 18), "Lost my voice after the Boston marathon, cheering my cousin the whole way."),
            (datetime(2027, 4, 20, 18), "Any tips for a cheap weekend in Bath?")]
    (ans,) = answers_over("ou-raced", said, "our", "Happy to help!", ASKED_ON, "How many races have I run?")
    assert not ans.text.startswith("1"), ans.text
