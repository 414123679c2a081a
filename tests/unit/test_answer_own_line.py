"""A hedge's line that is the user's own statement on the question answers as a dated quote
(kgmem/answer/quoted.own_line), and what keeps a hedge a hedge: another person's doing, a plan, a
line off the question's focus, a typed question whose line holds nothing of the type's shape.
Sentences invented for these tests; none from a data set or another fixture set."""

from __future__ import annotations

from datetime import datetime

from dialogue_fixture import ASKED, FILLER, dialogue_memory

from kgmem.evaluation.judge import declines


def _told(line: str) -> list[tuple[datetime, list[tuple[str, str]]]]:
    return [*FILLER, (datetime(2025, 4, 20), [("user", line), ("assistant", "What a lovely thing to hear.")])]


def test_the_users_own_line_answers_a_where_question_as_a_dated_quote(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _told("We got married on top of Cadair Idris at dawn, soaked and happy."))
    a = m.answer("u", "Where did we get married?", ASKED)
    assert not declines(a.text) and "Cadair Idris" in a.text and "2025-04-20" in a.text, a.text
    assert a.extra.get("via") == "own line" and a.extra.get("path") == "extractive"


def test_someone_elses_doing_stays_a_hedge_or_a_decline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _told("My cousin got married on top of Cadair Idris at dawn, soaked and happy."))
    a = m.answer("u", "Where did we get married?", ASKED)
    assert a.abstained or declines(a.text), a.text


def test_a_plan_stays_a_hedge_or_a_decline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _told("We might get married on top of Cadair Idris next summer, if the weather allows."))
    a = m.answer("u", "Where did we get married?", ASKED)
    assert a.abstained or declines(a.text), a.text


def test_own_line_needs_the_shape_of_the_asked_type_and_the_related_band() -> None:
    from kgmem.answer.abstain import HEDGE_SENTENCE_SIMILARITY
    from kgmem.answer.pool import may_hold

    # a place, person or organisation needs a capitalised word after the first; an amount a digit or a currency
    assert may_hold("We got married on the pier at Saltburn", "place")
    assert not may_hold("we love our work, so busy lately", "org")
    assert not may_hold("I need to negotiate a salary offer", "money")
    assert HEDGE_SENTENCE_SIMILARITY >= 0.45  # the band the abstention decision calls related (calibrated there)


def test_the_line_a_rejected_model_reply_copied_is_found() -> None:
    from types import SimpleNamespace

    from kgmem.answer.evidence import Line
    from kgmem.answer.quoted import copied_line

    when = datetime(2025, 4, 20)
    mine = Line("The allotment plot we finally got is number 14 by the canal gate.", "t1", "s1", "user", when)
    reply = Line("What a lovely thing to hear about the allotment plot.", "t2", "s1", "assistant", when)
    other = Line("My aunt still grows leeks.", "t3", "s2", "user", when)
    pool = SimpleNamespace(ranked=[SimpleNamespace(line=other), SimpleNamespace(line=reply)], ev=SimpleNamespace(top=[mine]))
    said = '- 2025-04-20, user said: "The allotment plot we finally got is number 14 by the canal gate."'
    assert copied_line(pool, said) is mine  # type: ignore[arg-type]
    assert copied_line(pool, "What a lovely thing to hear about the allotment plot.") is None  # the assistant's
    assert copied_line(pool, "number 14") is None  # fewer than eight words copied: no pick


def test_a_person_place_or_organisation_needs_a_name_the_question_lacks() -> None:
    from kgmem.answer.quoted import _may_name

    assert _may_name("Where did we get married?", "We got married on top of Cadair Idris at dawn.", "place")
    assert not _may_name("Who did I go hiking with on Saturday?", "I went hiking on Saturday with people from work.",
                         "person")
    assert not _may_name("Who fixed my Vespa?", "My Vespa is running again, finally.", "person")
    assert _may_name("How much was the ferry?", "The ferry was 40 quid each way.", "money")


def test_a_line_outside_the_questions_time_window_stays_a_hedge_or_a_decline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _told("We got married on top of Cadair Idris at dawn, soaked and happy."))
    a = m.answer("u", "Where did we get married last weekend?", ASKED)  # the line was told six weeks before
    assert "Cadair Idris" not in a.text or declines(a.text), a.text

