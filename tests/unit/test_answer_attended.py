"""Count questions about events the user went to count lines that name the act, not the kind
(kgmem.answer.attended): "idles at the roundhouse last night" is a gig. Every line is invented."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.attended import attended_name, retelling, ticket_line
from kgmem.api import Memory

QD = datetime(2024, 11, 30)


@pytest.fixture(scope="module")
def fan(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2024, 2, 10), "just back from big thief at the barrowland. so loud"),
        (datetime(2024, 3, 23), "my flatmate went to the arlo parks gig without me, gutted"),
        (datetime(2024, 5, 4), "saw the mountain goats at the old fruitmarket last night, unreal"),
        (datetime(2024, 6, 15), "sold my ticket to the wet leg gig, cant get the shift off"),
        (datetime(2024, 7, 20), "still thinking about the mountain goats show tbh"),
        (datetime(2024, 8, 31), "lunch with jo at the crown on saturday was lovely"),
        (datetime(2024, 9, 14), "caroline polachek at the usher hall on friday was everything"),
        (datetime(2024, 10, 5), "got tix for mitski at the hydro in december!!"),
    ]
    return chat_memory("kit", said, "k", None)


def test_acts_told_by_name_are_counted_once_each(fan) -> None:  # noqa: ANN001
    a = fan.answer("kit", "how many gigs have i been to this year", question_date=QD)
    # big thief, the mountain goats (told again in July), caroline polachek; not the flatmate's,
    # not the sold ticket, not lunch, not the tickets for December
    assert a.text.startswith("3 ("), (a.text, a.extra["decision"])
    for name in ("big thief", "mountain goats", "caroline polachek"):
        assert name in a.text, a.text


@pytest.mark.parametrize(("text", "name"), [
    ("just back from big thief at the barrowland.", "big thief"),
    ("saw the mountain goats at the old fruitmarket last night", "mountain goats"),
    ("caroline polachek at the usher hall on friday was everything", "caroline polachek"),
    ("lunch with jo at the crown on saturday was lovely", None),
    ("saw dr okafor at the clinic this morning", None),
    ("had a 6 hr shift at the cafe today", None),
    ("monday was my first day at the new office", None),
    ("a pint at the anchor tonight", None),
])
def test_the_act_is_read_from_the_frame(text: str, name: str | None) -> None:
    assert attended_name(text) == name


def test_tickets_and_retellings() -> None:
    assert ticket_line("sold my ticket to the wet leg gig")
    assert ticket_line("got tix for mitski in december")
    assert not ticket_line("the gig was sold out")
    assert retelling("I told you I gave blood in March, the card came today")
    assert retelling("as i said the gig was great")
    assert not retelling("did i tell you i ran the bath half")
    assert not retelling("I told the boss I was sick")
