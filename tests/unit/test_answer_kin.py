"""A who-question answered by the one person a line names by relation ("my dad has taken over …" →
your dad): kgmem/answer/spans.py kin_phrases/kin_person, read by the confident-sentence and the
quoted-line answers. Sentences invented for the class; none from a data set."""

from __future__ import annotations

from datetime import datetime

from dialogue_fixture import ASKED, FILLER, dialogue_memory

from kgmem.answer.spans import kin_phrases


def test_kin_phrases() -> None:
    assert kin_phrases("since the op my neighbour has been walking the dog on mondays") == ["my neighbour"]
    assert kin_phrases("My dad and my little sister came") == ["my dad", "my little sister"]
    assert kin_phrases("my mum's hip is better") == []  # the possessor does nothing here
    assert kin_phrases("my brother Tomasz drove") == []  # a name is the value, not the relation


def test_a_who_question_answered_by_a_relation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, [*FILLER, (datetime(2025, 4, 20), [
        ("user", "Since I started the early shifts my neighbour has been walking the dog on Mondays."),
        ("assistant", "That's kind of them.")])])
    a = m.answer("u", "who walks the dog on Mondays these days", ASKED)
    assert a.text.lower().startswith("your neighbour"), a.text


def test_two_relations_in_the_line_are_no_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, [*FILLER, (datetime(2025, 4, 20), [
        ("user", "My mum and my brother take turns walking the dog on Mondays while I'm on early shifts."),
        ("assistant", "Good to have help.")])])
    a = m.answer("u", "who walks the dog on Mondays these days", ASKED)
    assert not a.text.lower().startswith(("your mum", "your brother")), a.text


def test_a_relation_in_a_quoted_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # a line less close to the question than a confident one still names who, by relation
    m = dialogue_memory(tmp_path, [*FILLER,
        (datetime(2025, 4, 20), [("user", "Gave up on the salon, my sister does my hair now and saves me a fortune."),
                                 ("assistant", "Nice!")]),
        (datetime(2025, 1, 20), [("user", "My cousin Aoife and I went to the salon on Grafton Street for haircuts."),
                                 ("assistant", "Fun!")])])
    a = m.answer("u", "who cuts my hair these days", ASKED)
    assert a.text.lower().startswith("your sister"), a.text


def test_a_plan_names_no_one_who_does_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # rev12's near miss: a relative only thinking of doing it is no answer to who does it
    m = dialogue_memory(tmp_path, [*FILLER, (datetime(2025, 4, 20), [
        ("user", "My sister is thinking of doing the school pickups on Wednesdays."),
        ("assistant", "That would help.")])])
    a = m.answer("u", "who does the school pickup on Wednesdays", ASKED)
    assert not a.text.lower().startswith("your sister"), a.text
