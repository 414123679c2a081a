"""ev20's temporal classes, probed with sentences of their own (not event_tales'): ages carried from a
birthday to an event, a span of doing without a thing, a move to another day, whose clause a doing
is, a question's own ordering word, "wait to B after A", an initialism inside a sentence."""

from __future__ import annotations

import pytest
from conftest import AnswersOver
from event_sets_fixture import diary_answers

from kgmem.answer.actuality import actuality, clauses
from kgmem.answer.event_absence import absent_thing
from kgmem.answer.event_age import asked
from kgmem.answer.event_calloff import calls_off
from kgmem.answer.evidence import split_sentences
from kgmem.answer.match import core_terms
from kgmem.models import Intent
from kgmem.retrieval.event_phrases import events


def test_age_questions_are_read() -> None:
    assert asked("How old was Priya when she passed her driving test?") == ("Priya", "she passed her driving test")
    assert asked("what age was I when I moved to Cardiff") == ("I", "I moved to Cardiff")
    assert asked("How old is Priya?") is None
    assert asked("How many days ago did Priya pass her test?") is None


def test_without_names_the_thing() -> None:
    assert absent_thing("without my laptop") == "laptop"
    assert absent_thing("with no car") == "car"
    assert absent_thing("in Lisbon") is None


@pytest.mark.parametrize(("text", "activity", "off"), [
    ("The quiz night got moved to Thursday because of the football.", "quiz night", True),
    ("I shifted my eye test to the 14th.", "eye test", True),
    ("We moved to Bristol on the 3rd.", "move to Bristol", False),   # a move of home: the goal is a place
    ("Moved the piano to the back room.", "piano", False),
    ("We moved house on Friday.", "house move", False),
])
def test_a_move_to_another_day_puts_the_event_off(text: str, activity: str, off: bool) -> None:
    assert calls_off(text, core_terms(activity)) is off


def test_meant_to_but_is_no() -> None:
    assert actuality("We were supposed to see the plumber on Monday but he never showed up.") == "negated"
    assert actuality("I was meant to fly on the 3rd but the airline bumped me to the 5th.") == "negated"
    assert actuality("I'm supposed to stretch every morning.") != "negated"


def test_someone_elses_own_doing_is_cut_from_the_users_clause() -> None:
    # a person with a life of their own, the user taking no part: cut, and the first clause is theirs
    cut = clauses("My cousin Aoife had her appendix out on Friday, I've been visiting every evening.")
    assert len(cut) == 2 and actuality(cut[0]) == "other" and actuality(cut[1]) == "actual"
    cut = clauses("Tomasz ran the Leeds 10k on Sunday, I held his jacket at the finish.")
    assert len(cut) == 2 and actuality(cut[0]) == "other"
    # a role doing a thing for the user, or the user taking part: one sentence, the user's
    assert clauses("The optician fitted my new lenses on Tuesday, I can finally read road signs.") == [
        "The optician fitted my new lenses on Tuesday, I can finally read road signs."]
    assert len(clauses("My dad drove me to the station on Monday and I caught the early train.")) == 1


def test_wait_to_b_after_a() -> None:
    q = "How many days did I wait to get my results after sitting the exam?"
    assert events(q, Intent.DURATION) == ["sitting the exam", "get my results"]
    q = "how long did we wait for the keys after the mortgage offer came through?"
    assert events(q, Intent.DURATION) == ["the mortgage offer came through", "the keys"]


def test_an_initialism_inside_a_sentence_is_no_end() -> None:
    assert split_sentences("We saw R.E.M. tribute band play. It was loud.") == ["We saw R.E.M. tribute band play.", "It was loud."]
    assert split_sentences("Flew home from Washington D.C. last night. Jet lag is real.") == [
        "Flew home from Washington D.C. last night.", "Jet lag is real."]
    assert split_sentences("I love Washington D.C. It is green.") == ["I love Washington D.C.", "It is green."]


def test_end_to_end(answers_over: AnswersOver) -> None:
    said = [
        ("2028-01-12", "Noor turned seven on Monday, we did a baking party with her friends."),
        ("2028-01-20", "My laptop died on Tuesday, so I'm writing everything on my phone until it's repaired."),
        ("2028-01-31", "Laptop's back from the repair shop today, what a relief."),
        ("2028-02-09", "Noor swam her first full length of the pool on Sunday, no armbands!"),
        ("2028-02-14", "The pottery open day got moved to the 26th, annoyingly."),
        ("2028-02-27", "Went to the pottery open day yesterday, made a wonky mug."),
    ]
    age, without, moved, recent = diary_answers(
        answers_over, "ev20", said, "2028-03-01",
        "How old was Noor when she swam her first full length?",
        "How many days was I without my laptop?",
        "How many days ago did I go to the pottery open day?",
        "Which was more recent, getting my laptop back or Noor's first full length?")
    assert "7 years old" in age.text, age.text            # turned 7 on Mon 10 Jan, swam on Sun 6 Feb
    assert "13 days" in without.text, without.text       # died Tue 18 Jan, back 31 Jan
    assert "4 days ago" in moved.text, moved.text         # the 26th (2028 is a leap year), not the 14th's line
    assert recent.text.lower().startswith("noor"), recent.text  # the question's "more recent", not an option's "first"
