"""pf21: a dislike told in the past and overturned after its thing is a liking now ("I never understood the appeal of
golf until I played it"); the speaker's bane and idea of something good ("theme parks are my idea of hell", "… is my
perfect Sunday"); what the speaker could live on. Every sentence here is written for this test (none is in
tests/fixtures/answers/pref_voices.jsonl, which measured these classes blind)."""

from __future__ import annotations

import pytest

from kgmem.answer.taste import read_taste


@pytest.mark.parametrize(("clause", "thing"), [
    ("I never understood the appeal of golf until I play it", "golf"),  # pf20's known wrong
    ("I never saw the point of audiobooks until a long drive to Inverness", "audiobooks"),
    ("I hated olives until I had them in Crete", "olives"),
    ("Honestly I couldn't stand jazz as a teenager but now I'm a huge fan", "jazz"),
    ("I swore I loathed camping for years, then we tried a yurt and now I'm hooked", "camping"),
])
def test_an_aversion_overturned_is_a_liking(clause: str, thing: str) -> None:
    assert read_taste(clause) == (True, thing)


@pytest.mark.parametrize(("clause", "thing"), [
    ("I hate mornings until I have had coffee", "mornings"),  # a condition, not a past aversion
    ("I can't stand horror films", "horror films"),
    ("I hate flying, always have", "flying"),
    ("I've always hated mushrooms, and now my kids love them too", "mushrooms"),  # rev21: the kids' liking
    ("I hated camping as a kid and now my husband is obsessed with it", "camping"),
])
def test_an_aversion_not_overturned_stays_a_dislike(clause: str, thing: str) -> None:
    taste = read_taste(clause)
    assert taste is None or (not taste[0] and taste[1].startswith(thing))


def test_no_liking_after_now_overturns_nothing() -> None:
    taste = read_taste("I used to hate karaoke and now I hate it even more")
    assert taste is None or not taste[0]


@pytest.mark.parametrize(("clause", "taste"), [
    ("Crowded shopping centres are my idea of hell", (False, "Crowded shopping centres")),
    ("Tax returns are my worst nightmare", (False, "Tax returns")),
    ("A bowl of ramen in the rain is my idea of heaven", (True, "bowl of ramen in the rain")),
    ("Board games by the fire are very much our idea of a good night", (True, "Board games by the fire")),
    ("A slow brunch is my perfect Saturday", (True, "slow brunch")),
    ("My ideal holiday is a week on a canal boat", (True, "week on a canal boat")),
    ("I could happily live on dumplings", (True, "dumplings")),
    ("we'd live off toast if we could", (True, "toast")),
])
def test_a_bane_an_idea_of_good_and_living_on(clause: str, taste: tuple[bool, str]) -> None:
    assert read_taste(clause) == taste


@pytest.mark.parametrize("clause", ["I live on a houseboat", "We live off the grid now", "He is my perfect match",
                                    "We could live off my salary alone", "I could live on £50 a week",  # rev21: a living
                                    "we could live off savings for a year"])
def test_where_one_lives_or_a_person_is_no_taste(clause: str) -> None:
    assert read_taste(clause) is None
