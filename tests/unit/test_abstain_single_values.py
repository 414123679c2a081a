"""Single values asked in unseen words (ab21, session 21): whose relation a name is, which thing a
name question asks, and a meaning match the question's own words rule out.

Every sentence and question here is written by hand for this file (none is a generator template or
a line of the development haystacks); ``tests/fixtures/answers/single_values.jsonl`` is the wider
set these classes were found on (``eval/bench_answer_sets.py --set singles``).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.answering import someone_elses_relation
from kgmem.answer.presence import named_thing
from kgmem.models import Intent
from kgmem.retrieval.planner import plan_query


@pytest.mark.parametrize(("line", "name"), [
    ("Gosia brought her grandmother Wanda to the allotment.", "Wanda"),
    ("We had dinner with Idris and his sister Halima.", "Halima"),
    ("The Okonkwos introduced me to their uncle Chidi at the fete.", "Chidi"),
    ("Mateusz's brother Piotr fixed my bike.", "Piotr"),
    ("Your cousin Bea says hi.", "Bea"),
])
def test_someone_elses_relation_names_none_of_mine(line: str, name: str) -> None:
    assert someone_elses_relation(line, name)


@pytest.mark.parametrize(("line", "name"), [
    ("My grandmother Wanda turns ninety on Sunday.", "Wanda"),
    ("Halima, my sister, is moving to Dundee.", "Halima"),
    ("Mum's sister Bea is staying with us.", "Bea"),      # the user's kin's kin is the user's aunt
    ("Then Chidi turned up with cake.", "Chidi"),
    # "her" as an object before the user's own relation (rev21's probes)
    ("I told her my sister Ana would pick me up.", "Ana"),
    ("I showed her my brother Tom's flat.", "Tom"),
    ("Yesterday I gave her my cousin Lea's number.", "Lea"),
    ("I showed her my dog Biscuit's photos from the beach.", "Biscuit"),
])
def test_my_own_relation_or_a_bare_name_is_kept(line: str, name: str) -> None:
    assert not someone_elses_relation(line, name)


@pytest.mark.parametrize(("question", "thing"), [
    ("what does my flatmate's parrot go by?", "parrot"),
    ("What's my goldfish called?", "goldfish"),
    ("what did we name our canoe", "canoe"),
    ("remind me what I call my scooter", "scooter"),
    ("my gecko answers to what name?", "gecko"),
    ("What's the name of my ferret?", None),         # "the name of": the general presence gate decides
    ("What's my brother's name?", None),             # a person: matched by form elsewhere
    ("Which bakery do I go to?", None),              # no name asked
])
def test_the_thing_a_name_question_asks(question: str, thing: str | None) -> None:
    assert named_thing(question) == thing


@pytest.fixture(scope="module")
def embedder():  # noqa: ANN201
    from kgmem.embeddings import embedder_from_settings
    from kgmem.settings import Settings

    return embedder_from_settings(Settings.load())


@pytest.mark.parametrize(("question", "intent", "slot"), [
    # the nearest phrasing asks an earlier value ("which handset did I replace"); no word here asks one
    ("what handset am I using?", Intent.CURRENT_VALUE, "phone"),
    # the nearest phrasing asks the pay; a who-question asks who pays it
    ("who is paying my salary at the moment", Intent.CURRENT_VALUE, "works_at"),
    ("who covers my wages now?", Intent.CURRENT_VALUE, "works_at"),
    # words that do ask an earlier value keep it
    ("what car did I drive before?", Intent.HISTORY, "drives"),
])
def test_a_meaning_the_question_rules_out_gives_way(embedder, question: str, intent: Intent,  # noqa: ANN001
                                                    slot: str) -> None:
    plan = plan_query(question, datetime(2023, 7, 1), embedder=embedder)
    assert (plan.intent, plan.slot) == (intent, slot), (plan.exemplar, plan.intent_source)


SESSIONS = [
    (datetime(2024, 2, 3, 10), "My neighbour Dagny adopted a whippet called Moss last month, she's so timid."),
    (datetime(2024, 2, 10, 9), "How long should I boil an egg for a runny yolk?"),
    (datetime(2024, 2, 17, 20), "Dagny's nephew Arvid is visiting from Oslo, so the street is loud again."),
]


def test_a_name_of_another_kind_or_another_persons_kin_is_no_answer(answers_over) -> None:  # noqa: ANN001
    cat, whippet, nephew = answers_over("ab21-names", SESSIONS, "ab21n", None, datetime(2024, 3, 1, 9),
                                        "what's my neighbour's cat called?", "what does my neighbour's whippet go by?",
                                        "What's the name of my nephew?")
    assert cat.abstained or "not sure" in cat.text, cat.text          # a whippet's name is no cat's
    assert "Moss" in whippet.text and not whippet.abstained, whippet.text
    assert "Arvid" not in nephew.text, nephew.text                   # Dagny's nephew, not the user's


OBJECT_HER = [  # rev21's probes: "her" is the object, the relation is the user's own
    (datetime(2024, 2, 3, 10), "I told her my sister Ana would pick me up from the airport."),
    (datetime(2024, 2, 10, 9), "I showed her my dog Biscuit's photos from the beach."),
]


def test_the_users_own_relation_after_an_object_pronoun_answers(answers_over) -> None:  # noqa: ANN001
    sister, dog = answers_over("ab21-her", OBJECT_HER, "ab21h", None, datetime(2024, 3, 1, 9),
                               "What is my sister's name?", "What is my dog called?")
    assert "Ana" in sister.text and not sister.abstained, sister.text
    assert "Biscuit" in dog.text and not dog.abstained, dog.text


@pytest.mark.parametrize("question", ["what motor did I flog to my cousin?", "which mobile did I swap out?",
                                      "By how much did my council tax climb?"])
def test_a_past_deed_is_no_present_value(embedder, question: str) -> None:  # noqa: ANN001
    # a thing done or a change, nearest to an earlier value: the value held now does not answer it (an23,
    # session 23: such questions were answered with the car driven now, the phone used now)
    plan = plan_query(question, datetime(2023, 7, 1), embedder=embedder)
    assert plan.intent not in (Intent.CURRENT_VALUE, Intent.WHEN), (plan.intent, plan.exemplar, plan.intent_source)


@pytest.mark.parametrize(("question", "past"), [
    ("which mobile did I swap out?", True),
    ("How much did my rent go up?", True),
    ("what handset am I using?", False),
    ("what have I got parked outside?", False),   # the present perfect tells a present state
    ("who is paying my salary at the moment", False),
])
def test_a_past_deed_is_told_by_the_verb(question: str, past: bool) -> None:
    from kgmem.retrieval.intents import asks_a_past_deed

    assert asks_a_past_deed(question) is past
