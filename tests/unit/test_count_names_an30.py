"""Counts of things named only by a proper noun or a title (an30, session 30).

Sentences written by hand for these tests (not the generator's, not a set's, not a held-out family's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def _cases(name: str) -> list[dict]:
    path = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / f"{name}.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("name", ["count_effects_an29", "count_names_an30"])
def test_the_invented_count_sets_are_well_formed(name: str) -> None:
    """tests/fixtures/answers/count_effects_an29.jsonl and count_names_an30.jsonl (eval/bench_answer_sets.py --set
    counts_an29 / counts_an30): >= 25 cases, every value in none of its wrong numbers, abstain cases without a value,
    asked after the last session."""
    cases = _cases(name)
    assert len(cases) >= 25 and len({c["case_id"] for c in cases}) == len(cases)
    for c in cases:
        assert (c["answer_value"] is None) == (c["answer_kind"] == "abstain"), c["case_id"]
        assert all(w["value"] != c["answer_value"] for w in c["wrong"]), c["case_id"]
        assert c["question_date"] > c["sessions"][-1]["date"], c["case_id"]


def test_the_count_names_an30_questions_ask_how_many() -> None:
    for c in _cases("count_names_an30"):
        assert "how many" in c["question"].lower(), c["case_id"]


def test_the_latest_on_a_thing_asks_its_status() -> None:
    """"What's the latest on …?" / "Where has … got to?" ask a thing's state now, as "What's the status of …?" does."""
    from kgmem.answer.entity_slot import asked_predicates

    for q in ("What's the latest on the walnut bookcase?", "whats the latest with my boiler repair",
              "Where has my passport renewal got to?", "How's the loft conversion coming along?"):
        assert asked_predicates(q)[:1] == ("status",), q
    assert "status" not in asked_predicates("What's the latest film I watched?")
    assert "status" not in asked_predicates("Where did I get to on the hike?")


@pytest.mark.parametrize(("text", "opens"), [
    ("Oppenheimer was three hours and I felt every minute of it.", True),   # a name opens the line
    ("PyCon was great, I met the maintainers.", True),                      # a word no dictionary holds
    ("Les Mis matinee today and I was a wreck.", True),
    ("Dragged my son to Leyton Orient on Saturday.", False),               # a verb capitalised to open the line
    ("Met Priya at the Tate Modern.", False),
    ("Download was brilliant, the bands were loud.", False),               # a common word, whatever it names here
    ("Finally saw Dune Part Two.", False),
])
def test_a_name_opening_its_line_is_a_name(text: str, opens: bool) -> None:
    from kgmem.answer.counting import _opens_with_a_name

    assert _opens_with_a_name(text) is opens


def test_a_person_cheered_on_is_no_doing_of_the_users() -> None:
    """"How many marathons have I run?": "Cheered my brother on at the Berlin Marathon" is the brother's race."""
    from kgmem.answer.count_question import lemmas
    from kgmem.answer.counting import spectated

    asked = lemmas("How many marathons have I run?")
    assert spectated("Cheered my brother on at the Berlin Marathon, what a day.", asked)
    assert spectated("Ran the Berlin Marathon in 3:58!", asked) is None
    assert spectated("Watched my daughter's match on Sunday.", lemmas("How many matches have I watched?")) is None


@pytest.mark.parametrize(("text", "other"), [
    ("PyCon was great, I finally met the maintainers in person.", False),   # a named thing described
    ("Oppenheimer was three hours and I felt every minute of it.", False),
    ("My husband has seen Barbie twice now.", True),                          # still someone else's doing
    ("Priya was at the gig on Friday.", True),                               # "be at": Priya's going
])
def test_a_named_thing_described_is_no_ones_doing(text: str, other: bool) -> None:
    from kgmem.answer.subjects import someone_else

    assert someone_else(text) is other
