"""A liking found by relevance, not by its wording (pf31, kgmem.answer.pref_relevance): with no liking of the question's
domain in any taste's words, the user's own line most like the question, of its domain, is built on; a complaint, a
chore, someone else's doing, a wish and a negated line are not. Every sentence here is written for this test; none is in
the invented set pref_relevance_pf31 or any data set."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from kgmem.answer.pref_relevance import _DENIED, judged


@pytest.mark.parametrize("line", [
    "The escape room on Bold Street was a total letdown.",
    "Paintball with the stag party was carnage from start to finish.",
    "Those spin bikes at the leisure centre are ancient.",
])
def test_a_verdict_on_a_thing_is_judged(line: str) -> None:
    assert judged(line)


@pytest.mark.parametrize("line", [
    "Spent the whole afternoon at the velodrome again.",
    "I was at the escape room till midnight with the cousins.",
    "My shelves are full of old Penguin classics.",
])
def test_a_report_of_the_speakers_own_life_is_not_judged(line: str) -> None:
    assert not judged(line)


@pytest.mark.parametrize("line", [
    "I haven't touched a paintbrush since college.",
    "I have to do my physio stretches before bed.",
    "My brother keeps trying to get me into darts.",
    "I wish I had time for the allotment.",
    "I've gone off spicy food since the summer.",
])
def test_a_negated_obliged_or_wished_line_is_denied(line: str) -> None:
    assert _DENIED.search(line)


def test_a_report_most_like_the_question_is_built_on(answers_over: Callable[..., list[Any]]) -> None:
    said = [(datetime(2025, 1, 9, 10), "Third kettlebell workout this week done before breakfast."),
            (datetime(2025, 2, 2, 11), "Aqua aerobics at the lido was a washout."),
            (datetime(2025, 3, 15, 19), "Picked up a new kettle from the market on Saturday.")]
    [a] = answers_over("pf31-relevance", said, "pfr", "Noted!", datetime(2025, 5, 1, 9),
                       "Any ideas for a new workout this summer?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    built = a.text.split('"')[0].casefold()
    assert "kettlebell" in built and "aerobics" not in built and "market" not in built, a.text


def test_a_complaint_most_like_the_question_is_not_built_on(answers_over: Callable[..., list[Any]]) -> None:
    said = [(datetime(2025, 1, 9, 10), "Aqua aerobics at the lido was a washout."),
            (datetime(2025, 2, 2, 11), "Picked up a new kettle from the market on Saturday.")]
    [a] = answers_over("pf31-complaint", said, "pfc", "Noted!", datetime(2025, 5, 1, 9),
                       "Any ideas for a new workout this summer?")
    built = a.text.split('"')[0].casefold()  # (quoted back in a hedge at most)
    assert "aerobics" not in built and "lido" not in built, a.text


# ---------------------------------------------------------------------------------------------- the diagnostics


def test_diag_preference_tells_which_user_line_an_answer_says_back() -> None:
    from pathlib import Path

    from script_loader import load_script

    diag = load_script(Path(__file__).resolve().parents[2] / "eval" / "diag_preference.py")
    liked = [{"text": "Every Friday without fail I'm at the climbing wall."}]
    disliked = [{"text": "Hot yoga is my idea of torture."}]
    assert diag.line_used("I'd suggest something fun.", liked, disliked) == "no user line"
    said = 'Based on what you\'ve told me, you enjoy climbing (you told me: "Every Friday without fail I\'m at the ' \
           'climbing wall.").'
    assert diag.line_used(said, liked, disliked) == "gold liked line"
    assert diag.line_used('I\'d avoid hot yoga (you told me: "Hot yoga is my idea of torture.").', liked,
                          disliked) == "gold dislike only"
    assert diag.line_used('Going by what you\'ve told me ("I bought a kettle."), …', liked, disliked) == "other line"


def test_diag_pref_relevance_counts_in_buckets() -> None:
    from pathlib import Path

    from script_loader import load_script

    diag = load_script(Path(__file__).resolve().parents[2] / "eval" / "diag_pref_relevance.py")
    assert [diag._bucket(k) for k in (1, 2, 3, 4, 8, 9)] == ["1", "2-3", "2-3", "4-8", "4-8", ">8"]
    rows = [{"correct": "True", **{k: "x" for k in diag.KEYS}}, {"correct": "False", **{k: "x" for k in diag.KEYS}}]
    assert "| x | 1 | 1 |" in diag.tables(rows)
