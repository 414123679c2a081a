"""kgmem.answer.count_doers: whose a counted line is and whether it says the asked thing happened, by its grammar
(session 26). Sentences written for this test (none is from the generator, a held-out set or the count sets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgmem.answer import count_doers
from kgmem.answer.count_doers import not_the_asked, thing_done, told_first_by_user, user_turned_away


@pytest.mark.parametrize("text", [
    "Ran the coastal 10k on Sunday, my sister cheered the whole way.",
    "Interviewed at a bakery chain today, the manager was late.",
    "Had a phone screen with Ocado this morning, I think it went fine?",
])
def test_a_past_verb_without_a_subject_opens_the_users_own_doing(text: str) -> None:
    # known limit: the tagger reads some opening participles as adjectives ("Hosted book club at mine": JJ), left as they are
    assert told_first_by_user(text)


@pytest.mark.parametrize("text", [
    "My sister ran the coastal 10k on Sunday.",
    "Did you see the match last night?",
    "They hosted the quiz at the pub.",
    "Booked table is still waiting for us.",
])
def test_a_line_with_its_own_subject_or_a_question_auxiliary_is_not_told_first_by_the_user(text: str) -> None:
    assert not told_first_by_user(text)


@pytest.mark.parametrize("text", ["swim done.", "Thesis chapter submitted, finally.", "tax return filed"])
def test_a_bare_participle_note_names_the_thing_done_not_a_doer(text: str) -> None:
    assert thing_done(text)


@pytest.mark.parametrize("text", ["My brother finished the marathon.", "Priya left early.", "The lesson was cancelled.",
                                  "Kat bailed on me.", "The shop sold the last one."])
def test_a_doer_or_an_auxiliary_is_no_bare_note(text: str) -> None:
    assert not thing_done(text)


ASKED = frozenset({"swim", "lesson", "run"})


@pytest.mark.parametrize("text", [
    "no swim today, the pool was closed",
    "Went to the sauna instead of swimming.",
    "Helped at the stall instead of the run.",
])
def test_the_asked_thing_named_only_to_say_it_did_not_happen(text: str) -> None:
    assert not_the_asked(text, ASKED)


@pytest.mark.parametrize("text", [
    "Swam instead of the usual run.",  # the swim happened; what "instead of" names is not asked here
    "Good swim today, no cramp at all.",
    "Had my lesson, no problems.",
])
def test_a_no_or_an_instead_of_about_something_else_leaves_the_line(text: str) -> None:
    assert not not_the_asked(text, frozenset({"swim", "lesson"}))


@pytest.mark.parametrize("text", ["The clinic turned me away, my blood pressure was too high.", "They declined me at the door."])
def test_someone_turning_the_user_away_says_it_did_not_happen(text: str) -> None:
    assert user_turned_away(text)
    assert not_the_asked(text, frozenset())


@pytest.mark.parametrize("text", ["I turned the oven down.", "Dad sent me a postcard.", "They turned up late."])
def test_other_turns_and_sends_are_no_refusal(text: str) -> None:
    assert not user_turned_away(text)


def test_the_count_sums_ms26_set_is_well_formed() -> None:
    """tests/fixtures/answers/count_sums_ms26.jsonl (eval/bench_answer_sets.py --set counts_ms26): >= 15 cases,
    every value in none of its wrong numbers, abstain cases without a value."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "count_sums_ms26.jsonl"
    cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(cases) >= 15 and len({c["case_id"] for c in cases}) == len(cases)
    for c in cases:
        assert (c["answer_value"] is None) == (c["answer_kind"] == "abstain"), c["case_id"]
        assert all(w["value"] != c["answer_value"] for w in c["wrong"]), c["case_id"]
        assert c["question_date"] > c["sessions"][-1]["date"], c["case_id"]


@pytest.mark.parametrize("line, closed", [
    ("Can you suggest a good stretch for my calves?", True),
    ("What should I bring to a potluck?", True),
    ("I think the race went fine.", True),
    ("Performed at the Fox's open mic night, someone filmed it!", False),
    ("Had an interview with Monzo this morning, I think it went OK?", False),
])
def test_a_line_opened_by_a_closed_word_class_skips_the_lowered_parse(line: str, closed: bool) -> None:
    # the prefilter only says "no past verb opens it"; where it fires the lowered parse would say no too
    assert count_doers._opens_closed_class(line) is closed
    if closed:
        assert not told_first_by_user(line)
