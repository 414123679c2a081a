"""A trip's span from its setting off and its coming back told in different turns (session 18,
ev18): the setting off told ahead names a city ("Sunday I fly to Lima"), the coming back names
home ("arrived back in Bristol on Friday"), the question names the country; the day of setting off
may sit in the next sentence of its turn; a place named in another sentence of the coming back's turn
(an invitation declined) is no trip there; two such trips in the asked country are a tie (no
number), and a country no line is in gets none. Arriving home ends a trip (no start), and a bare
weekday after "since" is a day. The haystacks are invented (names, places, dates); no development
or held-out line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest

from kgmem import temporal
from kgmem.answer.event_roles import event_roles, returns_home, setting_off
from kgmem.api import Memory

USER = "trips-s18"
SESSIONS = [
    (datetime(2024, 2, 12, 19), "Any tips for a first sourdough starter?"),
    (datetime(2024, 3, 6, 20), "Sunday I fly to Lima!! What should I pack for the altitude?"),
    (datetime(2024, 3, 25, 9), "I arrived back in Bristol on Friday, shattered but happy."),
    (datetime(2024, 4, 15, 18), "We are off to Scotland! We take the sleeper to Inverness a week on Sunday."),
    (datetime(2024, 5, 2, 21), "Home since Tuesday, the washing mountain is real."),
    (datetime(2024, 6, 3, 9), "What should I plant in July?"),
    (datetime(2024, 6, 10, 20), "Flying out to Oslo on Thursday, any museum tips?"),
    (datetime(2024, 6, 18, 9), "Got back from Oslo on Sunday. Also the Bergen book club invited me to visit in autumn, "
                               "but I said no."),
]
TODAY = datetime(2024, 8, 1, 12)

TWO = "trips2-s18"
TWO_SESSIONS = [
    (datetime(2024, 3, 6, 20), "flying to Rome on Friday, cannot wait"),
    (datetime(2024, 3, 19, 9), "back home since Sunday, pasta withdrawal is real"),
    (datetime(2024, 5, 7, 20), "off to Milan on Thursday for the design fair"),
    (datetime(2024, 5, 20, 9), "home again since Saturday and broke"),
]


@pytest.fixture(scope="module")
def mem(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory(USER, SESSIONS, "tr18", "Have a lovely time.")


def _ask(mem: Memory, user: str, q: str) -> str:
    return mem.answer(user, q, question_date=TODAY).text


def test_a_trip_set_off_to_a_city_and_ended_at_home(mem: Memory) -> None:
    # Sunday 10 March (said Wednesday 6 March) to Friday 22 March (said Monday 25 March)
    answer = _ask(mem, USER, "how many days was I in Peru?")
    assert answer.startswith("12 days"), answer


def test_the_day_of_setting_off_told_in_the_next_sentence(mem: Memory) -> None:
    # "a week on Sunday" said Monday 15 April: Sunday 28 April; home since Tuesday 30 April
    answer = _ask(mem, USER, "how many days were we away in Scotland?")
    assert answer.startswith("2 days"), answer


def test_a_country_no_line_is_in_gets_no_number(mem: Memory) -> None:
    answer = _ask(mem, USER, "how many days was I in Japan?")
    assert not answer[:1].isdigit(), answer


def test_a_place_named_elsewhere_in_the_coming_back_turn_is_no_trip_there(mem: Memory) -> None:
    answer = _ask(mem, USER, "how many days was I in Bergen?")
    assert not answer[:1].isdigit(), answer
    assert _ask(mem, USER, "how many days was I in Oslo?").startswith("3 days")  # Thursday 13 to Sunday 16 June


def test_two_trips_in_the_asked_country_are_a_tie(chat_memory: Callable[..., Memory]) -> None:
    m = chat_memory(TWO, TWO_SESSIONS, "tw18", "Enjoy!")
    answer = _ask(m, TWO, "how many days was I in Italy?")
    assert not answer[:1].isdigit(), answer
    # each city alone is one trip: Friday 8 March to Sunday 17 March
    assert _ask(m, TWO, "how many days was I in Rome?").startswith("9 days")


@pytest.mark.parametrize(("text", "sets_off", "roles"), [
    # a journey told ahead sets off only where a trip pairs it (setting_off), adding no role by itself
    ("Sunday I fly to Lima!!", True, set()),
    ("flyin to oslo fri w my sister", True, set()),  # a dropped g is the same verb
    ("Stag weekend in Riga. Fly Thursday.", True, set()),  # a flight on a day, told ahead
    ("On Thursday we drive to my sister in Cardiff.", True, set()),
    ("We're off up to Whitby on Sunday night", True, set()),  # "off <particle> to": told ahead too
    ("driving to work on Monday as usual", False, set()),  # no name after "to": no journey
    ("We flew to Porto on the 3rd.", False, set()),  # a past flight may be the way home
    ("Last year we fly to Crete every May.", False, set()),  # a past marker: no setting off
    ("Mum and Dad fly to Rome on Friday.", False, set()),  # not the user's journey
    ("One day I fly to Japan.", False, set()),  # a some-day
    ("We arrived home from the coast on Monday night.", False, {"finish"}),  # arriving home starts nothing
    ("I arrived at the hostel at noon", False, {"start"}),
])
def test_setting_off_told_ahead_and_arriving_home(text: str, sets_off: bool, roles: set[str]) -> None:
    assert (setting_off(text) is not None) is sets_off
    assert event_roles(text) & {"start", "finish"} == roles


def test_since_and_a_short_weekday_name_a_day() -> None:
    said = datetime(2024, 5, 2, 21)  # a Thursday
    for text, day in [("back since sat, so tired", "2024-04-27"), ("home since tues", "2024-04-30"),
                      ("flying out fri", "2024-04-26")]:
        spans = temporal.find_time_expressions(text, said)
        assert spans and spans[0].resolved.start.date().isoformat() == day, text
    assert returns_home("back since sat, so tired")
    assert not temporal.find_time_expressions("I sat on the sofa all day", said)[1:]  # "sat" alone is a verb


#: rev18's probes (session 18): someone else's trip, a wish, a delay, an invitation not taken up, a
#: coming back from another place; main abstained on each, a trip rule must too (or be right)
PROBES = [
    ([(datetime(2025, 3, 3, 9), "Mum and Dad fly to Rome on Friday, I'm staying here to mind the dog."),
      (datetime(2025, 3, 11, 9), "Home again after three days camping in the Peak District.")], "How many days was I in Italy?"),
    ([(datetime(2025, 3, 3, 9), "One day I fly to Japan and eat my way through Osaka."),
      (datetime(2025, 3, 7, 9), "Back home since Wednesday after the work trip to Glasgow.")], "How long was I in Japan?"),
    ([(datetime(2025, 3, 3, 9), "Jo asked if I'd drive down to Brighton with her on Saturday, I said I'd think about it."),
      (datetime(2025, 3, 12, 9), "Finally back home since Monday after babysitting for my sister all weekend.")],
     "How many days was I in Brighton?"),
    ([(datetime(2025, 3, 3, 9), "Thursday I fly to Lisbon for the conference!"),
      (datetime(2025, 3, 11, 9), "Back home since Sunday after a long weekend at my parents' in Leeds.")],
     "How many days was I in Portugal?"),
]


@pytest.mark.parametrize(("said", "question"), PROBES)
def test_no_trip_of_the_user_there_gets_no_number(chat_memory: Callable[..., Memory], said: list[tuple[datetime, str]],
                                                  question: str) -> None:
    user = "probe-" + re.sub(r"\W+", "-", question.lower())
    m = chat_memory(user, said, "pr18", "Noted.")
    answer = m.answer(user, question, question_date=datetime(2025, 3, 25, 12)).text
    assert not answer[:1].isdigit(), answer
