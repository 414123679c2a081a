"""A changing slot's value told in passing in a newer line: read by the slot's kind of value (a
product name, a means of transport, a shop), never someone else's, and it overrides an
older stored value; "before X" takes the value told before the line that named X. Probe sentences
are invented (other people, plans, declines, habits), none from a benchmark."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem.answer.slot_news import product_names, reader, shops, transport_means
from kgmem.answer.slots import someone_elses
from kgmem.api import Memory


@pytest.mark.parametrize(("line", "names"), [
    ("the Galaxy S21 battery barely lasts till lunch now", ["Galaxy S21"]),
    ("Traded up this weekend, the iPhone 15 feels like a brick in my pocket.", ["iPhone 15"]),
    ("I drive a Honda Civic to my shifts.", ["Honda Civic"]),
    ("Loving my new Kindle.", ["Kindle"]),
    ("Went to Lidl on Monday with Priya.", []),  # a shop and a person after "with": no product of the user's
    ("The dealer took the old Ford Focus off my hands.", []),  # the one given up
    ("Side note: busy week.", []),
])
def test_product_names_by_their_form(line: str, names: list[str]) -> None:
    assert product_names(line) == names


@pytest.mark.parametrize(("line", "means"), [
    ("These days I get to the studio by ferry, which is lovely.", ["by ferry"]),
    ("I've started going in on the bus since the strike.", ["on the bus"]),
    ("Honestly I just go on foot now.", ["on foot"]),
    ("no more by car for me, parking is impossible", []),  # told as over
    ("I sent the form by email.", []),  # email is no conveyance
])
def test_a_means_of_transport_is_a_conveyance(line: str, means: list[str]) -> None:
    assert transport_means(line) == means


@pytest.mark.parametrize(("line", "found"), [
    ("grabbed the blender from a tiny kitchen shop downtown", ["a tiny kitchen shop downtown"]),
    ("Picked up the rug at the flea market on Sunday.", ["the flea market"]),
    ("I walked past the bakery twice today.", []),  # passing a shop is no buying there
    ("Bought the lamp at the museum.", []),  # a museum is no shop
])
def test_a_shop_is_a_mercantile_establishment(line: str, found: list[str]) -> None:
    assert shops(line) == found


@pytest.mark.parametrize(("line", "other"), [
    ("Rafaela cycles to the office every day.", True),
    ("(Side note: Keanu commutes by ferry.)", True),  # a name the tagger may read as an adjective
    ("Dmitri makes $88,000 a year.", True),
    ("Payslip says $61,000 now.", False),  # a thing tells the user's own value
    ("I take the tram these days.", False),
    ("Oh, and Jonah drives me to work on Fridays.", False),  # the user is in it
])
def test_someone_elses_line_opens_with_a_name_and_has_no_first_person(line: str, other: bool) -> None:
    assert someone_elses(line) is other


def test_readers_follow_the_slot_kind() -> None:
    assert reader("phone") is product_names and reader("drives") is product_names
    assert reader("commute") is transport_means and reader("job_title") is None
    assert reader("salary") is None  # money is read by typed_spans


QD = datetime(2024, 3, 1)


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    said = [
        (datetime(2023, 5, 2), "Ugh, dropped my Moto G7 in the sink again, the screen is toast."),
        (datetime(2023, 6, 10), "The bank wanted my income for the loan, I put down $49,000 and winced."),
        (datetime(2023, 7, 1), "Bianca gets to work by scooter, she swears by it."),
        (datetime(2023, 8, 5), "Guess what, new phone day!", "the Galaxy S23 camera is absurd, why did I wait"),
        (datetime(2023, 9, 20), "Quick update: payslip says $56,000 a year now, up from $49,000, pizza tonight."),
        (datetime(2023, 10, 3), "Leonie just got a Pixel 8."),
        (datetime(2023, 11, 12), "Mehmet makes $90,000 a year, apparently."),
        (datetime(2023, 12, 1), "My husband's got the new phone now, the Nothing Phone 2, and he loves it."),
    ]
    return chat_memory("nia", said, "n", None)


def test_a_newer_line_on_the_topic_overrides_the_stored_value(mem: Memory) -> None:
    a = mem.answer("nia", "What phone am I using these days?", question_date=QD)
    # not the Moto, not Leonie's Pixel, not the husband's new phone (rev19's HIGH, in other words)
    assert a.text.startswith("Galaxy S23"), (a.text, a.extra["decision"])


def test_a_change_from_the_users_own_value_counts_whoever_tells_it(mem: Memory) -> None:
    a = mem.answer("nia", "What is my annual income at the moment?", question_date=QD)
    assert a.text.startswith("$56,000"), (a.text, a.extra["decision"])  # not Mehmet's $90,000


def test_before_the_value_a_question_names(mem: Memory) -> None:
    a = mem.answer("nia", "Before the $56,000 figure, what was my salary?", question_date=QD)
    assert a.text.startswith("$49,000"), (a.text, a.extra["decision"])


def test_someone_elses_commute_is_no_value_of_the_users(mem: Memory) -> None:
    a = mem.answer("nia", "How do I get to work these days?", question_date=QD)
    assert "scooter" not in a.text, (a.text, a.extra["decision"])


@pytest.mark.parametrize(("question", "count"), [
    ("what's my tally of podcasts I've finished, by what I told you?", True),  # a count, not the single-valued goal
    ("Keep a count of the hikes I did this year?", True),
    ("What is my podcast goal these days?", False),
])
def test_a_tally_asks_a_count_not_a_slot(question: str, count: bool) -> None:
    from kgmem.models import Intent
    from kgmem.retrieval.question import regex_intent

    assert (regex_intent(question) == Intent.AGGREGATE) is count


@pytest.mark.parametrize(("line", "names"), [
    ("Called Verizon about the bill again.", []),  # a firm after a verb
    ("Grabbed lunch at Whole Foods.", []),
])
def test_a_name_after_a_verb_or_preposition_is_no_product(line: str, names: list[str]) -> None:
    assert product_names(line) == names


def test_a_product_opening_a_sentence_is_not_someone() -> None:
    assert not someone_elses("Subaru Outback finally delivered today!")


@pytest.mark.parametrize("line", ["The new Ford Ranger turned up today.", "This Saturday the Kia finally came back."])
def test_a_function_word_opening_a_sentence_is_no_name(line: str) -> None:
    assert not someone_elses(line)


@pytest.mark.parametrize(("line", "kind"), [
    ("Switched it up, I'm going to the studio by ferry these days and loving it.", "actual"),  # motion, a habit now
    ("I'm going to sell the scooter next month.", "plan"),  # going to + a verb
    ("We're going to the lake on Sunday.", "plan"),  # motion yet to come
    ("I'm going to a Muse concert in August with Dev, can't wait.", "plan"),  # rev19's probe
    ("We're going to a wedding in Porto in June, need a suit.", "plan"),
])
def test_going_to_a_place_is_motion_not_a_plan(line: str, kind: str) -> None:
    from kgmem.answer.actuality import mode

    assert mode(line) == kind


def test_more_recently_asks_an_order() -> None:
    from kgmem.models import Intent
    from kgmem.retrieval.question import regex_intent

    assert regex_intent("Which came more recently, repainting the shed or fixing the gutter?") == Intent.ORDERING


@pytest.mark.parametrize("line", ["Started at Globex today, nervous.", "Relocated to Porto for the new role.",
                                  "Upgraded to the Pixel 9 over the weekend.", "Caved and got a Kindle.",
                                  "Switched jobs, now at Initech.", "Super excited, new Pixel 9 day.",
                                  "Officially a Lisbon resident as of today."])
def test_a_dropped_subject_is_the_users_own(line: str) -> None:
    assert not someone_elses(line)  # chat drops "I": the opening verb is no name
