"""Planner: intents, time windows (only with a time expression), answer shapes, notes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kgmem.models import Intent
from kgmem.retrieval.planner import plan_notes, plan_query, resolve_window

QD = datetime(2023, 5, 20, 14, 0)  # a Saturday


@pytest.mark.parametrize(
    "question,intent",
    [
        ("How many days ago did I attend the jazz concert?", Intent.DURATION),
        ("How long ago did I start learning Spanish?", Intent.DURATION),
        ("How many weeks passed between my trip to Rome and my sister's wedding?", Intent.DURATION),
        ("how many months have passed since I adopted my cat", Intent.DURATION),
        ("Which did I do first, the yoga retreat or the pottery class?", Intent.ORDERING),
        ("Which trip came first: Lisbon or Oslo?", Intent.ORDERING),
        ("Which of the two gadgets did I buy most recently, the Kindle or the iPad?", Intent.ORDERING),
        ("When did I get my driving licence?", Intent.WHEN),
        ("What date did I move into the new apartment?", Intent.WHEN),
        ("On what day did we celebrate my promotion?", Intent.WHEN),
        ("How many different doctors did I visit?", Intent.AGGREGATE),
        ("How much did I spend on concert tickets in total?", Intent.AGGREGATE),
        ("How many books have I finished this year?", Intent.AGGREGATE),
        ("List all the cities I travelled to for work.", Intent.AGGREGATE),
        ("Where did I live before I moved to Denver?", Intent.HISTORY),
        ("What was my previous job title?", Intent.HISTORY),
        ("What car did I use to drive?", Intent.HISTORY),
        ("Can you recommend a good podcast for my commute?", Intent.PREFERENCE),
        ("Any tips for my upcoming hiking weekend?", Intent.PREFERENCE),
        ("What should I cook for dinner tonight?", Intent.PREFERENCE),
        ("In our last conversation you recommended a hotel in Kyoto; what was it called?", Intent.ASSISTANT_SAID),
        ("Remind me what you said about repotting succulents.", Intent.ASSISTANT_SAID),
        ("What is my current personal best in the 5k?", Intent.CURRENT_VALUE),
        ("Where do I live now?", Intent.CURRENT_VALUE),
        ("Where do I work?", Intent.CURRENT_VALUE),
        ("What is the name of my dog?", Intent.CURRENT_VALUE),
        ("What colour was the scarf my grandmother knitted?", Intent.SINGLE_FACT),
        ("Who did I go hiking with at Mount Rainier?", Intent.SINGLE_FACT),
    ],
)
def test_intents(question: str, intent: Intent) -> None:
    assert plan_query(question, QD).intent == intent


def test_no_time_expression_means_no_window() -> None:
    for q in ("Where do I live now?", "How many days ago did I buy the lamp?",
              "Which did I do first, the museum or the zoo?", "What is my cat called?"):
        assert plan_query(q, QD).window is None, q


@pytest.mark.parametrize(
    "phrase,start,end",
    [
        ("What did I buy yesterday?", datetime(2023, 5, 19), datetime(2023, 5, 19, 23, 59, 59)),
        ("What did I eat in March?", datetime(2023, 3, 1), datetime(2023, 3, 31, 23, 59, 59)),
        ("Which books did I read in 2022?", datetime(2022, 1, 1), datetime(2022, 12, 31, 23, 59, 59)),
        ("What did I do last year?", datetime(2022, 1, 1), datetime(2022, 12, 31, 23, 59, 59)),
        ("What did I do in the last 10 days?", datetime(2023, 5, 10), datetime(2023, 5, 20, 23, 59, 59)),
        ("Where did I go in December?", datetime(2022, 12, 1), datetime(2022, 12, 31, 23, 59, 59)),
    ],
)
def test_windows_exact(phrase: str, start: datetime, end: datetime) -> None:
    w = resolve_window(phrase, QD)
    assert w is not None and w.start == start and w.end == end and w.expression


@pytest.mark.parametrize(
    "phrase,inside",
    [
        ("What did I cook two weeks ago?", datetime(2023, 5, 6)),
        ("Who did I meet 3 days ago?", datetime(2023, 5, 17)),
        ("What did I buy last month?", datetime(2023, 4, 15)),
        ("What did I do last weekend?", datetime(2023, 5, 13, 12)),
        ("What did I watch last week?", datetime(2023, 5, 14)),
        ("What happened last Tuesday?", datetime(2023, 5, 16, 9)),
        ("What did I plant last spring?", datetime(2022, 4, 1)),
        ("What did I plant last winter?", datetime(2023, 1, 15)),
        ("What did I order on April 3rd?", datetime(2023, 4, 3, 12)),
        ("What did I buy a month ago?", datetime(2023, 4, 20)),
    ],
)
def test_windows_contain(phrase: str, inside: datetime) -> None:
    w = resolve_window(phrase, QD)
    assert w is not None, phrase
    # both bounds set (an unbounded window "contains" every date, review7 L2), at most a season wide
    assert w.start is not None and w.end is not None, (phrase, w)
    assert w.start <= inside <= w.end, (phrase, w)
    assert w.end - w.start <= timedelta(days=92), (phrase, w)
    assert w.end <= datetime(2023, 5, 20, 23, 59, 59)


def test_window_needs_question_date() -> None:
    assert resolve_window("What did I buy last month?", None) is None


def test_shapes_and_notes() -> None:
    p = plan_query("How many weeks ago did I start the pottery course?", QD)
    assert p.answer_shape == "duration" and plan_notes(p, "unit") == ["weeks"]
    assert plan_notes(p, "event") and "pottery" in plan_notes(p, "event")[0]
    p = plan_query("Which did I do first, the yoga retreat or the pottery class?", QD)
    assert p.answer_shape == "choice"
    assert [o.lower() for o in plan_notes(p, "option")] == ["the yoga retreat", "the pottery class"]
    p = plan_query("How many days passed between my trip to Paris and the wedding?", QD)
    assert len(plan_notes(p, "event")) == 2
    assert plan_query("How many plants did I buy?", QD).answer_shape == "number"
    assert plan_query("When did I adopt Rex?", QD).answer_shape == "date"
    assert plan_query("Did I ever go to Japan?", QD).answer_shape == "yes_no"
    assert "lives_in" in plan_notes(plan_query("Where do I live these days?", QD), "predicate")
    assert "works_at" not in plan_notes(plan_query("Which workshop did I enjoy?", QD), "predicate")


def test_entities_keywords_and_as_of() -> None:
    p = plan_query("When did I fly to New York with Priya?", QD)
    assert any("New York" in e for e in p.entities)
    assert "fly" in p.keywords
    asof = datetime(2023, 1, 1)
    assert plan_query("Where do I live?", QD, as_of=asof).as_of == asof


def test_rejects_empty_question() -> None:
    with pytest.raises(ValueError):
        plan_query("   ", QD)


def test_ordering_option_forms() -> None:
    p = plan_query("In what order did these happen: my trip to Quebec City, the day I started "
                   "learning Italian and the day I bought a cast-iron skillet?", QD)
    assert p.intent == Intent.ORDERING and len(plan_notes(p, "option")) == 3
    p = plan_query("the photography meetup or the day I bought a robot vacuum: which one came earlier?", QD)
    assert p.intent == Intent.ORDERING
    assert plan_notes(p, "option") == ["the photography meetup", "the day I bought a robot vacuum"]
