"""A thing's state told by what was done to it or by a reporter's words without quotes (oe29, issue #13 item 7).

Sentences invented for these tests (none from a pair file or the synthetic templates), read by the whole
zero-LLM extractor: the thing's ``status`` is the act's participle, the marked state or the reported state.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.zero import RuleExtractor

DAY = datetime(2034, 4, 10, 18, 0)


def _statuses(ex: RuleExtractor, text: str) -> set[tuple[str, str]]:
    return {(f.subject.casefold(), f.value.casefold()) for f in ex.extract([("user", text)], DAY).facts
            if f.predicate == "status"}


@pytest.mark.parametrize(("text", "want"), [
    # an act done to the thing by someone else
    ("The printer is playing up again so they reopened my ticket.", ("ticket", "reopened")),
    ("Good news, the council finally approved the parking permit.", ("parking permit", "approved")),
    # a marking
    ("Helpdesk marked the laptop ticket as resolved, even though the fan still whines.", ("laptop ticket", "resolved")),
    # the thing undergoes it
    ("The bookshelf got delivered this morning, now I have to build the thing.", ("bookshelf", "delivered")),
    ("The walnut desk has been dispatched, tracking came through an hour ago.", ("walnut desk", "dispatched")),
    # a reporter's words without quotes
    ("Loaf say the armchair is in production, eight weeks apparently.", ("armchair", "in production")),
    ("Ordered a rug from Habitat, the tracker says awaiting stock.", ("rug", "awaiting stock")),
    ("My spouse visa application says received on the portal.", ("spouse visa application", "received")),
])
def test_a_state_told_by_an_act_or_a_reporter_is_the_things_status(extractor: RuleExtractor, text: str,
                                                                   want: tuple[str, str]) -> None:
    assert want in _statuses(extractor, text)


@pytest.mark.parametrize("text", [
    "Should they reopen my ticket or start a new one?",  # a question
    "If they approve the permit we can start in May.",  # a supposition
    "They haven't dispatched the desk yet, it's been a fortnight.",  # a negated act
    "I reopened the spreadsheet and carried on with the budget.",  # the user's own act on a thing
    "The vet fixed Biscuit's leg before the weekend.",  # no order, ticket or claim of the user's
])
def test_no_state_from_questions_suppositions_negations_the_users_acts_or_people(extractor: RuleExtractor,
                                                                                 text: str) -> None:
    got = _statuses(extractor, text)
    assert not {s for s in got if s[1] in ("reopened", "approved", "dispatched", "fixed")}, got


@pytest.mark.parametrize(("text", "state"), [
    ("Loaf say the armchair is in production, eight weeks apparently.", "production"),
    ("My Zara return is still in transit apparently.", "transit"),
])
def test_a_venue_read_from_the_words_of_the_state_is_dropped(extractor: RuleExtractor, text: str, state: str) -> None:
    facts = extractor.extract([("user", text)], DAY).facts
    assert [f for f in facts if f.predicate == "status"]
    assert not [f for f in facts if f.predicate == "venue" and f.value.casefold() == state]
