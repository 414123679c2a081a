"""A choice between two states a taste for the side preferred, and the taste is the THING chosen, not the verb
phrase that chooses it (pf19; make demo's 031a8067 answered "you enjoy take my …" at 1f1acd1): "I'd rather take the
overnight ferry than fly" prefers the ferry; "a quiet pub over a club any day" prefers the pub, never the club.
Sentences invented for this test (other people, plans and contests between people are no taste)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import numpy as np
import pytest

from kgmem.models import Answer

pytest.importorskip("spacy")


@pytest.mark.parametrize(("clause", "taste"), [
    # the object of the doing chosen, without its article or owner
    ("I'd rather take the overnight ferry than fly.", (True, "overnight ferry")),
    ("Honestly I'd much rather watch an old western than a superhero film", (True, "old western")),
    ("we would rather rent a canal boat than a cottage", (True, "canal boat")),
    ("I'd sooner borrow my brother's Land Rover than hire a car", (True, "Land Rover")),
    # no object: the doing itself, as a doing
    ("I'd rather cycle than take the bus", (True, "cycling")),
    ("I would sooner bake at home than queue at a bakery", (True, "baking at home")),
    # a thing chosen stays a thing; the other side is cut off
    ("I'd take a long soak in the bath over a night out", (True, "long soak in the bath")),
    ("Give me a folk club over a stadium gig any day", (True, "folk club")),
    ("Crosswords beat scrolling on my phone any day", (True, "Crosswords")),
    ("Honestly, board games beat going out for me these days.", (True, "board games")),
    ("I prefer green tea to black coffee", (True, "green tea")),
    # the other side of "rather" left out is a refusal
    ("I'd rather skip the big cruise ports.", (False, "big cruise ports")),
])
def test_the_preferred_side_is_the_thing(clause: str, taste: tuple[bool, str]) -> None:
    from kgmem.answer.taste import read_taste

    assert read_taste(clause) == taste


@pytest.mark.parametrize("clause", [
    "I'd rather you didn't tell Dad yet",        # someone else's doing
    "My cousin beats me at table tennis every time",  # a contest between people
    "She always beats us to the good seats",
    # a result or a comparison nobody judges is no taste (rev19 H3): the speaker must be the judge
    "Liverpool beat Chelsea 2-0 last night, what a game",
    "The Lakers win over the Celtics was wild",
    "The new Pixel beats the old one on battery life",
    # someone else's pick
    "Tom would take the window seat over the aisle any day",
])
def test_no_taste_of_the_speakers(clause: str) -> None:
    from kgmem.answer.taste import read_taste

    assert read_taste(clause) is None


def test_a_near_tie_is_not_clearly_another_domain() -> None:
    from kgmem.answer.pref_domains import DOMAIN_FLOOR, DOMAIN_MARGIN, clearly_elsewhere

    wanted = {0, 1}
    top = DOMAIN_FLOOR + 0.05
    assert clearly_elsewhere(np.array([top - DOMAIN_MARGIN - 0.01, 0.1, top]), wanted)  # clearly the third
    assert not clearly_elsewhere(np.array([top - 0.01, 0.1, top]), wanted)   # a shade nearer the third: both
    assert not clearly_elsewhere(np.array([0.1, 0.1, DOMAIN_FLOOR - 0.01]), wanted)  # near none
    assert not clearly_elsewhere(np.array([top, 0.1, 0.1]), wanted)


def test_a_weekend_away_is_built_on_the_thing_not_the_doing(answers_over: Callable[..., list[Answer]]) -> None:
    said = [(datetime(2025, 6, 2, 19), "I'd rather take the overnight ferry than fly. How do I descale a kettle?"),
            (datetime(2025, 6, 9, 20), "Quick one about spreadsheets. (Side note: quiet farm stays make me happy.)"),
            (datetime(2025, 6, 12, 18), "I'd rather skip big theme parks. Anyway, what's a good pasta sauce?")]
    [a] = answers_over("pf19-choice", said, "pfch", "Noted!", datetime(2025, 6, 20, 9),
                       "Where should I go for a long weekend away?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    built = a.text.split(" (you told me")[0]  # (the user's own words are quoted after it)
    assert "take the" not in built and "overnight ferry" in built, a.text
    assert "farm stays" in built and "theme parks" in built, a.text


@pytest.mark.parametrize(("clause", "taste"), [
    # a thing named by what it has is that thing
    ("Honestly anything involving slow-cooked stews gets my vote", (True, "slow-cooked stews")),
    ("I really enjoy anything with a twist at the end", (True, "twist at the end")),
    # a closer then a capital: the sentence ended without its full stop
    ("can never get enough of graphic novels tbh Anyway thanks", (True, "graphic novels")),
    ("I adore sea swimming honestly Makes my day", (True, "sea swimming")),
])
def test_the_thing_without_an_opener_or_the_next_sentence(clause: str, taste: tuple[bool, str]) -> None:
    from kgmem.answer.taste import read_taste

    assert read_taste(clause) == taste


def test_an_extracted_thing_without_its_opener() -> None:
    from kgmem.answer.taste_things import without_degree

    assert without_degree("Anything with smoked fish") == "smoked fish"
    assert without_degree("something involving puzzles more") == "puzzles"
