"""The attribute bank for other people and things (``kgmem/resources/predicates/entities/``) holds no
value the synthetic generator plants and copies no sentence of the hand-written update pairs, as
the user predicate banks (tests/unit/test_predicate_bank_vocab.py, whose check this reuses): a bank
line carrying a benchmark's own name, city or instrument lets the attribute proposal match on the
value instead of the phrasing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import test_predicate_bank_vocab as vocab  # noqa: E402

from kgmem.extraction.zero.proposals import bank_files, load_bank  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def test_no_attribute_bank_line_holds_a_generator_value() -> None:
    bank = load_bank(bank_files("entities"))
    assert len(bank) > 100
    assert vocab._values_in("The cat's name is Mochi.") == ["Mochi"]  # the check sees a planted pet name
    found = [(e.predicate, e.text, hits) for e in bank if (hits := vocab._values_in(e.text))]
    assert found == []


def _pair_sentences() -> list[str]:
    """The user turns of the development pair files (the held-out folder is not read)."""
    out: list[str] = []
    for path in sorted(FIXTURES.glob("*entity_updates*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out += [vocab._plain(t["content"]) for s in json.loads(line)["sessions"] for t in s["turns"]
                        if t["role"] == "user"]
    return out


def test_no_attribute_bank_line_is_a_sentence_of_the_update_pairs() -> None:
    texts = _pair_sentences()
    assert len(texts) > 300
    copied = [e.text for e in load_bank(bank_files("entities")) if len(vocab._plain(e.text).split()) >= 4
              and any(vocab._plain(e.text) in t for t in texts)]
    assert copied == []
