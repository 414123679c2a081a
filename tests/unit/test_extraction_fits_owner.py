"""Clauses that name something that is not the user's (session 25, x25; kgmem/extraction/zero/fits_owner.py).

Invented sentences (none from the generator's templates): an existential clause ("there was a sale at …")
is no purchase, workplace or gym of the user's; a number held by another thing or person ("the vet's
number") is not the user's phone number, while "my phone's number" and "my work number" are.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.clauses import clauses_of
from kgmem.extraction.zero.fits_owner import existential, held_by_another, indefinite
from kgmem.extraction.zero.nlp import load_nlp

DAY = datetime(2033, 6, 20)


def _facts(extractor: RuleExtractor, text: str) -> set[tuple[str, str, str]]:
    res = extractor.extract([("user", text)], DAY)
    return {(f.subject, f.predicate, f.value) for f in res.facts}


def test_an_existential_clause_is_read_as_one() -> None:
    first = clauses_of(load_nlp()("There was a jumble sale at the church hall, so a lamp came home with me."))[0]
    assert existential(first)
    assert not existential(clauses_of(load_nlp()("I bought a lamp at the church hall."))[0])


@pytest.mark.parametrize(("text", "wrong"), [
    ("There was a jumble sale at St Mary's, so a brass lamp came home with me.", ("bought", "jumble sale")),
    ("There's a new bouldering gym at the retail park behind Tesco.", ("gym", "Tesco")),
    ("There was a fire alarm at Accenture this morning, everyone stood in the car park.", ("works_at", "Accenture")),
])
def test_what_there_was_is_not_the_users(extractor: RuleExtractor, text: str, wrong: tuple[str, str]) -> None:
    facts = _facts(extractor, text)
    assert not any(s == "user" and (p, v) == wrong for s, p, v in facts)


def test_a_thing_bought_after_an_existential_clause_is_kept(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "There was a jumble sale at St Mary's, so a brass lamp came home with me.")
    assert ("user", "bought", "brass lamp") in facts


@pytest.mark.parametrize("text", [
    "The garage's number is 01632 960 444, it's on the invoice.",
    "My physio's new number is 0161 496 0777.",
    "Priya's number is 07700 900 654 if mine is off.",
])
def test_a_number_held_by_another_is_not_the_users_phone(extractor: RuleExtractor, text: str) -> None:
    assert not any(s == "user" and p == "phone_number" for s, p, _ in _facts(extractor, text))


@pytest.mark.parametrize(("text", "number"), [
    ("My phone's number is 07700 900 313 now.", "07700 900 313"),
    ("My work number is 020 7946 0555.", "020 7946 0555"),
    ("My number changed to 07700 900 919 last week.", "07700 900 919"),
])
def test_the_users_own_number_is_kept(extractor: RuleExtractor, text: str, number: str) -> None:
    assert ("user", "phone_number", number) in _facts(extractor, text)


def test_a_possessor_that_is_the_users_thing_is_the_users() -> None:
    doc = load_nlp()("My phone's number is 07700 900 313 now.")
    number = next(t for t in doc if t.text == "number")
    assert not held_by_another(number)
    doc = load_nlp()("The garage's number is 01632 960 444.")
    assert held_by_another(next(t for t in doc if t.text == "number"))


@pytest.mark.parametrize(("text", "sale", "money"), [
    # session 27 (x27): the price in the sentence belongs to the clause that spends it, never to what there was
    ("There was a car boot sale at the rugby club, so a record player came home with me for £30.", "car boot sale", "30"),
    ("There was a bake sale at work and I spent £8 on brownies.", "bake sale", "8"),
])
def test_a_price_elsewhere_in_the_sentence_buys_no_sale(extractor: RuleExtractor, text: str, sale: str,
                                                       money: str) -> None:
    facts = _facts(extractor, text)
    assert ("user", "bought", sale) not in facts
    assert ("user", "spent", money) in facts


def test_a_noun_with_an_indefinite_article_is_no_name() -> None:
    doc = load_nlp()("so a guitar amp came home with me for $260")
    assert indefinite(next(t for t in doc if t.text == "amp"))
    doc = load_nlp()("Marco moved the book swap to Friday.")
    assert not indefinite(next(t for t in doc if t.text == "Marco"))
