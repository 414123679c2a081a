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
        "count_voices", "deed_voices", "event_diaries", "event_tales", "event_voices", "pref_voices"}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_committed_set_is_what_its_source_builds(source: Path) -> None:
    casefile = load_script(FIX / "casefile.py")
    built = casefile.render(load_script(source).CASES)
    assert built == (FIX / source.name.replace("_source.py", ".jsonl")).read_text(encoding="utf-8")


def test_the_sets_dates_are_the_dataset_form() -> None:
    casefile = load_script(FIX / "casefile.py")
    assert casefile.lme(date(2027, 3, 2), 18, 10) == "2027/03/02 (Tue) 18:10"
    assert casefile.lme(date(2028, 2, 29), 9, 5) == "2028/02/29 (Tue) 09:05"
