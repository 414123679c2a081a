"""A class refused, an allergy or a diet keeps out its members (pf16): a liked thing one of whose words
names a kind of the class by any of its senses ("prawn linguine" for shellfish, "lamb tagine" for red
meat or for a vegetarian) clashes, by WordNet's kinds (kgmem.knowledge) and, where WordNet files a
class's members elsewhere, the class's kinds (domains.json "members", general English). A word that is
a food only in another sense ("board game night") is no member. Every phrase is invented for this test."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from kgmem.answer.pref_reasons import Restriction, clashes

NO_MODEL: Callable[[list[str]], np.ndarray | None] = lambda texts: None  # noqa: E731


@pytest.mark.parametrize(("kept", "likes", "expected"), [
    (Restriction("shellfish", "without shellfish", "refusal"),
     ["prawn linguine", "lobster roll", "mushroom risotto"], [True, True, False]),
    (Restriction("shellfish", "shellfish-free", "diet"), ["crab cakes", "chicken curry"], [True, False]),
    (Restriction("red meat", "without red meat", "refusal"),
     ["lamb tagine", "venison burger", "pork belly", "chicken pie", "veggie chilli"], [True, True, True, False, False]),
    (Restriction("", "vegetarian", "diet"),
     ["lamb tagine", "bacon sandwich", "tofu stir fry", "board game night"], [True, True, False, False]),
    (Restriction("nuts", "without nuts", "refusal"), ["almond cake", "walnut brownies", "fruit salad"],
     [True, True, False]),
    (Restriction("", "vegan", "diet"), ["yogurt parfait", "fruit salad"], [True, False]),
    # a refusal of a kind of film keeps out no other kind of film
    (Restriction("horror movies", "without horror movies", "refusal"), ["heist movies", "horror films"], [False, True]),
])
def test_a_class_keeps_out_its_members(kept: Restriction, likes: list[str], expected: list[bool]) -> None:
    assert clashes(likes, [kept], NO_MODEL) == expected
