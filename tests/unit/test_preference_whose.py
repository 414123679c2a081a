"""Whose taste, and a taste against a constraint (pf14, session 14; review13 (a) and (b)).

A taste or constraint someone else holds ("my sister went vegan", "Tom can't stand olives") is no
reason for the user's own suggestion, unless the question is about that person or a group with them;
the holder comes from the parse. A liked thing that a diet, allergy or refusal keeps out is not built
on, and a suggestion built on a taste is qualified by the constraint's kind ("a lactose-free take on
pizza"). Every sentence below was written for this test; none is from a data set.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import numpy as np
import pytest

from kgmem.answer import pref_domains
from kgmem.answer.pref_clash import clashes
from kgmem.answer.pref_reasons import (
    Restriction,
    as_diet,
    reasons_from,
    restrictions,
)
from kgmem.answer.pref_whose import for_the_user, guest_occasions, holders
from kgmem.answer.preference import asked_tastes
from kgmem.models import Answer

pytest.importorskip("spacy")


@pytest.mark.parametrize(("sentences", "expected"), [
    (("My cousin Aurelio is allergic to sesame.",), [[{"cousin", "aurelio"}]]),
    (("Tom can't stand olives, but I love them.",), [[{"tom"}, None]]),
    (("my brother and I can't eat gluten",), [[None]]),
    (("I'm vegan, and my flatmate is allergic to nuts",), [[None, {"flatmate"}]]),
    # a clause with a thing as its subject continues the person before it in its sentence
    (("Wendeline has coeliac disease, so the bakery must be strictly gluten-free",), [[{"wendeline"}, {"wendeline"}]]),
    # a pronoun stands for the person the turn named last
    (("Ottilie turns two next week.", "No nuts, she reacts badly to them"), [[{"ottilie"}], [{"ottilie"}]]),
    (("I can't stand coriander",), [[None]]),
])
def test_the_holder_of_a_taste_comes_from_the_parse(sentences: tuple[str, ...], expected: list[list[set[str] | None]]) -> None:
    got = [holders(sentences[:k + 1]) for k in range(len(sentences))]
    assert [[None if h is None else set(h) for h in row] for row in got] == expected


@pytest.mark.parametrize(("holder", "question", "counts"), [
    (None, "what should I cook tonight?", True),                                   # the user's own
    ({"sister"}, "what should I cook tonight?", False),                            # the sister's, for the user alone
    ({"sister"}, "any gift ideas for my sister's birthday?", True),                # about her
    ({"aurelio"}, "what could I bake for aurelio on friday", True),                # named, even in lower case
    ({"aurelio"}, "Could you suggest a day out for Benedikt and me?", False),      # someone else named
    ({"benedikt"}, "Could you suggest a day out for Benedikt and me?", True),
    ({"wendeline"}, "Where should we go for our anniversary?", True),              # a group with the user
    ({"flatmate"}, "friends are coming round saturday, what do I cook?", True),    # a group of people
    ({"she"}, "what should I read next?", True),                                   # unresolved: benefit of the doubt
])
def test_someone_elses_taste_counts_only_for_them_or_a_group(holder: set[str] | None, question: str,
                                                              counts: bool) -> None:
    assert for_the_user(None if holder is None else frozenset(holder), question) is counts


@pytest.mark.parametrize(("said", "labels"), [
    ("I'm lactose intolerant", ["lactose-free"]),
    ("we went vegetarian in the spring", ["vegetarian"]),
    ("my nephew has a peanut allergy", ["peanut-free"]),
    ("Wendeline has coeliac disease", ["gluten-free"]),                 # a condition, by its meaning bank
    ("I'm not vegan, whatever my mum thinks", []),                      # a diet denied
    ("I'm thinking of going pescatarian next spring", []),             # a diet planned (rev15 pf6)
    ("the nurse suggested going low-sugar", []),                        # a diet suggested by someone else
    ("no olives in anything for me", ["without olives"]),               # a refusal
])
def test_a_constraint_keeps_out_by_its_kind(said: str, labels: list[str]) -> None:
    assert [r.label for r in restrictions(reasons_from([("t", said)]))] == labels


def test_a_like_named_by_the_constraint_clashes_and_a_diet_is_no_like() -> None:
    kept = [Restriction("cheese", "without cheese", "refusal")]
    no_model: Callable[[list[str]], np.ndarray | None] = lambda texts: None  # noqa: E731
    assert clashes(["blue cheese", "vegan cheese", "roast vegetables"], kept, no_model) == [True, False, False]
    assert as_diet("Pescatarian") == Restriction("", "pescatarian", "diet")
    assert as_diet("gluten-free") == Restriction("gluten", "gluten-free", "diet")
    assert as_diet("spicy food") is None


def test_the_domain_examples_are_embedded_once_per_process() -> None:
    calls: list[int] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        rng = np.random.default_rng(len(texts))
        v = rng.normal(size=(len(texts), 8)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    pref_domains._CENTROIDS.pop("test-model:8", None)
    n_examples = sum(len(v) for v in pref_domains._domain_examples().values())
    pref_domains.domain_scores(["a book to read"], embed, "test-model:8")
    pref_domains.domain_scores(["what to cook"], embed, "test-model:8")
    assert calls == [n_examples, 1, 1]  # the examples once, then only the texts
    pref_domains._CENTROIDS.pop("test-model:8", None)


SAID = [
    (datetime(2025, 3, 2, 19), "My sister Maren went vegan last year, so no cheese or eggs for her, "
                               "and she can't stand olives either."),
    (datetime(2025, 3, 5, 20), "I've been lactose intolerant for years, so no milk in anything for me."),
    (datetime(2025, 3, 9, 18), "Rain all week, the garden is a swamp."),
    (datetime(2025, 3, 12, 18), "Pizza night is my favourite night of the week, I love pizza."),
]


def test_a_sisters_diet_is_no_reason_for_the_users_own_dinner(answers_over: Callable[..., list[Answer]]) -> None:
    own, hers = answers_over("pf14-whose", SAID, "pfw", "Noted!", datetime(2025, 3, 20, 17),
                             "what should I cook for dinner tonight?",
                             "what should I cook for Maren's birthday dinner?")
    assert own.extra["path"] == "preference" and hers.extra["path"] == "preference"
    assert "vegan" not in own.text and "Maren" not in own.text and "eggs" not in own.text, own.text
    # the user's taste, honoured with the user's own constraint by its kind
    assert "lactose-free take on pizza" in own.text, own.text
    # for her, her diet and refusals count too; pizza (cheese) is not built on against "no cheese or eggs"
    assert "vegan" in hers.text and "no cheese or eggs" in hers.text and "milk" in hers.text, hers.text
    assert "take on pizza" not in hers.text and "built around pizza" not in hers.text, hers.text


def test_a_taste_the_constraint_keeps_out_is_not_built_on(answers_over: Callable[..., list[Answer]]) -> None:
    said = [
        (datetime(2025, 4, 1, 19), "Honestly I could live on cheese, a good cheese board is my favourite thing."),
        (datetime(2025, 4, 3, 20), "Doctor says I have to go dairy-free from now on, which is gutting."),
        (datetime(2025, 4, 6, 18), "I also love anything with roasted vegetables."),
    ]
    [a] = answers_over("pf14-clash", said, "pfc", "Noted!", datetime(2025, 4, 10, 17),
                       "what should I make for dinner tonight?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "dairy-free" in a.text and "roasted vegetables" in a.text, a.text
    assert "built around good cheese board" not in a.text and "take on good cheese board" not in a.text, a.text
    assert "left out good cheese board" in a.text, a.text


@pytest.mark.parametrize(("question", "asked"), [
    ("me n my cousins r eating after the match, im craving ramen, what should i get", ["ramen"]),
    ("I really fancy a curry tonight, any ideas?", ["curry"]),
    ("what should I cook for dinner?", []),
    ("my sister loves sushi, where should we eat?", []),   # someone else's taste is not what the user asks for
])
def test_a_taste_the_question_states_is_what_is_asked_for(question: str, asked: list[str]) -> None:
    assert asked_tastes(question) == asked


def test_the_asked_taste_is_qualified_not_left_out(answers_over: Callable[..., list[Answer]]) -> None:
    said = [(datetime(2025, 5, 1, 19), "Heads up, I'm allergic to shellfish, so nothing with prawns or crab for me."),
            (datetime(2025, 5, 4, 20), "Finally fixed the bike chain.")]
    [a] = answers_over("pf14-asked", said, "pfa", "Noted!", datetime(2025, 5, 10, 17),
                       "im craving seafood pasta tonight, what should i make?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "shellfish-free take on seafood pasta" in a.text, a.text


@pytest.mark.parametrize("over", [
    "I used to be vegetarian but I eat meat again now.",
    "I was vegetarian for ten years until 2019.",
])
def test_a_diet_told_as_over_keeps_nothing_out(over: str, answers_over: Callable[..., list[Answer]]) -> None:
    """rev14 (23:02): a past diet was honoured as a current constraint and the user's own like thrown out."""
    said = [(datetime(2025, 3, 2, 19), "I love a proper beef steak, cooked rare."),
            (datetime(2025, 3, 5, 20), over)]
    [a] = answers_over("pf14-over", said, "pfo", "Noted!", datetime(2025, 3, 20, 17),
                       "What should I cook for dinner tonight?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "built around proper beef steak" in a.text, a.text
    assert "left out" not in a.text and "vegetarian take" not in a.text, a.text


@pytest.mark.parametrize(("sentences", "guests"), [
    (("Priyanka's coming for lunch on Sunday.",), {"priyanka": {"lunch", "sunday"}}),
    (("We're having the Abernathys over on Saturday for a barbecue.",), {"abernathys": {"saturday", "barbecue"}}),
    (("My husband is coming home late tonight.",), {}),     # coming home: no guest
    (("Tom can't stand olives.",), {}),                     # no coming at all
    (("Priyanka's staying with us all week.",), {}),         # a stay: one of "us" for every meal of it (rev15)
    (("My in-laws are visiting for the weekend.",), {}),
])
def test_a_guest_comes_for_an_occasion(sentences: tuple[str, ...], guests: dict[str, set[str]]) -> None:
    assert {k: set(v) for k, v in guest_occasions(sentences).items()} == guests


@pytest.mark.parametrize(("question", "counts"), [
    ("What pudding should I make for Sunday's lunch?", True),   # the occasion she comes to, not her name
    ("what should we cook tonight?", False),                    # another meal "we" have: not hers
    ("what could I bake for Priyanka?", True),                  # named
])
def test_a_guests_constraint_counts_for_their_occasion(question: str, counts: bool) -> None:
    """review14 M2: a guest's allergy was dropped for the occasion she comes to, and leaked into "we"'s dinner."""
    occasions = guest_occasions(("Priyanka's coming for lunch on Sunday.", "She's allergic to sesame."))
    assert for_the_user(frozenset({"priyanka"}), question, occasions) is counts


def test_the_guests_allergy_is_honoured_at_her_occasion(answers_over: Callable[..., list[Answer]]) -> None:
    said = [(datetime(2025, 6, 2, 19), "I adore sticky toffee pudding more than anything."),
            (datetime(2025, 6, 4, 20), "Priyanka's coming for lunch on Sunday. She's allergic to sesame.")]
    hers, ours = answers_over("pf15-guest", said, "pfg", "Noted!", datetime(2025, 6, 5, 17),
                              "What pudding should I make for Sunday's lunch?", "What should we cook tonight?")
    assert hers.extra["path"] == "preference" and ours.extra["path"] == "preference"
    assert "sesame" in hers.text, hers.text
    assert "sesame" not in ours.text, ours.text
    assert "pudding more," not in hers.text and "pudding more;" not in hers.text, hers.text  # the degree is no part of the thing


def test_a_staying_guests_allergy_counts_for_our_meals(answers_over: Callable[..., list[Answer]]) -> None:
    """rev15 (01:48): a houseguest staying all week was reduced to an occasion, and her allergy dropped for "we"."""
    said = [(datetime(2025, 6, 2, 19), "I adore a good lentil shepherd's pie."),
            (datetime(2025, 6, 4, 20), "Priyanka's staying with us all week. She's allergic to sesame.")]
    [ours] = answers_over("pf15-stay", said, "pfs", "Noted!", datetime(2025, 6, 5, 17), "What should we cook tonight?")
    assert ours.extra["path"] == "preference" and "sesame" in ours.text, ours.text
