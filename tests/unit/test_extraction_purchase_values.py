"""Purchases whose thing or price is not where the item filler looked (session 24, x24).

Classes of language, each with invented sentences (none from the generator's templates, and none
copied from tests/fixtures/extraction/purchases_x24.jsonl, the set measured blind first):

- (x24's verbless payment note after a colon, read as a clause of its own, was dropped in session 25: the
  frame before the colon often tells what the price is, "My rent went up again: $1,450 now");
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


@pytest.mark.parametrize(("text", "pred", "value"), [
    # session 25: a note after a colon is not cut off the clause that introduces it; the frame often tells
    # what the price is (x24's cut read these as money spent)
    ("My rent went up again this month: $1,450 now, ugh.", "rent", "1450"),
    ("Spent far too much on the kids' uniforms: $230 at Target yesterday.", "bought", "uniforms"),
])
def test_a_frame_before_a_colon_keeps_its_price(extractor: RuleExtractor, text: str, pred: str, value: str) -> None:
    assert any(s == "user" and p == pred and value in v for s, p, v in _facts(extractor, text))


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
    facts = _facts(extractor, "Spent $55 at the salon on Tuesday for a haircut and blow-dry.")
    assert ("user", "spent", "55") in facts
    assert not any(p == "bought" and "haircut" in v for _, p, v in facts)
