"""Money the user paid, told without a paying verb (kgmem.answer.payments): a line whose neighbours in the
predicate bank vote for a payment counts; money that came in (sold, earned, won, got paid, richer by) never
does; a price asked about counts when the next sentence says it was paid, not when it paid another thing.
Every line here is invented for the test (other people, plans, declines, sales, wins)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.match import terms
from kgmem.answer.payments import _things_paid, money_in, price_now
from kgmem.api import Memory

QD = datetime(2026, 11, 1)


@pytest.fixture(scope="module")
def saver(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2026, 1, 9), "Left the garden centre with two rose bushes and £46 lighter, worth it."),
        (datetime(2026, 2, 14), "Card statement says £23 at the chemist on Monday, for hay fever tablets."),
        (datetime(2026, 3, 3), "Would £120 be fair for a second-hand cello? Bit late to ask, I already paid the lady who sold it."),
        (datetime(2026, 3, 20), "Is £15 a lot for a phone case? I bought a charger this morning."),  # paid another thing
        (datetime(2026, 4, 2), "Sold my old rowing machine for £90 on Saturday."),  # money in
        (datetime(2026, 4, 30), "Got paid £200 for the wedding photos, first gig!"),  # money in
        (datetime(2026, 5, 11), "Won £50 on the office sweepstake."),  # money in
        (datetime(2026, 6, 6), "My brother spent £300 on a drone he never flies."),  # someone else's
        (datetime(2026, 7, 19), "Might get the £80 headphones next month if they go on sale."),  # a plan
        (datetime(2026, 8, 4), "My budget for the armchair is £300."),  # a price as it stands, not paid
        (datetime(2026, 8, 25), "The electrician quoted me £450 to rewire the kitchen."),  # a quote
    ]
    return chat_memory("wren", said, "p", None)


def test_payments_told_without_a_paying_verb_are_added(saver: Memory) -> None:
    a = saver.answer("wren", "If you add up every purchase I've told you about, what does it come to?", question_date=QD)
    # rose bushes 46 + tablets 23 + the cello asked about then paid 120; not the phone case (the
    # charger was paid), not the sale, the fee, the win, the brother's drone, the headphones planned, the
    # armchair budget or the electrician's quote
    assert a.text.startswith("£189"), (a.text, a.extra["decision"])


@pytest.mark.parametrize(("text", "came_in"), [
    ("Sold my old rowing machine for £90 on Saturday.", True),
    ("I earned $300 tutoring this month.", True),
    ("we won 50 quid at the pub quiz", True),
    ("I got paid $200 for the mural.", True),
    # diary lines that dropped their subject, read with the user as the doer ("Won" alone parses as a noun)
    ("Won £50 on the office sweepstake.", True),
    ("Got paid £200 for the wedding photos, first gig!", True),
    ("Paid £40 for the taxi home.", False),
    ("Left the garden centre with two rose bushes and £46 lighter, worth it.", False),
    ("Cleared the loft at the car boot sale, £60 richer by noon.", True),
    ("Walked out of the bike shop $75 lighter.", False),
    ("The garage charged me $90 for the MOT.", False),
    ("Paid the plumber $140 for the leak.", False),
    ("Bought a lamp with the $40 I won last week.", False),
    ("Walked out of the outlet empty-handed and saved myself a cool $250.", True),  # kept, not paid (rev20)
])
def test_money_in(text: str, came_in: bool) -> None:
    assert money_in(text) is came_in


@pytest.mark.parametrize(("text", "things"), [
    ("Already paid the guy.", ""),
    ("Too late, I paid Halfords on Tuesday.", ""),
    ("I paid the hardware store yesterday.", ""),
    ("I paid it last week.", ""),
    ("I paid the parking fine this morning.", "fine"),
    ("I bought a charger this morning.", "charger"),
    ("Paid for the lamp at the till.", "lamp"),
])
def test_the_things_a_payment_names(text: str, things: str) -> None:
    assert _things_paid(text) == terms(things)


@pytest.mark.parametrize(("text", "now"), [
    ("My budget for a new armchair is £300.", True),
    ("Gig tickets are $65 each this year.", True),
    ("It would be £40 to fix the hinge.", True),
    ("The new tyre was 30 euro.", False),
    ("Left the garden centre £46 lighter.", False),
])
def test_price_now(text: str, now: bool) -> None:
    assert price_now(text) is now
