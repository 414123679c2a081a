"""tr27's event classes, probed with sentences of their own (not event_asks'): a duration asked "since X when Y" and
"how long before Y did I X", the last / most recent / first of several of one doing, a date asked "of" its event and in
a month, a thing asked by its time is no duration, an order asked by putting things in it, a thing still to arrange is
no deed, a question of the turn names no instance, a list of things asked for a time keeps that time's things only,
and a thing named in the user's own question with its doing told right after."""

from __future__ import annotations

from conftest import AnswersOver
from event_sets_fixture import diary_answers

from kgmem.answer.actuality import actuality
from kgmem.answer.event_spec import parse_spec
from kgmem.models import Intent
from kgmem.retrieval import event_phrases as ep
from kgmem.retrieval.question import regex_intent


def test_since_x_when_y_and_before_are_two_events_in_their_order() -> None:
    q = "How many weeks had passed since I adopted Biscuit when she had her first vet visit?"
    assert ep.span_activity(q) is None
    assert ep.events(q, Intent.DURATION) == ["adopted Biscuit", "she had her first vet visit"]
    q = "How many days before the exam did I finish my revision notes?"
    assert ep.span_activity(q) is None
    assert ep.events(q, Intent.DURATION) == ["finish my revision notes", "the exam"]
    # a doing that went on until something came is still the climbing's start, then the thing
    assert ep.events("How many weeks was I climbing before I hurt my finger?", Intent.DURATION) == [
        "start climbing", "hurt my finger"]


def test_the_last_or_most_recent_of_several_is_an_ordinal() -> None:
    spec = parse_spec("the last time I went to the optician")
    assert (spec.activity, spec.role, spec.ordinal) == ("went to the optician", None, "last")
    spec = parse_spec("my most recent haircut")
    assert (spec.activity, spec.ordinal) == ("haircut", "last")
    assert parse_spec("my earliest swim of the year").ordinal == "first"


def test_a_thing_asked_by_its_time_is_no_duration() -> None:
    assert regex_intent("Which restaurant did I eat at three days ago?") != Intent.DURATION
    assert regex_intent("Who did I go climbing with a couple of weeks ago?") != Intent.DURATION
    assert regex_intent("How many days ago did I eat at the new restaurant?") == Intent.DURATION
    assert regex_intent("What was the gap in days between the move and the wedding?") == Intent.DURATION


def test_an_order_asked_by_putting_things_in_it() -> None:
    assert regex_intent("Sort these from first to last: the wedding, the move, the new job.") == Intent.ORDERING
    assert regex_intent("Can you put the move, the wedding and the new job in order?") == Intent.ORDERING
    assert regex_intent("What did I see more recently, the Hockney show or the Rothko one?") == Intent.ORDERING


def test_a_thing_still_to_arrange_is_no_deed() -> None:
    assert actuality("I really need to book an eye test, my glasses are ancient.") == "plan"
    assert actuality("I've got to schedule the boiler service before winter.") == "plan"
    assert actuality("I had to book a taxi home from the station last night.") == "actual"


def test_the_last_and_the_first_of_several(answers_over: AnswersOver) -> None:
    said = [("2031-01-08", "Optician this morning, just the usual eye test."),
            ("2031-02-12", "Back at the optician yesterday, new prescription already."),
            ("2031-02-25", "Quiz night at the Bell on Friday, we came third."),
            ("2031-03-11", "Went to a quiz night at the Crown on Friday, we came last."),
            ("2031-03-20", "Another quiz night on Saturday at the Swan, we won a meat raffle.")]
    last, recent, first = diary_answers(
        answers_over, "tr27", said, "2031-04-01", "When was the last time I went to the optician?",
        "What was the date of my most recent optician visit?", "What was the date of the first quiz night I went to in March?")
    assert "February 11" in last.text, last.text
    assert "February 11" in recent.text, recent.text
    assert "March 7" in first.text, first.text  # not February 21, not March 15


def test_since_when_and_before_answered(answers_over: AnswersOver) -> None:
    said = [("2031-05-05", "We adopted Biscuit from the rescue on Saturday, she's hiding under the bed."),
            ("2031-05-28", "Biscuit had her first vet visit this morning and bit the vet, sorry vet."),
            ("2031-06-10", "Finished my revision notes yesterday, every topic colour coded."),
            ("2031-06-20", "Sat the statistics exam on Wednesday, I think it went fine.")]
    since, before = diary_answers(
        answers_over, "tr27b", said, "2031-07-01",
        "How many days had passed since I adopted Biscuit when she had her first vet visit?",
        "How many days before the statistics exam did I finish my revision notes?")
    assert since.text.startswith("25 days"), since.text  # May 3 to May 28
    assert before.text.startswith("9 days"), before.text  # June 9 to June 18


def test_a_list_asked_for_a_time_keeps_that_times_things(answers_over: AnswersOver) -> None:
    said = [("2031-09-01", "Bought a pair of hiking boots at the outlet today."),
            ("2031-09-15", "Thinking of buying a new tent this weekend, something for two people.")]
    (ans,) = diary_answers(answers_over, "tr27c", said, "2031-09-23", "What did I buy last weekend?")
    assert "boots" not in ans.text.lower(), ans.text


def test_a_thing_named_in_a_question_its_doing_told_next(answers_over: AnswersOver) -> None:
    said = [("2031-10-09", "Is £90 a silly price for a rain jacket? Too late now, I paid Decathlon on Monday."),
            ("2031-10-20", "What's the best way to reproof a jacket?")]
    (ans,) = diary_answers(answers_over, "tr27d", said, "2031-10-27", "How many days ago did I buy the rain jacket?")
    assert ans.text.startswith("21 days"), ans.text  # October 6
