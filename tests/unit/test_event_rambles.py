"""tr26's temporal development set (tests/fixtures/answers/event_rambles*): it is what its source builds, its answers
follow from its annotated dates, its which-first labels are the question's own words, and it asks in every form the
session asked for, with must-abstain twins."""

from __future__ import annotations

from datetime import date
from typing import Any

from event_sets_fixture import (
    assert_source_built,
    assert_which_first_labels_are_the_questions_words,
    load_cases,
)


def _cases() -> list[dict[str, Any]]:
    return load_cases("event_rambles")


def test_event_rambles_is_its_source_built() -> None:
    assert_source_built("event_rambles")


def test_event_rambles_covers_every_form() -> None:
    cases = _cases()
    assert len(cases) >= 25
    assert len({c["case_id"] for c in cases}) == len(cases)
    assert {c["answer_kind"] for c in cases} == {"days", "weeks", "months", "which_first", "date", "years", "abstain"}
    assert {c["compute"].get("op") for c in cases} >= {"ago", "between", "which_first", "date_of", "age_at"}
    assert sum(c["answer_kind"] == "abstain" for c in cases) >= 5
    # a start and an end told in different sessions
    assert sum(len({e["session_id"] for e in c["evidence"] if e["role"] in ("start", "end")}) == 2
               for c in cases if c["compute"].get("op") == "between") >= 5


def test_which_first_labels_are_the_questions_words() -> None:
    assert_which_first_labels_are_the_questions_words("event_rambles")


def test_dates_and_ages_follow_from_the_evidence() -> None:
    for c in _cases():
        got = {(e["event"], e["role"]): date.fromisoformat(e["resolved_date"]) for e in c["evidence"]}
        ops = [tuple(o) for o in c["compute"].get("operands", [])]
        if c["answer_kind"] == "date":
            assert c["answer_value"] == got[ops[0]].isoformat()
        if c["answer_kind"] == "years":
            born, when = got[ops[0]], got[ops[1]]
            turned = int(c["answer"].split("turned ")[1].split()[0])
            # the event may come before the birthday told (then the age is one less)
            assert c["answer_value"] == turned - (when < born), c["case_id"]
