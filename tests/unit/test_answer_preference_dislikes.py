"""A preference answer from dislikes alone never announces an idea it does not give (review7 H4):
the user's own relevant statements carry the suggestion, and the dislike is steered clear of.
Hand-written haystack (a14h, session 7)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kgmem.models import Answer

SESSIONS = [
    (datetime(2024, 3, 2, 18), "I can't stand mushrooms, the texture makes me gag."),
    (datetime(2024, 3, 9, 12), "How do I get red wine out of a rug?"),
    (datetime(2024, 3, 16, 19), "I'm cooking for four friends on Saturday and I usually do something in one big tray."),
]


def test_dislikes_alone_give_a_suggestion_with_substance(answers_over: Callable[..., list[Answer]]) -> None:
    [a] = answers_over("pref-dislikes", SESSIONS, "prefd", None, datetime(2024, 3, 20, 9),
                       "What should I cook this weekend?")
    assert a.extra["path"] == "preference", a.extra["path"]
    assert "here is an idea" not in a.text, a.text
    assert "avoid mushrooms" in a.text or "can't stand mushrooms" in a.text, a.text  # steered clear of, said
