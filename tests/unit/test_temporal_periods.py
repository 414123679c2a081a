"""One reader of closed past periods (kgmem.temporal.periods) for extraction and the answer side (cw16).

extraction/zero/ended.py and answer/stale.py each read "a past state verb with a bound, a span in
years, a later event" and "a negation with an ending adverb" with their own code; both now ask
:mod:`kgmem.temporal.periods`. The answer side gains what extraction knew (a past perfect or
progressive) and extraction what the answer side knew ("from 2015 to 2019").
Sentences invented for these tests.
"""

from __future__ import annotations

import pytest

from kgmem.answer.stale import stale
from kgmem.nlp import load_nlp
from kgmem.temporal import periods


def _verb(text: str, lemma: str):  # type: ignore[no-untyped-def]
    return next(t for t in load_nlp()(text) if t.lemma_.lower() == lemma and t.pos_ in ("VERB", "AUX"))


@pytest.mark.parametrize(("text", "lemma", "past", "closed", "before"), [
    ("I worked at Halden Bank until 2021.", "work", True, True, False),
    ("I had lived in Dundee for six years.", "live", True, True, False),
    ("I lived in Govan from 2016 to 2019.", "live", True, True, False),
    ("I lived in Perth before moving to Stirling.", "live", True, False, True),
    ("I've worked at Halden Bank for six years.", "work", False, True, False),  # a present perfect still holds
    ("I worked late for two hours.", "work", True, False, False),  # an event's length, not a period
    ("I work at Halden Bank.", "work", False, False, False),
])
def test_tense_and_period_by_the_parse(text: str, lemma: str, past: bool, closed: bool, before: bool) -> None:
    verb = _verb(text, lemma)
    got = (periods.past_tense(verb), periods.closed_period(verb), periods.came_before(verb))
    assert got == (past, closed, before), text


@pytest.mark.parametrize(("text", "ending"), [
    ("I no longer cycle to the depot.", True),
    ("I don't drive the Corsa anymore.", True),
    ("She doesn't go there any more.", True),
    ("I still drive the Corsa.", False),
    ("I don't drive at night.", False),
])
def test_ending_negation(text: str, ending: bool) -> None:
    assert periods.ending_negation(load_nlp()(text)) is ending, text


def test_the_answer_side_reads_a_past_perfect_period() -> None:
    # what extraction read and the answer side did not: a past perfect closes a period too
    assert stale("My phone's a Pixel now, I had used an iPhone until last spring.", "iPhone")


def test_a_beginning_before_an_event_is_not_stale() -> None:
    # "before" closes a state (extraction's policy checks the verb), never the answer side's onset
    assert not stale("We moved to Stirling before Christmas and love it.", "Stirling")
