"""An outing or a trip told by what it left behind (session 27, x27; kgmem/extraction/zero/aftermath.py).

Invented sentences, none from the generator's templates and none copied from the measuring sets
(tests/fixtures/extraction/effects_x25.jsonl, effects_x27.jsonl): an occasion after "from", "after" or "since"
on the user's own state or thing is attended; a place after "after" or "since" is visited; another person's
aftermath, a plan, a generic occasion ("after a wedding") and a routine ("after dinner") are not.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.aftermath import aftermath_facts, occasion
from kgmem.extraction.zero.nlp import load_nlp

DAY = datetime(2033, 6, 20)


def _facts(extractor: RuleExtractor, text: str) -> set[tuple[str, str, str]]:
    res = extractor.extract([("user", text)], DAY)
    return {(f.subject, f.predicate, f.value) for f in res.facts}


@pytest.mark.parametrize(("text", "fact"), [
    ("My throat is still raw from the karaoke party at Mo's.", ("attended", "karaoke party")),
    ("Slept till noon after the company gala.", ("attended", "company gala")),
    ("My knees are still sore after the Bristol 10k.", ("attended", "Bristol 10k")),
    ("The programme from the opera premiere is still in my handbag.", ("attended", "opera premiere")),
    ("Jet-lagged beyond belief after Singapore, I was up at 4.", ("visited", "Singapore")),
    ("Two weeks since Marseille and I still crave bouillabaisse.", ("visited", "Marseille")),
])
def test_an_outing_told_by_its_aftermath(extractor: RuleExtractor, text: str, fact: tuple[str, str]) -> None:
    assert ("user", *fact) in _facts(extractor, text)


@pytest.mark.parametrize("text", [
    "My brother is still hoarse from the karaoke party at Mo's.",  # another person's aftermath
    "My cousin's tan from Sardinia is unreal.",  # another person's thing
    "I always feel flat after a wedding.",  # any wedding: none the user went to
    "I'm flying back after the conference on Thursday.",  # a plan
    "I usually crash after dinner.",  # a routine, no outing
    "If I go to the reunion I'll be wrecked after the reunion.",  # a hypothetical
    "Still chuffed with the tent I got from Decathlon on Friday.",  # a shop whose name is a kind of contest
])
def test_no_outing_of_the_users(extractor: RuleExtractor, text: str) -> None:
    assert not any(s == "user" and p in ("attended", "visited") for s, p, _ in _facts(extractor, text))


def test_occasion_by_lexicon_and_wordnet() -> None:
    doc = load_nlp()("We left after the premiere, then after dinner, then after the charity dinner, then after a wedding.")
    premiere, dinner, charity_dinner, wedding = (t for t in doc if t.dep_ == "pobj")
    assert occasion(premiere)  # WordNet: a premiere is a social event
    assert not occasion(dinner)  # a meal of the day, not an outing
    assert occasion(charity_dinner)  # a routine meal named by what it is for is an occasion
    assert not occasion(wedding)  # "a wedding": any one


def test_the_reader_alone() -> None:
    assert aftermath_facts(load_nlp()("Still buzzing from the Bastille Day fireworks party.")) == [
        ("attended", "Bastille Day fireworks party", "item")]
    assert aftermath_facts(load_nlp()("Can you recommend a snack for the train ride after the conference?"),
                           question=True) == []
