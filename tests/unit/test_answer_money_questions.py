"""Money totals asked in other ways and money told in other ways (ms21): a sum over a month or in the present
perfect, a total asked by its noun, money that came in ("how much have I raised"), a price per thing times the
things, someone's quote, a return that takes out one of two things bought in one line, a doing done by someone
else, a retelling opened by "like I said". Every line here is invented for the test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.amounts import part_of, times_each
from kgmem.answer.attended import retelling
from kgmem.answer.countable import done_by_another, negated_in_relative_only, paid_by_another
from kgmem.answer.money_questions import asks_money_in, sums_money_over_time
from kgmem.answer.payments import asking_price, money_in, takes_in
from kgmem.api import Memory


@pytest.mark.parametrize(("question", "adds"), [
    ("What did I fork out on parking in March?", True),
    ("How much have we paid for childcare?", True),
    ("what's my coffee total this week", True),
    ("How much have I donated to the animal shelter?", True),
    ("How much did I pay for the sofa?", False),  # one price
    ("What did my new phone cost?", False),
    ("How many concerts have I paid for?", False),  # a count
])
def test_questions_that_add_money_up(question: str, adds: bool) -> None:
    assert sums_money_over_time(question) is adds


@pytest.mark.parametrize(("question", "came_in"), [
    ("How much have I raised for the food bank?", True),
    ("What have I earned from tutoring so far?", True),
    ("How much money have I made from my stall?", True),
    ("How much have I spent on the stall?", False),
    ("How much did I pay for what I sold?", False),
    ("How much have I been paid for dog walking?", True),  # paid to the user
])
def test_questions_about_money_coming_in(question: str, came_in: bool) -> None:
    assert asks_money_in(question) is came_in


@pytest.mark.parametrize(("text", "came_in"), [
    ("The raffle I ran brought in £95 for the scouts.", True),
    ("Made $60 selling lemonade with the kids.", True),
    ("I got two tyres fitted at a cost of £70 each.", False),  # a price, though "got"
    ("Collected the dry cleaning at a cost of $18.", False),  # "collect" with a price paid
    ("Walked the Hendersons' dog, they paid me $25.", True),
    ("I paid the dog walker $25.", False),
])
def test_money_taken_in(text: str, came_in: bool) -> None:
    assert takes_in(text) is came_in
    if not came_in:
        assert not money_in(text)


@pytest.mark.parametrize(("text", "asks"), [
    ("The garage wants £380 for a new clutch.", True),
    ("The roofer quoted us $2,400, we're getting other quotes.", True),
    ("I asked for $20 off and they agreed.", False),  # the user's own asking
    ("Paid the garage £380 for the clutch.", False),
])
def test_someone_elses_asking_price(text: str, asks: bool) -> None:
    assert asking_price(text) is asks


@pytest.mark.parametrize(("text", "amount", "times"), [
    ("Bought three bags of compost at $7 each.", 7.0, 3),
    ("got 2 concert tickets, £45 apiece", 45.0, 2),
    ("Split the $90 dinner with Sam, so $45 each.", 45.0, 1),  # no number of things: one share
    ("The plumber charged $80.", 80.0, 1),
])
def test_a_price_per_thing_times_the_things(text: str, amount: float, times: int) -> None:
    assert times_each(text, amount) == times


def test_the_part_of_a_line_that_tells_one_amount() -> None:
    line = "Picked up a desk lamp for £30 and a rug for £85 at the market."
    assert "lamp" in part_of(line, 30.0) and "rug" not in part_of(line, 30.0)
    assert "rug" in part_of(line, 85.0) and "lamp" not in part_of(line, 85.0)
    assert part_of("A rug for £85.", 85.0) == "A rug for £85."


@pytest.mark.parametrize(("text", "other"), [
    ("The kitten got adopted by a retired couple last week.", True),
    ("I got adopted into the running club by Tom, ha.", False),  # the user is the one
    ("We adopted a kitten from the shelter.", False),
    # a time or a number after "by" is a deadline, not a doer (the CI of 796a2bc: 12 loaves lost)
    ("Sold twelve loaves at the market, sold out by eleven.", False),
    ("The flat was sold by Friday, phew.", False),
    ("The last loaves were sold by my sister.", True),
])
def test_a_doing_done_by_someone_else(text: str, other: bool) -> None:
    assert done_by_another(text, frozenset({"adopt", "sell"})) is other


@pytest.mark.parametrize(("text", "again"), [
    ("Like I said, I ran the 10k in April.", True),
    ("As I mentioned, the boiler is fixed.", True),
    ("I said yes to the 10k in April.", False),
])
def test_retelling_opened_by_like_i_said(text: str, again: bool) -> None:
    assert retelling(text) is again


QD = datetime(2026, 12, 20)


@pytest.fixture(scope="module")
def purse(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2026, 10, 3), "Bought a rain jacket for $90 and a beanie for $15 at the outdoor shop."),
        (datetime(2026, 10, 17), "Sent the jacket back, the sleeves were short, got my $90 back."),
        (datetime(2026, 11, 2), "The mechanic wants $600 for new brakes, I'm waiting till payday."),
        (datetime(2026, 11, 9), "Picked up three bags of bird seed at $6 each."),
        (datetime(2026, 11, 20), "My stall at the craft fair brought in $140, not bad for a first go!"),
        (datetime(2026, 12, 4), "Another craft fair, made $95 this time."),
    ]
    return chat_memory("purse", said, "q", None)


def test_money_paid_is_added_without_returns_quotes_or_takings(purse: Memory) -> None:
    a = purse.answer("purse", "How much have I spent since October?", question_date=QD)
    # beanie 15 + bird seed 3 x 6; not the jacket (returned), not the mechanic's quote, not the fair's takings
    assert a.text.startswith("$33"), (a.text, a.extra["computed"])


def test_money_that_came_in_is_added_when_asked(purse: Memory) -> None:
    a = purse.answer("purse", "How much have I made from the craft fairs?", question_date=QD)
    assert a.text.startswith("$235"), (a.text, a.extra["computed"])


@pytest.mark.parametrize(("text", "inner"), [
    ("Got a £40 ticket for a road I didn't know was a toll road.", True),
    ("Watched a film I'd never heard of, loved it.", True),
    ("I didn't go to the show I had tickets for.", False),  # the doing itself is denied
    ("I haven't read the book I bought.", False),
])
def test_a_no_inside_a_relative_clause_is_about_the_thing(text: str, inner: bool) -> None:
    assert negated_in_relative_only(text) is inner


@pytest.mark.parametrize(("text", "other"), [
    ("My brother got a $90 parking fine in my car and he's paying it.", True),
    ("My aunt covered the hotel, which was lovely of her.", True),
    ("I paid the deposit and she paid the rest.", False),
    ("Paid the invoice, finally.", False),
    ("The neighbours paid me $25 to water their plants.", False),  # money to the user, not someone else's spending
])
def test_money_paid_by_someone_else(text: str, other: bool) -> None:
    assert paid_by_another(text) is other


def test_the_count_set_is_well_formed() -> None:
    """tests/fixtures/answers/count_voices.jsonl (eval/bench_answer_sets.py --set counts): >= 30 cases, every
    wrong value differs from the answer, sums and abstentions among them, sessions ascending."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "fixtures" / "answers" / "count_voices.jsonl"
    cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(cases) >= 30
    assert {c["answer_kind"] for c in cases} == {"count", "sum", "abstain"}
    for c in cases:
        assert all(w["value"] != c["answer_value"] for w in c["wrong"]), c["case_id"]
        dates = [s["date"] for s in c["sessions"]]
        assert dates == sorted(dates) and dates[-1] < c["question_date"], c["case_id"]


@pytest.mark.parametrize(("question", "adds"), [
    ("What's my step total this month?", False),          # steps, not money
    ("What was the running total of my steps this week?", False),
    ("How much time have I given to volunteering?", False),  # time given, not money
    ("How far have I run in total this month?", False),   # a distance
    ("What's my fuel total this month?", True),
])
def test_totals_of_things_that_are_not_money(question: str, adds: bool) -> None:
    assert sums_money_over_time(question) is adds


@pytest.mark.parametrize(("text", "other"), [
    ("My sister and I paid £200 for the cabin.", False),          # the user is a joint payer
    ("She paid for dinner and I got the drinks, $30.", False),    # the amount is in the user's own clause
    ("I went along, but she paid the $50 fee.", True),
    ("Tom and Ana paid $60 for the taxi.", True),
])
def test_joint_and_split_payers(text: str, other: bool) -> None:
    assert paid_by_another(text) is other


def test_each_month_is_a_rate_not_a_price_per_thing() -> None:
    assert times_each("After 2 years at the gym I still pay £30 each month.", 30.0) == 1
