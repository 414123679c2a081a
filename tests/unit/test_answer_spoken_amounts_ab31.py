"""Amounts told in words (ab31): a price said in words read from the user's line ("a couple of hundred quid",
"nine-fifty"), a value told in the sentence after its topic, the asked doer's deed to the user — each next to its
twin that must still decline (a quote, an offer, someone's asking price). Sentences invented for these tests;
none from a data set or another fixture set."""

from __future__ import annotations

from datetime import datetime

import pytest
from dialogue_fixture import ASKED, FILLER, dialogue_memory

from kgmem.answer.spoken_amounts import spoken_amounts, with_digits
from kgmem.evaluation.judge import declines


def _told(line: str) -> list[tuple[datetime, list[tuple[str, str]]]]:
    return [*FILLER, (datetime(2025, 4, 20), [("user", line), ("assistant", "Thanks for telling me.")])]


@pytest.mark.parametrize(("text", "said"), [
    ("the boiler man set me back a couple of hundred quid", "a couple of hundred quid"),
    ("paid nine-fifty for a sandwich at the station", "nine-fifty"),
    ("the telly was just over three grand", "just over three grand"),
    ("Eleven hundred euros for the course, gulp", "Eleven hundred euros"),
    ("got it for a hundred and sixty in the sale", "a hundred and sixty"),
    ("thirty-odd bucks for parking", "thirty-odd bucks"),
    ("somewhere between five and six hundred", "between five and six hundred"),
])
def test_an_amount_said_in_words_is_read_as_written(text: str, said: str) -> None:
    assert spoken_amounts(text) == (said,)


@pytest.mark.parametrize("text", ["I've read thirty-one books this year", "about twenty-five minutes on the bus",
                                  "we left at half seven", "one of the kids was ill", "two of us went",
                                  "about three hundred people came", "fifteen hundred miles in the van"])
def test_a_number_in_words_with_no_money_form_is_no_amount(text: str) -> None:
    assert spoken_amounts(text) == ()


def test_the_amounts_are_written_in_digits_for_the_parse_based_readers() -> None:
    assert with_digits("The garage wanted forty-odd quid for it") == "The garage wanted 40 dollars for it"
    assert with_digits("a couple of hundred quid") == "200 dollars"


@pytest.mark.parametrize(("text", "proposed"), [
    ("Got a quote for the fence, a few hundred quid, we'll see.", True),
    ("The builder's estimate for the loft is about £9,000.", True),
    ("A bloke offered me sixty quid for the old amp.", True),
    ("The locksmith wanted ninety quid just to come out.", True),
    ("The electrician's bill came to £420, a bit under his estimate.", False),
    ("Sold the old amp for sixty quid.", False),
    ("Paid ninety quid for the locksmith in the end.", False),
])
def test_a_price_proposed_is_told_apart_from_one_paid(text: str, proposed: bool) -> None:
    from kgmem.answer.quoted import proposed as is_proposed

    assert is_proposed(text) is proposed


def test_a_price_said_in_words_answers_and_a_quote_declined_does_not(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _told("Got the piano tuned at last, set me back a hundred and forty quid but it "
                                        "sounds lovely now. Any easy pieces for a returning adult learner?"))
    a = m.answer("u", "How much did the piano tuning cost?", ASKED)
    assert not declines(a.text) and "a hundred and forty quid" in a.text and "2025-04-20" in a.text, a.text
    twin = dialogue_memory(tmp_path / "twin", _told("Got a quote to have the piano tuned, a hundred and forty quid, "
                                                    "so I'm putting it off. Any easy pieces for a returning adult "
                                                    "learner?"))
    b = twin.answer("u", "How much did the piano tuning cost?", ASKED)
    assert "a hundred and forty" not in b.text.split("closest thing")[0], b.text


@pytest.mark.parametrize(("text", "told"), [
    ("That makes nineteen jigsaws finished since January!", True),
    ("we're up to 7 chickens now, send help", True),
    ("Finished a jigsaw of the Alps last night.", False),
    ("The chickens escaped again.", False),
])
def test_a_count_is_told_by_a_number_of_the_counted_things(text: str, told: bool) -> None:
    from kgmem.answer.quoted import told_count

    assert told_count(text, frozenset({"jigsaw", "chicken"})) is told


def test_a_count_told_in_one_line_answers_as_that_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    m = dialogue_memory(tmp_path, _told("That makes nineteen jigsaws finished since January, the cat has stolen "
                                        "at least four pieces. Where can I buy replacement pieces?"))
    a = m.answer("u", "How many jigsaws have I finished since January?", ASKED)
    assert not declines(a.text) and "nineteen jigsaws" in a.text, a.text
