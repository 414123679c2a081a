"""ev20's temporal development set (tests/fixtures/answers/event_tales*): it is what its source
builds, its answers follow from its annotated dates, its which-first labels are the question's own
words, and it asks in every form the session asked for (ages included)."""

from __future__ import annotations

from datetime import date
from typing import Any

from event_sets_fixture import (
    assert_source_built,
    assert_which_first_labels_are_the_questions_words,
    load_cases,
)


def _cases() -> list[dict[str, Any]]:
    return load_cases("event_tales")


def test_event_tales_is_its_source_built() -> None:
    assert_source_built("event_tales")


def test_event_tales_covers_every_form() -> None:
    cases = _cases()
    assert len(cases) >= 30
    assert {c["answer_kind"] for c in cases} == {"days", "weeks", "which_first", "years", "abstain"}
    assert {c["compute"].get("op") for c in cases} >= {"ago", "between", "which_first", "age_at"}
    # a start and an end told in different sessions
    assert sum(len({e["session_id"] for e in c["evidence"] if e["role"] in ("start", "end")}) == 2
               for c in cases if c["compute"].get("op") == "between") >= 6


def test_which_first_labels_are_the_questions_words() -> None:
    assert_which_first_labels_are_the_questions_words("event_tales")


def test_ages_follow_from_the_birthday() -> None:
    for c in _cases():
        if c["answer_kind"] == "years":
            born, when = (date.fromisoformat(e["resolved_date"]) for e in c["evidence"][:2])
            turned = int(c["answer"].split("turned ")[1].split()[0])
            assert c["answer_value"] == turned + (when - born).days // 365  # under a year after the birthday here
