"""Session 27's readers tried in voices their authors did not write (rev28, session 28's review).

Sentences written by hand for this review (not the generator's, not a set's). Each test names the change it
guards: session 27's wiring that no test held, each seen to fail with its line reverted, and two invented sets
(a phone or car kept; an aftermath that lasts till now) whose refused cases fail on main 30969cc
(eval/results/review_s27_rev28.md).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from event_sets_fixture import diary_answers

from kgmem.extraction.zero import RuleExtractor
from kgmem.memory.user_news import _others_told, said_as_old
from kgmem.memory.user_things import things_changed
from kgmem.models import Fact, Session, Turn

if TYPE_CHECKING:
    from conftest import Supersessions

D1, D2 = datetime(2033, 2, 1, 9), datetime(2033, 3, 9, 18)


def _changed(pred: str, held: str, line: str) -> list[str]:
    """The new values user_things reads from one user line, the slot held since an earlier session."""
    fact = Fact(id="f", user_id="u", subject_id="user", predicate=pred, value=held, text=held, observed_at=D1,
                session_id="s-before")
    turns = [Turn(id="s:0", session_id="s", idx=0, role="user", text=line)]
    got, _ = things_changed(Session(id="s", user_id="u", started_at=D2, turns=turns), [], {pred: fact},
                            lambda raw: _others_told(raw, [], lambda name: False), said_as_old)
    return [c.value for c in got]


# an invented set (rev28), on main 30969cc before the fix 8/12 (the first four below each replaced the
# user's phone or car with the one the user refused)
@pytest.mark.parametrize(("pred", "held", "line", "want"), [
    ("phone", "iPhone 11", "I'd never sell my iPhone 11 for a Galaxy S24.", None),
    ("phone", "iPhone 11", "Not selling the iPhone 11, the Pixel 9 isn't worth it.", None),
    ("drives", "Ford Focus", "Didn't scrap the Focus in the end, the Skoda Fabia can wait.", None),
    ("phone", "Galaxy A52", "I refuse to swap the Galaxy A52 for an iPhone 15, sorry Apple.", None),
    ("drives", "Ford Focus", "We won't be trading the Focus in for a Tesla Model 3 any time soon.", None),
    ("drives", "Renault Clio", "No way am I getting rid of the Clio for a Fiat 500.", None),
    # a negation elsewhere in the turn, or right before the name, keeps the change
    ("phone", "iPhone 11", "Sold the iPhone 11 yesterday, never liked it, and got a Pixel 9.", "Pixel 9"),
    ("drives", "Ford Focus", "It wasn't easy, but we sold the Focus and a Kia Niro is on the drive now.", "Kia Niro"),
    ("phone", "Galaxy A52", "Can't believe I finally traded the Galaxy A52 in for a Pixel 8a.", "Pixel 8a"),
    ("drives", "Renault Clio", "Said goodbye to the Clio, not a dry eye in the house; a Dacia Sandero replaces it.",
     "Dacia Sandero"),
    ("drives", "Ford Focus", "Got a Kia Picanto now, not the Focus any more.", "Kia Picanto"),
    ("drives", "Ford Focus", "Didn't hesitate, sold the Focus and bought a Kia Picanto.", "Kia Picanto"),
])
def test_a_thing_kept_is_not_let_go(pred: str, held: str, line: str, want: str | None) -> None:
    assert _changed(pred, held, line) == ([want] if want else [])


def test_ingest_a_phone_moved_to_is_no_new_home(supersessions: Supersessions) -> None:
    # user_things.by_kind where named_changes calls it: the reader takes "moving … over to the Galaxy S24" as a move
    sups = supersessions("We live in Harrogate, near the park.",
                         "Spent the evening moving my contacts over to the new Galaxy S24.", D1, D2)
    assert not any(old == "Harrogate" for _, old in sups), sups


def test_ingest_a_phone_cut_to_its_maker_is_read_in_full(supersessions: Supersessions) -> None:
    sups = supersessions("My phone is a Galaxy A52 and the battery is dying.",
                         "Switched over to the Pixel 8 last night, setting it up now.", D1, D2)
    assert ("Pixel 8", "Galaxy A52") in sups, sups


ASKED = datetime(2027, 6, 10, 10)


def test_a_request_not_about_the_user_tells_no_previous_value(answers_over) -> None:  # noqa: ANN001
    # previous_value: a request counts only in the first person; "is £52,000 decent for a nurse?" asks of anyone
    said = [(datetime(2027, 2, 3, 9), "Is £52,000 a year a decent salary for a nurse in Leeds?"),
            (datetime(2027, 2, 10, 19), "What can I cook with leftover rice?"),
            (datetime(2027, 5, 2, 8), "Good news, the new contract came through: £47,500 a year from this month.")]
    (ans,) = answers_over("rv-req", said, "rvr", "Happy to help!", ASKED, "Before £47,500, what was my yearly pay?")
    assert "52,000" not in ans.text and not ans.text.startswith("£47,500"), ans.text


def test_an_instrument_given_up_is_not_the_one_played(answers_over) -> None:  # noqa: ANN001
    # kind_pick._mine: a thing told as stopped is none of the user's now
    said = [(datetime(2027, 4, 2, 19), "I stopped playing the cello after my exams last summer."),
            (datetime(2027, 4, 9, 8), "How long should I boil an egg for a runny yolk?")]
    (ans,) = answers_over("rv-stop", said, "rvs", "Happy to help!", ASKED, "Which instrument do I play these days?")
    # at most the line quoted as it was said ("You told me: …"), never "cello" given as the answer
    assert not ans.text.lower().startswith("cello"), ans.text


def test_a_question_in_the_turn_names_no_other_instance(answers_over) -> None:  # noqa: ANN001
    # event_modifiers.line_verdicts: "a charcoal suit?" asked beside the deed is no other suit than the linen one
    said = [("2031-05-02", "Collected my suit from the tailor this morning. Would a charcoal suit have been smarter?"),
            ("2031-05-20", "My brother's wedding was today, I cried through the speeches.")]
    (ans,) = diary_answers(answers_over, "rv28s", said, "2031-06-01",
                           "How many days before my brother's wedding did I collect my linen suit?")
    assert ans.text.startswith("18 days"), ans.text


# an invented set (rev28) for aftermath.py's plan check: on main 30969cc 8/15 (every perfect progressive was read as
# a plan, so none of the first seven was read); a plan, another's aftermath and a future stay refused
@pytest.mark.parametrize(("text", "want"), [
    ("I've been sleeping badly since Berlin.", ("visited", "Berlin")),
    ("We've been arguing since the funeral.", ("attended", "funeral")),
    ("Been sneezing since the bonfire party.", ("attended", "bonfire party")),
    ("I've been limping since the Berlin marathon.", ("attended", "Berlin marathon")),
    ("My knee has been clicking since the Great North Run.", ("attended", "Great North Run")),
    ("I have been humming the chorus nonstop since the Coldplay concert.", ("attended", "Coldplay concert")),
    ("My feet have been aching since the hen party.", ("attended", "hen party")),
    ("I'm flying home after the conference.", None),
    ("My sister has been limping since the marathon.", None),
    ("I've been dreading the wedding since the invite came.", None),
    ("I'll be exhausted after the marathon next week.", None),
    ("I've been looking forward to the festival since March.", None),
    ("They've been feuding since the funeral.", None),
    ("I'm going to be wrecked after the gala tomorrow.", None),
    ("We're driving back after the reunion on Sunday.", None),
])
def test_an_aftermath_that_lasts_till_now_is_no_plan(extractor: RuleExtractor, text: str,
                                                     want: tuple[str, str] | None) -> None:
    facts = extractor.extract([("user", text)], datetime(2033, 6, 20)).facts
    got = {(f.predicate, f.value) for f in facts if f.subject == "user" and f.predicate in ("attended", "visited")}
    assert got == ({want} if want else set())
