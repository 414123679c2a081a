"""Preferences stated as constraints, and the user's own tastes only (pr10, session 10).

Classes: a verbless refusal opening a clause ("no X", "nothing X", "not X"), keeping a thing away
("keep X out of", "steer clear of X"), what the speaker cannot eat or be doing with, a thing + how it
tastes or smells to the speaker, a must / a no-go, "my X allergy", asking for it without X. Every
sentence below was written for this test (none is from a development set); the classes were found on
dev5's three preference questions and measured on dev3/dev4 (see /work/coord/notes/pr10.md).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer import taste
from kgmem.answer.pref_reading import reads_as_taste
from kgmem.answer.preference import asks_for_advice
from kgmem.models import Answer

CONSTRAINTS = [
    ("We steer clear of chain pubs these days", False, "chain pubs"),
    ("I can't eat gluten", False, "gluten"),
    ("honestly can't be doing with crowded beaches", False, "crowded beaches"),
    ("nothing fizzy for me", False, "fizzy"),
    ("fennel honestly smells like feet to me", False, "fennel"),
    ("a walk-in shower is a must", True, "walk-in shower"),
    ("stairs are a no-go since the op", False, "stairs"),
    ("trying to keep the caffeine out of my afternoons", False, "caffeine"),
    ("I always ask for no ice", False, "ice"),
    ("we check every label because of my peanut allergy", False, "peanut"),
    ("not cruises, too many people", False, "cruises"),
    ("and no screens at the table", False, "screens at the table"),
    ("I'm lactose intolerant to be fair", None, None),  # no thing named after the frame: nothing read
]


@pytest.mark.parametrize(("statement", "likes", "thing"), CONSTRAINTS)
def test_constraints_are_read_as_tastes(statement: str, likes: bool | None, thing: str | None) -> None:
    expected = None if likes is None else (likes, thing)
    assert taste.read_taste(statement) == expected


@pytest.mark.parametrize("statement", [
    "no worries, see you then",
    "Nothing happened at the meeting.",
    "not sure yet",
    "Nothing broken, they said.",
    "keep it out of reach",
    "I kept the receipt out of habit",
    "no idea what to get him",
    "not today thanks",
    "No, I went on Tuesday",
    "no more than two hours",
])
def test_what_is_no_constraint_is_not_read(statement: str) -> None:
    assert taste.read_taste(statement) is None


@pytest.mark.parametrize(("value", "sentence", "ok"), [
    ("bread starter", "My bread starter smells like vinegar.", False),      # a comparison, no taste
    ("much more my", "That was much more my cup of tea.", False),           # a piece of the frame
    ("hard pass", "Hard pass on opera.", False),                            # the frame words only
    ("seed", "What seed do they like best?", False),                        # a question
    ("opera", "My sister loves opera.", False),                              # someone else's
    ("salsa", "I love salsa.", True),
    ("lavender", "Lavender smells amazing to me.", True),                   # a sensed taste the frames read
])
def test_a_like_fact_needs_a_taste_in_its_source(value: str, sentence: str, ok: bool) -> None:
    assert reads_as_taste(value, sentence) is ok


@pytest.mark.parametrize(("question", "advice"), [
    ("What should I use to send invoices to clients?", True),
    ("any ideas for a picnic on sunday", True),
    ("Could you suggest a present for my aunt?", True),
    ("recommend a podcast for the gym", True),
    ("What did you recommend for my back pain?", False),
    ("Which restaurant did I say I liked?", False),
    ("what should I bring again, remind me?", False),
    ("How many books did I read in May?", False),
])
def test_advice_requests(question: str, advice: bool) -> None:
    assert asks_for_advice(question) is advice


SAID = [
    (datetime(2024, 5, 2, 9), "My bread starter smells like vinegar. Is it still ok?"),
    (datetime(2024, 5, 6, 20), "The new neighbour is lovely on the phone, she works nights."),
    (datetime(2024, 5, 11, 18), "We've gone dairy-free at home since the scan, so no cheese or cream in anything, "
                                "and we're trying to keep sugar out of the kids' food too."),
    (datetime(2024, 5, 14, 12), "Finally finished the tax return, what a slog."),
]


def test_a_suggestion_cites_the_users_constraints_not_fillers(answers_over: Callable[..., list[Answer]]) -> None:
    [a] = answers_over("pr10-constraints", SAID, "prc", "Noted!", datetime(2024, 5, 20, 9),
                       "what could I make for the kids' tea tomorrow")
    assert a.extra["path"] == "preference", a.extra["decision"]
    assert "cheese" in a.text and "sugar" in a.text, a.text
    assert "you told me" in a.text or "you've told me:" in a.text, a.text  # the user's own words are cited
    assert "starter" not in a.text and "phone" not in a.text and "tax" not in a.text, a.text
