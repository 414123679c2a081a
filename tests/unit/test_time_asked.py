"""tr29's class, probed with sentences of its own (not event_kinds_tr29's): what a temporal question asks, read from
its parse (kgmem/retrieval/time_asked.py): an amount of time between two times, or which of the things it offers came
first, where our regex leads left it a "when" (a "the day I …" inside an event's name), a single fact or an earlier
value; the things offered or compared, by the parse; and questions that offer things or name a unit but ask neither."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.models import Intent
from kgmem.retrieval import event_phrases as ep
from kgmem.retrieval import time_asked
from kgmem.retrieval.planner import plan_notes, plan_query

ASKED = datetime(2033, 6, 1, 10, 0)


@pytest.mark.parametrize(("q", "options"), [
    ("Was the christening or the stag weekend earlier?", ["the christening", "the stag weekend"]),
    ("Chronologically speaking, which was it: the harbour cruise or the ghost tour?", ["the harbour cruise", "the ghost tour"]),
    ("Sooner: the gutter clean or the window fitting?", ["the gutter clean", "the window fitting"]),
    ("Did the vet visit or the grooming appointment come first?", ["the vet visit", "the grooming appointment"]),
    ("Was it the day I sold the caravan or the day I bought the boat that came earlier?",
     ["I sold the caravan", "I bought the boat"]),
    ("Was the quiz night earlier or later than the barn dance?", ["the quiz night", "the barn dance"]),
    ("Hmm, quick one: was the open house before the book fair?", ["the open house", "the book fair"]),
])
def test_an_order_asked_by_a_bare_comparative_is_an_ordering_of_the_things_offered(q: str, options: list[str]) -> None:
    plan = plan_query(q, ASKED)
    assert plan.intent == Intent.ORDERING, plan.intent
    assert plan_notes(plan, "option") == options


@pytest.mark.parametrize(("q", "events"), [
    ("From the day I joined the rowing club to my first regatta, what's that in weeks?",
     ["I joined the rowing club", "first regatta"]),
    ("The day I signed the lease and the day I got the keys - how far were they from each other in days?",
     ["I signed the lease", "I got the keys"]),
    ("How much later was the garden party than the school fete, in days?", ["the garden party", "the school fete"]),
    ("By how many weeks did the wedding come after the engagement?", ["the wedding", "the engagement"]),
    ("What was the time between the day I sold the caravan and the day I bought the boat?",
     ["I sold the caravan", "I bought the boat"]),
    ("Work out the days from the day I sold the caravan to the day I bought the boat.",
     ["I sold the caravan", "I bought the boat"]),
])
def test_an_amount_of_time_between_two_things_is_a_duration_of_both(q: str, events: list[str]) -> None:
    plan = plan_query(q, ASKED)
    assert plan.intent == Intent.DURATION, plan.intent
    assert plan_notes(plan, "event") == events


@pytest.mark.parametrize(("q", "intent"), [
    ("What was the day I sold the caravan?", Intent.WHEN),  # the day itself is asked
    ("When did I sell the caravan?", Intent.WHEN),
    ("What's the difference between the two kettles I bought?", Intent.SINGLE_FACT),
    ("Was my first bike a Raleigh or a Peugeot?", Intent.SINGLE_FACT),  # "first" is the bike's ordinal
    ("Was it Priya or Sam who rang me last week?", Intent.SINGLE_FACT),  # "last" is the week's
    ("Did I buy the green or the grey sofa?", Intent.SINGLE_FACT),  # two things, no order asked
])
def test_questions_that_offer_things_but_ask_no_order_keep_their_plan(q: str, intent: Intent) -> None:
    assert plan_query(q, ASKED).intent == intent


def test_a_rate_is_no_amount_of_time_between_two() -> None:
    doc = time_asked._parse("How many days a week do I cycle to work now?")
    assert not time_asked.asks_amount_of_time(doc)
    assert time_asked.asks_amount_of_time(time_asked._parse("What's that in days, from the move to the party?"))
    # the days a thing was done in, no amount of them
    assert not time_asked.asks_amount_of_time(time_asked._parse("What did I do in the days after I sold the caravan?"))


def test_an_anchor_with_its_own_event_asks_no_order_of_the_things() -> None:
    # two places offered, "after my exams" anchors the question: no options whose order is asked
    assert time_asked.ordered("Did I go to Lisbon or Porto after my exams?") == []
    assert ep.options("Did I go to Lisbon or Porto after my exams?", Intent.ORDERING) == []


def test_the_thing_asked_before_another_is_no_pair_compared() -> None:
    # an earlier value asked by the newer one: the planner trades an ordering without options for the earlier value
    q = "Which choir was I a member of before the Bach Society?"
    assert time_asked.compared(q) == [] and ep.options(q, Intent.ORDERING) == []
    assert time_asked.compared("Did the christening come after the stag weekend?") == ["the christening",
                                                                                        "the stag weekend"]


def test_the_amount_asked_is_no_thing_compared() -> None:
    assert time_asked.compared("How many days was I off work after my hip operation?") == []


def test_refine_leaves_structural_intents_alone() -> None:
    for rx in (Intent.DURATION, Intent.ORDERING, Intent.AGGREGATE, Intent.ASSISTANT_SAID):
        assert time_asked.refine("Was the christening or the stag weekend earlier?", rx) == rx


@pytest.mark.parametrize("q", ["Which came after the other: the christening or the stag weekend?",
                               "Which did I do afterwards, the christening or the stag weekend?"])
def test_the_later_of_two_asked_as_after_the_other_is_an_ordering(q: str) -> None:
    plan = plan_query(q, ASKED)
    assert plan.intent == Intent.ORDERING
    assert plan_notes(plan, "option") == ["the christening", "the stag weekend"]


def test_a_thing_someone_else_owns_is_no_mention_of_the_users_own() -> None:
    from kgmem.answer.event_names import bare_deed, names_subject
    from kgmem.answer.match import core_terms

    core = core_terms("oven break down")
    assert not names_subject("My landlady's oven broke down on Monday.", [], core, {"oven"},
                             own_deed=bare_deed("oven break down"))
    assert names_subject("The oven broke down on Monday.", [], core, {"oven"}, own_deed=bare_deed("oven break down"))
    # the owner the question names is whose it is asked ("my landlady's oven")
    assert names_subject("My landlady's oven broke down on Monday.", [], core_terms("landlady's oven break down"),
                         {"oven"}, own_deed=False)
    # an owner named with the one the question names is that one ("my sister Jo's" is "my sister's")
    assert names_subject("My sister Jo's wedding was on Saturday.", [], core_terms("my sister's wedding"), None)
    assert not names_subject("My neighbour Jo's wedding was on Saturday.", [], core_terms("my sister's wedding"), None)
