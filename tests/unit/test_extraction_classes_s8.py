"""Readings for classes of language added in session 8 (x13j), each tested on sentences written for the
class in several registers, with the values the synthetic generator never plants: a header before a
colon, a value said before its slot (clefts, "X is my new employer"), money spent on a thing as its
purchase, a purchase told only by a verb of buying or a price, housing costs as rent, a verb of the parse
readers' classes (stream, catch) naming its predicate. Each case lists
facts that must be read and facts that must not.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.clefts import slot_first
from kgmem.extraction.zero.headers import strip_header

Triple = tuple[str, str, str]

CASES: list[tuple[str, list[Triple], list[Triple]]] = [
    # -- a header lead before a colon titles the clause after it
    ("Life admin done: I renewed my passport yesterday.", [("user", "event", "renewed my passport")],
     [("user", "event", "life admin done")]),
    ("progress report: this morning I finished the couch to 5k plan.", [], [("user", "bought", "couch")]),
    ("Small victory: I finally moved into the flat in Leith last week.", [("user", "lives_in", "Leith")], []),
    # -- a value said before its slot
    ("Brunswick Boulders is where I train now.", [("user", "gym", "Brunswick Boulders")], []),
    ("Wellington is where I live these days.", [("user", "lives_in", "Wellington")], []),
    ("Quit the agency; Halvorsen Design is my new employer.", [("user", "works_at", "Halvorsen Design")], []),
    ("That is where I work.", [], [("user", "works_at", "That")]),
    # -- money spent on a thing is its purchase; spent on a payment, by someone else, or imagined, it is not
    ("Blew 120 quid on a pressure washer last weekend.", [("user", "bought", "pressure washer"), ("user", "spent", "120")], []),
    ("I forked out $60 for a new kettle at Argos.", [("user", "bought", "kettle")], []),
    ("Oh and a pressure washer from Argos, £120, last weekend. My back hurts.", [("user", "bought", "pressure washer")], []),
    ("I spent $90 on parking this month.", [], [("user", "bought", "parking")]),
    ("My brother spent $400 on a drone.", [], [("user", "bought", "drone")]),
    ("If I spent $500 on a bike would that be silly?", [], [("user", "bought", "bike")]),
    # -- no purchase without a verb of buying or a price
    ("Handed in my notice at the bakery today.", [], [("user", "bought", "notice")]),
    ("This morning I passed my motorbike theory test.", [], [("user", "bought", "motorbike theory test")]),
    # -- a verb of the parse readers' classes names its predicate when nothing else was read
    ("Finally streamed Slow West on Friday.", [("user", "watched", "Slow West")], []),
    ("caught a pub quiz final on saturday, still grinning", [("user", "attended", "pub quiz final")], []),
    ("I caught the bus to work.", [], [("user", "attended", "bus"), ("user", "watched", "bus")]),
    # -- housing costs are rent, with or without the article a chat drops
    ("Housing eats $1,450 of my pay every month.", [], [("user", "salary", "1450")]),
    ("Landlord now wants £1,300 monthly.", [("user", "rent", "1300")], []),
    ("My sister's landlord wants $900 monthly.", [], [("user", "rent", "900")]),
]


@pytest.fixture(scope="module")
def facts(read_classes: Callable[..., list[set[Triple]]], extractor: RuleExtractor) -> list[set[Triple]]:
    return read_classes(extractor, CASES)


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_class_readings(facts: list[set[Triple]], check_reading: Callable[..., None], i: int) -> None:
    check_reading(CASES[i], facts[i])


@pytest.mark.parametrize(("said", "read"), [
    ("Life admin done: I renewed my passport.", "I renewed my passport."),
    ("update on the house hunt: my offer got accepted!", "My offer got accepted!"),
    ("Offsite venue changed: we're going to Cedar Lodge.", "Offsite venue changed: we're going to Cedar Lodge."),
    ("My plan: I move to Oslo next year.", "My plan: I move to Oslo next year."),  # a plan stays a plan
    ("Worst case: I lose my job.", "Worst case: I lose my job."),
    ("Hypothetically: I quit tomorrow.", "Hypothetically: I quit tomorrow."),
    ("home: Leeds", "home: Leeds"),  # a label note has no subject after its colon
])
def test_header_leads(said: str, read: str) -> None:
    assert strip_header(said) == read


@pytest.mark.parametrize(("said", "read"), [
    ("Brunswick Boulders is where I train now.", "I train at Brunswick Boulders now."),
    ("Tulsa is where I grew up.", "I grew up in Tulsa."),
    ("Arup is my employer.", "My employer is Arup."),
    ("left the agency; Loop is now my new company.", "left the agency; My new company is Loop."),
    ("Honestly the office is where I do my best thinking.", "Honestly the office is where I do my best thinking."),
    ("It is where I work.", "It is where I work."),
    ("Rex is my pet.", "Rex is my pet."),  # a pet noun names no value of its own slot here
])
def test_slot_first(said: str, read: str) -> None:
    assert slot_first(said) == read
