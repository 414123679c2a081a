"""A name the user gave when the assistant asked for it (kgmem/answer/reply_names.py): "What's her
name?" — "pepper. my daughter picked it". Sentences invented for the class; none from a data set."""

from __future__ import annotations

from datetime import datetime

from dialogue_fixture import ASKED, FILLER, dialogue_memory

from kgmem.evaluation.judge import declines


def _kitten(reply: str) -> list[tuple[datetime, list[tuple[str, str]]]]:
    return [*FILLER, (datetime(2025, 4, 12), [
        ("user", "we brought the kitten home from the shelter today!!"),
        ("assistant", "How exciting! What's her name?"),
        ("user", reply),
        ("assistant", "Give her a quiet room for the first few days.")])]


def test_the_name_given_when_asked(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _kitten("pepper. my daughter picked it, she's hiding under the bed"))
    a = m.answer("u", "whats the kitten called again", ASKED)
    assert a.text.startswith("Pepper"), a.text


def test_no_name_in_the_reply_is_no_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _kitten("not sure yet, we're still arguing about it"))
    a = m.answer("u", "whats the kitten called again", ASKED)
    assert not a.text.startswith(("Not", "We")), a.text


def test_a_name_given_for_something_else_is_no_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # the assistant asked about the kitten; the question is about a horse the user never named
    m = dialogue_memory(tmp_path, _kitten("pepper. my daughter picked it"))
    a = m.answer("u", "what is my horse called", ASKED)
    assert "Pepper" not in a.text and (a.abstained or declines(a.text)), a.text
