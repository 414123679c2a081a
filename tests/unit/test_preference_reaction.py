"""A taste told by the speaker's reaction (pf20): "show me X and <how it leaves me>" / "anything with X and <how it
leaves me>", the polarity read by the reaction's meaning (kgmem.answer.pref_reaction), and what others like leaving
the speaker cold ("I'll never get the hype around X"). Every sentence here is written for this test; none is in the
reactions bank."""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources

import pytest

from kgmem.answer.pref_reaction import offered, polarities
from kgmem.answer.taste import read_taste


@pytest.mark.parametrize(("clause", "thing"), [
    ("Oh, and hand me a plate of dim sum and I'm grinning like an idiot", "plate of dim sum"),
    ("anything about Formula One and my eyes start to close", "Formula One"),
    ("show us a rooftop bar and we're staying till closing", "rooftop bar"),
    ("(btw: play me some Motown and I'm up and dancing)", "Motown"),
    ("anything involving escape rooms and I make my excuses", "escape rooms"),
    ("stick a Poirot mystery in front of me and I'm gone for the night", "Poirot mystery"),
])
def test_the_offered_thing_and_the_reaction_are_read(clause: str, thing: str) -> None:
    told = offered(clause)
    assert told is not None and told[0] == thing


@pytest.mark.parametrize("clause", [
    "give me a rainy Sunday and a pile of magazines and I'm set",  # no one thing
    "anything with subtitles and my husband leaves the room",  # his reaction
    "anything with subtitles and our kids start groaning",  # theirs
    "I put the lasagne in and I'm waiting",  # a deed, no offer
    "We love hiking and I'm planning a trip",  # a taste read by its verb, not by a reaction
])
def test_no_offer_or_someone_elses_reaction_is_none(clause: str) -> None:
    assert offered(clause) is None


@pytest.mark.parametrize(("reaction", "pleased"), [
    ("I'm grinning like an idiot", True),
    ("I'm the happiest woman alive", True),
    # a known limit, not asserted (CI allows no expected failures): "we're staying till closing", staying on told
    # without a word of pleasure, reads as nearer to leaving (pf20's note)
    ("my eyes start to close", False),
    ("I make my excuses and leave", False),
    ("I'm reaching for the off switch", False),
    ("I feel a headache coming on", False),
])
def test_the_reaction_polarity_is_read_by_meaning(reaction: str, pleased: bool, minilm_embed) -> None:  # noqa: ANN001
    assert polarities([reaction], minilm_embed) == [pleased]


@pytest.mark.parametrize("reaction", ["I'll check", "I'll send it over", "I'll be right down"])
def test_a_promise_is_no_reaction(reaction: str, minilm_embed) -> None:  # noqa: ANN001
    assert polarities([reaction], minilm_embed) == [None]


def test_no_probe_is_in_the_bank() -> None:
    path = resources.files("kgmem").joinpath("resources", "preference", "reactions.json")
    bank = json.loads(path.read_text(encoding="utf-8"))
    examples = {e.lower() for e in bank["pleased"] + bank["displeased"]}
    assert len(bank["pleased"]) >= 20 and len(bank["displeased"]) >= 20
    probes = ["I'm grinning like an idiot", "I'm the happiest woman alive", "we're staying till closing",
              "my eyes start to close", "I make my excuses and leave", "I'm reaching for the off switch",
              "I feel a headache coming on"]
    assert not any(p.lower() in examples for p in probes)


@pytest.mark.parametrize(("clause", "thing"), [
    ("I'll never get the hype around cruises", "cruises"),
    ("we honestly don't see the point of escape rooms", "escape rooms"),
    ("Never understood the appeal of reality TV, to be fair", None),  # no speaker: not this frame
    ("I never understood the fuss about truffle oil", "truffle oil"),
])
def test_what_leaves_the_speaker_cold_is_a_dislike(clause: str, thing: str | None) -> None:
    taste = read_taste(clause)
    if thing is None:
        assert taste is None or taste[1] != "reality TV" or not taste[0]
    else:
        assert taste == (False, thing)


def test_i_finally_get_the_appeal_is_no_dislike() -> None:
    assert read_taste("I finally get the appeal of jazz") is None


def test_a_reaction_told_dislike_is_avoided_not_built_on(chat_memory) -> None:  # noqa: ANN001
    said = [(datetime(2024, 2, 3), "How do I get wax out of a tablecloth? Oh, anything with accordion music and I'm "
             "reaching for the off switch."),
            (datetime(2024, 2, 10), "By the way, play me some old Motown and I'm grinning for hours."),
            (datetime(2024, 2, 20), "What's the best way to store winter coats?")]
    m = chat_memory("u_reaction", said, "rx", None)
    text = m.answer("u_reaction", "long train ride tomorrow, what should I listen to?",
                    question_date=datetime(2024, 3, 1)).text
    assert "Motown" in text and "avoid accordion music" in text
    assert "enjoy accordion" not in text


def test_a_taste_before_a_run_on_question_is_read(chat_memory) -> None:  # noqa: ANN001
    # the taste's sentence ended on a closer without its full stop; the question after it is a sentence of its own
    said = [(datetime(2024, 4, 2), "Can never get enough of canal walks tbh Any tips for cleaning white trainers?"),
            (datetime(2024, 4, 9), "How long do I boil an egg for?")]
    m = chat_memory("u_runon", said, "ro", None)
    text = m.answer("u_runon", "free saturday and nothing planned, what should I do?", question_date=datetime(2024, 5, 1)).text
    assert "enjoy canal walks" in text, text


@pytest.mark.parametrize("clause", [
    # rev20: what keeps happening is no taste without the speaker's stance ("a delayed flight", "rain")
    "Every trip we book somehow involves a delayed flight", "Every holiday we take seems to involve rain",
    "Every argument we have involves money", "every shift I work includes a night on call",
])
def test_what_keeps_happening_is_no_liking(clause: str) -> None:
    taste = read_taste(clause)
    assert taste is None or not taste[0]
