"""The two forms in which readings of one value are compared live once, in :mod:`kgmem.ids`:
``plain_name`` (memory: the entity-key normalisation, then word characters only) and ``plain_value``
(extraction: casefolded, word characters only). No module of kgmem writes either again."""

from __future__ import annotations

from pathlib import Path

from kgmem.ids import plain_name, plain_value

ROOT = Path(__file__).resolve().parents[2] / "kgmem"


def test_plain_name_drops_articles_accents_and_punctuation() -> None:
    assert plain_name("The Ritz-Carlton") == plain_name("ritz carlton") == "ritzcarlton"
    assert plain_name("Café Olé") == "cafeole"
    assert plain_name("$2,300") == "2300"
    assert plain_name("  ") == ""


def test_plain_value_keeps_articles_and_accents() -> None:
    assert plain_value("$2,300") == plain_value("2300") == "2300"
    assert plain_value("The Ritz-Carlton") == "theritzcarlton"
    assert plain_value("Café") == "café"


def test_no_module_writes_the_forms_again() -> None:
    forms = ('re.sub(r"[^\\w]", "", normalise_name(', 're.sub(r"[^\\w]", "", value.casefold())')
    copies = [p.relative_to(ROOT).as_posix() for p in sorted(ROOT.rglob("*.py"))
              if p.name != "ids.py" and any(f in p.read_text(encoding="utf-8") for f in forms)]
    assert not copies, f"use kgmem.ids.plain_name / plain_value: {copies}"
