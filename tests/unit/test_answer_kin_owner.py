"""Whose relation a line states, read from its parse (an24, session 24): "her husband Tomasz" is the
husband of the woman just named, "my wife's sister Carmen" is the user's sister-in-law. A question
asking a person by the user's relation is answered only by a name tied to the user's relation.

Sentences written by hand for these tests (not the generator's, not a set's)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.kin_answer import question_kin
from kgmem.answer.kin_of import canonical, compose, kin_mentions
from kgmem.retrieval.question import label_number, regex_intent


def _found(text: str) -> set[tuple[str, bool, str | None, str | None]]:
    return {(m.relation, m.mine, m.name, m.holder) for m in kin_mentions(text)}


@pytest.mark.parametrize(("line", "mention"), [
    ("Drinks with my teammate Olu, and his wife Bisi showed up later.", ("wife", False, "Bisi", "Olu")),
    ("Yesterday Renata's boyfriend Kai fixed our sink.", ("boyfriend", False, "Kai", "Renata")),
    ("My coach Bernadette brought her daughter Elif to practice.", ("daughter", False, "Elif", "Bernadette")),
    ("My husband Anselm and I are off to Crete.", ("husband", True, "Anselm", None)),
    ("Mum rang, her brother Cormac is having a hip replacement.", ("uncle", True, "Cormac", None)),
    ("My girlfriend's father, Henrik, taught me to sail.", ("father-in-law", True, "Henrik", None)),
    ("My brother's son Tayo turned five on Sunday.", ("nephew", True, "Tayo", None)),
    ("Our nanna Philippa still bakes every Sunday.", ("grandmother", True, "Philippa", None)),
])
def test_whose_relation_a_line_states(line: str, mention: tuple[str, bool, str | None, str | None]) -> None:
    assert mention in _found(line), _found(line)


def test_a_pronoun_reads_back_across_the_turns_sentences() -> None:
    found = _found("My old flatmate Gideon came to stay. His son Ezra is nine now.")
    assert ("son", False, "Ezra", "Gideon") in found, found


@pytest.mark.parametrize(("first", "second", "mine"), [
    ("Dad", "sister", "aunt"), ("mum", "mother", "grandmother"), ("wife", "brother", "brother-in-law"),
    ("sister", "daughter", "niece"), ("friend", "husband", None), ("neighbour", "son", None)])
def test_compose(first: str, second: str, mine: str | None) -> None:
    assert compose(first, second) == mine


@pytest.mark.parametrize(("question", "kin"), [
    ("What's my husband called?", "husband"), ("who is my uncle?", "uncle"),
    ("what's my mother-in-law's name", "mother-in-law"), ("What is my nan's name?", "grandmother"),
    ("Who's my fiancée?", "fiance"), ("What's my dog called?", None), ("Where does my sister live?", None),
    ("what's my sister's boyfriend called?", None)])
def test_question_kin(question: str, kin: str | None) -> None:
    assert question_kin(question) == kin


def test_canonical_spellings() -> None:
    assert canonical("Mum") == canonical("mom") == "mother"
    assert canonical("mothers-in-laws") == "mother-in-law"


@pytest.mark.parametrize(("question", "label"), [
    ("What's the number of my flat?", True), ("what's the number of the bus I take to work?", True),
    ("What's the number of my cousins?", False), ("What's the number of people in my book club?", False)])
def test_number_of_one_thing_is_its_label(question: str, label: bool) -> None:
    assert label_number(question) is label
    assert (regex_intent(question) is None) is label  # a count otherwise


SESSIONS = [
    (datetime(2024, 4, 2, 18), "Coffee with my colleague Marisa, her husband Tobias is a firefighter."),
    (datetime(2024, 4, 9, 18), "Dad rang; his sister Winifred is turning 80 in June!"),
    (datetime(2024, 4, 16, 18), "How do I descale a kettle?"),
]


def test_another_persons_relation_is_no_answer_and_kin_of_kin_is(answers_over) -> None:  # noqa: ANN001
    husband, aunt = answers_over("an24-kin", SESSIONS, "an24k", None, datetime(2024, 5, 1, 9),
                                 "What's my husband's name?", "who's my aunt?")
    assert husband.abstained and "Marisa" not in husband.text and "Tobias" not in husband.text, husband.text
    assert "Winifred" in aunt.text and not aunt.abstained, aunt.text
