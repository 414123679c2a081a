"""A suggestion is built from every taste the user stated about the question's domain, whichever session said it
(pf17), and a taste said of a pronoun is a taste of the thing it stands for ("finished the new Osman, couldn't put it
down, it's just my sort of thing"). Hand-written lines, invented for this test; each failed at 01ff4f1."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.models import Answer

pytest.importorskip("spacy")


@pytest.mark.parametrize(("line", "liked", "thing"), [
    ("Finally finished The Salt Path for book group, it's just my sort of thing.", True, "Salt Path"),
    ("We tried the new ramen place on Friday and I loved it", True, "new ramen place"),
    ("I watched the Ozark finale and honestly I couldn't stand it", False, "Ozark finale"),
])
def test_a_taste_said_of_a_pronoun_is_a_taste_of_its_thing(line: str, liked: bool, thing: str) -> None:
    from kgmem.answer.pref_reading import PARTS, taste_of_it

    found = [t for part in PARTS.split(line) if (t := taste_of_it(line, part)) is not None]
    assert found == [(liked, thing)]


@pytest.mark.parametrize("line", ["I love it when you do that", "I bought a new kettle, it was cheap"])
def test_no_thing_no_taste(line: str) -> None:
    from kgmem.answer.pref_reading import PARTS, taste_of_it

    assert all(taste_of_it(line, part) is None for part in PARTS.split(line))


def test_every_taste_of_the_domain_counts_whatever_its_session(answers_over: Callable[..., list[Answer]]) -> None:
    said = [(datetime(2025, 1, 9, 10), "Finished The Salt Path for book group, honestly it's just my sort of thing, "
                                       "gentle and funny."),
            (datetime(2025, 2, 2, 11), "The builders finally fixed the porch roof."),
            (datetime(2025, 3, 15, 19), "Read Piranesi for book group last night, oh I did love the statues!"),
            (datetime(2025, 4, 20, 18), "Finished a thriller for book group, that ending was far too much for me, "
                                        "I can't be doing with blood and gore.")]
    [a] = answers_over("pf17-all", said, "pfall", "Noted!", datetime(2025, 5, 1, 9),
                       "Could you recommend a book for my holiday?")
    assert a.extra["path"] == "preference", a.extra.get("decision")
    assert "Salt Path" in a.text and "blood and gore" in a.text, a.text


@pytest.mark.parametrize(("line", "taste"), [
    ("Anything with bossa nova gets my vote, every time.", (True, "bossa nova")),  # approval goes to it (pf19: not "Anything with …")
    ("Honestly, slow cooking has my heart.", (True, "slow cooking")),
])
def test_the_speakers_approval_names_the_thing_liked(line: str, taste: tuple[bool, str]) -> None:
    from kgmem.answer.taste import read_taste

    assert read_taste(line) == taste


@pytest.mark.parametrize(("value", "sentence", "own"), [
    ("vote", "Anything with bossa nova gets my vote, every time.", True),   # the frame's noun, no thing liked
    ("bossa nova", "Anything with bossa nova gets my vote, every time.", False),
    ("jazz", "I love jazz, my jazz records are everywhere.", False),
])
def test_a_value_named_only_as_the_speakers_own_is_no_taste(value: str, sentence: str, own: bool) -> None:
    from kgmem.answer.pref_reading import named_as_own

    assert named_as_own(value, sentence) is own
