"""tr27's temporal development set (tests/fixtures/answers/event_asks*): it is what its source builds, its answers
follow from its annotated dates, its labels are the question's own words, it asks in the shapes the session asked for
(between "the day I …", since X when Y, before, the order of three, a thing asked by its time), with must-abstain twins;
and the bench's verdicts for its two new kinds can fail."""

from __future__ import annotations

from datetime import date
from typing import Any

from event_sets_fixture import (
    FIX,
    assert_source_built,
    assert_which_first_labels_are_the_questions_words,
    load_cases,
)
from script_loader import load_script


def _cases() -> list[dict[str, Any]]:
    return load_cases("event_asks")


def test_event_asks_is_its_source_built() -> None:
    assert_source_built("event_asks")


def test_event_asks_covers_every_form() -> None:
    cases = _cases()
    assert len(cases) >= 30
    assert len({c["case_id"] for c in cases}) == len(cases)
    assert {c["answer_kind"] for c in cases} == {"days", "weeks", "months", "which_first", "date", "order", "value",
                                                 "abstain"}
    assert sum(c["answer_kind"] == "abstain" for c in cases) >= 5
    assert sum(c["answer_kind"] == "order" for c in cases) >= 3
    assert sum(c["answer_kind"] == "value" for c in cases) >= 5


def test_labels_are_the_questions_words() -> None:
    assert_which_first_labels_are_the_questions_words("event_asks")
    for c in _cases():
        if c["answer_kind"] == "order":
            assert len(c["answer_value"]) == 3
            assert all(lab.lower() in c["question"].lower() for lab in c["answer_value"]), c["case_id"]


def test_orders_and_things_follow_from_the_evidence() -> None:
    for c in _cases():
        got = {(e["event"], e["role"]): date.fromisoformat(e["resolved_date"]) for e in c["evidence"]}
        ops = [tuple(o) for o in c["compute"].get("operands", [])]
        if c["answer_kind"] == "order":
            assert c["answer_value"] == [o[0] for o in sorted(ops, key=lambda o: got[o])]
        if c["answer_kind"] == "value":
            assert c["accept"] and c["answer_value"] == c["accept"][0]
            assert not any(a.lower() in v.lower() for a in c["accept"] for v in c["avoid"]), c["case_id"]


def test_the_new_kinds_verdicts_can_fail() -> None:
    bench = load_script(FIX.parents[2] / "eval" / "bench_answer_sets.py")
    labels = ["helped Tom move house", "went to the pottery fair", "picked up my new glasses"]
    assert bench.order_verdict(labels, "You helped Tom move house (May 4), then went to the pottery fair (May 12), "
                                       "then picked up your new glasses (May 20).") == (True, False)
    assert bench.order_verdict(labels, "You picked up your new glasses, then helped Tom move house, then went to the "
                                       "pottery fair.") == (False, True)
    assert bench.order_verdict(labels, "I don't know.") == (False, False)
    case = {"answer_kind": "value", "answer_value": "cello", "accept": ["cello"], "avoid": ["music stand"]}
    assert bench.event_verdict(case, "A second-hand cello.", None) == (True, False)
    assert bench.event_verdict(case, "A new music stand.", None) == (False, True)
    assert bench.event_verdict(case, "A cello and a music stand.", None) == (False, True)
    assert bench.event_verdict(case, "Nothing that I know of.", None) == (False, False)
