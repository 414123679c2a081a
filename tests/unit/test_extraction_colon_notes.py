"""A payment note after a colon, cut off only where the frame before the colon tells nothing (session 26, x26).

Invented sentences, none from the generator's templates and none copied from
tests/fixtures/extraction/colon_notes_x26.jsonl (the set measured blind first):

- the frame says only where the note was read ("The bank feed shows it: …"): the note is a clause of its own,
  told as done, the user's unless the frame is another person's;
- the frame tells what the price is ("My rent went up: $1,450 now", "Spent a fortune on the boys' boots:
  $230"): the clause stays whole and keeps the frame's fact (session 25 lost these with an unconditional cut).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.clauses import Clause, clauses_of
from kgmem.extraction.zero.nlp import load_nlp

DAY = datetime(2033, 6, 20)


def _facts(extractor: RuleExtractor, text: str) -> set[tuple[str, str, str]]:
    res = extractor.extract([("user", text)], DAY)
    return {(f.subject, f.predicate, f.value) for f in res.facts}


def _clauses(text: str) -> list[Clause]:
    return clauses_of(load_nlp()(text))


def test_a_payment_note_after_a_verb_is_a_split_candidate() -> None:
    (whole, *_rest) = [c for c in _clauses("My receipt app shows it clearly: £38 at a garden centre, for a garden hose.")
                       if c.split is not None]
    assert whole.split is not None
    frame, note = whole.split
    assert note.note and note.verbless and note.about == "user"
    assert note.text.startswith("£38") and "garden hose" in note.text
    assert "£38" not in frame.text and "receipt app" in frame.text
    assert "£38" in whole.text  # the clause itself keeps every word until the extractor cuts it


@pytest.mark.parametrize("text", [
    "Latest splurge: a Polaroid camera for $130.",  # no verb before the colon: one note as before
    "I have one rule: never pay full price for shoes.",  # a verb after the colon: no note
    "We finally adopted last weekend: a greyhound called Pip.",  # no price: the words are the verb's object
])
def test_no_split_where_the_colon_does_not_introduce_a_payment_note(text: str) -> None:
    assert not any(c.split for c in _clauses(text))


def test_a_note_introduced_by_another_person_is_theirs() -> None:
    whole = next(c for c in _clauses("My brother's banking app shows it: $90 at a skate shop, for a longboard.")
                 if c.split is not None)
    assert whole.split is not None and whole.split[1].about == "other"


@pytest.mark.parametrize(("text", "money", "thing"), [
    ("My card statement spells it out: €75 at a market on Friday, for a wool blanket.", "75", "wool blanket"),
    ("Just went through the transactions: $240 at Walmart yesterday, for a car seat.", "240", "car seat"),
])
def test_a_note_whose_frame_tells_nothing_gives_the_money_and_the_thing(extractor: RuleExtractor, text: str,
                                                                        money: str, thing: str) -> None:
    facts = _facts(extractor, text)
    assert ("user", "spent", money) in facts
    assert any(s == "user" and p == "bought" and thing in v for s, p, v in facts)
    assert not any(p in ("lives_in", "works_at") for _, p, _ in facts)  # a price at a place names a shop


@pytest.mark.parametrize(("text", "pred", "value"), [
    ("My rent went up again this month: $1,450 now, ugh.", "rent", "1450"),
    ("Spent far too much on the kids' uniforms: $230 at Target yesterday.", "bought", "uniforms"),
    ("Our rent jumped in March: £1,275 a month now.", "rent", "1275"),
])
def test_a_frame_that_tells_the_price_keeps_it(extractor: RuleExtractor, text: str, pred: str, value: str) -> None:
    facts = _facts(extractor, text)
    assert any(s == "user" and p == pred and value in v for s, p, v in facts)
    if pred == "rent":
        assert not any(s == "user" and p == "spent" for s, p, _ in facts)  # the rent is not money spent once


def test_another_persons_note_gives_the_user_nothing(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "My sister's card statement says it all: $85 at a surf shop, for a wetsuit.")
    assert not any(s == "user" and p in ("spent", "bought") for s, p, _ in facts)


def test_a_note_the_frame_does_not_tie_to_the_user_is_no_purchase(extractor: RuleExtractor) -> None:
    whole = next(c for c in _clauses("The poster in the window says it: $45 at the garage, for a full valet.")
                 if c.split is not None)
    assert whole.split is not None and whole.split[1].about == "thing"  # an advert, not the user's payment
    facts = _facts(extractor, "The leaflet through the door spells it out: £60 at Halfords, for a roof box.")
    assert not any(s == "user" and p in ("spent", "bought") for s, p, _ in facts)


@pytest.mark.parametrize(("text", "pay"), [
    ("Paid $55 at the barber's on Friday for a skin fade.", False),
    ("I paid £30 for parking at the hospital.", False),
    ("Paid $55 at the salon on Tuesday for a haircut and blow-dry.", False),  # salary=55 before session 26
    ("I get paid £2,900 a month.", True),
    # a known limit: "I get paid $24 an hour at the warehouse" is read as money spent (a rule reads "paid $24")
    ("They pay me 58k a year.", True),
])
def test_money_paid_out_is_no_salary(extractor: RuleExtractor, text: str, pay: bool) -> None:
    facts = _facts(extractor, text)
    assert any(s == "user" and p == "salary" for s, p, _ in facts) is pay
