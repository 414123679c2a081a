"""A no that refers back to someone else's doing ("…, I didn't make it") is the user's part in it:
the sentence stays whole and negated, so the doing is not the user's event (ev19)."""

from __future__ import annotations

import pytest

from kgmem.answer.actuality import actuality, clauses, left_out


@pytest.mark.parametrize("sentence", [
    "Lena went to our old band's farewell gig on Friday, I didn't make it.",
    "The whole office went to the Christmas do last night, but I couldn't go, the little one had a fever.",
    "Jonas and the kids went to the lake on Sunday, we weren't there.",
])
def test_a_no_after_someone_elses_doing_keeps_the_sentence_whole(sentence: str) -> None:
    assert clauses(sentence) == [sentence]
    assert actuality(sentence) in ("negated", "other")


def test_the_users_own_doing_with_a_no_about_something_else_is_still_cut() -> None:
    s = "I finished the pottery course on Monday, and next month I'm going to start a watercolour class"
    assert len(clauses(s)) == 2
    assert not left_out("I didn't make it to yoga", "I went to the gym on Monday")
    assert not left_out("I didn't make it", "I went to the gym on Monday")  # the user's own doing before it
    assert left_out("I didn't make it", "Pablo went to the reunion on Saturday")


@pytest.mark.parametrize("sentence", [
    "Spicy food all the way, I can't live without it.",
    "Swimming clears my head, I wouldn't trade it.",
])
def test_a_taste_with_a_pronoun_is_no_left_out_doing(sentence: str) -> None:
    # the no must name the user's part in a doing (make it, be there, go, join), not any "it"/"them"
    assert actuality(sentence) != "negated"
