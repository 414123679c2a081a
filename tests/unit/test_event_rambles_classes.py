"""tr26's event classes, probed with sentences of their own (not event_rambles'): being booked in is a plan, a no that
tells something ongoing ("hasn't stopped since") is no no, a thing "not till" a later day is to come, a word the line spells apart or misspells, someone else's
thing named with "my" ("My husband's cast"), a participle clause dated by the verb it hangs from, and an age at an event
told before the birthday."""

from __future__ import annotations

from datetime import datetime

from conftest import AnswersOver
from event_sets_fixture import diary_answers

from kgmem.answer.actuality import actuality
from kgmem.answer.event_names import line_spellings, names_subject
from kgmem.answer.event_time import scheduled_text
from kgmem.answer.match import terms
from kgmem.nlp import known_words


def test_being_booked_in_is_an_arrangement_to_come() -> None:
    assert actuality("I'm booked in to get my ears pierced on the 12th, slightly terrified.") == "plan"
    assert actuality("We're all booked for the ferry on the 3rd.") == "plan"
    assert actuality("Got my ears pierced on the 12th, slightly terrified.") == "actual"
    # a thing not till a later day is still to come; a past "didn't … until" stays a no
    assert actuality("Choir practice is fine, the concert itself isn't until May though.") == "plan"
    assert actuality("I didn't get to bed until 2am.") == "negated"


def test_a_no_that_tells_something_ongoing() -> None:
    assert actuality("We drove back from Cornwall on Sunday and the dog hasn't stopped sleeping since") == "actual"
    assert actuality("Got back from Skye on Monday and my phone hasn't stopped since") == "actual"
    assert actuality("We didn't drive back from Cornwall on Sunday") == "negated"


def test_a_word_the_line_spells_apart_or_misspells() -> None:
    known = known_words()
    keep = terms("my time at the soupkitchen")
    assert line_spellings("my time at the soupkitchen", keep, known, "Did a shift at the soup kitchen on Monday")
    keep = terms("started volunteering")
    assert line_spellings("started volunteering", keep, known, "began volunteeering at the shelter")
    assert not line_spellings("started volunteering", keep, known, "began volunteer work at the shelter")
    assert not line_spellings("my time at the soupkitchen", terms("my time at the soupkitchen"), known, "soup for lunch")


def test_someone_elses_thing_named_with_my() -> None:
    core = terms("my stitches came out")
    assert not names_subject("My brother's stitches came out on Friday", [], core)
    assert names_subject("My brother's stitches came out on Friday", [], terms("my brother's stitches came out"))


def test_a_participle_clause_takes_the_tense_of_its_verb() -> None:
    monday = datetime(2029, 6, 4, 19)
    assert scheduled_text("Slipped on the stairs carrying the laundry on Saturday and now I'm on crutches", monday) is None
    assert scheduled_text("Flying out to Oslo on Saturday", monday) == (datetime(2029, 6, 9), "day")


def test_an_age_at_an_event_told_before_the_birthday(answers_over: AnswersOver) -> None:
    said = [("2029-08-06", "Did my first ever parachute jump on Saturday, the instructor was called Dev."),
            ("2029-09-12", "It was my 30th birthday on Sunday, we went bowling.")]
    (age,) = diary_answers(answers_over, "tr26", said, "2029-09-20", "How old was I when I did my first parachute jump?")
    assert age.text.startswith("29 years old"), age.text
