"""One test of whether a told item counts (kgmem.answer.countable): the user's own, actual, and
past at the question date by the line's resolved time; and which kind of outing a line names
(kgmem.answer.act_kinds). Every line here is invented for the test."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.act_kinds import other_kind
from kgmem.answer.countable import _refusal, booked_for, unconfirmed, why_not
from kgmem.answer.evidence import Line
from kgmem.answer.refunds import money_back_kind
from kgmem.answer.stays import asked_kind, at_home
from kgmem.api import Memory


def _line(text: str, said: datetime) -> Line:
    return Line(text, "t:0", "t", "user", said)


KESWICK = "Booked three nights at a guesthouse in Keswick for half term in February."
ROME = "Booked four nights at a hotel in Rome for September!"


@pytest.mark.parametrize(("text", "said", "asked", "counts"), [
    # a booking counts once the time it was booked for has passed by the question date, not before
    (KESWICK, datetime(2025, 1, 11), datetime(2025, 6, 20), True),
    (KESWICK, datetime(2025, 1, 11), datetime(2025, 2, 10), False),
    (ROME, datetime(2024, 7, 6), datetime(2024, 12, 1), True),
    (ROME, datetime(2024, 7, 6), datetime(2024, 8, 1), False),
    ("Reserved two nights at a hotel in York for the end of October, can't wait.",
     datetime(2025, 2, 8), datetime(2025, 6, 20), False),
    ("We've booked a barge holiday for May next year.", datetime(2024, 9, 25), datetime(2025, 1, 10), False),
    # a booking that names no time is no event yet; one whose stay the line tells as past is one
    ("Booked a pitch at the Ashford craft market.", datetime(2024, 11, 10), datetime(2024, 11, 30), False),
    ("Booked two nights in Filey last minute, we stayed Friday and Saturday and it rained.",
     datetime(2024, 6, 1), datetime(2024, 6, 2), True),
])
def test_a_booking_counts_by_its_time_not_its_verb(text: str, said: datetime, asked: datetime, counts: bool) -> None:
    assert (why_not(_line(text, said), asked) is None) is counts, why_not(_line(text, said), asked)


def test_the_booked_time_is_read_ahead_of_the_booking() -> None:
    # the resolver reads a bare month as the past one; a booking names the coming one
    until = booked_for(_line(KESWICK, datetime(2025, 1, 11)))
    assert until is not None and (until.year, until.month) == (2025, 2)
    assert booked_for(_line("Booked a pitch at the Ashford craft market.", datetime(2024, 11, 10))) is None


def test_a_booking_that_counts_is_still_unconfirmed_unless_the_line_tells_it_done() -> None:
    assert unconfirmed(_line(KESWICK, datetime(2025, 1, 11)))
    assert not unconfirmed(_line("Booked two nights in Filey last minute, we stayed Friday and Saturday.",
                                 datetime(2024, 6, 1)))


def test_a_money_total_counts_a_booking_whenever_its_date() -> None:
    line = _line("I booked flights to Faro for October, £240.", datetime(2024, 8, 2))
    assert why_not(line, datetime(2024, 9, 1), money=True) is None
    assert why_not(line, datetime(2024, 9, 1)) is not None


@pytest.mark.parametrize(("text", "counts"), [
    ("My parents stayed four nights at a hotel in Cork for their anniversary.", False),
    ("I was meant to go to Whitstable today but the car wouldn't start, so that was that.", False),
    ("The Kendal walk got rained off, we stayed in and did a jigsaw.", False),
    ("Spent two nights at my brother's in Leeds, his spare room is freezing.", True),  # the user's doing
    ("Stayed one night at a Holiday Inn in Exeter after the training course.", True),
])
def test_whose_and_whether_it_happened(text: str, counts: bool) -> None:
    line = _line(text, datetime(2025, 3, 15))
    assert (why_not(line, datetime(2025, 6, 20)) is None) is counts, why_not(line, datetime(2025, 6, 20))


@pytest.mark.parametrize(("line", "question", "other"), [
    ("Went to the Villa match on Saturday with my cousin, what a game.", "how many concerts have I been to", True),
    ("Caught a comedy show at the Glee Club on Friday.", "how many gigs did I go to", True),
    ("Caught a comedy show at the Glee Club on Friday.", "how many different live shows have I been to", False),
    ("Saw Fontaines D.C. at the Academy, loudest gig of my life.", "how many concerts have I been to", False),
    ("Saw Fontaines D.C. at the Academy, loudest gig of my life.", "how many plays have we seen", True),
    ("Saw Big Thief at the Roundhouse on Thursday.", "how many concerts have I been to", False),  # no kind named
    ("Went to the Villa match on Saturday.", "how many physio appointments have I had", False),  # no kind asked
])
def test_a_line_naming_another_kind_of_outing_is_no_instance(line: str, question: str, other: bool) -> None:
    assert (other_kind(line, question) is not None) is other


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Took the rain jacket back and got the green one instead, same price.", None),  # an exchange
    ("Took back the scarf I bought for Dana, £20, got my money back and got her a candle instead.", "refund"),
    ("Ordered a desk lamp for £35, it arrived broken so I sent it back and got my money back.", "refund"),
])
def test_money_said_to_come_back_wins_over_an_exchange_word(sentence: str, kind: str | None) -> None:
    assert money_back_kind(sentence) == kind


@pytest.mark.parametrize(("text", "home"), [
    ("Spent three nights at my aunt's over the bank holiday.", True),
    ("Stayed at Jo's place for a night.", True),
    ("Stayed two nights at a Premier Inn in Derby for the conference.", False),
])
def test_a_stay_at_someones_home(text: str, home: bool) -> None:
    assert at_home(text) is home


def test_the_kind_of_place_a_unit_question_asks_about() -> None:
    assert asked_kind("how many nights have I spent in hotels this year") == "hotel"
    assert asked_kind("how many nights was I in Dublin") is None


@pytest.fixture(scope="module")
def goer(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2025, 1, 11), KESWICK),
        (datetime(2025, 2, 8), "Reserved two nights at a hotel in York for the end of October, can't wait."),
        (datetime(2025, 3, 1), "Stayed one night at a Holiday Inn in Exeter after the training course."),
        (datetime(2025, 3, 15), "Spent two nights at my aunt's in Leeds, her spare room is freezing."),
        (datetime(2025, 4, 5), "My parents stayed four nights at a hotel in Cork for their anniversary."),
        (datetime(2025, 5, 17), "Went to the Villa match on Saturday with my cousin, what a game."),
        (datetime(2025, 5, 24), "Saw Fontaines D.C. at the Academy, loudest gig of my life."),
        (datetime(2025, 6, 7), "Caught a comedy show at the Glee Club on Friday, my face hurt from laughing."),
        (datetime(2025, 7, 5), "Bought a new lock for my bike, 30 euro."),
        (datetime(2025, 7, 12), "The bike garage wanted 120 euro for new discs, I said no, I will do them myself."),
        (datetime(2025, 7, 19), "somebody nicked my bike bell at the station, new one 8 euro, but today i dont care"),
    ]
    return chat_memory("noor", said, "n", None)


def test_a_booked_stay_past_by_the_question_date_is_named_as_unconfirmed(goer) -> None:  # noqa: ANN001
    a = goer.answer("noor", "How many nights have I spent in hotels this year?", question_date=datetime(2025, 6, 20))
    # Exeter 1 for sure; Keswick's 3 booked nights with it; not the aunt's, not the parents', not York (ahead)
    assert a.text.startswith("at least 1 night; 4 with what you booked"), (a.text, a.extra["decision"])
    assert "York" not in a.text.split("Not counted")[0] and "Cork" not in a.text, a.text


def test_a_match_and_a_comedy_show_are_no_concerts(goer) -> None:  # noqa: ANN001
    a = goer.answer("noor", "How many concerts have I been to this year?", question_date=datetime(2025, 6, 20))
    assert a.text.startswith("1 ("), (a.text, a.extra["decision"])
    assert "Villa" not in a.text and "comedy" not in a.text.lower(), a.text



def test_a_price_someone_asked_is_not_paid_when_the_user_refuses_it(goer) -> None:  # noqa: ANN001
    a = goer.answer("noor", "How much have I spent on my bike in total?", question_date=datetime(2025, 8, 1))
    # lock €30 + bell €8; the garage's €120 was turned down in the next clause ("I said no")
    assert a.text.startswith("€38"), (a.text, a.extra["decision"])


@pytest.fixture(scope="module")
def runner(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2025, 4, 6), "Ran the Harbour 10K race this morning, 52 minutes."),
        (datetime(2025, 5, 11), "Coastal Half race on Sunday. DNS. Knee."),
        (datetime(2025, 6, 1), "Ran the Parkside 5K race yesterday, new best."),
        (datetime(2025, 6, 8), "Bought trail shoes for £90."),
        (datetime(2025, 6, 15), "sent the trail shoes back, too narrow, got the refund today"),
        (datetime(2025, 6, 22), "Bought a running vest for £40."),
    ]
    return chat_memory("ines", said, "i", None)


def test_a_race_the_next_line_calls_off_is_not_run(runner) -> None:  # noqa: ANN001
    a = runner.answer("ines", "How many races have I run this year?", question_date=datetime(2025, 7, 1))
    assert a.text.startswith("2 ("), (a.text, a.extra["decision"])
    assert "Coastal" not in a.text.split("Not counted")[0], a.text


def test_a_thing_sent_back_for_a_refund_is_not_a_purchase_kept(runner) -> None:  # noqa: ANN001
    a = runner.answer("ines", "How many things have I bought for running?", question_date=datetime(2025, 7, 1))
    # the shoes went back for a refund (the races counted beside the vest are another matter)
    assert "vest" in a.text and "shoes" not in a.text, (a.text, a.extra["decision"])


@pytest.mark.parametrize(("text", "counts"), [
    # rev13's probe_ms5 (19:31): a diary line's elided subject books and stays
    ("Booked a night at a hotel near Luton last minute and stayed there before our early flight.", True),
    ("Missed the Wet Leg gig, I was ill in bed.", False),
])
def test_a_line_tells_its_own_outcome(text: str, counts: bool) -> None:
    line = _line(text, datetime(2024, 9, 7))
    assert (why_not(line, datetime(2024, 12, 1)) is None) is counts, why_not(line, datetime(2024, 12, 1))


@pytest.mark.parametrize(("clause", "refuses"), [
    # the one lexicon's "refuse" predicates (called_off.json), in every form and split by their object
    ("I said no", True), ("I turned it down", True), ("i turned them down", True), ("I declined", True),
    ("I knocked it back", True), ("I passed on it", True), ("I walked away", True), ("I backed out.", True),
    # the set phrases counting.json keeps
    ("not worth it", True), ("I'm not paying that", True),
    # a predicate whose words say more besides ends its clause; paying or agreeing is no refusal
    ("I pulled out my card and paid", False), ("I said yes", False), ("I turned up late", False),
])
def test_a_refusal_is_read_from_the_refuse_sense(clause: str, refuses: bool) -> None:
    assert bool(_refusal().search(clause)) is refuses
