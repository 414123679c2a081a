"""The user predicate banks (``kgmem/resources/predicates/*.jsonl``) hold no value the synthetic
generator plants (``kgmem/datasets/synthetic/vocab.py``): a bank sentence carrying the benchmark's
own city, car, title or pet name lets nearest-neighbour proposals match on the value instead of the
phrasing, and the synthetic extraction figure would measure that (review7 H8).

Kin words ("sister") and the preference domains' names ("reading", "films") are the language of
the sentences, not values, and are not checked. A value with a capital letter is matched as written
("Target" the store, not "reading target"); a lower-case one in any case ("Jazz gets on my nerves")."""

from __future__ import annotations

import re

from conftest import strings_in

from kgmem.datasets.synthetic import vocab as V
from kgmem.extraction.zero.proposals import load_bank

#: the language of the sentences, not planted values
_NOT_VALUES = frozenset(V.RELATIVES) | {domain for domain, *_ in V.PREFERENCE_DOMAINS}


def _generator_values() -> list[str]:
    # a dict of the vocabulary is a lookup table (a relative's gender), not values the generator plants
    out = {s for name in dir(V) if name.isupper() and not isinstance(getattr(V, name), dict)
           for s in strings_in(getattr(V, name))}
    return sorted(out - _NOT_VALUES, key=len, reverse=True)


_VALUES = [(v, re.compile(r"(?<!\w)" + re.escape(v) + r"(?!\w)", 0 if v != v.lower() else re.I))
           for v in _generator_values()]


def _values_in(text: str) -> list[str]:
    return [v for v, rx in _VALUES if rx.search(text)]


def test_the_check_finds_generator_values_and_passes_others() -> None:
    assert _values_in("I packed up and relocated to Austin.") == ["Austin"]
    assert _values_in("Jazz gets on my nerves.") == ["jazz"]
    assert _values_in("We drove down to San Diego.") == ["Diego"]  # a planted first name inside a city
    assert _values_in("My reading target for the year is 12 books.") == []  # a word, not the store Target
    assert _values_in("My older sister lives nearby.") == []
    assert _values_in("I packed up and relocated to Pittsburgh.") == []
    assert len(_VALUES) > 500


def test_no_user_bank_line_holds_a_generator_value() -> None:
    bank = load_bank()
    assert len(bank) > 300
    found = [(e.predicate, e.text, hits) for e in bank if (hits := _values_in(e.text))]
    assert found == []


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def _fixture_texts() -> list[str]:
    """The user sentences of the hand-written extraction sets the figures are reported on."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"
    names = ["handwritten_sentences.jsonl", "sentences_dev2.jsonl", *sorted(p.name for p in root.glob("paraphrases*.jsonl"))]
    return [_plain(json.loads(line)["text"]) for n in names for line in (root / n).read_text().splitlines() if line.strip()]


def test_no_bank_line_is_a_sentence_of_the_hand_written_sets() -> None:
    # a bank line copied from a set lets the proposals find that set's sentence by lookup (review8 H2)
    texts = _fixture_texts()
    assert len(texts) > 500
    copied = [e.text for e in load_bank() if len(_plain(e.text).split()) >= 4
              and any(_plain(e.text) in t for t in texts)]
    assert copied == []
