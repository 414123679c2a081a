"""A liking told in words no taste frame reads, read by meaning for the question's domain (pf29,
kgmem.answer.pref_meaning): the line's thing is its phrase nearest the asked domain, and the line with that thing put as
"it" must be clearly nearer the fond bank than the plain and averse ones. Every sentence here is written for this test;
none is in the fondness bank, the invented set pref_domains or any data set."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from importlib import resources
from typing import Any

import pytest

from kgmem.answer.pref_domains import DomainView
from kgmem.answer.pref_meaning import things


@pytest.mark.parametrize(("question", "line", "thing"), [
    ("Any ideas for what I could cook on Sunday?", "I've been batch cooking lentil soup all winter and it never gets old.",
     "lentil soup"),
    ("Where should I go for a long weekend?", "Honestly my weekends revolve around hiking in the hills.",
     "hiking in the hills"),
    ("What should I listen to on the train?", "I've had Fleetwood Mac on repeat for a month.", "Fleetwood Mac"),
    ("How can I get fitter this summer?", "Swimming laps is the one exercise I actually look forward to.",
     "Swimming laps"),
])
def test_a_liking_no_frame_reads_is_read_by_meaning(question: str, line: str, thing: str,
                                                     minilm_embed: Callable[[list[str]], Any]) -> None:
    from kgmem.answer.pref_meaning import tastes_by_meaning

    assert tastes_by_meaning([line], DomainView(question, minilm_embed), minilm_embed) == [thing]


@pytest.mark.parametrize(("question", "line"), [
    ("What should I cook tonight?", "I bought a new wok at the market yesterday."),  # a deed, no liking
    ("What should I cook tonight?", "I need to pick up some rice on the way home."),  # an errand
    ("What should I read next?", "My book club is reading a thriller this month and I haven't started."),
    ("Where should I go on holiday?", "The flight to Lisbon got delayed by three hours."),
    ("What should I cook tonight?", "I've been really into bouldering lately, it never gets old."),  # another domain
])
def test_no_liking_or_another_domains_is_none(question: str, line: str, minilm_embed: Callable[[list[str]], Any]) -> None:
    from kgmem.answer.pref_meaning import tastes_by_meaning

    assert tastes_by_meaning([line], DomainView(question, minilm_embed), minilm_embed) == [None]


@pytest.mark.parametrize(("line", "left_out"), [
    ("Trail running is the best part of my week.", "best part"),  # a piece of the frame
    ("I'm a huge fan of long train journeys.", "huge fan"),
    ("Knitting is how I unwind, I've got three cardigans on the needles.", "three cardigans"),  # an amount
    ("My sister swears by yoga.", "My sister"),  # a person of the speaker's
])
def test_a_frame_word_an_amount_or_a_person_is_no_thing(line: str, left_out: str) -> None:
    phrases = [p for _, _, p in things(line)]
    assert left_out not in phrases, phrases


def test_the_bank_holds_none_of_the_tests_sentences() -> None:
    bank = json.loads(resources.files("kgmem").joinpath("resources", "preference", "fondness.json").read_text())
    said = {s.casefold() for k in ("fond", "plain", "averse") for s in bank[k]}
    assert not said & {"it never gets old and i've been batch cooking it", "my weekends revolve around it"}
    assert len(bank["fond"]) >= 30 and len(bank["plain"]) >= 20 and len(bank["averse"]) >= 10


def test_a_liking_no_frame_reads_is_built_on(answers_over: Callable[..., list[Any]]) -> None:
    said = [(datetime(2025, 1, 9, 10), "My weekends basically revolve around wild swimming in the lakes."),
            (datetime(2025, 2, 2, 11), "I'm mad about ramen, I could eat it every day."),
            (datetime(2025, 3, 15, 19), "The builders finally fixed the porch roof.")]
    [a] = answers_over("pf29-meaning", said, "pfm", "Noted!", datetime(2025, 5, 1, 9),
                       "Any ideas for a weekend away in June?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    built = a.text.split("(you told me")[0]
    assert ("swimming" in built or "lakes" in built) and "ramen" not in built, a.text


def test_a_liking_told_as_over_is_not_read(answers_over: Callable[..., list[Any]]) -> None:
    said = [(datetime(2025, 1, 9, 10), "I used to spend every weekend on comedy podcasts but they've stopped doing it "
                                       "for me."),
            (datetime(2025, 2, 2, 11), "Honestly true crime podcasts have become my go-to on walks.")]
    [a] = answers_over("pf29-over", said, "pfo", "Noted!", datetime(2025, 5, 1, 9),
                       "Anything I should listen to on my commute?")
    assert "comedy" not in a.text.split("(you told me")[0], a.text


# pf30: a liking told as a habit, a wish, an identity, a thing used to death; a thing whose clause is of the asked
# domain though the bare thing is nearest another; a negated liking (sentences written for these tests: none is in the
# fondness bank or the invented set pref_likings_pf30)
@pytest.mark.parametrize(("question", "line", "word"), [
    ("Any ideas to keep fit over the winter?", "You'll find me on the squash court three nights a week.", "squash"),
    ("What should I have for tea tonight?", "Given the choice I'd eat katsu curry every night of the week.", "katsu"),
    ("What should I listen to while I work?", "I've played that Nils Frahm album to death this year.", "frahm"),
])
def test_a_liking_in_another_voice_is_read(question: str, line: str, word: str,
                                           minilm_embed: Callable[[list[str]], Any]) -> None:
    from kgmem.answer.pref_meaning import reads_liking

    thing = reads_liking(line, DomainView(question, minilm_embed), minilm_embed)
    assert thing is not None and word in thing.casefold(), thing


@pytest.mark.parametrize(("question", "line"), [
    ("What should I have for tea tonight?", "I'm honestly not much of a curry person."),  # an identity denied
    ("Any ideas to keep fit over the winter?", "My brother is on the squash court three nights a week."),  # his
    ("What should I have for tea tonight?", "Is katsu curry actually Japanese?"),  # a question
    ("Any ideas to keep fit over the winter?", "I have to do my back exercises every morning, doctor's orders."),
])
def test_no_liking_in_those_voices_is_read(question: str, line: str, minilm_embed: Callable[[list[str]], Any]) -> None:
    from kgmem.answer.pref_meaning import reads_liking

    assert reads_liking(line, DomainView(question, minilm_embed), minilm_embed) is None


def test_a_thing_a_line_only_mentions_is_not_told_fondly(minilm_embed: Callable[[list[str]], Any]) -> None:
    from kgmem.answer.pref_meaning import told_fondly

    line = "Crosswords are the highlight of my morning commute."
    assert told_fondly(line, "Crosswords", minilm_embed)
    assert not told_fondly(line, "morning commute", minilm_embed)
    assert told_fondly(line, "a thing it never names", minilm_embed)  # the benefit of the doubt


@pytest.mark.parametrize(("line", "kind"), [
    ("I'm a total noodle person, ramen all day.", "noodle"),
    ("Proper cheese snob here.", "cheese"),
])
def test_the_thing_a_kind_of_person_is_of(line: str, kind: str) -> None:
    assert kind in [p for _, _, p in things(line)]


def test_a_thing_named_only_in_a_condition_is_no_thing() -> None:
    assert "buses" not in [p for _, _, p in things("I'd be up in the hills every Sunday if the buses ran on time.")]
