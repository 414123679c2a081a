"""tr29's two temporal development sets (tests/fixtures/answers/event_kinds_tr29*, event_senses_tr29*): each is what
its source builds, its which-first labels are the question's own words, and it asks what the session asked for (orders
and spans in voices without our leads; "how long ago" of a deed told in an idiom), with must-abstain twins."""

from __future__ import annotations

from event_sets_fixture import (
    assert_source_built,
    assert_which_first_labels_are_the_questions_words,
    load_cases,
)


def test_the_sets_are_their_sources_built() -> None:
    assert_source_built("event_kinds_tr29")
    assert_source_built("event_senses_tr29")


def test_event_kinds_asks_orders_and_spans_with_twins() -> None:
    cases = load_cases("event_kinds_tr29")
    assert len(cases) >= 30 and len({c["case_id"] for c in cases}) == len(cases)
    kinds = [c["answer_kind"] for c in cases]
    assert kinds.count("which_first") >= 15 and kinds.count("abstain") >= 10
    assert sum(c["compute"].get("op") == "between" for c in cases) >= 10
    assert_which_first_labels_are_the_questions_words("event_kinds_tr29")


def test_event_senses_has_a_twin_for_every_idiom() -> None:
    cases = load_cases("event_senses_tr29")
    abstain = [c for c in cases if c["answer_kind"] == "abstain"]
    assert len(abstain) >= 5 and len(cases) - len(abstain) >= 5
    assert all(c["compute"].get("op") == "ago" for c in cases if c["answer_kind"] != "abstain")
