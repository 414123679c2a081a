"""Session 31 (x31): an outing told by its aftermath or by what it did to the user, with "a" and a day of its own.

- "I'm hoarse from a football match on Sunday": the clause says when, so "a" names one occasion, not any
  (:func:`kgmem.extraction.zero.aftermath.dated`); a habit ("My feet always ache after a festival") names none;
- "Honestly a pub quiz last night took it out of me": the occasion did something to the speaker
  (:func:`kgmem.extraction.zero.aftermath._done_to_user`); "... finished him off" is another's;
- "Feet are killing me after a ceilidh on Friday night": a body part with no owner is the speaker's, and its
  progressive is a state, not a plan; the weekday read ahead is the last such day.

Sentences written for these tests (and the invented set tests/fixtures/extraction/occasions_notes_x31.jsonl, 43 turns,
measured blind on main ab750f1: dated_occasion found 7/16), none from the generator's templates.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.zero import RuleExtractor

DAY = datetime(2035, 3, 14, 10, 0)  # a Wednesday


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def _attended(extractor: RuleExtractor, text: str) -> list[tuple[str, str | None]]:
    res = extractor.extract([("user", text)], DAY)
    return [(f.value, f.valid_from and f.valid_from.date().isoformat())
            for f in res.facts if f.subject == "user" and f.predicate == "attended"]


@pytest.mark.parametrize(("text", "value", "day"), [
    ("I'm hoarse from a football match on Sunday - we won 3-1 though!", "football match", "2035-03-11"),
    ("Feet are killing me after a ceilidh on Friday night.", "ceilidh", "2035-03-09"),
    ("Honestly a pub quiz last night took it out of me, we lost by one point", "pub quiz", "2035-03-13"),
    ("A salsa workshop last Thursday wore me right out.", "salsa workshop", "2035-03-08"),
    ("my throat is absolutely wrecked after a karaoke night on saturday, no regrets", "karaoke night", "2035-03-10"),
])
def test_one_dated_occasion(extractor: RuleExtractor, text: str, value: str, day: str) -> None:
    assert (value, day) in _attended(extractor, text)


@pytest.mark.parametrize("text", [
    "My feet always ache after a festival, so I bring insoles now.",
    "My sister's voice is gone after a karaoke night on Saturday.",
    "I'll be shattered after a wedding next Saturday, I just know it.",
    "Is it normal to feel wiped out for days after a yoga retreat?",
    "Dan says a stag do last weekend finished him off.",
    "If a pub quiz wiped me out I'd stop going.",
    "Tom's ears are still ringing from a gig on Friday.",
    "I'm flying home after the conference on Friday.",
])
def test_no_outing_of_the_users(extractor: RuleExtractor, text: str) -> None:
    assert _attended(extractor, text) == []
