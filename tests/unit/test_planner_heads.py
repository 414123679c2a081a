"""The head noun of a which/what question decides whether a person is asked for ("which *school* does
my husband teach at" asks for a school, "which *registrar* …" for a person), and a relation after an
inverted auxiliary is the clause's subject whatever its verb. Lines and questions invented."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from dialogue_fixture import ASKED, FILLER, dialogue_memory

from kgmem import knowledge
from kgmem.retrieval.planner import plan_notes, plan_query
from kgmem.retrieval.subject import question_subject

QD = datetime(2024, 3, 1)


@pytest.mark.parametrize(("noun", "person"), [
    ("registrar", True), ("dentist", True), ("plumber", True),
    ("school", False), ("firm", False), ("hospital", False), ("gym", False),
    ("coach", None), ("builder", None), ("name", None), ("zxqv", None),
])
def test_a_noun_names_a_person_when_every_sense_is_one(noun: str, person: bool | None) -> None:
    assert knowledge.names_a_person(noun) is person, noun


@pytest.mark.parametrize("question", [
    "Which school does my husband teach at now?",
    "Which restaurant does my girlfriend cook at these days?",
    "What clinic does my wife work in?",
])
def test_a_which_thing_question_takes_no_person_slot(question: str) -> None:
    plan = plan_query(question, QD)
    assert plan.answer_type != "person" and plan.slot != "partner_name", plan
    assert "partner_name" not in plan_notes(plan, "predicate"), plan.notes


@pytest.mark.parametrize(("question", "atype"), [
    ("What's my husband's name?", "person"),   # a name is asked: the slot stays
    ("Who is my husband?", "person"),
    ("Which surgeon do I work for now?", "person"),     # every sense a person: no employer
])
def test_a_name_or_a_person_head_keeps_asking_for_a_person(question: str, atype: str) -> None:
    assert plan_query(question, QD).answer_type == atype


@pytest.mark.parametrize(("question", "subject"), [
    ("Which school does my husband teach at now?", "husband"),
    ("Where does my brother coach on Saturdays?", "brother"),
    ("What's my husband's name?", None),
    ("What did I get my sister for her birthday?", None),
])
def test_a_relation_after_an_inverted_auxiliary_is_the_subject(question: str, subject: str | None) -> None:
    assert question_subject(question, []) == subject


def test_the_school_a_relation_teaches_at_now_is_the_newest_one(tmp_path: Path) -> None:
    m = dialogue_memory(tmp_path, [*FILLER,
        (datetime(2025, 3, 20), [("user", "My husband Piotr teaches chemistry at Larchfield School, he has a huge marking pile."),
                                 ("assistant", "Good luck to him.")]),
        (datetime(2025, 4, 22), [("user", "Piotr moved to Brookvale Academy this term, he's teaching physics there now."),
                                 ("assistant", "Sounds like a good move.")])])
    a = m.answer("u", "Which school does my husband teach at now?", ASKED)
    assert a.text.startswith("Brookvale Academy"), a.text
    assert "Piotr" not in m.answer("u", "Which school does my husband teach at now?", ASKED).text.split(":")[0]
