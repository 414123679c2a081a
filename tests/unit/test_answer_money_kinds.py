"""Money totals over a kind (kgmem.answer.aggregate, kgmem.answer.kinds): a priced thing of the asked
kind counts though the line never names the kind, a total is added up however the question's intent
was planned, the asked thing as a line's doer is no other person, and a year before a noun is no
amount. Every line here is invented for the test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.amounts import bare_numbers
from kgmem.answer.countable import _asked, _doer_is_asked, _refused_after
from kgmem.answer.evidence import Line
from kgmem.answer.money_questions import asks_money_total
from kgmem.answer.refunds import _nouns
from kgmem.api import Memory

QD = datetime(2026, 10, 1)


@pytest.fixture(scope="module")
def camper(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2026, 3, 7), "Tent, $210, from the outdoor shop on Elm Street."),
        (datetime(2026, 4, 18), "Bought a camping lantern, $38."),
        (datetime(2026, 5, 2), "Priya bought a kayak, $520 second hand."),
        (datetime(2026, 6, 9), "Paid the water bill, $112."),
        (datetime(2026, 7, 21), "Sleeping bag, $150, rated to minus five."),
        (datetime(2026, 8, 2), "Campsite at Big Sur, $105."),  # a place paid for, no gear
    ]
    return chat_memory("noor", said, "c", None)


@pytest.fixture(scope="module")
def dog_owner(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2025, 11, 20), "biscuit had a tooth out at the vet, $210"),  # last year: not "so far this year"
        (datetime(2026, 2, 2), "my beagle Biscuit sleeps on the sofa every night lol"),
        (datetime(2026, 3, 14), "got biscuit a new harness at the pet store, $42"),
        (datetime(2026, 5, 30), "biscuit had her booster jabs at the vet, $85"),
        (datetime(2026, 7, 8), "sent back the bed i got biscuit, too small, got the $70 refunded"),
    ]
    return chat_memory("jules", said, "d", None)


def test_a_thing_of_the_asked_kind_counts_by_meaning(camper) -> None:  # noqa: ANN001
    a = camper.answer("noor", "How much have I spent on camping gear this year?", question_date=QD)
    # tent 210 + lantern 38 + sleeping bag 150 (neither the tent's line nor the bag's says "camping" or
    # "gear"); Priya's kayak is hers, the water bill no gear, the campsite a place (a region by WordNet)
    assert a.text.startswith("$398"), (a.text, a.extra["decision"])


def test_a_total_planned_as_one_fact_is_added_up(dog_owner) -> None:  # noqa: ANN001
    a = dog_owner.answer("jules", "what have i spent on biscuit so far this year", question_date=QD)
    # harness 42 + the vet 85 (Biscuit is the doer: her bill, the user's money); the bed came back
    assert a.text.startswith("$127"), (a.text, a.extra["decision"])
    assert "money back" in a.text, a.text


@pytest.mark.parametrize(("question", "total"), [
    ("what have i spent on biscuit so far this year", True),
    ("What has my boat cost me so far this year?", True),
    ("How much have I put into my bike this year?", True),
    ("What did I give the grandchildren in money and vouchers this year all together?", True),
    ("How much did I pay for the bed?", False),       # one price
    ("What did my new phone cost?", False),
    ("how much does keira get paid at her saturday job", False),
    ("How many games have I paid for myself this year?", False),  # a count
])
def test_asks_money_total(question: str, total: bool) -> None:
    assert asks_money_total(question) is total


def _line(text: str) -> Line:
    return Line(text, "s:0", "s", "user", QD)


@pytest.mark.parametrize(("text", "numbers"), [
    ("i drive a 2027 freightliner and my heeler rides shotgun", []),   # a model year
    ("sold the old trailer for 2000", ["2000"]),                       # an amount
    ("she gave me 30 for the lot", ["30"]),
    ("The new sofa was 1950 with delivery", ["1950"]),                 # a year-like amount, no noun after (rev17)
])
def test_a_year_before_a_noun_is_no_amount(text: str, numbers: list[str]) -> None:
    assert [m.group(1) for m in bare_numbers(_line(text))] == numbers


def test_a_relative_clause_names_nothing_that_came_back() -> None:
    assert "biscuit" not in _nouns("sent back the bed i got biscuit, got the $70 refunded")
    assert "bed" in _nouns("sent back the bed i got biscuit, got the $70 refunded")


@pytest.mark.parametrize(("line", "question", "asked_thing"), [
    ("biscuit had her booster jabs at the vet, $85", "what have i spent on biscuit so far this year", True),
    ("The boat needed new antifouling, £640", "What has my boat cost me so far this year?", True),
    # a person is a payer of their own, never the thing the user paid for (rev17's probe)
    ("My sister paid $2,000 for the venue deposit for her wedding, eek.",
     "How much have I spent on my sister's wedding so far?", False),
    ("Dee bought the tickets for us, $90", "What have I spent on Dee's birthday this year?", False),
    # a thing another holds is theirs (rev17's probe)
    ("My mate's boat sprang a leak, repair was £600, poor guy.", "How much has the boat cost me so far this year?", False),
    ("My boat sprang a leak, repair was £600.", "How much has the boat cost me so far this year?", True),
])
def test_the_asked_thing_as_doer_is_no_other_person(line: str, question: str, asked_thing: bool) -> None:
    assert _doer_is_asked(line, _asked(question)) is asked_thing


@pytest.mark.parametrize(("text", "refused"), [
    ("I was eyeing a $400 drone but walked away.", True),  # a price the line itself turns down
    ("The $75 boots were tempting, so I said no.", True),
    ("Paid $22 for brunch but said no to the mimosas.", False),  # the refusal has its own object
    ("Grabbed the $60 kettle and then walked away grinning.", False),
    ("Spent $35 on a haircut yesterday.", False),
])
def test_a_price_the_line_turns_down_is_not_paid(text: str, refused: bool) -> None:
    assert bool(_refused_after().search(text)) is refused
