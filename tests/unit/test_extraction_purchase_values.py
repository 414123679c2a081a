"""Purchases whose thing or price is not where the item filler looked (session 24, x24).

Three classes of language, each with invented sentences (none from the generator's templates, and none
copied from tests/fixtures/extraction/purchases_x24.jsonl, the set measured blind first):

- a verbless payment note after a colon, introduced by a clause with a verb ("The statement says it: …"):
  the note is a clause of its own, told as done, and the user's unless the frame is another person's;
- the one paid as the object of "pay" ("I paid the seller"): never the thing bought; the thing is named
  in the question just before;
- a shop as where the thing came from ("out of X", "from X", "at the market stall"): never the thing.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.clauses import Clause, clauses_of
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.values_items import fill_item, payee, shop_at

DAY = datetime(2033, 6, 20)


def _facts(extractor: RuleExtractor, text: str) -> set[tuple[str, str, str]]:
    res = extractor.extract([("user", text)], DAY)
    return {(f.subject, f.predicate, f.value) for f in res.facts}


def _clauses(text: str) -> list[Clause]:
    return clauses_of(load_nlp()(text))


def test_a_colon_note_after_a_verb_is_a_verbless_clause_of_its_own() -> None:
    cs = _clauses("The receipt app shows it clearly: £38 at a garden centre, for a garden hose.")
    note = cs[-1]
    assert note.note and note.verbless and note.about == "user"
    assert note.text.startswith("£38") and "garden hose" in note.text
    assert all("£38" not in c.text for c in cs[:-1])  # the frame keeps its own words only


@pytest.mark.parametrize("text", [
    "Latest splurge: a Polaroid camera for $130.",  # no verb before the colon: one note as before
    "I have one rule: never pay full price for shoes.",  # a verb after the colon: no note
    "We finally adopted last weekend: a greyhound called Pip.",  # no price: the words are the verb's object
])
def test_no_note_is_cut_where_the_colon_does_not_introduce_one(text: str) -> None:
    assert not any(c.note for c in _clauses(text))


def test_a_note_introduced_by_another_person_is_theirs() -> None:
    cs = _clauses("My brother's banking app shows it: $90 at a skate shop, for a longboard.")
    assert cs[-1].note and cs[-1].about == "other"


@pytest.mark.parametrize(("text", "money", "thing"), [
    ("The card statement spells it out: €75 at a market on Friday, for a wool blanket.", "75", "wool blanket"),
    ("Just went through the transactions: $240 at Walmart yesterday, for a car seat.", "240", "car seat"),
])
def test_a_payment_note_gives_the_money_and_the_thing(extractor: RuleExtractor, text: str, money: str,
                                                     thing: str) -> None:
    facts = _facts(extractor, text)
    assert ("user", "spent", money) in facts
    assert any(s == "user" and p == "bought" and thing in v for s, p, v in facts)
    assert not any(p in ("lives_in", "works_at") for _, p, _ in facts)  # a price at a place names a shop


def test_the_one_paid_is_never_the_thing_bought(extractor: RuleExtractor) -> None:
    c = next(c for c in _clauses("I paid the carpenter on Monday.") if c.head.lemma_ == "pay")
    assert payee(next(t for t in c.tokens if t.text == "carpenter"))
    assert fill_item(c) == []
    facts = _facts(extractor, "Is $85 steep for a bird feeder? I paid the garden shop yesterday anyway.")
    assert ("user", "bought", "bird feeder") in facts
    assert not any(p == "bought" and v in ("garden shop", "shop") for _, p, v in facts)


def test_a_shop_is_where_the_thing_came_from() -> None:
    c = _clauses("Yesterday I walked out of Homebase with a tile cutter and £60 less in my pocket.")[0]
    assert shop_at(next(t for t in c.tokens if t.text == "Homebase"))
    assert fill_item(c) == [("tile cutter", "item")]
    c = _clauses("I bought a teapot from a charity shop.")[0]
    assert shop_at(next(t for t in c.tokens if t.text == "shop"))
    assert fill_item(c) == [("teapot", "item")]


def test_a_payment_for_a_service_buys_nothing(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "The bank app says it: $55 at the salon on Tuesday, for a haircut and blow-dry.")
    assert ("user", "spent", "55") in facts
    assert not any(p == "bought" and "haircut" in v for _, p, v in facts)
