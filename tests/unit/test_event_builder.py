"""The temporal development sets' one case builder (tests/fixtures/answers/event_builder.py): an evidence day
told as an offset or as an ISO day is the same case, its checks refuse a case whose words and dates disagree,
and every op's answer is computed from the dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from script_loader import load_script

B = load_script(Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "answers" / "event_builder.py")
FILLERS = [("What's the capital of Canada?", "Ottawa.")]
SAID = [("2028-03-08", "Had my first pottery class on Monday, made a wonky bowl."),
        ("2028-03-20", "Fired the bowl at the studio today, it survived!")]


def _case(first: int | str, *, kind: str = "days", op: str = "between", question: str = "How long between?",
          value: str | None = None, turned: int = 0) -> dict:
    ev = [(0, "pottery class", B.S, "on Monday", first), (1, "firing", B.E, "(that day)", 0)]
    return B.event_case("pt-07", SAID, question, "2028-03-30", kind, ev, op,
                        (("pottery class", B.S), ("firing", B.E)), value, turned, fillers=FILLERS)


def test_an_offset_and_an_iso_day_are_the_same_case() -> None:
    assert _case(-2) == _case("2028-03-06")
    case = _case(-2)
    assert case["answer_value"] == 14 and case["tolerance"] == {"unit": "days", "plus_minus": 1}
    assert [s["session_id"] for s in case["sessions"]] == ["pt-07-s1", "pt-07-f", "pt-07-s2"]  # the filler between


def test_a_weekday_that_is_not_the_days_is_refused() -> None:
    with pytest.raises(AssertionError):
        _case(-3)  # Sunday the 5th, told "on Monday"


def test_which_first_is_checked_against_the_dates() -> None:
    q = "Which came first, the pottery class or the firing?"
    assert _case(-2, kind="which_first", op="which_first", question=q, value="pottery class")["tolerance"] == {}
    with pytest.raises(AssertionError):
        _case(-2, kind="which_first", op="which_first", question=q, value="firing")
    q = "Which was more recent, the pottery class or the firing?"
    assert _case(-2, kind="which_first", op="which_first", question=q, value="firing")["answer_value"] == "firing"


def test_weeks_and_age() -> None:
    assert _case(-2, kind="weeks")["answer_value"] == 2
    age = _case(-2, kind="years", op="age_at", turned=7)  # turned 7 at the class, two weeks before the firing
    assert age["answer_value"] == 7 and age["answer"].startswith("7 years old (turned 7 on 2028-03-06")
