"""Answers told in an aside (ab30): a typed value whose topic the sentence before it told, a where-question
answered by a line putting the thing somewhere, another's deed to the user asked about, a shouted common word
read as no name — each next to its twin that must still decline. Sentences invented for these tests; none from a
data set or another fixture set."""

from __future__ import annotations

from datetime import datetime

from dialogue_fixture import ASKED, FILLER, dialogue_memory

from kgmem.evaluation.judge import declines


def _told(line: str) -> list[tuple[datetime, list[tuple[str, str]]]]:
    return [*FILLER, (datetime(2025, 4, 20), [("user", line), ("assistant", "Thanks for telling me.")])]


def test_a_name_told_after_its_topic_answers_and_a_topic_only_planned_does_not(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _told("The merger finally went through. I now answer to someone called Ingrid "
                                        "Halvorsen, who loves a whiteboard. Any tips for a first one-to-one?"))
    a = m.answer("u", "Who am I reporting to after the merger?", ASKED)
    assert not declines(a.text) and "Ingrid" in a.text, a.text
    twin = dialogue_memory(tmp_path / "twin", _told("The merger goes through next month and nobody will say who "
                                                    "we'll answer to. Any tips for a first one-to-one?"))
    b = twin.answer("u", "Who am I reporting to after the merger?", ASKED)
    assert b.abstained or declines(b.text), b.text


def test_a_where_question_is_answered_by_the_line_putting_the_thing_somewhere(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _told("ugh, left my umbrella on the tram this morning and got drenched walking "
                                        "in. how do you get a wet suede shoe dry"))
    a = m.answer("u", "where did I leave my umbrella?", ASKED)
    assert not declines(a.text) and "tram" in a.text and "2025-04-20" in a.text, a.text


def test_a_place_phrase_is_a_thing_put_somewhere_not_a_time_or_a_field() -> None:
    from kgmem.answer.quoted import _where_phrase

    assert _where_phrase("left my umbrella on the tram this morning")
    assert _where_phrase("My keys were behind the sofa the whole time.")
    assert not _where_phrase("I went hiking on Saturday")
    assert not _where_phrase("we met in the morning at 5")
    assert not _where_phrase("I work in marketing now")


def test_anothers_deed_to_the_user_answers_when_the_question_asks_about_that_doer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _told("Right, the damp saga goes on. The roofer came round on Friday, poked about "
                                        "for an hour, charged me $310 and said the flashing is shot. How long do "
                                        "flat roofs usually last?"))
    a = m.answer("u", "How much did the roofer charge me?", ASKED)
    assert not declines(a.text) and "310" in a.text, a.text


def test_only_the_doers_deed_to_the_user_is_read() -> None:
    from types import SimpleNamespace

    from kgmem.answer.asked_doer import tells_the_doers_deed
    from kgmem.answer.evidence import Line

    plan = SimpleNamespace(question="How much did the roofer charge me?")
    when = datetime(2025, 4, 20)
    mine = Line("The roofer came round on Friday, charged me $310 and said the flashing is shot.", "t1", "s1", "user", when)
    hers = Line("My sister's roofer charged her $310 and said the flashing is shot.", "t2", "s1", "user", when)
    other = Line("The plumber came round on Friday, charged me $90 for the tap.", "t3", "s1", "user", when)
    for line in (mine, hers, other):
        line._act = "other"  # as the actuality reader calls a third-person doer's line
    assert tells_the_doers_deed(plan, mine)  # type: ignore[arg-type]
    assert not tells_the_doers_deed(plan, hers)  # type: ignore[arg-type]
    assert not tells_the_doers_deed(plan, other)  # type: ignore[arg-type]


def test_the_doer_a_question_asks_about() -> None:
    from kgmem.answer.asked_doer import asked_doer

    assert asked_doer("How much did the roofer charge me?") == "roofer"
    assert asked_doer("What did the vet say about my dog?") == "vet"
    assert asked_doer("How much did I pay the roofer?") is None
    assert asked_doer("Who fixed my roof?") is None


def test_a_shouted_common_word_is_a_poor_name() -> None:
    from kgmem.answer.spans import typed_spans

    spans = typed_spans("After a LOT of back and forth I said yes to Brightwater Analytics this morning.", "org")
    assert spans and spans[0] == "Brightwater Analytics", spans

