"""retrieval/question.py's regex intents for two classes of wording (session 10, fa10).

- A question about a list the assistant gave, asked with a verb of placing ("did you put second",
  "include") or a progressive / "end up" form ("did you end up recommending", "were you
  suggesting"), is ASSISTANT_SAID.
- A modal's "use to" ("what should I use to send …") is a use for a purpose, not the habitual past
  "used to" (which many write "use to": "what car did i use to drive").

Questions are invented.
"""

from __future__ import annotations


def test_list_questions_are_asked_of_the_assistant() -> None:
    from kgmem.models import Intent
    from kgmem.retrieval.planner import plan_query

    for q in ("which kayak place did u put second on that list", "which tea did you end up recommending for me",
              "what were you suggesting for the evening", "which shop did you include in the list"):
        assert plan_query(q).intent == Intent.ASSISTANT_SAID, q
    assert plan_query("which came first, the kayak trip or the tea tasting").intent != Intent.ASSISTANT_SAID


def test_a_modal_use_to_is_a_purpose_not_the_past() -> None:
    from kgmem.models import Intent
    from kgmem.retrieval.planner import plan_query

    assert plan_query("What should I use to track my running club's subs?").intent == Intent.PREFERENCE
    assert plan_query("what bike did i use to ride").intent == Intent.HISTORY  # misspelt "used to"
    assert plan_query("what phone did I use to have before this one").intent == Intent.HISTORY


def test_a_store_asked_with_the_thing_as_subject() -> None:
    from kgmem.retrieval.planner import plan_query

    for q in ("Which shop was the rowing machine from?", "What store did the desk lamp come from?",
              "which shop is my raincoat from"):
        assert plan_query(q).slot == "bought.store", q
    assert plan_query("Which city is the band from?").slot != "bought.store"
