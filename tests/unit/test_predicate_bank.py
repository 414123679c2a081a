"""The predicate example banks (``kgmem/resources/predicates/**/*.jsonl``) are written
independently of the synthetic generator's development templates: a bank sentence that is a
template sentence (verbatim or slot-filled) would let the meaning-based proposals find the
benchmark's own phrasing by nearest-neighbour lookup, and the development extraction figure would
measure that lookup instead of the reading."""

from __future__ import annotations

import re

from conftest import strings_in

from kgmem.datasets.synthetic import templates as T
from kgmem.extraction.zero.proposals import Exemplar, bank_files, load_bank


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", re.sub(r"\{[^}]*\}", " ", s.lower()))


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9{}_ ]", " ", s.lower())).strip()


def _dev_sentences() -> list[str]:
    """Every sentence template of the development generator (facts, distractors, requests,
    questions) with at least two words of its own: "{f} {r}" or "I {v}." are frames, not phrasing."""
    out = [s for name in dir(T) if name.isupper() for s in strings_in(getattr(T, name))]
    return sorted({s for s in out if len(_words(s)) >= 2})


_DEV = _dev_sentences()
_SHAPES = [re.compile("^" + re.sub(r"\\\{[a-z_]+\\\}", ".+", re.escape(_norm(s))).replace("\\ ", " ") + "$")
           for s in _DEV]
_DEV_WORDS = [(s, set(_words(s))) for s in _DEV]


def _copied_from(text: str) -> str | None:
    """The development template ``text`` copies: verbatim or slot-filled (a placeholder stands for
    any words), or sharing at least 80% of its words with one template sentence."""
    norm = _norm(text)
    for s, rx in zip(_DEV, _SHAPES, strict=True):
        if rx.match(norm):
            return s
    words = _words(text)
    for s, dev_words in _DEV_WORDS:
        if dev_words and sum(w in dev_words for w in words) / max(len(words), 1) >= 0.8:
            return s
    return None


def _all_banks() -> list[Exemplar]:
    return load_bank() + load_bank(bank_files("entities"))


def test_the_check_catches_copies_and_passes_own_phrasing() -> None:
    # slot-filled, verbatim-with-punctuation, and 80%-of-words copies of dev templates
    assert _copied_from("I drive a Honda Civic.") == "I drive a {v}."
    assert _copied_from("My favourite drink is iced coffee!") == "My favourite drink is {v}."
    assert _copied_from("I get to work on the train.") is not None
    assert _copied_from("My daily driver is a Toyota Yaris.") is None
    assert len(_all_banks()) > 500


def test_no_bank_example_is_a_development_template_sentence() -> None:
    copied = [(e.predicate, e.text, src) for e in _all_banks() if (src := _copied_from(e.text))]
    assert copied == []
