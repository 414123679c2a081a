"""Every hand-written answer set of tests/fixtures/answers that has a source (``<set>_source.py``) is committed
exactly as its source builds it, byte for byte, through the sets' one writer and date form (casefile.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from script_loader import load_script

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "answers"
SOURCES = sorted(FIX.glob("*_source.py"))


def test_every_set_with_a_source_is_checked() -> None:
    assert {p.name.removesuffix("_source.py") for p in SOURCES} >= {
        "answerable_voices", "count_voices", "deed_voices", "event_diaries", "event_tales", "event_voices",
        "pref_voices"}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_committed_set_is_what_its_source_builds(source: Path) -> None:
    casefile = load_script(FIX / "casefile.py")
    built = casefile.render(load_script(source).CASES)
    assert built == (FIX / source.name.replace("_source.py", ".jsonl")).read_text(encoding="utf-8")


def test_the_sets_dates_are_the_dataset_form() -> None:
    casefile = load_script(FIX / "casefile.py")
    assert casefile.lme(date(2027, 3, 2), 18, 10) == "2027/03/02 (Tue) 18:10"
    assert casefile.lme(date(2028, 2, 29), 9, 5) == "2028/02/29 (Tue) 09:05"


def test_one_haystack_builder_serves_the_sets_told_in_one_line_a_session() -> None:
    casefile = load_script(FIX / "casefile.py")
    replies, fillers = ("r0", "r1"), [("f0?", "f0."), ("f1?", "f1.")]
    sess, asked = casefile.case_sessions("xx-03", [("2027-03-01", "one"), ("2027-03-09", "two")], "2027-03-20",
                                         replies, fillers)
    assert [s["session_id"] for s in sess] == ["xx-03-s1", "xx-03-f", "xx-03-s2"]  # the filler midway, date order
    assert [s["date"] for s in sess] == ["2027/03/01 (Mon) 18:10", "2027/03/05 (Fri) 12:30", "2027/03/09 (Tue) 18:11"]
    assert [t["content"] for t in sess[0]["turns"]] == ["one", "r1"]  # the replies in turn from the case's number
    assert [t["content"] for t in sess[1]["turns"]] == ["f1?", "f1."]
    assert asked == "2027/03/20 (Sat) 10:00"
    for days, qdate in (([("2027-03-09", "a"), ("2027-03-01", "b")], "2027-04-01"), ([("2027-03-01", "a")], "2027-03-01")):
        with pytest.raises(AssertionError):
            casefile.case_sessions("xx-01", days, qdate, replies, fillers)
