"""The plain sentence gap lives once, in :mod:`kgmem.text`: a reply cut to its first sentences, the
sentence before a statement ("We got a kitten! Her name's Pudding."), a context split into sentences.
No module of kgmem writes the regex again (the careful splitters, which keep "Dr. Patel" whole, are
built on purpose from other parts and are not this regex)."""

from __future__ import annotations

from pathlib import Path

from kgmem.text import SENTENCE_GAP, SENTENCE_OR_LINE_GAP, last_sentence

ROOT = Path(__file__).resolve().parents[2] / "kgmem"
_GAP = r"(?<=[.!?])\s+"


def test_the_gap_follows_an_end_mark() -> None:
    assert SENTENCE_GAP.split("We got a kitten! Her name's Pudding. Is that odd?  No.") == [
        "We got a kitten!", "Her name's Pudding.", "Is that odd?", "No."]
    # no capital check and no abbreviation list: the plain cut
    assert SENTENCE_GAP.split("Saw Dr. Patel today. fine") == ["Saw Dr.", "Patel today.", "fine"]
    assert SENTENCE_GAP.split("no end mark\nhere") == ["no end mark\nhere"]


def test_the_line_gap_also_cuts_at_a_line_break() -> None:
    assert SENTENCE_OR_LINE_GAP.split("First line\nSecond. Third\n\nFourth") == [
        "First line", "Second.", "Third", "Fourth"]


def test_last_sentence() -> None:
    assert last_sentence("Plan a trip to Kyoto. I was there in 2019.  ") == "I was there in 2019."
    assert last_sentence("  one sentence only ") == "one sentence only"
    assert last_sentence("   ") == ""
    assert last_sentence("") == ""


def test_no_module_writes_the_gap_again() -> None:
    copies = [p.relative_to(ROOT).as_posix() for p in sorted(ROOT.rglob("*.py"))
              if p.name != "text.py" and _GAP in p.read_text(encoding="utf-8")]
    assert not copies, f"use kgmem.text.SENTENCE_GAP / SENTENCE_OR_LINE_GAP / last_sentence: {copies}"
