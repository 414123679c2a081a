"""tr28's two temporal development sets (tests/fixtures/answers/event_spans*, event_doers*): each is what its source
builds, its which-first labels are the question's own words, and it asks what the session asked for (spans, orders and
"how long ago" in many wordings; deeds told through others or by their aftermath), with must-abstain twins."""

from __future__ import annotations

from event_sets_fixture import (
    assert_source_built,
    assert_which_first_labels_are_the_questions_words,
    load_cases,
)


def test_the_sets_are_their_sources_built() -> None:
    assert_source_built("event_spans")
    assert_source_built("event_doers")


def test_event_spans_asks_every_shape() -> None:
    cases = load_cases("event_spans")
    assert len(cases) >= 30 and len({c["case_id"] for c in cases}) == len(cases)
    kinds = [c["answer_kind"] for c in cases]
    assert {"days", "weeks", "which_first", "abstain"} <= set(kinds)
    assert kinds.count("which_first") >= 8 and kinds.count("abstain") >= 5
    assert sum(c["compute"].get("op") == "between" for c in cases) >= 12
    assert sum(c["compute"].get("op") == "ago" for c in cases) >= 5
    assert_which_first_labels_are_the_questions_words("event_spans")


def test_event_doers_has_both_sides_of_every_reading() -> None:
    cases = load_cases("event_doers")
    assert len({c["case_id"] for c in cases}) == len(cases) >= 20
    abstain = [c for c in cases if c["answer_kind"] == "abstain"]
    assert len(abstain) >= 6 and len(cases) - len(abstain) >= 10
