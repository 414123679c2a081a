"""Counts and totals over the user's own told events (kgmem.answer.counting, count_question, count_answer, aggregate's line path)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer import countable
from kgmem.answer.aggregate import bare_amount, priced_item
from kgmem.answer.count_question import anchors, counted_heads, question_terms
from kgmem.answer.evidence import Line, arrangement, split_sentences
from kgmem.answer.match import norm
from kgmem.answer.money_questions import is_money_total
from kgmem.api import Memory
from kgmem.retrieval.planner import plan_query

QD = datetime(2024, 6, 30)


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2024, 2, 3), "Did a food bank shift at St Anne's this morning, sorted tins for three hours."),
        (datetime(2024, 2, 20), "The bank sent me a new debit card, the old one snapped."),
        (datetime(2024, 3, 10), "Another food bank shift today, mostly packing parcels."),
        (datetime(2024, 3, 30), "My flatmate Priya did a food bank shift too, she loved it."),
        (datetime(2024, 4, 14), "Presented our poster at the Oslo summit today, lots of questions.",
         "Bought printer ink for the poster, £32."),
        (datetime(2024, 4, 20), "Still buzzing from the Oslo summit, the keynote was brilliant.",
         "The printer paper arrived, 12 for five reams."),
        (datetime(2024, 5, 5), "Food bank shift number three done, my back aches.",
         "Bake sale at school: £120 for the library."),
        (datetime(2024, 5, 19), "The church bake sale took £85, not bad for a wet Sunday.",
         "Maya's bake sale raised £300 for the hospice, which is amazing."),
        (datetime(2024, 6, 2), "Booked a table at the Hythe bake sale on 9 August."),
    ]
    return chat_memory("cora", said, "c", None)


def test_a_count_takes_each_own_told_event_once(mem) -> None:  # noqa: ANN001
    a = mem.answer("cora", "How many food bank shifts have I done?", question_date=QD)
    # three of the user's own shifts; not Priya's, not the bank's new card
    assert a.text.startswith("3 "), (a.text, a.extra["decision"])


def test_the_same_named_event_told_twice_is_one(mem) -> None:  # noqa: ANN001
    a = mem.answer("cora", "How many summits have I presented at?", question_date=QD)
    assert a.text.startswith("1 ") and "Oslo" in a.text, (a.text, a.extra["decision"])


def test_a_total_the_question_does_not_call_money(mem) -> None:  # noqa: ANN001
    a = mem.answer("cora", "What have my bake sales made in total?", question_date=QD)
    # £120 + £85; not Maya's £300, not the booked sale's date
    assert a.text.startswith("£205"), (a.text, a.extra["decision"])


def test_an_amount_written_without_currency_names_the_thing(mem) -> None:  # noqa: ANN001
    a = mem.answer("cora", "How much have I spent on printer ink and paper altogether?", question_date=QD)
    assert a.text.startswith("£44"), (a.text, a.extra["decision"])


def _line(text: str) -> Line:
    return Line(text, "t:0", "s", "user", datetime(2024, 11, 10))


@pytest.mark.parametrize(("text", "amount"), [
    ("the new hinges arrived, 14 for a box of six", [14.0]),
    ("stayed till 10 and she handed me 40", [40.0]),  # "till 10" is a clock time
    ("did 3 hrs at the Lins', got 20", [20.0]),  # "3 hrs" is a quantity
    ("they gave me 45 for 3 sessions", []),  # two numbers: which is the price is open
    ("Booked a table at the fair on 7 December.", []),  # a date, not an amount
    ("picked up a shift on c2", []),  # part of a word
])
def test_a_bare_amount_is_the_one_number_outside_dates(text: str, amount: list[float]) -> None:
    assert bare_amount(_line(text)) == amount


def test_the_question_window_and_counting_words_are_not_what_is_counted() -> None:
    plan = plan_query("how many different kinds of talks have I given this academic year", QD)
    heads, others = anchors(plan)
    assert heads == {"talk"}
    assert not {"academic", "year", "kind", "different"} & (heads | others)


@pytest.mark.parametrize(("q", "heads"), [
    ("How many food bank shifts have I done?", {"shift"}),
    ("how many wards or departments have i worked on", {"ward", "department"}),
    ("how many of my submissions got accepted", {"submission"}),
])
def test_the_counted_things_are_the_phrase_heads(q: str, heads: set[str]) -> None:
    assert counted_heads(q) == heads


def test_a_past_participle_also_matches_its_verb() -> None:
    assert {"taken", "tak"} <= question_terms("taken")  # "Took £420" holds it
    assert norm("child") in question_terms("children")


@pytest.mark.parametrize("word", ["garden", "kitchen", "chicken", "oxygen"])
def test_a_noun_ending_in_en_keeps_its_stem(word: str) -> None:
    # the lemma, not a suffix cut: "garden" is no form of "garde"
    assert question_terms(word) == {norm(word)}


@pytest.mark.parametrize(("q", "counted"), [
    ("how many tax returns have i filed this financial year", {"return"}),
    ("How many plays have I seen since last school term?", {"play"}),
    ("how many seasons have I coached the under-12s", {"season"}),  # the period is what is counted
])
def test_a_calendar_period_and_its_modifiers_say_when_not_what(q: str, counted: set[str]) -> None:
    heads, others = anchors(plan_query(q, QD))
    assert heads == {norm(w) for w in counted}
    assert not {norm(w) for w in ("financial", "school", "year", "term")} & (heads | others)


@pytest.mark.parametrize(("text", "kind"), [
    ("the depot offered me an extra delivery round on Saturday", "offer"),
    ("got invited to judge the village show", "offer"),
    ("I was asked to cover the Tuesday clinic", "offer"),
    ("Reserved a pitch at the Easter market on the 20th", "booking"),
    ("Reserved a pitch at the craft market on 20 April, fingers crossed.", "booking"),
    ("When they offered me the post I cried", "offer"),
    ("we signed up for the canal cleanup next month", "booking"),
    ("the round they offered me ran late", None),  # a relative clause: the sentence tells the round
    ("Ravi offered to lend me his ladder", None),  # an offer to do something for me, not a thing I do
    ("did an extra delivery round this morning", None),
    ("She booked herself a massage", None),
])
def test_offers_and_bookings_are_arrangements_not_events(text: str, kind: str | None) -> None:
    assert arrangement(text) == kind


@pytest.mark.parametrize(("text", "sentences"), [
    ("saw two herons by the weir full stop do they nest here question mark",
     ["saw two herons by the weir.", "do they nest here?"]),
    ("There is a question mark over the grant. The lorry came to a full stop.",
     ["There is a question mark over the grant.", "The lorry came to a full stop."]),
])
def test_dictated_punctuation_ends_a_sentence(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.fixture(scope="module")
def rounds(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2024, 1, 20), "Did an extra delivery round for the depot this morning, 140 parcels."),
        (datetime(2024, 2, 11), "The depot offered me another extra delivery round on Sunday and I said no, too tired."),
        (datetime(2024, 3, 2), "Another extra delivery round done, the van's heater is broken."),
        (datetime(2024, 3, 30), "Reserved a pitch at the Easter craft market on 20 April, fingers crossed."),
        (datetime(2024, 4, 6), "Sold candles at the spring craft market in the park today."),
        (datetime(2024, 4, 27), "spotted a little brown bird in the hedge out back this morning"),
        (datetime(2024, 5, 18), "a bird with a yellow chest was at the hedge again"),
        (datetime(2024, 5, 25), "Tutored the Pereira twins tonight, they paid me £30."),
        (datetime(2024, 6, 8), "Tutored the Pereira twins again, got 45 for 3 sessions"),
    ]
    return chat_memory("ravi", said, "r", None)


def test_a_declined_offer_is_no_event(rounds) -> None:  # noqa: ANN001
    a = rounds.answer("ravi", "How many extra delivery rounds have I done?", question_date=QD)
    assert a.text.startswith("2 "), (a.text, a.extra["decision"])


def test_a_booking_is_not_the_event_booked(rounds) -> None:  # noqa: ANN001
    # asked before the booked day (20 April): the booking is no stall yet
    a = rounds.answer("ravi", "How many craft markets have I had a stall at?", question_date=datetime(2024, 4, 13))
    assert a.text.startswith("1 ("), (a.text, a.extra["decision"])
    # asked after it: still one for sure, and the booking named as a maybe (never told as done)
    a = rounds.answer("ravi", "How many craft markets have I had a stall at?", question_date=QD)
    assert a.text.startswith("at least 1 (") and "maybe also \"Reserved a pitch" in a.text, (a.text, a.extra["decision"])


def test_different_things_the_lines_do_not_name_are_counted_with_their_basis(rounds) -> None:  # noqa: ANN001
    a = rounds.answer("ravi", "how many different kinds of bird have i spotted in the hedge", question_date=QD)
    # each unnamed line counted as a different bird, and the answer says so, quoting the lines
    assert a.text.startswith("2 (") and "counting each of these as a different one" in a.text, (a.text, a.extra["decision"])
    assert "2024-04-27" in a.text and "2024-05-18" in a.text


def test_a_total_with_an_unreadable_amount_is_a_lower_bound(rounds) -> None:  # noqa: ANN001
    a = rounds.answer("ravi", "How much have I been paid for tutoring altogether?", question_date=QD)
    assert a.text.startswith("at least £30"), (a.text, a.extra["decision"])
    assert "45 for 3 sessions" in a.text


@pytest.mark.parametrize(("text", "bought"), [
    ("A desk lamp from Argos, £25, on Friday.", True),  # a thing and its price, no verb
    ("Oh, and a rain cover for the buggy, $19, yesterday.", True),
    ("Second-hand bread maker, €40!", True),
    ("The lamp, which was £25, broke.", False),  # a finite verb says more than a price
    ("Parking at the station is $12 a day.", False),
    ("Budget for the weekend: $300.", False),  # not set off by a comma
    ("Tickets for Friday, $45 each, if you want one", False),
])
def test_a_thing_and_its_price_without_a_verb_is_a_purchase(text: str, bought: bool) -> None:
    assert priced_item(text) is bought


@pytest.mark.parametrize(("q", "total"), [
    ("What's the total number of gadgets I've bought?", False),  # a count, however it is asked
    ("give me the count of plants I bought this spring", False),
    ("how many lamps did I buy in total", False),
    ("What's the total I've spent on the gadgets I bought?", True),
])
def test_the_number_of_things_bought_is_a_count_not_a_sum(q: str, total: bool) -> None:
    assert is_money_total(q) is total


@pytest.mark.parametrize(("text", "verbless"), [
    ("physio again thurs, $65 after the rebate.", True),  # "thurs" is a weekday, not a verb
    ("dentist weds, 120 quid.", True),
    ("my flatmate went to the dentist tues, $90.", False),  # a verb of its own: the flatmate's doing
    ("physio again thurs, she says 65 bucks", False),  # "says" is a verb
    ("New tyre, €30.", False),  # no verb at all: nothing to mistake
    ("sister's dentist weds, $75", False),  # someone else's holder: her dentist, not the user's
    ("Maya physio thurs, $60", False),  # a person named
])
def test_a_note_whose_only_verb_is_a_weekday_has_no_verb(text: str, verbless: bool) -> None:
    assert countable.verbless_note(_line(text)) is verbless


@pytest.fixture(scope="module")
def clinic(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2024, 2, 6), "Went to the dentist for a filling at last, $90 for the first visit."),
        (datetime(2024, 3, 14), "dentist again weds, $70 after the insurance rebate. tooth feels better"),
        (datetime(2024, 4, 2), "my flatmate went to the dentist tues, $110, she says it helped"),
        (datetime(2024, 4, 20), "sister's dentist weds, $75"),
    ]
    return chat_memory("noor", said, "o", None)


def test_a_verbless_note_with_a_weekday_is_the_users_own_payment(clinic) -> None:  # noqa: ANN001
    a = clinic.answer("noor", "how much have I spent on the dentist this year?", question_date=QD)
    # $90 + $70 ("dentist again weds": no one else's doing); not the flatmate's $110, not the sister's $75
    assert a.text.startswith("$160"), (a.text, a.extra["decision"])
