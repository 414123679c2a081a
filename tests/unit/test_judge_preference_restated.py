"""The offline scorer's preference rubric credits a suggestion, not the user's constraints said back
(review13 M1, pf14 session 14). The rule is the same for every system: quoted words, a list after
"what you've told me:" and each clause whose subject is the user stating what they are, like or
cannot have are left out before the rubric's keywords are counted; what the answer suggests stays.
Hand-written rubric and answers."""

from __future__ import annotations

import pytest

from kgmem.evaluation.judge import NormalisedMatchScorer, without_restatements

RUBRIC = ("The user would prefer a dairy-free (lactose-free) dinner, ideally spicy, with plenty of chilli, "
          "such as a coconut curry.")
ASKED = {"question": "what should I cook tonight?", "gold": RUBRIC,
         "question_type": "single-session-preference", "is_abstention": False}


@pytest.mark.parametrize(("answer", "right"), [
    # kgmem's session-13 shape: constraints said back after "what you've told me:", no suggestion
    ("I'd suggest something that fits what you've told me: you're lactose intolerant; you love spicy food "
     "with loads of chilli; and no dairy.", False),
    # an LLM's shape: a restating clause, then nothing suggested
    ("Since you're lactose intolerant and you love chilli, it's worth thinking about what you enjoy.", False),
    ("You mentioned that you're lactose intolerant and love spicy, dairy-free food.", False),
    # suggestions: the rubric's words in what is suggested count
    ("Since you're lactose intolerant, I'd suggest a spicy coconut curry with plenty of chilli.", True),
    ("You could make a dairy-free coconut curry, spicy with fresh chilli.", True),
    # review14 M3: a suggestion offered as what is coming to the user, what they merit, or an example of
    # what they want is no restatement
    ("You deserve a spicy dairy-free coconut curry with plenty of chilli tonight!", True),
    ("You want something like a spicy dairy-free coconut curry with plenty of chilli.", True),
    ("You're going to love a spicy dairy-free coconut curry with plenty of chilli.", True),
    ("A spicy dairy-free coconut curry with plenty of chilli would be perfect.", True),
    # ... while the user's need said back still earns nothing (rev15: nor a restatement opening "you're going to" or
    # "you deserve to")
    ("You want something spicy and dairy-free with plenty of chilli.", False),
    ("You're going to want something spicy and dairy-free with plenty of chilli, as you said.", False),
    ("You're going to be cooking for a lactose intolerant guest who loves a spicy coconut curry with plenty of chilli.",
     False),
    ("You deserve to know that you told me you love a spicy dairy-free coconut curry with plenty of chilli.", False),
])
def test_only_the_suggestion_earns_the_rubric(answer: str, right: bool) -> None:
    assert NormalisedMatchScorer().judge(prediction=answer, **ASKED).correct is right


def test_what_is_left_out_and_what_stays() -> None:
    assert "lactose" not in without_restatements("Since you're lactose intolerant, try a dhal.")
    assert "dhal" in without_restatements("Since you're lactose intolerant, try a dhal.")
    assert "train" in without_restatements("You could take the train, since you avoid flying.")
    assert "flying" not in without_restatements("You could take the train, since you avoid flying.")
    assert "vegan" not in without_restatements("I'd suggest something to fit what you've told me: you're vegan.")
    assert "pizza" in without_restatements("You enjoy pizza, so I'd suggest a lactose-free take on pizza.")
