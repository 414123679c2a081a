"""Session 30 (x30): a job left in other words, a plan in the present progressive, an illness caught, a taste of the
wrong kind, a holiday that names a thing's kind.

- a workplace left by an idiom ("packed in my job at Tesco", "Got the sack from Halfords", "I was let go from
  Deloitte", "They let me go at Argos", "got made redundant from Boots") is no current employer
  (:func:`kgmem.extraction.zero.leaving.left_behind`) and its name an earlier one
  (:mod:`kgmem.extraction.zero.work_left`); "got the sack" is no purchase;
- a purchase, a pet or an open deed told in the present progressive with a time not behind is a plan, never a deed
  done (:func:`kgmem.extraction.zero.checks.planned`);
- an illness or a germ caught is no purchase ("Picked up a stomach bug", "some kind of virus":
  :func:`kgmem.extraction.zero.payments.no_goods`);
- a taste whose value is a known place the line ties to no sport, or the slot's own word, is refused
  (:mod:`kgmem.extraction.zero.value_kinds`); "Home for me is Bristol" fills the home;
- a holiday that modifies a noun ("Office Halloween party last night") gives way to the line's own time
  (:func:`kgmem.extraction.zero.own_time.own_time`).

Sentences written for these tests, none from the generator's templates or the measuring sets. The invented set
tests/fixtures/extraction/job_plans_kinds_x30.jsonl (57 turns, written before the code and measured blind on main
66a57cd: found 21/44, correct 22/50) is held to its directed figures per category.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from x30_set_scoring import load, score

from kgmem.extraction.zero import RuleExtractor

DAY = datetime(2035, 3, 14, 10, 0)  # a Wednesday


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def _facts(extractor: RuleExtractor, text: str, day: datetime = DAY) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(f.subject, f.predicate, f.value, f.valid_from and f.valid_from.date().isoformat(),
             f.valid_to and f.valid_to.date().isoformat()) for f in extractor.extract([("user", text)], day).facts]


@pytest.mark.parametrize(("text", "employer"), [
    ("Packed in my job at Morrisons on Monday, best decision ever.", "Morrisons"),
    ("I got the sack from Currys last month.", "Currys"),
    ("We were both let go from Unilever in the spring.", "Unilever"),
    ("They let me go at Ocado after the restructure.", "Ocado"),
    ("I was made redundant from Rolls-Royce in January.", "Rolls-Royce"),
])
def test_a_job_left_in_other_words_is_an_earlier_employer(extractor: RuleExtractor, text: str, employer: str) -> None:
    facts = _facts(extractor, text)
    assert not any(p == "works_at" and s == "user" and end is None for s, p, _, _, end in facts), facts
    assert any(p == "works_at" and v == employer and end == "2035-03-14" for _, p, v, _, end in facts), facts
    assert not any(p == "bought" for _, p, _, _, _ in facts), facts


@pytest.mark.parametrize("text", [
    "My brother got the sack from Currys last month.",
    "I let him go at Ocado after the second warning.",
    "I'm thinking about handing in my notice at Ocado.",
])
def test_someone_elses_or_an_unmade_leaving_gives_no_earlier_employer(extractor: RuleExtractor, text: str) -> None:
    facts = _facts(extractor, text)
    assert not any(p == "works_at" and s == "user" and end is not None for s, p, _, _, end in facts), facts


def test_a_thing_walked_out_with_is_no_employer(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "I walked out of the Currys store with Sony headphones and £180 less last week.")
    assert not any(p == "works_at" for _, p, *_ in facts), facts


def test_a_sack_of_things_is_still_bought(extractor: RuleExtractor) -> None:
    assert any(p == "bought" and "sack" in v for _, p, v, _, _ in _facts(extractor, "Got a sack of onions for £3 at the market."))


@pytest.mark.parametrize(("text", "predicate"), [
    ("We're getting a log burner installed in the autumn.", "bought"),
    ("I'm buying a new bike next week, any tips?", "bought"),
    ("We're getting a kitten in May!", "has_pet"),
    ("I'm moving to Bath in July.", "move_to"),
])
def test_a_plan_in_the_present_progressive_is_no_deed(extractor: RuleExtractor, text: str, predicate: str) -> None:
    day = datetime(2035, 1, 20, 10, 0)
    assert not any(s == "user" and p == predicate for s, p, *_ in _facts(extractor, text, day))


@pytest.mark.parametrize(("text", "fact"), [
    ("Scrolling through my statement now: $40 at a garden centre on Sunday, for a bird feeder.", ("bought", "bird feeder")),
    ("My ears are still ringing from the Foals gig on Saturday.", ("attended", "Foals gig")),
    ("We got a log burner installed last autumn and it's lovely.", ("bought", "log burner")),
    ("I'm currently reading Wolf Hall.", ("read_book", "Wolf Hall")),
])
def test_a_deed_done_or_under_way_stays(extractor: RuleExtractor, text: str, fact: tuple[str, str]) -> None:
    day = datetime(2035, 3, 14, 10, 0)
    assert any(p == fact[0] and v.startswith(fact[1]) for _, p, v, _, _ in _facts(extractor, text, day))


@pytest.mark.parametrize("text", [
    "Picked up a tummy bug at the wedding, ugh.",
    "I've caught some sort of virus off the kids.",
    "Came back from Crete with an ear infection.",
])
def test_an_illness_caught_is_no_purchase(extractor: RuleExtractor, text: str) -> None:
    assert not any(p == "bought" for _, p, *_ in _facts(extractor, text))


def test_a_home_told_with_a_copula_is_the_home_and_no_sport(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "Home for me is Glasgow these days.")
    assert any(p == "lives_in" and v == "Glasgow" for _, p, v, _, _ in facts), facts
    assert not any(p == "favourite_sport" for _, p, *_ in facts), facts


def test_a_team_named_as_the_favourite_stays(extractor: RuleExtractor) -> None:
    assert ("user", "favourite_sport", "Liverpool") in {f[:3] for f in _facts(extractor, "My favourite team is Liverpool.")}


def test_a_holiday_naming_the_kind_gives_way_to_the_lines_own_time(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "The Halloween party at Priya's last night was brilliant.", datetime(2035, 11, 4, 10, 0))
    assert any(p == "attended" and day == "2035-11-03" for _, p, _, day, _ in facts), facts


def test_a_holiday_that_is_the_time_still_dates(extractor: RuleExtractor) -> None:
    facts = _facts(extractor, "We spent Christmas in Oslo with my parents.", datetime(2036, 1, 10, 10, 0))
    assert any(p == "visited" and v == "Oslo" and day == "2035-12-25" for _, p, v, day, _ in facts), facts


#: directed figures per category (found, correct, extracted) at this change; blind at main 66a57cd in the module doc
FLOORS = {"job_ended": (7, 7, 7), "ailment": (0, 0, 0), "plan_progressive": (0, 0, 3), "wrong_kind": (3, 3, 6),
          "holiday_np": (2, 2, 3)}


@pytest.mark.parametrize("category", sorted(FLOORS))
def test_the_invented_set_holds_its_directed_figures(extractor: RuleExtractor, category: str) -> None:
    found, correct, extracted = FLOORS[category]
    s = score(extractor, load())[category]
    assert s.found >= found and s.correct >= correct, "\n".join(s.misses + s.false_positives)
    assert s.extracted - s.correct <= extracted - correct, "\n".join(s.false_positives)
